"""Judge an annual ask against your expected range: within the guideline, needs an
exception, or too far.

* at or below the +20 % guideline cap: fine (below your previous pay: ask for more);
* above the cap: only with one of the two exceptions, and say why;
* above the exception ceiling: too far, bring it down.

Where a posted range was decoded, the verdict also says where the ask sits in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from offerkit.errors import InvalidInputError
from offerkit.rules.pay import format_money, parse_pay, same_currency
from offerkit.rules.posted_range import AskPosition, position_in_range
from offerkit.rules.salary import ExpectedSalary

__all__ = ["AskVerdict", "Verdict", "check_ask"]

Verdict = Literal[
    "below-previous", "within-guideline", "needs-exception", "exception-used", "too-far"
]


def check_ask(ask: float | str, expected: ExpectedSalary) -> AskVerdict:
    """Judge an annual ask against the guideline cap and the exception ceiling.

    >>> check_ask(400000, expected_salary_range("300000")).verdict
    'too-far'
    """
    if isinstance(ask, str):
        parsed = parse_pay(ask, expected.currency, field="ask")
        same_currency(expected.currency, parsed.currency, field="ask")
        ask = parsed.amount
    if not ask > 0:
        raise InvalidInputError("ask", "a positive annual amount", ask)
    base = expected.previous.amount if expected.previous else None
    pct = None if base is None else round((ask / base - 1) * 100, 2)
    verdict = _verdict(ask, expected, base)
    message = _VERDICT_TEXT[verdict].format(
        ask=format_money(ask, expected.currency), pct="" if pct is None else f" ({pct:+.1f} %)"
    )
    position = None
    if expected.posted is not None:
        position = position_in_range(ask, expected.posted.posted)
    return AskVerdict(float(ask), expected.currency, pct, verdict, message, position)


def _verdict(ask: float, expected: ExpectedSalary, base: float | None) -> Verdict:
    if ask > expected.exception_ceiling + 0.005:
        return "too-far"
    if ask > expected.guideline_cap + 0.005:
        return "exception-used" if expected.exceptions else "needs-exception"
    if base is not None and ask < base:
        return "below-previous"
    return "within-guideline"


_VERDICT_TEXT: dict[Verdict, str] = {
    "below-previous": "{ask}{pct} is below your previous pay: you can ask for more.",
    "within-guideline": "{ask}{pct} is within the +20 % guideline.",
    "needs-exception": "{ask}{pct} is above the +20 % guideline: only ask this if you are an "
    "exceptional candidate or the role is in high demand, and say why.",
    "exception-used": "{ask}{pct} is above the guideline but within the ceiling your "
    "exception allows: be ready to give your reason.",
    "too-far": "{ask}{pct} is too far: it is above even the ceiling an exception allows. "
    "Don't go too far; bring it down.",
}


@dataclass(frozen=True)
class AskVerdict:
    """A verdict on an annual ask: within guideline / needs an exception / too far."""

    ask: float
    currency: str
    raise_pct: float | None
    verdict: Verdict
    message: str
    position: AskPosition | None = None
