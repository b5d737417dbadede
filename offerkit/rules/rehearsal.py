"""Rehearse the HR call (lesson 07): a deterministic, rule-based HR counterpart.

No network and no language model: HR plays a :class:`~offerkit.rules.rehearsal_scenarios.Scenario`
against the learner's own numbers (:class:`RehearsalLearner`), and its next move depends on
the reply. A friendly reply with evidence earns a step up or a trade; an antagonistic one
makes HR less flexible (and, past HR's patience, ends the call); a figure under the
walk-away is taken gladly; a week to decide is fine, a month is not; an invented offer or an
inflated current pay is noticed and costs HR's trust.

Pure: :func:`start_rehearsal` and :func:`reply_to` return new frozen
:class:`Rehearsal` values, and the same seed, scenario and replies always give the same
call. :func:`offerkit.rules.rehearsal_debrief.debrief` sums it up.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta

from offerkit.rules.pay import format_money
from offerkit.rules.rehearsal_reading import Reply, read_reply
from offerkit.rules.rehearsal_scenarios import Scenario, Trade, hr_moves, load_trades
from offerkit.rules.rehearsal_scoring import Context, Judgement, judge_reply, long_date

__all__ = [
    "Rehearsal",
    "RehearsalLearner",
    "Turn",
    "reply_to",
    "start_rehearsal",
]

_THANKS = ("Thanks, that's helpful.", "I appreciate that.", "Understood, thank you.")
_COOL = ("Right.", "I see.", "Noted.")


@dataclass(frozen=True)
class RehearsalLearner:
    """The learner's own numbers the rehearsal plays against (all pay annual)."""

    name: str
    currency: str
    range_low: float
    range_high: float
    posted_mid: float | None = None
    previous_pay: float | None = None
    walk_away: float | None = None
    offers_held: int = 0
    """Offers actually held besides this one (entered in lesson 05)."""
    priorities: tuple[str, ...] = ()
    """Goal-area ids, top first (lesson 01)."""
    role: str = ""
    """The target role (lesson 00); the scenario's own when empty."""
    offer_date: date = date(2026, 3, 2)


@dataclass(frozen=True)
class Turn:
    """One exchange: HR's move and line, the learner's reply and its judgement."""

    move: str
    hr: str
    reply: str
    figure: str
    judgement: Judgement


@dataclass(frozen=True)
class Rehearsal:
    """A call in progress (or finished: :attr:`outcome` is set)."""

    scenario: Scenario
    learner: RehearsalLearner
    seed: int
    band_low: float
    band_high: float
    pending: tuple[str, ...]
    hr_line: str
    turns: tuple[Turn, ...] = ()
    offer: float | None = None
    ask: float | None = None
    goodwill: int = 0
    strikes: int = 0
    caught: bool = False
    extras: tuple[str, ...] = ()
    decision_days: int = 2
    questions: int = 0
    closings: int = 0
    outcome: str = ""

    @property
    def finished(self) -> bool:
        """True once the call is over (a deal, no deal, or HR ended it)."""
        return bool(self.outcome)

    @property
    def move(self) -> str:
        """HR's current move (``""`` when finished)."""
        return self.pending[0] if self.pending and not self.finished else ""

    def money(self, amount: float) -> str:
        """An amount in the learner's currency."""
        return format_money(amount, self.learner.currency)


def _round(amount: float) -> float:
    return float(round(amount / 1000) * 1000)


def _rng(rehearsal: Rehearsal | Scenario, seed: int, salt: int = 0) -> random.Random:
    scenario = rehearsal if isinstance(rehearsal, Scenario) else rehearsal.scenario
    return random.Random(f"{scenario.id}:{seed}:{salt}")


def _terms(r: Rehearsal) -> str:
    base = r.money(r.offer) if r.offer is not None else "the offer we discussed"
    extras = "".join(f", plus {item}" for item in r.extras)
    answer = long_date(r.learner.offer_date + timedelta(days=r.decision_days))
    return f"{base} a year{extras}, with your answer by {answer}"


def _line(r: Rehearsal, move: str) -> str:
    template = hr_moves()[move].line
    offer = r.money(r.offer) if r.offer is not None else ""
    role = f"the {r.learner.role} role" if r.learner.role else f"{r.scenario.role} role"
    return template.format(role=role, offer=offer, terms=_terms(r))


