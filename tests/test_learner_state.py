"""The learner's state: parameters + saved answers → what the learner has decided."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from offerkit.errors import InvalidInputError
from offerkit.learner import schema
from offerkit.learner.plan import offer_plan
from offerkit.learner.state import (
    PRIORITY_SOURCES,
    TODAY_VARIABLE,
    current_date,
    learner_state,
)
from offerkit.rules.plan import plan_markdown

PARAMS: dict[str, Any] = {
    "learner_id": "ada",
    "learner_name": "Ada (parameter)",
    "currency": "CNY",
    "previous_pay": "300000",
    "posted_range": "",
    "target_role": "Backend engineer",
    "high_demand_role": False,
    "high_demand_reason": "",
}
JOURNAL = {
    "entries": [
        {"experience": "Pay frozen", "reason": "no reviews", "areas": ["salary"], "intensity": "3"},
        {
            "experience": "Blame",
            "reason": "no owner",
            "areas": ["team_atmosphere"],
            "intensity": "1",
        },
    ]
}
ACME = {"name": "Acme", "pay": "360000", "ratings": {"salary": 4, "team_atmosphere": 4}}
GLOBEX = {"name": "Globex", "pay": "380000", "ratings": "salary=5, team_atmosphere=2"}


def state(answers: dict[str, Any] | None = None, headless: bool = False, **params: Any) -> Any:
    return learner_state({**PARAMS, **params}, answers or {}, headless=headless)


# ---------------------------------------------------------------- profile


def test_the_saved_profile_wins_with_a_person_at_the_widgets() -> None:
    answers = {schema.PROFILE.id: {"learner_name": "Ada Lovelace", "previous_pay": "25k x 14"}}
    profile = state(answers).profile
    assert ("Ada Lovelace", 350_000.0, True) == (
        profile.name,
        profile.previous_pay.amount,
        profile.saved,
    )


def test_in_a_headless_build_the_roster_wins() -> None:
    answers = {schema.PROFILE.id: {"learner_name": "Someone else", "previous_pay": "1"}}
    profile = state(answers, headless=True).profile
    assert ("Ada (parameter)", 300_000.0) == (profile.name, profile.previous_pay.amount)


def test_an_unreadable_previous_pay_is_none_not_a_guess() -> None:
    assert None is state(previous_pay="a lot").profile.previous_pay


# ---------------------------------------------------------------- priorities


def test_no_priorities_until_something_is_saved() -> None:
    priorities = state().priorities
    assert ("none", (), "") == (priorities.source, priorities.priorities.items, priorities.shown())


def test_picked_areas_count_equally_then_the_journal_suggests() -> None:
    picked = {schema.GOAL_AREAS.id: {"areas": ["salary", "growth", "commute"]}}
    priorities = state(picked).priorities
    assert ("areas", "Salary 34 %, Growth and learning 33 %, Commute 33 %") == (
        priorities.source,
        priorities.shown(),
    )
    with_journal = state({**picked, schema.JOURNAL.id: JOURNAL}).priorities
    assert ("journal", {"salary": 0.75, "team_atmosphere": 0.25}) == (
        with_journal.source,
        with_journal.priorities.weights,
    )
    assert PRIORITY_SOURCES["journal"] == with_journal.source_label


def test_confirmed_weights_win_over_the_suggestion_and_say_so() -> None:
    answers = {
        schema.GOAL_AREAS.id: {"areas": ["salary", "team_atmosphere"]},
        schema.JOURNAL.id: JOURNAL,
        schema.PRIORITIES.id: {"weights": {"salary": 2, "team_atmosphere": 8}, "confirmed": True},
    }
    priorities = state(answers).priorities
    assert ("confirmed", "Team atmosphere 80 %, Salary 20 %") == (
        priorities.source,
        priorities.shown(),
    )
    assert "the priorities you confirmed in lesson 01" == priorities.source_label
    assert {"salary": 0.75, "team_atmosphere": 0.25} == priorities.suggested.weights


def test_unconfirmed_sliders_do_not_count() -> None:
    answers = {
        schema.JOURNAL.id: JOURNAL,
        schema.PRIORITIES.id: {"weights": {"salary": 1, "team_atmosphere": 9}, "confirmed": False},
    }
    assert "journal" == state(answers).priorities.source


def test_a_confirmed_weight_for_an_area_no_longer_picked_is_a_problem_not_counted() -> None:
    answers = {
        schema.GOAL_AREAS.id: {"areas": ["salary"]},
        schema.JOURNAL.id: JOURNAL,
        schema.PRIORITIES.id: {"weights": {"salary": 5, "commute": 5}, "confirmed": True},
    }
    result = state(answers)
    assert "journal" == result.priorities.source
    assert any(p.startswith("Lesson 01: your confirmed priorities") for p in result.problems)


@pytest.mark.parametrize("count", [3, 6, 7])
def test_percentages_always_add_up_to_100(count: int) -> None:
    areas = ["salary", "growth", "commute", "team_atmosphere", "level", "mission", "tech_stack"]
    weights = {area: 1 for area in areas[:count]}
    answers = {
        schema.GOAL_AREAS.id: {"areas": areas[:count]},
        schema.PRIORITIES.id: {"weights": weights, "confirmed": True},
    }
    assert 100 == sum(share for _area, share in state(answers).priorities.percentages())


# ---------------------------------------------------------------- salary, offers, dates


def test_the_range_comes_from_lesson_03_else_the_profile() -> None:
    from_profile = state().salary
    assert (342_000.0, "your profile (lesson 03 not saved yet)") == (
        from_profile.expected.range_low,
        from_profile.source,
    )
    saved = state({schema.SALARY.id: {"previous_pay": "400000", "ask": "470000"}}).salary
    assert (457_000.0, "within-guideline") == (saved.expected.range_low, saved.ask.verdict)


def test_no_range_says_why() -> None:
    salary = state(previous_pay="", posted_range="").salary
    assert (None, True) == (salary.expected, "posted range" in salary.problem)


def test_exceptional_counts_only_when_the_ledger_supports_it() -> None:
    claim = {schema.SALARY.id: {"exceptional": True}}
    assert () == state(claim).salary.expected.exceptions
    rare = {"description": "Led a payments migration", "evidence": "2M users", "kind": "hard"}
    ledger = {schema.STRENGTHS.id: {"entries": [{**rare, "rare": True}]}}
    assert ("exceptional",) == tuple(
        e.kind for e in state({**claim, **ledger}).salary.expected.exceptions
    )


def test_offers_entered_are_the_offers_held_and_are_ranked_by_the_priorities() -> None:
    answers = {
        schema.GOAL_AREAS.id: {"areas": ["salary", "team_atmosphere"]},
        schema.PRIORITIES.id: {"weights": {"salary": 1, "team_atmosphere": 3}, "confirmed": True},
        schema.OFFERS.id: {"entries": [GLOBEX, ACME, {"name": "", "pay": "?"}]},
    }
    result = state(answers)
    assert (["Acme", "Globex"], 2, 1) == (
        [score.offer.name for score in result.ranked_offers],
        len(result.offers),
        result.other_offers_held,
    )
    assert ["Lesson 05: 1 saved offer(s) no longer read and are left out."] == list(result.problems)


def test_the_deadline_doubts_opening_and_company_are_read_once() -> None:
    answers = {
        schema.DOUBTS.id: {"items": ["months-per-year"], "own": "- Overtime paid?\n\n"},
        schema.OPENING.id: {"kind": "state-range", "company": "", "role": "", "line": " Hi! "},
        schema.DEADLINE.id: {"offer_date": "2026-03-02", "days": "5", "company": "Acme"},
    }
    result = state(answers)
    assert "Overtime paid?" == result.doubts[-1] and len(result.doubts) == 2
    assert ("Acme", "2026-03-07") == (result.company, result.deadline.deadline.isoformat())
    assert ("state-range", "Hi!") == (result.opening_kind, result.opening)


def test_the_opening_and_the_reply_are_the_learners_own_words_or_nothing() -> None:
    drafted = {"kind": "state-range", "company": "Acme", "role": "QA"}  # saved before 0.3
    message = "Thank you! I led the data migration, so could we agree on 400,000 a year?"
    answers = {
        schema.OPENING.id: drafted,
        schema.REPLY.id: {"kind": "counter", "amount": "400000", "reason": "I led it"},
    }
    old = state(answers)
    assert ("", "", "") == (old.opening, old.reply_message, old.counter_message)
    assert "Lesson 04: write your opening line in your own words." in offer_plan(old).missing

    answers[schema.REPLY.id] = {"kind": "counter", "amount": "400000", "message": message}
    new = state(answers)
    assert (message, message) == (new.reply_message, new.counter_message)
    assert message == offer_plan(new).counter_message
    declined = state({schema.REPLY.id: {"kind": "decline", "message": "No, thank you."}})
    assert ("decline", "No, thank you.", "") == (
        declined.reply_kind,
        declined.reply_message,
        declined.counter_message,
    )


def test_a_counter_is_checked_against_the_range() -> None:
    answers = {schema.REPLY.id: {"kind": "counter", "company": "Acme", "amount": "400000"}}
    result = state(answers)
    assert (400_000.0, "too-far") == (result.counter.amount, result.counter_verdict.verdict)
    accept = {schema.REPLY.id: {"kind": "accept", "amount": "400000"}}
    assert None is state(accept).counter


def test_values_of_the_wrong_shape_never_crash_the_state() -> None:
    damaged: dict[str, Any] = {
        schema.PROFILE.id: "a string",
        schema.GOAL_AREAS.id: {"areas": 7},
        schema.JOURNAL.id: {"entries": [1, "x", {"areas": {}}]},
        schema.STRENGTHS.id: ["not", "a", "mapping"],
        schema.DOUBTS.id: {"items": "months-per-year", "own": ["x"]},
        schema.DEADLINE.id: {"offer_date": "2026-02-30"},
        schema.OFFERS.id: {"entries": None},
        schema.PRIORITIES.id: {"weights": "nonsense", "confirmed": True},
    }
    result = state(damaged)
    assert ("Ada (parameter)", None, ()) == (result.profile.name, result.deadline, result.offers)
    assert result.problems


# ---------------------------------------------------------------- one date (issue 8, section 4)

DATE_PARAMS: dict[str, Any] = {**PARAMS, "learner_name": "Ada", "previous_pay": "25k x 14"}
_LONG_DATE = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} [A-Z][a-z]+ \d{4}")


def test_today_is_the_clock_or_the_fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TODAY_VARIABLE, raising=False)
    assert date.today() == current_date()
    monkeypatch.setenv(TODAY_VARIABLE, "2026-03-02")
    assert date(2026, 3, 2) == current_date()
    assert date(2026, 3, 2) == learner_state(DATE_PARAMS, {}).today
    assert date(2027, 1, 1) == learner_state(DATE_PARAMS, {}, today=date(2027, 1, 1)).today


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
    deadline = learner_state(DATE_PARAMS, answers).deadline
    assert deadline is not None
    assert (date(2026, 3, 9), 7) == (deadline.deadline, deadline.days)
    assert (
        "Hi, thank you again for the offer from Acme. Would it be possible for me to give you "
        "my answer by Monday 9 March 2026? I want to read the contract with care. I'll reply "
        "by then at the latest.\n\nBest regards,\nAda"
    ) == deadline.extension_message


def test_an_unknown_weekend_choice_keeps_the_date() -> None:
    answers = {"04.deadline": {"offer_date": "2026-03-02", "days": "5", "weekend": "sunday"}}
    deadline = learner_state(DATE_PARAMS, answers).deadline
    assert deadline is not None
    assert date(2026, 3, 7) == deadline.deadline


def test_an_impossible_saved_date_is_a_problem_that_says_why() -> None:
    state = learner_state(DATE_PARAMS, {"04.deadline": {"offer_date": "2026-02-30", "days": "3"}})
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
    state = learner_state(DATE_PARAMS, answers, today=date(2026, 3, 2))
    plan = offer_plan(state)
    assert state.deadline is not None
    assert when == state.deadline.wording
    assert state.deadline.deadline == plan.decision_date
    for text in (state.deadline.extension_message, plan.extension_message):
        assert [when] == _LONG_DATE.findall(text)
    assert f"**I answer by {when}.**" in plan_markdown(plan)


# ---------------------------------------------------------------- upgrades


def test_an_answers_file_of_the_first_release_reads_into_the_same_decisions() -> None:
    import json
    from pathlib import Path

    from offerkit.learner.answers import read_answers

    fixture = Path(__file__).parent / "data" / "answers-schema-1.json"
    document = json.loads(fixture.read_text(encoding="utf-8"))
    answers = read_answers(fixture)  # reads only: the fixture is never touched
    assert set(document["exercises"]) == set(answers)

    result = learner_state({**PARAMS, "learner_id": "ada"}, answers, today=None)

    assert () == result.problems
    assert ("Ada", 350_000.0) == (result.profile.name, result.profile.previous_pay.amount)
    # weights typed next to the goal areas in 0.1 count as confirmed
    assert ("confirmed", "Salary 50 %, Team atmosphere 33 %, Growth and learning 17 %") == (
        result.priorities.source,
        result.priorities.shown(),
    )
    # offer ratings typed as text in 0.1 still rank
    assert ["Acme", "Globex"] == sorted(score.offer.name for score in result.ranked_offers)
    assert (1, "2026-12-14") == (
        result.other_offers_held,
        result.deadline.deadline.isoformat(),
    )
    assert result.salary.expected is not None and result.doubts
    assert "" == result.opening  # 0.1 saved no line in the learner's words: none is made up


def test_the_last_rehearsal_reads_as_one_line() -> None:
    debrief = {
        "outcome": "deal",
        "scores": {"deal": 8, "relationship": 9},
        "try_instead": "Say the annual figure.",
    }
    state = learner_state(PARAMS, {schema.REHEARSAL.id: debrief})
    assert "deal (deal 8/10, relationship 9/10); next time: Say the annual figure." == (
        state.rehearsal
    )
    assert "" == learner_state(PARAMS, {}).rehearsal
