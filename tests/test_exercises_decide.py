"""Lesson 05 exercises driven through their widgets (no kernel): honesty and the reply.

The offer comparison has its own module, test_exercises_offers."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import ipywidgets as widgets
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
from offerkit.exercises.widgets import ExerciseWidget
from offerkit.learner.state import TODAY_VARIABLE

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

COUNTER = (
    "Thank you for the offer, I'd love to join. I led the move of our payment service to "
    "Kubernetes, so I'd like to ask for {figure} a year. Could we talk it through?"
)
ACCEPT = "Thank you, I'm happy to accept the offer. What are the next steps?"


def _counter(widget: ExerciseWidget, amount: str, figure: str = "") -> None:
    widget.controls["company"].value = "Acme"
    widget.controls["kind"].value = "counter"
    widget.controls["amount"].value = amount
    widget.controls["message"].value = COUNTER.format(figure=figure or amount)


def test_the_reply_starts_empty_and_asks_for_the_learners_own_words(course: Course) -> None:
    widget = build_reply_exercise(course)
    assert "" == widget.controls["message"].value
    assert isinstance(widget.controls["message"], widgets.Textarea)
    widget.check_button.click()

    assert [
        "Please check your input: “Your reply, in your own words” must be your reply, in your "
        "own words (it is empty); write what you send HR; the kit's example is the last hint, "
        "once you have tried"
    ] == shown(widget)
    assert {} == saved(course)


def test_an_acceptance_in_own_words_is_checked_and_saved(course: Course) -> None:
    widget = build_reply_exercise(course)
    widget.controls["company"].value = "Acme"
    widget.controls["message"].value = ACCEPT

    lines = shown(widget)
    assert "ok" == level(widget)
    assert lines[0].startswith("Tone: Friendly: no antagonistic phrasing found.")
    assert {
        "kind": "accept",
        "company": "Acme",
        "role": "Backend engineer",
        "amount": "",
        "message": ACCEPT,
    } == saved(course)[REPLY.id]
    assert ("accept", ACCEPT, "") == (
        course.state.reply_kind,
        course.state.reply_message,
        course.state.counter_message,
    )


def test_a_counter_in_own_words_is_checked_against_the_range(course: Course) -> None:
    widget = build_reply_exercise(course)
    _counter(widget, "440k", "440,000")

    lines = shown(widget)
    assert "warn" == level(widget)
    assert (
        "Against your range from your profile (lesson 03 not saved yet): CNY 440,000 "
        "(+25.7 %) is above the +20 % guideline: only ask this if you are an exceptional "
        "candidate or the role is in high demand, and say why."
    ) == lines[-1]
    assert COUNTER.format(figure="440,000") == course.state.counter_message


def test_a_counter_that_is_too_far_is_never_shown_as_ok(course: Course) -> None:
    widget = build_reply_exercise(course)
    _counter(widget, "400k", "400,000")
    assert "ok" == level(widget)  # within the guideline of the default profile (350,000)
    _counter(widget, "500k", "500,000")
    assert ("warn", True) == (level(widget), "is too far" in shown(widget)[-1])


def test_a_monthly_figure_in_the_counter_is_flagged(course: Course) -> None:
    widget = build_reply_exercise(course)
    _counter(widget, "400k", "33k a month")

    assert "warn" == level(widget)
    assert (
        "Figures: “33k a month” is a monthly figure (CNY 396,000 a year). The lesson: when you "
        "don't know how the company pays (how many months, the bonus), give an annual range — "
        "yours is CNY 400,000–420,000 a year."
    ) in shown(widget)


def test_a_counter_naming_another_figure_or_below_the_walk_away_is_flagged(
    course: Course,
) -> None:
    course.store.save("05.walk-away", {"walk_away": "390000", "why": "my current job"})
    widget = build_reply_exercise(course)
    _counter(widget, "380000", "400,000")

    lines = shown(widget)
    assert "warn" == level(widget)
    assert (
        "Figures: Your message asks for CNY 400,000 a year, but the figure you counter with is "
        "CNY 380,000: name one figure, the same everywhere."
    ) in lines
    assert (
        "Figures: you counter with CNY 380,000, below your walk-away point of CNY 390,000 "
        "(this lesson): ask at least that, or decline politely."
    ) in lines


def test_an_antagonistic_reply_is_flagged_in_the_learners_terms(course: Course) -> None:
    widget = build_reply_exercise(course)
    widget.controls["company"].value = "Acme"
    widget.controls["message"].value = "Your posting said 30k. Take it or leave it!!"

    lines = shown(widget)
    assert "warn" == level(widget)
    assert lines[0].startswith("Tone: 3 phrases may put HR on the defensive")
    assert any(
        line.startswith("“Take it or leave it” (ultimatum) — try instead:") for line in lines
    )
    assert not any(re.search(r"\b(posted-range|walk_away|other-figure)\b", x) for x in lines)


def test_a_counter_without_a_figure_is_a_friendly_error(course: Course) -> None:
    widget = build_reply_exercise(course)
    widget.controls["company"].value = "Acme"
    widget.controls["message"].value = ACCEPT
    widget.controls["kind"].value = "counter"

    assert "error" == level(widget)
    assert [
        "Please check your input: “Annual figure (counter; optional to accept)” must be the "
        "annual figure you ask for (it is empty); a counter needs a number, e.g. 400000"
    ] == shown(widget)
    assert "accept" == saved(course)[REPLY.id]["kind"]  # the last valid answer stays


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
    _counter(widget, "415k")
    widget.controls["message"].value = "Thank you! Could we agree on 415,000 a year?"

    assert "warn" == level(widget)
    assert (
        "Reason: your counter says nothing about the value you bring; the lesson's counter "
        "gives a reason, in your own words. From lesson 02 you noted: Payment systems — ran "
        "the 2025 migration."
    ) in shown(widget)


def test_the_kits_reply_is_the_answer_rung_only_after_a_first_attempt(course: Course) -> None:
    widget = build_reply_exercise(course)
    widget.controls["company"].value = "Acme"
    widget.controls["kind"].value = "decline"
    for _ in range(3):
        widget.hint_button.click()
    assert "I'd be glad to stay in touch" not in html.unescape(widget.hint_html.value)
    assert (True, "Answer after your first try") == (
        widget.hint_button.disabled,
        widget.hint_button.description,
    )

    widget.controls["message"].value = "Thank you, but I have decided not to accept."
    assert widget.hint_button.disabled is False
    widget.hint_button.click()
    ladder = html.unescape(widget.hint_html.value)
    assert "<b>Answer:</b> The kit's example for you (put it in your own words): Hi, Thank" in (
        ladder
    )
    assert "role at Acme. I've decided not to accept it this time." in ladder
    assert "Thank you, but I have decided not to accept." == saved(course)[REPLY.id]["message"]


def test_reply_takes_the_company_from_lesson_04_and_is_restored(tmp_path: Path) -> None:
    course = open_course(tmp_path)
    course.store.save("04.opening", {"kind": "state-range", "company": "Globex", "role": "QA"})
    assert "Globex" == build_reply_exercise(course).controls["company"].value

    first = build_reply_exercise(course)
    first.controls["kind"].value = "decline"
    first.controls["message"].value = "Thank you, I will not accept this time."
    again = build_reply_exercise(open_course(tmp_path))
    assert ("decline", "Globex", "Thank you, I will not accept this time.") == (
        again.controls["kind"].value,
        again.controls["company"].value,
        again.controls["message"].value,
    )


def test_reply_headless_without_a_message_says_it_is_not_written(
    tmp_path: Path, capsys: Any
) -> None:
    build_reply_exercise(open_course(tmp_path, headless=True))

    out = capsys.readouterr().out
    assert (
        "- Your acceptance: not written yet. Open the lesson in JupyterLab and write it in "
        "your own words; the kit's example is the last hint, shown after your first attempt."
    ) in out
    assert "I'm writing to accept it" not in out  # the kit's words are never pre-filled


def test_a_counter_names_the_decision_date_of_lesson_04(
    course: Course, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TODAY_VARIABLE, "2026-03-02")
    course.store.save("04.deadline", {"offer_date": "2026-03-02", "days": "4"})
    widget = build_reply_exercise(course)
    _counter(widget, "415k", "415,000")
    assert "Your decision date, from lesson 04: Friday 6 March 2026." == shown(widget)[0]

    widget.controls["message"].value += " I'll answer by 9 March 2026."
    assert (
        "Date: your draft names Monday 9 March 2026, but your decision date (Exercise 4) is "
        "Friday 6 March 2026: name one date, the one you agree with HR."
    ) in shown(widget)


def test_a_past_decision_date_is_pointed_out_in_the_reply(
    course: Course, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TODAY_VARIABLE, "2026-04-01")
    course.store.save("04.deadline", {"offer_date": "2026-03-02", "days": "4"})
    widget = build_reply_exercise(course)
    widget.controls["message"].value = ACCEPT

    assert "warn" == level(widget)
    assert shown(widget)[1].startswith("Friday 6 March 2026 has already passed")
