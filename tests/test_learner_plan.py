"""offer_plan(): the one-page plan from the learner's state, for the bundled example learner."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from offerkit.learner.answers import read_answers
from offerkit.learner.params import PARAMETERS
from offerkit.learner.plan import offer_plan
from offerkit.learner.state import LearnerState, learner_state
from offerkit.rules.plan import plan_markdown

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "example-learner.answers.json"
PARAMS = {p.name: p.default for p in PARAMETERS}


def _answers() -> dict[str, Any]:
    return read_answers(EXAMPLE)


def _state(answers: dict[str, Any] | None = None) -> LearnerState:
    return learner_state(PARAMS, _answers() if answers is None else answers)


def test_the_example_learner_has_answered_every_lesson() -> None:
    lessons = {key.split(".")[0] for key in _answers()}
    assert {"00", "01", "02", "03", "04", "05", "06"} == lessons
    assert "lin-mei" == json.loads(EXAMPLE.read_text("utf-8"))["learner_id"]


def test_priorities_are_the_confirmed_ones_with_the_questions_lesson_01_showed() -> None:
    state = _state()
    plan = offer_plan(state)
    assert [
        ("Project experience", 40),
        ("Salary", 30),
        ("Growth and learning", 20),
        ("Team atmosphere", 10),
    ] == [(p.area, p.percent) for p in plan.priorities]
    assert "confirmed in lesson 01" == plan.priorities_source
    assert [q.question for q in state.questions] == [p.question for p in plan.priorities][:3]


def test_strengths_of_every_kind_rare_hard_first() -> None:
    plan = offer_plan(_state())
    assert ["rare hard", "hard", "hard", "soft"] == [s.tier for s in plan.ranked_strengths]
    assert [("Mentoring new analysts", "")] == [
        (s.description, s.evidence) for s in plan.strengths if s.tier == "hard" and not s.evidence
    ]


def test_range_ask_offers_counter_and_date_are_the_ones_the_lessons_showed() -> None:
    state = _state()
    plan = offer_plan(state)
    assert state.salary.expected is not None and state.deadline is not None
    assert (400000.0, 420000.0) == (plan.range_low, plan.range_high)
    assert (state.salary.expected.range_low, state.salary.expected.range_high) == (
        plan.range_low,
        plan.range_high,
    )
    assert [
        "My previous pay: 25,000 × 14 = CNY 350,000 a year.",
        "The +20 % guideline caps my range at CNY 420,000.",
        "My target is the low end, CNY 400,000.",
        "My ask: CNY 410,000 (+17.1 %) is within the +20 % guideline.",
    ] == list(plan.range_reasons)
    assert [s.offer.name for s in state.ranked_offers] == [o.name for o in plan.offers]
    assert [("Acme", 420000.0, 0), ("Globex", 448000.0, 1)] == [
        (o.name, o.annual_cash, len(o.red_flags)) for o in plan.offers
    ]
    assert (
        "Project experience is a must-have and I rated it 2/5 (below my floor of 3/5)",
    ) == plan.offers[1].red_flags
    assert (410000.0, "Acme", None) == (plan.counter, plan.counter_company, plan.walk_away)
    assert date(2026, 3, 9) == plan.decision_date == state.deadline.deadline
    assert () == plan.missing


def test_the_example_plan_names_one_date_and_no_internal_ids() -> None:
    text = plan_markdown(offer_plan(_state()))
    long_dates = re.findall(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} \w+ \d{4}", text)
    assert {"Monday 9 March 2026"} == set(long_dates)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)
    assert not re.search(r"project\\?_experience|team\\?_atmosphere|\b06\.plan\b", text)


def test_the_next_step_is_the_saved_one_unless_given() -> None:
    state = _state()
    assert state.next_step == offer_plan(state).next_step
    assert "Call Globex" == offer_plan(state, "  Call Globex ").next_step


@pytest.mark.parametrize(
    ("left_out", "expected"),
    [
        ("01.priorities", "Lesson 01: confirm your priorities (the plan shows the suggestion)."),
        ("02.strengths", "Lesson 02: add your strengths with evidence."),
        ("04.doubts", "Lesson 04: pick the doubts you will confirm with HR."),
        ("04.deadline", "Lesson 04: set your decision deadline when an offer arrives."),
    ],
)
def test_a_lesson_not_done_is_listed_as_still_to_do(left_out: str, expected: str) -> None:
    answers = {k: v for k, v in _answers().items() if k != left_out}
    plan = offer_plan(_state(answers))
    assert (expected,) == plan.missing


def test_unconfirmed_priorities_say_where_they_come_from() -> None:
    answers = {k: v for k, v in _answers().items() if k != "01.priorities"}
    plan = offer_plan(_state(answers))
    assert "suggested by my journal, not confirmed yet" == plan.priorities_source
    assert 100 == sum(p.percent for p in plan.priorities)


def test_answers_that_no_longer_read_are_named() -> None:
    answers = _answers()
    answers["04.deadline"] = {"offer_date": "2026-02-30", "days": "7"}
    plan = offer_plan(_state(answers))
    assert None is plan.decision_date
    assert any(m.startswith("Lesson 04: your decision date no longer reads") for m in plan.missing)


def test_an_empty_learner_gets_a_plan_of_things_to_do() -> None:
    plan = offer_plan(_state({}))
    assert () == plan.priorities and () == plan.offers and None is plan.decision_date
    assert 5 <= len(plan.missing)
