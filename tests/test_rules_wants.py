"""Tests for offerkit.rules.wants: the frustration journal, priorities and weights (goal areas:
test_goal_areas; interview questions: test_questions)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offerkit.errors import EmptyTextError, InvalidInputError
from offerkit.rules.areas import goal_area, goal_areas
from offerkit.rules.wants import (
    FrustrationEntry,
    Priorities,
    Priority,
    confirm_priorities,
    frustration_entry,
    growth_areas,
    parse_weights,
    rank_priorities,
    wants_summary,
    whole_percentages,
)

AREA_IDS = tuple(area.id for area in goal_areas())


def entry(areas: str | list[str], intensity: int = 1) -> FrustrationEntry:
    return frustration_entry("Overtime every week", "no planning", areas, intensity)


# ---------------------------------------------------------------- journal entries


def test_frustration_entry_normalises_text_and_areas() -> None:
    expected = FrustrationEntry("Pay froze", "no reviews", ("salary", "growth"), 4)
    assert expected == frustration_entry(" Pay froze ", "no reviews ", "Salary, GROWTH,", 4)


def test_frustration_entry_drops_duplicate_areas_and_keeps_their_order() -> None:
    assert ("growth", "salary") == entry(["growth", "Salary", "salary"]).areas


def test_frustration_entry_defaults_to_intensity_one() -> None:
    assert 1 == frustration_entry("a", "b", ["salary"]).intensity


@pytest.mark.parametrize(
    ("experience", "reason", "field"),
    [("", "why", "experience"), ("  ", "why", "experience"), ("what", "", "reason"),
     ("what", "\n", "reason"), (None, "why", "experience")],
)  # fmt: skip
def test_frustration_entry_rejects_blank_text(
    experience: object, reason: object, field: str
) -> None:
    with pytest.raises(EmptyTextError) as info:
        frustration_entry(experience, reason, "salary")  # type: ignore[arg-type]
    assert field == info.value.field


@pytest.mark.parametrize("areas", ["", " , ", [], (), None, 5])
def test_frustration_entry_needs_at_least_one_area(areas: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        frustration_entry("what", "why", areas)  # type: ignore[arg-type]
    assert "areas" == info.value.field
    assert not isinstance(info.value, EmptyTextError)


@pytest.mark.parametrize("areas", ["salary, pizza", ["salary", "pizza"], [None]])
def test_frustration_entry_rejects_unknown_areas(areas: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        frustration_entry("what", "why", areas)  # type: ignore[arg-type]
    assert "areas" == info.value.field


@pytest.mark.parametrize("intensity", [0, 6, -1, 2.0, 2.5, "3", True, None])
def test_frustration_entry_rejects_intensity_outside_one_to_five(intensity: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        frustration_entry("what", "why", "salary", intensity)  # type: ignore[arg-type]
    assert "intensity" == info.value.field


@pytest.mark.parametrize("intensity", [1, 5])
def test_frustration_entry_accepts_both_ends_of_the_scale(intensity: int) -> None:
    assert intensity == entry("salary", intensity).intensity


# ---------------------------------------------------------------- growth areas


def test_growth_areas_totals_intensity_per_area() -> None:
    journal = [entry("salary", 3), entry("growth, salary", 2), entry("commute", 4)]
    assert (("salary", 5), ("commute", 4), ("growth", 2)) == growth_areas(journal)


def test_growth_areas_breaks_ties_in_catalogue_order() -> None:
    journal = [entry("commute", 2), entry("salary", 2), entry("team_atmosphere", 2)]
    assert (("team_atmosphere", 2), ("salary", 2), ("commute", 2)) == growth_areas(journal)


def test_growth_areas_of_an_empty_journal_is_empty() -> None:
    assert () == growth_areas([])


def test_journal_rejects_things_that_are_not_entries() -> None:
    with pytest.raises(InvalidInputError) as info:
        growth_areas([entry("salary"), "salary"])  # type: ignore[list-item]
    assert "entries[1]" == info.value.field


def test_journal_revalidates_entries_built_without_the_factory() -> None:
    with pytest.raises(InvalidInputError) as info:
        rank_priorities([FrustrationEntry("what", "why", ("salary",), 9)])
    assert "intensity" == info.value.field


# ---------------------------------------------------------------- priorities


def test_rank_priorities_weights_are_shares_of_total_intensity() -> None:
    journal = [entry("salary", 3), entry("growth, salary", 1)]
    priorities = rank_priorities(journal)
    assert {"salary": 0.8, "growth": 0.2} == pytest.approx(priorities.weights)
    assert ["salary", "growth"] == list(priorities.weights)
    assert [2, 1] == [item.count for item in priorities.items]


def test_rank_priorities_weights_sum_to_exactly_one_for_thirds() -> None:
    priorities = rank_priorities([entry("salary"), entry("growth"), entry("commute")])
    assert 1.0 == sum(priorities.weights.values())
    assert [1 / 3, 1 / 3, 1 / 3] == pytest.approx(list(priorities.weights.values()))


def test_rank_priorities_ties_follow_catalogue_order() -> None:
    priorities = rank_priorities([entry("commute"), entry("growth"), entry("salary")])
    assert ["salary", "growth", "commute"] == [item.area.id for item in priorities.items]


def test_rank_priorities_of_an_empty_journal_is_empty_not_an_error() -> None:
    priorities = rank_priorities([])
    assert priorities.is_empty
    assert {} == priorities.weights
    assert () == priorities.top()


def test_top_returns_the_heaviest_n() -> None:
    journal = [entry("salary", 5), entry("growth", 4), entry("commute", 3), entry("level", 1)]
    expected = ["salary", "growth", "commute"]
    assert expected == [item.area.id for item in rank_priorities(journal).top()]
    assert ["salary"] == [item.area.id for item in rank_priorities(journal).top(1)]
    assert 4 == len(rank_priorities(journal).top(10))


@pytest.mark.parametrize("n", [-1, 1.5, "2", True])
def test_top_rejects_bad_counts(n: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        rank_priorities([entry("salary")]).top(n)  # type: ignore[arg-type]
    assert "n" == info.value.field


def test_explicit_weights_override_the_journal_and_are_normalised() -> None:
    priorities = rank_priorities([entry("salary", 5)], {"Growth": 3, "salary": 1, "commute": 0})
    assert {"growth": 0.75, "salary": 0.25} == priorities.weights
    assert [0, 1] == [item.count for item in priorities.items]


def test_explicit_weights_work_with_an_empty_journal() -> None:
    assert {"level": 1.0} == rank_priorities([], {"level": 7}).weights


@pytest.mark.parametrize(
    "weights",
    [{"salary": 0}, {}, {"salary": -1, "growth": 2}, {"pizza": 1}, {"salary": "lots"},
     {"salary": math.nan}, {"salary": math.inf}, {"salary": True}, {"salary": 1, "Salary": 1}],
)  # fmt: skip
def test_explicit_weights_reject_bad_values(weights: dict[str, object]) -> None:
    with pytest.raises(InvalidInputError) as info:
        rank_priorities([], weights)  # type: ignore[arg-type]
    assert "weights" == info.value.field


def test_explicit_weights_must_be_a_mapping() -> None:
    with pytest.raises(InvalidInputError) as info:
        rank_priorities([], [("salary", 1)])  # type: ignore[arg-type]
    assert "weights" == info.value.field


# ---------------------------------------------------------------- parse_weights


def test_parse_weights_reads_mixed_separators_and_normalises() -> None:
    expected = {"salary": 0.5, "team_atmosphere": 0.25, "growth": 0.25}
    assert expected == parse_weights("salary=2, Team atmosphere: 1;\ngrowth = 1")


def test_parse_weights_accepts_percent_signs_and_zero_weights() -> None:
    assert {"salary": 0.6, "growth": 0.4, "commute": 0.0} == parse_weights(
        "salary=60%, growth=40%, commute=0"
    )


def test_parse_weights_sums_to_one() -> None:
    assert 1.0 == sum(parse_weights("salary=1, growth=1, commute=1").values())


@pytest.mark.parametrize(
    "text",
    ["salary=lots", "salary", "salary=-1", "salary=1, growth=2, Salary=3", "pizza=1",
     "=1", "salary=0", "salary=0, growth=0", "salary=nan", "salary=inf", "salary=1=2"],
)  # fmt: skip
def test_parse_weights_rejects_bad_pieces_naming_them(text: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_weights(text)
    assert "weights" == info.value.field
    bad_piece = str(info.value.received)
    assert bad_piece in text


def test_parse_weights_names_the_bad_piece_not_the_whole_text() -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_weights("salary=1, growth=lots")
    assert "growth=lots" == info.value.received


@pytest.mark.parametrize("text", ["", "   ", "\n", None])
def test_parse_weights_rejects_empty_text(text: object) -> None:
    with pytest.raises(EmptyTextError) as info:
        parse_weights(text)  # type: ignore[arg-type]
    assert "weights" == info.value.field


# ---------------------------------------------------------------- summary


def test_wants_summary_lists_areas_with_percentages() -> None:
    priorities = rank_priorities([entry("salary", 2), entry("team_atmosphere", 1), entry("growth")])
    assert "1. Salary — 50 %\n2. Team atmosphere — 25 %\n3. Growth and learning — 25 %" == (
        wants_summary(priorities)
    )


def test_wants_summary_of_nothing_asks_for_an_entry() -> None:
    assert "add" in wants_summary(Priorities())


def test_wants_summary_needs_priorities() -> None:
    with pytest.raises(InvalidInputError):
        wants_summary([Priority(goal_area("salary"), 1.0, 1)])  # type: ignore[arg-type]


# ---------------------------------------------------------------- properties

journals = st.lists(
    st.tuples(
        st.lists(st.sampled_from(AREA_IDS), min_size=1, max_size=4),
        st.integers(min_value=1, max_value=5),
    ),
    min_size=1,
    max_size=12,
).map(lambda rows: [entry(list(areas), intensity) for areas, intensity in rows])

explicit_weights = st.dictionaries(
    st.sampled_from(AREA_IDS),
    st.floats(min_value=0, max_value=1e6, allow_nan=False) | st.integers(0, 1000),
    min_size=1,
).filter(lambda weights: any(value > 0 for value in weights.values()))


@given(journals)
def test_journal_weights_are_non_negative_and_sum_to_one(journal: list[FrustrationEntry]) -> None:
    weights = rank_priorities(journal).weights
    assert all(value >= 0 for value in weights.values())
    assert 1.0 == pytest.approx(sum(weights.values()), abs=1e-9)
    assert set(weights) == {area_id for area_id, _total in growth_areas(journal)}


@given(explicit_weights)
def test_explicit_weights_are_non_negative_and_sum_to_one(weights: dict[str, float]) -> None:
    ranked = rank_priorities([], weights).weights
    assert all(value >= 0 for value in ranked.values())
    assert 1.0 == pytest.approx(sum(ranked.values()), abs=1e-9)


@given(journals)
def test_order_is_deterministic_and_follows_totals_then_catalogue(
    journal: list[FrustrationEntry],
) -> None:
    ranked = [item.area.id for item in rank_priorities(journal).items]
    assert ranked == [item.area.id for item in rank_priorities(list(reversed(journal))).items]
    totals = dict(growth_areas(journal))
    keys = [(-totals[area_id], AREA_IDS.index(area_id)) for area_id in ranked]
    assert sorted(keys) == keys


# ---------------------------------------------------------------- whole percentages


@given(st.lists(st.floats(min_value=0, max_value=1e6, allow_nan=False), min_size=1, max_size=12))
def test_whole_percentages_always_add_up_to_exactly_100(weights: list[float]) -> None:
    shares = whole_percentages(weights)
    assert len(weights) == len(shares)
    if sum(weights) > 0:
        assert 100 == sum(shares)
        assert all(
            abs(s - w * 100 / sum(weights)) < 1 for s, w in zip(shares, weights, strict=True)
        )
    else:
        assert all(0 == s for s in shares)


def test_whole_percentages_give_ties_to_the_earlier_weight() -> None:
    assert (34, 33, 33) == whole_percentages([1, 1, 1])
    assert (17, 17, 17, 17, 16, 16) == whole_percentages([1] * 6)


def test_whole_percentages_refuse_negative_weights() -> None:
    with pytest.raises(InvalidInputError, match="numbers of 0 or more"):
        whole_percentages([1, -1])


# ---------------------------------------------------------------- confirmed priorities


def test_confirmed_priorities_use_only_the_picked_areas() -> None:
    confirmed = confirm_priorities(["salary", "growth"], {"salary": 3, "growth": 1, "mission": 0})
    assert {"salary": 0.75, "growth": 0.25} == confirmed.weights


def test_a_weight_for_an_area_not_picked_is_refused_by_name() -> None:
    with pytest.raises(InvalidInputError, match="weights only for the goal areas you picked") as e:
        confirm_priorities(["salary"], {"salary": 1, "work_life_balance": 2})
    assert "Work-life balance" in str(e.value)
