"""Readers: saved answer values (today's and the first release's) into domain objects."""

from __future__ import annotations

import pytest

from offerkit.errors import InvalidInputError
from offerkit.learner.readers import (
    entries_of,
    read_areas,
    read_journal,
    read_offers,
    read_ratings,
    read_strengths,
    read_weights,
    readable,
    whole_number,
)


@pytest.mark.parametrize(("value", "expected"), [("3", 3), (5, 5), (" 1 ", 1)])
def test_whole_number_reads_text_and_ints(value: object, expected: int) -> None:
    assert expected == whole_number(value, "days", 1, 7)


@pytest.mark.parametrize("value", ["0", "8", "2.5", "two", True])
def test_whole_number_refuses_anything_else_naming_the_field(value: object) -> None:
    with pytest.raises(InvalidInputError, match="'days' must be a whole number from 1 to 7"):
        whole_number(value, "days", 1, 7)


def test_ratings_from_sliders_and_from_the_first_releases_text() -> None:
    assert {"salary": 4.0, "team_atmosphere": 3.0} == read_ratings(
        {"salary": 4, "team_atmosphere": 3}
    )
    assert {"salary": 4.0, "team_atmosphere": 3.0} == read_ratings("salary=4; Team atmosphere: 3")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("salary 4", "'ratings' must be 'area=number' pieces"),
        ({"salary": "four"}, "'ratings (Salary)' must be a number"),
        ({"pay": 4}, "must be a known goal area"),
        ({}, "'ratings' must be at least one rating above 0"),
    ],
)
def test_bad_ratings_name_the_label_the_learner_saw(value: object, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_ratings(value)


def test_weights_are_normalised_and_zero_areas_dropped() -> None:
    assert {"salary": 0.75, "growth": 0.25} == read_weights(
        {"salary": 6, "growth": 2, "mission": 0}
    )
    assert {"salary": 0.75, "growth": 0.25} == read_weights("salary=3, growth=1")
    with pytest.raises(InvalidInputError, match="at least one weight above 0"):
        read_weights({"salary": 0})


def test_areas_are_read_once_in_order_from_ids_or_names() -> None:
    assert ["salary", "growth"] == [a.id for a in read_areas(["salary", "Growth and learning", ""])]
    assert ["salary"] == [a.id for a in read_areas("salary")]
    assert [] == read_areas(None)


def test_list_entries_name_the_entry_an_error_comes_from() -> None:
    good = {"experience": "Overtime", "reason": "no planning", "areas": ["salary"]}
    with pytest.raises(InvalidInputError, match=r"\(entry 2\)"):
        read_journal([good, {"experience": "", "reason": "x", "areas": ["salary"]}])
    with pytest.raises(InvalidInputError, match=r"'kind \(entry 1\)'"):
        read_strengths([{"description": "Calm", "evidence": "", "kind": "magic"}])


def test_readable_keeps_what_reads_and_counts_the_rest() -> None:
    good = {"name": "Acme", "pay": "300000", "ratings": {"salary": 4}, "must_haves": []}
    kept, dropped = readable(
        lambda raw: read_offers(raw, "CNY"), entries_of({"entries": [good, {"name": ""}, 3]})
    )
    assert (["Acme"], 1) == ([o.name for o in kept], dropped)
    assert [] == entries_of({"entries": "not a list"})
