"""Lesson 05 exercise (beyond the lesson): your walk-away point and the bargaining zone.

The learner sets the lowest annual offer they would accept and why, and sees it against
their range (lesson 03, unchanged) and HR's likely band from the posting, on one chart.
The saved point feeds the learner's state (:attr:`LearnerState.walk_away`) and the
rehearsal of lesson 07.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from matplotlib.figure import Figure

from offerkit.errors import InvalidInputError
from offerkit.exercises.common import EXAMPLE_NOTE, expected_from_state
from offerkit.exercises.course import Course
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field
from offerkit.learner import schema
from offerkit.rules.pay import parse_pay
from offerkit.rules.salary import ExpectedSalary
from offerkit.rules.walk_away import read_walk_away

__all__ = ["WALK_AWAY", "build_walk_away_exercise", "likely_band", "walk_away_chart"]


def likely_band(expected: ExpectedSalary) -> tuple[float, float]:
    """HR's likely band: where offers usually land in the posting, else around your range."""
    if expected.posted is not None:
        return expected.posted.landing_low, expected.posted.landing_high
    return expected.range_low * 0.95, expected.range_high


def _example(course: Course) -> Mapping[str, Any]:
    expected, _source = expected_from_state(course)
    previous = expected.previous.amount if expected.previous else expected.range_low * 0.9
    return {"walk_away": f"{previous:.0f}", "why": "What I earn now: below it, I stay."}


def _evaluate(values: Mapping[str, Any], course: Course) -> Feedback:
    expected, source = expected_from_state(course)
    text = str(values.get("walk_away") or "").strip()
    lines: list[str] = ["Beyond the lesson: the walk-away point is a negotiation-course idea."]
    if not text and course.headless:
        text = str(_example(course)["walk_away"])
        lines.append(EXAMPLE_NOTE.format(what=f"a walk-away of {text}"))
    elif not text:
        raise InvalidInputError(
            "walk_away", "the lowest annual offer you would accept", "", "e.g. 330k"
        )
    amount = parse_pay(text, expected.currency, field="walk_away").amount
    low, high = likely_band(expected)
    reading = read_walk_away(
        amount,
        currency=expected.currency,
        range_low=expected.range_low,
        range_high=expected.range_high,
        likely_low=low,
        likely_high=high,
        previous=expected.previous.amount if expected.previous else None,
    )
    why = str(values.get("why") or "").strip()
    lines += list(reading.lines)
    lines.append(f"Why: {why}" if why else "Add why: your best alternative and what is worse.")
    lines.append(f"Your range comes from {source}.")
    chart = {
        "walk_away": amount,
        "range": (expected.range_low, expected.range_high),
        "likely": (low, high),
        "previous": reading.previous,
        "zone": reading.zone,
    }
    summary = {"walk_away": amount, "zone": list(reading.zone) if reading.zone else None}
    return Feedback(tuple(lines), "warn" if reading.warn else "ok", chart, summary)


def walk_away_chart(feedback: Feedback) -> Figure | None:
    """Your walk-away, your range, HR's likely band and the zone on one annual axis."""
    data = feedback.chart_data
    if not isinstance(data, Mapping):
        return None
    figure = Figure(figsize=(7.5, 2.6), layout="constrained")
    figure.set_label("walk-away and bargaining zone")
    ax = figure.add_subplot()
    bars = [
        ("Your range", data["range"], "#1f77b4"),
        ("HR's likely band", data["likely"], "#9e9e9e"),
    ]
    if data.get("zone"):
        bars.append(("Bargaining zone", data["zone"], "#2e7d32"))
    for row, (label, (low, high), colour) in enumerate(bars):
        ax.barh(row, max(high - low, 1), left=low, color=colour, height=0.5)
        ax.text(low, row + 0.33, label, fontsize=8)
    ax.axvline(data["walk_away"], color="#c62828", linestyle="--", label="Your walk-away")
    if data.get("previous"):
        ax.axvline(data["previous"], color="#5f6b7a", linestyle=":", label="Previous pay")
    ax.set_yticks([])
    ax.set_xlabel("annual pay")
    ax.legend(loc="lower right", fontsize=8)
    return figure


WALK_AWAY = ExerciseSpec(
    id=schema.WALK_AWAY.id,
    title="Your walk-away point (beyond the lesson)",
    prompt="What is the lowest annual offer you would accept, and why? Think of your best "
    "alternative (staying, another offer) and what this job makes worse.",
    fields=(
        Field("walk_away", "Lowest annual offer I'd accept", "money", placeholder="330k"),
        Field("why", "Why (my best alternative)", "textarea"),
    ),
    evaluate=_evaluate,
    chart=walk_away_chart,
    hints=(
        "Start from your best alternative: what you earn now, or the best other offer.",
        "Add what is worse here: a longer commute or less growth is worth some money to you.",
        "With 300k now and a 30-minute longer commute, a walk-away of about 320k is common.",
    ),
)


def build_walk_away_exercise(course: Course) -> Any:
    """Lesson 05: the walk-away point against your range and HR's likely band."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(WALK_AWAY, course)
