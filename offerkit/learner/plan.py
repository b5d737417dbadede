"""The one-page plan assembled from the learner's state (the only place that does it).

The capstone exercise, ``offerkit plan`` and the batch build all call :func:`offer_plan`;
the plan's content and rendering are rules (:mod:`offerkit.rules.plan`). Everything is
worded in the first person, from the same objects every lesson showed: the confirmed
priorities and their questions (lesson 01), the strength ledger (02), the range and the ask
(03), the doubts, opening and decision date (04), the ranked offers and the counter (05).
The opening line and the counter message are the learner's own words, never the kit's.
"""

from __future__ import annotations

from offerkit.learner.state import LearnerState
from offerkit.rules.areas import goal_area
from offerkit.rules.offers import MUST_HAVE_FLOOR, OfferScore
from offerkit.rules.pay import format_money
from offerkit.rules.plan import OfferPlan, PlanOffer, PlanPriority, PlanStrength

__all__ = ["offer_plan"]

_SOURCES = {
    "confirmed": "confirmed in lesson 01",
    "journal": "suggested by my journal, not confirmed yet",
    "areas": "equal weights over my goal areas, not confirmed yet",
    "none": "",
}


def _priorities(state: LearnerState, missing: list[str]) -> tuple[PlanPriority, ...]:
    priorities = state.priorities
    if priorities.priorities.is_empty:
        missing.append("Lesson 01: pick your goal areas and confirm your priorities.")
        return ()
    if not priorities.confirmed:
        missing.append("Lesson 01: confirm your priorities (the plan shows the suggestion).")
    asked = {q.area.id: q.question for q in state.questions}
    return tuple(
        PlanPriority(area.name, share, asked.get(area.id, ""))
        for area, share in priorities.percentages()
    )


def _strengths(state: LearnerState, missing: list[str]) -> tuple[PlanStrength, ...]:
    if not state.strengths.ranked:
        missing.append("Lesson 02: add your strengths with evidence.")
    return tuple(
        PlanStrength(s.description, s.evidence, s.kind, s.rare) for s in state.strengths.ranked
    )


def _range_reasons(state: LearnerState, missing: list[str]) -> tuple[str, ...]:
    salary = state.salary
    expected = salary.expected
    if expected is None:
        missing.append(f"Lesson 03: {salary.problem or 'work out your annual range.'}")
        return ()

    def money(amount: float) -> str:
        return format_money(amount, expected.currency)

    if expected.previous is not None:
        reasons = [
            f"My previous pay: {expected.previous.describe()}.",
            f"The +20 % guideline caps my range at {money(expected.guideline_cap)}.",
        ]
    else:
        reasons = [
            "I did not disclose my previous pay, so I anchor on the posted range's middle, "
            f"{money(expected.anchor_amount)}."
        ]
    reasons += [
        f"My exception ({e.kind}): {e.reason} (ceiling {money(expected.exception_ceiling)})."
        for e in expected.exceptions
    ]
    reasons.append(f"My target is the low end, {money(expected.target)}.")
    if salary.ask is not None:
        reasons.append(f"My ask: {salary.ask.message}")
    return tuple(reasons)


def _red_flags(score: OfferScore) -> tuple[str, ...]:
    """The red flags lesson 05 showed, in the first person and with the areas' names."""
    if not score.red_flags:
        return ()
    ratings = score.offer.ratings
    return tuple(
        f"{goal_area(area).name} is a must-have and I rated it {ratings[area]:g}/5 "
        f"(below my floor of {MUST_HAVE_FLOOR:g}/5)"
        for area in score.offer.must_haves
        if area in ratings and ratings[area] < MUST_HAVE_FLOOR
    )


def _offers(state: LearnerState) -> tuple[PlanOffer, ...]:
    return tuple(
        PlanOffer(s.offer.name, s.cash, s.fit_pct, _red_flags(s)) for s in state.ranked_offers
    )


def offer_plan(state: LearnerState, next_step: str = "") -> OfferPlan:
    """The learner's plan; the parts still to do (and answers that no longer read) are
    listed in ``missing``."""
    missing: list[str] = []
    priorities = _priorities(state, missing)
    strengths = _strengths(state, missing)
    reasons = _range_reasons(state, missing)
    expected = state.salary.expected
    if not state.doubts:
        missing.append("Lesson 04: pick the doubts you will confirm with HR.")
    if not state.opening:
        missing.append("Lesson 04: write your opening line in your own words.")
    deadline = state.deadline
    if deadline is None:
        missing.append("Lesson 04: set your decision deadline when an offer arrives.")
    return OfferPlan(
        learner_name=state.profile.name or state.profile.learner_id,
        currency=state.profile.currency,
        target_role=state.profile.target_role,
        priorities=priorities,
        priorities_source=_SOURCES[state.priorities.source],
        strengths=strengths,
        range_low=None if expected is None else expected.range_low,
        range_high=None if expected is None else expected.range_high,
        range_reasons=reasons,
        doubts=state.doubts,
        opening=state.opening,
        offers=_offers(state),
        counter=None if state.counter is None else state.counter.amount,
        counter_company=state.company if state.counter is not None else "",
        counter_message=state.counter_message,
        decision_date=None if deadline is None else deadline.deadline,
        extension_message="" if deadline is None else deadline.extension_message,
        walk_away=None if state.walk_away is None else state.walk_away.amount,
        next_step=(next_step or state.next_step).strip(),
        missing=(*missing, *state.problems),
        rehearsal=state.rehearsal,
    )
