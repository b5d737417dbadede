"""The two exceptions to the +20 % guideline, each with the reason you would give.

The lesson allows a larger rise in two cases only: you are an **exceptional** candidate
(your strength ledger has to support it, :func:`exception_from_strengths`) or the role is in
**high demand** (you need a reason you can state, :func:`high_demand_exception`). Either
lifts the cap to the exception ceiling of :mod:`offerkit.rules.salary`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from offerkit.errors import EmptyTextError, InvalidInputError

__all__ = [
    "EXCEPTION_KINDS",
    "ExceptionKind",
    "SalaryException",
    "exception_from_strengths",
    "high_demand_exception",
]

ExceptionKind = Literal["exceptional", "high-demand"]
EXCEPTION_KINDS: tuple[ExceptionKind, ...] = ("exceptional", "high-demand")


@dataclass(frozen=True)
class SalaryException:
    """A claimed exception to the +20 % guideline, with the reason you would give."""

    kind: ExceptionKind
    reason: str


class _StrengthVerdict(Protocol):
    @property
    def exceptional_supported(self) -> bool: ...
    @property
    def exceptional_reason(self) -> str: ...


def exception_from_strengths(summary: _StrengthVerdict) -> SalaryException:
    """The "exceptional candidate" exception, if the strength ledger supports it."""
    if not summary.exceptional_supported:
        raise InvalidInputError(
            "exception",
            "a strength ledger that supports 'exceptional'",
            "unsupported",
            summary.exceptional_reason,
        )
    return SalaryException("exceptional", summary.exceptional_reason)


def high_demand_exception(reason: str) -> SalaryException:
    """The "high-demand role" exception; the reason (market evidence) is required."""
    if not reason or not reason.strip():
        raise EmptyTextError(
            "high_demand_reason",
            "a reason the role is in high demand",
            reason,
            "e.g. 'three recruiters contacted me for this skill this month'",
        )
    return SalaryException("high-demand", reason.strip())
