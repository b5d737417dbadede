"""Judge an annual ask against your expected range: within the guideline, needs an
exception, or too far — and below your own target.

* at or below the +20 % guideline cap and at or above your target: fine;
* below your target (the low end of the range you decided) or below your previous pay:
  said so, because you would be asking for less than you decided;
* above the cap: only with one of the two exceptions, and say why;
* above the exception ceiling: too far, bring it down.

Without previous pay (not disclosed) there is no +20 % guideline to speak of: the cap is
the top of where the posting's offers usually land and the ceiling is the posting's top,
and the words say so.

Where a posted range was decoded, the verdict also says where the ask sits in it, in words
that never contradict the verdict (no "a realistic ask" beside "too far"). Every verdict has
a :attr:`AskVerdict.level` that matches its words: ``"ok"`` or ``"warn"``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from offerkit.errors import InvalidInputError
from offerkit.rules.pay import format_money, parse_pay, same_currency
from offerkit.rules.posted_range import AskPosition, Level, position_in_range, zone_place
from offerkit.rules.salary import ExpectedSalary

__all__ = ["VERDICT_LEVELS", "AskVerdict", "Verdict", "check_ask"]

Verdict = Literal[
    "below-previous",
    "below-target",
    "within-guideline",
    "needs-exception",
    "exception-used",
    "too-far",
]

VERDICT_LEVELS: dict[Verdict, Level] = {
    "below-previous": "warn",
    "below-target": "warn",
    "within-guideline": "ok",
    "needs-exception": "warn",
    "exception-used": "ok",
    "too-far": "warn",
}
"""The level each verdict is shown with (colour and icon follow the level)."""


@dataclass(frozen=True)
class AskVerdict:
    """A verdict on an annual ask, with the words and the level they deserve."""

    ask: float
    currency: str
    raise_pct: float | None
    verdict: Verdict
    message: str
    position: AskPosition | None = None
    position_message: str = ""

    @property
    def level(self) -> Level:
        """``"warn"`` if the verdict or the place in the posted range warns, else ``"ok"``."""
        levels = {VERDICT_LEVELS[self.verdict]}
        if self.position is not None and self.position_message == self.position.message:
            levels.add(self.position.level)
        return "warn" if "warn" in levels else "ok"

    def lines(self) -> tuple[str, ...]:
        """The verdict, then where the ask sits in the posted range (if one was given)."""
        return tuple(line for line in (self.message, self.position_message) if line)


def check_ask(ask: float | str, expected: ExpectedSalary) -> AskVerdict:
    """Judge an annual ask against the guideline cap and the exception ceiling.

    Text is read as an annual figure unless it says otherwise (``25k x 14``).

    >>> check_ask(400000, expected_salary_range("300000")).verdict
    'too-far'
    """
    if isinstance(ask, str):
        parsed = parse_pay(ask, expected.currency, "year", field="ask")
        same_currency(expected.currency, parsed.currency, field="ask")
        ask = parsed.amount
    if not ask > 0:
        raise InvalidInputError("ask", "a positive annual amount", ask)
    base = expected.previous.amount if expected.previous else None
    pct = None if base is None else round((ask / base - 1) * 100, 2)
    verdict = _verdict(ask, expected, base)
    message = _message(verdict, ask, pct, expected)
    position = None
    position_message = ""
    if expected.posted is not None:
        position = position_in_range(ask, expected.posted.posted)
        position_message = _position_message(verdict, position)
    return AskVerdict(
        float(ask), expected.currency, pct, verdict, message, position, position_message
    )


def _verdict(ask: float, expected: ExpectedSalary, base: float | None) -> Verdict:
    if ask > expected.exception_ceiling + 0.005:
        return "too-far"
    if ask > expected.guideline_cap + 0.005:
        return "exception-used" if expected.exceptions else "needs-exception"
    if base is not None and ask < base:
        return "below-previous"
    if ask < expected.target - 0.005:
        return "below-target"
    return "within-guideline"


def _message(verdict: Verdict, ask: float, pct: float | None, expected: ExpectedSalary) -> str:
    cur = expected.currency
    shown = format_money(ask, cur) + ("" if pct is None else f" ({pct:+.1f} %)")
    target = format_money(expected.target, cur)
    if verdict == "below-previous":
        return (
            f"{shown} is below your previous pay: you can ask for more (your target is {target})."
        )
    if verdict == "below-target":
        return (
            f"{shown} is below your own target of {target}: you would be asking for less "
            "than you decided. Ask at least your target."
        )
    if expected.previous is not None:
        return _with_guideline(verdict, shown, expected)
    return _without_previous(verdict, shown, expected)


def _raise_text(amount: float, expected: ExpectedSalary) -> str:
    base = expected.previous.amount if expected.previous else amount
    return f"+{(amount / base - 1) * 100:.0f} %"


def _with_guideline(verdict: Verdict, shown: str, expected: ExpectedSalary) -> str:
    guideline = f"the {_raise_text(expected.guideline_cap, expected)} guideline"
    ceiling = format_money(expected.exception_ceiling, expected.currency)
    ceiling_pct = _raise_text(expected.exception_ceiling, expected)
    texts: dict[Verdict, str] = {
        "within-guideline": f"{shown} is within {guideline}.",
        "needs-exception": f"{shown} is above {guideline}: only ask this if you are an "
        "exceptional candidate or the role is in high demand, and say why.",
        "exception-used": f"{shown} is above {guideline} but within the ceiling your "
        f"exception allows ({ceiling}, {ceiling_pct}): be ready to give your reason.",
        "too-far": f"{shown} is too far: it is above even the ceiling an exception allows "
        f"({ceiling}, {ceiling_pct}). Bring it down.",
    }
    return texts[verdict]


def _without_previous(verdict: Verdict, shown: str, expected: ExpectedSalary) -> str:
    cur = expected.currency
    cap = format_money(expected.guideline_cap, cur)
    top = format_money(expected.exception_ceiling, cur)
    texts: dict[Verdict, str] = {
        "within-guideline": f"{shown} is within your range, built on where this posting's "
        f"offers usually land (up to {cap}).",
        "needs-exception": f"{shown} is above where this posting's offers usually land "
        f"({cap}): only ask this if you are an exceptional candidate or the role is in high "
        "demand, and say why.",
        "exception-used": f"{shown} is above where offers usually land but within the "
        f"posted range ({top}) your exception allows: be ready to give your reason.",
        "too-far": f"{shown} is too far: it is above even the top of the posted range "
        f"({top}), the most an exception allows. Bring it down.",
    }
    return texts[verdict]


def _position_message(verdict: Verdict, position: AskPosition) -> str:
    """Where the ask sits in the posted range, worded so it agrees with the verdict."""
    place = zone_place(position.zone)
    if verdict in ("too-far", "needs-exception") and position.level == "ok":
        return f"In the posted range it sits {place}; the limit here is yours, not the posting's."
    if verdict in ("too-far", "needs-exception") and position.zone == "below":
        return (
            f"In the posted range it sits {place}: this posting pays more than your cap "
            "allows you to ask; see the note on the posted range above."
        )
    if verdict in ("below-previous", "below-target") and position.zone in ("standout", "above"):
        return (
            f"Yet it sits {place}: this posting pays less than your own figures. Ask HR what "
            "they can offer before you lower them."
        )
    if verdict in ("below-previous", "below-target") and position.level == "ok":
        return f"In the posted range it sits {place}."
    return position.message
