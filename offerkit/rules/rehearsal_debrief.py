"""The rehearsal's debrief (lesson 07): transcript, final terms, scores, the costliest move.

:func:`debrief` sums up a :class:`~offerkit.rules.rehearsal.Rehearsal` — finished, or still
running (then the terms so far). Each dimension's score runs from 0 to 10 (5 is neutral);
the costliest move is the reply whose four scores add up lowest, with what to try instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from offerkit.rules.rehearsal import Rehearsal
from offerkit.rules.rehearsal_scoring import DIMENSIONS, dimension_score, long_date

__all__ = ["Debrief", "debrief"]


@dataclass(frozen=True)
class Debrief:
    """The call summed up: transcript, final terms, scores, the costliest reply."""

    scenario: str
    outcome: str
    transcript: tuple[str, ...]
    base: float | None
    extras: tuple[str, ...]
    decision_date: date | None
    scores: dict[str, int]
    costliest: str
    try_instead: str
    lines: tuple[str, ...]


def _transcript(r: Rehearsal) -> tuple[str, ...]:
    lines: list[str] = []
    for turn in r.turns:
        lines.append(f"HR: {turn.hr}")
        figure = f" [figure: {turn.figure}]" if turn.figure else ""
        lines.append(f"You: {turn.reply or '(nothing)'}{figure}")
    if r.hr_line:
        lines.append(f"HR: {r.hr_line}")
    return tuple(lines)


def debrief(r: Rehearsal) -> Debrief:
    """The call summed up (also for a call still running: the terms so far)."""
    totals = {d: sum(t.judgement.score(d) for t in r.turns) for d in DIMENSIONS}
    scores = {d: dimension_score(points) for d, points in totals.items()}
    worst = min(r.turns, key=lambda t: t.judgement.total, default=None)
    costly, instead = "", ""
    if worst is not None and worst.judgement.total < 0:
        costly = f"Your reply to “{worst.hr}”: “{worst.reply}”"
        instead = worst.judgement.tip
    decided = r.outcome in ("deal", "deal below your walk-away", "time to decide")
    day = r.learner.offer_date + timedelta(days=r.decision_days) if decided else None
    base = r.offer if decided else None
    lines = [
        f"Scenario: {r.scenario.title} (level {r.scenario.level}). "
        f"Outcome: {r.outcome or 'in progress'}.",
        "Final terms: "
        + (
            f"{r.money(base)} a year" + "".join(f", {e}" for e in r.extras)
            if base is not None
            else "none agreed"
        )
        + (f"; decision by {long_date(day)}." if day else "."),
        "Scores (0–10): " + ", ".join(f"{d} {scores[d]}" for d in DIMENSIONS) + ".",
        f"HR's hidden band was {r.money(r.band_low)} to {r.money(r.band_high)} a year.",
    ]
    if costly:
        lines += [f"The costliest move: {costly}", f"Try instead: {instead}"]
    return Debrief(
        scenario=r.scenario.title,
        outcome=r.outcome or "in progress",
        transcript=_transcript(r),
        base=base,
        extras=r.extras if decided else (),
        decision_date=day,
        scores=scores,
        costliest=costly,
        try_instead=instead,
        lines=tuple(lines),
    )
