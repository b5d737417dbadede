"""Tests for offerkit.rules.stated_pay: the figures in the learner's own words, judged."""

from __future__ import annotations

from dataclasses import replace

import pytest

from offerkit.rules.salary import expected_salary_range
from offerkit.rules.stated_pay import check_stated_pay, read_stated_pay

EXPECTED = expected_salary_range("25k x 14", currency="CNY", posted="20-30K·15薪")
"""The default profile: previous 350,000 a year, range 400,000–420,000, cap 420,000."""


def _kinds(text: str, **options: object) -> list[str]:
    return [issue.kind for issue in check_stated_pay(text, EXPECTED, **options).issues]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "an annual package of CNY 400,000–420,000.",
            ("CNY 400,000–420,000", 400e3, 420e3, "year"),
        ),
        ("I'm hoping for 400k to 420k per year", ("400k to 420k per year", 400e3, 420e3, "year")),
        (
            "between 400,000 and 420,000 annually",
            ("400,000 and 420,000 annually", 400e3, 420e3, "year"),
        ),
        ("30k a month", ("30k a month", 360e3, 360e3, "month")),
        ("something like 25k x 14", ("25k x 14", 350e3, 350e3, "month")),
        ("20-30K·15薪 is fine", ("20-30K·15薪", 300e3, 450e3, "month")),
        ("年薪40万", ("年薪40万", 400e3, 400e3, "year")),
        ("I'd like 410,000", ("410,000", 410e3, 410e3, None)),
    ],
)
def test_figures_are_read_as_annual_with_the_period_their_words_give(
    text: str, read: tuple[object, ...]
) -> None:
    (figure,) = read_stated_pay(text, "CNY")
    assert read == (figure.text, figure.low, figure.high, figure.said)


def test_counts_percentages_dates_and_years_are_not_pay() -> None:
    text = "By Monday 9 March 2026: 14 months, 2 TB, 20 %, a team of 7, since 2019."
    assert () == read_stated_pay(text, "CNY")


def test_a_bare_figure_that_could_be_either_is_never_guessed() -> None:
    (figure,) = read_stated_pay("I expect 30k.", "CNY")
    assert (None, None, (360_000.0, 30_000.0)) == (figure.low, figure.high, figure.readings)


def test_a_line_within_the_range_is_consistent() -> None:
    statement = check_stated_pay("I'm looking for 400k-420k a year.", EXPECTED, wants="range")
    assert statement.consistent
    assert "CNY 400,000–420,000" == statement.figures[0].shown()


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("I'd like 30k a month.", ["monthly"]),
        ("I expect 30k.", ["unclear-period"]),
        ("USD 60k a year", ["other-currency"]),
        ("I'm looking for 450k-480k a year.", ["above-range"]),
        ("I'm looking for 420k-430k a year.", ["above-range"]),
        ("360k-380k a year is fine.", ["below-range"]),
        ("I'd like 410,000 a year.", ["one-figure"]),
        ("Thank you, I'm flexible.", ["no-range"]),
    ],
)
def test_an_opening_that_states_a_range_is_checked_against_the_learners_range(
    text: str, kinds: list[str]
) -> None:
    assert kinds == _kinds(text, wants="range")


def test_above_the_range_but_within_the_cap_says_to_change_the_range_first() -> None:
    narrower = replace(EXPECTED, range_high=410_000.0)  # the cap stays 420,000
    (issue,) = check_stated_pay("400k-420k a year", narrower, wants="range").issues
    assert (
        "“400k-420k a year” goes up to CNY 420,000, above your range from lesson 03 "
        "(CNY 400,000–410,000): name the range you worked out, or change it in lesson 03 first."
    ) == issue.message


def test_below_the_walk_away_is_said_instead_of_below_the_range() -> None:
    (issue,) = check_stated_pay(
        "380k-400k a year", EXPECTED, wants="range", walk_away=390_000
    ).issues
    assert "below-walk-away" == issue.kind
    assert (
        "“380k-400k a year” starts at CNY 380,000 a year, below your walk-away point of "
        "CNY 390,000 (lesson 05): you would be naming a figure you said you would turn down. "
        "Start at your target, CNY 400,000."
    ) == issue.message


def test_asking_what_they_offer_needs_no_figure_but_checks_one_named() -> None:
    assert [] == _kinds("Could you tell me what you have in mind?", wants="any")
    assert ["monthly"] == _kinds("Could it be 35k a month?", wants="any")


def test_a_counter_names_the_figure_it_asks_for() -> None:
    assert [] == _kinds("Could we agree on 410,000 a year?", wants="figure", asked=410_000)
    assert ["other-figure"] == _kinds("Could we agree on 415k?", wants="figure", asked=410_000)
    assert ["no-figure"] == _kinds("Could we talk it through?", wants="figure", asked=410_000)
    assert ["monthly"] == _kinds("Could we agree on 34k a month?", wants="figure", asked=410_000)


def test_only_the_form_is_checked_for_an_acceptance() -> None:
    assert [] == _kinds("I accept the 300,000 a year.", wants="none", walk_away=390_000)
    assert ["monthly"] == _kinds("I accept the 25k a month.", wants="none")


def test_messages_name_no_internal_keys() -> None:
    texts = ("I expect 30k.", "30k a month", "450k-480k a year", "Hi", "410,000 a year")
    for text in texts:
        for issue in check_stated_pay(text, EXPECTED, wants="range", walk_away=1e6).issues:
            assert "-" not in issue.kind or issue.kind not in issue.message
            assert "_" not in issue.message
