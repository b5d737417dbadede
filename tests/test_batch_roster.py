"""Reading and checking rosters: every problem at once, with row, column, expected and got."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_helpers import PEOPLE, write_roster

from offerkit.batch.roster import read_roster, roster_columns
from offerkit.errors import RosterError

EXAMPLE = Path(__file__).resolve().parent.parent / "data" / "roster-example.csv"


def problems_of(path: Path) -> tuple[str, ...]:
    with pytest.raises(RosterError) as caught:
        read_roster(path)
    return caught.value.problems


def test_example_roster_is_valid_and_varied() -> None:
    people = read_roster(EXAMPLE)
    assert 10 == len(people)
    assert len({p.parameters["currency"] for p in people}) >= 5
    assert any(p.parameters["previous_pay"] == "" for p in people)
    assert any(p.parameters["posted_range"] == "" for p in people)
    assert any(p.parameters["high_demand_role"] is True for p in people)
    assert any("<b>" in p.name for p in people)
    assert any("&" in p.name for p in people)
    assert any(not p.name.isascii() for p in people)
    assert [2, 3] == [p.row for p in people[:2]]


def test_typed_values_and_slugs(tmp_path: Path) -> None:
    rows = [{**PEOPLE[0], "learner_id": "Ada_1", "high_demand_role": "yes"}]
    (person,) = read_roster(write_roster(tmp_path / "r.csv", rows))
    assert "ada_1" == person.slug
    assert person.parameters["high_demand_role"] is True
    assert "Ada <b>Lovelace</b>" == person.name


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = write_roster(tmp_path / "r.csv")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert ["ada", "zoe", "bao"] == [p.slug for p in read_roster(path)]


def test_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes("learner_id,learner_name\nzoe,Zoë\n".encode("latin-1"))
    (problem,) = problems_of(path)
    assert "not UTF-8" in problem
    assert "row 2" in problem


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"  \n\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(content)
    (problem,) = problems_of(path)
    assert "empty" in problem


def test_header_without_participants(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("learner_id,learner_name\n", encoding="utf-8")
    (problem,) = problems_of(path)
    assert "no participants" in problem


def test_every_problem_is_listed_with_row_column_expected_received(tmp_path: Path) -> None:
    rows = [
        {"learner_id": "ok", "learner_name": "Fine", "previous_pay": "300k", "posted_range": ""},
        {"learner_id": "neg", "learner_name": "N", "previous_pay": "-5", "posted_range": ""},
        {"learner_id": "fmt", "learner_name": "F", "previous_pay": "lots", "posted_range": ""},
        {"learner_id": "rng", "learner_name": "R", "previous_pay": "", "posted_range": "30-20k"},
        {"learner_id": "OK", "learner_name": "Dup", "previous_pay": "", "posted_range": ""},
        {"learner_id": "../x", "learner_name": "", "previous_pay": "0", "posted_range": ""},
    ]
    problems = problems_of(write_roster(tmp_path / "r.csv", rows))
    text = "\n".join(problems)
    assert "row 3, column 'previous_pay': expected a positive amount, received '-5'" in text
    assert "row 4, column 'previous_pay'" in text and "'lots'" in text
    assert "row 5, column 'posted_range'" in text and "'30-20k'" in text
    assert "row 6, column 'learner_id': expected a unique id, received 'OK'" in text
    assert "already used in row 2" in text
    assert "row 7, column 'learner_id'" in text and "'../x'" in text
    assert "row 7, column 'learner_name'" in text
    assert "row 7, column 'previous_pay'" in text and "received '0'" in text
    assert 7 == len(problems)


def test_unknown_and_missing_columns_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("learner_id,salary,answers_file\nada,300k,x.json\n", encoding="utf-8")
    text = "\n".join(problems_of(path))
    assert "header, column 'salary'" in text and "unknown columns are refused" in text
    assert "header, column 'answers_file'" in text
    assert "header, column 'learner_name': expected this required column" in text
    assert "answers_file" not in roster_columns()


def test_wrong_type_and_ragged_row(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        "learner_id,learner_name,high_demand_role\nada,Ada,maybe\nzoe,Zoë\n", encoding="utf-8"
    )
    text = "\n".join(problems_of(path))
    assert "row 2, column 'high_demand_role': expected true or false" in text
    assert "row 3: expected 3 cells (one per column), received 2" in text


def test_yaml_roster(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "- {learner_id: ada, learner_name: Ada, high_demand_role: true}\n"
        "- {learner_id: zoe, learner_name: Zoë, currency: XXX}\n",
        encoding="utf-8",
    )
    (problem,) = problems_of(path)
    assert problem.startswith("entry 2, column 'currency'")
    path.write_text("learner_id: ada\n", encoding="utf-8")
    assert "YAML list" in problems_of(path)[0]
