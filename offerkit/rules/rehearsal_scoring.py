"""Judging the rehearsal: each reply on four dimensions, and the debrief at the end.

The dimensions are the lesson's: **deal** (anchor with a range, don't concede too fast,
never go under your walk-away), **relationship** (HR as a friend, not an enemy),
**honesty** (no invented offers — compared with the offers entered in lesson 05; no
inflated current pay — compared with the previous pay in the profile) and **clarity**
(annual figures, a range, doubts confirmed before agreeing). Every judgement says why, in
the lesson's words, and what to try instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from offerkit.rules.pay import format_money
from offerkit.rules.rehearsal_reading import Reply

__all__ = ["DIMENSIONS", "Context", "Judgement", "dimension_score", "judge_reply", "long_date"]

DIMENSIONS = ("deal", "relationship", "honesty", "clarity")
"""The four things every reply is judged on, in the order they are shown."""


@dataclass(frozen=True)
class Context:
    """What the judge knows at a turn: the learner's own numbers and the call so far."""

    move: str
    point: str
    currency: str
    range_low: float
    range_high: float
    previous_pay: float | None
    walk_away: float | None
    offers_held: int
    offer: float | None
    ask: float | None
    questions: int


@dataclass(frozen=True)
class Judgement:
    """One reply's scores (each from -3 to +2), the reasons and what to try instead."""

    deal: int = 0
    relationship: int = 0
    honesty: int = 0
    clarity: int = 0
    notes: tuple[str, ...] = ()
    tip: str = ""

    @property
    def total(self) -> int:
        """The sum of the four scores (the costliest reply has the lowest)."""
        return self.deal + self.relationship + self.honesty + self.clarity

    def score(self, dimension: str) -> int:
        """The score on ``dimension`` (one of :data:`DIMENSIONS`)."""
        return int(getattr(self, dimension))


class _Tally:
    def __init__(self) -> None:
        self.scores = dict.fromkeys(DIMENSIONS, 0)
        self.notes: list[str] = []
        self.tips: list[tuple[int, str]] = []

    def add(self, dimension: str, points: int, note: str, tip: str = "") -> None:
        self.scores[dimension] += points
        label = dimension.capitalize()
        self.notes.append(f"{label} {points:+d}: {note}")
        if tip:
            self.tips.append((points, tip))

    def judgement(self) -> Judgement:
        tip = min(self.tips, key=lambda item: item[0])[1] if self.tips else ""
        return Judgement(notes=tuple(self.notes), tip=tip, **self.scores)


def _money(amount: float, ctx: Context) -> str:
    return format_money(amount, ctx.currency)


def _deal(reply: Reply, ctx: Context, tally: _Tally) -> None:
    low = None if ctx.move == "current_pay" or reply.claims_pay else reply.low
    if low is not None and low < ctx.range_low / 6:  # reads as monthly: judged under clarity
        low = None
    if low is not None and ctx.walk_away is not None and low < ctx.walk_away:
        tally.add(
            "deal",
            -3,
            f"{_money(low, ctx)} is below your walk-away point ({_money(ctx.walk_away, ctx)}).",
            "Hold at or above your walk-away; if HR can't reach it, thank them and decline.",
        )
        return
    early = ctx.move in ("expectations", "above_budget", "low_offer")
    if early and reply.is_range and low is not None and low >= ctx.range_low * 0.97:
        tally.add("deal", 1, "you anchored with your annual range, target at its low end.")
    if ctx.move == "expectations" and low is None and not reply.question:
        tally.add(
            "deal",
            -1,
            "no figure and no question: HR will set the anchor.",
            "Give your annual range, or ask what they can offer for the role.",
        )
    if ctx.offer is not None and low is not None and low > ctx.offer and not reply.hostile:
        tally.add("deal", 1, "you countered calmly instead of taking HR's figure as final.")
    if ctx.move == "low_offer" and reply.accepts and low is None:
        tally.add(
            "deal",
            -2,
            "you took the first figure on the spot. " + ctx.point,
            "Thank them, restate your range with one piece of evidence, and ask if there is room.",
        )
    dropped = ctx.ask is not None and low is not None and low < ctx.ask * 0.9
    if dropped and not reply.trades and (ctx.offer is None or (low or 0) > ctx.offer):
        tally.add(
            "deal",
            -1,
            f"you dropped from {_money(ctx.ask or 0, ctx)} to {_money(low or 0, ctx)} with "
            "nothing in return: that concedes too fast.",
            "Keep your range and explain the value behind it, or trade for a non-cash item.",
        )
    if ctx.move in ("deadline_48h", "closing") and reply.days_asked is not None:
        if reply.days_asked > 7:
            tally.add(
                "deal",
                -1,
                f"{reply.days_asked} days is longer than the lesson's week; the offer may go "
                "to someone else.",
                "Ask for a few days, a week at most, and name the date you will answer by.",
            )
        else:
            tally.add("deal", 1, "a few days to decide, within the lesson's week.")
    near = ctx.offer is not None and ctx.offer >= ctx.range_low * 0.97
    if ctx.move == "closing" and reply.accepts and near:
        tally.add("deal", 1, "you agreed on terms at (or near) your own range.")


