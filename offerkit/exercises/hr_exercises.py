"""Lesson 04 exercises: talk with HR as with a friend.

Confirm what is unclear first (:data:`DOUBTS`), then open the pay conversation in one of the
lesson's two ways (:data:`OPENING`), check the tone and honesty of your own draft
(:data:`TONE`, in :mod:`~offerkit.exercises.tone_exercises`), and agree on a short time to
decide (:data:`DEADLINE`, in :mod:`~offerkit.exercises.deadline_exercises`). The helpers
shared with lesson 05 live in :mod:`~offerkit.exercises.common`; later lessons read the
saved answers from the learner's state (:mod:`offerkit.learner.state`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offerkit.errors import InvalidInputError
from offerkit.exercises.common import (
    expected_from_state,
    paragraphs,
)
from offerkit.exercises.course import Course
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field, Level
from offerkit.learner import schema
from offerkit.rules.hr import (
    DecisionDeadline,
    deadline_notes,
    deadline_warnings,
    doubts_checklist,
    draft_opening,
)
from offerkit.rules.pay import format_money
from offerkit.rules.salary import ExpectedSalary

__all__ = [
    "DOUBTS",
    "OPENING",
    "build_doubts_exercise",
    "build_opening_exercise",
]

_OPENING_LABELS = {"state-range": "state your annual range", "ask-offer": "ask what they can offer"}


# ---------------------------------------------------------------- confirm your doubts


def _doubt_choices() -> tuple[tuple[str, str], ...]:
    return tuple(
        (f"{d.topic}" + ("" if d.source == "lesson" else " (beyond the lesson)"), d.id)
        for d in doubts_checklist()
    )


def _own_questions(values: Mapping[str, Any]) -> tuple[str, ...]:
    text = str(values.get("own") or "")
    return tuple(line.strip(" -*\t") for line in text.splitlines() if line.strip(" -*\t"))


def _evaluate_doubts(values: Mapping[str, Any], _course: Course) -> Feedback:
    picked = set(values.get("items") or ())
    items = [d for d in doubts_checklist() if d.id in picked]
    own = _own_questions(values)
    if not items and not own:
        raise InvalidInputError(
            "items",
            "at least one question to confirm",
            "nothing",
            "pick items from the list or write your own, one per line",
        )
    lines = [f"Your list: {len(items) + len(own)} question(s) to confirm before talking numbers."]
    for d in items:
        label = "lesson" if d.source == "lesson" else "beyond the lesson"
        lines.append(f"{d.topic} ({label}): {d.question} Why: {d.why}")
    lines += [f"Your own: {question}" for question in own]
    level: Level = "ok"
    if "decision-time" not in picked:
        level = "warn"
        lines.append(
            "Consider adding 'Time to decide': the lesson has both sides take some time to "
            "think, preferably no more than a week, so agree on a date."
        )
    summary = {"questions": [d.question for d in items] + list(own)}
    return Feedback(tuple(lines), level, summary=summary)


DOUBTS = ExerciseSpec(
    id=schema.DOUBTS.id,
    title="Confirm your doubts",
    prompt="Before you talk numbers, pick what you still need to confirm with HR, and add "
    "your own questions. Each item says why it matters.",
    fields=(
        Field(
            "items",
            "Questions to confirm",
            "multi",
            tuple(d.id for d in doubts_checklist() if d.source == "lesson"),
            _doubt_choices(),
        ),
        Field(
            "own",
            "Your own questions (one per line)",
            "textarea",
            placeholder="Is the team hiring for a new project or replacing someone?",
        ),
    ),
    evaluate=_evaluate_doubts,
    hints=(
        "Start with the items marked from the lesson: they decide what a monthly figure is worth.",
        "A recruiter says '30k a month': over 13 months that is 390,000 a year, over 16 it is "
        "480,000, and it may be before or after tax. Ask before you compare.",
        "Keep all five lesson items — Months of pay, Before or after tax, Year-end bonus, "
        "Allowances and Time to decide — and add what worries you personally, e.g. overtime or "
        "the probation period.",
    ),
)


# ---------------------------------------------------------------- the opening


def _role_default(course: Course) -> dict[str, Any]:
    return {"role": course.profile["target_role"]}


def _opening(
    values: Mapping[str, Any], course: Course, deadline: DecisionDeadline | None
) -> tuple[str, ExpectedSalary, str]:
    expected, source = expected_from_state(course)
    draft = draft_opening(
        values.get("kind") or "state-range",
        name=course.state.profile.name,
        role=str(values.get("role") or ""),
        range_low=expected.range_low,
        range_high=expected.range_high,
        currency=expected.currency,
        company=str(values.get("company") or ""),
        answer_by=None if deadline is None else deadline.deadline,
    )
    return draft, expected, source


def _evaluate_opening(values: Mapping[str, Any], course: Course) -> Feedback:
    state = course.state
    draft, expected, source = _opening(values, course, state.deadline)
    kind = str(values.get("kind") or "state-range")
    span = f"{format_money(expected.range_low, expected.currency)}–{expected.range_high:,.0f}"
    lines = [f"Your annual range, from {source}: {span}, target at the low end."]
    if kind == "ask-offer":
        lines.append(f"You ask first and keep {span} ready for when HR asks you back.")
    if state.deadline is not None:
        lines.append(f"Your decision date, from Exercise 4: {state.deadline.wording}.")
        lines += deadline_notes(state.deadline, state.today)
    lines += ["Your draft (copy it and make it your own):", *paragraphs(draft)]
    summary = {
        "kind": kind,
        "opening": draft,
        "range_low": expected.range_low,
        "range_high": expected.range_high,
        "currency": expected.currency,
    }
    dated = state.deadline is not None and deadline_warnings(state.deadline, state.today)
    return Feedback(tuple(lines), "warn" if dated else "ok", summary=summary)


OPENING = ExerciseSpec(
    id=schema.OPENING.id,
    title="Open the pay conversation",
    prompt="The lesson gives two openings: state your annual range, or ask what they can "
    "offer. Your range comes from lesson 03.",
    fields=(
        Field(
            "kind",
            "Opening",
            "choice",
            "state-range",
            tuple((label.capitalize(), kind) for kind, label in _OPENING_LABELS.items()),
        ),
        Field("company", "Company (optional)", placeholder="Acme Ltd"),
        Field("role", "Role", placeholder="Backend engineer"),
    ),
    evaluate=_evaluate_opening,
    defaults=_role_default,
    hints=(
        "Not sure how the company pays (months, bonus)? Then give an annual range, not a "
        "monthly figure.",
        "Previous 300,000 a year: state 342,000–360,000 — your target at the low end, the top "
        "within +20 %.",
        "Default profile ('25k x 14', posted '20-30K·15薪'): previous pay is 350,000 a year, so "
        "state CNY 400,000–420,000 (the low end is your target); or pick 'Ask what they can "
        "offer' and keep that range ready for the reply.",
    ),
)


# ---------------------------------------------------------------- builders


def build_doubts_exercise(course: Course) -> Any:
    """Lesson 04: the confirm-your-doubts checklist."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(DOUBTS, course)


def build_opening_exercise(course: Course) -> Any:
    """Lesson 04: both openings, drafted from your range."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(OPENING, course)
