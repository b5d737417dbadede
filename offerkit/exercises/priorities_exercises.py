"""Lesson 01 exercise: confirm or adjust your priorities (:data:`PRIORITIES`).

The frustration journal only *suggests* weights. Here the learner sets one slider per goal
area, starting from that suggestion, and confirms them; every later lesson weighs offers
and writes the plan with the confirmed weights, and says where they came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offerkit.exercises.charts import priorities_chart
from offerkit.exercises.course import Course
from offerkit.exercises.goal_areas_exercises import area_choices, percent_lines
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field, Level
from offerkit.learner import schema
from offerkit.learner.readers import read_weights
from offerkit.rules.areas import goal_areas
from offerkit.rules.wants import confirm_priorities, whole_percentages

__all__ = ["PRIORITIES", "SCALE_MAX", "build_priorities_exercise", "suggested_sliders"]

SCALE_MAX = 100
"""Each slider runs from 0 (does not matter) to 100 — a kit choice: fine enough that the
journal's suggestion, shown in whole percentages, confirms unchanged."""


def suggested_sliders(course: Course) -> dict[str, int]:
    """Slider positions from the journal's suggestion (else equal over the picked areas)."""
    state = course.state.priorities
    suggestion = state.suggested if not state.suggested.is_empty else state.priorities
    weights = suggestion.weights
    if state.confirmed or not weights:
        weights = weights or {area.id: 1.0 for area in state.picked}
    areas = goal_areas()
    shares = whole_percentages([weights.get(area.id, 0.0) for area in areas])
    return {area.id: share for area, share in zip(areas, shares, strict=True)}


def _defaults(course: Course) -> dict[str, Any]:
    return {"weights": suggested_sliders(course), "confirmed": False}


def _evaluate_priorities(values: Mapping[str, Any], course: Course) -> Feedback:
    state = course.state.priorities
    picked = state.picked
    if not picked:
        return Feedback(
            (
                "Pick at least one goal area in the first exercise of this lesson; then set "
                "how much each one matters here.",
            ),
            "warn",
        )
    raw = values.get("weights") or {}
    weights = read_weights(raw) if raw else {}
    priorities = confirm_priorities(picked, weights)
    suggested = "your frustration journal" if not state.suggested.is_empty else "equal weights"
    lines = [
        f"Started from the weights {suggested} suggested; these are yours:",
        *percent_lines(priorities),
    ]
    level: Level = "ok"
    if values.get("confirmed") is True:
        lines.append(
            "Confirmed: lessons 05 and 06 weigh your offers and write your plan with these."
        )
    else:
        level = "warn"
        lines.append(
            "Not confirmed yet: tick 'These are my priorities' when they look right. Until "
            "then later lessons use the suggestion and say so."
        )
    return Feedback(
        tuple(lines),
        level,
        chart_data=[(item.area.name, item.weight) for item in priorities.items],
        summary={"weights": priorities.weights, "confirmed": values.get("confirmed") is True},
    )


PRIORITIES = ExerciseSpec(
    id=schema.PRIORITIES.id,
    title="Confirm your priorities",
    prompt="Your journal suggests how much each area matters. Move the sliders until they "
    "say what you want (0 = does not matter), then confirm.",
    fields=(
        Field(
            "weights",
            "How much each area matters (0–100, relative)",
            "scale",
            {},
            tuple((label.split(" — ")[0], area_id) for label, area_id in area_choices()),
            min=0,
            max=SCALE_MAX,
        ),
        Field("confirmed", "These are my priorities", "bool", False),
    ),
    evaluate=_evaluate_priorities,
    chart=lambda feedback: priorities_chart(feedback.chart_data),
    defaults=_defaults,
    hints=(
        "Only the areas you picked in the first exercise can carry weight; pick an area there "
        "first if it matters.",
        "Weights are relative: Salary 60, Growth and learning 30 and Team atmosphere 30 give "
        "Salary 50 % and the other two 25 % each.",
        "With the example journal the sliders start from its suggestion: Salary 33, Project "
        "experience 25, Growth and learning 25, Team atmosphere 17. If that is what you "
        "want, tick 'These are my priorities'; move a slider only where the journal misses "
        "something (e.g. you value your team more than it shows).",
    ),
)


def build_priorities_exercise(course: Course) -> Any:
    """Lesson 01: confirm or adjust the weights the journal suggests."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(PRIORITIES, course)
