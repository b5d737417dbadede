"""Interview questions: per top priority, in question-bank order; data file errors."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_rules_wants import AREA_IDS, entry, journals

from offerkit.errors import DataFileError, InvalidInputError
from offerkit.rules import areas, questions
from offerkit.rules.areas import goal_area, goal_areas
from offerkit.rules.catalogue import data_dir, load_catalogue
from offerkit.rules.questions import InterviewQuestion, interview_questions
from offerkit.rules.wants import FrustrationEntry, Priorities, rank_priorities


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


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A writable copy of the catalogues, with every cache cleared before and after."""
    for name in ("goal_areas", "question_bank"):
        shutil.copy(data_dir() / f"{name}.csv", tmp_path / f"{name}.csv")
    monkeypatch.setenv("OFFERKIT_DATA", str(tmp_path))
    caches = (load_catalogue, goal_areas, areas._lookup, questions._question_bank)
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


@given(journals, st.integers(min_value=1, max_value=5))
def test_each_top_priority_gets_a_question(journal: list[FrustrationEntry], top: int) -> None:
    priorities = rank_priorities(journal)
    asked = {question.area.id for question in interview_questions(priorities, top=top)}
    assert {item.area.id for item in priorities.top(top)} == asked
    assert min(top, len(priorities.items)) == len(interview_questions(priorities, top=top))
