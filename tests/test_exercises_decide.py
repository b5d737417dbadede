"""Lesson 05 exercises driven through their widgets (no kernel): offers, honesty, reply."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from exercise_helpers import level, open_course, saved, shown

from offerkit.errors import InvalidInputError
from offerkit.exercises.course import Course
from offerkit.exercises.decide_exercises import (
    HONESTY,
    OFFERS,
    REPLY,
    build_honesty_exercise,
    build_offers_exercise,
    build_reply_exercise,
    offers_from_answers,
    parse_ratings,
)
from offerkit.exercises.widgets import ExerciseWidget

ACME = {
    "name": "Acme",
    "pay": "28k x 15",
    "ratings": "salary=4, team_atmosphere=4",
    "must_haves": ["team_atmosphere"],
}
GLOBEX = {
    "name": "Globex",
    "pay": "32k x 14",
    "ratings": "salary=5, Team atmosphere: 2",
    "must_haves": ["team_atmosphere"],
}


def add_offer(widget: ExerciseWidget, entry: dict[str, Any]) -> None:
    for name, value in entry.items():
        widget.entry_controls[name].value = tuple(value) if isinstance(value, list) else value
    widget.add_button.click()


# ---------------------------------------------------------------- 05.offers


def test_parse_ratings_reads_ids_and_names() -> None:
    assert {"salary": 4.0, "team_atmosphere": 3.0} == parse_ratings("salary=4; Team atmosphere: 3")
    with pytest.raises(InvalidInputError, match="'ratings' must be 'area=rating' pieces"):
        parse_ratings("salary 4")


def test_offers_start_empty_with_a_prompt(course: Course) -> None:
    widget = build_offers_exercise(course)

    assert "warn" == level(widget)
    assert [
        "No offers yet: add each offer you hold (or expect) with its pay and your ratings."
    ] == shown(widget)
    assert () == widget.chart.outputs
    assert {} == saved(course)


def test_offers_are_ranked_with_equal_weights_when_lesson_01_is_empty(course: Course) -> None:
    widget = build_offers_exercise(course)
    add_offer(widget, ACME)
    add_offer(widget, GLOBEX)

    lines = shown(widget)
    assert (
        "No priorities saved in lesson 01 yet: equal weights over the areas you rated "
        "(salary, team_atmosphere)."
    ) == lines[0]
    assert lines[1].startswith("#1 Acme: Fit 4.00/5 (80 %) on your weighted priorities;")
    assert "Cash CNY 420,000, +20.0 % on previous pay." in lines[1]
    assert lines[2].startswith("#2 Globex: Fit 3.50/5 (70 %)")
    assert (
        "⚑ Red flag — Globex: must-have 'team_atmosphere' is rated 2/5, below your floor of 3/5."
    ) == lines[3]
    assert "warn" == level(widget)
    assert "image/png" in widget.chart.outputs[0]["data"]
    assert [ACME, GLOBEX] == saved(course)[OFFERS.id]["entries"]
    ranked = offers_from_answers(course)
    assert [("Acme", 1), ("Globex", 2)] == [(s.offer.name, s.rank) for s in ranked]


def test_offers_use_the_priorities_saved_in_lesson_01(course: Course) -> None:
    course.store.save(
        "01.goal-areas",
        {"areas": ["salary", "team_atmosphere"], "weights": "salary=3, team_atmosphere=1"},
    )
    widget = build_offers_exercise(course)
    add_offer(widget, {**GLOBEX, "must_haves": []})
    add_offer(widget, ACME)

    lines = shown(widget)
    assert (
        "Weighted by your priorities from lesson 01: salary 75 %, team_atmosphere 25 %." == lines[0]
    )
    assert lines[1].startswith("#1 Globex: Fit 4.25/5 (85 %)")
    assert lines[2].startswith("#2 Acme: Fit 4.00/5 (80 %)")
    assert "ok" == level(widget)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"ratings": "salary=7"}, "'ratings[salary]' must be a number from 0 to 5 (got 7.0)"),
        ({"ratings": "pay=4"}, "'ratings' must be a known goal area (team_atmosphere,"),
        ({"ratings": "salary=4"}, "'must_haves' must be areas rated in 'ratings' (salary)"),
        ({"pay": "-5"}, "'pay'"),
        ({"name": ""}, "'name' must be a name for the offer"),
    ],
)
def test_a_bad_offer_is_not_added_and_not_saved(
    course: Course, change: dict[str, str], message: str
) -> None:
    widget = build_offers_exercise(course)
    add_offer(widget, ACME)
    add_offer(widget, {**GLOBEX, **change})

    lines = shown(widget)
    assert "error" == level(widget)
    assert message in lines[0]
    assert "The entry was not added." == lines[-1]
    assert [ACME] == widget.entries
    assert [ACME] == saved(course)[OFFERS.id]["entries"]


def test_remove_last_saves_at_once_and_entries_are_restored(tmp_path: Path) -> None:
    widget = build_offers_exercise(open_course(tmp_path))
    add_offer(widget, ACME)
    add_offer(widget, GLOBEX)
    widget.remove_button.click()

    again = build_offers_exercise(open_course(tmp_path))
    assert [ACME] == again.entries
    assert "<td>Acme</td>" in again.entries_html.value
    assert shown(again)[1].startswith("#1 Acme: Fit 4.00/5")


def test_offers_headless_show_a_labelled_example(tmp_path: Path, capsys: Any) -> None:
    assert build_offers_exercise(open_course(tmp_path, headless=True)) is None

    out = capsys.readouterr().out
    assert "== Compare your offers ==\n(Worked example: nothing saved yet." in out
    assert "- #1 Acme: Fit 4.00/5 (80 %)" in out
    assert "- ⚑ Red flag — Globex: must-have 'team_atmosphere' is rated 2/5" in out


# ---------------------------------------------------------------- 05.honesty


def test_honesty_with_nothing_told_names_what_was_checked(course: Course) -> None:
    widget = build_honesty_exercise(course)

    assert "ok" == level(widget)
    assert [
        "Consistent: nothing you told HR contradicts your profile or the offers you hold.",
        "Checked: no previous pay told to HR was entered, so none was compared; no competing "
        "offer mentioned, with 0 other offer(s) actually held.",
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
    assert {"told_previous": "30k x 14", "claimed_offer": False, "offers_held": "0"} == saved(
        course
    )[HONESTY.id]


def test_a_competing_offer_is_fine_only_if_you_hold_one(course: Course) -> None:
    widget = build_honesty_exercise(course)
    widget.controls["told_previous"].value = "25k x 14"
    widget.controls["claimed_offer"].value = True

    assert shown(widget)[0].startswith("Honesty: a competing offer is mentioned but you hold none")
    widget.controls["offers_held"].value = "1"
    assert [
        "Consistent: nothing you told HR contradicts your profile or the offers you hold.",
        "Checked: previous pay told to HR (25,000 × 14 = CNY 350,000 a year) vs your profile "
        "(25,000 × 14 = CNY 350,000 a year); a competing offer you mentioned, with 1 other "
        "offer(s) actually held.",
    ] == shown(widget)


def test_unreadable_pay_told_is_a_friendly_error(course: Course) -> None:
    widget = build_honesty_exercise(course)
    widget.controls["told_previous"].value = "a lot"

    assert "error" == level(widget)
    assert shown(widget)[0].startswith("Please check your input: 'told_previous'")
    assert {} == saved(course)


def test_offers_held_defaults_from_the_offers_ledger(course: Course) -> None:
    course.store.save(OFFERS.id, {"entries": [ACME, GLOBEX]})

    assert "1" == build_honesty_exercise(course).controls["offers_held"].value


def test_honesty_headless_prints_the_summary(tmp_path: Path, capsys: Any) -> None:
    build_honesty_exercise(open_course(tmp_path, headless=True))

    assert capsys.readouterr().out.startswith("== Honesty check ==\n- Consistent: ")


# ---------------------------------------------------------------- 05.reply


def test_accept_draft_is_friendly_and_saved(course: Course) -> None:
    widget = build_reply_exercise(course)
    widget.controls["company"].value = "Acme"

    lines = shown(widget)
    assert "ok" == level(widget)
    assert lines[2].startswith(
        "Thank you very much for the offer for the Backend engineer role at Acme. "
        "I'm delighted to accept it."
    )
    assert lines[-1].startswith("Tone: Friendly: no antagonistic phrasing found.")
    assert {"kind": "accept", "company": "Acme", "role": "Backend engineer", "amount": ""} == (
        saved(course)[REPLY.id]
    )


def test_counter_names_the_annual_figure_and_checks_it_against_the_range(
    course: Course,
) -> None:
    widget = build_reply_exercise(course)
    widget.controls["company"].value = "Acme"
    widget.controls["amount"].value = "440k"
    widget.controls["kind"].value = "counter"

    lines = shown(widget)
    assert any("an annual package of CNY 440,000 would make this an easy yes" in x for x in lines)
    assert (
        "Against your range from your profile (lesson 03 not saved yet): CNY 440,000 "
        "(+25.7 %) is above the +20 % guideline: only ask this if you are an exceptional "
        "candidate or the role is in high demand, and say why."
    ) == lines[-1]
    assert "counter" == saved(course)[REPLY.id]["kind"]


def test_counter_without_a_figure_is_a_friendly_error(course: Course) -> None:
    widget = build_reply_exercise(course)
    widget.controls["company"].value = "Acme"
    widget.controls["kind"].value = "counter"

    assert "error" == level(widget)
    assert [
        "Please check your input: 'amount' must be the annual figure you ask for (got ''); "
        "a counter needs a number, e.g. 400000"
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
    assert shown(widget)[0].startswith("Please check your input: 'company' must be some text")
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
    assert "role at Example Ltd. I'm delighted to accept it." in out
