"""The goal areas: catalogue order, lookup by id or name in any case."""

from __future__ import annotations

import pytest

from offerkit.errors import InvalidInputError
from offerkit.rules.areas import GoalArea, goal_area, goal_areas
from offerkit.rules.catalogue import load_catalogue

AREA_IDS = tuple(area.id for area in goal_areas())


def test_goal_areas_follow_the_catalogue_order() -> None:
    expected = tuple(str(row["id"]) for row in load_catalogue("goal_areas"))
    assert expected == AREA_IDS


def test_the_lesson_areas_are_marked_lesson() -> None:
    # the lesson names three: a harmonious team, more project experience, a higher salary
    lesson = {area.id for area in goal_areas() if area.source == "lesson"}
    assert {"team_atmosphere", "project_experience", "salary"} == lesson


def test_goal_area_ids_are_short_snake_case_and_unique() -> None:
    assert len(AREA_IDS) == len(set(AREA_IDS))
    assert all(area_id.replace("_", "").isalpha() and area_id.islower() for area_id in AREA_IDS)


@pytest.mark.parametrize(
    "given_text", ["salary", "SALARY", " Salary ", "team_atmosphere", "Team atmosphere"]
)
def test_goal_area_accepts_ids_and_names_in_any_case(given_text: str) -> None:
    expected = given_text.strip().lower().replace(" ", "_")
    assert expected == goal_area(given_text).id


def test_goal_area_accepts_a_hyphenated_display_name() -> None:
    assert "work_life_balance" == goal_area("work-life balance").id


def test_goal_area_accepts_a_goal_area() -> None:
    area = goal_area("salary")
    assert area is goal_area(area)


@pytest.mark.parametrize("bad", ["pizza", "", "   ", None, 3])
def test_goal_area_rejects_unknown_ids_and_lists_the_known_ones(bad: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        goal_area(bad)  # type: ignore[arg-type]
    assert "area" == info.value.field
    assert bad == info.value.received
    assert all(area_id in str(info.value) for area_id in AREA_IDS)


def test_goal_area_rejects_a_goal_area_not_in_the_catalogue() -> None:
    with pytest.raises(InvalidInputError):
        goal_area(GoalArea("salary", "Salary", "made up", "beyond"))
