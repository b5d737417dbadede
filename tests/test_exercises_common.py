"""Helpers shared by the lesson 04 and 05 exercises: paragraphs, choices and the range."""

from __future__ import annotations

from pathlib import Path

import pytest
from exercise_helpers import open_course

from offerkit.errors import InvalidInputError
from offerkit.exercises.common import (
    expected_from_state,
    held_offers_choices,
    paragraphs,
    tone_lines,
)
from offerkit.exercises.course import Course
from offerkit.rules.honesty import check_tone


def test_paragraphs_join_lines_and_drop_blank_paragraphs() -> None:
    assert ("Hi there, thanks.", "Best, Ada") == paragraphs("Hi there,\nthanks.\n\n\n\nBest, Ada")


def test_held_offers_choices_run_from_0_to_5() -> None:
    assert [str(n) for n in range(6)] == [value for _label, value in held_offers_choices()]


def test_expected_from_state_names_its_source(course: Course) -> None:
    course.store.save("00.profile", {"previous_pay": "300000", "posted_range": ""})
    expected, source = expected_from_state(course)
    assert (342_000.0, 360_000.0) == (expected.range_low, expected.range_high)
    assert "your profile (lesson 03 not saved yet)" == source
    course.store.save("03.salary", {"previous_pay": "400000", "posted_range": ""})
    expected, source = expected_from_state(course)
    assert (457_000.0, 480_000.0, "your saved lesson 03 answer") == (
        expected.range_low,
        expected.range_high,
        source,
    )


def test_expected_from_state_names_what_is_missing(tmp_path: Path) -> None:
    course = open_course(tmp_path, previous_pay="", posted_range="")
    with pytest.raises(InvalidInputError, match="'previous_pay' must be a pay figure, or a posted"):
        expected_from_state(course)


def test_tone_lines_give_the_summary_then_each_flag() -> None:
    lines = tone_lines(check_tone("Take it or leave it"))
    assert 2 == len(lines)
    assert lines[0].startswith("Tone: 1 phrase")
    assert lines[1].startswith("“Take it or leave it” (ultimatum) — try instead: ")


def test_tone_lines_name_categories_in_words_never_ids() -> None:
    lines = tone_lines(check_tone("Your posting said 30k, take it or leave it"))
    assert lines[0].startswith(
        "Tone: 2 phrases may put HR on the defensive (quoting the posted range, ultimatum)"
    )
    assert lines[1].startswith("“Your posting said” (quoting the posted range) — try instead: ")
    assert not any("posted-range" in line for line in lines)
