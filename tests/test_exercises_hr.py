"""Lesson 04 exercises driven through their widgets (no kernel): doubts and the opening.

The tone and deadline exercises have their own modules (test_exercises_tone / _deadline)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest
from exercise_helpers import level, open_course, saved, shown

from offerkit.exercises.course import Course
from offerkit.exercises.deadline_exercises import DEADLINE
from offerkit.exercises.hr_exercises import (
    DOUBTS,
    OPENING,
    build_doubts_exercise,
    build_opening_exercise,
)
from offerkit.learner.state import TODAY_VARIABLE

LESSON_ITEMS = ["months-per-year", "pre-post-tax", "year-end-bonus", "allowances", "decision-time"]


# ---------------------------------------------------------------- 04.doubts


def test_doubts_start_with_the_lesson_items_and_their_reasons(course: Course) -> None:
    widget = build_doubts_exercise(course)

    lines = shown(widget)
    assert "Your list: 5 question(s) to confirm before talking numbers." == lines[0]
    assert (
        "Months of pay (lesson): How many months of base pay are paid each year, and is a "
        "13th (or 14th) month written into the contract? Why: A monthly figure means little "
        "until you know what it is multiplied by; a contractual extra month is guaranteed, a "
        "promised one may not be."
    ) == lines[1]
    assert 6 == len(lines)
    assert "ok" == level(widget)
    assert {} == saved(course)  # showing the defaults saves nothing


def test_doubts_mix_lesson_beyond_and_own_questions_and_save(course: Course) -> None:
    widget = build_doubts_exercise(course)
    widget.controls["items"].value = ("probation", "decision-time")
    widget.controls["own"].value = "- Is this a new team?\n\n* Who would I report to?"
    widget.check_button.click()

    lines = shown(widget)
    assert "Your list: 4 question(s) to confirm before talking numbers." == lines[0]
    assert lines[1].startswith("Time to decide (lesson): By when would you like my answer?")
    assert lines[2].startswith("Probation (beyond the lesson): How long is the probation")
    assert ["Your own: Is this a new team?", "Your own: Who would I report to?"] == lines[3:]
    assert {
        "items": ["probation", "decision-time"],
        "own": "- Is this a new team?\n\n* Who would I report to?",
    } == saved(course)[DOUBTS.id]
    assert (
        "By when would you like my answer?",
        "How long is the probation period and is pay during probation the full salary?",
        "Is this a new team?",
        "Who would I report to?",
    ) == course.state.doubts


def test_doubts_without_time_to_decide_suggest_adding_it(course: Course) -> None:
    widget = build_doubts_exercise(course)
    widget.controls["items"].value = ("months-per-year",)

    assert "warn" == level(widget)
    assert shown(widget)[-1].startswith("Consider adding 'Time to decide'")
    assert ["months-per-year"] == saved(course)[DOUBTS.id]["items"]


def test_an_empty_doubts_list_is_a_friendly_error_and_is_not_saved(course: Course) -> None:
    widget = build_doubts_exercise(course)
    widget.controls["items"].value = ()

    assert "error" == level(widget)
    assert [
        "Please check your input: “Questions to confirm” must be at least one question to "
        "confirm (it is empty); pick items from the list or write your own, one per line"
    ] == shown(widget)
    assert "Not saved until the input is fixed." in widget.status.value
    assert {} == saved(course)
    assert () == course.state.doubts


def test_doubts_are_restored_when_the_widget_is_created_again(tmp_path: Path) -> None:
    first = build_doubts_exercise(open_course(tmp_path))
    first.controls["items"].value = ("overtime",)
    first.controls["own"].value = "Is there on-call work?"

    again = build_doubts_exercise(open_course(tmp_path))
    assert ("overtime",) == again.controls["items"].value
    assert "Is there on-call work?" == again.controls["own"].value


def test_doubts_headless_print_the_summary(tmp_path: Path, capsys: Any) -> None:
    assert build_doubts_exercise(open_course(tmp_path, headless=True)) is None

    out = capsys.readouterr().out
    assert out.startswith("== Confirm your doubts ==\n- Your list: 5 question(s)")
    assert "- Time to decide (lesson): By when would you like my answer?" in out


# ---------------------------------------------------------------- 04.opening

OWN_LINE = (
    "Thanks for asking! I'm looking for 400,000 to 420,000 a year, and I'm happy to talk "
    "through the whole package."
)


def test_the_opening_line_starts_empty_and_nothing_is_drafted(course: Course) -> None:
    widget = build_opening_exercise(course)

    assert "" == widget.controls["line"].value
    assert isinstance(widget.controls["line"], widgets.Textarea)
    assert "Backend engineer" == widget.controls["role"].value
    assert "offerkit-prompt" in widget.feedback.value  # nobody has written yet: no error
    widget.check_button.click()
    assert [
        "Please check your input: “Your opening line, in your own words” must be your opening "
        "line, in your own words (it is empty); write what you say when HR asks what you "
        "expect; the kit's example is the last hint, once you have tried"
    ] == shown(widget)
    assert "in the range of" not in widget.feedback.value + widget.hint_html.value
    assert {} == saved(course)


def test_the_learners_own_line_is_judged_and_saved(course: Course) -> None:
    widget = build_opening_exercise(course)
    widget.controls["company"].value = "Acme"
    widget.controls["line"].value = OWN_LINE

    lines = shown(widget)
    assert "ok" == level(widget)
    assert (
        "Your annual range, from your profile (lesson 03 not saved yet): "
        "CNY 400,000–420,000, target at the low end."
    ) == lines[0]
    assert lines[1].startswith("Tone: Friendly: no antagonistic phrasing found.")
    assert (
        "Figures: you name CNY 400,000–420,000 a year — annual, and within your range from "
        "lesson 03, as the lesson advises when you don't know how the company pays."
    ) == lines[-1]
    expected = {"kind": "state-range", "company": "Acme", "role": "Backend engineer"}
    assert {**expected, "line": OWN_LINE} == saved(course)[OPENING.id]
    assert OWN_LINE == course.state.opening


@pytest.mark.parametrize(
    ("line", "flag"),
    [
        (
            "I'd like 30k a month.",
            "Figures: “30k a month” is a monthly figure (CNY 360,000 a year). The lesson: when "
            "you don't know how the company pays (how many months, the bonus), give an annual "
            "range — yours is CNY 400,000–420,000 a year.",
        ),
        (
            "I was hoping for 30k.",
            "Figures: “30k” could be a month's pay (CNY 360,000 a year) or a year's (CNY "
            "30,000): HR may read it either way. The lesson says to give an annual figure when "
            "you don't know how the company pays: write “a year”, e.g. “CNY 400,000–420,000 a "
            "year”.",
        ),
        (
            "I'm looking for 450,000 to 480,000 a year.",
            "Figures: “450,000 to 480,000 a year” goes up to CNY 480,000, above your range from "
            "lesson 03 (CNY 400,000–420,000), and above the cap of CNY 420,000: the lesson "
            "keeps the increase within +20 % unless you are exceptionally strong or the role is "
            "in high demand — and even then not too far.",
        ),
        (
            "Something like 360k-380k a year would be fine.",
            "Figures: “360k-380k a year” starts at CNY 360,000, below your range from lesson 03 "
            "(CNY 400,000–420,000). Your target is its low end: start there, because HR will "
            "rarely offer more than the bottom of what you name.",
        ),
        (
            "Thank you, I'm flexible.",
            "Figures: Your line names no annual range. The lesson's first opening states your "
            "expectation as an annual range — yours, from lesson 03, is CNY 400,000–420,000 a "
            "year — or choose to ask what they can offer.",
        ),
    ],
    ids=["monthly", "unclear", "above-range", "below-range", "no-range"],
)
def test_a_line_whose_figures_disagree_with_the_range_is_flagged(
    course: Course, line: str, flag: str
) -> None:
    widget = build_opening_exercise(course)
    widget.controls["line"].value = line

    assert "warn" == level(widget)
    assert flag in shown(widget)
    assert line == saved(course)[OPENING.id]["line"]  # a warning still saves the learner's words


def test_a_line_below_the_walk_away_point_is_flagged(course: Course) -> None:
    course.store.save("05.walk-away", {"walk_away": "405000", "why": "my current job"})
    widget = build_opening_exercise(course)
    widget.controls["line"].value = OWN_LINE

    assert "warn" == level(widget)
    assert (
        "Figures: “400,000 to 420,000 a year” starts at CNY 400,000 a year, below your "
        "walk-away point of CNY 405,000 (lesson 05): you would be naming a figure you said you "
        "would turn down. Start at your target, CNY 400,000."
    ) in shown(widget)


def test_an_antagonistic_line_is_flagged_in_words_the_learner_saw(course: Course) -> None:
    widget = build_opening_exercise(course)
    widget.controls[
        "line"
    ].value = (
        "Your posting said 30k a month, so pay me 420,000 a year or I walk. Take it or leave it!!"
    )

    lines = shown(widget)
    assert "warn" == level(widget)
    assert lines[1].startswith(
        "Tone: 4 phrases may put HR on the defensive (quoting the posted range, ultimatum, "
    )
    assert any(line.startswith("Figures: “30k a month” is a monthly figure") for line in lines)
    ids = r"\b(posted-range|state-range|ask-offer|below-range|unclear-period|walk_away)\b"
    assert [] == [line for line in lines if re.search(ids, line)]


def test_asking_what_they_can_offer_needs_no_figure(course: Course) -> None:
    widget = build_opening_exercise(course)
    widget.controls["kind"].value = "ask-offer"
    widget.controls["line"].value = "Thanks for asking. Could you tell me what range you have?"

    assert "ok" == level(widget)
    assert (
        "Figures: you name none and ask HR first — the lesson's second opening. Keep "
        "CNY 400,000–420,000 a year ready for when they ask you back."
    ) == shown(widget)[-1]


def test_the_kits_example_is_the_answer_rung_only_after_a_first_attempt(course: Course) -> None:
    widget = build_opening_exercise(course)
    widget.controls["company"].value = "Acme"
    for _ in range(3):
        widget.hint_button.click()
    ladder = html.unescape(widget.hint_html.value)
    assert 2 == ladder.count("💡")  # the hint and the worked example, not the answer
    assert "in the range of" not in ladder
    assert "🔒 <b>Answer:</b> write your own first" in ladder
    assert (True, "Answer after your first try") == (
        widget.hint_button.disabled,
        widget.hint_button.description,
    )

    widget.controls["line"].value = "I'd like 30k a month."  # a first attempt, even a poor one
    assert (False, "Next hint (1 left)") == (
        widget.hint_button.disabled,
        widget.hint_button.description,
    )
    widget.hint_button.click()
    ladder = html.unescape(widget.hint_html.value)
    assert (
        "💡 <b>Answer:</b> The kit's example for you (put it in your own words): Hi, and thank "
        "you for talking with me about the Backend engineer role at Acme. I'd be comfortable "
        "with an annual package in the range of CNY 400,000–420,000"
    ) in ladder
    assert "I'd like 30k a month." == widget.controls["line"].value  # never overwritten
    assert "in the range of" not in saved(course)[OPENING.id]["line"]


def test_a_saved_line_counts_as_a_first_attempt(tmp_path: Path) -> None:
    build_opening_exercise(open_course(tmp_path)).controls["line"].value = OWN_LINE

    again = build_opening_exercise(open_course(tmp_path))
    assert OWN_LINE == again.controls["line"].value
    for _ in range(3):
        again.hint_button.click()
    assert "The kit's example for you" in html.unescape(again.hint_html.value)


def test_opening_uses_the_saved_lesson_03_answer(course: Course) -> None:
    course.store.save("03.salary", {"previous_pay": "300000", "currency": "CNY"})
    widget = build_opening_exercise(course)
    widget.controls["line"].value = OWN_LINE

    lines = shown(widget)
    assert (
        "Your annual range, from your saved lesson 03 answer: CNY 342,000–360,000, "
        "target at the low end."
    ) == lines[0]
    assert any(line.startswith("Figures: “400,000 to 420,000 a year” goes up to") for line in lines)


def test_opening_without_pay_or_posted_range_says_what_is_missing(tmp_path: Path) -> None:
    course = open_course(tmp_path, previous_pay="", posted_range="")
    widget = build_opening_exercise(course)
    widget.controls["line"].value = OWN_LINE

    assert "error" == level(widget)
    assert shown(widget)[0].startswith(
        "Please check your input: “previous pay” must be a pay figure, or a posted range"
    )
    assert {} == saved(course)


def test_opening_headless_says_the_line_is_not_written_and_drafts_nothing(
    tmp_path: Path, capsys: Any
) -> None:
    first = build_opening_exercise(open_course(tmp_path))
    first.controls["company"].value = "Globex"
    build_opening_exercise(open_course(tmp_path, headless=True))

    out = capsys.readouterr().out
    assert "== Open the pay conversation ==" in out
    assert (
        "- Your opening line: not written yet. Open the lesson in JupyterLab and write it in "
        "your own words; the kit's example is the last hint, shown after your first attempt."
    ) in out
    assert "Globex" not in out and "in the range of" not in out


def test_opening_headless_judges_a_saved_line(tmp_path: Path, capsys: Any) -> None:
    build_opening_exercise(open_course(tmp_path)).controls["line"].value = OWN_LINE
    build_opening_exercise(open_course(tmp_path, headless=True))

    out = capsys.readouterr().out
    assert "- Figures: you name CNY 400,000–420,000 a year — annual" in out


def test_opening_names_the_decision_date_of_exercise_4(
    course: Course, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TODAY_VARIABLE, "2026-03-02")
    course.store.save(DEADLINE.id, {"offer_date": "2026-03-02", "days": "5", "weekend": "friday"})
    widget = build_opening_exercise(course)
    widget.controls["line"].value = OWN_LINE + " I'll answer by Monday 9 March 2026."

    lines = shown(widget)
    assert "warn" == level(widget)
    assert "Your decision date, from Exercise 4: Friday 6 March 2026." in lines
    assert (
        "Date: your draft names Monday 9 March 2026, but your decision date (Exercise 4) is "
        "Friday 6 March 2026: name one date, the one you agree with HR."
    ) in lines
    for _ in range(3):
        widget.hint_button.click()
    assert "I'll give you my answer by Friday 6 March 2026." in html.unescape(
        widget.hint_html.value
    )


def test_opening_points_out_a_weekend_or_past_decision_date(
    course: Course, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TODAY_VARIABLE, "2026-03-09")
    course.store.save(DEADLINE.id, {"offer_date": "2026-03-02", "days": "5"})
    widget = build_opening_exercise(course)
    widget.controls["line"].value = OWN_LINE

    lines = shown(widget)
    assert "warn" == level(widget)
    assert lines[2].startswith("Saturday 7 March 2026 falls on a weekend")
    assert lines[3].startswith("Saturday 7 March 2026 has already passed (today is Monday 9")
