"""Know what you want: turn past frustrations into weighted priorities and questions.

Before any talk about pay, the lesson asks what the move should bring you — a friendlier
team, more project experience, a better salary. If you cannot say, look back:

1. write down work experiences that felt frustrating or uncomfortable (a
   :class:`FrustrationEntry`), the reason behind each, and the goal area(s) it points to,
   with an *intensity* from 1 (mild) to 5 (strong);
2. :func:`rank_priorities` adds the intensities per area and turns them into weights
   ``wᵢ = totalᵢ / Σ total`` (Σ wᵢ = 1), or takes weights you state yourself
   (:func:`parse_weights`);
3. :func:`~offerkit.rules.questions.interview_questions` picks, for each top priority, questions
   to ask the interviewer or HR, so you can check whether the company can provide it (in
   :mod:`offerkit.rules.questions`).

The goal areas (:mod:`offerkit.rules.areas`) live in
``data/goal_areas.csv``; its order is the canonical order, used to break ties.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from offerkit.errors import EmptyTextError, InvalidInputError
from offerkit.rules.areas import GoalArea, goal_area, goal_areas, resolve_goal_area

__all__ = [
    "MAX_INTENSITY",
    "MIN_INTENSITY",
    "FrustrationEntry",
    "Priorities",
    "Priority",
    "confirm_priorities",
    "frustration_entry",
    "growth_areas",
    "parse_weights",
    "rank_priorities",
    "wants_summary",
    "whole_percentages",
]

MIN_INTENSITY = 1
MAX_INTENSITY = 5

_WEIGHTS_HELP = "write e.g. 'salary=0.5, team_atmosphere=0.3; growth=0.2'"


def _whole_number(field: str, value: object, low: int, high: int | None, hint: str = "") -> None:
    in_range = False
    if isinstance(value, int) and not isinstance(value, bool):
        in_range = low <= value and (high is None or value <= high)
    if not in_range:
        wanted = f"from {low} to {high}" if high is not None else f"of {low} or more"
        raise InvalidInputError(field, f"a whole number {wanted}", value, hint)


@dataclass(frozen=True)
class FrustrationEntry:
    """A past work experience that frustrated you, why, and the area(s) it points to."""

    experience: str
    reason: str
    areas: tuple[str, ...]
    intensity: int = 1


def _entry_areas(areas: str | Iterable[str]) -> tuple[str, ...]:
    pieces: list[object] = list(areas.split(",") if isinstance(areas, str) else areas)
    ids: list[str] = []
    for piece in pieces:
        if isinstance(piece, str) and not piece.strip():
            continue
        area_id = resolve_goal_area(piece, "areas").id
        if area_id not in ids:
            ids.append(area_id)
    if not ids:
        raise InvalidInputError(
            "areas", "at least one goal area", areas, "which area would you like to improve?"
        )
    return tuple(ids)


def frustration_entry(
    experience: str, reason: str, areas: str | Iterable[str], intensity: int = 1
) -> FrustrationEntry:
    """Build a validated :class:`FrustrationEntry`.

    ``areas`` are goal-area ids or names, as a list or a comma-separated string; they are
    stored as catalogue ids, duplicates dropped. ``intensity`` is a whole number 1–5.

    >>> frustration_entry("Pay froze for two years", "no reviews", "Salary, growth").areas
    ('salary', 'growth')
    """
    if not isinstance(experience, str) or not experience.strip():
        raise EmptyTextError("experience", "a few words on what happened", experience)
    if not isinstance(reason, str) or not reason.strip():
        raise EmptyTextError("reason", "a few words on why it frustrated you", reason)
    if areas is None or not isinstance(areas, str | Iterable):
        raise InvalidInputError("areas", "goal areas as a list or 'a, b' text", areas)
    checked = _entry_areas(areas)
    _whole_number("intensity", intensity, MIN_INTENSITY, MAX_INTENSITY, "1 = mild, 5 = strong")
    return FrustrationEntry(experience.strip(), reason.strip(), checked, intensity)


def _checked_journal(entries: Iterable[FrustrationEntry]) -> tuple[FrustrationEntry, ...]:
    """Re-validate every entry (they may have been built without the factory)."""
    checked = []
    for index, item in enumerate(entries):
        if not isinstance(item, FrustrationEntry):
            expected = "a FrustrationEntry (build it with frustration_entry)"
            raise InvalidInputError(f"entries[{index}]", expected, item)
        checked.append(frustration_entry(item.experience, item.reason, item.areas, item.intensity))
    return tuple(checked)


def _ordered(totals: Mapping[str, float]) -> list[tuple[GoalArea, float]]:
    """Areas with a positive total, largest first, ties in catalogue order."""
    return sorted(
        ((area, totals[area.id]) for area in goal_areas() if totals.get(area.id, 0) > 0),
        key=lambda pair: -pair[1],
    )


def _tallies(entries: Iterable[FrustrationEntry]) -> tuple[dict[str, int], dict[str, int]]:
    """Total intensity and number of entries per area id."""
    totals: dict[str, int] = {}
    counts: dict[str, int] = {}
    for entry in _checked_journal(entries):
        for area_id in entry.areas:
            totals[area_id] = totals.get(area_id, 0) + entry.intensity
            counts[area_id] = counts.get(area_id, 0) + 1
    return totals, counts


def growth_areas(entries: Iterable[FrustrationEntry]) -> tuple[tuple[str, int], ...]:
    """Total intensity per area id, largest first, ties in catalogue order.

    An entry naming two areas adds its intensity to both.
    """
    return tuple((area.id, int(total)) for area, total in _ordered(_tallies(entries)[0]))


@dataclass(frozen=True)
class Priority:
    """One goal area, its weight (0–1) and how many journal entries name it."""

    area: GoalArea
    weight: float
    count: int


@dataclass(frozen=True)
class Priorities:
    """Ranked priorities, heaviest first; the weights sum to 1 (or the list is empty)."""

    items: tuple[Priority, ...] = ()

    def top(self, n: int = 3) -> tuple[Priority, ...]:
        """The ``n`` heaviest priorities (fewer if there are fewer)."""
        _whole_number("n", n, 0, None)
        return self.items[:n]

    @property
    def weights(self) -> dict[str, float]:
        """Area id → weight, heaviest first."""
        return {item.area.id: item.weight for item in self.items}

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to rank yet (add a journal entry)."""
        return not self.items


