"""Read a roster and check all of it before anything is built.

A roster is a CSV file (UTF-8, a byte-order mark is accepted) or a YAML list, one
participant per row, whose columns are the parameter schema's names
(:data:`offerkit.learner.params.PARAMETERS`). :func:`read_roster` returns the typed rows or
raises one :class:`~offerkit.errors.RosterError` listing **every** problem, each with its
row, column, what was expected and what was received. Row numbers are the records a
spreadsheet shows (a quoted cell with line breaks is one row): the header is row 1, the
first participant row 2; in YAML, the first entry is entry 1 (with its line).

A column that is missing means *not given* for every participant: empty text (for
``previous_pay``: not disclosed) and ``false`` — never the demo profile of the lessons'
parameters cell. Only ``currency`` keeps its default (a code is needed to read pay).

Every input is bounded (:class:`RosterLimits`): file size, participant rows, characters
per cell, YAML nesting; YAML aliases are never expanded into cells (a cell must be text),
so a "billion laughs" file costs what its bytes cost.
"""

from __future__ import annotations

import csv
import importlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from offerkit.errors import InvalidInputError, RosterError
from offerkit.learner.params import PARAMETERS, learner_slug, validate_parameters

__all__ = ["KEEPS_DEFAULT", "Participant", "RosterLimits", "read_roster", "roster_columns"]

KEEPS_DEFAULT = frozenset({"currency"})
_SHOWN = 60  # characters of a received value quoted in a message


@dataclass(frozen=True)
class RosterLimits:
    """The bounds on a roster; the message for each names its flag (if it has one)."""

    max_bytes: int = 10_000_000  # --max-roster-mb
    max_rows: int = 10_000  # --max-rows
    max_cell: int = 500  # characters in one cell (no flag: names and pay are short)
    max_depth: int = 4  # YAML collections inside each other (a roster needs 2)


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


def _shown(received: object) -> str:
    """``repr`` of a received value, cut to :data:`_SHOWN` characters."""
    if isinstance(received, str) and len(received) > _SHOWN:
        return f"{received[:_SHOWN]!r}… ({len(received):,} characters)"
    text = repr(received)
    return text if len(text) <= _SHOWN else f"{text[:_SHOWN]}…"


def _problem(where: str, column: str, expected: str, received: object, hint: str = "") -> str:
    text = f"{where}, column '{column}': expected {expected}, received {_shown(received)}"
    return f"{text} ({hint})" if hint else text


