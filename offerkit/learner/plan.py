"""The one-page plan assembled from the learner's state (the only place that does it).

The capstone exercise, ``offerkit plan`` and the batch build all call :func:`offer_plan`;
the plan's content and rendering are rules (:mod:`offerkit.rules.plan`).
"""

from __future__ import annotations

from offerkit.learner.state import LearnerState
from offerkit.rules.dates import days_text
from offerkit.rules.hr import deadline_notes
from offerkit.rules.plan import OfferPlan

__all__ = ["offer_plan"]


def _wants(state: LearnerState, missing: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    priorities = state.priorities
    if priorities.priorities.is_empty:
        missing.append("Lesson 01: pick your goal areas and confirm your priorities.")
        return (), ()
    if not priorities.confirmed:
        missing.append("Lesson 01: confirm your priorities (the plan shows the suggestion).")
    wants = tuple(f"{area.name} — {share} %" for area, share in priorities.percentages())
    return wants, tuple(q.question for q in state.questions)


def _strengths(state: LearnerState, missing: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    summary = state.strengths
    if not summary.ranked:
        missing.append("Lesson 02: add your strengths with evidence.")
    carrying = tuple(f"{s.description} — {s.evidence}" for s in summary.carrying_weight)
    return carrying, tuple(s.description for s in summary.needs_evidence)


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


def _deadline(state: LearnerState, missing: list[str]) -> tuple[str, str]:
    deadline = state.deadline
    if deadline is None:
        missing.append("Lesson 04: set your decision deadline when an offer arrives.")
        return "", ""
    when = f"Decide by {deadline.wording} ({days_text(deadline.days)} after the offer)."
    notes = deadline_notes(deadline)  # the date itself: a weekend, a move, beyond the week
    when = " ".join((when, *notes))
    return when, "To ask HR for this date: " + deadline.extension_message


def offer_plan(state: LearnerState, next_step: str = "") -> OfferPlan:
    """The learner's plan; the parts still to do are listed in ``missing``."""
    missing: list[str] = []
    wants, questions = _wants(state, missing)
    carrying, needs = _strengths(state, missing)
    low, high, reasons = _salary(state, missing)
    if not state.doubts:
        missing.append("Lesson 04: pick the doubts you will confirm with HR.")
    if not state.opening:
        missing.append("Lesson 04: draft your opening line.")
    deadline, extension = _deadline(state, missing)
    return OfferPlan(
        learner_name=state.profile.name,
        target_role=state.profile.target_role,
        currency=state.profile.currency,
        wants=wants,
        questions=questions,
        strengths=carrying,
        strengths_needing_evidence=needs,
        range_low=low,
        range_high=high,
        range_reasons=reasons,
        doubts=state.doubts,
        opening=state.opening,
        deadline=deadline,
        extension=extension,
        next_step=(next_step or state.next_step).strip(),
        missing=tuple(missing),
    )
