"""Lesson 01 exercise: the goal areas you want this change to improve (:data:`GOAL_AREAS`).

The helpers here (the area choices, whole-percentage lines) are shared with the frustration
journal (:mod:`~offerkit.exercises.wants_exercises`) and the priorities you confirm
(:mod:`~offerkit.exercises.priorities_exercises`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from offerkit.exercises.course import Course
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field
from offerkit.learner import schema
from offerkit.learner.readers import read_areas
from offerkit.rules.areas import goal_areas
from offerkit.rules.wants import Priorities, Priority, rank_priorities, whole_percentages

__all__ = [
    "GOAL_AREAS",
    "SOURCE_LABEL",
    "area_choices",
    "build_goal_areas_exercise",
    "percent_lines",
]

SOURCE_LABEL = {"lesson": "from the lesson", "beyond": "beyond the lesson"}


def area_choices() -> tuple[tuple[str, str], ...]:
    """Choices for picking goal areas: 'Name — from the lesson' → area id."""
    return tuple((f"{a.name} — {SOURCE_LABEL[a.source]}", a.id) for a in goal_areas())


def percent_lines(
    priorities: Priorities, detail: Callable[[Priority], str] | None = None
) -> list[str]:
    """``1. Salary — 50 % (…)`` per priority; the percentages add up to exactly 100."""
    shares = whole_percentages([item.weight for item in priorities.items])
    return [
        f"{rank}. {item.area.name} — {share} %" + (f" ({detail(item)})" if detail else "")
        for rank, (item, share) in enumerate(zip(priorities.items, shares, strict=True), start=1)
    ]


def _evaluate_goal_areas(values: Mapping[str, Any], _course: Course) -> Feedback:
    picked = read_areas(values.get("areas"))
    if not picked:
        return Feedback(
            (
                "Nothing picked yet: choose the areas you want this job change to improve "
                "(hold Ctrl or Cmd to pick several).",
            ),
            "warn",
        )
    from_lesson = sum(1 for area in picked if area.source == "lesson")
    lines = [
        f"{len(picked)} area(s): {from_lesson} from the lesson, {len(picked) - from_lesson} "
        "beyond it. You weigh them at the end of this lesson; until then they count equally.",
        *(f"{area.name} ({SOURCE_LABEL[area.source]}): {area.description}" for area in picked),
    ]
    equal = rank_priorities([], weights={area.id: 1.0 for area in picked})
    return Feedback(
        tuple(lines),
        "ok",
        chart_data=[(item.area.name, item.weight) for item in equal.items],
        summary={"areas": [area.id for area in picked]},
    )


GOAL_AREAS = ExerciseSpec(
    id=schema.GOAL_AREAS.id,
    title="What do you want from this change?",
    prompt="Pick the areas you want your next job to improve. You will weigh them after the "
    "frustration journal below.",
    fields=(Field("areas", "Goal areas you care about", "multi", [], area_choices()),),
    evaluate=_evaluate_goal_areas,
    hints=(
        "The lesson's own examples are a friendly team, more project experience and a higher "
        "salary; the other areas are the kit's additions.",
        "Frustrated by a pay freeze and by a year without new projects? Pick Salary and "
        "Project experience, and Growth and learning if you also want to learn more.",
        "For the example journal below: Salary, Project experience, Growth and learning and "
        "Team atmosphere. Three to five areas: a list of everything tells an interviewer "
        "nothing.",
    ),
)


def build_goal_areas_exercise(course: Course) -> Any:
    """Lesson 01: pick the goal areas you care about."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(GOAL_AREAS, course)
