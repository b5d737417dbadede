"""Lesson 04 exercise: agree on a short time to decide, a week at most (:data:`DEADLINE`).

Later lessons read the saved deadline from the learner's state (:mod:`offerkit.learner.state`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offerkit.errors import InvalidInputError
from offerkit.exercises.common import EXAMPLE_NOTE, paragraphs
from offerkit.exercises.course import Course
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field, Level
from offerkit.learner import schema
from offerkit.learner.readers import whole_number
from offerkit.rules.dates import days_text, long_date
from offerkit.rules.hr import (
    MAX_DECISION_DAYS,
    REASON_BLANK,
    WEEKEND_CHOICES,
    DecisionDeadline,
    deadline_notes,
    deadline_warnings,
    decision_deadline,
)

__all__ = ["DEADLINE", "EXAMPLE_OFFER_DATE", "build_deadline_exercise"]

EXAMPLE_OFFER_DATE = "2026-03-02"
_EXAMPLE = decision_deadline(EXAMPLE_OFFER_DATE)
_EXAMPLE_WHEN = long_date(_EXAMPLE.offer_date)


def _deadline(values: Mapping[str, Any], course: Course, offer_date: str) -> DecisionDeadline:
    days = whole_number(values.get("days", MAX_DECISION_DAYS), "days", 1, MAX_DECISION_DAYS)
    weekend: Any = str(values.get("weekend") or "keep")  # decision_deadline checks it
    state = course.state
    return decision_deadline(
        offer_date,
        days,
        company=str(values.get("company") or "").strip() or state.company,
        name=state.profile.name,
        reason=str(values.get("reason") or ""),
        weekend=weekend,
    )


def _answer_by_line(deadline: DecisionDeadline) -> str:
    week = ", within the lesson's week" if deadline.within_lesson else ""
    return f"Answer by: {deadline.wording} ({days_text(deadline.days)} after the offer){week}."


def _evaluate_deadline(values: Mapping[str, Any], course: Course) -> Feedback:
    offer_date = str(values.get("offer_date") or "").strip()
    lines: list[str] = []
    example = not offer_date and course.headless
    if example:
        offer_date = EXAMPLE_OFFER_DATE
        lines.append(EXAMPLE_NOTE.format(what=f"an offer received on {_EXAMPLE_WHEN}"))
    elif not offer_date:
        raise InvalidInputError(
            "offer_date", "the date the offer arrived", "", "pick it in the calendar"
        )
    deadline = _deadline(values, course, offer_date)
    today = None if example else course.state.today
    notes = deadline_notes(deadline, today)
    lines += [
        f"Offer received: {long_date(deadline.offer_date)}.",
        _answer_by_line(deadline),
        *notes,
        "Agree the date with HR: both sides take time to think, and after a week the "
        "offer may go to someone else.",
        "Ask HR for this date politely (copy it and make it your own):",
        *paragraphs(deadline.extension_message),
    ]
    if deadline.on_weekend:
        lines.append(
            "To suggest another day, pick it under 'If the date falls on a weekend': every "
            "message in the course then names that date."
        )
    if REASON_BLANK in deadline.extension_message:
        lines.append(
            f"Fill in {REASON_BLANK} before you send it (the 'Why you need the time' box), "
            "or leave that sentence out: a request for time needs no excuse."
        )
    level: Level = "warn" if deadline_warnings(deadline, today) else "ok"
    summary = {
        "offer_date": deadline.offer_date.isoformat(),
        "deadline": deadline.deadline.isoformat(),
        "days": deadline.days,
    }
    return Feedback(tuple(lines), level, summary=summary)


def _company_default(course: Course) -> dict[str, Any]:
    company = course.state.company
    return {"company": company} if company else {}


_WEEKEND_LABELS = {
    "keep": "Keep the date (it is pointed out)",
    "friday": "Move it to the Friday before",
    "monday": "Move it to the Monday after",
}


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
        Field(
            "reason",
            "Why you need the time (optional, in your words)",
            placeholder="I'd like to go through the whole package carefully.",
        ),
        Field(
            "weekend",
            "If the date falls on a weekend",
            "choice",
            "keep",
            tuple((_WEEKEND_LABELS[choice], choice) for choice in WEEKEND_CHOICES),
        ),
    ),
    evaluate=_evaluate_deadline,
    defaults=_company_default,
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
