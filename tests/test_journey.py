"""The journey: one scripted learner through lessons 00–06 through the widget API.

Each lesson opens its own course on the same answers folder (as each notebook does), and
what one lesson showed is what every later lesson and the plan use: the name, the annual
range, the confirmed priorities, the offers held, the decision date.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from exercise_helpers import open_course, shown

from offerkit.exercises import (
    build_deadline_exercise,
    build_doubts_exercise,
    build_goal_areas_exercise,
    build_honesty_exercise,
    build_journal_exercise,
    build_offers_exercise,
    build_opening_exercise,
    build_plan_exercise,
    build_priorities_exercise,
    build_profile_exercise,
    build_reply_exercise,
    build_salary_exercise,
    build_strengths_exercise,
)
from offerkit.exercises.course import Course
from offerkit.exercises.plan_exercises import assemble_plan
from offerkit.exercises.widgets import ExerciseWidget
from offerkit.rules.plan import plan_markdown

NAME = "Mei Chen"
OPENING = "Thanks for asking! I'm hoping for {range} a year, and I'd like to hear about the bonus."
COUNTER = (
    "Thank you for the offer. I built the payments ledger that 2M users rely on, so I'd like "
    "to ask for 400,000 a year. Could we talk about it?"
)


def _lesson(folder: Path) -> Course:
    """What a lesson notebook does: the parameters cell (defaults) and start_course."""
    return open_course(folder, learner_name="Learner (default)")


def _add(widget: ExerciseWidget, entry: dict[str, Any]) -> None:
    for name, value in entry.items():
        control = widget.entry_controls[name]
        control.value = tuple(value) if isinstance(value, list) else value
    widget.add_button.click()


def _range_in(text: str) -> str:
    found = re.search(r"\d{3},\d{3}–\d{3},\d{3}", text)
    assert found, text
    return found.group(0)


@pytest.fixture
def journey(tmp_path: Path) -> dict[str, Any]:
    """Walk the learner through 00–05 and record what each lesson showed."""
    seen: dict[str, Any] = {}

    # 00: who I am
    course = _lesson(tmp_path)
    profile = build_profile_exercise(course)
    profile.controls["learner_name"].value = NAME
    profile.controls["previous_pay"].value = "25k x 14"
    profile.controls["posted_range"].value = "25-35K·14薪"
    profile.controls["target_role"].value = "Data engineer"
    profile.check_button.click()
    seen["status"] = [_lesson(tmp_path).status()]

    # 01: what I want — pick, journal, confirm
    course = _lesson(tmp_path)
    seen["status"].append(course.status())
    build_goal_areas_exercise(course).controls["areas"].value = (
        "salary",
        "team_atmosphere",
        "growth",
    )
    journal = build_journal_exercise(course)
    _add(journal, {"experience": "Pay frozen", "reason": "no reviews", "areas": ["salary"]})
    _add(journal, {"experience": "Blame", "reason": "no owner", "areas": ["team_atmosphere"]})
    priorities = build_priorities_exercise(course)
    sliders = priorities.controls["weights"].sliders
    sliders["salary"].value, sliders["team_atmosphere"].value = 6, 3
    sliders["growth"].value = 1
    priorities.controls["confirmed"].value = True
    seen["priorities"] = [line for line in shown(priorities) if re.match(r"\d\. ", line)]

    # 02: strengths
    course = _lesson(tmp_path)
    ledger = build_strengths_exercise(course)
    _add(
        ledger,
        {
            "description": "Built the payments ledger",
            "evidence": "2M users, no downtime in a year",
            "kind": "hard",
            "rare": True,
        },
    )
    _add(ledger, {"description": "Calm under pressure", "evidence": "", "kind": "soft"})

    # 03: my annual range
    course = _lesson(tmp_path)
    salary = build_salary_exercise(course)
    salary.check_button.click()
    seen["range"] = _range_in(" ".join(shown(salary)))

    # 04: doubts, opening, deadline
    course = _lesson(tmp_path)
    build_doubts_exercise(course).check_button.click()
    opening = build_opening_exercise(course)
    opening.controls["company"].value = "Acme"
    opening.controls["line"].value = OPENING.format(range=seen["range"])
    opening.check_button.click()
    seen["opening"] = " ".join(shown(opening))
    deadline = build_deadline_exercise(course)
    deadline.controls["offer_date"].value = date(2026, 3, 2)
    deadline.controls["days"].value = "5"
    deadline.check_button.click()
    seen["deadline"] = " ".join(shown(deadline))

    # 05: offers, honesty, reply
    course = _lesson(tmp_path)
    offers = build_offers_exercise(course)
    _add(
        offers, {"name": "Acme", "pay": "28k x 14", "ratings": {"salary": 4, "team_atmosphere": 5}}
    )
    _add(offers, {"name": "Globex", "pay": "30k x 14", "ratings": {"salary": 5, "growth": 2}})
    seen["offers"] = shown(offers)
    honesty = build_honesty_exercise(course)
    seen["honesty"] = shown(honesty)
    reply = build_reply_exercise(course)
    reply.controls["kind"].value = "counter"
    reply.controls["amount"].value = "400000"
    reply.controls["message"].value = COUNTER
    reply.check_button.click()
    seen["reply"] = " ".join(shown(reply))

    # 06: the plan
    course = _lesson(tmp_path)
    seen["status"].append(course.status())
    build_plan_exercise(course).check_button.click()
    seen["plan"] = assemble_plan(course)
    return seen


def test_the_name_saved_in_lesson_00_is_the_name_everywhere(journey: dict[str, Any]) -> None:
    assert all(line.startswith(f"{NAME}: ") for line in journey["status"]), journey["status"]
    assert NAME == journey["plan"].learner_name
    assert "Learner (default)" not in plan_markdown(journey["plan"])


def test_the_range_of_lesson_03_is_the_range_of_04_and_the_plan(journey: dict[str, Any]) -> None:
    assert journey["range"] in journey["opening"]
    assert journey["range"] in journey["plan"].range_text


def test_the_priorities_confirmed_in_01_weigh_05_and_fill_the_plan(
    journey: dict[str, Any],
) -> None:
    assert ["1. Salary — 60 %", "2. Team atmosphere — 30 %", "3. Growth and learning — 10 %"] == (
        journey["priorities"]
    )
    assert (
        "Weighted by the priorities you confirmed in lesson 01: Salary 60 %, Team atmosphere "
        "30 %, Growth and learning 10 %." == journey["offers"][0]
    )
    plan = journey["plan"]
    assert [("Salary", 60), ("Team atmosphere", 30), ("Growth and learning", 10)] == [
        (p.area, p.percent) for p in plan.priorities
    ]
    assert "confirmed in lesson 01" == plan.priorities_source  # the plan speaks as "I"


def test_the_offers_entered_in_05_are_the_offers_held_and_ranked_in_the_plan(
    journey: dict[str, Any],
) -> None:
    assert "so you hold 1 other offer(s) besides the one you answer" in journey["honesty"][-1]
    ranked_in_05 = re.findall(r"^#\d (\w+):", "\n".join(journey["offers"]), re.M)
    assert ranked_in_05 == [offer.name for offer in journey["plan"].offers]


def test_the_decision_date_is_one_date_everywhere(journey: dict[str, Any]) -> None:
    plan = journey["plan"]
    assert date(2026, 3, 7) == plan.decision_date
    assert "7 March 2026" in journey["deadline"]
    assert "7 March 2026" in plan.extension_message or "2026-03-07" in plan.extension_message


def test_the_counter_is_in_the_plan_as_entered(journey: dict[str, Any]) -> None:
    assert 400_000.0 == journey["plan"].counter
    assert "400,000" in journey["reply"]


def test_the_learners_own_words_reach_the_state_and_the_plan(
    journey: dict[str, Any], tmp_path: Path
) -> None:
    own_line = OPENING.format(range=journey["range"])
    state = _lesson(tmp_path).state
    assert (own_line, COUNTER) == (state.opening, state.counter_message)
    plan = journey["plan"]
    assert (own_line, COUNTER) == (plan.opening, plan.counter_message)
    page = plan_markdown(plan)
    assert "Thanks for asking! I'm hoping for" in page and "I built the payments ledger" in page
    assert "in the range of" not in page  # the kit's example words never reach the plan
    assert "within your range from lesson 03" in journey["opening"]  # judged, not drafted


def test_the_plan_has_nothing_left_to_do(journey: dict[str, Any]) -> None:
    assert () == journey["plan"].missing
