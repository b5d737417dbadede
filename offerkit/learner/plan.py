"""The one-page plan assembled from the learner's state (the only place that does it).

The capstone exercise, ``offerkit plan`` and the batch build all call :func:`offer_plan`;
the plan's content and rendering are rules (:mod:`offerkit.rules.plan`).
"""

from __future__ import annotations

from offerkit.learner.state import LearnerState
from offerkit.rules.plan import OfferPlan, PlanOffer, PlanPriority, PlanStrength

__all__ = ["offer_plan"]


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
    summary = state.strengths
    if not summary.ranked:
        missing.append("Lesson 02: add your strengths with evidence.")
    return tuple(
        PlanStrength(s.description, s.evidence, "soft" if s.kind == "soft" else "hard", s.rare)
        for s in summary.ranked
    )


def _salary(
    state: LearnerState, missing: list[str]
) -> tuple[float | None, float | None, tuple[str, ...]]:
    salary = state.salary
    if salary.expected is None:
        missing.append(f"Lesson 03: {salary.problem or 'work out your annual range.'}")
        return None, None, ()
    expected = salary.expected
    reasons = [
        line
        for line in expected.lines()
        if line.startswith(("Previous", "+20 %", "Offers usually"))
    ]
    if salary.ask is not None:
        reasons.append(f"Verdict on my ask: {salary.ask.message}")
    reasons += [f"Exception ({e.kind}): {e.reason}" for e in expected.exceptions]
    return expected.range_low, expected.range_high, tuple(reasons)


def offer_plan(state: LearnerState, next_step: str = "") -> OfferPlan:
    """The learner's plan; the parts still to do are listed in ``missing``."""
    missing: list[str] = []
    priorities = _priorities(state, missing)
    strengths = _strengths(state, missing)
    low, high, reasons = _salary(state, missing)
    if not state.doubts:
        missing.append("Lesson 04: pick the doubts you will confirm with HR.")
    if not state.opening:
        missing.append("Lesson 04: draft your opening line.")
    deadline = state.deadline
    if deadline is None:
        missing.append("Lesson 04: set your decision deadline when an offer arrives.")
    return OfferPlan(
        learner_name=state.profile.name or state.profile.learner_id,
        currency=state.profile.currency,
        target_role=state.profile.target_role,
        priorities=priorities,
        priorities_source=state.priorities.source_label if priorities else "",
        strengths=strengths,
        range_low=low,
        range_high=high,
        range_reasons=reasons,
        doubts=state.doubts,
        opening=state.opening,
        offers=tuple(
            PlanOffer(s.offer.name, s.cash, s.fit_pct, s.red_flags) for s in state.ranked_offers
        ),
        counter=None if state.counter is None else state.counter.amount,
        counter_company=state.company if state.counter is not None else "",
        decision_date=None if deadline is None else deadline.deadline,
        extension_message="" if deadline is None else deadline.extension_message,
        walk_away=None if state.walk_away is None else state.walk_away.amount,
        next_step=(next_step or state.next_step).strip(),
        missing=tuple(missing),
        rehearsal=state.rehearsal,
    )
