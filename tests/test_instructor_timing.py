"""The kit's timing rule: every lesson's slot covers its exercises, role-play and quiz."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from offerkit.exercises.quiz import quiz_questions
from offerkit.instructor.notebooks import INSTRUCTOR_TAG, read_lessons
from offerkit.instructor.timing import (
    MINUTES_PER_DISCUSSION_PROMPT,
    MINUTES_PER_EXERCISE,
    MINUTES_PER_QUIZ_ITEM,
    lesson_time,
    notes_minutes,
    roleplay_minutes,
    timing_warnings,
)


@pytest.mark.parametrize("item", read_lessons(), ids=lambda i: i.lesson.id)
def test_every_lesson_slot_covers_its_exercises_roleplay_and_quiz(item: object) -> None:
    from offerkit.instructor.notebooks import LessonNotebook

    assert isinstance(item, LessonNotebook)
    time = lesson_time(item)
    assert time.needed <= item.lesson.minutes, timing_warnings(item)
    assert time.notes_needed <= item.lesson.minutes, timing_warnings(item)
    assert () == timing_warnings(item)


def test_the_real_lessons_are_counted() -> None:
    lessons = {item.lesson.id: item for item in read_lessons()}
    time = lesson_time(lessons["04"])
    assert 4 == time.exercises  # doubts, opening, tone, deadline
    assert len(quiz_questions("04")) == time.quiz_items
    assert 2 * 4 + 2 == time.roleplay  # "Swap after four minutes"
    assert 15 == lesson_time(lessons["01"]).notes  # "Allow 10 minutes … and 5 for …"
    assert 10 == lesson_time(lessons["06"]).notes  # "ten quiet minutes"


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("Allow 10 minutes for the journal and 5 for comparing questions in pairs.", 15),
        ("Give learners ten quiet minutes here, then pair them.", 10),
        ("Answer in under a minute.", 0),
        ("Take 3 min. Then 2 minutes more.", 5),
        ("", 0),
    ],
)
def test_notes_minutes(text: str, minutes: int) -> None:
    assert minutes == notes_minutes(text)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("In pairs. Swap after three minutes.", 8), ("In pairs, then swap.", 10), ("  ", 0)],
)
def test_roleplay_minutes(text: str, minutes: int) -> None:
    assert minutes == roleplay_minutes(text)


def write_fixture(folder: Path, minutes: int, note: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["offerkit"] = {
        "lesson": "03",
        "title": "Fixture",
        "questions": ["Q?"],
        "objectives": ["O."],
        "keypoints": ["K."],
        "teaching": 0,
        "exercises": minutes,
        "roleplay": "In pairs. Swap after two minutes.",
        "discussion": ["Why?"],
    }
    nb.cells = [
        nbformat.v4.new_code_cell("build_salary_exercise(course)"),
        nbformat.v4.new_code_cell("build_posted_range_exercise(course)"),
        nbformat.v4.new_code_cell('build_quiz("03", course)'),
        nbformat.v4.new_markdown_cell(note, metadata={"tags": [INSTRUCTOR_TAG]}),
    ]
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / "03-fixture.ipynb")
    return folder


def test_a_short_slot_is_warned_about_with_the_breakdown(tmp_path: Path) -> None:
    quiz = len(quiz_questions("03")) * MINUTES_PER_QUIZ_ITEM
    needed = 2 * MINUTES_PER_EXERCISE + quiz + (2 * 2 + 2) + MINUTES_PER_DISCUSSION_PROMPT
    (fits,) = read_lessons(write_fixture(tmp_path / "fits", needed, "Allow 5 minutes."))
    assert needed == lesson_time(fits).needed
    assert () == timing_warnings(fits)
    (short,) = read_lessons(write_fixture(tmp_path / "short", needed - 1, "Allow 5 minutes."))
    (warning,) = timing_warnings(short)
    assert f"Lesson 03 (Fixture) needs about {needed} min" in warning
    assert f"its slot is {needed - 1} min" in warning
    (noted,) = read_lessons(write_fixture(tmp_path / "noted", needed, "Allow 30 minutes."))
    (warning,) = timing_warnings(noted)
    assert f"notes ask for 30 min, plus role-play 6 min and quiz {quiz} min" in warning
