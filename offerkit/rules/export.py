"""The anonymised export: what a learner may send to the instructor for the workshop pulse.

An export holds **shares, counts and kinds only** — no name, no id, no pay figure, no free
text::

    {"kind": "offerkit-export", "schema": 1, "token": "9f2c…",
     "goal_areas": {"salary": 0.4, "growth": 0.35, "team_atmosphere": 0.25},
     "strengths": {"soft": 2, "hard": 1, "rare_hard": 1},
     "ask_over_previous_pct": 18, "exception_used": false, "exceptions": [],
     "decision_window_days": 5}

The ``token`` is random (:func:`new_token`), never derived from the learner; it is kept in
the answers file under :data:`TOKEN_KEY` so a re-export carries the same token and the
pulse can drop duplicates. :func:`parse_export` checks the shape of an export received by
the instructor (:func:`offerkit.instructor.export.read_export` reads the file).

A rule module: no widget imports; the answers store is reached through :class:`TokenStore`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from offerkit.errors import InvalidInputError

__all__ = [
    "EXCEPTION_KINDS",
    "EXPORT_KIND",
    "EXPORT_SCHEMA",
    "EXPORT_SUFFIX",
    "STRENGTH_KINDS",
    "TOKEN_KEY",
    "ExportInputs",
    "LearnerExport",
    "TokenStore",
    "anonymised_export",
    "export_token",
    "new_token",
    "parse_export",
]

EXPORT_KIND = "offerkit-export"
EXPORT_SCHEMA = 1
EXPORT_SUFFIX = ".offerkit-export.json"
TOKEN_KEY = "06.export-token"  # reserved answers key: {"token": "<hex>"}
EXCEPTION_KINDS = ("exceptional", "high-demand")
STRENGTH_KINDS = ("soft", "hard", "rare_hard")
_TOKEN = re.compile(r"[0-9a-f]{16,64}")  # fullmatch: "$" would let a final newline in
_MAX_DAYS = 366


@dataclass(frozen=True)
class ExportInputs:
    """What the export is made from (gathered from the saved answers)."""

    weights: Mapping[str, float]  # goal area id → weight (priorities)
    soft: int = 0
    hard: int = 0  # hard strengths that are not rare
    rare_hard: int = 0
    previous_annual: float | None = None
    ask: float | None = None
    exception_kinds: Sequence[str] = ()
    decision_days: int | None = None


@dataclass(frozen=True)
class LearnerExport:
    """One checked export, as the pulse reads it."""

    token: str
    weights: Mapping[str, float]
    strengths: Mapping[str, int]
    ask_pct: int | None
    exceptions: tuple[str, ...]
    decision_days: int | None


def new_token() -> str:
    """A fresh random token (16 hex digits), unrelated to the learner."""
    import secrets  # only when a token is made: keeps `offerkit --help` fast

    return secrets.token_hex(8)


class TokenStore(Protocol):
    """What :func:`export_token` needs of an answers store (an ``AnswersStore`` has it)."""

    def get(self, exercise_id: str, default: Any = None) -> Any:
        """The saved value under ``exercise_id``, or ``default``."""

    def save(self, exercise_id: str, value: Any, *, allow_empty: bool = False) -> bool:
        """Save ``value`` under ``exercise_id``; True when it was written."""


def export_token(store: TokenStore) -> str:
    """The learner's export token: the saved one, else a new one saved under TOKEN_KEY."""
    saved = store.get(TOKEN_KEY)
    if isinstance(saved, Mapping) and _TOKEN.fullmatch(str(saved.get("token", ""))):
        return str(saved["token"])
    token = new_token()
    store.save(TOKEN_KEY, {"token": token})
    return token


def _known_areas() -> frozenset[str]:
    from offerkit.rules.areas import goal_areas

    return frozenset(area.id for area in goal_areas())


def _weights(weights: Mapping[str, float]) -> dict[str, float]:
    known = _known_areas()
    clean: dict[str, float] = {}
    for area, weight in weights.items():
        if area not in known:  # only catalogue ids: never a learner's own words
            raise InvalidInputError("goal area", f"one of {', '.join(sorted(known))}", area)
        if isinstance(weight, bool) or not isinstance(weight, int | float):
            raise InvalidInputError(f"weight of {area}", "a share from 0 to 1", weight)
        if not 0 <= weight <= 1:
            raise InvalidInputError(f"weight of {area}", "a share from 0 to 1", weight)
        clean[area] = round(float(weight), 2)
    return clean


def _ask_pct(previous: float | None, ask: float | None) -> int | None:
    if previous is None or ask is None:
        return None
    if not (previous > 0 and ask > 0 and math.isfinite(previous) and math.isfinite(ask)):
        raise InvalidInputError("ask", "a positive amount over a positive previous pay", ask)
    return round((ask / previous - 1) * 100)