def _enter(r: Rehearsal, prefix: str) -> Rehearsal:
    """Move to the next pending move: set HR's first figure if it is the offer, say it."""
    if not r.pending:
        return replace(r, outcome=r.outcome or "no deal", hr_line=prefix.strip())
    move = r.pending[0]
    if move == "low_offer" and r.offer is None:
        first = r.band_low if r.ask is None else min(r.band_low, r.ask)
        r = replace(r, offer=_round(first))
    return replace(r, hr_line=f"{prefix} {_line(r, move)}".strip())


def start_rehearsal(scenario: Scenario, learner: RehearsalLearner, seed: int = 0) -> Rehearsal:
    """Open the call: HR's band set from the posting (or the learner's target), first line."""
    reference = learner.posted_mid or learner.range_low
    low, high = scenario.band(reference)
    jitter = _rng(scenario, seed).choice((-0.02, -0.01, 0.0, 0.01, 0.02))
    opening = Rehearsal(
        scenario=scenario,
        learner=learner,
        seed=seed,
        band_low=_round(low * (1 + jitter)),
        band_high=_round(high * (1 + jitter)),
        pending=scenario.moves,
        hr_line="",
    )
    return _enter(opening, "")


def _trades_allowed(r: Rehearsal) -> tuple[Trade, ...]:
    def allowed(trade: Trade) -> bool:
        if trade.id == "sign_on":
            return r.scenario.sign_on
        if trade.id == "early_review":
            return r.scenario.six_month_review
        return True

    return tuple(t for t in load_trades() if allowed(t))


def _grant(r: Rehearsal, reply: Reply) -> tuple[Rehearsal, str]:
    """Trades HR grants now: the ones asked for, else (with goodwill, when base can't move)
    one from the learner's top priorities."""
    if r.caught or r.goodwill < 0 or len(r.extras) >= 2:
        return r, ""
    allowed = {t.id: t for t in _trades_allowed(r)}
    wanted = [allowed[t] for t in reply.trades if t in allowed]
    if not wanted and r.move == "no_base" and r.goodwill >= 1:
        for area in r.learner.priorities:
            wanted = [t for t in allowed.values() if t.area == area][:1]
            if wanted:
                break
    new = [t for t in wanted if t.item not in r.extras][: 2 - len(r.extras)]
    if not new:
        return r, ""
    return replace(r, extras=r.extras + tuple(t.item for t in new)), " ".join(
        t.hr_line for t in new
    )


def _step_up(r: Rehearsal, reply: Reply) -> tuple[Rehearsal, str]:
    """HR's answer to a counter: a step towards it, in proportion to goodwill."""
    if r.offer is None or reply.low is None or reply.low <= r.offer:
        return r, ""
    if r.scenario.base_capped or r.caught or r.goodwill < 0 or reply.hostile:
        return r, f"I'm afraid {r.money(r.offer)} is where we are on base."
    share = min(0.8, 0.2 + 0.1 * r.goodwill)
    target = min(reply.low, r.band_high)
    offer = _round(r.offer + (target - r.offer) * share)
    if offer <= r.offer:
        return r, f"I can't go beyond {r.money(r.offer)}, I'm afraid."
    return replace(r, offer=offer), f"I can move to {r.money(offer)} a year."


def _mood(r: Rehearsal, reply: Reply) -> tuple[Rehearsal, str]:
    """Goodwill, strikes and trust after a reply; HR's first words back."""
    goodwill, strikes, caught = r.goodwill, r.strikes, r.caught
    if reply.hostile:
        goodwill, strikes = goodwill - 2, strikes + 1
    else:
        goodwill += int(reply.friendly) + int(reply.evidence)
    said = ""
    if reply.claims_offer and r.learner.offers_held == 0:
        caught, said = True, "Could you send me that other offer in writing? We'd need to see it."
    pay = r.learner.previous_pay
    pay_claim = reply.claims_pay or r.move == "current_pay"
    if pay_claim and pay is not None and reply.low is not None and reply.low > pay * 1.05:
        caught, said = True, "We do check pay history at the background check, just so you know."
    r = replace(r, goodwill=goodwill, strikes=strikes, caught=caught)
    if said:
        return r, said
    rng = _rng(r, r.seed, len(r.turns))
    return r, rng.choice(_COOL if reply.hostile else _THANKS)


