"""Lesson 06: the capstone — one page assembled from every saved answer.

The plan is written next to the answers file as ``<id>-offer-plan.md`` and ``.html``
(atomically). In a headless run it is written only when an answers file was named (a
batch build), so running the lessons under nbval leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from offerkit.exercises.course import Course
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field, Level
from offerkit.learner.answers import atomic_write_text
from offerkit.learner.params import learner_slug
from offerkit.rules.plan import (
    OfferPlan,
    PlanOffer,
    PlanPriority,
    PlanStrength,
    plan_html,
    plan_markdown,
    whole_percents,
)

__all__ = ["PLAN", "assemble_plan", "build_plan_exercise", "plan_paths"]


def _wants(course: Course, missing: list[str]) -> tuple[PlanPriority, ...]:
    from offerkit.exercises.wants_exercises import priorities_from_answers
    from offerkit.rules.questions import interview_questions

    priorities = priorities_from_answers(course)
    if priorities.is_empty:
        missing.append("Lesson 01: add entries to your frustration journal.")
        return ()
    asked = {
        q.area.id: q.question for q in interview_questions(priorities, top=len(priorities.items))
    }
    shares = whole_percents([p.weight for p in priorities.items])
    return tuple(
        PlanPriority(p.area.name, share, asked.get(p.area.id, ""))
        for p, share in zip(priorities.items, shares, strict=True)
    )


def _strengths(course: Course, missing: list[str]) -> tuple[PlanStrength, ...]:
    from offerkit.exercises.strengths_exercises import strengths_from_answers

    summary = strengths_from_answers(course)
    if not summary.ranked:
        missing.append("Lesson 02: add your strengths with evidence.")
    return tuple(
        PlanStrength(s.description, s.evidence, "soft" if s.kind == "soft" else "hard", s.rare)
        for s in summary.ranked
    )


def _salary(
    course: Course, missing: list[str]
) -> tuple[float | None, float | None, tuple[str, ...]]:
    from offerkit.exercises.salary_exercises import salary_from_answers

    feedback = salary_from_answers(course)
    if feedback.level == "error":
        missing.append("Lesson 03: " + feedback.lines[0])
        return None, None, ()
    data = feedback.summary
    reasons = [
        line
        for line in feedback.lines
        if line.startswith(("Previous", "+20 %", "Offers usually", "Verdict"))
    ]
    for exception in data.get("exceptions", []):
        reasons.append(f"Exception ({exception['kind']}): {exception['reason']}")
    return data.get("range_low"), data.get("range_high"), tuple(reasons)


def _offers(course: Course) -> tuple[PlanOffer, ...]:
    from offerkit.exercises.offers_exercises import offers_from_answers

    return tuple(
        PlanOffer(s.offer.name, s.cash, s.fit_pct, s.red_flags) for s in offers_from_answers(course)
    )


def assemble_plan(course: Course, next_step: str = "") -> OfferPlan:
    """Build the plan from the learner's saved answers (missing parts are listed)."""
    from offerkit.exercises.deadline_exercises import deadline_from_answers
    from offerkit.exercises.hr_exercises import doubts_from_answers, opening_from_answers

    missing: list[str] = []
    profile = course.profile
    priorities = _wants(course, missing)
    strengths = _strengths(course, missing)
    low, high, reasons = _salary(course, missing)
    doubts = doubts_from_answers(course)
    if not doubts:
        missing.append("Lesson 04: pick the doubts you will confirm with HR.")
    opening = opening_from_answers(course)
    if not opening:
        missing.append("Lesson 04: draft your opening line.")
    deadline = deadline_from_answers(course)
    if deadline is None:
        missing.append("Lesson 04: set your decision deadline when an offer arrives.")
    return OfferPlan(
        learner_name=str(profile["learner_name"]),
        currency=str(profile["currency"]),
        target_role=str(profile["target_role"]),
        priorities=priorities,
        strengths=strengths,
        range_low=low,
        range_high=high,
        range_reasons=reasons,
        doubts=doubts,
        opening=opening,
        offers=_offers(course),
        decision_date=None if deadline is None else deadline.deadline,
        extension_message="" if deadline is None else deadline.extension_message,
        next_step=next_step.strip(),
        missing=tuple(missing),
    )


def plan_paths(course: Course) -> tuple[Path, Path]:
    """Where the plan is written: next to the answers file."""
    stem = f"{learner_slug(course.learner_id)}-offer-plan"
    folder = course.store.path.parent
    return folder / f"{stem}.md", folder / f"{stem}.html"


def _evaluate_plan(values: Mapping[str, Any], course: Course) -> Feedback:
    plan = assemble_plan(course, str(values.get("next_step") or ""))
    lines = [f"Range: {plan.range_text}"]
    if course.headless and not course.params.get("answers_file"):
        lines.append("(Headless run without an answers file: the plan is shown, not written.)")
    else:
        markdown_path, html_path = plan_paths(course)
        atomic_write_text(markdown_path, plan_markdown(plan))
        atomic_write_text(html_path, plan_html(plan))
        lines.append(
            f"Your plan is written to {markdown_path.name} and {html_path.name} "
            f"in {markdown_path.parent}. Open the HTML file to print it."
        )
    lines += [f"Still to do: {item}" for item in plan.missing]
    if course.headless:
        lines += [line for line in plan_markdown(plan).splitlines() if line.strip()]
    level: Level = "warn" if plan.missing else "ok"
    return Feedback(tuple(lines), level, summary={"markdown": plan_markdown(plan)})


PLAN = ExerciseSpec(
    id="06.plan",
    title="My offer plan",
    prompt="Everything you saved in lessons 00–05, on one page. Add the one thing you will "
    "do tomorrow, then open the HTML file to print it.",
    fields=(
        Field(
            "next_step",
            "One thing I will do tomorrow",
            placeholder="e.g. email the recruiter to confirm the bonus basis",
        ),
    ),
    evaluate=_evaluate_plan,
)


def build_plan_exercise(course: Course) -> Any:
    """Lesson 06: assemble, show and write your one-page offer plan."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(PLAN, course)
