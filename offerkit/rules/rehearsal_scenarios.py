"""The rehearsal's scenarios, HR's moves and the trades (lesson 07; data files in ``data/``).

A :class:`Scenario` is one HR call: the role, HR's persona, HR's **hidden** band (set
relative to the middle of the learner's posting, or to the learner's target when there is
no posting), HR's constraints (base capped, sign-on, six-month review) and the moves HR
makes, in order. A :class:`Trade` is a non-cash item worth asking for when cash can't
move, tied to a goal area (beyond the lesson). Everything is read through
:func:`~offerkit.rules.catalogue.load_catalogue`, and a bad row raises
:class:`~offerkit.errors.DataFileError` naming the file, the row and the column.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from offerkit.errors import DataFileError
from offerkit.rules.catalogue import load_catalogue

__all__ = [
    "MOVES",
    "HrMove",
    "Scenario",
    "Trade",
    "hr_moves",
    "load_scenarios",
    "load_trades",
    "scenario_by_id",
]

MOVES = (
    "expectations",
    "current_pay",
    "above_budget",
    "only_offer",
    "low_offer",
    "no_base",
    "deadline_48h",
    "closing",
)
"""Every move HR can make, in the order a call usually runs."""


@dataclass(frozen=True)
class HrMove:
    """One thing HR says (a template with ``{role}``, ``{offer}``, ``{terms}``) and the
    lesson's point it tests."""

    id: str
    line: str
    point: str


@dataclass(frozen=True)
class Scenario:
    """One HR call to rehearse (see the module docstring)."""

    id: str
    title: str
    level: int
    role: str
    persona: str
    band_low_pct: float
    band_high_pct: float
    base_capped: bool
    sign_on: bool
    six_month_review: bool
    moves: tuple[str, ...]
    patience: int

    def band(self, reference: float) -> tuple[float, float]:
        """HR's hidden band, annual, around ``reference`` (the posting's middle)."""
        low = reference * (1 + self.band_low_pct / 100)
        high = reference * (1 + self.band_high_pct / 100)
        return low, max(low, high)


@dataclass(frozen=True)
class Trade:
    """A non-cash item to ask for, its goal area, the words that name it and HR's line."""

    id: str
    area: str
    item: str
    keywords: tuple[str, ...]
    hr_line: str
    source: str


def _pieces(text: object) -> tuple[str, ...]:
    return tuple(p.strip() for p in str(text).split("|") if p.strip())


@cache
def hr_moves() -> dict[str, HrMove]:
    """HR's moves by id (``data/rehearsal_moves.csv``); every id of :data:`MOVES` present."""
    rows = load_catalogue("rehearsal_moves")
    moves: dict[str, HrMove] = {}
    for number, row in enumerate(rows, start=2):
        move = HrMove(str(row["id"]), str(row["line"]), str(row["point"]))
        if move.id not in MOVES:
            raise DataFileError(
                f"expected one of {', '.join(MOVES)}, got {move.id!r}",
                path="rehearsal_moves.csv",
                row=number,
                column="id",
            )
        moves[move.id] = move
    missing = [m for m in MOVES if m not in moves]
    if missing:
        raise DataFileError(f"no line for move(s) {', '.join(missing)}", path="rehearsal_moves.csv")
    return moves


def _scenario(row: dict[str, object], number: int) -> Scenario:
    where = {"path": "rehearsal_scenarios.csv", "row": number}
    moves = _pieces(row["moves"])
    unknown = [m for m in moves if m not in MOVES]
    if unknown or not moves or moves[0] != "expectations" or moves[-1] != "closing":
        got = ", ".join(unknown) if unknown else "|".join(moves)
        raise DataFileError(
            f"expected moves from {', '.join(MOVES)}, starting with expectations and ending "
            f"with closing; got {got!r}",
            column="moves",
            **where,  # type: ignore[arg-type]
        )
    low, high = float(row["band_low_pct"]), float(row["band_high_pct"])  # type: ignore[arg-type]
    if low > high or not -50 <= low <= 50 or not -50 <= high <= 50:
        raise DataFileError(
            f"expected a band from -50 to +50 % with low ≤ high, got {low:g} to {high:g}",
            column="band_high_pct",
            **where,  # type: ignore[arg-type]
        )
    patience = int(row["patience"])  # type: ignore[call-overload]
    if patience < 1:
        raise DataFileError(
            f"expected a whole number ≥ 1, got {patience}",
            column="patience",
            **where,  # type: ignore[arg-type]
        )
    return Scenario(
        id=str(row["id"]),
        title=str(row["title"]),
        level=int(row["level"]),  # type: ignore[call-overload]
        role=str(row["role"]),
        persona=str(row["persona"]),
        band_low_pct=low,
        band_high_pct=high,
        base_capped=bool(row["base_capped"]),
        sign_on=bool(row["sign_on"]),
        six_month_review=bool(row["six_month_review"]),
        moves=moves,
        patience=patience,
    )


@cache
def load_scenarios() -> tuple[Scenario, ...]:
    """Every scenario, easiest first (``data/rehearsal_scenarios.csv``)."""
    rows = load_catalogue("rehearsal_scenarios")
    scenarios = [_scenario(row, number) for number, row in enumerate(rows, start=2)]
    return tuple(sorted(scenarios, key=lambda s: s.level))


def scenario_by_id(scenario_id: str) -> Scenario:
    """The scenario called ``scenario_id``; :class:`DataFileError` naming the known ones."""
    for scenario in load_scenarios():
        if scenario.id == scenario_id:
            return scenario
    known = ", ".join(s.id for s in load_scenarios())
    raise DataFileError(
        f"no scenario {scenario_id!r}; known: {known}", path="rehearsal_scenarios.csv"
    )


@cache
def load_trades() -> tuple[Trade, ...]:
    """The non-cash trades, each tied to a goal area (``data/trades.csv``)."""
    return tuple(
        Trade(
            id=str(row["id"]),
            area=str(row["area"]),
            item=str(row["item"]),
            keywords=_pieces(row["keywords"]),
            hr_line=str(row["hr_line"]),
            source=str(row["source"]),
        )
        for row in load_catalogue("trades")
    )
