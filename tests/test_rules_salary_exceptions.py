"""The two exceptions to the +20 % guideline: kinds, from the strength ledger, high demand."""

from __future__ import annotations

import pytest

from offerkit.errors import EmptyTextError, InvalidInputError
from offerkit.rules.salary import expected_salary_range
from offerkit.rules.salary_exceptions import (
    EXCEPTION_KINDS,
    exception_from_strengths,
    high_demand_exception,
)
from offerkit.rules.strengths import strength, summarise_strengths


def test_exception_kinds() -> None:
    assert ("exceptional", "high-demand") == EXCEPTION_KINDS


def test_exception_from_a_supporting_ledger() -> None:
    summary = summarise_strengths(
        [
            strength("Easy-going", kind="soft"),
            strength("Built a compiler for an in-house chip", "shipped 2023", rare=True),
        ]
    )
    exception = exception_from_strengths(summary)
    assert ("exceptional", summary.exceptional_reason) == (exception.kind, exception.reason)
    assert 390_000.0 == expected_salary_range("300000", exceptions=[exception]).cap


@pytest.mark.parametrize(
    "ledger",
    [
        [strength("Easy-going", kind="soft")],
        [strength("Built a compiler for an in-house chip", rare=True)],  # no evidence
        [strength("Ran the on-call rota", "two years")],  # hard but not rare
    ],
)
def test_exception_from_a_non_supporting_ledger_is_refused(ledger: list) -> None:  # type: ignore[type-arg]
    summary = summarise_strengths(ledger)
    with pytest.raises(InvalidInputError) as caught:
        exception_from_strengths(summary)
    assert ("exception", summary.exceptional_reason) == (caught.value.field, caught.value.hint)


@pytest.mark.parametrize("reason", ["", "   "])
def test_high_demand_needs_a_reason(reason: str) -> None:
    with pytest.raises(EmptyTextError) as caught:
        high_demand_exception(reason)
    assert "'high_demand_reason' must be a reason the role is in high demand" in str(caught.value)
