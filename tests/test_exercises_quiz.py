"""Self-check quizzes: four options a)–d), balanced keys, mostly applying a rule, every
option explained; each figure in a key computed with the kit's own rules."""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

import pytest

from offerkit.errors import DataFileError
from offerkit.exercises.course import start_course
from offerkit.exercises.quiz import (
    OPTIONS_PER_QUESTION,
    QuizQuestion,
    build_quiz,
    question_feedback,
    quiz_questions,
    quiz_spec,
)
from offerkit.rules.ask import check_ask
from offerkit.rules.catalogue import data_dir, load_catalogue
from offerkit.rules.honesty import check_tone
from offerkit.rules.hr import decision_deadline
from offerkit.rules.lessons import lesson_notebooks
from offerkit.rules.pay import parse_pay
from offerkit.rules.posted_range import decode_posted_range
from offerkit.rules.salary import expected_salary_range
from offerkit.rules.wants import frustration_entry, rank_priorities

MAX_KEY_SHARE = 0.35
MIN_APPLY_SHARE = 0.5


def quiz_lessons() -> tuple[str, ...]:
    """Every quiz file that exists (lessons added later are checked too)."""
    return tuple(sorted(p.stem.split("-")[1] for p in data_dir().glob("quiz-*.csv")))


def all_questions() -> list[QuizQuestion]:
    return [q for lesson in quiz_lessons() for q in quiz_questions(lesson)]


def question(lesson: str, qid: str) -> QuizQuestion:
    return next(q for q in quiz_questions(lesson) if q.id == qid)


def keyed(lesson: str, qid: str) -> str:
    q = question(lesson, qid)
    return q.options[q.answer - 1]


def money(amount: float) -> str:
    return f"{amount:,.0f}"


@pytest.mark.parametrize("path", lesson_notebooks(), ids=lambda p: p.name)
def test_every_lesson_has_a_quiz_of_at_least_three_questions(path: Path) -> None:
    assert len(quiz_questions(path.name[:2])) >= 3


@pytest.mark.parametrize("lesson", quiz_lessons())
def test_four_distinct_options_each_with_its_explanation(lesson: str) -> None:
    for q in quiz_questions(lesson):
        assert OPTIONS_PER_QUESTION == len(set(q.options)), q.id
        assert OPTIONS_PER_QUESTION == len(set(q.explanations)), q.id


def test_no_answer_position_holds_more_than_35_percent_of_the_keys() -> None:
    keys = Counter(q.letter for q in all_questions())
    share = max(keys.values()) / sum(keys.values())
    assert share <= MAX_KEY_SHARE, dict(keys)
    assert {"a", "b", "c", "d"} == set(keys)


def test_at_least_half_the_items_ask_to_apply_a_rule() -> None:
    kinds = Counter(q.kind for q in all_questions())
    assert kinds["apply"] / sum(kinds.values()) >= MIN_APPLY_SHARE, dict(kinds)


def test_items_beyond_the_lesson_say_so_in_the_right_answer() -> None:
    beyond = [q for q in all_questions() if q.source == "beyond"]
    assert beyond
    for q in beyond:
        assert re.search(r"kit|beyond the lesson", q.explanations[q.answer - 1]), q.id


def test_annual_figures_in_keys_come_from_parse_pay() -> None:
    assert money(parse_pay("25k x 13 + 30k bonus").amount) == keyed("00", "q2")
    assert money(parse_pay("25k x 14").amount) == keyed("03", "q1")
    offer = parse_pay("25k x 14").amount
    expected = expected_salary_range("300000")
    assert expected.range_low <= offer <= expected.range_high
    assert f"Inside your range: {money(offer)} a year" == keyed("06", "q4")
    stated = f"{money(expected.range_low)}-{money(expected.range_high)}"
    assert stated in question("06", "q4").question


def test_range_cap_and_ask_keys_come_from_the_salary_rules() -> None:
    expected = expected_salary_range("300000")
    low, high = money(expected.range_low), money(expected.range_high)
    assert f"'An annual package of {low} to {high}, depending on how the bonus works.'" == keyed(
        "04", "q2"
    )
    assert f"{money(expected_salary_range('25k x 14').guideline_cap / 12)} a month" == keyed(
        "03", "q3"
    )
    verdicts = [
        check_ask(option.split(",")[0] + "000", expected).verdict
        for option in question("03", "q4").options
    ]
    keyed_at = question("03", "q4").answer - 1
    assert "within-guideline" == verdicts[keyed_at]
    assert 1 == verdicts.count("within-guideline")  # no other option is also right


