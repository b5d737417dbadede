"""Lesson 04's decision-deadline exercise driven through its widget (no kernel)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from exercise_helpers import level, open_course, saved, shown
from traitlets import TraitError

from offerkit.errors import InvalidInputError
from offerkit.exercises.course import Course
from offerkit.exercises.deadline_exercises import (
    DEADLINE,
    build_deadline_exercise,
)
from offerkit.learner.state import TODAY_VARIABLE
from offerkit.rules.hr import REASON_BLANK

WEEK_LINE = (
    "Agree the date with HR: both sides take time to think, and after a week the offer may "
    "go to someone else."
)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lesson's example offer arrives on Monday 2 March 2026; 'today' is that day."""
    monkeypatch.setenv(TODAY_VARIABLE, "2026-03-02")


def test_deadline_starts_empty_with_its_prompt_then_asks_for_the_date(course: Course) -> None:
    widget = build_deadline_exercise(course)

    assert widget.controls["offer_date"].value is None
    assert "offerkit-prompt" in widget.feedback.value  # untouched: no red error
    widget.check_button.click()
    assert "error" == level(widget)
    assert [
        "Please check your input: “Offer date” must be the date the offer arrived (it is "
        "empty); pick it in the calendar"
    ] == shown(widget)
    assert course.state.deadline is None


def test_deadline_and_polite_request_name_one_date(course: Course) -> None:
    widget = build_deadline_exercise(course)
    widget.controls["days"].value = "3"
    widget.controls["company"].value = "Acme"
    widget.controls["reason"].value = "I'd like to read the contract with care"
    widget.controls["offer_date"].value = date(2026, 3, 2)

    assert "ok" == level(widget)
    assert [
        "Offer received: Monday 2 March 2026.",
        "Answer by: Thursday 5 March 2026 (3 days after the offer), within the lesson's week.",
        WEEK_LINE,
        "Ask HR for this date politely (copy it and make it your own):",
        "Hi, thank you again for the offer from Acme. Would it be possible for me to give you "
        "my answer by Thursday 5 March 2026? I'd like to read the contract with care. I'll "
        "reply by then at the latest.",
        "Best regards, Ada",
    ] == shown(widget)
    assert {
        "offer_date": "2026-03-02",
        "days": "3",
        "company": "Acme",
        "reason": "I'd like to read the contract with care",
        "weekend": "keep",
    } == saved(course)[DEADLINE.id]
    deadline = course.state.deadline
    assert deadline is not None
    assert (date(2026, 3, 2), date(2026, 3, 5), 3) == (
        deadline.offer_date,
        deadline.deadline,
        deadline.days,
    )


def test_one_day_is_singular_and_a_missing_reason_is_a_marked_blank(course: Course) -> None:
    widget = build_deadline_exercise(course)
    widget.controls["days"].value = "1"
    widget.controls["offer_date"].value = date(2026, 3, 2)

    lines = shown(widget)
    assert "Answer by: Tuesday 3 March 2026 (1 day after the offer), within the lesson's week." in (
        lines
    )
    assert any(f"Tuesday 3 March 2026? {REASON_BLANK} I'll reply" in line for line in lines)
    assert lines[-1].startswith(f"Fill in {REASON_BLANK} before you send it")
    assert not any("family" in line for line in lines)


def test_the_company_from_the_opening_is_not_asked_again(course: Course) -> None:
    course.store.save("04.opening", {"kind": "ask-offer", "company": "Globex", "role": "QA"})
    widget = build_deadline_exercise(course)
    widget.controls["offer_date"].value = date(2026, 3, 2)

    assert "Globex" == widget.controls["company"].value
    assert any("offer from Globex." in line for line in shown(widget))


def test_a_weekend_deadline_is_pointed_out_with_friday_or_monday(course: Course) -> None:
    widget = build_deadline_exercise(course)
    widget.controls["days"].value = "5"
    widget.controls["offer_date"].value = date(2026, 3, 2)

    assert "warn" == level(widget)
    assert (
        "Saturday 7 March 2026 falls on a weekend, when HR may not be at work: suggest the "
        "Friday before (Friday 6 March 2026) or the Monday after (Monday 9 March 2026) "
        "instead, as you prefer."
    ) == shown(widget)[2]
    assert (
        "To suggest another day, pick it under 'If the date falls on a weekend': every "
        "message in the course then names that date."
    ) in shown(widget)