def _normalised(values: list[float]) -> list[float]:
    """``values`` divided by their sum; the last absorbs float rounding so Σ = 1."""
    total = math.fsum(values)
    shares = [value / total for value in values]
    if shares:
        shares[-1] = max(0.0, 1.0 - math.fsum(shares[:-1]))
    return shares


def _weight_value(value: object, received: object) -> float:
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if not (is_number and isinstance(value, int | float) and math.isfinite(value) and value >= 0):
        raise InvalidInputError("weights", "numbers of 0 or more", received, _WEIGHTS_HELP)
    return float(value)


def _checked_weights(weights: Mapping[str, float]) -> dict[str, float]:
    if not isinstance(weights, Mapping):
        raise InvalidInputError("weights", "a mapping of goal area to number", weights)
    checked: dict[str, float] = {}
    for name, value in weights.items():
        area_id = resolve_goal_area(name, "weights").id
        if area_id in checked:
            raise InvalidInputError("weights", "each area once", name, "it is given twice")
        checked[area_id] = _weight_value(value, {name: value})
    if not any(checked.values()):
        raise InvalidInputError(
            "weights", "at least one weight above 0", dict(weights), _WEIGHTS_HELP
        )
    return checked


def rank_priorities(
    entries: Iterable[FrustrationEntry], weights: Mapping[str, float] | None = None
) -> Priorities:
    """Rank the goal areas by the journal, or by explicit ``weights`` if given.

    From the journal, an area's weight is its total intensity over the sum of all totals.
    Explicit weights (area → number ≥ 0, any scale) are normalised to sum to 1 and areas
    weighted 0 are left out. Ties go in catalogue order; an empty journal gives empty
    :class:`Priorities`, not an error.
    """
    totals, counts = _tallies(entries)
    ordered = _ordered(totals if weights is None else _checked_weights(weights))
    shares = _normalised([total for _area, total in ordered])
    return Priorities(
        tuple(
            Priority(area, share, counts.get(area.id, 0))
            for (area, _total), share in zip(ordered, shares, strict=True)
        )
    )


