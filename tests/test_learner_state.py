"""Tests for offerkit.learner.state: the learner's state read from parameters + answers."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from offerkit.errors import InvalidInputError
from offerkit.learner.plan import offer_plan
from offerkit.learner.state import TODAY_VARIABLE, current_date, learner_state

# ---------------------------------------------------------------- one date (issue 8, section 4)

PARAMS: dict[str, Any] = {
    "learner_id": "ada",
    "learner_name": "Ada",
    "currency": "CNY",
    "previous_pay": "25k x 14",
    "posted_range": "",
    "target_role": "Backend engineer",
}
_LONG_DATE = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} [A-Z][a-z]+ \d{4}")


def test_today_is_the_clock_or_the_fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TODAY_VARIABLE, raising=False)
    assert date.today() == current_date()
    monkeypatch.setenv(TODAY_VARIABLE, "2026-03-02")
    assert date(2026, 3, 2) == current_date()
    assert date(2026, 3, 2) == learner_state(PARAMS, {}).today
    assert date(2027, 1, 1) == learner_state(PARAMS, {}, today=date(2027, 1, 1)).today


def test_a_bad_fixed_today_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_VARIABLE, "2026-02-30")
    with pytest.raises(InvalidInputError) as info:
        current_date()
    assert TODAY_VARIABLE == info.value.field


def test_the_deadline_reads_the_learners_reason_and_weekend_choice() -> None:
    answers = {
        "04.deadline": {
            "offer_date": "2026-03-02",
            "days": "5",
            "company": "Acme",
            "reason": "I want to read the contract with care",
            "weekend": "monday",
        }
    }
    deadline = learner_state(PARAMS, answers).deadline
    assert deadline is not None
    assert (date(2026, 3, 9), 7) == (deadline.deadline, deadline.days)
    assert (
        "Hi, thank you again for the offer from Acme. Would it be possible for me to give you "
        "my answer by Monday 9 March 2026? I want to read the contract with care. I'll reply "
        "by then at the latest.\n\nBest regards,\nAda"
    ) == deadline.extension_message


def test_an_unknown_weekend_choice_keeps_the_date() -> None:
    answers = {"04.deadline": {"offer_date": "2026-03-02", "days": "5", "weekend": "sunday"}}
    deadline = learner_state(PARAMS, answers).deadline
    assert deadline is not None
    assert date(2026, 3, 7) == deadline.deadline


def test_an_impossible_saved_date_is_a_problem_that_says_why() -> None:
    state = learner_state(PARAMS, {"04.deadline": {"offer_date": "2026-02-30", "days": "3"}})
    assert state.deadline is None
    assert 1 == len(state.problems)
    assert state.problems[0].startswith("Lesson 04: your decision date no longer reads")
    assert "there is no 30 February" in state.problems[0]


@pytest.mark.parametrize(
    ("weekend", "when"), [("keep", "Saturday 7 March 2026"), ("friday", "Friday 6 March 2026")]
)
def test_the_opening_the_request_and_the_plan_name_one_date(weekend: str, when: str) -> None:
    answers = {
        "04.opening": {"kind": "ask-offer", "company": "Acme", "role": "Backend engineer"},
        "04.deadline": {"offer_date": "2026-03-02", "days": "5", "weekend": weekend},
    }
    state = learner_state(PARAMS, answers, today=date(2026, 3, 2))
    plan = offer_plan(state)
    assert state.deadline is not None
    assert when == state.deadline.wording
    for text in (state.opening, state.deadline.extension_message, plan.extension):
        assert [when] == _LONG_DATE.findall(text)
    assert when == _LONG_DATE.findall(plan.deadline)[0]
