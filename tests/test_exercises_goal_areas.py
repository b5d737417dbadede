"""Lesson 01's goal-areas exercise driven through its widget (no kernel)."""

from __future__ import annotations

from pathlib import Path

import pytest
from exercise_helpers import open_course, saved, shown

from offerkit.exercises.course import Course
from offerkit.exercises.goal_areas_exercises import (
    GOAL_AREAS,
    build_goal_areas_exercise,
    percent_lines,
)
from offerkit.exercises.widgets import ExerciseWidget
from offerkit.rules.wants import rank_priorities


def test_goal_areas_start_empty_with_a_prompt_and_nothing_saved(course: Course) -> None:
    widget = ExerciseWidget(GOAL_AREAS, course)

    assert [
        "Nothing picked yet: choose the areas you want this job change to improve "
        "(hold Ctrl or Cmd to pick several)."
    ] == shown(widget)
    assert not course.store.path.exists()


def test_picked_areas_are_listed_with_labels_and_descriptions(course: Course) -> None:
    widget = ExerciseWidget(GOAL_AREAS, course)

    widget.controls["areas"].value = ("salary", "commute")

    assert [
        "2 area(s): 1 from the lesson, 1 beyond it. You weigh them at the end of this lesson; "
        "until then they count equally.",
        "Salary (from the lesson): Annual cash pay that is higher than now and fair for what "
        "you bring.",
        "Commute (beyond the lesson): A journey to work that is short and bearable enough to "
        "keep up every day.",
    ] == shown(widget)
    assert {"01.goal-areas": {"areas": ["salary", "commute"]}} == saved(course)
    assert ("areas", {"salary": 0.5, "commute": 0.5}) == (
        course.state.priorities.source,
        course.state.priorities.priorities.weights,
    )
    widget.hint_button.click()
    assert 1 == widget.hint_html.value.count("<p>")
    assert "Next hint (2 left)" == widget.hint_button.description
    widget.hint_button.click()
    widget.hint_button.click()

    assert 3 == widget.hint_html.value.count("<p>")
    assert widget.hint_button.disabled
    assert "No more hints" == widget.hint_button.description


def test_percent_lines_add_up_to_exactly_100() -> None:
    thirds = rank_priorities([], weights={"salary": 1, "growth": 1, "commute": 1})

    lines = percent_lines(thirds)

    assert ["1. Salary — 34 %", "2. Growth and learning — 33 %", "3. Commute — 33 %"] == lines


def test_headless_goal_areas_print_the_saved_picks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ExerciseWidget(GOAL_AREAS, open_course(tmp_path)).controls["areas"].value = ("salary",)

    build_goal_areas_exercise(open_course(tmp_path, headless=True))

    assert (
        "== What do you want from this change? ==\n"
        "- 1 area(s): 1 from the lesson, 0 beyond it. You weigh them at the end of this lesson; "
        "until then they count equally.\n"
        "- Salary (from the lesson): Annual cash pay that is higher than now and fair for what "
        "you bring.\n"
    ) == capsys.readouterr().out
