"""Tests for offerkit.wants: goal areas, the frustration journal, weights and questions."""

from __future__ import annotations

import math
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offerkit import wants
from offerkit.catalogue import data_dir, load_catalogue
from offerkit.errors import DataFileError, EmptyTextError, InvalidInputError
from offerkit.wants import (
    FrustrationEntry,
    GoalArea,
    InterviewQuestion,
    Priorities,
    Priority,
    frustration_entry,
    goal_area,
    goal_areas,
    growth_areas,
    interview_questions,
    parse_weights,
    rank_priorities,
    wants_summary,
)

AREA_IDS = tuple(area.id for area in goal_areas())


def entry(areas: str | list[str], intensity: int = 1) -> FrustrationEntry:
    return frustration_entry("Overtime every week", "no planning", areas, intensity)


# ---------------------------------------------------------------- goal areas


def test_goal_areas_follow_the_catalogue_order() -> None:
    expected = tuple(str(row["id"]) for row in load_catalogue("goal_areas"))
    assert expected == AREA_IDS


def test_the_lesson_areas_are_marked_lesson() -> None:
    lesson = {area.id for area in goal_areas() if area.source == "lesson"}
    assert {"team_atmosphere", "project_experience", "salary", "growth"} == lesson


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


# ---------------------------------------------------------------- interview questions


def test_question_bank_has_two_questions_for_every_area() -> None:
    counts = {area_id: 0 for area_id in AREA_IDS}
    for row in load_catalogue("question_bank"):
        counts[str(row["area"])] += 1
    assert [] == [area_id for area_id, count in counts.items() if count < 2]
    assert len(AREA_IDS) == len(counts)


def test_interview_questions_cover_the_top_priorities_in_order() -> None:
    journal = [entry("salary", 5), entry("growth", 4), entry("commute", 3), entry("level", 1)]
    questions = interview_questions(rank_priorities(journal))
    assert ["salary", "growth", "commute"] == [q.area.id for q in questions]
    first_salary = next(
        str(row["question"]) for row in load_catalogue("question_bank") if row["area"] == "salary"
    )
    assert first_salary == questions[0].question


def test_interview_questions_per_area_takes_bank_order() -> None:
    priorities = rank_priorities([entry("salary")])
    bank = [str(r["question"]) for r in load_catalogue("question_bank") if r["area"] == "salary"]
    expected = tuple(InterviewQuestion(goal_area("salary"), text) for text in bank[:2])
    assert expected == interview_questions(priorities, top=1, per_area=2)


def test_interview_questions_of_empty_priorities_is_empty() -> None:
    assert () == interview_questions(Priorities())


@pytest.mark.parametrize(("top", "per_area"), [(0, 1), (1, 0), (-2, 1), (1.5, 1), (1, "2")])
def test_interview_questions_reject_bad_counts(top: object, per_area: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        interview_questions(rank_priorities([entry("salary")]), top, per_area)  # type: ignore[arg-type]
    assert info.value.field in {"top", "per_area"}


def test_interview_questions_need_priorities() -> None:
    with pytest.raises(InvalidInputError) as info:
        interview_questions({"salary": 1.0})  # type: ignore[arg-type]
    assert "priorities" == info.value.field


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


# ---------------------------------------------------------------- data file errors


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A writable copy of the catalogues, with every cache cleared before and after."""
    for name in ("goal_areas", "question_bank"):
        shutil.copy(data_dir() / f"{name}.csv", tmp_path / f"{name}.csv")
    monkeypatch.setenv("OFFERKIT_DATA", str(tmp_path))
    caches = (load_catalogue, goal_areas, wants._lookup, wants._question_bank)
    for cached in caches:
        cached.cache_clear()
    yield tmp_path
    monkeypatch.delenv("OFFERKIT_DATA")
    for cached in caches:
        cached.cache_clear()


def test_an_unknown_area_in_the_question_bank_is_a_data_error(data_copy: Path) -> None:
    with (data_copy / "question_bank.csv").open("a", encoding="utf-8") as handle:
        handle.write("pizza,Is there pizza?,beyond\n")
    with pytest.raises(DataFileError) as info:
        interview_questions(rank_priorities([entry("salary")]))
    assert "area" == info.value.column
    assert "pizza" in str(info.value)


def test_an_area_without_questions_still_gets_one(data_copy: Path) -> None:
    bank = data_copy / "question_bank.csv"
    lines = bank.read_text(encoding="utf-8").splitlines(keepends=True)
    bank.write_text("".join(line for line in lines if not line.startswith("commute,")), "utf-8")
    questions = interview_questions(rank_priorities([entry("commute")]))
    assert ["commute"] == [q.area.id for q in questions]
    assert "commute" in questions[0].question


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


@given(journals, st.integers(min_value=1, max_value=5))
def test_each_top_priority_gets_a_question(journal: list[FrustrationEntry], top: int) -> None:
    priorities = rank_priorities(journal)
    asked = {question.area.id for question in interview_questions(priorities, top=top)}
    assert {item.area.id for item in priorities.top(top)} == asked
    assert min(top, len(priorities.items)) == len(interview_questions(priorities, top=top))
