"""Lesson 05's walk-away exercise (beyond the lesson) driven through its widget (no kernel)."""

from __future__ import annotations

from pathlib import Path

import pytest
from exercise_helpers import level, open_course, saved, shown

from offerkit.exercises.course import Course
from offerkit.exercises.walkaway_exercises import WALK_AWAY, build_walk_away_exercise


@pytest.fixture
def ada(tmp_path: Path) -> Course:
    return open_course(tmp_path, previous_pay="300000", posted_range="300k-400k")


def test_a_walk_away_in_the_zone_is_saved_and_feeds_the_state(ada: Course) -> None:
    widget = build_walk_away_exercise(ada)
    widget.controls["why"].value = "My current job, plus a longer commute."
    widget.controls["walk_away"].value = "320k"
    lines = shown(widget)
    assert "ok" == level(widget)
    assert any(line.startswith("Bargaining zone: CNY 320,000–") for line in lines)
    assert "320k" == saved(ada)[WALK_AWAY.id]["walk_away"]
    assert ada.state.walk_away is not None and 320_000.0 == ada.state.walk_away.amount
    assert 1 == len(widget.chart.outputs)  # the chart


def test_a_walk_away_above_hrs_band_warns_there_is_no_zone(ada: Course) -> None:
    widget = build_walk_away_exercise(ada)
    widget.controls["walk_away"].value = "500k"
    assert "warn" == level(widget)
    assert any("No bargaining zone" in line for line in shown(widget))


def test_the_range_is_the_lessons_and_unchanged(ada: Course) -> None:
    before = ada.state.salary.expected
    widget = build_walk_away_exercise(ada)
    widget.controls["walk_away"].value = "330k"
    assert before == ada.state.salary.expected


def test_headless_shows_a_worked_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    course = open_course(tmp_path, headless=True, previous_pay="300000", posted_range="300k-400k")
    assert build_walk_away_exercise(course) is None
    out = capsys.readouterr().out
    assert "Worked example (a walk-away of 300000)" in out
    assert "Beyond the lesson" in out
