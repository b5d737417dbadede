"""Tests for offerkit.rules.rehearsal_debrief: transcript, terms, scores, costliest move."""

from __future__ import annotations

from datetime import date

from offerkit.rules.rehearsal import RehearsalLearner, reply_to, start_rehearsal
from offerkit.rules.rehearsal_debrief import debrief
from offerkit.rules.rehearsal_scenarios import scenario_by_id

ADA = RehearsalLearner(
    name="Ada",
    currency="CNY",
    range_low=360_000,
    range_high=385_000,
    posted_mid=375_000,
    previous_pay=300_000,
    walk_away=330_000,
    offer_date=date(2026, 3, 2),
)


def _call() -> list[tuple[str, str]]:
    return [
        ("Thanks! I'm looking for 360k-385k a year. How is the bonus paid?", "360k-385k"),
        ("I currently earn 400,000 a year.", "400k"),  # inflated: previous pay is 300,000
        ("Thank you. Could you move closer to 360k?", "360k"),
        ("Could I have five days?", ""),
        ("Yes, I accept the offer.", ""),
    ]


def test_a_finished_call_has_terms_scores_and_the_costliest_move() -> None:
    call = start_rehearsal(scenario_by_id("pay-history"), ADA, seed=1)
    for text, figure in _call():
        call = reply_to(call, text, figure)
    summary = debrief(call)
    assert "deal" == summary.outcome
    assert summary.transcript[0].startswith("HR: ") and summary.transcript[1].startswith("You: ")
    assert "You: I currently earn 400,000 a year. [figure: 400k]" in summary.transcript
    assert {"deal", "relationship", "honesty", "clarity"} == set(summary.scores)
    assert summary.scores["honesty"] < 5
    assert "400,000" in summary.costliest
    assert "real annual pay" in summary.try_instead
    assert date(2026, 3, 7) == summary.decision_date
    assert summary.base == call.offer
    assert any(line.startswith("Final terms: CNY") for line in summary.lines)


def test_a_call_in_progress_has_no_terms_yet() -> None:
    call = start_rehearsal(scenario_by_id("friendly-start"), ADA, seed=1)
    summary = debrief(call)
    assert "in progress" == summary.outcome
    assert summary.base is None and summary.decision_date is None
    assert {5} == set(summary.scores.values())
    assert "" == summary.costliest
