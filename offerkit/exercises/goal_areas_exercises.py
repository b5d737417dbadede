"""Lesson 01 exercise: the goal areas you care about, optionally weighted (:data:`GOAL_AREAS`).

The helpers here (the area choices, :func:`goal_priorities`) are shared with the frustration
journal in :mod:`~offerkit.exercises.wants_exercises`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offerkit.exercises.course import Course
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field, Level
from offerkit.rules.areas import GoalArea, goal_area, goal_areas
from offerkit.rules.wants import (
    Priorities,
    parse_weights,
    rank_priorities,
)

__all__ = [
    "GOAL_AREAS",
    "SOURCE_LABEL",
    "area_choices",
    "build_goal_areas_exercise",
    "goal_priorities",
    "percent",
]

SOURCE_LABEL = {"lesson": "from the lesson", "beyond": "beyond the lesson"}


def area_choices() -> tuple[tuple[str, str], ...]:
    """Choices for picking goal areas: 'Name — from the lesson' → area id."""
    return tuple((f"{a.name} — {SOURCE_LABEL[a.source]}", a.id) for a in goal_areas())


def percent(weight: float) -> str:
    """A weight (0–1) as a whole percentage, e.g. ``50 %``."""
    return f"{weight * 100:.0f} %"


def goal_priorities(values: Mapping[str, Any]) -> tuple[Priorities, list[GoalArea]]:
    """Priorities from explicit weights (if typed) or equal weights over the picked areas;
    and the picked areas left without a weight."""
    picked = [goal_area(str(a)) for a in values.get("areas") or ()]
    text = str(values.get("weights") or "").strip()
    if text:
        weights = parse_weights(text)
        unweighted = [a for a in picked if a.id not in weights]
        return rank_priorities([], weights=weights), unweighted
    if not picked:
        return Priorities(), []
    return rank_priorities([], weights={a.id: 1.0 for a in picked}), []


def _evaluate_goal_areas(values: Mapping[str, Any], _course: Course) -> Feedback:
    priorities, unweighted = goal_priorities(values)
    if priorities.is_empty:
        return Feedback(
            (
                "Nothing picked yet: choose the areas you want this job change to improve "
                "(hold Ctrl or Cmd to pick several).",
            ),
            "warn",
        )
    how = "your weights" if str(values.get("weights") or "").strip() else "equal weights"
    from_lesson = sum(1 for item in priorities.items if item.area.source == "lesson")
    lines = [
        f"{len(priorities.items)} area(s), weighted by {how}: {from_lesson} from the lesson, "
        f"{len(priorities.items) - from_lesson} beyond it."
    ]
    lines += [
        f"{rank}. {item.area.name} — {percent(item.weight)} ({SOURCE_LABEL[item.area.source]}): "
        f"{item.area.description}"
        for rank, item in enumerate(priorities.items, start=1)
    ]
    level: Level = "ok"
    if unweighted:
        level = "warn"
        names = ", ".join(a.name for a in unweighted)
        lines.append(f"Picked but given no weight, so it does not count: {names}.")
    return Feedback(
        tuple(lines),
        level,
        chart_data=[(item.area.name, item.weight) for item in priorities.items],
        summary={"weights": priorities.weights},
    )


GOAL_AREAS = ExerciseSpec(
    id="01.goal-areas",
    title="What do you want from this change?",
    prompt="Pick the areas you want your next job to improve. If some matter more than "
    "others, give them weights (any numbers; they are scaled to add up to 100 %).",
    fields=(
        Field("areas", "Goal areas you care about", "multi", [], area_choices()),
        Field(
            "weights",
            "Your own weights (optional)",
            placeholder="salary=3, team_atmosphere=2, growth=1",
        ),
    ),
    evaluate=_evaluate_goal_areas,
    hints=(
        "The lesson's own examples are a friendly team, more project experience and a "
        "higher salary; the other areas are the kit's additions.",
        "Weights are relative: 'salary=3, growth=1' means salary counts three times as much "
        "(75 % and 25 %).",
        "Not sure what to pick? Leave this and fill in the frustration journal below: it "
        "works the weights out from your own experiences.",
    ),
)


def build_goal_areas_exercise(course: Course) -> Any:
    """Lesson 01: pick (and optionally weight) the goal areas you care about."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(GOAL_AREAS, course)