def _count(name: str, value: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 999:
        raise InvalidInputError(name, "a count from 0 to 999", value)
    return value


def anonymised_export(inputs: ExportInputs, token: str) -> dict[str, Any]:
    """The export of ``inputs`` under ``token``: shares, counts and kinds, nothing else.

    The ask becomes a whole percentage over previous pay (None when either is unknown);
    exceptions keep their kind only (the reason is free text and could identify).
    """
    if not isinstance(token, str) or not _TOKEN.fullmatch(token):
        raise InvalidInputError("token", "16–64 lower-case hex digits (see new_token)", token)
    kinds = sorted(dict.fromkeys(inputs.exception_kinds))
    for kind in kinds:
        if kind not in EXCEPTION_KINDS:
            raise InvalidInputError("exception", " or ".join(EXCEPTION_KINDS), kind)
    days = inputs.decision_days
    if days is not None:
        days = _count("decision_window_days", days)
    return {
        "kind": EXPORT_KIND,
        "schema": EXPORT_SCHEMA,
        "token": token,
        "goal_areas": _weights(inputs.weights),
        "strengths": {
            "soft": _count("soft", inputs.soft),
            "hard": _count("hard", inputs.hard),
            "rare_hard": _count("rare_hard", inputs.rare_hard),
        },
        "ask_over_previous_pct": _ask_pct(inputs.previous_annual, inputs.ask),
        "exception_used": bool(kinds),
        "exceptions": kinds,
        "decision_window_days": days,
    }


_FIELDS = (
    "kind",
    "schema",
    "token",
    "goal_areas",
    "strengths",
    "ask_over_previous_pct",
    "exception_used",
    "exceptions",
    "decision_window_days",
)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _optional_int(data: Mapping[str, Any], key: str, low: int, high: int) -> int | None:
    value = data[key]
    if value is None:
        return None
    if not _whole(value) or not low <= value <= high:
        raise ValueError(f"'{key}' must be a whole number from {low} to {high} or null")
    return int(value)


def _share(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) and 0 <= value <= 1


def _checked_areas(areas: Any) -> dict[str, float]:
    known = _known_areas()
    if not isinstance(areas, dict) or not all(
        isinstance(k, str) and k in known and _share(v) for k, v in areas.items()
    ):
        raise ValueError("'goal_areas' must map the course's goal-area ids to shares from 0 to 1")
    return {k: float(v) for k, v in areas.items()}


def _checked_strengths(strengths: Any) -> dict[str, int]:
    if (
        not isinstance(strengths, dict)
        or sorted(strengths) != sorted(STRENGTH_KINDS)
        or not all(_whole(v) and 0 <= v <= 999 for v in strengths.values())
    ):
        raise ValueError(
            f"'strengths' must hold counts from 0 to 999 for {', '.join(STRENGTH_KINDS)}"
        )
    return {k: int(strengths[k]) for k in STRENGTH_KINDS}


def _checked_exceptions(exceptions: Any, used: Any) -> tuple[str, ...]:
    if not isinstance(exceptions, list) or not all(
        isinstance(kind, str) and kind in EXCEPTION_KINDS for kind in exceptions
    ):
        raise ValueError(f"'exceptions' must list kinds among {', '.join(EXCEPTION_KINDS)}")
    if len(set(exceptions)) != len(exceptions):
        raise ValueError("'exceptions' lists a kind twice")
    if not isinstance(used, bool) or used != bool(exceptions):
        raise ValueError("'exception_used' must be true exactly when 'exceptions' is not empty")
    return tuple(sorted(exceptions))


def parse_export(data: Any) -> LearnerExport:
    """Check an export's shape (parsed JSON); ValueError with the first problem otherwise.

    Strict: exactly the fields :func:`anonymised_export` writes, catalogue area ids only,
    whole numbers in range. The messages are fixed texts that never quote the file, so a
    reason can be shown in a report without carrying anything a file chose to say.
    """
    if not isinstance(data, dict) or data.get("kind") != EXPORT_KIND:
        raise ValueError(f'not an offerkit export (expected "kind": "{EXPORT_KIND}")')
    if not _whole(data.get("schema")) or data["schema"] != EXPORT_SCHEMA:
        raise ValueError(f"'schema' must be {EXPORT_SCHEMA} (an export of another version)")
    token = data.get("token")
    if not isinstance(token, str) or not _TOKEN.fullmatch(token):
        raise ValueError("'token' is missing or malformed")
    missing = [key for key in _FIELDS if key not in data]
    if missing:
        raise ValueError(f"'{missing[0]}' is missing")
    if len(data) != len(_FIELDS):
        raise ValueError(
            f"holds fields an export does not have (expected only {', '.join(_FIELDS)})"
        )
    return LearnerExport(
        token=token,
        weights=_checked_areas(data["goal_areas"]),
        strengths=_checked_strengths(data["strengths"]),
        ask_pct=_optional_int(data, "ask_over_previous_pct", -100, 10_000),
        exceptions=_checked_exceptions(data["exceptions"], data["exception_used"]),
        decision_days=_optional_int(data, "decision_window_days", 0, _MAX_DAYS),
    )
