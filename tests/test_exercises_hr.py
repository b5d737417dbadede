"""Lesson 04 exercises driven through their widgets (no kernel): doubts and the opening.

The tone and deadline exercises have their own modules (test_exercises_tone / _deadline)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from exercise_helpers import level, open_course, saved, shown

from offerkit.exercises.course import Course
from offerkit.exercises.deadline_exercises import DEADLINE
from offerkit.exercises.hr_exercises import (
    DOUBTS,
    OPENING,
    build_doubts_exercise,
    build_opening_exercise,
)
from offerkit.learner.state import TODAY_VARIABLE

LESSON_ITEMS = ["months-per-year", "pre-post-tax", "year-end-bonus", "allowances", "decision-time"]
STATE_RANGE_BODY = (
    "I'd be comfortable with an annual package in the range of CNY 400,000–420,000, and "
    "I'm open to talking through the full package, including bonus and benefits."
)


# ---------------------------------------------------------------- 04.doubts


def test_doubts_start_with_the_lesson_items_and_their_reasons(course: Course) -> None:
    widget = build_doubts_exercise(course)

    lines = shown(widget)
    assert "Your list: 5 question(s) to confirm before talking numbers." == lines[0]
    assert (
        "Months of pay (lesson): How many months of base pay are paid each year, and is a "
        "13th (or 14th) month written into the contract? Why: A monthly figure means little "
        "until you know what it is multiplied by; a contractual extra month is guaranteed, a "
        "promised one may not be."
    ) == lines[1]
    assert 6 == len(lines)
    assert "ok" == level(widget)
    assert {} == saved(course)  # showing the defaults saves nothing


def test_doubts_mix_lesson_beyond_and_own_questions_and_save(course: Course) -> None:
    widget = build_doubts_exercise(course)
    widget.controls["items"].value = ("probation", "decision-time")
    widget.controls["own"].value = "- Is this a new team?\n\n* Who would I report to?"
    widget.check_button.click()

    lines = shown(widget)
    assert "Your list: 4 question(s) to confirm before talking numbers." == lines[0]
    assert lines[1].startswith("Time to decide (lesson): By when would you like my answer?")
    assert lines[2].startswith("Probation (beyond the lesson): How long is the probation")
    assert ["Your own: Is this a new team?", "Your own: Who would I report to?"] == lines[3:]
    assert {
        "items": ["probation", "decision-time"],
        "own": "- Is this a new team?\n\n* Who would I report to?",
    } == saved(course)[DOUBTS.id]
    assert (
        "By when would you like my answer?",
        "How long is the probation period and is pay during probation the full salary?",
        "Is this a new team?",
        "Who would I report to?",
    ) == course.state.doubts


def test_doubts_without_time_to_decide_suggest_adding_it(course: Course) -> None:
    widget = build_doubts_exercise(course)
    widget.controls["items"].value = ("months-per-year",)

    assert "warn" == level(widget)
    assert shown(widget)[-1].startswith("Consider adding 'Time to decide'")
    assert ["months-per-year"] == saved(course)[DOUBTS.id]["items"]


def test_an_empty_doubts_list_is_a_friendly_error_and_is_not_saved(course: Course) -> None:
    widget = build_doubts_exercise(course)
    widget.controls["items"].value = ()

    assert "error" == level(widget)
    assert [
        "Please check your input: “Questions to confirm” must be at least one question to "
        "confirm (it is empty); pick items from the list or write your own, one per line"
    ] == shown(widget)
    assert "Not saved until the input is fixed." in widget.status.value
    assert {} == saved(course)
    assert () == course.state.doubts


def test_doubts_are_restored_when_the_widget_is_created_again(tmp_path: Path) -> None:
    first = build_doubts_exercise(open_course(tmp_path))
    first.controls["items"].value = ("overtime",)
    first.controls["own"].value = "Is there on-call work?"

    again = build_doubts_exercise(open_course(tmp_path))
    assert ("overtime",) == again.controls["items"].value
    assert "Is there on-call work?" == again.controls["own"].value


def test_doubts_headless_print_the_summary(tmp_path: Path, capsys: Any) -> None:
    assert build_doubts_exercise(open_course(tmp_path, headless=True)) is None

    out = capsys.readouterr().out
    assert out.startswith("== Confirm your doubts ==\n- Your list: 5 question(s)")
    assert "- Time to decide (lesson): By when would you like my answer?" in out


# ---------------------------------------------------------------- 04.opening


def test_opening_states_the_range_from_the_profile(course: Course) -> None:
    widget = build_opening_exercise(course)
    assert "Backend engineer" == widget.controls["role"].value
    widget.controls["company"].value = "Acme"

    lines = shown(widget)
    assert (
        "Your annual range, from your profile (lesson 03 not saved yet): "
        "CNY 400,000–420,000, target at the low end."
    ) == lines[0]
    assert "Hi, and thank you for talking with me about the Backend engineer role at Acme." in lines
    assert STATE_RANGE_BODY in lines
    assert "Best regards, Ada" == lines[-1]
    expected = {"kind": "state-range", "company": "Acme", "role": "Backend engineer"}
    assert expected == saved(course)[OPENING.id]
    assert STATE_RANGE_BODY == course.state.opening


def test_opening_asks_what_they_can_offer_and_keeps_the_range_ready(course: Course) -> None:
    widget = build_opening_exercise(course)
    widget.controls["kind"].value = "ask-offer"

    lines = shown(widget)
    assert "You ask first and keep CNY 400,000–420,000 ready for when HR asks you back." in lines
    assert any(line.startswith("Could you share what annual package you have") for line in lines)
    assert not any("in the range of" in line for line in lines)
    assert "ask-offer" == saved(course)[OPENING.id]["kind"]


def test_opening_uses_the_saved_lesson_03_answer(course: Course) -> None:
    course.store.save("03.salary", {"previous_pay": "300000", "currency": "CNY"})
    widget = build_opening_exercise(course)

    assert (
        "Your annual range, from your saved lesson 03 answer: CNY 342,000–360,000, "
        "target at the low end."
    ) == shown(widget)[0]


def test_opening_with_an_empty_role_is_a_friendly_error(course: Course) -> None:
    widget = build_opening_exercise(course)
    widget.controls["role"].value = "  "

    assert "error" == level(widget)
    assert shown(widget)[0].startswith("Please check your input: “Role” must be some text")
    assert OPENING.id not in saved(course)
    assert "" == course.state.opening


def test_opening_without_pay_or_posted_range_says_what_is_missing(tmp_path: Path) -> None:
    course = open_course(tmp_path, previous_pay="", posted_range="")
    widget = build_opening_exercise(course)
    widget.check_button.click()

    assert "error" == level(widget)
    assert shown(widget)[0].startswith(
        "Please check your input: “previous pay” must be a pay figure, or a posted range"
    )
    assert {} == saved(course)


def test_opening_is_restored_and_headless_prints_it(tmp_path: Path, capsys: Any) -> None:
    first = build_opening_exercise(open_course(tmp_path))
    first.controls["kind"].value = "ask-offer"
    first.controls["company"].value = "Globex"

    again = build_opening_exercise(open_course(tmp_path))
    assert ("ask-offer", "Globex") == (
        again.controls["kind"].value,
        again.controls["company"].value,
    )
    build_opening_exercise(open_course(tmp_path, headless=True))
    out = capsys.readouterr().out
    assert "== Open the pay conversation ==" in out
    assert "role at Globex." in out


def test_opening_names_the_decision_date_of_exercise_4(
    course: Course, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TODAY_VARIABLE, "2026-03-02")
    course.store.save(DEADLINE.id, {"offer_date": "2026-03-02", "days": "5", "weekend": "friday"})
    widget = build_opening_exercise(course)
    widget.check_button.click()

    lines = shown(widget)
    assert "ok" == level(widget)
    assert "Your decision date, from Exercise 4: Friday 6 March 2026." in lines
    assert STATE_RANGE_BODY + " I'll give you my answer by Friday 6 March 2026." in lines
    assert STATE_RANGE_BODY + " I'll give you my answer by Friday 6 March 2026." == (
        course.state.opening
    )


def test_opening_points_out_a_weekend_or_past_decision_date(
    course: Course, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TODAY_VARIABLE, "2026-03-09")
    course.store.save(DEADLINE.id, {"offer_date": "2026-03-02", "days": "5"})
    widget = build_opening_exercise(course)

    lines = shown(widget)
    assert "warn" == level(widget)
    assert lines[2].startswith("Saturday 7 March 2026 falls on a weekend")
    assert lines[3].startswith("Saturday 7 March 2026 has already passed (today is Monday 9")
