"""Lesson 04 exercise: agree on a short time to decide, a week at most (:data:`DEADLINE`).

Later lessons read the saved deadline from the learner's state (:mod:`offerkit.learner.state`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from offerkit.errors import InvalidInputError
from offerkit.exercises.common import EXAMPLE_NOTE, paragraphs
from offerkit.exercises.course import Course
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field
from offerkit.learner import schema
from offerkit.learner.readers import whole_number
from offerkit.rules.hr import MAX_DECISION_DAYS, DecisionDeadline, decision_deadline

__all__ = ["DEADLINE", "EXAMPLE_OFFER_DATE", "build_deadline_exercise"]

EXAMPLE_OFFER_DATE = "2026-03-02"


def _long(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B} {day.year}"


def _deadline(values: Mapping[str, Any], course: Course, offer_date: str) -> DecisionDeadline:
    days = whole_number(values.get("days", MAX_DECISION_DAYS), "days", 1, MAX_DECISION_DAYS)
    return decision_deadline(
        offer_date,
        days,
        company=str(values.get("company") or ""),
        name=str(course.profile["learner_name"]),
    )


def _evaluate_deadline(values: Mapping[str, Any], course: Course) -> Feedback:
    offer_date = str(values.get("offer_date") or "").strip()
    lines: list[str] = []
    if not offer_date and course.headless:
        offer_date = EXAMPLE_OFFER_DATE
        lines.append(EXAMPLE_NOTE.format(what=f"an offer received on {offer_date}"))
    elif not offer_date:
        raise InvalidInputError(
            "offer_date", "the date the offer arrived", "", "pick it in the calendar"
        )
    deadline = _deadline(values, course, offer_date)
    lines += [
        f"Offer received: {_long(deadline.offer_date)}.",
        f"Answer by: {_long(deadline.deadline)} ({deadline.days} day(s)), within the "
        "lesson's week.",
        "Agree the date with HR: both sides take time to think, and after a week the "
        "offer may go to someone else.",
        "If you need the whole week, ask politely:",
        *paragraphs(deadline.extension_message),
    ]
    summary = {
        "offer_date": deadline.offer_date.isoformat(),
        "deadline": deadline.deadline.isoformat(),
        "days": deadline.days,
    }
    return Feedback(tuple(lines), summary=summary)


DEADLINE = ExerciseSpec(
    id=schema.DEADLINE.id,
    title="Your time to decide",
    prompt="When did the offer arrive, and how many days do you need? The lesson says a "
    "week at most.",
    fields=(
        Field("offer_date", "Offer date", "date"),
        Field(
            "days",
            "Days to decide",
            "choice",
            str(MAX_DECISION_DAYS),
            tuple((str(n), str(n)) for n in range(1, MAX_DECISION_DAYS + 1)),
        ),
        Field("company", "Company (optional)", placeholder="Acme Ltd"),
    ),
    evaluate=_evaluate_deadline,
    hints=(
        "Pick the day the written offer reached you in the calendar; a week is the longest the "
        "lesson suggests.",
        "An offer received on Tuesday 10 March 2026 with 3 days is answered by Friday 13 March "
        "2026.",
        "An offer received on Monday 2 March 2026 with 7 days is answered by Monday 9 March "
        "2026: agree that date with HR. Longer than a week is not offered: the chance may "
        "pass.",
    ),
)


def build_deadline_exercise(course: Course) -> Any:
    """Lesson 04: the decision deadline and a polite request for time."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(DEADLINE, course)
