"""Tests for offerkit.rules.checker: the one message checker, measured on the labelled corpus."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from checker_corpus import SPLITS, Row, load_corpus, score

from offerkit.errors import AmbiguousPayError, DataFileError, EmptyTextError, InvalidInputError
from offerkit.rules import checker
from offerkit.rules.catalogue import data_dir, load_catalogue
from offerkit.rules.checker import PROBLEMS, Finding, check_message
from offerkit.rules.pay import AnnualPay

ROWS = load_corpus()
PREVIOUS = AnnualPay(300_000.0, "CNY")


def kinds(text: str, **context: object) -> tuple[str, ...]:
    return check_message(text, **context).kinds  # type: ignore[arg-type]


def split(name: str) -> tuple[Row, ...]:
    return tuple(row for row in ROWS if row.split == name)


@pytest.fixture
def fresh_catalogues() -> Iterator[None]:
    load_catalogue.cache_clear()
    checker._rules.cache_clear()
    yield
    load_catalogue.cache_clear()
    checker._rules.cache_clear()


# ---------------------------------------------------------------- the corpus and the goal


def test_corpus_is_large_labelled_and_split() -> None:
    labels = Counter(label for row in ROWS for label in row.labels)
    clean = sum(1 for row in ROWS if not row.labels)
    assert (True, True, True) == (len(ROWS) >= 200, clean >= len(ROWS) * 0.4, len(ROWS) > 0)
    assert [] == [kind for kind in PROBLEMS if labels[kind] < 8]
    assert set(SPLITS) == {row.split for row in ROWS}
    assert len(ROWS) == len({row.id for row in ROWS})


def test_flag_or_not_meets_the_goal_on_the_whole_corpus() -> None:
    flag = score(ROWS)["flag"]
    assert (True, True) == (flag.precision >= 0.90, flag.recall >= 0.85), flag


@pytest.mark.parametrize("name", ["dev", "test", "blind", "blind2"])
def test_flag_or_not_on_the_splits_the_rules_have_seen(name: str) -> None:
    flag = score(split(name))["flag"]
    assert (True, True) == (flag.precision >= 0.95, flag.recall >= 0.95), flag


def test_flag_or_not_on_the_unseen_split_does_not_get_worse() -> None:
    """blind3 was written after the rules were frozen: recall there is far below the goal
    (new wordings slip past a phrase list; see the benchmark). This floor, at what was
    measured, keeps it from getting worse."""
    flag = score(split("blind3"))["flag"]
    assert (True, True) == (flag.precision >= 0.85, flag.recall >= 0.30), flag


@pytest.mark.parametrize("kind", list(PROBLEMS))
def test_each_problem_on_the_whole_corpus(kind: str) -> None:
    found = score(ROWS)[kind]
    assert (True, True) == (found.precision >= 0.85, found.recall >= 0.85), found


def test_the_scores_count_what_they_say() -> None:
    rows = [r for r in ROWS if r.id in (1, 2)]  # two clean rows, both passed as clean
    flagged_all = score(rows, lambda row: frozenset({"sarcasm"}))
    assert (0, 2, 0) == (
        flagged_all["flag"].true_pos,
        flagged_all["flag"].false_pos,
        flagged_all["flag"].false_neg,
    )
    assert 0.0 == flagged_all["sarcasm"].precision


# ---------------------------------------------------------------- known false positives


def test_asking_whether_an_offer_is_final_is_fine() -> None:
    assert () == kinds("Is this your final offer, or is there some flexibility?")


def test_wow_thanks_is_not_sarcasm() -> None:
    assert () == kinds("Wow, thanks for the quick reply.")


def test_or_else_meaning_otherwise_is_not_a_threat() -> None:
    assert () == kinds("I could start in March, or else early April.")


def test_technology_names_in_capitals_are_not_shouting() -> None:
    assert () == kinds("In my current role I run AWS and GCP on KUBERNETES.")


# ---------------------------------------------------------------- known misses


def test_stated_pay_above_the_previous_pay_is_inflated() -> None:
    report = check_message("I'm currently paid 400,000 a year", previous_pay="300,000/year")
    assert ("inflated-pay",) == report.kinds
    assert "I'm currently paid 400,000 a year" == report.findings[0].trigger
    assert "CNY 400,000" in report.findings[0].hint
    assert "CNY 300,000" in report.findings[0].hint


def test_offer_claimed_with_none_held_is_invented() -> None:
    report = check_message("Another company has offered me 450k", offers_held=0)
    assert ("invented-offer",) == report.kinds
    assert "Another company has offered me" == report.findings[0].trigger


# ---------------------------------------------------------------- honesty rules


@pytest.mark.parametrize(
    ("told", "expected"),
    [("315k", ()), ("316k", ("inflated-pay",)), ("250k", ()), ("300k", ())],
)
def test_inflated_means_more_than_5_percent_above(told: str, expected: tuple[str, ...]) -> None:
    assert expected == kinds(f"My current salary is {told}.", previous_pay=PREVIOUS)


def test_a_range_of_expectations_is_not_a_claim_about_current_pay() -> None:
    assert () == kinds("I was hoping for 380k-400k a year.", previous_pay=PREVIOUS)


def test_ambiguous_stated_pay_is_flagged_only_if_every_reading_is_inflated() -> None:
    assert () == kinds("I earn 30k.", previous_pay=PREVIOUS)  # 360k a year, or 30k a year


def test_stated_pay_in_another_currency_is_noted_not_compared() -> None:
    report = check_message("My current salary is USD 50k.", previous_pay=PREVIOUS)
    assert ((), True) == (report.kinds, any("not in CNY" in note for note in report.notes))


@pytest.mark.parametrize(("held", "expected"), [(1, ("invented-offer",)), (2, ())])
def test_claiming_more_offers_than_held_is_invented(held: int, expected: tuple[str, ...]) -> None:
    assert expected == kinds("I have two other offers.", offers_held=held)


def test_a_held_offer_may_be_mentioned() -> None:
    assert () == kinds("Another company has offered me 450k.", offers_held=1)


def test_without_context_the_honesty_checks_are_skipped_and_said_so() -> None:
    report = check_message("My current salary is 900k and another company offered me 1m.")
    assert () == report.kinds
    assert 2 == len(report.notes)


def test_evasive_hints_are_flagged() -> None:
    text = "I can't tell you my current salary, but it's a lot more than this."
    assert ("evasive",) == kinds(text, previous_pay=PREVIOUS, offers_held=0)


def test_declining_to_share_pay_is_fine() -> None:
    text = "I'd rather keep my salary private, but my expectation is 340k-370k a year."
    assert () == kinds(text, previous_pay=PREVIOUS, offers_held=0)


# ---------------------------------------------------------------- the report


def test_findings_are_in_reading_order_with_label_trigger_and_lesson_point() -> None:
    report = check_message("Your posting said 30k, so take it or leave it!!", offers_held=0)
    assert ("posting-promise", "ultimatum", "shouting") == report.kinds
    first = report.findings[0]
    label = PROBLEMS["posting-promise"][0]
    assert Finding("posting-promise", label, "Your posting said", first.why, first.hint) == first
    assert first.line().startswith("Quoting the job posting as a promise: “Your posting said” — ")
    assert not report.clean


def test_previous_pay_given_as_text_is_read_and_ambiguous_text_refused() -> None:
    assert ("inflated-pay",) == kinds("I make 400k now.", previous_pay="25k x 12")
    with pytest.raises(AmbiguousPayError):
        check_message("Hello", previous_pay="25k")


@pytest.mark.parametrize("text", ["", "  \n", None])
def test_blank_message_raises(text: str | None) -> None:
    with pytest.raises(EmptyTextError) as info:
        check_message(text)  # type: ignore[arg-type]
    assert "message" == info.value.field


@pytest.mark.parametrize("held", [-1, 1.5, True])
def test_offers_held_must_be_a_whole_number(held: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        check_message("Hello", offers_held=held)  # type: ignore[arg-type]
    assert "offers_held" == info.value.field


def test_bad_regex_in_honesty_phrases_names_the_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_catalogues: None
) -> None:
    for name in ("currencies", "tone_phrases", "pay_conventions"):
        shutil.copy(data_dir() / f"{name}.csv", tmp_path / f"{name}.csv")
    (tmp_path / "honesty_phrases.csv").write_text(
        "pattern,kind,hint\n\\bfine\\b,evasive,ok\n(unclosed,evasive,oops\n", encoding="utf-8"
    )
    monkeypatch.setenv("OFFERKIT_DATA", str(tmp_path))
    with pytest.raises(DataFileError) as info:
        check_message("hello")
    assert (3, "pattern") == (info.value.row, info.value.column)