def _after(r: Rehearsal, reply: Reply, said: str) -> Rehearsal:
    """HR's next move, depending on the reply to the current one."""
    move, rest = r.pending[0], r.pending[1:]
    if reply.ambiguous or (reply.low is not None and reply.low < r.learner.range_low / 6):
        said += " Is that per month or per year? Let's talk in annual figures."
        reply = replace(reply, low=None, high=None)
    if reply.low is not None and move not in ("current_pay",) and not reply.claims_pay:
        r = replace(r, ask=reply.low)
    if move == "expectations":
        if reply.low is None and reply.question and "low_offer" in rest:
            rest = ("low_offer", *(m for m in rest if m != "low_offer"))
        elif (
            reply.low is not None and reply.low > r.band_high * 1.08 and "above_budget" not in rest
        ):
            rest = ("above_budget", *rest)
    if move in ("low_offer", "above_budget", "no_base", "closing") and r.offer is not None:
        r, stepped = _step_up(r, reply)
        said = f"{said} {stepped}".strip()
    if r.offer is not None and (reply.trades or move == "no_base"):
        r, granted = _grant(r, reply)
        said = f"{said} {granted}".strip()
    if move in ("deadline_48h", "closing") and reply.days_asked is not None:
        if reply.days_asked > 7:
            r = replace(r, decision_days=7, goodwill=r.goodwill - 1)
            said += " That's too long for us; the most I can give you is a week."
        else:
            r = replace(r, decision_days=max(1, reply.days_asked))
            said += " That works for us."
    if move == "low_offer" and reply.accepts:
        rest = ("closing",)
    return replace(r, pending=rest, hr_line=said)


def _close(r: Rehearsal, reply: Reply, said: str) -> Rehearsal:
    """The closing: a deal, no deal, time to decide, or one more round after a counter."""
    walk_away = r.learner.walk_away
    if reply.declines:
        return replace(r, outcome="no deal", pending=(), hr_line=f"{said} Thank you for your time.")
    if reply.accepts or (reply.days_asked is not None and reply.days_asked <= 7):
        bad = walk_away is not None and r.offer is not None and r.offer < walk_away
        outcome = "deal below your walk-away" if bad else "deal"
        if not reply.accepts:
            outcome = "time to decide"
        return replace(r, outcome=outcome, pending=(), hr_line=f"{said} Great, I'll send it over.")
    if r.closings == 0 and reply.low is not None:
        r = replace(r, closings=1)
        return _enter(replace(r, pending=("closing",)), said)
    return replace(r, outcome="no deal", pending=(), hr_line=f"{said} Let's leave it there.")


def reply_to(rehearsal: Rehearsal, text: str, figure: str = "") -> Rehearsal:
    """The learner answers HR's current move; HR judges nothing, but the judge does."""
    r = rehearsal
    if r.finished:
        return r
    trades = load_trades()
    reply = read_reply(text, figure, currency=r.learner.currency, trades=trades)
    move = r.pending[0]
    ctx = Context(
        move=move,
        point=hr_moves()[move].point,
        currency=r.learner.currency,
        range_low=r.learner.range_low,
        range_high=r.learner.range_high,
        previous_pay=r.learner.previous_pay,
        walk_away=r.learner.walk_away,
        offers_held=r.learner.offers_held,
        offer=r.offer,
        ask=r.ask,
        questions=r.questions,
    )
    turn = Turn(move, r.hr_line, reply.text, figure.strip(), judge_reply(reply, ctx))
    r = replace(r, turns=(*r.turns, turn), questions=r.questions + int(reply.question))
    r, said = _mood(r, reply)
    if r.strikes > r.scenario.patience:
        line = f"{said} I don't think this is going anywhere today. Let's leave it here."
        return replace(r, outcome="HR ended the call", pending=(), hr_line=line)
    if move == "closing":
        r = _after(r, reply, said)
        return _close(replace(r, pending=("closing",)), reply, r.hr_line)
    r = _after(r, reply, said)
    return _enter(r, r.hr_line)
