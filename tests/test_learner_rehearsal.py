"""Tests for offerkit.learner.rehearsal: the rehearsal's inputs come from the learner state."""

from __future__ import annotations

from datetime import date

import pytest

from offerkit.errors import OfferkitError
from offerkit.learner import schema
from offerkit.learner.rehearsal import DEFAULT_OFFER_DATE, rehearsal_learner
from offerkit.learner.state import learner_state

PARAMS = {
    "learner_id": "ada",
    "learner_name": "Ada",
    "currency": "CNY",
    "previous_pay": "25k x 12",
    "posted_range": "25-32K·13薪",
    "target_role": "Data analyst",
}


def test_numbers_come_from_the_profile_and_the_range() -> None:
    state = learner_state(PARAMS, {}, headless=True)
    learner = rehearsal_learner(state)
    assert state.salary.expected is not None
    assert state.salary.expected.range_low == learner.range_low
    assert 300_000.0 == learner.previous_pay
    assert 300_000.0 == learner.walk_away  # no walk-away saved: the previous pay
    assert (25_000 + 32_000) / 2 * 13 == learner.posted_mid
    assert DEFAULT_OFFER_DATE == learner.offer_date
    assert "Data analyst" == learner.role


def test_the_saved_walk_away_offers_and_deadline_are_used() -> None:
    answers = {
        schema.WALK_AWAY.id: {"walk_away": "330k", "why": "my current job plus a long commute"},
        schema.OFFERS.id: {
            "entries": [
                {"name": "A", "pay": "350k", "ratings": {"salary": 4}, "must_haves": []},
                {"name": "B", "pay": "340k", "ratings": {"salary": 3}, "must_haves": []},
            ]
        },
        schema.DEADLINE.id: {"offer_date": "2026-04-06", "days": "5", "company": "Acme"},
    }
    state = learner_state(PARAMS, answers, headless=True)
    assert "my current job plus a long commute" == state.walk_away_why
    learner = rehearsal_learner(state)
    assert 330_000.0 == learner.walk_away
    assert 1 == learner.offers_held
    assert date(2026, 4, 6) == learner.offer_date


def test_a_walk_away_that_no_longer_reads_is_named() -> None:
    state = learner_state(PARAMS, {schema.WALK_AWAY.id: {"walk_away": "lots"}}, headless=True)
    assert state.walk_away is None
    assert any("walk-away" in problem for problem in state.problems)


def test_no_range_no_rehearsal() -> None:
    params = {**PARAMS, "previous_pay": "", "posted_range": ""}
    with pytest.raises(OfferkitError):
        rehearsal_learner(learner_state(params, {}, headless=True))
