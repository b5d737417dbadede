"""Tests for offerkit.rules.salary: the +20 % guideline and the annual range (the exceptions:
test_salary_exceptions; the verdict on an ask: test_ask)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offerkit.errors import AmbiguousPayError, InvalidInputError, UnknownCurrencyError
from offerkit.rules.ask import check_ask
from offerkit.rules.pay import parse_pay
from offerkit.rules.salary import ExpectedSalary, SalaryPolicy, expected_salary_range
from offerkit.rules.salary_exceptions import SalaryException, high_demand_exception

HIGH_DEMAND = SalaryException("high-demand", "three recruiters called this month")
EXCEPTIONAL = SalaryException("exceptional", "built a compiler for an in-house chip")


# ---------------------------------------------------------------- worked examples


def test_guideline_cap_for_300000_is_360000() -> None:
    assert 360_000.0 == expected_salary_range("300000").guideline_cap


@pytest.mark.parametrize("exception", [HIGH_DEMAND, EXCEPTIONAL])
def test_with_an_exception_the_cap_is_390000(exception: SalaryException) -> None:
    expected = expected_salary_range("300000", exceptions=[exception])
    assert (360_000.0, 390_000.0, 390_000.0) == (
        expected.guideline_cap,
        expected.exception_ceiling,
        expected.cap,
    )


def test_high_demand_exception_helper_gives_the_same_cap() -> None:
    exception = high_demand_exception("  three recruiters called this month ")
    assert HIGH_DEMAND == exception
    assert 390_000.0 == expected_salary_range("300000", exceptions=[exception]).cap


def test_without_exception_the_cap_in_force_is_the_guideline() -> None:
    expected = expected_salary_range("300000")
    assert (390_000.0, 360_000.0) == (expected.exception_ceiling, expected.cap)


# ---------------------------------------------------------------- the range


def test_range_for_300000_has_target_at_the_low_end_and_top_at_the_cap() -> None:
    expected = expected_salary_range("300000")
    assert (342_000.0, 360_000.0, 342_000.0) == (
        expected.range_low,
        expected.range_high,
        expected.target,
    )


def test_range_with_exception_tops_at_the_ceiling() -> None:
    expected = expected_salary_range("300000", exceptions=[HIGH_DEMAND])
    assert (371_000.0, 390_000.0) == (expected.range_low, expected.range_high)


def test_range_for_25k_x_14() -> None:
    expected = expected_salary_range("25k x 14")
    assert (350_000.0, 420_000.0, 455_000.0, 400_000.0, 420_000.0) == (
        expected.anchor_amount,
        expected.guideline_cap,
        expected.exception_ceiling,
        expected.range_low,
        expected.range_high,
    )


def test_range_is_rounded_down_to_the_currency_step() -> None:
    expected = expected_salary_range("333,333")
    assert (399_999.6, 380_000.0, 399_000.0) == (
        expected.guideline_cap,
        expected.range_low,
        expected.range_high,
    )


def test_previous_pay_object_and_text_agree() -> None:
    assert expected_salary_range(parse_pay("25k x 14")) == expected_salary_range("25k x 14")


def test_tiny_amounts_keep_a_positive_target() -> None:
    expected = expected_salary_range("900/year")
    assert (1000.0, 952.38) == (expected.range_high, expected.range_low)


def test_lines_with_previous_pay_and_posted_range() -> None:
    expected = expected_salary_range("25k x 14", posted="20k-30k x 15")
    assert (
        "Previous annual pay: 25,000 × 14 = CNY 350,000 a year",
        "+20 % guideline cap: CNY 420,000",
        "Ceiling an exception allows (+30 %): CNY 455,000",
        "Your annual range: CNY 400,000–420,000 (target at the low end)",
        "Posted: CNY 300,000–450,000 a year (20,000–30,000 × 15)",
        "Offers usually land around the middle (kit rule of thumb, not the lesson's): "
        "CNY 360,000–390,000",
        "The top (from CNY 420,000) is usually kept for candidates who exceed every requirement "
        "(the same rule of thumb)",
        "Your range starts above where this posting's offers usually land (kit rule of thumb, "
        "not the lesson's): expect HR to come back lower unless your hard strengths stand out.",
    ) == expected.lines()
    assert "warn" == expected.level


@pytest.mark.parametrize(
    ("previous", "note", "level"),
    [
        ("200000", "Your guideline cap (CNY 240,000) and even the ceiling", "warn"),
        ("500000", "Your range starts above the posted range", "warn"),
        ("280000", "Offers for this posting usually land above your range", "ok"),
        ("310000", None, "ok"),
    ],
)
def test_notes_compare_the_range_with_the_posting(
    previous: str, note: str | None, level: str
) -> None:
    expected = expected_salary_range(previous, posted="20-30K·15薪")
    assert ((() if note is None else (True,)), level) == (
        tuple(n.startswith(note or "") for n in expected.notes),
        expected.level,
    )


def test_a_guideline_cap_below_the_posting_minimum_says_what_it_means() -> None:
    plain = expected_salary_range("200000", posted="20-30K·15薪")
    claimed = expected_salary_range("200000", posted="20-30K·15薪", exceptions=[HIGH_DEMAND])
    assert (True, True, True) == (
        "the posting pays more than your guideline allows you to ask" in plain.notes[0],
        "ask HR what they can offer" in plain.notes[0],
        "and even the ceiling an exception allows (CNY 260,000) are below" in claimed.notes[0],
    )


def test_periods_settle_bare_figures() -> None:
    expected = expected_salary_range(
        "25k", posted="20-30K", previous_period="month", posted_period="month"
    )
    assert (300_000.0, 240_000.0) == (expected.anchor_amount, expected.posted.posted.low)  # type: ignore[union-attr]


def test_a_bare_ambiguous_previous_pay_is_not_guessed() -> None:
    with pytest.raises(AmbiguousPayError):
        expected_salary_range("25k")


def test_as_dict_holds_plain_numbers() -> None:
    data = expected_salary_range("300000", posted="20-30K·15薪", exceptions=[HIGH_DEMAND]).as_dict()
    assert {
        "currency": "CNY",
        "previous_annual": 300_000.0,
        "anchor": "previous pay",
        "anchor_amount": 300_000.0,
        "guideline_cap": 360_000.0,
        "exception_ceiling": 390_000.0,
        "cap_in_force": 390_000.0,
        "exceptions": [{"kind": "high-demand", "reason": "three recruiters called this month"}],
        "range_low": 371_000.0,
        "range_high": 390_000.0,
        "posted_low": 300_000.0,
        "posted_high": 450_000.0,
        "usual_landing_low": 360_000.0,
        "usual_landing_high": 390_000.0,
        "notes": [],
    } == data


# ---------------------------------------------------------------- not disclosed


@pytest.mark.parametrize("previous", [None, "", "   "])
def test_not_disclosed_anchors_on_the_posted_middle(previous: str | None) -> None:
    expected = expected_salary_range(previous, posted="20-30K·15薪")
    assert (
        None,
        "posted range middle",
        375_000.0,
        390_000.0,
        450_000.0,
        375_000.0,
        390_000.0,
    ) == (
        expected.previous,
        expected.anchor,
        expected.anchor_amount,
        expected.guideline_cap,
        expected.exception_ceiling,
        expected.range_low,
        expected.range_high,
    )
    assert "Without previous pay the +20 % guideline cannot be applied" in expected.notes[0]


def test_not_disclosed_with_exception_may_reach_the_posted_top() -> None:
    expected = expected_salary_range(None, posted="20-30K·15薪", exceptions=[HIGH_DEMAND])
    assert (428_000.0, 450_000.0, 450_000.0) == (
        expected.range_low,
        expected.range_high,
        expected.cap,
    )


def test_not_disclosed_lines_and_ask() -> None:
    expected = expected_salary_range(None, posted="20-30K·15薪")
    verdict = check_ask(400_000, expected)
    assert (
        "Previous pay not disclosed: anchored on the posted range's middle, CNY 375,000"
        == (expected.lines()[0])
    )
    assert ("needs-exception", None, "upper") == (
        verdict.verdict,
        verdict.raise_pct,
        verdict.position.zone if verdict.position else None,
    )


def test_nothing_to_anchor_on_is_refused() -> None:
    with pytest.raises(InvalidInputError) as caught:
        expected_salary_range(None)
    assert ("previous_pay", "nothing") == (caught.value.field, caught.value.received)


# ---------------------------------------------------------------- currency


@pytest.mark.parametrize("previous", ["USD 100k", "$100k"])
def test_currency_mismatch_with_posted_range_is_refused(previous: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        expected_salary_range(previous, posted="20-30K·15薪")
    assert (
        "posted_range",
        "'posted_range' must be amounts in one currency (got 'CNY and USD')",
    ) == (
        caught.value.field,
        str(caught.value).split(";")[0],
    )


def test_same_foreign_currency_is_fine() -> None:
    expected = expected_salary_range("100k", currency="USD", posted="100k-150k")
    assert ("USD", 120_000.0) == (expected.currency, expected.guideline_cap)


def test_unknown_currency() -> None:
    with pytest.raises(UnknownCurrencyError):
        expected_salary_range("100k", currency="XYZ")


# ---------------------------------------------------------------- policy


def test_policy_defaults() -> None:
    assert SalaryPolicy(0.20, 0.30, 0.05) == SalaryPolicy()


def test_configurable_exception_ceiling() -> None:
    expected = expected_salary_range(
        "300000", exceptions=[HIGH_DEMAND], policy=SalaryPolicy(exception_raise=0.4)
    )
    assert (360_000.0, 420_000.0, 420_000.0, "exception-used") == (
        expected.guideline_cap,
        expected.exception_ceiling,
        expected.range_high,
        check_ask(400_000, expected).verdict,
    )


def test_configurable_range_width() -> None:
    expected = expected_salary_range("300000", policy=SalaryPolicy(range_width=0.10))
    assert (327_000.0, 360_000.0) == (expected.range_low, expected.range_high)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"guideline_raise": 0}, "guideline_raise"),
        ({"guideline_raise": -0.1}, "guideline_raise"),
        ({"guideline_raise": 1.5}, "guideline_raise"),
        ({"exception_raise": 0.1}, "exception_raise"),
        ({"exception_raise": 1.1}, "exception_raise"),
        ({"range_width": 0}, "range_width"),
        ({"range_width": 0.3}, "range_width"),
    ],
)
def test_policy_validation(kwargs: dict[str, float], field: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        SalaryPolicy(**kwargs)
    value = next(iter(kwargs.values()))
    assert (field, value) == (caught.value.field, caught.value.received)
    assert f"'{field}' must be" in str(caught.value)


# ---------------------------------------------------------------- properties

previous_pays = st.integers(min_value=10_000, max_value=20_000_000)
asks = st.integers(min_value=1, max_value=40_000_000)
claims = st.sampled_from([(), (HIGH_DEMAND,), (EXCEPTIONAL, HIGH_DEMAND)])
policies = st.builds(
    SalaryPolicy,
    guideline_raise=st.sampled_from([0.1, 0.2]),
    exception_raise=st.sampled_from([0.3, 0.4, 1.0]),
    range_width=st.sampled_from([0.05, 0.1, 0.25]),
)


def _check(expected: ExpectedSalary) -> None:
    assert 0 < expected.range_low <= expected.range_high
    assert expected.range_high <= expected.exception_ceiling
    assert expected.guideline_cap <= expected.exception_ceiling
    if not expected.exceptions:
        assert expected.range_high <= expected.guideline_cap


@given(previous_pays, claims, policies)
def test_range_invariants_with_previous_pay(
    previous: int, claimed: tuple[SalaryException, ...], policy: SalaryPolicy
) -> None:
    _check(expected_salary_range(f"{previous}/year", exceptions=claimed, policy=policy))


@given(
    st.integers(min_value=1_000, max_value=5_000_000),
    st.integers(min_value=0, max_value=5_000_000),
    claims,
)
def test_range_invariants_when_not_disclosed(
    low: int, width: int, claimed: tuple[SalaryException, ...]
) -> None:
    expected = expected_salary_range(None, posted=f"{low}-{low + width}/year", exceptions=claimed)
    _check(expected)
    assert expected.posted is not None
    assert expected.range_high <= expected.posted.posted.high


@given(previous_pays, st.sampled_from(["CNY", "JPY", "KRW", "INR"]))
def test_range_invariants_for_every_rounding_step(previous: int, currency: str) -> None:
    _check(expected_salary_range(f"{previous}/year", currency=currency))