def _decode(path: Path, limits: RosterLimits) -> str:
    try:
        with path.open("rb") as stream:
            data = stream.read(limits.max_bytes + 1)
    except OSError as exc:
        raise RosterError(str(path), [f"cannot be read: {exc.strerror or exc}"]) from None
    if len(data) > limits.max_bytes:
        raise RosterError(
            str(path),
            [
                f"the file is larger than the limit of {limits.max_bytes / 1e6:g} MB "
                "(raise it with --max-roster-mb)"
            ],
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        where = _where_in_bytes(path, data[: exc.start])
        raise RosterError(
            str(path),
            [
                f"{where}: the file is not UTF-8 (byte 0x{data[exc.start]:02x} at offset "
                f"{exc.start}); save it as 'CSV UTF-8' and try again"
            ],
        ) from None
    if not text.strip():
        raise RosterError(str(path), ["the file is empty: expected a header row and participants"])
    return text


def _where_in_bytes(path: Path, before: bytes) -> str:
    """``row N`` (a CSV record number) or ``line N`` (YAML) of the byte after ``before``."""
    prefix = before.decode("utf-8-sig", errors="replace")
    if path.suffix.lower() in {".yaml", ".yml"}:
        return f"line {prefix.count(chr(10)) + 1}"
    reader = csv.reader(io.StringIO(prefix + "x", newline=""))
    try:
        return f"row {sum(1 for _ in reader)}"
    except csv.Error:
        return f"line {prefix.count(chr(10)) + 1}"


def _too_many(limits: RosterLimits, label: str) -> str:
    return (
        f"more than {limits.max_rows:,} participants ({label}s); split the roster or raise "
        "the limit with --max-rows"
    )


def _records(text: str) -> Iterator[tuple[int, list[str] | str]]:
    """``(record number, cells)`` per CSV record, or ``(number, problem)`` at a record the
    csv module refuses (reading stops there: it cannot find the next record)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    number = 0
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield number, f"row {number}: cannot be read as CSV ({exc}); reading stopped here"
            return
        yield number, cells


def _csv_rows(
    text: str, limits: RosterLimits
) -> tuple[list[str], list[tuple[int, dict[str, Any]]], list[str]]:
    """The header, the rows (with record numbers) and the shape problems of CSV ``text``."""
    records = _records(text)
    problems: list[str] = []
    _, first = next(records)
    if isinstance(first, str):
        return [], [], [first]
    header = [name.strip() for name in first]
    rows: list[tuple[int, dict[str, Any]]] = []
    for number, cells in records:
        if isinstance(cells, str):
            problems.append(cells)
            break
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) == limits.max_rows:
            problems.append(f"row {number}: " + _too_many(limits, "row"))
            break
        if len(cells) != len(header):
            problems.append(
                f"row {number}: expected {len(header)} cells (one per column), "
                f"received {len(cells)}"
            )
            continue
        rows.append((number, dict(zip(header, cells, strict=True))))
    return header, rows, problems


def _yaml_module() -> Any:
    return importlib.import_module("yaml")  # PyYAML comes with papermill; untyped


def _yaml_loader(yaml: Any) -> Any:
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _check_nesting(text: str, path: Path, limits: RosterLimits) -> None:
    """Refuse YAML nested deeper than ``limits.max_depth`` before anything recursive reads
    it (the events come from an iterative parser)."""
    yaml = _yaml_module()
    depth = entry = 0
    try:
        for event in yaml.parse(text, Loader=_yaml_loader(yaml)):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                entry += depth == 2
                if depth > limits.max_depth:
                    line = event.start_mark.line + 1
                    raise RosterError(
                        str(path),
                        [
                            f"entry {entry} (line {line}): nested more than "
                            f"{limits.max_depth} levels deep; each entry is one mapping of "
                            "column: value"
                        ],
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:
        raise RosterError(str(path), [f"not valid YAML: {exc}"]) from None


_YAML_NULL = "tag:yaml.org,2002:null"
_YAML_BOOL = "tag:yaml.org,2002:bool"
_YAML_STR = "tag:yaml.org,2002:str"


def _yaml_cell(node: Any, yaml: Any) -> object:
    """A cell's value from its node, without constructing Python numbers or expanding
    aliases: text as written, ``true``/``false``, empty for null; a list or mapping is
    returned as a short description (refused later as "expected text")."""
    if not isinstance(node, yaml.ScalarNode):
        kind = "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"
        return _Refused(kind)
    if node.tag == _YAML_NULL:
        return ""
    if node.tag == _YAML_BOOL:
        return node.value.lower() in {"true", "yes", "on", "y"}
    return str(node.value)


@dataclass(frozen=True)
class _Refused:
    """A cell that is not text (a YAML list or mapping)."""

    kind: str

    def __repr__(self) -> str:
        return self.kind


def _yaml_entry(
    number: int, node: Any, yaml: Any, problems: list[str]
) -> tuple[int, dict[str, Any]] | None:
    where = f"entry {number} (line {node.start_mark.line + 1})"
    if not isinstance(node, yaml.MappingNode):
        problems.append(f"{where}: expected a mapping of column: value")
        return None
    row: dict[str, Any] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode) or key.tag != _YAML_STR:
            shown = _shown(key.value) if isinstance(key, yaml.ScalarNode) else "a collection"
            problems.append(f"{where}: column names must be text, received {shown}")
            continue
        if key.value in row:
            problems.append(_problem(where, key.value, "each column once", "a repeated column"))
        row[key.value] = _yaml_cell(value, yaml)
    return number, row


def _yaml_rows(
    text: str, path: Path, limits: RosterLimits
) -> tuple[list[str], list[tuple[int, dict[str, Any]]], list[str]]:
    yaml = _yaml_module()
    _check_nesting(text, path, limits)
    try:
        root = yaml.compose(text, Loader=_yaml_loader(yaml))
    except yaml.YAMLError as exc:
        raise RosterError(str(path), [f"not valid YAML: {exc}"]) from None
    if not isinstance(root, yaml.SequenceNode):
        raise RosterError(str(path), ["expected a YAML list of participants (mappings)"])
    problems: list[str] = []
    if len(root.value) > limits.max_rows:
        problems.append(_too_many(limits, "entrie"))
    rows = []
    for number, node in enumerate(root.value[: limits.max_rows], 1):
        entry = _yaml_entry(number, node, yaml, problems)
        if entry is not None:
            rows.append(entry)
    header = list(dict.fromkeys(key for _, row in rows for key in row))
    return header, rows, problems


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


def _cell_problems(where: str, row: dict[str, Any], limits: RosterLimits) -> list[str]:
    """Cells that are not text, or longer than ``limits.max_cell`` characters."""
    problems = []
    for column, value in row.items():
        if isinstance(value, _Refused):
            problems.append(_problem(where, column, "text", value))
        elif isinstance(value, str) and len(value) > limits.max_cell:
            problems.append(_problem(where, column, f"at most {limits.max_cell} characters", value))
    return problems


def _not_given(header: list[str]) -> dict[str, str | bool]:
    """The values of the columns the roster lacks: empty, not the demo profile's."""
    return {
        p.name: ("" if p.kind == "str" else False)
        for p in PARAMETERS
        if p.in_roster and not p.required and p.name not in header and p.name not in KEEPS_DEFAULT
    }


def _check_rows(
    rows: list[tuple[int, dict[str, Any]]], label: str, header: list[str], limits: RosterLimits
) -> tuple[list[Participant], list[str]]:
    """Check each row; columns the header already refused are left out, and a missing
    required column is reported once (by the header check), not once per row."""
    allowed = set(roster_columns())
    partial = not all(p.name in header for p in PARAMETERS if p.required)
    absent = _not_given(header)
    participants: list[Participant] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for number, row in rows:
        where = f"{label} {number}"
        values = {k: v for k, v in row.items() if k in allowed}
        shape = _cell_problems(where, values, limits)
        if shape:
            problems.extend(shape)
            continue
        typed, errors = validate_parameters({**absent, **values}, partial=partial)
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


def read_roster(path: Path, limits: RosterLimits | None = None) -> tuple[Participant, ...]:
    """Read and check the whole roster at ``path``; raise :class:`RosterError` listing all
    problems (nothing is built then)."""
    bounds = limits or RosterLimits()
    text = _decode(path, bounds)
    if path.suffix.lower() in {".yaml", ".yml"}:
        header, rows, shape = _yaml_rows(text, path, bounds)
        label = "entry"
    else:
        header, rows, shape = _csv_rows(text, bounds)
        label = "row"
    participants, row_problems = _check_rows(rows, label, header, bounds)
    problems = _header_problems(header) + shape + row_problems
    if not problems and not participants:
        problems.append("no participants: expected at least one row after the header")
    if problems:
        raise RosterError(str(path), problems)
    return tuple(participants)
