"""Lesson 03 exercises: the posted-range decoder and the expected-salary exercise."""

from __future__ import annotations

from pathlib import Path

import pytest
from exercise_helpers import level, open_course, saved, shown
from hypothesis import given, settings
from hypothesis import strategies as st
from test_rules_ask import WARN_WORDS as ASK_WARN_WORDS

from offerkit.exercises.course import PROFILE_ID, Course
from offerkit.exercises.salary_exercises import (
    SALARY,
    build_posted_range_exercise,
    build_salary_exercise,
)

RARE_HARD = {
    "description": "Built a payments ledger",
    "evidence": "2M users, no downtime",
    "kind": "hard",
    "rare": True,
}


def test_posted_range_shows_where_offers_land_and_places_an_ask(course: Course) -> None:
    widget = build_posted_range_exercise(course)
    assert "Posted: CNY 300,000–450,000 a year (20,000–30,000 × 15)" in shown(widget)
    widget.controls["ask"].value = "440000"
    assert "ok" != level(widget)
    assert any("top part kept for standouts" in line for line in shown(widget))
    assert "440000" == saved(course)["03.posted-range"]["ask"]


def test_posted_range_empty_and_bad(course: Course) -> None:
    widget = build_posted_range_exercise(course)
    widget.controls["posted_range"].value = ""
    assert "warn" == level(widget)
    assert shown(widget)[0].startswith("No posted range yet")
    widget.controls["posted_range"].value = "30-20k"
    assert "error" == level(widget)
    assert "minimum is not above its maximum" in shown(widget)[0]


def test_salary_worked_example_and_verdicts(course: Course) -> None:
    widget = build_salary_exercise(course)
    widget.controls["previous_pay"].value = "300000"
    widget.controls["posted_range"].value = ""
    assert "Your annual range: CNY 342,000–360,000 (target at the low end)" in shown(widget)
    widget.controls["ask"].value = "370000"
    assert "warn" == level(widget)
    assert any("above the +20 % guideline" in line for line in shown(widget))
    widget.controls["high_demand"].value = True
    assert "error" == level(widget)  # the exception needs a reason
    assert "“Why (market evidence)” must be a reason" in shown(widget)[0]
    widget.controls["high_demand_reason"].value = "three recruiters called this month"
    assert "Your annual range: CNY 371,000–390,000 (target at the low end)" in shown(widget)
    assert any("within the ceiling your exception allows" in line for line in shown(widget))
    widget.controls["ask"].value = "400000"
    assert any("is too far" in line for line in shown(widget))
    assert 400000.0 == widget.spec.evaluate(widget.values(), course).chart_data["ask"]


def test_exceptional_is_checked_against_the_strength_ledger(course: Course) -> None:
    assert not course.state.strengths.exceptional_supported
    widget = build_salary_exercise(course)
    widget.controls["previous_pay"].value = "300000"
    widget.controls["exceptional"].value = True
    assert "warn" == level(widget)
    assert any("does not show it yet" in line for line in shown(widget))
    assert any("342,000–360,000" in line for line in shown(widget))  # the guideline applies
    course.store.save("02.strengths", {"entries": [RARE_HARD]})
    assert course.state.strengths.exceptional_supported
    widget.controls["ask"].value = "385000"
    assert any("371,000–390,000" in line for line in shown(widget))


def test_not_disclosed_anchors_on_the_posted_middle(course: Course) -> None:
    widget = build_salary_exercise(course)
    widget.controls["previous_pay"].value = ""
    assert any(
        "anchored on the posted range's middle, CNY 375,000" in line for line in shown(widget)
    )
    widget.controls["posted_range"].value = ""
    assert "error" == level(widget)


def test_currency_mismatch_is_refused_not_converted(course: Course) -> None:
    widget = build_salary_exercise(course)
    widget.controls["previous_pay"].value = "USD 100k"
    assert "error" == level(widget)
    assert "never converts" in shown(widget)[0]


def test_the_learner_state_reads_the_saved_salary_answer(tmp_path: Path) -> None:
    course = open_course(tmp_path)
    course.store.save(
        "03.salary",
        {"previous_pay": "300000", "posted_range": "", "currency": "CNY", "ask": "350000"},
    )
    salary = course.state.salary
    assert salary.expected is not None and salary.ask is not None
    assert (342000.0, 360000.0) == (salary.expected.range_low, salary.expected.range_high)
    assert ("within-guideline", "your saved lesson 03 answer") == (
        salary.ask.verdict,
        salary.source,
    )


