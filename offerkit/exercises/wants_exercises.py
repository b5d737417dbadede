"""Lesson 01 exercises: the goal areas you care about, and the frustration journal.

The journal turns past frustrations into *suggested* weights and, for each top priority, a
question that checks in the interview whether the company can provide it. The learner then
confirms or adjusts the weights (:data:`PRIORITIES`, in
:mod:`~offerkit.exercises.priorities_exercises`); every later lesson reads the confirmed
ones from the learner's state. The goal-areas exercise lives in
:mod:`~offerkit.exercises.goal_areas_exercises`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offerkit.exercises.charts import priorities_chart
from offerkit.exercises.course import Course
from offerkit.exercises.goal_areas_exercises import SOURCE_LABEL, area_choices, percent_lines
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field
from offerkit.learner import schema
from offerkit.learner.readers import read_journal
from offerkit.rules.areas import goal_area
from offerkit.rules.questions import interview_questions
from offerkit.rules.wants import (
    MAX_INTENSITY,
    MIN_INTENSITY,
    Priorities,
    growth_areas,
    rank_priorities,
)

__all__ = ["JOURNAL", "build_journal_exercise"]

_EXAMPLE = "(Example) "


def _entries(count: int) -> str:
    return f"{count} {'entry' if count == 1 else 'entries'}"


# ---------------------------------------------------------------- exercise 2: the journal


def _question_lines(priorities: Priorities) -> list[str]:
    return [
        f"Ask about {q.area.name.lower()}: {q.question}" for q in interview_questions(priorities)
    ]


def _missing_picks(priorities: Priorities, course: Course) -> list[str]:
    """Areas picked in exercise 1 that no journal entry points to."""
    picked = course.state.priorities.picked
    missing = [area.name for area in picked if area.id not in priorities.weights]
    if not missing:
        return []
    return [
        f"You picked {', '.join(missing)} above, but no journal entry points to it: if it "
        "matters, add the experience that shows why."
    ]


def _evaluate_journal(values: Mapping[str, Any], course: Course) -> Feedback:
    entries = read_journal(values.get("entries") or [])
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
        "The weights your journal suggests (they add up to 100 %; confirm or adjust them "
        "in the next exercise):",
        *percent_lines(
            priorities,
            lambda item: f"{_entries(item.count)}, {SOURCE_LABEL[item.area.source]}",
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
    id=schema.JOURNAL.id,
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
        "Think of a week at work you would not want to repeat: what happened, why did it "
        "frustrate you, and which area would have made it better?",
        "'Pay frozen for two years' → reason 'no salary reviews' → area Salary, intensity 4. "
        "One experience can point to two areas; it then counts for both.",
        "The example journal: pay unchanged for two years while the work doubled (Salary, 4); "
        "a year of maintenance with nothing new shipped (Project experience and Growth and "
        "learning, 3); meetings that ended in blame (Team atmosphere, 2). Totals 4, 3, 3 and 2 "
        "out of 12: Salary 33 %, Project experience 25 %, Growth and learning 25 %, Team "
        "atmosphere 17 %. Ask how pay is made up and reviewed, which projects you would own in "
        "the first six months, and what someone in the role learns in the first year.",
    ),
)


def build_journal_exercise(course: Course) -> Any:
    """Lesson 01: the frustration journal → weighted priorities and interview questions."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(JOURNAL, course)
