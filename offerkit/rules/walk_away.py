"""The walk-away point and the bargaining zone (lesson 05; beyond the lesson).

Your walk-away point is the lowest annual offer you would accept: what your best
alternative is worth (staying where you are, another offer) plus whatever makes this
job worse (commute, team, growth). A bargaining zone exists when your walk-away is at or
below the most HR is likely to pay. It is the criterion for accept / counter / decline,
and it never changes the lesson's defaults (the +20 % guideline, your annual range).
"""

from __future__ import annotations

from dataclasses import dataclass

from offerkit.errors import InvalidInputError
from offerkit.rules.pay import format_money

__all__ = ["WalkAwayReading", "read_walk_away"]


@dataclass(frozen=True)
class WalkAwayReading:
    """A walk-away point against your range and HR's likely band; the zone, if any."""

    walk_away: float
    currency: str
    range_low: float
    range_high: float
    likely_low: float
    likely_high: float
    previous: float | None
    zone: tuple[float, float] | None
    lines: tuple[str, ...]
    warn: bool


def read_walk_away(
    walk_away: float,
    *,
    currency: str,
    range_low: float,
    range_high: float,
    likely_low: float,
    likely_high: float,
    previous: float | None = None,
) -> WalkAwayReading:
    """Where ``walk_away`` sits; every figure annual, in ``currency``."""
    if walk_away <= 0:
        raise InvalidInputError("walk_away", "a positive annual amount", walk_away)

    def money(amount: float) -> str:
        return format_money(amount, currency)

    lines = [
        f"Your walk-away point: {money(walk_away)} a year. Below it, you decline politely.",
        f"Your range (lesson 03, unchanged): {money(range_low)}–{range_high:,.0f}.",
        f"HR's likely band from the posting: {money(likely_low)}–{likely_high:,.0f}.",
    ]
    warn = False
    zone = (walk_away, likely_high) if walk_away <= likely_high else None
    if zone is None:
        warn = True
        lines.append(
            "No bargaining zone: your walk-away is above the most HR is likely to pay. "
            "Check your alternative, or expect to decline."
        )
    else:
        lines.append(
            f"Bargaining zone: {money(zone[0])}–{zone[1]:,.0f}. Offers in it are worth a "
            "counter or a yes; offers below it, a polite no."
        )
    if walk_away > range_high:
        warn = True
        lines.append("Your walk-away is above your own range: the range would never satisfy you.")
    if previous is not None and walk_away < previous:
        warn = True
        lines.append(
            f"Your walk-away is below your previous pay ({money(previous)}): is that really "
            "better than staying?"
        )
    return WalkAwayReading(
        walk_away,
        currency,
        range_low,
        range_high,
        likely_low,
        likely_high,
        previous,
        zone,
        tuple(lines),
        warn,
    )
