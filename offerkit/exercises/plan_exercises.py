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
from offerkit.learner.plan import offer_plan
from offerkit.rules.plan import OfferPlan, plan_html, plan_markdown

__all__ = ["PLAN", "assemble_plan", "build_plan_exercise", "plan_paths"]


def assemble_plan(course: Course, next_step: str = "") -> OfferPlan:
    """The learner's plan, from the learner's state (missing parts are listed)."""
    return offer_plan(course.state, next_step)


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
    hints=(
        "The plan fills itself from what you saved in lessons 00–05; each 'Still to do' line "
        "names the lesson to go back to.",
        "'Lesson 04: set your decision deadline when an offer arrives' means: open lesson 04, "
        "pick the offer date in 'Your time to decide', then run this cell again.",
        "A complete plan for the default profile states CNY 400,000–420,000 a year, two or "
        "three priorities with one interview question each, strengths with evidence, an "
        "opening with thanks and the range, and a decision date at most 7 days after the "
        "offer; add one step for tomorrow, e.g. 'email the recruiter to confirm the bonus "
        "basis'.",
    ),
)


def build_plan_exercise(course: Course) -> Any:
    """Lesson 06: assemble, show and write your one-page offer plan."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(PLAN, course)
