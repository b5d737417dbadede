"""Lesson 05's offer comparison driven through its widget (no kernel)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from exercise_helpers import level, open_course, saved, shown

from offerkit.errors import InvalidInputError
from offerkit.exercises.course import Course
from offerkit.exercises.offers_exercises import (
    OFFERS,
    build_offers_exercise,
)
from offerkit.exercises.widgets import ExerciseWidget
from offerkit.learner.readers import read_ratings
from offerkit.rules.areas import goal_areas


def rated(**ratings: int) -> dict[str, int]:
    """What the sliders save: every goal area, 0 for those not rated."""
    return {area.id: ratings.get(area.id, 0) for area in goal_areas()}


ACME = {
    "name": "Acme",
    "pay": "28k x 15",
    "ratings": rated(salary=4, team_atmosphere=4),
    "must_haves": ["team_atmosphere"],
}
GLOBEX = {
    "name": "Globex",
    "pay": "32k x 14",
    "ratings": rated(salary=5, team_atmosphere=2),
    "must_haves": ["team_atmosphere"],
}


def add_offer(widget: ExerciseWidget, entry: dict[str, Any]) -> None:
    for name, value in entry.items():
        widget.entry_controls[name].value = tuple(value) if isinstance(value, list) else value
    widget.add_button.click()


def test_ratings_are_one_slider_per_goal_area(course: Course) -> None:
    widget = build_offers_exercise(course)
    sliders = widget.entry_controls["ratings"].sliders
    assert [area.name for area in goal_areas()] == [s.description for s in sliders.values()]
    assert (0, 5) == (sliders["salary"].min, sliders["salary"].max)


def test_ratings_typed_before_the_sliders_still_read_schema_1() -> None:
    assert {"salary": 4.0, "team_atmosphere": 2.0} == read_ratings("salary=4, Team atmosphere: 2")
    assert {"salary": 4.0} == read_ratings(rated(salary=4))


def test_offers_saved_with_typed_ratings_by_schema_1_still_rank(course: Course) -> None:
    old_acme = {**ACME, "ratings": "salary=4, team_atmosphere=4"}
    old_globex = {**GLOBEX, "ratings": "salary=5, Team atmosphere: 2"}
    course.store.save(OFFERS.id, {"entries": [old_globex, old_acme]})
    ranked = course.state.ranked_offers
    assert [("Acme", 1), ("Globex", 2)] == [(s.offer.name, s.rank) for s in ranked]
    widget = build_offers_exercise(course)
    assert shown(widget)[1].startswith("#1 Acme: Fit 4.00/5 (80 %)")


def test_parse_ratings_reads_ids_and_names() -> None:
    assert {"salary": 4.0, "team_atmosphere": 3.0} == read_ratings("salary=4; Team atmosphere: 3")
    with pytest.raises(InvalidInputError, match="'ratings' must be 'area=number' pieces"):
        read_ratings("salary 4")


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
        "(Team atmosphere, Salary)."
    ) == lines[0]
    assert lines[1].startswith("#1 Acme: Fit 4.00/5 (80 %) on your weighted priorities;")
    assert "Cash CNY 420,000, +20.0 % on previous pay." in lines[1]
    assert lines[2].startswith("#2 Globex: Fit 3.50/5 (70 %)")
    assert (
        "⚑ Red flag — Globex: must-have 'Team atmosphere' is rated 2/5, below your floor of 3/5."
    ) == lines[3]
    assert "warn" == level(widget)
    assert "image/png" in widget.chart.outputs[0]["data"]
    assert [ACME, GLOBEX] == saved(course)[OFFERS.id]["entries"]
    ranked = course.state.ranked_offers
    assert [("Acme", 1), ("Globex", 2)] == [(s.offer.name, s.rank) for s in ranked]


def test_offers_use_the_priorities_confirmed_in_lesson_01(course: Course) -> None:
    course.store.save("01.goal-areas", {"areas": ["salary", "team_atmosphere"]})
    course.store.save(
        "01.priorities", {"weights": {"salary": 6, "team_atmosphere": 2}, "confirmed": True}
    )
    widget = build_offers_exercise(course)
    add_offer(widget, {**GLOBEX, "must_haves": []})
    add_offer(widget, ACME)

    lines = shown(widget)
    assert (
        "Weighted by the priorities you confirmed in lesson 01: Salary 75 %, Team atmosphere 25 %."
        == lines[0]
    )
    assert lines[1].startswith("#1 Globex: Fit 4.25/5 (85 %)")
    assert lines[2].startswith("#2 Acme: Fit 4.00/5 (80 %)")
    assert "ok" == level(widget)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"ratings": rated()},
            "“Your rating of each area, 0–5 (0 = not rated)” in entry 2 must be at",
        ),
        (
            {"ratings": rated(salary=4)},
            "“Must-haves (rate them too)” in entry 2 must be areas rated in “Your rating of "
            "each area, 0–5 (0 = not rated)” (salary)",
        ),
        ({"pay": "-5"}, "“Pay (any format)”"),
        ({"name": ""}, "“Company” in entry 2 must be a name for the offer"),
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
    assert "- ⚑ Red flag — Globex: must-have 'Team atmosphere' is rated 2/5" in out
