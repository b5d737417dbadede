"""Your expected salary: an annual range under the +20 % guideline.

The lesson's rules, as computed here:

* state an **annual** range, not a monthly figure;
* keep the rise within **+20 %** of your previous annual pay (the *guideline cap*);
* two exceptions allow more — you are an exceptional candidate (shown by your strength
  ledger) or the role is in high demand (with a reason you can state) — but not too far:
  the *exception ceiling* is +30 % by kit default (configurable); above it we warn;
* the range puts your target at its **low** end and its top at the cap in force
  (Ames & Mason 2015: a range whose *bottom* is the target does better than one whose top is).

The two exceptions live in :mod:`offerkit.rules.salary_exceptions`, the verdict on an ask in
:mod:`offerkit.rules.ask`.

"Previous pay not disclosed" mode (where salary-history questions are not asked, or you
prefer not to say): the range anchors on the posted range's middle instead.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from offerkit.errors import InvalidInputError
from offerkit.rules.pay import (
    AnnualPay,
    PayRange,
    currency_step,
    format_money,
    parse_pay,
    same_currency,
)
from offerkit.rules.posted_range import (
    RULE_OF_THUMB,
    Level,
    PostedRangeReading,
    decode_posted_range,
)
from offerkit.rules.salary_exceptions import (
    SalaryException,
)

__all__ = [
    "ExpectedSalary",
    "SalaryPolicy",
    "expected_salary_range",
]


@dataclass(frozen=True)
class SalaryPolicy:
    """The numbers behind the rules. The lesson fixes +20 %; the rest are kit defaults."""

    guideline_raise: float = 0.20
    exception_raise: float = 0.30
    range_width: float = 0.05

    def __post_init__(self) -> None:
        if not 0 < self.guideline_raise <= 1:
            raise InvalidInputError(
                "guideline_raise", "a fraction between 0 and 1", self.guideline_raise
            )
        if not self.guideline_raise <= self.exception_raise <= 1:
            raise InvalidInputError(
                "exception_raise",
                f"between the guideline ({self.guideline_raise:g}) and 1",
                self.exception_raise,
            )
        if not 0 < self.range_width <= 0.25:
            raise InvalidInputError(
                "range_width", "a fraction above 0 and at most 0.25", self.range_width
            )


@dataclass(frozen=True)
class ExpectedSalary:
    """Your expected annual salary range and the numbers it was built from."""

    currency: str
    previous: AnnualPay | None
    anchor: Literal["previous pay", "posted range middle"]
    anchor_amount: float
    guideline_cap: float
    exception_ceiling: float
    exceptions: tuple[SalaryException, ...]
    range_low: float
    range_high: float
    posted: PostedRangeReading | None
    notes: tuple[str, ...] = field(default=())
    level: Level = "ok"  # "warn" when a note warns; colour and icon follow it

    @property
    def cap(self) -> float:
        """The cap in force: the exception ceiling if an exception is claimed, else the
        guideline cap."""
        return self.exception_ceiling if self.exceptions else self.guideline_cap

    @property
    def target(self) -> float:
        """Your target: the low end of the range you state."""
        return self.range_low

    def lines(self) -> tuple[str, ...]:
        """A plain-text summary, one point per line."""
        cur = self.currency
        out = []
        if self.previous is not None:
            out.append(f"Previous annual pay: {self.previous.describe()}")
            out.append(
                f"{_pct(self.guideline_cap, self.previous)} guideline cap: "
                f"{format_money(self.guideline_cap, cur)}"
            )
            out.append(
                f"Ceiling an exception allows ({_pct(self.exception_ceiling, self.previous)}): "
                f"{format_money(self.exception_ceiling, cur)}"
            )
        else:
            out.append(
                f"Previous pay not disclosed: anchored on the posted range's middle, "
                f"{format_money(self.anchor_amount, cur)}"
            )
            out.append(
                "Ceiling an exception allows (the top of the posted range): "
                f"{format_money(self.exception_ceiling, cur)}"
            )
        out.append(
            f"Your annual range: {format_money(self.range_low, cur)}–"
            f"{self.range_high:,.0f} (target at the low end)"
        )
        if self.posted is not None:
            out.extend(self.posted.lines())
        out.extend(self.notes)
        return tuple(out)

    def as_dict(self) -> dict[str, object]:
        """Plain numbers and strings, ready for JSON."""
        return {
            "currency": self.currency,
            "previous_annual": None if self.previous is None else self.previous.amount,
            "anchor": self.anchor,
            "anchor_amount": self.anchor_amount,
            "guideline_cap": self.guideline_cap,
            "exception_ceiling": self.exception_ceiling,
            "cap_in_force": self.cap,
            "exceptions": [{"kind": e.kind, "reason": e.reason} for e in self.exceptions],
            "range_low": self.range_low,
            "range_high": self.range_high,
            "posted_low": None if self.posted is None else self.posted.posted.low,
            "posted_high": None if self.posted is None else self.posted.posted.high,
            "usual_landing_low": None if self.posted is None else self.posted.landing_low,
            "usual_landing_high": None if self.posted is None else self.posted.landing_high,
            "notes": list(self.notes),
        }


def _pct(amount: float, previous: AnnualPay) -> str:
    return f"+{(amount / previous.amount - 1) * 100:.0f} %"


def _floor_to(amount: float, step: int) -> float:
    return float(math.floor(amount / step + 1e-9) * step)


def _range_under(top: float, policy: SalaryPolicy, currency: str) -> tuple[float, float]:
    """A range whose top is ``top`` and whose bottom (the target) is ``range_width`` below."""
    step = currency_step(currency)
    high = _floor_to(top, step) if top >= step else top
    low = _floor_to(high / (1 + policy.range_width), step) if high >= step else high
    if not low > 0:  # rounding down to the step would leave a target of 0
        low = round(high / (1 + policy.range_width), 2)
    return low, high


def _posted_notes(
    low: float, high: float, guideline: float, ceiling: float, reading: PostedRangeReading
) -> tuple[Level, tuple[str, ...]]:
    """What the posting means for the range; ``"warn"`` when it calls for action."""
    posted, cur = reading.posted, reading.currency
    minimum = format_money(posted.low, cur)
    if guideline < posted.low:
        caps = f"Your guideline cap ({format_money(guideline, cur)})"
        if ceiling < posted.low:
            caps += f" and even the ceiling an exception allows ({format_money(ceiling, cur)})"
        return "warn", (
            f"{caps} {'are' if ceiling < posted.low else 'is'} below this posting's minimum "
            f"({minimum}). That means the posting pays more "
            "than your guideline allows you to ask: the role may be a level above your last "
            "one (check you meet its requirements) or in high demand. An ask within the "
            "guideline would be below what the employer offers anyone, so rather than name "
            "it, ask HR what they can offer, as the lesson suggests.",
        )
    if low > posted.high:
        return "warn", ("Your range starts above the posted range: expect HR to push back.",)
    if high < reading.landing_low:
        return "ok", (
            f"Offers for this posting usually land above your range ({RULE_OF_THUMB}): HR may "
            "well offer more than you ask, so you can also ask what they can offer.",
        )
    if low > reading.landing_high:
        return "warn", (
            "Your range starts above where this posting's offers usually land "
            f"({RULE_OF_THUMB}): expect HR to come back lower unless your hard strengths "
            "stand out.",
        )
    return "ok", ()


def expected_salary_range(
    previous: AnnualPay | str | None,
    *,
    currency: str = "CNY",
    posted: PayRange | str | None = None,
    exceptions: Sequence[SalaryException] = (),
    policy: SalaryPolicy | None = None,
    previous_period: str | None = None,
    posted_period: str | None = None,
) -> ExpectedSalary:
    """Your annual range: target at the low end, top at the cap in force.

    Text is read with :func:`~offerkit.rules.pay.parse_pay` /
    :func:`~offerkit.rules.pay.parse_pay_range`; ``previous_period`` and ``posted_period``
    ("month" / "year") settle figures that do not say which they are.

    >>> e = expected_salary_range("300000")
    >>> (e.guideline_cap, e.exception_ceiling, e.range_low, e.range_high)
    (360000.0, 390000.0, 342000.0, 360000.0)
    """
    policy = policy or SalaryPolicy()
    if isinstance(previous, str):
        previous = parse_pay(previous, currency, previous_period) if previous.strip() else None
    reading = None
    if posted is not None and not (isinstance(posted, str) and not posted.strip()):
        reading = decode_posted_range(posted, currency=currency, period=posted_period)
    claimed = tuple(exceptions)
    if previous is None:
        if reading is None:
            raise InvalidInputError(
                "previous_pay",
                "a pay figure, or a posted range to anchor on when previous pay is not disclosed",
                "nothing",
            )
        return _undisclosed(reading, claimed, policy)
    cur = previous.currency
    if reading is not None:
        cur = same_currency(previous.currency, reading.currency, field="posted_range")
    guideline = round(previous.amount * (1 + policy.guideline_raise), 2)
    ceiling = round(previous.amount * (1 + policy.exception_raise), 2)
    low, high = _range_under(ceiling if claimed else guideline, policy, cur)
    level, notes = _posted_notes(low, high, guideline, ceiling, reading) if reading else ("ok", ())
    return ExpectedSalary(
        cur,
        previous,
        "previous pay",
        previous.amount,
        guideline,
        ceiling,
        claimed,
        low,
        high,
        reading,
        notes,
        level,
    )


def _undisclosed(
    reading: PostedRangeReading, claimed: tuple[SalaryException, ...], policy: SalaryPolicy
) -> ExpectedSalary:
    """Anchor on the posted middle: guideline cap = top of the usual landing zone,
    exception ceiling = top of the posted range."""
    posted = reading.posted
    top = posted.high if claimed else max(reading.landing_high, posted.mid)
    low, high = _range_under(top, policy, posted.currency)
    low = max(low, _floor_to(posted.mid, currency_step(posted.currency))) if not claimed else low
    note = (
        "Without previous pay the +20 % guideline cannot be applied; the range is built "
        f"on where posted offers usually land ({RULE_OF_THUMB})."
    )
    return ExpectedSalary(
        posted.currency,
        None,
        "posted range middle",
        posted.mid,
        reading.landing_high,
        posted.high,
        claimed,
        min(low, high),
        high,
        reading,
        (note,),
    )