def test_posted_range_key_comes_from_the_decoder() -> None:
    reading = decode_posted_range("20-30K·15薪")
    low, high = money(reading.landing_low), money(reading.landing_high)
    assert f"Around the middle: about {low}-{high} a year" == keyed("03", "q2")
    top = f"Near {money(reading.posted.high)}, the top of the range"
    assert top in question("03", "q2").options


def test_weights_and_deadline_keys_come_from_the_rules() -> None:
    priorities = rank_priorities(
        [
            frustration_entry("Pay frozen", "no reviews", "salary", 4),
            frustration_entry("Blame in meetings", "no owners", "team atmosphere", 2),
            frustration_entry("Nobody helps", "silos", "team atmosphere", 2),
        ]
    )
    weights = {p.area.name: round(p.weight * 100) for p in priorities.items}
    assert f"Salary {weights['Salary']} % and team atmosphere {weights['Team atmosphere']} %" == (
        keyed("01", "q3")
    )
    deadline = decision_deadline("2026-03-02").deadline
    assert f"By {deadline:%A} {deadline.day} {deadline:%B}" == keyed("04", "q4")


def test_the_ultimatum_distractors_are_what_the_tone_check_flags() -> None:
    right = keyed("04", "q5").strip("'")
    assert () == check_tone(right).flags
    for lesson, qid in (("04", "q5"), ("05", "q3")):
        q = question(lesson, qid)
        ultimatum = next(o for o in q.options if "take it or leave it" in o)
        assert "ultimatum" in {f.category for f in check_tone(ultimatum).flags}


def test_answers_are_marked_explained_and_saved(tmp_path: Path) -> None:
    course = start_course({"learner_id": "ada"}, headless=False, folder=tmp_path, announce=False)
    widget = build_quiz("03", course)
    q1, q4 = question("03", "q1"), question("03", "q4")
    assert "0 of 5 right; 5 not answered yet" in widget.feedback.value
    widget.controls["q1"].value = str(q1.answer)
    wrong = next(n for n in range(1, 5) if n != q4.answer)
    widget.controls["q4"].value = str(wrong)
    assert "1 of 5 right; 3 not answered yet" in widget.feedback.value
    assert f"Q1: {q1.letter} is right. {q1.explanations[q1.answer - 1]}" in widget.feedback.value
    shown = html.unescape(widget.feedback.value)
    assert q4.explanations[wrong - 1] in shown  # why the pick is wrong
    assert q4.explanations[q4.answer - 1].removeprefix("Right: ") in shown  # why the key is
    assert ["— choose —", *(f"{k}) {o}" for k, o in zip("abcd", q1.options, strict=True))] == list(
        widget.controls["q1"]._options_labels
    )
    assert {"q1": str(q1.answer), "q2": "", "q3": "", "q4": str(wrong), "q5": ""} == (
        course.store.get("03.quiz")
    )


def test_feedback_names_the_pick_and_the_key_by_letter() -> None:
    q = QuizQuestion("q1", "Q?", ("w", "x", "y", "z"), 3, ("ew", "ex", "ey", "ez"), "apply")
    assert "c is right. ey" == question_feedback(q, 3)
    assert "a is not quite: ew The answer is c) y: ey" == question_feedback(q, 1)
    q = QuizQuestion("q1", "Q?", ("w", "x", "y", "z"), 2, ("ew", "Right: ex", "ey", "ez"))
    assert "d is not quite: ez The answer is b) x: ex" == question_feedback(q, 4)


HEADER = "id,kind,source,question,options,answer,explanations\n"


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ("q1,apply,lesson,Q?,a|b|c|d,e,1|2|3|4", "answer"),
        ("q1,apply,lesson,Q?,a|b|c,a,1|2|3", "options"),
        ("q1,apply,lesson,Q?,a|b|c|d,a,1|2|3", "explanations"),
        ("q1,guess,lesson,Q?,a|b|c|d,a,1|2|3|4", "kind"),
    ],
)
def test_a_malformed_quiz_file_names_row_and_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, row: str, column: str
) -> None:
    (tmp_path / "quiz-98.csv").write_text(HEADER + row + "\n", encoding="utf-8")
    monkeypatch.setenv("OFFERKIT_DATA", str(tmp_path))
    load_catalogue.cache_clear()
    quiz_questions.cache_clear()
    try:
        with pytest.raises(DataFileError, match=rf"quiz-98.csv, row 2, column '{column}'"):
            quiz_spec("98")
    finally:
        load_catalogue.cache_clear()
        quiz_questions.cache_clear()
