"""Lesson 01's goal-areas exercise driven through its widget (no kernel)."""

from __future__ import annotations

from pathlib import Path

import pytest
from exercise_helpers import open_course, saved, shown

from offerkit.exercises.course import Course
from offerkit.exercises.goal_areas_exercises import (
    GOAL_AREAS,
    build_goal_areas_exercise,
)
from offerkit.exercises.widgets import ExerciseWidget


def test_goal_areas_start_empty_with_a_prompt_and_nothing_saved(course: Course) -> None:
    widget = ExerciseWidget(GOAL_AREAS, course)

    assert [
        "Nothing picked yet: choose the areas you want this job change to improve "
        "(hold Ctrl or Cmd to pick several)."
    ] == shown(widget)
    assert not course.store.path.exists()


def test_picked_areas_get_equal_weights_labels_and_descriptions(course: Course) -> None:
    widget = ExerciseWidget(GOAL_AREAS, course)

    widget.controls["areas"].value = ("salary", "commute")

    assert [
        "2 area(s), weighted by equal weights: 1 from the lesson, 1 beyond it.",
        "1. Salary — 50 % (from the lesson): Annual cash pay that is higher than now and fair "
        "for what you bring.",
        "2. Commute — 50 % (beyond the lesson): A journey to work that is short and bearable "
        "enough to keep up every day.",
    ] == shown(widget)
    assert {"01.goal-areas": {"areas": ["salary", "commute"], "weights": ""}} == saved(course)
    assert "offerkit-ok" in widget.feedback.value


def test_explicit_weights_win_and_an_unweighted_pick_is_flagged(course: Course) -> None:
    widget = ExerciseWidget(GOAL_AREAS, course)
    widget.controls["areas"].value = ("salary", "commute")

    widget.controls["weights"].value = "salary=3; growth: 1"

    assert [
        "2 area(s), weighted by your weights: 1 from the lesson, 1 beyond it.",
        "1. Salary — 75 % (from the lesson): Annual cash pay that is higher than now and fair "
        "for what you bring.",
        "2. Growth and learning — 25 % (beyond the lesson): Room to learn new skills, take on "
        "harder work and be coached while doing it.",
        "Picked but given no weight, so it does not count: Commute.",
    ] == shown(widget)
    assert "offerkit-warn" in widget.feedback.value
    assert "salary=3; growth: 1" == saved(course)["01.goal-areas"]["weights"]


def test_bad_weights_are_explained_and_not_saved(course: Course) -> None:
    widget = ExerciseWidget(GOAL_AREAS, course)
    widget.controls["areas"].value = ("salary",)

    widget.controls["weights"].value = "salary=lots"

    assert [
        "Please check your input: 'weights' must be a number after '=' (got 'salary=lots'); "
        "write e.g. 'salary=0.5, team_atmosphere=0.3; growth=0.2'"
    ] == shown(widget)
    assert "offerkit-error" in widget.feedback.value
    assert "Not saved until the input is fixed." == widget.status.value
    assert {"areas": ["salary"], "weights": ""} == saved(course)["01.goal-areas"]


def test_goal_areas_restore_after_the_widget_is_built_again(tmp_path: Path) -> None:
    first = ExerciseWidget(GOAL_AREAS, open_course(tmp_path))
    first.controls["areas"].value = ("growth", "team_atmosphere")

    again = ExerciseWidget(GOAL_AREAS, open_course(tmp_path))  # re-run / kernel restart

    assert ("growth", "team_atmosphere") == again.controls["areas"].value
    assert shown(first) == shown(again)


def test_the_hint_ladder_reveals_one_hint_at_a_time(course: Course) -> None:
    widget = ExerciseWidget(GOAL_AREAS, course)

    widget.hint_button.click()
    assert 1 == widget.hint_html.value.count("<p>")
    assert "Next hint (2 left)" == widget.hint_button.description
    widget.hint_button.click()
    widget.hint_button.click()

    assert 3 == widget.hint_html.value.count("<p>")
    assert widget.hint_button.disabled
    assert "No more hints" == widget.hint_button.description


def test_headless_goal_areas_print_the_saved_picks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ExerciseWidget(GOAL_AREAS, open_course(tmp_path)).controls["areas"].value = ("salary",)

    build_goal_areas_exercise(open_course(tmp_path, headless=True))

    assert (
        "== What do you want from this change? ==\n"
        "- 1 area(s), weighted by equal weights: 1 from the lesson, 0 beyond it.\n"
        "- 1. Salary — 100 % (from the lesson): Annual cash pay that is higher than now and "
        "fair for what you bring.\n"
    ) == capsys.readouterr().out
