"""How long a lesson needs: the kit's one timing rule, applied to each lesson notebook.

A lesson's slot (``metadata.offerkit`` ``teaching`` + ``exercises`` minutes) must cover::

    5 min per exercise (a ``build_…(course)`` cell, the quiz excepted)
  + 1 min per quiz item (read, answer, read the explanations)
  + the pairs role-play: both turns (2 × the "swap after N minutes" it states, else
    2 × 4 min) + 2 min to debrief
  + 3 min per discussion prompt

and the minutes the instructor notes ask for ("allow 10 minutes …", "ten quiet minutes")
plus the role-play and the quiz must fit in it too. These figures are the kit's rule of
thumb, not the lesson's; change them here and every lesson is checked against the new rule
(``tests/test_instructor_timing.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from offerkit.instructor.notebooks import INSTRUCTOR_TAG, LessonNotebook, cell_source

__all__ = [
    "MINUTES_PER_DISCUSSION_PROMPT",
    "MINUTES_PER_EXERCISE",
    "MINUTES_PER_QUIZ_ITEM",
    "LessonTime",
    "lesson_time",
    "notes_minutes",
    "roleplay_minutes",
    "timing_warnings",
]

MINUTES_PER_EXERCISE = 5
MINUTES_PER_QUIZ_ITEM = 1
MINUTES_PER_DISCUSSION_PROMPT = 3
ROLEPLAY_TURN = 4
ROLEPLAY_DEBRIEF = 2

_WORDS = {
    word: number
    for number, word in enumerate(
        (
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        )
    )
}
_NUMBER = r"(\d{1,3}|" + "|".join(_WORDS) + r")"
# "10 minutes", "ten quiet minutes", "5 min"; then "… and 5 for …" after a duration
_DURATION = re.compile(
    rf"\b{_NUMBER}\s+(?:[a-z]+\s+)?(?:minutes?|mins?)\b(?:[^.]*?\band\s+{_NUMBER}\s+for\b)?",
    re.IGNORECASE,
)
_SWAP = re.compile(rf"\bswap\s+after\s+{_NUMBER}\s+minutes?\b", re.IGNORECASE)
_EXERCISE = re.compile(r"^\s*(build_\w+)\(", re.MULTILINE)
_QUIZ = re.compile(r"build_quiz\(\s*[\"'](\d\d)[\"']")


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _WORDS[text.lower()]


def notes_minutes(text: str) -> int:
    """The minutes a text asks for: ``"Allow 10 minutes for the journal and 5 for …"`` → 15."""
    total = 0
    for match in _DURATION.finditer(text):
        total += _number(match.group(1)) + (_number(match.group(2)) if match.group(2) else 0)
    return total


def roleplay_minutes(text: str) -> int:
    """Both turns of a pairs role-play and its debrief; 0 when there is none."""
    if not text.strip():
        return 0
    swap = _SWAP.search(text)
    turn = _number(swap.group(1)) if swap else ROLEPLAY_TURN
    return 2 * turn + ROLEPLAY_DEBRIEF


@dataclass(frozen=True)
class LessonTime:
    """What a lesson holds, and the minutes the kit's rule gives it."""

    exercises: int  # exercise builders, the quiz excepted
    quiz_items: int
    roleplay: int  # minutes
    discussion: int  # prompts
    notes: int  # minutes the instructor notes ask for

    @property
    def needed(self) -> int:
        """Minutes by the rule: exercises, quiz, role-play and discussion."""
        return (
            self.exercises * MINUTES_PER_EXERCISE
            + self.quiz_items * MINUTES_PER_QUIZ_ITEM
            + self.roleplay
            + self.discussion * MINUTES_PER_DISCUSSION_PROMPT
        )

    @property
    def notes_needed(self) -> int:
        """Minutes the notes ask for, plus the role-play and the quiz they do not mention."""
        return self.notes + self.roleplay + self.quiz_items * MINUTES_PER_QUIZ_ITEM


def lesson_time(item: LessonNotebook) -> LessonTime:
    """Count a lesson's exercises, quiz items, role-play, prompts and noted minutes."""
    # imported here: offerkit.exercises loads ipywidgets and matplotlib (about a second),
    # and every `offerkit` command imports this module through the instructor commands
    from offerkit.exercises.quiz import quiz_questions

    code = [cell_source(c) for c in item.notebook.get("cells", []) if c.get("cell_type") == "code"]
    builders = [name for source in code for name in _EXERCISE.findall(source)]
    quizzes = [lesson for source in code for lesson in _QUIZ.findall(source)]
    notes = "\n".join(item.sources(INSTRUCTOR_TAG))
    return LessonTime(
        exercises=sum(name != "build_quiz" for name in builders),
        quiz_items=sum(len(quiz_questions(lesson)) for lesson in quizzes),
        roleplay=roleplay_minutes(item.lesson.roleplay),
        discussion=len(item.lesson.discussion),
        notes=notes_minutes(notes),
    )


def timing_warnings(item: LessonNotebook) -> tuple[str, ...]:
    """One line per way the lesson's slot is too short (none when it fits)."""
    lesson, time = item.lesson, lesson_time(item)
    name = f"Lesson {lesson.id} ({lesson.title})"
    warnings = []
    if time.needed > lesson.minutes:
        warnings.append(
            f"{name} needs about {time.needed} min ({time.exercises} exercise(s), "
            f"{time.quiz_items} quiz item(s), role-play {time.roleplay} min, "
            f"{time.discussion} discussion prompt(s)) but its slot is {lesson.minutes} min."
        )
    if time.notes_needed > lesson.minutes:
        warnings.append(
            f"{name}: the instructor notes ask for {time.notes} min, plus role-play "
            f"{time.roleplay} min and quiz {time.quiz_items} min = {time.notes_needed} min, "
            f"but its slot is {lesson.minutes} min."
        )
    return tuple(warnings)