def _relationship(reply: Reply, ctx: Context, tally: _Tally) -> None:
    if reply.hostile:
        shown = ", ".join(f"“{phrase}”" for phrase in reply.hostile[:3])
        tally.add(
            "relationship",
            -2,
            f"{shown} puts HR on the defensive. HR has KPIs too and wants you to accept.",
            "Treat HR as a friend: say what you'd like and why, calmly.",
        )
    elif reply.friendly:
        tally.add("relationship", 1, "friendly and calm: HR as a partner, not an enemy.")
    if reply.low is not None and reply.low > ctx.range_high * 1.1:
        tally.add(
            "relationship",
            -1,
            f"{_money(reply.low, ctx)} is far above your own range "
            f"({_money(ctx.range_high, ctx)} at the top): don't go too far.",
            "Stay within your range (the +20 % guideline, or your exception's ceiling).",
        )


def _honesty(reply: Reply, ctx: Context, tally: _Tally) -> None:
    if reply.claims_offer and ctx.offers_held == 0:
        tally.add(
            "honesty",
            -3,
            "you mentioned another offer, but you entered none besides this one in lesson 05.",
            "Only mention offers you hold; 'I'm talking to other companies' is fine if true.",
        )
    elif ctx.move == "only_offer" and (
        reply.denies_offer or reply.claims_offer or reply.mentions_others
    ):
        tally.add("honesty", 1, "a sincere answer about the offers you hold.")
    pay_claim = reply.claims_pay or (ctx.move == "current_pay" and reply.has_figure)
    if pay_claim and reply.low is not None and ctx.previous_pay is not None:
        if reply.low > ctx.previous_pay * 1.05:
            tally.add(
                "honesty",
                -3,
                f"you said you earn {_money(reply.low, ctx)}, but your previous pay is "
                f"{_money(ctx.previous_pay, ctx)}; pay is often checked later.",
                "State your real annual pay, then explain why the new role is worth more.",
            )
        else:
            tally.add("honesty", 1, "your current pay, stated sincerely.")
    elif ctx.move == "current_pay" and reply.declines_pay:
        tally.add("honesty", 0, "declining politely is fine where the question isn't allowed.")


def _clarity(reply: Reply, ctx: Context, tally: _Tally) -> None:
    if not reply.text:
        tally.add("clarity", -1, "no words to HR.", "Answer HR in a sentence or two.")
    if reply.figure_problem:
        tally.add(
            "clarity",
            -1,
            f"the figure did not read ({reply.figure_problem}).",
            "Write an annual figure or range, e.g. 330k-350k.",
        )
    if reply.low is not None and reply.low < ctx.range_low / 6:
        tally.add(
            "clarity",
            -1,
            f"{_money(reply.low, ctx)} looks like a monthly figure.",
            "Say the annual figure (monthly × months + bonus) so nobody misreads it.",
        )
    elif reply.is_range and ctx.move in ("expectations", "low_offer", "above_budget"):
        tally.add("clarity", 1, "a clear annual range.")
    if reply.question:
        tally.add("clarity", 1, "you confirmed a doubt instead of guessing.")
    if ctx.move == "closing" and reply.accepts and ctx.questions == 0 and not reply.question:
        tally.add(
            "clarity",
            -1,
            "you agreed without confirming anything about the offer.",
            "Before you agree, confirm your doubts (bonus, review, start date) calmly.",
        )


def judge_reply(reply: Reply, ctx: Context) -> Judgement:
    """Judge one reply on the four dimensions, with reasons and a tip."""
    tally = _Tally()
    for judge in (_deal, _relationship, _honesty, _clarity):
        judge(reply, ctx, tally)
    return tally.judgement()


def dimension_score(points: int) -> int:
    """A dimension's total over the call as a score from 0 to 10 (5 = neutral)."""
    return max(0, min(10, 5 + points))


def long_date(day: date) -> str:
    """``Monday 9 March 2026``."""
    return f"{day:%A} {day.day} {day:%B} {day.year}"
