"""Reading and checking rosters: every problem at once, with row, column, expected and got."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from batch_helpers import PEOPLE, write_roster

from offerkit.batch.roster import RosterLimits, read_roster, roster_columns
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


# issue 9, section 2: every input gets a message, fast, in bounded memory ----------------


def test_absent_personal_columns_are_not_given_never_the_demo_profile(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("learner_id,learner_name\nkim,Kim Park\n", encoding="utf-8")
    (person,) = read_roster(path)
    not_given = {"previous_pay": "", "posted_range": "", "target_role": ""}
    assert not_given == {k: person.parameters[k] for k in not_given}
    assert (False, "") == (
        person.parameters["high_demand_role"],
        person.parameters["high_demand_reason"],
    )


def test_absent_columns_are_not_given_in_yaml_too(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("- {learner_id: kim, learner_name: Kim, currency: USD}\n", encoding="utf-8")
    (person,) = read_roster(path)
    assert ("", "", "USD") == (
        person.parameters["previous_pay"],
        person.parameters["target_role"],
        person.parameters["currency"],
    )


def problems_quickly(path: Path, **limits: int) -> str:
    """The roster's problems, which must come within 5 s whatever the file holds."""
    started = time.monotonic()
    with pytest.raises(RosterError) as caught:
        read_roster(path, RosterLimits(**limits) if limits else None)
    assert time.monotonic() - started < 5
    return "\n".join(caught.value.problems)


def test_csv_field_over_the_csv_modules_limit_names_its_row(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    huge = "x" * 200_000  # the csv module refuses fields over 131,072 characters
    path.write_text(f'learner_id,learner_name\nok,Fine\nbig,"{huge}"\n', encoding="utf-8")
    text = problems_quickly(path)
    assert text.startswith("row 3: cannot be read as CSV (field larger than field limit")
    assert len(text) < 300


def test_long_cell_is_refused_with_the_limit_and_a_short_quote(tmp_path: Path) -> None:
    rows = [{"learner_id": "ok", "learner_name": "Fine", "previous_pay": "9" * 5000}]
    text = problems_quickly(write_roster(tmp_path / "r.csv", rows))
    assert "row 2, column 'previous_pay': expected at most 500 characters, received" in text
    assert "(5,000 characters)" in text and len(text) < 300


def test_rows_and_size_are_bounded_and_the_message_names_the_flag(tmp_path: Path) -> None:
    rows = [{"learner_id": f"p{i}", "learner_name": "P"} for i in range(30)]
    path = write_roster(tmp_path / "r.csv", rows)
    assert "row 12: more than 10 participants" in problems_quickly(path, max_rows=10)
    assert "--max-rows" in problems_quickly(path, max_rows=10)
    assert "larger than the limit of 0.0001 MB (raise it with --max-roster-mb)" in (
        problems_quickly(path, max_bytes=100)
    )


def test_row_numbers_are_records_not_lines(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        'learner_id,learner_name,target_role\nada,"Ada\nLovelace","one\ntwo\nthree"\n'
        "zoe,Zoë,x,extra\n",
        encoding="utf-8",
    )
    assert "row 3: expected 3 cells (one per column), received 4" == problems_quickly(path)
    path.write_bytes(b'learner_id,learner_name\nada,"A\nB"\nzo\xeb,Z\n')
    assert problems_quickly(path).startswith("row 3: the file is not UTF-8")


def test_billion_laughs_yaml_is_refused_without_expanding(tmp_path: Path) -> None:
    """Each entry's role is nine of the previous entry's: 9**12 'lol's if expanded."""
    lol = ", ".join(["lol"] * 9)
    lines = [f"- {{learner_id: p0, learner_name: P, target_role: &a0 [{lol}]}}"]
    for i in range(1, 12):
        nine = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"- {{learner_id: p{i}, learner_name: P, target_role: &a{i} [{nine}]}}")
    path = tmp_path / "r.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = problems_quickly(path)
    assert "entry 12, column 'target_role': expected text, received a list" in text
    assert 12 == text.count("expected text, received a list") and len(text) < 2000


def test_yaml_nested_thousands_deep_is_refused_with_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "- {learner_id: ok, learner_name: Fine}\n- learner_id: " + "[" * 5000 + "]" * 5000,
        encoding="utf-8",
    )
    assert "entry 2 (line 2): nested more than 4 levels deep" in problems_quickly(path)


def test_yaml_big_integers_and_non_text_keys_get_row_messages(tmp_path: Path) -> None:
    digits = "9" * 5000
    path = tmp_path / "r.yaml"
    path.write_text(
        f"- {{learner_id: a, learner_name: A, previous_pay: {digits}}}\n"
        "- {learner_id: b, learner_name: B, 7: x, [1, 2]: y}\n"
        "- {learner_id: c, learner_name: C, previous_pay: 300000, posted_range: 007}\n",
        encoding="utf-8",
    )
    text = problems_quickly(path)
    assert "entry 1, column 'previous_pay': expected at most 500 characters" in text
    assert "entry 2 (line 2): column names must be text, received '7'" in text
    assert "entry 2 (line 2): column names must be text, received a collection" in text
    assert "entry 3" in text and "'007'" in text  # the text as written, not the number 7
