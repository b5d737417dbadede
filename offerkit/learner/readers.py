"""Saved answer values → the rules' domain objects.

A saved answer is plain JSON (what a widget held). These readers turn one into the objects
the rules work with — journal entries, strengths, offers, weights — and name the entry an
error comes from. The exercises use them to judge what the learner typed; the learner's
state (:mod:`offerkit.learner.state`) uses them to read what was saved. Nothing else
converts answer values.

Values saved by the first release (schema 1) are read too: ratings and weights typed as
``area=number`` text as well as the ``{area_id: number}`` mappings the sliders save.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from offerkit.errors import InvalidInputError, OfferkitError
from offerkit.rules.areas import GoalArea, goal_area
from offerkit.rules.offers import Offer, offer
from offerkit.rules.strengths import Strength, strength
from offerkit.rules.wants import (
    MAX_INTENSITY,
    MIN_INTENSITY,
    FrustrationEntry,
    frustration_entry,
    parse_weights,
)

__all__ = [
    "entries_of",
    "read_areas",
    "read_journal",
    "read_offers",
    "read_ratings",
    "read_strengths",
    "read_weights",
    "readable",
    "whole_number",
]

T = TypeVar("T")

_RATINGS_HELP = "rate each area from 0 to 5"


def whole_number(value: object, field: str, low: int, high: int) -> int:
    """A choice value (text or int) as a whole number from ``low`` to ``high``."""
    text = str(value).strip()
    if isinstance(value, bool) or not text.isdigit() or not low <= int(text) <= high:
        raise InvalidInputError(field, f"a whole number from {low} to {high}", value)
    return int(text)


def entries_of(saved: object) -> list[Mapping[str, Any]]:
    """The ``entries`` list of a saved list exercise (journal, ledger, offers); [] if none."""
    entries = saved.get("entries") if isinstance(saved, Mapping) else None
    if not isinstance(entries, list):
        return []
    return [entry for entry in entries if isinstance(entry, Mapping)]


def _numbered(
    read_one: Callable[[Mapping[str, Any]], T], raw_entries: Sequence[Mapping[str, Any]]
) -> list[T]:
    """Read each entry; an error names the entry (``intensity (entry 2)``)."""
    read = []
    for number, raw in enumerate(raw_entries, start=1):
        try:
            read.append(read_one(raw))
        except InvalidInputError as exc:
            field = f"{exc.field} (entry {number})"
            raise type(exc)(field, exc.expected, exc.received, exc.hint) from None
    return read


def readable(
    reader: Callable[[Sequence[Mapping[str, Any]]], list[T]],
    raw_entries: Iterable[Mapping[str, Any]],
) -> tuple[list[T], int]:
    """The entries that still read, and how many did not (a hand-edited file)."""
    kept: list[T] = []
    dropped = 0
    for raw in raw_entries:
        try:
            kept.extend(reader([raw]))
        except (OfferkitError, AttributeError, TypeError, ValueError):
            dropped += 1
    return kept, dropped


def _intensity(value: object) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise InvalidInputError(
            "intensity", f"a whole number from {MIN_INTENSITY} to {MAX_INTENSITY}", value
        ) from None


def _journal_entry(raw: Mapping[str, Any]) -> FrustrationEntry:
    return frustration_entry(
        str(raw.get("experience") or ""),
        str(raw.get("reason") or ""),
        [str(a) for a in raw.get("areas") or ()],
        _intensity(raw.get("intensity", MIN_INTENSITY)),
    )


def read_journal(raw_entries: Sequence[Mapping[str, Any]]) -> list[FrustrationEntry]:
    """Frustration-journal entries (lesson 01)."""
    return _numbered(_journal_entry, raw_entries)


def _strength(raw: Mapping[str, Any]) -> Strength:
    return strength(
        str(raw.get("description") or ""),
        str(raw.get("evidence") or ""),
        str(raw.get("kind") or ""),
        bool(raw.get("rare")),
    )


def read_strengths(raw_entries: Sequence[Mapping[str, Any]]) -> list[Strength]:
    """Strength-ledger entries (lesson 02)."""
    return _numbered(_strength, raw_entries)


def read_areas(value: object) -> list[GoalArea]:
    """Picked goal areas (ids, or names as typed in older answers), each once, in order."""
    if value is None or isinstance(value, str):
        items: list[object] = [value] if value else []
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        raise InvalidInputError("areas", "a list of goal areas", value)
    picked: dict[str, GoalArea] = {}
    for item in items:
        if str(item).strip():
            area = goal_area(str(item))
            picked.setdefault(area.id, area)
    return list(picked.values())


def _legacy_pairs(text: str, field: str) -> dict[str, float]:
    """``salary=4, growth: 3`` (the first release's typed form) → {area_id: number}."""
    pairs: dict[str, float] = {}
    for piece in (p.strip() for p in re.split(r"[,;\n]", text)):
        if not piece:
            continue
        name, separator, number = piece.replace(":", "=", 1).partition("=")
        if not separator:
            raise InvalidInputError(field, "'area=number' pieces", piece, _RATINGS_HELP)
        try:
            area = goal_area(name.strip()).id
        except InvalidInputError as exc:
            raise InvalidInputError(field, exc.expected, piece, exc.hint) from None
        try:
            pairs[area] = float(number.strip().removesuffix("%"))
        except ValueError:
            raise InvalidInputError(field, "a number after '='", piece, _RATINGS_HELP) from None
    return pairs


def _area_numbers(value: object, field: str) -> dict[str, float]:
    if isinstance(value, str):
        return _legacy_pairs(value, field)
    if not isinstance(value, Mapping):
        raise InvalidInputError(field, "a number per goal area", value, _RATINGS_HELP)
    numbers: dict[str, float] = {}
    for key, number in value.items():
        area = goal_area(str(key))
        if isinstance(number, bool) or not isinstance(number, int | float):
            raise InvalidInputError(f"{field} ({area.name})", "a number", number)
        numbers[area.id] = float(number)
    return numbers


def read_ratings(value: object) -> dict[str, float]:
    """An offer's ratings per goal area (0–5): slider values (0 = not rated, left out), or
    the text typed before the sliders (``"salary=4, growth=3"``, schema 1)."""
    if isinstance(value, Mapping):
        ratings = {area: n for area, n in _area_numbers(value, "ratings").items() if n != 0}
        if not ratings:
            raise InvalidInputError(
                "ratings", "at least one rating above 0", "nothing", "move a slider"
            )
        return ratings
    ratings = _area_numbers(value, "ratings")
    if not ratings:
        raise InvalidInputError("ratings", "at least one rating", value, _RATINGS_HELP)
    return ratings


def read_weights(value: object) -> dict[str, float]:
    """Priority weights per goal area, normalised to sum to 1: slider values, or the old
    typed text (``salary=0.5, growth=0.5``)."""
    if isinstance(value, str):
        return parse_weights(value)
    numbers = {area: weight for area, weight in _area_numbers(value, "weights").items()}
    if any(weight < 0 for weight in numbers.values()) or not any(numbers.values()):
        raise InvalidInputError("weights", "at least one weight above 0", value)
    total = sum(numbers.values())
    return {area: weight / total for area, weight in numbers.items() if weight > 0}


def _offer(currency: str) -> Callable[[Mapping[str, Any]], Offer]:
    def read_one(raw: Mapping[str, Any]) -> Offer:
        musts = raw.get("must_haves") or ()
        return offer(
            str(raw.get("name") or ""),
            str(raw.get("pay") or ""),
            read_ratings(raw.get("ratings") or ""),
            [musts] if isinstance(musts, str) else [str(m) for m in musts],
            currency=currency,
        )

    return read_one


def read_offers(raw_entries: Sequence[Mapping[str, Any]], currency: str) -> list[Offer]:
    """Offers compared in lesson 05 (pay read in ``currency`` unless the text names one)."""
    return _numbered(_offer(currency), raw_entries)
