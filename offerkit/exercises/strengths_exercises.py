"""Lesson 02 exercise: the strength ledger — which strengths carry weight, which need
evidence, and whether the "exceptional candidate" exception is supported.

Later lessons read the saved ledger from the learner's state (:mod:`offerkit.learner.state`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from offerkit.exercises.charts import strengths_chart
from offerkit.exercises.course import Course
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field, Level
from offerkit.learner import schema
from offerkit.learner.readers import read_strengths
from offerkit.rules.strengths import (
    EXCEPTIONAL_RULE,
    Strength,
    summarise_strengths,
)

__all__ = [
    "STRENGTHS",
    "build_strengths_exercise",
    "strength_counts",
]

_TIER_NAMES = {3: "rare hard", 2: "hard", 1: "soft"}
_EXAMPLE = "(Example) "


def strength_counts(ledger: Sequence[Strength]) -> dict[str, dict[str, int]]:
    """Strengths per tier, split by evidence — the input of :func:`strengths_chart`.

    A soft strength marked rare counts as soft: rarity raises only hard strengths.
    """
    counts = {name: {"with evidence": 0, "needs evidence": 0} for name in _TIER_NAMES.values()}
    for item in ledger:
        column = "with evidence" if item.has_evidence else "needs evidence"
        counts[_TIER_NAMES[item.tier]][column] += 1
    return counts


def _label(item: Strength) -> str:
    return f"'{item.description}' ({_TIER_NAMES[item.tier]})"


def _evaluate_strengths(values: Mapping[str, Any], _course: Course) -> Feedback:
    ledger = read_strengths(values.get("entries") or [])
    if not ledger:
        return Feedback(
            (
                "No strengths yet: describe one, say what shows it (a project, a result, a "
                "figure), choose hard or soft, then press 'Add entry'.",
            ),
            "warn",
            chart_data=strength_counts([]),
        )
    summary = summarise_strengths(ledger)
    counts = summary.counts
    lines = [
        f"{len(ledger)} strength(s): {counts['hard']} hard ({counts['rare']} of them rare), "
        f"{counts['soft']} soft.",
        "In order of weight: "
        + "; ".join(f"{n}. {_label(s)}" for n, s in enumerate(summary.ranked, start=1))
        + ".",
    ]
    if summary.carrying_weight:
        lead = ", ".join(_label(s) for s in summary.carrying_weight)
        lines.append(f"These carry weight — lead with them: {lead}.")
    else:
        lines.append(
            "None of your strengths carries much weight yet: that takes hard experience "
            "(a project or professional experience) with evidence."
        )
    lines += list(summary.notes)
    lines += [f"Exceptional candidate? {summary.exceptional_reason}", f"Why: {EXCEPTIONAL_RULE}"]
    level: Level = "ok" if summary.carrying_weight and not summary.needs_evidence else "warn"
    return Feedback(
        tuple(lines),
        level,
        chart_data=strength_counts(ledger),
        summary={
            "carrying_weight": [s.description for s in summary.carrying_weight],
            "needs_evidence": [s.description for s in summary.needs_evidence],
            "exceptional_supported": summary.exceptional_supported,
        },
    )


def _strengths_example(_course: Course) -> dict[str, Any]:
    return {
        "entries": [
            {
                "description": _EXAMPLE + "Moved a payment system to a new database "
                "without downtime",
                "evidence": "Led the six-month migration; outages fell from 9 to 2 a year.",
                "kind": "hard",
                "rare": True,
            },
            {
                "description": _EXAMPLE + "Five years of backend work in Python",
                "evidence": "",
                "kind": "hard",
                "rare": False,
            },
            {
                "description": _EXAMPLE + "Easy-going and dependable",
                "evidence": "",
                "kind": "soft",
                "rare": False,
            },
        ]
    }


STRENGTHS = ExerciseSpec(
    id=schema.STRENGTHS.id,
    title="Your strength ledger",
    prompt="List what you bring: for each strength, what shows it, whether it is hard "
    "(project or professional experience) or soft (a personality trait), and whether few "
    "candidates have it. Add one entry at a time.",
    fields=(),
    entry_fields=(
        Field("description", "Strength", placeholder="e.g. led a database migration"),
        Field(
            "evidence",
            "Evidence: the project, result or figure that shows it",
            "textarea",
            placeholder="e.g. six months, zero downtime, outages down from 9 to 2 a year",
        ),
        Field(
            "kind",
            "Kind",
            "choice",
            "hard",
            (
                ("hard — project or professional experience", "hard"),
                ("soft — a personality trait", "soft"),
            ),
        ),
        Field("rare", "Rare: few candidates have this experience", "bool", False),
    ),
    evaluate=_evaluate_strengths,
    chart=lambda feedback: strengths_chart(feedback.chart_data),
    example=_strengths_example,
    hints=(
        "Ask yourself: could most people applying for this job say the same? If yes, it is "
        "common — a soft trait, or hard experience that is not rare.",
        "'Dependable' is soft whatever you add; turned into experience with evidence it "
        "becomes hard: 'on call for two years, every incident closed within the target time'.",
        "The example ledger: 'moved a payment system to a new database without downtime', "
        "evidence 'outages down from 9 to 2 a year' → hard and rare: lead with it; it supports "
        "the exceptional-candidate exception. 'Five years of backend work in Python' → hard "
        "but common: name a project and its result. 'Easy-going and dependable' → soft: keep "
        "it for the conversation, not for the pay argument.",
    ),
)


def build_strengths_exercise(course: Course) -> Any:
    """Lesson 02: the strength ledger and what it supports."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(STRENGTHS, course)
