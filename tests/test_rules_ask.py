"""The verdict on an annual ask: within the guideline, needs an exception, too far."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_rules_salary import EXCEPTIONAL, HIGH_DEMAND, asks, claims, previous_pays

from offerkit.errors import InvalidInputError
from offerkit.rules.ask import AskVerdict, check_ask
from offerkit.rules.salary import ExpectedSalary, expected_salary_range
from offerkit.rules.salary_exceptions import SalaryException

_RANK = {
    "below-previous": 0,
    "below-target": 0,
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
        (300_000, "below-target", 0.0),
        (341_999, "below-target", 14.0),
        (342_000, "within-guideline", 14.0),
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
        "CNY 400,000 (+33.3 %) is too far: it is above even the ceiling an exception allows "
        "(CNY 390,000, +30 %). Bring it down.",
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
    expected = expected_salary_range(f"{previous}/year", exceptions=claimed)
    small, large = sorted((ask_a, ask_b))
    assert _RANK[check_ask(small, expected).verdict] <= _RANK[check_ask(large, expected).verdict]


@given(previous_pays, asks, claims)
def test_an_ask_within_the_range_is_never_too_far(
    previous: int, fraction: int, claimed: tuple[SalaryException, ...]
) -> None:
    expected = expected_salary_range(f"{previous}/year", exceptions=claimed)
    ask = expected.range_low + (expected.range_high - expected.range_low) * (fraction % 101) / 100
    verdict = check_ask(ask, expected).verdict
    assert verdict in ({"exception-used", "within-guideline"} if claimed else {"within-guideline"})


@given(previous_pays, asks)
def test_the_guideline_is_never_passed_without_an_exception(previous: int, ask: int) -> None:
    expected = expected_salary_range(f"{previous}/year")
    verdict = check_ask(ask, expected).verdict
    assert (ask > expected.guideline_cap) == (verdict in {"needs-exception", "too-far"})


# ---------------------------------------------------------------- words and level agree

WARN_WORDS = (
    "too far",
    "only ask this",
    "below your previous pay",
    "below your own target",
    "under-asking",
    "expect a no",
    "only with rare",
    "pays less",
    "pays more",
)
OK_WORDS = ("a realistic ask", "an easy yes", "is within")


factors = st.floats(min_value=0.3, max_value=2.0)
marks = st.sampled_from(["anchor", "target", "cap", "ceiling", "posted low", "posted high"])


def _mark(expected: ExpectedSalary, mark: str) -> float:
    posted = expected.posted.posted if expected.posted else None
    points = {
        "anchor": expected.anchor_amount,
        "target": expected.target,
        "cap": expected.guideline_cap,
        "ceiling": expected.exception_ceiling,
        "posted low": posted.low if posted else expected.target,
        "posted high": posted.high if posted else expected.cap,
    }
    return points[mark]


@settings(max_examples=400)
@given(
    st.none() | previous_pays,
    st.none() | st.tuples(factors, st.floats(min_value=0, max_value=1)),
    claims,
    marks,
    st.floats(min_value=0.9, max_value=1.1) | factors,
)
def test_the_level_always_matches_the_words(
    previous: int | None,
    posted: tuple[float, float] | None,
    claimed: tuple[SalaryException, ...],
    mark: str,
    ask_factor: float,
) -> None:
    """Posting and ask are drawn around the previous pay and the range's edges, so every
    zone meets every verdict."""
    base = previous or 300_000
    posted_text = None
    if posted is not None:
        low = round(base * posted[0])
        posted_text = f"{low}-{round(low * (1 + posted[1]))}/year"
    if previous is None and posted_text is None:
        return
    expected = expected_salary_range(
        None if previous is None else f"{previous}/year", posted=posted_text, exceptions=claimed
    )
    result = check_ask(round(_mark(expected, mark) * ask_factor) or 1, expected)
    words = " ".join(result.lines())
    warns = any(w in words for w in WARN_WORDS)
    assert ("warn" if warns else "ok") == result.level, words
    if result.verdict == "too-far":
        assert ("warn", False, True) == (
            result.level,
            any(w in words for w in OK_WORDS),
            "Bring it down" in words,
        ), words
    if previous is None:
        assert (False, False) == ("+20 %" in words, "guideline" in words), words
    if result.verdict in ("below-previous", "below-target"):
        assert "target" in result.message, words


@given(previous_pays, asks)
def test_an_ask_below_the_target_is_pointed_out(previous: int, ask: int) -> None:
    expected = expected_salary_range(f"{previous}/year")
    result = check_ask(ask, expected)
    assert (ask < expected.target - 0.005) == (
        "below your own target" in result.message or "below your previous pay" in result.message
    )


def test_too_far_in_the_lower_part_of_the_posting_is_not_an_easy_yes() -> None:
    # previous 200k, ceiling 260k; the posting 250k–450k: 300k is in its lower part
    result = check_ask(300_000, expected_salary_range("200000", posted="250k-450k"))
    assert ("too-far", "lower", "warn") == (result.verdict, result.position.zone, result.level)  # type: ignore[union-attr]
    assert "easy yes" not in " ".join(result.lines())
    assert "In the posted range it sits in the lower part of the range" in result.lines()[1]


def test_without_previous_pay_the_verdict_never_speaks_of_the_guideline() -> None:
    expected = expected_salary_range(None, posted="20-30K·15薪")
    words = [check_ask(ask, expected).message for ask in (380_000, 400_000, 460_000)]
    assert [False, False, False] == ["guideline" in w for w in words]
    assert words[1].startswith("CNY 400,000 is above where this posting's offers usually land")
