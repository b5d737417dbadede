"""The verdict on an annual ask: within the guideline, needs an exception, too far."""

from __future__ import annotations

import pytest
from hypothesis import given
from test_rules_salary import EXCEPTIONAL, HIGH_DEMAND, asks, claims, previous_pays

from offerkit.errors import InvalidInputError
from offerkit.rules.ask import AskVerdict, check_ask
from offerkit.rules.salary import expected_salary_range
from offerkit.rules.salary_exceptions import SalaryException

_RANK = {
    "below-previous": 0,
    "within-guideline": 1,
    "needs-exception": 2,
    "exception-used": 2,
    "too-far": 3,
}


def test_ask_of_400000_is_too_far_with_or_without_exception() -> None:
    plain = expected_salary_range("300000")
    claimed = expected_salary_range("300000", exceptions=[HIGH_DEMAND])
    assert ("too-far", "too-far") == (
        check_ask(400_000, plain).verdict,
        check_ask(400_000, claimed).verdict,
    )


def test_ask_of_370000_needs_an_exception_or_uses_one() -> None:
    plain = expected_salary_range("300000")
    claimed = expected_salary_range("300000", exceptions=[EXCEPTIONAL])
    assert ("needs-exception", "exception-used") == (
        check_ask(370_000, plain).verdict,
        check_ask(370_000, claimed).verdict,
    )


@pytest.mark.parametrize(
    ("ask", "verdict", "pct"),
    [
        (250_000, "below-previous", -16.67),
        (300_000, "within-guideline", 0.0),
        (360_000, "within-guideline", 20.0),
        (360_001, "needs-exception", 20.0),
        (390_000, "needs-exception", 30.0),
        (390_001, "too-far", 30.0),
    ],
)
def test_verdict_boundaries(ask: float, verdict: str, pct: float) -> None:
    result = check_ask(ask, expected_salary_range("300000"))
    assert (verdict, pct) == (result.verdict, result.raise_pct)


def test_verdict_message() -> None:
    result = check_ask(400_000, expected_salary_range("300000"))
    expected = AskVerdict(
        400_000.0,
        "CNY",
        33.33,
        "too-far",
        "CNY 400,000 (+33.3 %) is too far: it is above even the ceiling an exception allows. "
        "Don't go too far; bring it down.",
        None,
    )
    assert expected == result


def test_ask_as_text_is_read_as_pay() -> None:
    expected = expected_salary_range("300000")
    assert (370_000.0, "needs-exception") == (
        check_ask("370k", expected).ask,
        check_ask("370k", expected).verdict,
    )


def test_ask_in_another_currency_is_refused() -> None:
    with pytest.raises(InvalidInputError) as caught:
        check_ask("$370k", expected_salary_range("300000"))
    assert ("ask", True) == (caught.value.field, "one currency" in str(caught.value))


@pytest.mark.parametrize("ask", [0, -5, float("nan")])
def test_ask_must_be_positive(ask: float) -> None:
    with pytest.raises(InvalidInputError) as caught:
        check_ask(ask, expected_salary_range("300000"))
    assert "'ask' must be a positive annual amount" in str(caught.value)


@given(previous_pays, asks, asks, claims)
def test_verdict_never_improves_as_the_ask_grows(
    previous: int, ask_a: int, ask_b: int, claimed: tuple[SalaryException, ...]
) -> None:
    expected = expected_salary_range(str(previous), exceptions=claimed)
    small, large = sorted((ask_a, ask_b))
    assert _RANK[check_ask(small, expected).verdict] <= _RANK[check_ask(large, expected).verdict]


@given(previous_pays, asks, claims)
def test_an_ask_within_the_range_is_never_too_far(
    previous: int, fraction: int, claimed: tuple[SalaryException, ...]
) -> None:
    expected = expected_salary_range(str(previous), exceptions=claimed)
    ask = expected.range_low + (expected.range_high - expected.range_low) * (fraction % 101) / 100
    verdict = check_ask(ask, expected).verdict
    assert verdict in ({"exception-used", "within-guideline"} if claimed else {"within-guideline"})


@given(previous_pays, asks)
def test_the_guideline_is_never_passed_without_an_exception(previous: int, ask: int) -> None:
    expected = expected_salary_range(str(previous))
    verdict = check_ask(ask, expected).verdict
    assert (ask > expected.guideline_cap) == (verdict in {"needs-exception", "too-far"})
