"""The one parameter schema shared by every lesson notebook and the roster.

Each notebook's cell tagged ``parameters`` is written from :data:`PARAMETERS`
(``name: type = default  # help``), and a roster's columns are these names.
:func:`validate_parameters` checks one set of values and returns them typed, with every
problem listed (field, expected, received) — the batch builder reports them per row.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from offerkit.errors import InvalidInputError
from offerkit.rules.pay import check_currency, parse_pay, parse_pay_range

__all__ = [
    "PARAMETERS",
    "PARAMETER_NAMES",
    "Parameter",
    "learner_slug",
    "parameters_cell_source",
    "validate_parameters",
]

Kind = Literal["str", "bool"]


@dataclass(frozen=True)
class Parameter:
    """One notebook parameter / roster column."""

    name: str
    kind: Kind
    default: str | bool
    help: str
    required: bool = False  # required in a roster row
    in_roster: bool = True  # answers_file is set by the builder, not the roster


PARAMETERS: tuple[Parameter, ...] = (
    Parameter("learner_id", "str", "demo", "stable id: letters, digits, - and _", True),
    Parameter("learner_name", "str", "Sam Example", "name shown in your workbook", True),
    Parameter("currency", "str", "CNY", "ISO currency code of your pay figures"),
    Parameter(
        "previous_pay",
        "str",
        "25k x 14",
        "previous pay in any format, like 25k x 14; empty means not disclosed",
    ),
    Parameter("posted_range", "str", "20-30K·15薪", "the job board's range; may be empty"),
    Parameter("target_role", "str", "Backend engineer", "the role you are applying for"),
    Parameter("high_demand_role", "bool", False, "is the role in high demand"),
    Parameter("high_demand_reason", "str", "", "your evidence that it is in high demand"),
    Parameter(
        "answers_file",
        "str",
        "",
        "your answers file; empty means answers/ID.answers.json",
        in_roster=False,
    ),
)
PARAMETER_NAMES: tuple[str, ...] = tuple(p.name for p in PARAMETERS)
_BY_NAME = {p.name: p for p in PARAMETERS}

_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    "index",
    "manifest",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


def parameters_cell_source() -> str:
    """The source of the ``parameters`` cell every lesson carries."""
    lines = ["# Parameters: your profile. Edit here, or let `offerkit build` fill them in."]
    for p in PARAMETERS:
        value = json.dumps(p.default, ensure_ascii=False) if p.kind == "str" else p.default
        lines.append(f"{p.name}: {p.kind} = {value}  # {p.help}")
    return "\n".join(lines)


def learner_slug(learner_id: str) -> str:
    """A file-safe name for ``learner_id``; raise if the id cannot be made safe.

    Ids may hold letters, digits, ``-`` and ``_`` (1–64 characters, starting with a letter
    or digit); reserved device names and our own file names are refused. The slug is the
    lower-cased id, so it is the same on case-insensitive file systems.
    """
    text = learner_id.strip() if isinstance(learner_id, str) else learner_id
    if not isinstance(text, str) or not _SLUG.match(text):
        raise InvalidInputError(
            "learner_id",
            "1–64 letters, digits, '-' or '_' (no spaces, dots or slashes)",
            learner_id,
        )
    slug = text.lower()
    if slug in _RESERVED:
        raise InvalidInputError(
            "learner_id",
            "a name that is not reserved",
            learner_id,
            f"reserved: {', '.join(sorted(_RESERVED))}",
        )
    return slug


_TRUE = {"true", "yes", "1", "y"}
_FALSE = {"false", "no", "0", "n", ""}


def _coerce(p: Parameter, value: object) -> str | bool:
    if p.kind == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise InvalidInputError(p.name, "true or false (also yes/no, 1/0)", value)
    if value is None:
        return ""
    if not isinstance(value, str | int | float):
        raise InvalidInputError(p.name, "text", value)
    return str(value).strip()


def _check(name: str, value: str | bool, values: Mapping[str, str | bool]) -> None:
    if name == "learner_id":
        learner_slug(str(value))
    elif name == "learner_name" and not str(value).strip():
        raise InvalidInputError("learner_name", "a name", value)
    elif name == "currency":
        check_currency(str(value))
    elif name == "previous_pay" and value:
        parse_pay(str(value), _pay_currency(values))
    elif name == "posted_range" and value:
        parse_pay_range(str(value), _pay_currency(values))


def _pay_currency(values: Mapping[str, str | bool]) -> str:
    """The currency to read pay in; a bad code is reported once, under 'currency'."""
    try:
        return check_currency(str(values.get("currency") or "CNY"))
    except InvalidInputError:
        return "CNY"


def validate_parameters(
    values: Mapping[str, object], *, partial: bool = False
) -> tuple[dict[str, str | bool], list[InvalidInputError]]:
    """Check ``values`` against the schema.

    Returns the typed values (defaults filled in) and the list of problems; an unknown
    name, a missing required one (unless ``partial``), a wrong type or a value a rule
    rejects each adds one :class:`InvalidInputError`. Nothing is raised.
    """
    problems: list[InvalidInputError] = []
    typed: dict[str, str | bool] = {}
    given: list[str] = []
    for name in values:
        if name not in _BY_NAME:
            problems.append(
                InvalidInputError(
                    name,
                    f"one of the schema's names ({', '.join(PARAMETER_NAMES)})",
                    "an unknown name",
                    "remove it or fix its spelling",
                )
            )
    for p in PARAMETERS:
        if p.name not in values:
            if p.required and not partial:
                problems.append(InvalidInputError(p.name, "a value (required)", "nothing"))
            typed[p.name] = p.default
            continue
        try:
            typed[p.name] = _coerce(p, values[p.name])
            given.append(p.name)
        except InvalidInputError as exc:
            problems.append(exc)
    for name in given:
        try:
            _check(name, typed[name], typed)
        except InvalidInputError as exc:
            problems.append(exc)
    return typed, problems
