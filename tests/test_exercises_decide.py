"""Lesson 05 exercises driven through their widgets (no kernel): honesty and the reply.

The offer comparison has its own module, test_exercises_offers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from exercise_helpers import level, open_course, saved, shown
from test_exercises_offers import ACME, GLOBEX

from offerkit.exercises.course import Course
from offerkit.exercises.decide_exercises import (
    HONESTY,
    REPLY,
    build_honesty_exercise,
    build_reply_exercise,
)
from offerkit.exercises.offers_exercises import OFFERS
from offerkit.learner.state import TODAY_VARIABLE
from offerkit.rules.hr import REASON_BLANK

# ---------------------------------------------------------------- 05.honesty


def test_honesty_with_nothing_told_names_what_was_checked(course: Course) -> None:
    widget = build_honesty_exercise(course)

    assert "ok" == level(widget)
    assert [
        "Consistent: nothing you told HR contradicts your profile or the offers you hold.",
        "Checked: no previous pay told to HR was entered, so none was compared; no competing "
        "offer mentioned; you entered 0 offer(s) in the first exercise, so you hold 0 other "
        "offer(s) besides the one you answer.",
    ] == shown(widget)


def test_an_inflated_previous_pay_is_flagged_and_saved(course: Course) -> None:
    widget = build_honesty_exercise(course)
    widget.controls["told_previous"].value = "30k x 14"

    lines = shown(widget)
    assert "warn" == level(widget)
    assert lines[0].startswith(
        "Honesty: What you told HR says CNY 420,000 a year but your profile says "
        "CNY 350,000 (+20.0%)"
    )
    assert {"told_previous": "30k x 14", "claimed_offer": False} == saved(course)[HONESTY.id]


def test_a_competing_offer_is_fine_only_if_you_hold_one(course: Course) -> None:
    widget = build_honesty_exercise(course)
    widget.controls["told_previous"].value = "25k x 14"
    widget.controls["claimed_offer"].value = True

    assert shown(widget)[0].startswith("Honesty: a competing offer is mentioned but you hold none")
    course.store.save(OFFERS.id, {"entries": [ACME, GLOBEX]})
    widget.check_button.click()
    assert [
        "Consistent: nothing you told HR contradicts your profile or the offers you hold.",
        "Checked: previous pay told to HR (25,000 × 14 = CNY 350,000 a year) vs your profile "
        "(25,000 × 14 = CNY 350,000 a year); a competing offer you mentioned; you entered 2 "
        "offer(s) in the first exercise, so you hold 1 other offer(s) besides the one you answer.",
    ] == shown(widget)


def test_unreadable_pay_told_is_a_friendly_error(course: Course) -> None:
    widget = build_honesty_exercise(course)
    widget.controls["told_previous"].value = "a lot"

    assert "error" == level(widget)
    assert shown(widget)[0].startswith(
        "Please check your input: “Previous pay as you told HR (empty = not told)”"
    )
    assert {} == saved(course)


def test_offers_held_come_from_the_offers_entered_not_asked_again(course: Course) -> None:
    course.store.save(OFFERS.id, {"entries": [ACME, GLOBEX]})
    widget = build_honesty_exercise(course)

    assert "offers_held" not in widget.controls
    assert "so you hold 1 other offer(s)" in shown(widget)[-1]


def test_honesty_headless_prints_the_summary(tmp_path: Path, capsys: Any) -> None:
    build_honesty_exercise(open_course(tmp_path, headless=True))

    assert capsys.readouterr().out.startswith("== Honesty check ==\n- Consistent: ")


# ---------------------------------------------------------------- 05.reply


def test_accept_draft_is_friendly_and_saved(course: Course) -> None:
    widget = build_reply_exercise(course)
    widget.controls["company"].value = "Acme"

    lines = shown(widget)
    assert "ok" == level(widget)
    assert (
        "Thank you very much for the offer for the Backend engineer role at Acme. "
        "I'm writing to accept it. Please let me know the next steps and any documents you "
        "need from me."
    ) == lines[2]
    assert lines[-1].startswith("Tone: Friendly: no antagonistic phrasing found.")
    assert {
        "kind": "accept",
        "company": "Acme",
        "role": "Backend engineer",
        "amount": "",
        "reason": "",
    } == saved(course)[REPLY.id]


def test_counter_names_the_annual_figure_and_checks_it_against_the_range(
    course: Course,
) -> None:
    widget = build_reply_exercise(course)
    widget.controls["company"].value = "Acme"
    widget.controls["amount"].value = "440k"
    widget.controls["kind"].value = "counter"

    lines = shown(widget)
    assert "warn" == level(widget)  # the reason is still a blank to fill in
    assert any(
        f"annual figure. {REASON_BLANK} I'm asking for an annual package of CNY 440,000." in x
        for x in lines
    )
    assert (
        "Against your range from your profile (lesson 03 not saved yet): CNY 440,000 "
        "(+25.7 %) is above the +20 % guideline: only ask this if you are an exceptional "
        "candidate or the role is in high demand, and say why."
    ) == lines[-1]
    assert "counter" == saved(course)[REPLY.id]["kind"]


def test_a_counter_that_is_too_far_is_never_shown_as_ok(course: Course) -> None:
    widget = build_reply_exercise(course)
    widget.controls["company"].value = "Acme"
    widget.controls["kind"].value = "counter"
    widget.controls["reason"].value = "I led the payments migration in lesson 02's ledger."
    widget.controls["amount"].value = "400k"
    assert "ok" == level(widget)  # within the guideline of the default profile (350,000)
    widget.controls["amount"].value = "500k"
    assert ("warn", True) == (level(widget), "is too far" in shown(widget)[-1])


def test_counter_without_a_figure_is_a_friendly_error(course: Course) -> None:
    widget = build_reply_exercise(course)
    widget.controls["company"].value = "Acme"
    widget.controls["kind"].value = "counter"

    assert "error" == level(widget)
    assert [
        "Please check your input: “Annual figure (counter; optional to accept)” must be the "
        "annual figure you ask for (it is empty); a counter needs a number, e.g. 400000"
    ] == shown(widget)
    assert "accept" == saved(course)[REPLY.id]["kind"]  # the last valid answer stays


def test_decline_keeps_the_door_open(course: Course) -> None:
    widget = build_reply_exercise(course)
    widget.controls["company"].value = "Acme"
    widget.controls["kind"].value = "decline"

    assert any("I'd be glad to stay in touch" in line for line in shown(widget))


def test_reply_without_company_is_an_error_in_the_widget(course: Course) -> None:
    widget = build_reply_exercise(course)
    widget.check_button.click()

    assert "error" == level(widget)
    assert shown(widget)[0].startswith("Please check your input: “Company” must be some text")
    assert {} == saved(course)


def test_reply_takes_the_company_from_lesson_04_and_is_restored(tmp_path: Path) -> None:
    course = open_course(tmp_path)
    course.store.save("04.opening", {"kind": "state-range", "company": "Globex", "role": "QA"})
    assert "Globex" == build_reply_exercise(course).controls["company"].value

    build_reply_exercise(course).controls["kind"].value = "decline"
    again = build_reply_exercise(open_course(tmp_path))
    assert ("decline", "Globex") == (again.controls["kind"].value, again.controls["company"].value)


def test_reply_headless_shows_a_labelled_example(tmp_path: Path, capsys: Any) -> None:
    build_reply_exercise(open_course(tmp_path, headless=True))

    out = capsys.readouterr().out
    assert "- Worked example for 'Example Ltd': nothing saved yet." in out
    assert "role at Example Ltd. I'm writing to accept it." in out


def test_a_counter_uses_the_learners_reason_and_nothing_made_up(course: Course) -> None:
    widget = build_reply_exercise(course)
    widget.controls["company"].value = "Acme"
    widget.controls["amount"].value = "415k"
    widget.controls["reason"].value = "I led the move of our payment service to Kubernetes"
    widget.controls["kind"].value = "counter"

    draft = saved(course)  # the draft shown is the one summarised
    lines = shown(widget)
    assert "ok" == level(widget)
    assert any(
        "annual figure. I led the move of our payment service to Kubernetes. I'm asking for "
        "an annual package of CNY 415,000." in line
        for line in lines
    )
    assert not any(REASON_BLANK in line for line in lines)
    assert not any(word in " ".join(lines) for word in ("excited", "easy yes", "family"))
    assert "I led the move of our payment service to Kubernetes" == draft[REPLY.id]["reason"]


def test_a_counter_without_reason_points_to_the_strengths_of_lesson_02(course: Course) -> None:
    course.store.save(
        "02.strengths",
        {
            "entries": [
                {
                    "description": "Payment systems",
                    "evidence": "ran the 2025 migration",
                    "kind": "hard",
                    "rare": False,
                }
            ]
        },
    )
    widget = build_reply_exercise(course)
    widget.controls["company"].value = "Acme"
    widget.controls["amount"].value = "415k"
    widget.controls["kind"].value = "counter"

    assert (
        f"Fill in {REASON_BLANK} before you send it (the 'Your reason' box): the value you "
        "bring, in your own words. From lesson 02 you noted: Payment systems — ran the 2025 "
        "migration."
    ) in shown(widget)


def test_a_counter_names_the_decision_date_of_lesson_04(
    course: Course, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TODAY_VARIABLE, "2026-03-02")
    course.store.save("04.deadline", {"offer_date": "2026-03-02", "days": "4"})
    widget = build_reply_exercise(course)
    widget.controls["company"].value = "Acme"
    widget.controls["amount"].value = "415k"
    widget.controls["reason"].value = "I bring five years of payments work"
    widget.controls["kind"].value = "counter"

    lines = shown(widget)
    assert (
        "Your decision date, from lesson 04: Friday 6 March 2026 (the draft says so)." == (lines[0])
    )
    assert any("I'll give you my answer by Friday 6 March 2026." in line for line in lines)
    dates = re.findall(r"\b\w+day \d{1,2} \w+ \d{4}", " ".join(lines))
    assert {"Friday 6 March 2026"} == set(dates)


def test_a_past_decision_date_is_pointed_out_in_the_reply(
    course: Course, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TODAY_VARIABLE, "2026-04-01")
    course.store.save("04.deadline", {"offer_date": "2026-03-02", "days": "4"})
    widget = build_reply_exercise(course)
    widget.controls["company"].value = "Acme"

    assert "warn" == level(widget)
    assert shown(widget)[1].startswith("Friday 6 March 2026 has already passed")