def _weight_piece(piece: str) -> tuple[str, float]:
    name, separator, number = re.sub(r"[:=]", "=", piece, count=1).partition("=")
    if not separator or not name.strip():
        raise InvalidInputError("weights", "'area=number' pieces", piece, _WEIGHTS_HELP)
    try:
        value = float(number.strip().removesuffix("%"))
    except ValueError:
        raise InvalidInputError("weights", "a number after '='", piece, _WEIGHTS_HELP) from None
    return resolve_goal_area(name, "weights", piece).id, _weight_value(value, piece)


def parse_weights(text: str) -> dict[str, float]:
    """Read weights typed as ``area=number`` pieces, normalised to sum to 1.

    Pieces are separated by ``,``, ``;`` or new lines; ``:`` works as well as ``=``.

    >>> parse_weights("salary=3; growth: 1")
    {'salary': 0.75, 'growth': 0.25}
    """
    if not isinstance(text, str) or not text.strip():
        raise EmptyTextError("weights", "at least one 'area=number' piece", text, _WEIGHTS_HELP)
    parsed: dict[str, float] = {}
    for piece in (p.strip() for p in re.split(r"[,;\n]", text)):
        if not piece:
            continue
        area_id, value = _weight_piece(piece)
        if area_id in parsed:
            raise InvalidInputError("weights", "each area once", piece, "it is given twice")
        parsed[area_id] = value
    if not any(parsed.values()):
        raise InvalidInputError("weights", "at least one weight above 0", text, _WEIGHTS_HELP)
    return dict(zip(parsed, _normalised(list(parsed.values())), strict=True))


def whole_percentages(weights: Iterable[float]) -> tuple[int, ...]:
    """Weights as whole percentages that add up to exactly 100 (largest remainder).

    Each weight gets the whole part of its share; the points left go to the largest
    remainders, ties to the earlier weight.

    >>> whole_percentages([1, 1, 1])
    (34, 33, 33)
    """
    values = [float(w) for w in weights]
    if any(not math.isfinite(v) or v < 0 for v in values):
        raise InvalidInputError("weights", "numbers of 0 or more", values)
    total = math.fsum(values)
    if not values or total == 0:
        return tuple(0 for _ in values)
    exact = [v * 100 / total for v in values]
    whole = [math.floor(x) for x in exact]
    left = 100 - sum(whole)
    # remainders compared to 9 places, so float noise never breaks a tie
    by_remainder = sorted(range(len(values)), key=lambda i: (-round(exact[i] - whole[i], 9), i))
    for i in by_remainder[:left]:
        whole[i] += 1
    return tuple(whole)


def confirm_priorities(
    picked: Iterable[GoalArea | str], weights: Mapping[str, float]
) -> Priorities:
    """The learner's confirmed priorities: ``weights`` over the goal areas they picked.

    The frustration journal only *suggests* weights; the learner confirms or adjusts them.
    A weight above 0 for an area the learner did not pick is refused (named by its label),
    not counted.
    """
    allowed = {area.id if isinstance(area, GoalArea) else goal_area(area).id for area in picked}
    checked = _checked_weights(weights)
    stray = [goal_area(a).name for a, w in checked.items() if w > 0 and a not in allowed]
    if stray:
        raise InvalidInputError(
            "weights",
            "weights only for the goal areas you picked",
            ", ".join(stray),
            "pick the area first, or set its weight to 0",
        )
    return rank_priorities([], weights=checked)


def _check_priorities(priorities: object) -> None:
    """Refuse anything but :class:`Priorities` (shared with :mod:`offerkit.rules.questions`)."""
    if not isinstance(priorities, Priorities):
        raise InvalidInputError("priorities", "Priorities (from rank_priorities)", priorities)


def wants_summary(priorities: Priorities) -> str:
    """Plain-text lines such as ``1. Salary — 50 %``; a hint if there is nothing yet."""
    _check_priorities(priorities)
    if priorities.is_empty:
        return "No priorities yet: add a frustrating experience and the area it points to."
    return "\n".join(
        f"{rank}. {item.area.name} — {item.weight * 100:.0f} %"
        for rank, item in enumerate(priorities.items, start=1)
    )
