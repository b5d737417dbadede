"""The goal areas: what a job change can bring you (``data/goal_areas.csv``).

The catalogue's order is the canonical order (it breaks ties in the priorities). An area is
found by its id or its display name in any case, e.g. ``"Team atmosphere"``; the lesson's
own areas are marked ``lesson``, the kit's additions ``beyond``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Literal

from offerkit.errors import InvalidInputError
from offerkit.rules.catalogue import load_catalogue

__all__ = ["AreaSource", "GoalArea", "goal_area", "goal_areas", "resolve_goal_area"]

AreaSource = Literal["lesson", "beyond"]
_SOURCES: Mapping[str, AreaSource] = {"lesson": "lesson", "beyond": "beyond"}
_AREAS_HELP = "use an id or a name from data/goal_areas.csv"


@dataclass(frozen=True)
class GoalArea:
    """One thing a job change can bring you, e.g. ``salary`` or ``team_atmosphere``."""

    id: str
    name: str
    description: str
    source: AreaSource


@cache
def goal_areas() -> tuple[GoalArea, ...]:
    """Every goal area in ``data/goal_areas.csv``, in catalogue (canonical) order."""
    return tuple(
        GoalArea(
            str(row["id"]), str(row["name"]), str(row["description"]), _SOURCES[str(row["source"])]
        )
        for row in load_catalogue("goal_areas")
    )


def _key(text: str) -> str:
    return re.sub(r"[\s_\-/]+", "_", text.strip().lower())


@cache
def _lookup() -> Mapping[str, GoalArea]:
    """Normalised display name or id → area (ids win if a name clashes with an id)."""
    by_name = {_key(area.name): area for area in goal_areas()}
    return MappingProxyType(by_name | {_key(area.id): area for area in goal_areas()})


def resolve_goal_area(value: object, field: str, received: object = None) -> GoalArea:
    """The catalogue area for an id, a display name or a GoalArea; InvalidInputError names
    ``field`` (and shows ``received``, if given, instead of ``value``)."""
    if isinstance(value, GoalArea) and value in goal_areas():
        return value
    found = _lookup().get(_key(value)) if isinstance(value, str) else None
    if found is None:
        known = ", ".join(area.id for area in goal_areas())
        shown = value if received is None else received
        raise InvalidInputError(field, f"a known goal area ({known})", shown, _AREAS_HELP)
    return found


def goal_area(id: str | GoalArea) -> GoalArea:
    """The goal area with this id or display name (any case), e.g. ``"Team atmosphere"``."""
    return resolve_goal_area(id, "area")
