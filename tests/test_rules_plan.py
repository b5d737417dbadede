"""The one-page plan: Markdown and printable HTML, learner text escaped."""

from __future__ import annotations

import pytest

from offerkit.errors import EmptyTextError
from offerkit.rules.plan import OfferPlan, plan_html, plan_markdown


def _plan(**overrides: object) -> OfferPlan:
    base: dict[str, object] = dict(
        learner_name="Ada <b>&</b>",
        target_role="Data engineer",
        currency="CNY",
        wants=("Project experience — 50%",),
        questions=("What would I own?",),
        strengths=("Led a migration — cut costs 30 %",),
        range_low=342000.0,
        range_high=360000.0,
        range_reasons=("+20 % guideline cap: CNY 360,000",),
        doubts=("How many months are paid?",),
        opening="Thank you for the offer.",
        deadline="Decide by 2026-03-09 (7 days after the offer).",
        next_step="Email HR",
    )
    base.update(overrides)
    return OfferPlan(**base)  # type: ignore[arg-type]


def test_markdown_has_every_section_with_the_learners_content() -> None:
    text = plan_markdown(_plan())
    assert text.startswith("# My offer plan — Ada <b>&</b>\n")
    assert "## My annual range: CNY 342,000–360,000 a year\n- +20 % guideline cap" in text
    for heading in (
        "What I want from this change",
        "Questions to check they can provide it",
        "Doubts to confirm calmly with HR",
        "My opening line",
        "Decision deadline",
        "What I will do tomorrow",
    ):
        assert f"## {heading}" in text
    assert "Still to do" not in text


def test_missing_parts_are_listed_and_empty_sections_say_so() -> None:
    text = plan_markdown(_plan(range_low=None, wants=(), missing=("Lesson 01: add entries.",)))
    assert "## My annual range: not worked out yet (lesson 03)" in text
    assert "## What I want from this change\n- (nothing yet)" in text
    assert "## Still to do\n- Lesson 01: add entries." in text


def test_html_is_standalone_printable_and_escaped() -> None:
    page = plan_html(_plan())
    assert page.startswith("<!DOCTYPE html>")
    assert "@media print" in page
    assert "Ada &lt;b&gt;&amp;&lt;/b&gt;" in page
    assert "<b>&</b>" not in page


def test_a_plan_needs_a_name() -> None:
    with pytest.raises(EmptyTextError, match="'learner_name'"):
        _plan(learner_name="  ")
