"""Tests for offerkit.rules.honesty: the tone check and the honesty checks."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from offerkit.errors import DataFileError, EmptyTextError, InvalidInputError
from offerkit.rules import checker
from offerkit.rules.catalogue import data_dir, load_catalogue
from offerkit.rules.honesty import (
    HonestyIssue,
    ToneFlag,
    check_draft_honesty,
    check_honesty,
    check_tone,
    tone_categories,
)
from offerkit.rules.pay import AnnualPay, parse_pay

PROFILE = AnnualPay(350_000.0, "CNY")


@pytest.fixture
def fresh_catalogues() -> Iterator[None]:
    load_catalogue.cache_clear()
    checker._rules.cache_clear()
    yield
    load_catalogue.cache_clear()
    checker._rules.cache_clear()


def categories(text: str) -> list[str]:
    return [flag.category for flag in check_tone(text).flags]


# ---------------------------------------------------------------- tone


def test_worked_example_posting_and_ultimatum() -> None:
    report = check_tone("Your posting said 30k, so take it or leave it")
    assert ["posted-range", "ultimatum"] == [flag.category for flag in report.flags]
    assert ["Your posting said", "take it or leave it"] == [f.phrase for f in report.flags]
    assert not report.friendly
    assert "2 phrases" in report.summary


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("This is my final offer.", "ultimatum"),
        ("Pay me 400k or I walk.", "ultimatum"),
        ("I demand a higher base.", "ultimatum"),
        ("The base is non-negotiable.", "ultimatum"),
        ("You must raise it to 400k or I will decline.", "ultimatum"),
        ("Not a penny less than 400k.", "ultimatum"),
        ("You are lowballing me.", "accusation"),
        ("This offer is unfair.", "accusation"),
        ("You're trying to cheap out on me.", "accusation"),
        ("You are ripping me off.", "accusation"),
        ("Frankly the number is insulting.", "accusation"),
        ("The job ad said 40k a month.", "posted-range"),
        ("The website says up to 50k.", "posted-range"),
        ("You advertised a higher range.", "posted-range"),
        ("You'll regret losing me.", "threat"),
        ("I will post a review on Glassdoor about this.", "threat"),
        ("Raise it, or else.", "threat"),
        ("Yeah right, that's competitive.", "sarcasm"),
        ("How generous of you.", "sarcasm"),
        ("Oh great, another low offer.", "sarcasm"),
        ("Sure, whatever you say.", "sarcasm"),
        ("Please reconsider!!", "shouting"),
        ("Is that all?!", "shouting"),
        ("I NEED MORE money.", "shouting"),
        ("This is RIDICULOUS.", "shouting"),
    ],
)
def test_each_rule_flags_its_phrase(text: str, category: str) -> None:
    assert category in categories(text)


def test_matching_ignores_case() -> None:
    assert ["ultimatum"] == categories("TAKE it Or LeAvE it.")


def test_every_flag_carries_a_hint() -> None:
    report = check_tone("The website says 50k. Yeah right!! This is my final offer.")
    assert 4 == len(report.flags)
    assert all(flag.hint for flag in report.flags)


def test_acronyms_and_currency_codes_are_not_shouting() -> None:
    report = check_tone("Could the HR team confirm the KPI bonus in CNY and the ESOP terms?")
    assert () == report.flags


def test_one_short_capital_word_is_emphasis_not_shouting() -> None:
    assert [] == categories("I am NOT in a hurry, so please take your time.")


def test_friendly_draft_says_what_was_checked() -> None:
    report = check_tone(
        "Thank you for the offer. Could we talk about the base salary? Based on my "
        "experience I was hoping for an annual package of around CNY 360,000."
    )
    assert () == report.flags
    assert report.friendly
    for label in ("ultimatums", "accusations", "posted range", "threats", "sarcasm", "shouting"):
        assert label in report.summary


def test_categories_include_every_kind() -> None:
    expected = {"ultimatum", "accusation", "posted-range", "threat", "sarcasm", "shouting"}
    assert expected == set(tone_categories())


@pytest.mark.parametrize("text", ["", "   \n", None])
def test_blank_draft_raises(text: str | None) -> None:
    with pytest.raises(EmptyTextError) as info:
        check_tone(text)  # type: ignore[arg-type]
    assert "draft" == info.value.field


def test_flag_is_frozen() -> None:
    flag = ToneFlag("x", "ultimatum", "y")
    with pytest.raises(AttributeError):
        flag.phrase = "z"  # type: ignore[misc]


def test_bad_regex_in_catalogue_names_the_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_catalogues: None
) -> None:
    shutil.copy(data_dir() / "currencies.csv", tmp_path / "currencies.csv")
    (tmp_path / "tone_phrases.csv").write_text(
        "pattern,category,hint\n\\bfine\\b,ultimatum,ok\n(unclosed,ultimatum,oops\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("OFFERKIT_DATA", str(tmp_path))
    with pytest.raises(DataFileError) as info:
        check_tone("hello")
    assert 3 == info.value.row
    assert "pattern" == info.value.column


# ---------------------------------------------------------------- honesty: recorded vs told


def test_consistent_previous_pay_has_no_issue() -> None:
    told = AnnualPay(352_000.0, "CNY")  # +0.57 %, within 1 %
    assert () == check_honesty(previous_pay_profile=PROFILE, previous_pay_told=told)


def test_inflated_previous_pay_is_a_mismatch() -> None:
    issues = check_honesty(
        previous_pay_profile=PROFILE, previous_pay_told=AnnualPay(420_000.0, "CNY")
    )
    assert ["previous-pay-mismatch"] == [issue.kind for issue in issues]
    assert "CNY 420,000" in issues[0].message
    assert "+20.0%" in issues[0].message
    assert "background verification" in issues[0].message
    assert "not a law" in issues[0].message


def test_understated_previous_pay_is_also_a_mismatch() -> None:
    issues = check_honesty(
        previous_pay_profile=PROFILE, previous_pay_told=AnnualPay(300_000.0, "CNY")
    )
    assert ["previous-pay-mismatch"] == [issue.kind for issue in issues]


def test_tolerance_widens_what_counts_as_the_same() -> None:
    told = AnnualPay(360_000.0, "CNY")  # +2.9 %
    assert 1 == len(check_honesty(previous_pay_profile=PROFILE, previous_pay_told=told))
    assert () == check_honesty(previous_pay_profile=PROFILE, previous_pay_told=told, tolerance=0.05)


def test_different_currencies_are_an_issue_and_never_converted() -> None:
    issues = check_honesty(
        previous_pay_profile=PROFILE, previous_pay_told=AnnualPay(350_000.0, "USD")
    )
    assert ["previous-pay-currency"] == [issue.kind for issue in issues]
    assert "never converts" in issues[0].message


def test_claimed_offer_not_held_is_invented() -> None:
    issues = check_honesty(previous_pay_profile=None, competing_offer_claimed=True)
    assert (HonestyIssue("invented-offer", issues[0].message),) == issues


def test_claimed_offer_that_is_held_is_fine() -> None:
    assert () == check_honesty(
        previous_pay_profile=None, competing_offer_claimed=True, competing_offers_held=1
    )


def test_nothing_told_is_nothing_to_check() -> None:
    assert () == check_honesty(previous_pay_profile=PROFILE)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"tolerance": -0.1}, "tolerance"),
        ({"tolerance": 0.9}, "tolerance"),
        ({"tolerance": float("nan")}, "tolerance"),
        ({"competing_offers_held": -1}, "competing_offers_held"),
        ({"competing_offers_held": 1.5}, "competing_offers_held"),
    ],
)
def test_honesty_bad_input_names_the_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        check_honesty(previous_pay_profile=PROFILE, **changes)  # type: ignore[arg-type]
    assert field == info.value.field


# ---------------------------------------------------------------- honesty: scanning a draft


def test_draft_with_inflated_salary_and_invented_offer() -> None:
    text = "My current salary is 400k, and I have another offer at 450k."
    issues = check_draft_honesty(text, PROFILE, 0)
    assert ["invented-offer", "previous-pay-mismatch"] == [issue.kind for issue in issues]
    assert "CNY 400,000" in issues[1].message


@pytest.mark.parametrize(
    "text",
    [
        "My current salary is 350k.",
        "I earn 25k x 14 at the moment.",
        "My previous salary was CNY 350,000 a year.",
        "I don't have another offer; I simply like this team.",
    ],
)
def test_truthful_draft_has_no_issue(text: str) -> None:
    assert () == check_draft_honesty(text, PROFILE, 0)


def test_monthly_figure_in_draft_is_read_as_annual() -> None:
    issues = check_draft_honesty("I currently earn 35k a month.", PROFILE, 0)
    assert "CNY 420,000" in issues[0].message


def test_draft_mentioning_a_held_offer_is_fine() -> None:
    assert () == check_draft_honesty("I have a competing offer.", PROFILE, 1)


def test_draft_salary_in_other_currency_is_flagged() -> None:
    issues = check_draft_honesty("My current salary is USD 50k.", PROFILE, 0)
    assert ["previous-pay-currency"] == [issue.kind for issue in issues]


def test_draft_salary_not_checked_without_a_profile() -> None:
    assert () == check_draft_honesty("My current salary is 999k.", None, 0)


def test_draft_honesty_blank_text_raises() -> None:
    with pytest.raises(EmptyTextError) as info:
        check_draft_honesty("  ", PROFILE, 0)
    assert "draft" == info.value.field


def test_profile_parsed_from_text_matches_draft_in_same_words() -> None:
    profile = parse_pay("25k x 14")
    assert () == check_draft_honesty("My current package is 25k x 14.", profile, 0)
