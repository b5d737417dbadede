"""Tests for offerkit.rules.catalogue: one validated loader; bad files name file, row and column."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from offerkit.errors import DataFileError
from offerkit.rules.catalogue import SCHEMAS, Column, data_dir, load_catalogue, read_table

REPO_DATA = Path(__file__).resolve().parent.parent / "data"
COLUMNS = (
    Column("id"),
    Column("count", "int"),
    Column("share", "float"),
    Column("rare", "bool"),
    Column("source", "choice", ("lesson", "beyond")),
    Column("note", "optional"),
)
HEADER = "id,count,share,rare,source,note\n"


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """load_catalogue caches by name; never let a temporary folder leak into other tests."""
    load_catalogue.cache_clear()
    yield
    load_catalogue.cache_clear()


def _write(tmp_path: Path, text: str | bytes, name: str = "table.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _error(path: Path, columns: tuple[Column, ...] = COLUMNS) -> DataFileError:
    with pytest.raises(DataFileError) as caught:
        read_table(path, columns)
    return caught.value


# ---------------------------------------------------------------- shipped catalogues


def _shipped() -> list[str]:
    """The catalogues in data/ (other CSV files there, such as an example roster, are not)."""
    names = (p.stem for p in data_dir().glob("*.csv"))
    return sorted(name for name in names if name.split("-")[0] in SCHEMAS)


def test_every_schema_has_a_shipped_file() -> None:
    prefixes = {name.split("-")[0] for name in _shipped()}
    assert set(SCHEMAS) == prefixes


@pytest.mark.parametrize("name", _shipped())
def test_every_shipped_catalogue_loads(name: str) -> None:
    rows = load_catalogue(name)
    schema = SCHEMAS.get(name) or SCHEMAS[name.split("-")[0]]
    assert (True, [c.name for c in schema]) == (len(rows) > 0, list(rows[0]))


@pytest.mark.parametrize("name", sorted(p.name for p in REPO_DATA.glob("*.csv")))
def test_packaged_copy_matches_the_repository_data(name: str) -> None:
    packaged = Path(__file__).resolve().parent.parent / "offerkit" / "data" / name
    assert (REPO_DATA / name).read_bytes() == packaged.read_bytes()


def test_goal_areas_cover_the_lesson() -> None:
    names = " ".join(str(r["name"]).lower() for r in load_catalogue("goal_areas"))
    assert [] == [word for word in ("team", "project", "salary") if word not in names]


def test_currencies_have_int_steps() -> None:
    steps = {str(r["code"]): r["step"] for r in load_catalogue("currencies")}
    assert (1000, True) == (steps["CNY"], all(isinstance(s, int) for s in steps.values()))


def test_unknown_catalogue_is_named() -> None:
    with pytest.raises(DataFileError, match="unknown catalogue 'nope'"):
        load_catalogue("nope")


def test_offerkit_data_env_points_at_another_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path, "code,symbol,name,step\nXYZ,X,Test money,5\n", "currencies.csv")
    monkeypatch.setenv("OFFERKIT_DATA", str(tmp_path))
    assert (tmp_path, ({"code": "XYZ", "symbol": "X", "name": "Test money", "step": 5},)) == (
        data_dir(),
        load_catalogue("currencies"),
    )


def test_a_malformed_catalogue_under_offerkit_data_names_file_row_and_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, "id,name,description,source\nteam,Team,,lesson\n", "goal_areas.csv")
    monkeypatch.setenv("OFFERKIT_DATA", str(tmp_path))
    with pytest.raises(DataFileError) as caught:
        load_catalogue("goal_areas")
    assert (str(path), 2, "description") == (
        caught.value.path,
        caught.value.row,
        caught.value.column,
    )
    assert f"{path}, row 2, column 'description': is empty; a value is required" == str(
        caught.value
    )


def test_a_missing_catalogue_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OFFERKIT_DATA", str(tmp_path))
    with pytest.raises(DataFileError, match="file not found") as caught:
        load_catalogue("question_bank")
    assert str(tmp_path / "question_bank.csv") == caught.value.path


# ---------------------------------------------------------------- read_table


def test_a_good_table_is_converted_by_kind(tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER + "a, 3 ,0.5,Yes,lesson,\nb,4,1,false,beyond, hi \n")
    assert (
        {"id": "a", "count": 3, "share": 0.5, "rare": True, "source": "lesson", "note": ""},
        {"id": "b", "count": 4, "share": 1.0, "rare": False, "source": "beyond", "note": "hi"},
    ) == read_table(path, COLUMNS)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = _write(tmp_path, ("\ufeff" + HEADER + "a,3,0.5,true,lesson,x\n").encode("utf-8"))
    assert "a" == read_table(path, COLUMNS)[0]["id"]


def test_extra_columns_in_the_header_are_ignored(tmp_path: Path) -> None:
    path = _write(tmp_path, "id,comment\na,whatever\n")
    assert ({"id": "a"},) == read_table(path, (Column("id"),))


def test_quoted_fields_may_hold_commas_and_newlines(tmp_path: Path) -> None:
    path = _write(tmp_path, 'id,question\nq1,"Can you, really,\nprovide it?"\n')
    assert (
        "Can you, really,\nprovide it?"
        == read_table(path, (Column("id"), Column("question")))[0]["question"]
    )


@pytest.mark.parametrize(
    ("text", "row", "column", "words"),
    [
        ("id,count,share,rare,note\na,1,1,true,\n", 1, "source", "missing column(s) source"),
        (HEADER + "a,1,1,true,lesson,\n,2,1,true,lesson,\n", 3, "id", "is empty"),
        (HEADER + "a,many,1,true,lesson,\n", 2, "count", "expected a whole number, got 'many'"),
        (HEADER + "a,1.5,1,true,lesson,\n", 2, "count", "expected a whole number, got '1.5'"),
        (HEADER + "a,1,half,true,lesson,\n", 2, "share", "expected a number, got 'half'"),
        (HEADER + "a,1,1,maybe,lesson,\n", 2, "rare", "expected true or false, got 'maybe'"),
        (HEADER + "a,1,1,true,blog,\n", 2, "source", "expected one of lesson, beyond, got 'blog'"),
        (HEADER + "a,1,1,true,lesson,,extra\n", 2, "", "has more fields than the header"),
        (HEADER + "a,1,1\n", 2, "rare", "is empty"),
    ],
)
def test_malformed_rows_name_file_row_and_column(
    tmp_path: Path, text: str, row: int, column: str, words: str
) -> None:
    path = _write(tmp_path, text)
    error = _error(path)
    assert (str(path), row, column) == (error.path, error.row, error.column)
    assert (True, True) == (str(error).startswith(f"{path}, row {row}"), words in str(error))


def test_missing_column_message_lists_the_header(tmp_path: Path) -> None:
    error = _error(_write(tmp_path, "id,count\na,1\n"))
    assert "the header has id, count" in str(error)


def test_a_file_that_is_not_utf8_is_named_with_its_row(tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER.encode() + b"a,1,1,true,lesson,caf\xe9\n")
    error = _error(path)
    assert (str(path), 2) == (error.path, error.row)
    assert "is not UTF-8 text" in str(error)


def test_a_header_without_rows_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER)
    error = _error(path)
    assert f"{path}: has a header but no rows" == str(error)


def test_an_empty_file_names_the_missing_columns(tmp_path: Path) -> None:
    error = _error(_write(tmp_path, ""))
    assert (1, True) == (error.row, "the header has nothing" in str(error))


def test_a_missing_file(tmp_path: Path) -> None:
    error = _error(tmp_path / "nope.csv")
    assert f"{tmp_path / 'nope.csv'}: file not found" == str(error)


def test_errors_are_value_errors(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        read_table(_write(tmp_path, HEADER), COLUMNS)


def test_leading_comment_lines_are_skipped_and_still_counted(tmp_path: Path) -> None:
    text = (
        "# why these figures\n# (second line)\n"
        + HEADER
        + "a,3,0.5,yes,lesson,\nb,x,1,no,beyond,\n"
    )
    path = _write(tmp_path, text)
    error = _error(path)
    assert (5, "count") == (error.row, error.column)
    good = _write(tmp_path, "# a comment\n" + HEADER + "a,3,0.5,yes,lesson,\n", "good.csv")
    assert ("a",) == tuple(row["id"] for row in read_table(good, COLUMNS))


def test_a_missing_column_after_comments_names_the_header_line(tmp_path: Path) -> None:
    error = _error(_write(tmp_path, "# note\nid\na\n"))
    assert (2, "count") == (error.row, error.column)
