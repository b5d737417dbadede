"""The posted-range decoder: what a job board's pay range usually means.

The lesson says posted ranges are set a little high to draw applicants, and that your
capability, not the posting, decides the offer. That offers usually land around the
*middle* of a posted range, with the top kept for candidates who exceed every requirement,
is the **kit's rule of thumb** (recruiter practice reported by BBC Worklife, 2023; no
source gives a standard percentage), not the lesson's, and every line that uses it says so.

Kit defaults: the *usual landing zone* is the middle fifth of the range (40 %–60 % of the
way from the bottom); the *standout zone* is the top fifth.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from offerkit.errors import InvalidInputError
from offerkit.rules.pay import PayRange, format_money, parse_pay_range

__all__ = [
    "LANDING_ZONE",
    "RULE_OF_THUMB",
    "STANDOUT_FROM",
    "AskPosition",
    "Level",
    "PostedRangeReading",
    "decode_posted_range",
    "position_in_range",
    "zone_place",
]

LANDING_ZONE = (0.40, 0.60)
"""Kit default: offers usually land between 40 % and 60 % of the way up a posted range."""
STANDOUT_FROM = 0.80
"""Kit default: the top fifth of a posted range is kept for standouts."""

RULE_OF_THUMB = "kit rule of thumb, not the lesson's"
"""How every line that says where offers usually land labels the claim."""

Zone = Literal["below", "lower", "landing", "upper", "standout", "above"]
Level = Literal["ok", "warn"]


@dataclass(frozen=True)
class AskPosition:
    """Where an annual ask sits in a posted range."""

    ask: float
    fraction: float  # 0 at the bottom of the range, 1 at the top; may fall outside
    zone: Zone
    message: str
    level: Level = "ok"


@dataclass(frozen=True)
class PostedRangeReading:
    """A decoded posted range: its annual bounds and where offers usually land."""

    posted: PayRange
    landing_low: float
    landing_high: float
    standout_from: float
    ask: AskPosition | None

    @property
    def currency(self) -> str:
        """The range's currency."""
        return self.posted.currency

    @property
    def typical_offer(self) -> float:
        """The middle of the range: where a solid candidate's offer usually lands."""
        return self.posted.mid

    def lines(self) -> tuple[str, ...]:
        """A plain-text reading, one point per line."""
        cur = self.currency
        out = [
            f"Posted: {self.posted.describe()}",
            f"Offers usually land around the middle ({RULE_OF_THUMB}): "
            f"{format_money(self.landing_low, cur)}–{self.landing_high:,.0f}",
            f"The top (from {format_money(self.standout_from, cur)}) is usually kept for "
            "candidates who exceed every requirement (the same rule of thumb)",
        ]
        if self.ask is not None:
            out.append(self.ask.message)
        return tuple(out)


def _zone(fraction: float) -> Zone:
    if fraction < 0:
        return "below"
    if fraction > 1:
        return "above"
    if fraction >= STANDOUT_FROM:
        return "standout"
    if fraction > LANDING_ZONE[1]:
        return "upper"
    if fraction >= LANDING_ZONE[0]:
        return "landing"
    return "lower"


_ZONE_PLACE: dict[Zone, str] = {
    "below": "below the posted range",
    "lower": "in the lower part of the range",
    "landing": "in the usual landing zone around the middle",
    "upper": "above the middle",
    "standout": "in the top part kept for standouts",
    "above": "above the posted range",
}
_ZONE_ADVICE: dict[Zone, tuple[Level, str]] = {
    "below": ("warn", "you may be under-asking; check the role's level"),
    "lower": ("ok", "an easy yes for the employer"),
    "landing": ("ok", "a realistic ask"),
    "upper": ("ok", "be ready to show the hard strengths that justify it"),
    "standout": ("warn", "only with rare, proven strengths"),
    "above": ("warn", "expect a no unless the role is in high demand"),
}


def zone_place(zone: Zone) -> str:
    """Where a zone is, in words without advice (``"above the middle"``)."""
    return _ZONE_PLACE[zone]


def position_in_range(ask: float, posted: PayRange) -> AskPosition:
    """Where ``ask`` (annual, same currency) sits in ``posted``."""
    if not ask > 0:
        raise InvalidInputError("ask", "a positive annual amount", ask)
    width = posted.high - posted.low
    if width == 0:
        fraction = 0.5 if ask == posted.low else (-1.0 if ask < posted.low else 2.0)
    else:
        fraction = (ask - posted.low) / width
    zone = _zone(fraction)
    level, advice = _ZONE_ADVICE[zone]
    message = f"Your ask of {format_money(ask, posted.currency)} is {_ZONE_PLACE[zone]}: {advice}."
    return AskPosition(ask, fraction, zone, message, level)


def decode_posted_range(
    posted: PayRange | str,
    *,
    currency: str = "CNY",
    period: str | None = None,
    ask: float | None = None,
) -> PostedRangeReading:
    """Decode a posted range (a :class:`PayRange` or text in any pay format; ``period``
    settles text that does not say monthly or annual, see
    :func:`~offerkit.rules.pay.parse_pay_range`).

    >>> r = decode_posted_range("20-30K·15薪")
    >>> (r.landing_low, r.landing_high, r.standout_from)
    (360000.0, 390000.0, 420000.0)
    """
    if isinstance(posted, str):
        posted = parse_pay_range(posted, currency, period)
    width = posted.high - posted.low
    return PostedRangeReading(
        posted=posted,
        landing_low=round(posted.low + LANDING_ZONE[0] * width, 2),
        landing_high=round(posted.low + LANDING_ZONE[1] * width, 2),
        standout_from=round(posted.low + STANDOUT_FROM * width, 2),
        ask=None if ask is None else position_in_range(ask, posted),
    )
