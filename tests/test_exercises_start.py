"""Lesson 00: the pay-format widget and the profile."""

from __future__ import annotations

from pathlib import Path

from exercise_helpers import open_course

from offerkit.exercises.course import PROFILE_ID
from offerkit.exercises.start_exercises import build_pay_formats_exercise, build_profile_exercise


def test_pay_formats_turn_into_annual_cash(tmp_path: Path) -> None:
    widget = build_pay_formats_exercise(open_course(tmp_path))
    widget.controls["pay"].value = "25k x 13 + 30k bonus"
    assert "25,000 × 13 + 30,000 bonus = CNY 355,000 a year" in widget.feedback.value
    widget.controls["pay"].value = "20-30K·15薪"
    assert "CNY 300,000–450,000 a year (20,000–30,000 × 15)" in widget.feedback.value
    widget.controls["pay"].value = "-5"
    assert "offerkit-error" in widget.feedback.value


def test_profile_is_saved_and_feeds_later_lessons(tmp_path: Path) -> None:
    course = open_course(tmp_path)
    widget = build_profile_exercise(course)
    widget.controls["previous_pay"].value = "40k x 13"
    widget.controls["currency"].value = "USD"
    assert "40,000 × 13 = USD 520,000 a year" in widget.feedback.value
    assert "USD" == course.store.get(PROFILE_ID)["currency"]
    assert "40k x 13" == open_course(tmp_path).profile["previous_pay"]


def test_profile_warnings_and_errors(tmp_path: Path) -> None:
    widget = build_profile_exercise(open_course(tmp_path))
    widget.controls["previous_pay"].value = ""
    widget.controls["posted_range"].value = ""
    assert "lesson 03 needs one of them" in widget.feedback.value
    widget.controls["high_demand_role"].value = True
    assert "add the evidence you would give" in widget.feedback.value
    widget.controls["learner_name"].value = " "
    assert "offerkit-error" in widget.feedback.value