@pytest.mark.parametrize(
    ("weekend", "when", "days"),
    [("friday", "Friday 6 March 2026", 4), ("monday", "Monday 9 March 2026", 7)],
)
def test_the_learner_moves_a_weekend_deadline_and_every_line_follows(
    course: Course, weekend: str, when: str, days: int
) -> None:
    widget = build_deadline_exercise(course)
    widget.controls["days"].value = "5"
    widget.controls["offer_date"].value = date(2026, 3, 2)
    widget.controls["weekend"].value = weekend

    lines = shown(widget)
    assert "ok" == level(widget)
    assert (
        f"Answer by: {when} ({days} days after the offer), within the lesson's week." == (lines[1])
    )
    assert lines[2].startswith(f"Saturday 7 March 2026 falls on a weekend, so you answer by {when}")
    assert any(f"give you my answer by {when}?" in line for line in lines)
    deadline = course.state.deadline
    assert deadline is not None
    assert when == deadline.wording


def test_a_past_deadline_gets_a_message(course: Course, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_VARIABLE, "2026-12-02")
    widget = build_deadline_exercise(course)
    widget.controls["offer_date"].value = date(2026, 3, 2)

    assert "warn" == level(widget)
    assert (
        "Monday 9 March 2026 has already passed (today is Wednesday 2 December 2026): if the "
        "offer is still open, agree a new date with HR first."
    ) == shown(widget)[2]


def test_days_stop_at_a_week(course: Course) -> None:
    widget = build_deadline_exercise(course)
    values = [value for _label, value in widget.controls["days"].options]

    assert ["1", "2", "3", "4", "5", "6", "7"] == values
    with pytest.raises(TraitError):
        widget.controls["days"].value = "8"


def test_an_impossible_date_typed_before_the_picker_says_why(course: Course) -> None:
    course.store.save(DEADLINE.id, {"offer_date": "2026-02-30", "days": "7"})  # schema 1 text
    assert course.state.deadline is None
    assert (
        "Lesson 04: your decision date no longer reads ('offer_date' must be a real date, "
        "written YYYY-MM-DD (got '2026-02-30'); there is no 30 February: February 2026 has "
        "28 days)."
    ) == course.state.problems[0]
    widget = build_deadline_exercise(course)
    assert widget.controls["offer_date"].value is None  # the picker cannot show it
    widget.controls["offer_date"].value = date(2026, 3, 2)
    assert "2026-03-02" == saved(course)[DEADLINE.id]["offer_date"]


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("2026-02-30", "there is no 30 February: February 2026 has 28 days"),
        ("2026-02-29", "2026 is not a leap year, so there is no 29 February"),
        ("2026-13-01", "there is no month 13: months run from 1 to 12"),
        (
            "02/03/2026",
            "'02/03/2026' could be Tuesday 3 February 2026 or Monday 2 March 2026; write it "
            "year first, e.g. '2026-03-02' for Monday 2 March 2026",
        ),
    ],
)
def test_a_typed_date_that_does_not_read_says_why(course: Course, text: str, hint: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        DEADLINE.evaluate({"offer_date": text, "days": "7"}, course)
    assert ("offer_date", hint) == (info.value.field, info.value.hint)


def test_an_unambiguous_typed_form_is_read(course: Course) -> None:
    feedback = DEADLINE.evaluate({"offer_date": "2 March 2026", "days": "7"}, course)
    assert "Offer received: Monday 2 March 2026." == feedback.lines[0]


def test_an_offer_date_typed_before_the_picker_still_reads(course: Course) -> None:
    course.store.save(DEADLINE.id, {"offer_date": " 2026-03-02 ", "days": "3"})  # schema 1
    deadline = course.state.deadline
    assert deadline is not None and date(2026, 3, 5) == deadline.deadline
    assert date(2026, 3, 2) == build_deadline_exercise(course).controls["offer_date"].value


def test_deadline_restored_and_headless_example_is_labelled(tmp_path: Path, capsys: Any) -> None:
    build_deadline_exercise(open_course(tmp_path)).controls["offer_date"].value = date(2026, 4, 1)
    restored = build_deadline_exercise(open_course(tmp_path)).controls["offer_date"].value
    assert date(2026, 4, 1) == restored
    build_deadline_exercise(open_course(tmp_path / "other", headless=True))

    out = capsys.readouterr().out
    assert "- Worked example (an offer received on Monday 2 March 2026): nothing saved yet." in out
    assert (
        "- Answer by: Monday 9 March 2026 (7 days after the offer), within the lesson's week."
        in out
    )


def test_the_headless_example_is_not_judged_against_today(
    tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TODAY_VARIABLE, "2030-01-01")
    build_deadline_exercise(open_course(tmp_path, headless=True))

    assert "already passed" not in capsys.readouterr().out