def test_headless_summary_uses_the_parameters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    course = open_course(
        tmp_path, headless=True, previous_pay="40k x 13", currency="USD", posted_range=""
    )
    assert build_salary_exercise(course) is None
    out = capsys.readouterr().out
    assert "- Previous annual pay: 40,000 × 13 = USD 520,000 a year" in out
    assert "- +20 % guideline cap: USD 624,000" in out


def test_lesson_03_uses_the_period_saved_with_the_profile(tmp_path: Path) -> None:
    course = open_course(tmp_path)
    course.store.save(
        PROFILE_ID,
        {"learner_name": "Ada", "currency": "CNY", "previous_pay": "25k"}
        | {"previous_pay_period": "month", "posted_range": "", "posted_range_period": ""},
    )
    widget = build_salary_exercise(course)
    assert "Previous annual pay: 25,000 × 12 = CNY 300,000 a year" in shown(widget)
    assert "month" == widget.controls["previous_pay_period"].value


def test_an_ambiguous_figure_in_lesson_03_is_asked_not_guessed(course: Course) -> None:
    widget = build_salary_exercise(course)
    widget.controls["previous_pay"].value = "25k"
    assert ("warn", "Previous pay: 25,000 a month or a year?") == (level(widget), shown(widget)[0])
    widget.controls["previous_pay_period"].value = "year"
    assert "Previous annual pay: CNY 25,000 a year" in shown(widget)
    posted = build_posted_range_exercise(course)
    posted.controls["posted_range"].value = "20-30K"
    assert "Posted range: 20,000–30,000 a month or a year?" == shown(posted)[0]
    posted.controls["posted_range_period"].value = "month"
    assert "Posted: CNY 240,000–360,000 a year (20,000–30,000 × 12)" == shown(posted)[0]


def test_a_too_far_ask_is_never_ok_and_never_an_easy_yes(course: Course) -> None:
    widget = build_salary_exercise(course)
    widget.controls["previous_pay"].value = "200000"
    widget.controls["posted_range"].value = "250k-450k"
    widget.controls["ask"].value = "300000"
    words = " ".join(shown(widget))
    assert ("warn", True, False) == (level(widget), "is too far" in words, "easy yes" in words)


def test_an_ask_below_your_target_is_pointed_out(course: Course) -> None:
    widget = build_salary_exercise(course)
    widget.controls["previous_pay"].value = "300000"
    widget.controls["posted_range"].value = ""
    widget.controls["ask"].value = "320000"
    assert "warn" == level(widget)
    assert any("below your own target of CNY 342,000" in line for line in shown(widget))


WARN_WORDS = (
    *ASK_WARN_WORDS,
    "push back",
    "come back lower",
    "below this posting's minimum",
    "does not show it yet",
)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=100_000, max_value=2_000_000),
    st.none() | st.tuples(st.floats(0.5, 1.8), st.floats(0, 1)),
    st.booleans(),
    st.floats(0.7, 1.6),
)
def test_the_exercise_level_always_matches_its_words(
    shared_course: Course,
    previous: int,
    posted: tuple[float, float] | None,
    high_demand: bool,
    factor: float,
) -> None:
    course = shared_course
    posted_text = ""
    if posted is not None:
        low = round(previous * posted[0])
        posted_text = f"{low}-{round(low * (1 + posted[1]))}/year"
    values = {
        "previous_pay": f"{previous}/year",
        "previous_pay_period": "",
        "posted_range": posted_text,
        "posted_range_period": "",
        "currency": "CNY",
        "exceptional": False,
        "high_demand": high_demand,
        "high_demand_reason": "three recruiters called" if high_demand else "",
        "ask": str(round(previous * factor)),
    }
    feedback = SALARY.evaluate(values, course)
    words = " ".join(feedback.lines)
    assert ("warn" if any(w in words for w in WARN_WORDS) else "ok") == feedback.level, words


@pytest.fixture(scope="module")
def shared_course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    """One course for the property test (hypothesis runs the test many times)."""
    return open_course(tmp_path_factory.mktemp("shared"))
