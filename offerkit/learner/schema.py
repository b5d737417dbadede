"""The answers' schema: each exercise's stable id and the names of the fields it saves.

Answers are keyed by these ids in the learner's answers file, so an id is never renamed.
The exercise specs (:mod:`offerkit.exercises`) take their ids and field names from here, and
the learner's state (:mod:`offerkit.learner.state`) reads them by the same names: neither
imports the other, and a test checks that the two agree.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "DEADLINE",
    "DOUBTS",
    "GOAL_AREAS",
    "HONESTY",
    "JOURNAL",
    "OFFERS",
    "OPENING",
    "PAY_FORMATS",
    "PLAN",
    "POSTED_RANGE",
    "PRIORITIES",
    "PROFILE",
    "REHEARSAL",
    "REPLY",
    "SALARY",
    "SCHEMA",
    "STRENGTHS",
    "TONE",
    "WALK_AWAY",
    "AnswerSchema",
]


@dataclass(frozen=True)
class AnswerSchema:
    """One exercise's saved answer: its id, its fields and (for lists) each entry's fields.

    ``legacy_fields`` were saved by an earlier release and are still read (never written).
    """

    id: str
    fields: tuple[str, ...]
    entry_fields: tuple[str, ...] = ()
    legacy_fields: tuple[str, ...] = ()


PAY_FORMATS = AnswerSchema("00.pay-formats", ("pay", "currency", "period"))
PROFILE = AnswerSchema(
    "00.profile",
    (
        "learner_name",
        "currency",
        "previous_pay",
        "previous_pay_period",
        "posted_range",
        "posted_range_period",
        "target_role",
        "high_demand_role",
        "high_demand_reason",
    ),
)
GOAL_AREAS = AnswerSchema("01.goal-areas", ("areas",), legacy_fields=("weights",))
JOURNAL = AnswerSchema("01.journal", (), ("experience", "reason", "areas", "intensity"))
PRIORITIES = AnswerSchema("01.priorities", ("weights", "confirmed"))
STRENGTHS = AnswerSchema("02.strengths", (), ("description", "evidence", "kind", "rare"))
POSTED_RANGE = AnswerSchema(
    "03.posted-range", ("posted_range", "posted_range_period", "currency", "ask")
)
SALARY = AnswerSchema(
    "03.salary",
    (
        "previous_pay",
        "previous_pay_period",
        "posted_range",
        "posted_range_period",
        "currency",
        "exceptional",
        "high_demand",
        "high_demand_reason",
        "ask",
    ),
)
DOUBTS = AnswerSchema("04.doubts", ("items", "own"))
OPENING = AnswerSchema("04.opening", ("kind", "company", "role", "line"))
"""``line``: the opening line in the learner's own words (schema 1 saved no text)."""
DEADLINE = AnswerSchema("04.deadline", ("offer_date", "days", "company", "reason", "weekend"))
TONE = AnswerSchema("04.tone", ("draft", "offers_held"))
OFFERS = AnswerSchema("05.offers", (), ("name", "pay", "ratings", "must_haves"))
HONESTY = AnswerSchema(
    "05.honesty", ("told_previous", "claimed_offer"), legacy_fields=("offers_held",)
)
REPLY = AnswerSchema(
    "05.reply", ("kind", "company", "role", "amount", "message"), legacy_fields=("reason",)
)
"""``message``: the reply in the learner's own words; the ``reason`` the kit's draft was
built around is read no more (it was never a message the learner wrote)."""
WALK_AWAY = AnswerSchema("05.walk-away", ("walk_away", "why"))
PLAN = AnswerSchema("06.plan", ("next_step",))
REHEARSAL = AnswerSchema(
    "07.rehearsal",
    (
        "scenario",
        "seed",
        "outcome",
        "base",
        "extras",
        "decision_date",
        "scores",
        "costliest",
        "try_instead",
        "transcript",
    ),
)
"""The last rehearsal's debrief (lesson 07), saved when a call ends."""

SCHEMA: dict[str, AnswerSchema] = {
    item.id: item
    for item in (
        PAY_FORMATS,
        PROFILE,
        GOAL_AREAS,
        JOURNAL,
        PRIORITIES,
        STRENGTHS,
        POSTED_RANGE,
        SALARY,
        DOUBTS,
        OPENING,
        DEADLINE,
        TONE,
        OFFERS,
        HONESTY,
        REPLY,
        WALK_AWAY,
        PLAN,
        REHEARSAL,
    )
}
"""Every exercise that saves an answer, by id."""
