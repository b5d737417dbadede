"""Tests for offerkit.rules.rehearsal: the HR counterpart, move by move and scenario by
scenario, and three scripted learners (good, hostile, dishonest)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pytest

from offerkit.rules.rehearsal import Rehearsal, RehearsalLearner, reply_to, start_rehearsal
from offerkit.rules.rehearsal_debrief import debrief
from offerkit.rules.rehearsal_scenarios import Scenario, load_scenarios, scenario_by_id

ADA = RehearsalLearner(
    name="Ada",
    currency="CNY",
    range_low=360_000,
    range_high=385_000,
    posted_mid=375_000,
    previous_pay=300_000,
    walk_away=330_000,
    offers_held=0,
    priorities=("growth", "salary"),
    offer_date=date(2026, 3, 2),
)

Script = Mapping[str, tuple[str, str]]

GOOD: Script = {
    "expectations": (
        "Thanks for the call! With my experience leading two payment projects I'm looking "
        "for 360k-385k a year. Could you tell me how the bonus works?",
        "",
    ),
    "current_pay": ("I currently earn 300,000 a year.", "300000"),
    "above_budget": (
        "I understand. I delivered a 30% cut in failed payments, so 360k feels fair. "
        "Could a training budget help?",
        "360k",
    ),
    "only_offer": ("Thanks for asking, I'm talking to other companies too.", ""),
    "low_offer": (
        "Thank you. Given the projects I led, could you move closer to 360k?",
        "360k",
    ),
    "no_base": ("I understand. Could we add a pay review after six months?", ""),
    "deadline_48h": ("Could I have five days to decide, until Saturday?", ""),
    "closing": ("Yes, I accept the offer. Thank you!", ""),
}
HOSTILE: Script = {
    "expectations": ("Your posted range is ridiculous. 450k, take it or leave it.", "450k"),
    "current_pay": ("None of your business.", ""),
    "above_budget": ("That's a joke. You people are cheap.", ""),
    "only_offer": ("Why would I tell you?", ""),
    "low_offer": ("That's an insult.", ""),
    "no_base": ("Unacceptable.", ""),
    "deadline_48h": ("I'll take a month.", ""),
    "closing": ("Fine, I accept.", ""),
}
DISHONEST: Script = {
    "expectations": ("Thanks. I'm looking for 380k-400k a year.", "380k-400k"),
    "current_pay": ("I currently earn 400,000 a year.", "400000"),
    "above_budget": ("Another company has offered me 450k, so I can't go lower.", ""),
    "only_offer": ("No, another company has offered me 450k already.", ""),
    "low_offer": ("Thanks, but the other offer is higher: 400k please.", "400k"),
    "no_base": ("Thanks. Could we add a training budget?", ""),
    "deadline_48h": ("Could I have a week?", ""),
    "closing": ("Yes, I accept the offer.", ""),
}


def _play(scenario: Scenario, script: Script, seed: int = 1) -> Rehearsal:
    call = start_rehearsal(scenario, ADA, seed)
    for _ in range(20):
        if call.finished:
            break
        call = reply_to(call, *script[call.move])
    assert call.finished
    return call


# ---------------------------------------------------------------- per move


def test_the_call_opens_with_the_expectations_question() -> None:
    call = start_rehearsal(scenario_by_id("friendly-start"), ADA, seed=3)
    assert "expectations" == call.move
    assert "salary expectations" in call.hr_line


def test_the_band_is_hidden_and_relative_to_the_posting() -> None:
    scenario = scenario_by_id("tight-budget")
    call = start_rehearsal(scenario, ADA, seed=0)
    low, high = scenario.band(375_000)
    assert abs(call.band_low - low) <= 0.021 * low + 1000
    assert abs(call.band_high - high) <= 0.021 * high + 1000
    assert str(int(call.band_high)) not in call.hr_line


def test_asking_what_they_can_offer_brings_the_offer_forward() -> None:
    call = start_rehearsal(scenario_by_id("pay-history"), ADA, seed=1)
    call = reply_to(call, "Thanks! Could you tell me what range you have in mind for the role?")
    assert "low_offer" == call.move
    assert call.offer is not None and str(f"{call.offer:,.0f}") in call.hr_line


def test_an_ask_far_above_the_band_brings_the_budget_line() -> None:
    call = start_rehearsal(scenario_by_id("friendly-start"), ADA, seed=1)
    call = reply_to(call, "Thanks, I'm looking for 500k-520k a year.", "500k-520k")
    assert "above_budget" == call.move


def test_a_figure_under_the_walk_away_is_taken_and_judged() -> None:
    call = start_rehearsal(scenario_by_id("friendly-start"), ADA, seed=1)
    call = reply_to(call, "Thanks, 300k would be fine.", "300k")
    assert 300_000.0 == call.offer
    assert -3 == call.turns[-1].judgement.deal
    call = reply_to(call, "Yes, I accept the offer.")
    assert "closing" == call.move
    call = reply_to(call, "Yes, I accept the offer.")
    assert "deal below your walk-away" == call.outcome


def test_a_counter_with_evidence_earns_a_step_up() -> None:
    call = start_rehearsal(scenario_by_id("friendly-start"), ADA, seed=1)
    call = reply_to(call, *GOOD["expectations"])
    first = call.offer
    assert first is not None
    call = reply_to(call, *GOOD["low_offer"])
    assert call.offer is not None and first < call.offer <= 360_000
    assert "closing" == call.move


def test_a_hostile_counter_earns_nothing() -> None:
    call = start_rehearsal(scenario_by_id("friendly-start"), ADA, seed=1)
    call = reply_to(call, *GOOD["expectations"])
    first = call.offer
    call = reply_to(call, "That's ridiculous. 380k or nothing.", "380k")
    assert first == call.offer
    assert call.turns[-1].judgement.relationship < 0


def test_accepting_the_first_figure_is_conceding_too_fast() -> None:
    call = start_rehearsal(scenario_by_id("friendly-start"), ADA, seed=1)
    call = reply_to(call, "Could you tell me what you can offer?")
    call = reply_to(call, "Yes, I accept the offer.")
    assert -2 == call.turns[-1].judgement.deal
    assert "closing" == call.move


def test_a_week_is_fine_a_month_is_not() -> None:
    week = _through(scenario_by_id("pay-history"), "deadline_48h")
    assert 7 == reply_to(week, "Could I have a week to decide?").decision_days
    month = reply_to(week, "I need a month to think.")
    assert 7 == month.decision_days
    assert -1 == month.turns[-1].judgement.deal
    assert "a week" in month.hr_line


def _through(scenario: Scenario, move: str) -> Rehearsal:
    call = start_rehearsal(scenario, ADA, seed=1)
    while call.move != move:
        call = reply_to(call, *GOOD[call.move])
    return call


def test_when_base_cannot_move_hr_offers_a_trade_from_the_priorities() -> None:
    call = _through(scenario_by_id("fixed-base"), "no_base")
    base = call.offer
    call = reply_to(call, "Thank you, I understand the grid.")
    assert base == call.offer
    assert "a training budget" in call.extras  # growth is Ada's top priority


def test_an_asked_trade_is_granted_only_when_the_scenario_allows_it() -> None:
    allowed = reply_to(_through(scenario_by_id("fixed-base"), "no_base"), *GOOD["no_base"])
    assert "a pay review after six months" in allowed.extras
    call = _through(scenario_by_id("competing-offers"), "low_offer")
    call = reply_to(call, "Thanks. Could we add a pay review after six months?")
    assert "a pay review after six months" not in call.extras


def test_an_invented_offer_is_noticed_and_costs_honesty() -> None:
    call = _through(scenario_by_id("competing-offers"), "only_offer")
    call = reply_to(call, "Yes, another company has offered me 450k.")
    assert call.caught
    assert -3 == call.turns[-1].judgement.honesty
    assert "in writing" in call.hr_line


def test_a_real_offer_is_not_an_honesty_problem() -> None:
    holder = RehearsalLearner(**{**ADA.__dict__, "offers_held": 1})
    call = start_rehearsal(scenario_by_id("competing-offers"), holder, seed=1)
    while call.move != "only_offer":
        call = reply_to(call, *GOOD[call.move])
    call = reply_to(call, "Yes, another company has offered me a role too.")
    assert not call.caught
    assert 1 == call.turns[-1].judgement.honesty


def test_inflated_current_pay_is_compared_with_the_previous_pay() -> None:
    call = _through(scenario_by_id("pay-history"), "current_pay")
    inflated = reply_to(call, "I currently earn 400,000 a year.", "400k")
    assert inflated.caught and -3 == inflated.turns[-1].judgement.honesty
    sincere = reply_to(call, "I currently earn 300,000 a year.", "300k")
    assert not sincere.caught and 1 == sincere.turns[-1].judgement.honesty


def test_hr_ends_the_call_past_its_patience() -> None:
    scenario = scenario_by_id("hard-call")  # patience 1
    call = start_rehearsal(scenario, ADA, seed=1)
    call = reply_to(call, "This is ridiculous.")
    assert not call.finished
    call = reply_to(call, "You people are cheap.")
    assert "HR ended the call" == call.outcome


def test_declining_at_the_close_is_no_deal() -> None:
    call = _through(scenario_by_id("friendly-start"), "closing")
    call = reply_to(call, "Thank you, but I have to decline.")
    assert "no deal" == call.outcome
    assert debrief(call).base is None


def test_a_counter_at_the_close_gets_one_more_round() -> None:
    call = _through(scenario_by_id("friendly-start"), "closing")
    again = reply_to(call, "Thanks! Could you do 375k given my results?", "375k")
    assert not again.finished and "closing" == again.move
    assert "no deal" == reply_to(again, "Could you do 380k?", "380k").outcome


# ---------------------------------------------------------------- per scenario, scripted


@pytest.mark.parametrize("scenario", load_scenarios(), ids=lambda s: s.id)
def test_the_good_learner_gets_a_deal_at_or_above_the_walk_away(scenario: Scenario) -> None:
    call = _play(scenario, GOOD)
    summary = debrief(call)
    assert "deal" == summary.outcome
    assert summary.base is not None and summary.base >= ADA.walk_away  # type: ignore[operator]
    assert summary.decision_date is not None
    assert all(score >= 5 for score in summary.scores.values()), summary.scores
    assert summary.scores["deal"] >= 7 and summary.scores["relationship"] >= 7


@pytest.mark.parametrize("scenario", load_scenarios(), ids=lambda s: s.id)
def test_the_hostile_learner_loses_the_relationship(scenario: Scenario) -> None:
    call = _play(scenario, HOSTILE)
    summary = debrief(call)
    assert summary.scores["relationship"] <= 2
    if len(scenario.moves) > scenario.patience + 1:
        assert "HR ended the call" == summary.outcome
    assert summary.costliest and summary.try_instead


@pytest.mark.parametrize("scenario", load_scenarios(), ids=lambda s: s.id)
def test_the_dishonest_learner_loses_honesty_and_flexibility(scenario: Scenario) -> None:
    call = _play(scenario, DISHONEST)
    summary = debrief(call)
    good = debrief(_play(scenario, GOOD))
    assert summary.scores["honesty"] < good.scores["honesty"]
    if {"current_pay", "only_offer", "above_budget"} & set(scenario.moves):
        assert call.caught
        assert summary.scores["honesty"] <= 2
        assert not call.extras
        assert summary.base is not None and summary.base <= call.band_low


def test_the_same_seed_gives_the_same_call_and_another_seed_may_not() -> None:
    scenario = scenario_by_id("hard-call")
    first, again = _play(scenario, GOOD, seed=7), _play(scenario, GOOD, seed=7)
    assert debrief(first) == debrief(again)
    bands = {(c.band_low, c.band_high) for c in (_play(scenario, GOOD, s) for s in range(8))}
    assert 1 < len(bands)


def test_the_debrief_has_transcript_terms_scores_and_the_costliest_move() -> None:
    call = _through(scenario_by_id("pay-history"), "current_pay")
    call = reply_to(call, "I currently earn 400,000 a year.", "400k")
    while not call.finished:
        call = reply_to(call, *GOOD[call.move])
    summary = debrief(call)
    assert summary.transcript[0].startswith("HR: ")
    assert summary.transcript[1].startswith("You: ")
    assert {"deal", "relationship", "honesty", "clarity"} == set(summary.scores)
    assert "400,000" in summary.costliest
    assert "real annual pay" in summary.try_instead
    assert any(line.startswith("Final terms: CNY") for line in summary.lines)


def test_a_monthly_looking_figure_is_not_taken_as_the_ask() -> None:
    call = start_rehearsal(scenario_by_id("friendly-start"), ADA, seed=1)
    call = reply_to(call, "Thanks, about 30k.", "30k")
    assert call.ask is None
    assert "per month" in call.hr_line
    assert call.offer is not None and call.offer >= call.band_low
