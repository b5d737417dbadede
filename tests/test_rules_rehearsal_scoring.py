"""Tests for offerkit.rules.rehearsal_scoring: each reply judged on four dimensions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from offerkit.rules.rehearsal_reading import read_reply
from offerkit.rules.rehearsal_scoring import (
    DIMENSIONS,
    Context,
    dimension_score,
    judge_reply,
    long_date,
)

CTX = Context(
    move="expectations",
    point="Give a range for the annual salary.",
    currency="CNY",
    range_low=360_000,
    range_high=385_000,
    previous_pay=300_000,
    walk_away=330_000,
    offers_held=0,
    offer=None,
    ask=None,
    questions=0,
)


def test_a_range_at_the_target_scores_on_deal_and_clarity() -> None:
    verdict = judge_reply(read_reply("Thanks! I'm looking for 360k-385k a year."), CTX)
    assert (1, 1, 0, 1) == (verdict.deal, verdict.relationship, verdict.honesty, verdict.clarity)
    assert "" == verdict.tip


def test_a_monthly_looking_figure_asks_for_the_annual_one() -> None:
    verdict = judge_reply(read_reply("About 30k.", "30k"), CTX)
    assert -1 == verdict.clarity
    assert "annual" in verdict.tip


def test_conceding_without_anything_in_return() -> None:
    ctx = replace(CTX, move="above_budget", ask=380_000)
    verdict = judge_reply(read_reply("OK then, 335k.", "335k"), ctx)
    assert -1 == verdict.deal
    assert any("concedes too fast" in note for note in verdict.notes)


def test_agreeing_without_confirming_anything_costs_clarity() -> None:
    ctx = replace(CTX, move="closing", offer=350_000)
    blind = judge_reply(read_reply("I accept."), ctx)
    assert -1 == blind.clarity
    asked = judge_reply(read_reply("I accept."), replace(ctx, questions=1))
    assert 0 == asked.clarity


def test_the_tip_comes_from_the_costliest_point() -> None:
    verdict = judge_reply(read_reply("This is ridiculous. 300k.", "300k"), CTX)
    assert -3 == verdict.deal and -2 == verdict.relationship
    assert "walk-away" in verdict.tip
    assert -5 == verdict.total
    assert [-3, -2, 0, 0] == [verdict.score(d) for d in DIMENSIONS]


def test_dimension_scores_are_bounded() -> None:
    assert (0, 5, 10) == (dimension_score(-9), dimension_score(0), dimension_score(12))


def test_long_date() -> None:
    assert "Monday 9 March 2026" == long_date(date(2026, 3, 9))
