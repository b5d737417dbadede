"""One validated loader for the CSV catalogues in ``data/``.

Each catalogue has a schema (its columns and their kinds). A malformed file raises
:class:`~offerkit.errors.DataFileError` naming the file, the row and the column.
Row numbers count the header as row 1, as a spreadsheet shows them.

A file may open with comment lines starting with ``#`` (the reasoning behind its figures);
they are skipped, and row numbers still count them, so a row is named by its line.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, TextIO

from offerkit.errors import DataFileError
from offerkit.resources import bundled_folder

__all__ = ["SCHEMAS", "Column", "data_dir", "load_catalogue", "read_table"]

ColumnKind = Literal["text", "optional", "int", "float", "bool", "choice"]


@dataclass(frozen=True)
class Column:
    """One column of a catalogue: its name, its kind and, for choices, what is allowed."""

    name: str
    kind: ColumnKind = "text"
    choices: tuple[str, ...] = ()


_SOURCE = Column("source", "choice", ("lesson", "beyond"))

SCHEMAS: Mapping[str, tuple[Column, ...]] = {
    "currencies": (Column("code"), Column("symbol"), Column("name"), Column("step", "int")),
    "goal_areas": (Column("id"), Column("name"), Column("description"), _SOURCE),
    "question_bank": (Column("area"), Column("question"), _SOURCE),
    "doubts_checklist": (Column("id"), Column("topic"), Column("question"), Column("why"), _SOURCE),
    "tone_phrases": (Column("pattern"), Column("category"), Column("hint")),
    "honesty_phrases": (Column("pattern"), Column("kind", "choice", ("evasive",)), Column("hint")),
    "pay_conventions": (
        Column("code"),
        Column("number_style", "choice", ("en", "eu", "in", "ch")),
        Column("year_min", "float"),
        Column("month_max", "float"),
        Column("months", "float"),
        Column("basis"),
    ),
    # the rehearsal of the HR call (lesson 07): moves are "|"-separated move ids
    "rehearsal_moves": (Column("id"), Column("line"), Column("point")),
    "rehearsal_scenarios": (
        Column("id"),
        Column("title"),
        Column("level", "int"),
        Column("role"),
        Column("persona"),
        Column("band_low_pct", "float"),
        Column("band_high_pct", "float"),
        Column("base_capped", "bool"),
        Column("sign_on", "bool"),
        Column("six_month_review", "bool"),
        Column("moves"),
        Column("patience", "int"),
    ),
    # non-cash items worth asking for, each tied to its goal area; keywords are "|"-separated
    "trades": (
        Column("id"),
        Column("area"),
        Column("item"),
        Column("keywords"),
        Column("hr_line"),
        _SOURCE,
    ),
    # one file per lesson: quiz-03.csv …; options and explanations are separated by "|"
    "quiz": (
        Column("id"),
        Column("kind", "choice", ("recall", "apply")),
        _SOURCE,
        Column("question"),
        Column("options"),
        Column("answer", "choice", ("a", "b", "c", "d")),
        Column("explanations"),
    ),
}


def data_dir() -> Path:
    """The folder holding the catalogues: ``$OFFERKIT_DATA``, else the package's ``data/``
    (:func:`offerkit.resources.bundled_folder`)."""
    return bundled_folder("data")


def _convert(value: str, column: Column, path: str, row: int) -> object:
    text = value.strip()
    if column.kind == "optional":
        return text
    if not text:
        raise DataFileError("is empty; a value is required", path=path, row=row, column=column.name)
    if column.kind == "int":
        try:
            return int(text)
        except ValueError:
            raise DataFileError(
                f"expected a whole number, got {text!r}", path=path, row=row, column=column.name
            ) from None
    if column.kind == "float":
        try:
            return float(text)
        except ValueError:
            raise DataFileError(
                f"expected a number, got {text!r}", path=path, row=row, column=column.name
            ) from None
    if column.kind == "bool":
        lowered = text.lower()
        if lowered in {"true", "yes", "1"}:
            return True
        if lowered in {"false", "no", "0"}:
            return False
        raise DataFileError(
            f"expected true or false, got {text!r}", path=path, row=row, column=column.name
        )
    if column.kind == "choice" and text not in column.choices:
        raise DataFileError(
            f"expected one of {', '.join(column.choices)}, got {text!r}",
            path=path,
            row=row,
            column=column.name,
        )
    return text


def _skip_comments(handle: TextIO) -> int:
    """Move ``handle`` past the leading ``#`` lines; return how many there were."""
    count = 0
    while True:
        start = handle.tell()
        line = handle.readline()
        if not line.startswith("#"):
            handle.seek(start)
            return count
        count += 1


def read_table(path: Path, columns: tuple[Column, ...]) -> tuple[dict[str, object], ...]:
    """Read and validate one CSV file against ``columns``."""
    shown = str(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            comments = _skip_comments(handle)
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            missing = [c.name for c in columns if c.name not in header]
            if missing:
                raise DataFileError(
                    f"missing column(s) {', '.join(missing)}; the header has "
                    f"{', '.join(header) or 'nothing'}",
                    path=shown,
                    row=1 + comments,
                    column=missing[0],
                )
            rows = []
            for number, raw in enumerate(reader, start=2 + comments):
                if None in raw:
                    raise DataFileError("has more fields than the header", path=shown, row=number)
                rows.append(
                    {c.name: _convert(raw.get(c.name) or "", c, shown, number) for c in columns}
                )
    except FileNotFoundError:
        raise DataFileError("file not found", path=shown) from None
    except UnicodeDecodeError:
        content = path.read_bytes()
        try:
            content.decode("utf-8")
        except UnicodeDecodeError as exc:  # re-decoded whole, so the offset is the file's
            raise DataFileError(
                f"is not UTF-8 text ({exc.reason} at byte {exc.start})",
                path=shown,
                row=content[: exc.start].count(b"\n") + 1,
            ) from None
        raise
    if not rows:
        raise DataFileError("has a header but no rows", path=shown)
    return tuple(rows)


@cache
def load_catalogue(name: str) -> tuple[dict[str, object], ...]:
    """Load ``data/<name>.csv`` and check it against its schema in :data:`SCHEMAS`.

    A name like ``quiz-03`` uses the schema of its prefix (``quiz``).
    """
    schema = SCHEMAS.get(name) or SCHEMAS.get(name.split("-")[0])
    if schema is None:
        raise DataFileError(f"unknown catalogue {name!r}; known: {', '.join(sorted(SCHEMAS))}")
    return read_table(data_dir() / f"{name}.csv", schema)
