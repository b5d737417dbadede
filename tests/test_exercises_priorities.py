"""Lesson 01's last exercise: the learner confirms or adjusts the journal's suggestion."""

from __future__ import annotations

from pathlib import Path

import pytest
from exercise_helpers import level, open_course, saved, shown

from offerkit.exercises.course import Course
from offerkit.exercises.goal_areas_exercises import GOAL_AREAS
from offerkit.exercises.priorities_exercises import PRIORITIES, build_priorities_exercise
from offerkit.exercises.widgets import ExerciseWidget
from offerkit.learner import schema

JOURNAL = {
    "entries": [
        {"experience": "Frozen pay", "reason": "no reviews", "areas": ["salary"], "intensity": "3"},
        {"experience": "Blame", "reason": "no owner", "areas": ["team_atmosphere"], "intensity": 1},
    ]
}


def _picked(course: Course, *areas: str) -> None:
    ExerciseWidget(GOAL_AREAS, course).controls["areas"].value = areas


def test_without_picked_areas_it_asks_for_them_first(course: Course) -> None:
    widget = build_priorities_exercise(course)
    widget.check_button.click()
    assert ("warn", "Pick at least one goal area in the first exercise of this lesson") == (
        level(widget),
        shown(widget)[0][:64],
    )


def test_the_sliders_start_from_the_journals_suggestion(course: Course) -> None:
    _picked(course, "salary", "team_atmosphere")
    course.store.save(schema.JOURNAL.id, JOURNAL)

    widget = build_priorities_exercise(course)
    sliders = widget.controls["weights"].sliders

    assert (75, 25, 0) == (
        sliders["salary"].value,
        sliders["team_atmosphere"].value,
        sliders["growth"].value,
    )
    assert "Salary" == sliders["salary"].description


def test_confirming_makes_later_lessons_use_these_weights(course: Course) -> None:
    _picked(course, "salary", "team_atmosphere")
    course.store.save(schema.JOURNAL.id, JOURNAL)
    widget = build_priorities_exercise(course)
    widget.controls["weights"].sliders["team_atmosphere"].value = 50
    widget.controls["weights"].sliders["salary"].value = 25
    assert "warn" == level(widget)
    assert "journal" == course.state.priorities.source

    widget.controls["confirmed"].value = True

    assert "ok" == level(widget)
    assert [
        "Started from the weights your frustration journal suggested; these are yours:",
        "1. Team atmosphere — 67 %",
        "2. Salary — 33 %",
        "Confirmed: lessons 05 and 06 weigh your offers and write your plan with these.",
    ] == shown(widget)
    assert ("confirmed", "Team atmosphere 67 %, Salary 33 %") == (
        course.state.priorities.source,
        course.state.priorities.shown(),
    )
    assert True is saved(course)[PRIORITIES.id]["confirmed"]


def test_a_weight_for_an_area_not_picked_is_refused_by_its_label(course: Course) -> None:
    _picked(course, "salary")
    widget = build_priorities_exercise(course)

    widget.controls["weights"].sliders["work_life_balance"].value = 40

    assert "error" == level(widget)
    text = shown(widget)[0]
    assert "weights only for the goal areas you picked" in text
    assert "Work-life balance" in text and "work_life_balance" not in text
    assert PRIORITIES.id not in saved(course)


def test_confirming_the_suggestion_unchanged_keeps_its_percentages(course: Course) -> None:
    _picked(course, "salary", "team_atmosphere", "growth")
    course.store.save(schema.JOURNAL.id, {"entries": [*JOURNAL["entries"], JOURNAL["entries"][1]]})
    suggested = course.state.priorities.shown()
    widget = build_priorities_exercise(course)

    widget.controls["confirmed"].value = True

    assert ("confirmed", suggested) == (
        course.state.priorities.source,
        course.state.priorities.shown(),
    )


def test_headless_runs_show_the_suggestion_unconfirmed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    course = open_course(tmp_path)
    _picked(course, "salary", "growth")

    build_priorities_exercise(open_course(tmp_path, headless=True))

    out = capsys.readouterr().out
    assert "== Confirm your priorities ==" in out
    assert "1. Salary — 50 %" in out and "Not confirmed yet" in out
