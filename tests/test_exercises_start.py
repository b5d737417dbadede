"""Lesson 00: the pay-format widget and the profile."""

from __future__ import annotations

from pathlib import Path

from exercise_helpers import level, open_course, saved, shown

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


def test_an_ambiguous_previous_pay_is_asked_with_both_readings(tmp_path: Path) -> None:
    course = open_course(tmp_path)
    widget = build_profile_exercise(course)
    widget.controls["previous_pay"].value = "25k"
    lines = shown(widget)
    assert "warn" == level(widget)
    assert [
        "Previous pay: 25,000 a month or a year?",
        "As a month's pay: 25,000 × 12 = CNY 300,000 a year.",
        "As a year's pay: CNY 25,000 a year.",
        "Choose 'a month' or 'a year' under 'Previous pay is for', or write 25k/month or 25k/year.",
    ] == lines[1:5]
    assert not any(line.startswith("Previous pay: CNY") for line in lines)  # nothing assumed
    widget.controls["previous_pay_period"].value = "month"
    assert ("ok", "Previous pay: 25,000 × 12 = CNY 300,000 a year.") == (
        level(widget),
        shown(widget)[1],
    )
    stored = saved(course)[PROFILE_ID]
    assert ("25k", "month", "") == (
        stored["previous_pay"],
        stored["previous_pay_period"],
        stored["posted_range_period"],
    )


def test_an_ambiguous_posted_range_is_asked_and_settled(tmp_path: Path) -> None:
    widget = build_profile_exercise(open_course(tmp_path))
    widget.controls["posted_range"].value = "20-30K"
    assert "Posted range: 20,000–30,000 a month or a year?" in shown(widget)
    widget.controls["posted_range_period"].value = "year"
    assert "Posted range: CNY 20,000–30,000 a year." in shown(widget)


def test_the_period_choice_shows_labels_not_values(tmp_path: Path) -> None:
    widget = build_profile_exercise(open_course(tmp_path))
    labels = [label for label, _value in widget.controls["previous_pay_period"].options]
    assert ["as written (the text says)", "a month", "a year"] == labels


def test_pay_formats_ask_about_a_bare_figure(tmp_path: Path) -> None:
    widget = build_pay_formats_exercise(open_course(tmp_path))
    widget.controls["pay"].value = "25k"
    assert ("warn", "Pay: 25,000 a month or a year?") == (level(widget), shown(widget)[0])
    widget.controls["period"].value = "year"
    assert ["Annual cash: CNY 25,000 a year."] == shown(widget)
    widget.controls["currency"].value = "EUR"
    widget.controls["period"].value = ""
    widget.controls["pay"].value = "65.000"
    assert ["Annual cash: EUR 65,000 a year."] == shown(widget)
    widget.controls["pay"].value = "65,000"
    assert ("error", True) == (level(widget), "could be 65000 or 65" in shown(widget)[0])
