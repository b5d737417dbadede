"""Lesson 01 exercises: the goal areas you care about, and the frustration journal.

The journal turns past frustrations into weighted priorities (Σ = 1) and, for each top
priority, a question that checks in the interview whether the company can provide it.
Lessons 05 and 06 read the result with :func:`priorities_from_answers`. The goal-areas
exercise lives in :mod:`~offerkit.exercises.goal_areas_exercises` (re-exported here).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from offerkit.errors import InvalidInputError, OfferkitError
from offerkit.exercises.charts import priorities_chart
from offerkit.exercises.course import Course
from offerkit.exercises.goal_areas_exercises import (
    GOAL_AREAS,
    SOURCE_LABEL,
    area_choices,
    goal_priorities,
    percent,
)
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field
from offerkit.rules.areas import goal_area
from offerkit.rules.questions import InterviewQuestion, interview_questions
from offerkit.rules.wants import (
    MAX_INTENSITY,
    MIN_INTENSITY,
    FrustrationEntry,
    Priorities,
    frustration_entry,
    growth_areas,
    rank_priorities,
)

__all__ = [
    "JOURNAL",
    "build_journal_exercise",
    "interview_questions_from_answers",
    "priorities_from_answers",
]

_EXAMPLE = "(Example) "


def _entries(count: int) -> str:
    return f"{count} {'entry' if count == 1 else 'entries'}"


# ---------------------------------------------------------------- exercise 2: the journal


def _intensity(value: object) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise InvalidInputError(
            "intensity", f"a whole number from {MIN_INTENSITY} to {MAX_INTENSITY}", value
        ) from None


def _journal(raw_entries: Sequence[Mapping[str, Any]]) -> list[FrustrationEntry]:
    """Validated journal entries; an error names the entry it comes from."""
    entries = []
    for number, raw in enumerate(raw_entries, start=1):
        try:
            entries.append(
                frustration_entry(
                    str(raw.get("experience") or ""),
                    str(raw.get("reason") or ""),
                    [str(a) for a in raw.get("areas") or ()],
                    _intensity(raw.get("intensity", MIN_INTENSITY)),
                )
            )
        except InvalidInputError as exc:
            field = f"{exc.field} (entry {number})"
            raise type(exc)(field, exc.expected, exc.received, exc.hint) from None
    return entries


def _question_lines(priorities: Priorities) -> list[str]:
    return [
        f"Ask about {q.area.name.lower()}: {q.question}" for q in interview_questions(priorities)
    ]


def _missing_picks(priorities: Priorities, course: Course) -> list[str]:
    """Areas picked in exercise 1 that no journal entry points to."""
    saved = course.answer(GOAL_AREAS.id)
    if not isinstance(saved, Mapping):
        return []
    try:
        picked, _unweighted = goal_priorities(saved)
    except OfferkitError:
        return []
    missing = [item.area.name for item in picked.items if item.area.id not in priorities.weights]
    if not missing:
        return []
    return [
        f"You picked {', '.join(missing)} above, but no journal entry points to it: if it "
        "matters, add the experience that shows why."
    ]


def _evaluate_journal(values: Mapping[str, Any], course: Course) -> Feedback:
    entries = _journal(values.get("entries") or [])
    if not entries:
        return Feedback(
            (
                "No entries yet: describe a work experience that frustrated you, why, and the "
                "area(s) you would like to improve, then press 'Add entry'.",
            ),
            "warn",
            chart_data=[],
        )
    priorities = rank_priorities(entries)
    growth = growth_areas(entries)
    lines = [
        f"{_entries(len(entries))}. Growth areas by total intensity: "
        + ", ".join(f"{goal_area(area_id).name} {total}" for area_id, total in growth)
        + ".",
        "Your priorities (the weights add up to 100 %):",
        *(
            f"{rank}. {item.area.name} — {percent(item.weight)} "
            f"({_entries(item.count)}, "
            f"{SOURCE_LABEL[item.area.source]})"
            for rank, item in enumerate(priorities.items, start=1)
        ),
        "In the interview, check whether the company can provide your top priorities:",
        *_question_lines(priorities),
        *_missing_picks(priorities, course),
    ]
    return Feedback(
        tuple(lines),
        "ok",
        chart_data=[(item.area.name, item.weight) for item in priorities.items],
        summary={
            "weights": priorities.weights,
            "growth": dict(growth),
            "questions": [q.question for q in interview_questions(priorities)],
        },
    )


def _journal_example(_course: Course) -> dict[str, Any]:
    return {
        "entries": [
            {
                "experience": _EXAMPLE + "My pay stayed the same for two years while my "
                "workload doubled.",
                "reason": "There were no salary reviews and no way to raise it.",
                "areas": ["salary"],
                "intensity": "4",
            },
            {
                "experience": _EXAMPLE + "I spent a year fixing old reports and shipped "
                "nothing new.",
                "reason": "New projects always went to another team.",
                "areas": ["project_experience", "growth"],
                "intensity": "3",
            },
            {
                "experience": _EXAMPLE + "Meetings often ended in blame.",
                "reason": "Nobody owned a problem until it became urgent.",
                "areas": ["team_atmosphere"],
                "intensity": "2",
            },
        ]
    }


JOURNAL = ExerciseSpec(
    id="01.journal",
    title="Your frustration journal",
    prompt="Not sure what you want? Write down past work experiences that frustrated you, "
    "the reason behind each, and which area you would like to improve. Add one entry at "
    "a time.",
    fields=(),
    entry_fields=(
        Field("experience", "What happened", "textarea", placeholder="e.g. overtime every week"),
        Field("reason", "Why it frustrated you", "textarea", placeholder="e.g. no planning"),
        Field("areas", "Area(s) you want to improve", "multi", [], area_choices()),
        Field(
            "intensity",
            "How strongly (1–5)",
            "choice",
            "3",
            tuple(
                (f"{n}{' — mild' if n == 1 else ' — strong' if n == 5 else ''}", str(n))
                for n in range(MIN_INTENSITY, MAX_INTENSITY + 1)
            ),
        ),
    ),
    evaluate=_evaluate_journal,
    chart=lambda feedback: priorities_chart(feedback.chart_data),
    example=_journal_example,
    hints=(
        "Think of a week at work you would not want to repeat. What exactly happened?",
        "Worked example: 'pay frozen for two years' → reason 'no salary reviews' → area "
        "Salary, intensity 4.",
        "One experience can point to two areas (e.g. Project experience and Growth); it "
        "then counts for both. Three to five entries give a useful picture.",
    ),
)


# ---------------------------------------------------------------- for later lessons


def _saved_journal(course: Course) -> list[FrustrationEntry]:
    saved = course.answer(JOURNAL.id) or {}
    entries = []
    for raw in saved.get("entries", []) if isinstance(saved, Mapping) else []:
        try:
            entries.extend(_journal([raw]))
        except (OfferkitError, AttributeError):
            continue  # a hand-edited entry that no longer reads is left out
    return entries


def priorities_from_answers(course: Course) -> Priorities:
    """The learner's priorities: from the saved journal; else from the goal areas (their
    weights, or equal weights over the picked areas); empty if nothing is saved."""
    entries = _saved_journal(course)
    if entries:
        return rank_priorities(entries)
    saved = course.answer(GOAL_AREAS.id)
    if not isinstance(saved, Mapping):
        return Priorities()
    try:
        return goal_priorities(saved)[0]
    except OfferkitError:
        try:
            return goal_priorities({"areas": saved.get("areas")})[0]
        except OfferkitError:
            return Priorities()


def interview_questions_from_answers(course: Course, top: int = 3) -> tuple[InterviewQuestion, ...]:
    """One question per top priority (see :func:`priorities_from_answers`)."""
    return interview_questions(priorities_from_answers(course), top=top)


def build_journal_exercise(course: Course) -> Any:
    """Lesson 01: the frustration journal → weighted priorities and interview questions."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(JOURNAL, course)
