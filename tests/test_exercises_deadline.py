"""Lesson 04's decision-deadline exercise driven through its widget (no kernel)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from exercise_helpers import level, open_course, saved, shown
from traitlets import TraitError

from offerkit.exercises.course import Course
from offerkit.exercises.deadline_exercises import (
    DEADLINE,
    build_deadline_exercise,
)


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


def test_deadline_and_polite_extension_message(course: Course) -> None:
    widget = build_deadline_exercise(course)
    widget.controls["days"].value = "3"
    widget.controls["company"].value = "Acme"
    widget.controls["offer_date"].value = date(2026, 3, 2)

    lines = shown(widget)
    assert "Offer received: Monday 2 March 2026." == lines[0]
    assert "Answer by: Thursday 5 March 2026 (3 day(s)), within the lesson's week." == lines[1]
    assert any(
        "offer from Acme" in line and "reply by Monday 9 March 2026" in line for line in lines
    )
    assert {"offer_date": "2026-03-02", "days": "3", "company": "Acme"} == saved(course)[
        DEADLINE.id
    ]
    deadline = course.state.deadline
    assert deadline is not None
    assert (date(2026, 3, 2), date(2026, 3, 5), 3) == (
        deadline.offer_date,
        deadline.deadline,
        deadline.days,
    )


def test_days_stop_at_a_week(course: Course) -> None:
    widget = build_deadline_exercise(course)
    values = [value for _label, value in widget.controls["days"].options]

    assert ["1", "2", "3", "4", "5", "6", "7"] == values
    with pytest.raises(TraitError):
        widget.controls["days"].value = "8"


def test_a_bad_date_typed_before_the_picker_is_a_friendly_error(course: Course) -> None:
    course.store.save(DEADLINE.id, {"offer_date": "2026-02-30", "days": "7"})  # schema 1 text
    assert course.state.deadline is None
    widget = build_deadline_exercise(course)
    assert widget.controls["offer_date"].value is None  # the picker cannot show it
    widget.check_button.click()
    assert "error" == level(widget)
    widget.controls["offer_date"].value = date(2026, 3, 2)
    assert "2026-03-02" == saved(course)[DEADLINE.id]["offer_date"]


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
    assert "- Worked example (an offer received on 2026-03-02): nothing saved yet." in out
    assert "- Answer by: Monday 9 March 2026 (7 day(s)), within the lesson's week." in out
