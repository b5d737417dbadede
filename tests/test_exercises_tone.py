"""Lesson 04's tone exercise driven through its widget (no kernel): tone and honesty of a draft."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from exercise_helpers import level, open_course, saved, shown
from test_exercises_offers import ACME, GLOBEX

from offerkit.exercises.course import Course
from offerkit.exercises.offers_exercises import OFFERS
from offerkit.exercises.tone_exercises import (
    TONE,
    build_tone_exercise,
)
from offerkit.learner.state import TODAY_VARIABLE


def test_tone_flags_the_posted_range_and_an_ultimatum(course: Course) -> None:
    widget = build_tone_exercise(course)
    widget.controls["draft"].value = "Your posting said 30k, take it or leave it"

    lines = shown(widget)
    assert "warn" == level(widget)
    assert lines[0].startswith(
        "Tone: 2 phrases may put HR on the defensive (quoting the posted range, ultimatum)"
    )
    assert lines[1].startswith(
        "“Your posting said” (quoting the posted range) — try instead: Posted ranges"
    )
    assert lines[2].startswith("“take it or leave it” (ultimatum) — try instead: Leave room")
    assert {
        "draft": "Your posting said 30k, take it or leave it",
        "offers_held": "0",
    } == saved(course)[TONE.id]


def test_a_friendly_draft_says_what_was_checked(course: Course) -> None:
    widget = build_tone_exercise(course)
    widget.controls["draft"].value = "Thank you! Could you tell me how the bonus works?"

    assert "ok" == level(widget)
    assert [
        "Tone: Friendly: no antagonistic phrasing found. Checked for ultimatums, accusations, "
        "quoting the posted range, threats, sarcasm, shouting (ALL CAPS, '!!').",
        "Honesty: consistent. Checked any previous pay you mention against your profile "
        "(25,000 × 14 = CNY 350,000 a year) and any competing offer you mention against the "
        "0 you hold.",
    ] == shown(widget)


def test_tone_catches_an_inflated_salary_and_an_invented_offer(course: Course) -> None:
    widget = build_tone_exercise(course)
    widget.controls["draft"].value = "My current salary is 30k x 14 and I have another offer."

    honesty = [line for line in shown(widget) if line.startswith("Honesty:")]
    assert 2 == len(honesty)
    assert honesty[0].startswith("Honesty: a competing offer is mentioned but you hold none")
    assert "CNY 420,000 a year but your profile says CNY 350,000 (+20.0%)" in honesty[1]
    assert "warn" == level(widget)

    widget.controls["offers_held"].value = "1"
    honesty = [line for line in shown(widget) if line.startswith("Honesty:")]
    assert 1 == len(honesty)
    assert "CNY 420,000 a year but your profile says" in honesty[0]


def test_an_empty_draft_is_a_friendly_error_and_is_not_saved(course: Course) -> None:
    widget = build_tone_exercise(course)
    widget.check_button.click()

    assert "error" == level(widget)
    assert shown(widget)[0].startswith("Please check your input: “Your draft message” must be")
    assert {} == saved(course)


def test_tone_headless_shows_a_labelled_example(tmp_path: Path, capsys: Any) -> None:
    build_tone_exercise(open_course(tmp_path, headless=True))

    out = capsys.readouterr().out
    assert "- Worked example (the draft 'Hi, thanks for the call." in out
    assert (
        "- Tone: 3 phrases may put HR on the defensive (quoting the posted range, ultimatum, "
        "shouting)" in out
    )


def test_a_date_other_than_the_decision_date_is_pointed_out(
    course: Course, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TODAY_VARIABLE, "2026-03-02")
    course.store.save("04.deadline", {"offer_date": "2026-03-02", "days": "4"})
    widget = build_tone_exercise(course)
    widget.controls["draft"].value = "Thank you! Could I give you my answer by 9 March 2026?"

    assert "warn" == level(widget)
    assert (
        "Date: your draft names Monday 9 March 2026, but your decision date (Exercise 4) is "
        "Friday 6 March 2026: name one date, the one you agree with HR."
    ) == shown(widget)[-1]

    widget.controls["draft"].value = "Thank you! Could I give you my answer by 2026-03-06?"
    assert "ok" == level(widget)
    assert not any(line.startswith("Date:") for line in shown(widget))


def test_without_a_decision_date_no_date_is_judged(course: Course) -> None:
    widget = build_tone_exercise(course)
    widget.controls["draft"].value = "Thank you! Could I give you my answer by 9 March 2026?"

    assert "ok" == level(widget)


def test_offers_held_start_from_the_offers_entered_in_lesson_05(course: Course) -> None:
    course.store.save(OFFERS.id, {"entries": [ACME, GLOBEX]})
    widget = build_tone_exercise(course)
    widget.controls["draft"].value = "Thank you. I have another offer, could we talk?"

    assert "1" == widget.controls["offers_held"].value
    assert not any(line.startswith("Honesty: a competing offer") for line in shown(widget))
