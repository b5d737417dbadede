"""Read a roster and check all of it before anything is built.

A roster is a CSV file (UTF-8, a byte-order mark is accepted) or a YAML list, one
participant per row, whose columns are the parameter schema's names
(:data:`offerkit.learner.params.PARAMETERS`). :func:`read_roster` returns the typed rows or
raises one :class:`~offerkit.errors.RosterError` listing **every** problem, each with its
row, column, what was expected and what was received. Row numbers are the ones a
spreadsheet shows: the header is row 1, the first participant row 2 (in YAML, the first
entry is entry 1).

A column that is missing takes the schema's default; a cell that is present but empty is
an empty value (``previous_pay`` empty = not disclosed).
"""

from __future__ import annotations

import csv
import importlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from offerkit.errors import InvalidInputError, RosterError
from offerkit.learner.params import PARAMETERS, learner_slug, validate_parameters

__all__ = ["Participant", "read_roster", "roster_columns"]


@dataclass(frozen=True)
class Participant:
    """One checked roster row: where it was, its slug and its typed parameters."""

    row: int
    slug: str
    parameters: dict[str, str | bool]

    @property
    def name(self) -> str:
        """The participant's name as written in the roster."""
        return str(self.parameters["learner_name"])


def roster_columns() -> tuple[str, ...]:
    """The columns a roster may have (the schema's names the roster sets)."""
    return tuple(p.name for p in PARAMETERS if p.in_roster)


def _problem(where: str, column: str, expected: str, received: object, hint: str = "") -> str:
    text = f"{where}, column '{column}': expected {expected}, received {received!r}"
    return f"{text} ({hint})" if hint else text


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RosterError(str(path), [f"cannot be read: {exc.strerror or exc}"]) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RosterError(
            str(path),
            [
                f"row {line}: the file is not UTF-8 (byte 0x{data[exc.start]:02x} at offset "
                f"{exc.start}); save it as 'CSV UTF-8' and try again"
            ],
        ) from None
    if not text.strip():
        raise RosterError(str(path), ["the file is empty: expected a header row and participants"])
    return text


def _csv_rows(text: str) -> tuple[list[str], list[tuple[int, dict[str, Any]]], list[str]]:
    """The header, the rows (with row numbers) and the shape problems of CSV ``text``."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [name.strip() for name in next(reader)]
    rows: list[tuple[int, dict[str, Any]]] = []
    problems: list[str] = []
    for cells in reader:
        number = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            problems.append(
                f"row {number}: expected {len(header)} cells (one per column), "
                f"received {len(cells)}"
            )
            continue
        rows.append((number, dict(zip(header, cells, strict=True))))
    return header, rows, problems


def _yaml_rows(text: str, path: Path) -> tuple[list[str], list[tuple[int, dict[str, Any]]]]:
    yaml: Any = importlib.import_module("yaml")  # PyYAML comes with papermill; untyped
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RosterError(str(path), [f"not valid YAML: {exc}"]) from None
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise RosterError(str(path), ["expected a YAML list of participants (mappings)"])
    header = list(dict.fromkeys(str(key) for item in data for key in item))
    return header, [(i, {str(k): v for k, v in item.items()}) for i, item in enumerate(data, 1)]


def _header_problems(header: list[str]) -> list[str]:
    allowed = roster_columns()
    problems = []
    for column in sorted({c for c in header if header.count(c) > 1}):
        problems.append(_problem("header", column, "each column once", "a repeated column"))
    for column in header:
        if column not in allowed:
            problems.append(
                _problem(
                    "header",
                    column,
                    f"one of {', '.join(allowed)}",
                    column,
                    "unknown columns are refused; fix the spelling or remove it",
                )
            )
    for p in PARAMETERS:
        if p.required and p.name not in header:
            problems.append(_problem("header", p.name, "this required column", "no such column"))
    return problems


def _row_problem(where: str, error: InvalidInputError, row: dict[str, Any]) -> str:
    """The problem, showing the cell as written in the roster (not as a rule parsed it)."""
    received = row.get(error.field, error.received)
    return _problem(where, error.field, error.expected, received, error.hint)


def _check_rows(
    rows: list[tuple[int, dict[str, Any]]], label: str, header: list[str]
) -> tuple[list[Participant], list[str]]:
    """Check each row; columns the header already refused are left out, and a missing
    required column is reported once (by the header check), not once per row."""
    allowed = set(roster_columns())
    partial = not all(p.name in header for p in PARAMETERS if p.required)
    participants: list[Participant] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for number, row in rows:
        where = f"{label} {number}"
        values = {k: v for k, v in row.items() if k in allowed}
        typed, errors = validate_parameters(values, partial=partial)
        problems.extend(_row_problem(where, e, values) for e in errors)
        if "learner_id" not in values or any(e.field == "learner_id" for e in errors):
            continue
        slug = learner_slug(str(typed["learner_id"]))
        if slug in seen:
            problems.append(
                _problem(
                    where,
                    "learner_id",
                    "a unique id",
                    typed["learner_id"],
                    f"already used in {label} {seen[slug]}",
                )
            )
            continue
        seen[slug] = number
        if not errors:
            participants.append(Participant(number, slug, typed))
    return participants, problems


def read_roster(path: Path) -> tuple[Participant, ...]:
    """Read and check the whole roster at ``path``; raise :class:`RosterError` listing all
    problems (nothing is built then)."""
    text = _decode(path)
    shape: list[str] = []
    if path.suffix.lower() in {".yaml", ".yml"}:
        header, rows = _yaml_rows(text, path)
        label = "entry"
    else:
        header, rows, shape = _csv_rows(text)
        label = "row"
    participants, row_problems = _check_rows(rows, label, header)
    problems = _header_problems(header) + shape + row_problems
    if not problems and not participants:
        problems.append("no participants: expected at least one row after the header")
    if problems:
        raise RosterError(str(path), problems)
    return tuple(participants)
