"""The learner's state: what this learner has decided so far, from parameters + answers.

:func:`learner_state` is the one place that reads a learner's saved answers back into the
rules' objects. The widgets, the plan, the export, the command line and the batch build
all read the :class:`LearnerState` it returns, so every lesson tells the same story: the
priorities confirmed in lesson 01 are the ones lessons 05 and 06 weigh offers with, the
range worked out in lesson 03 is the one lesson 04 opens with, and the name in the profile
is the name on every page.

Pure: no widgets, no file access (the caller passes the answers as a mapping, e.g.
``AnswersStore.all()``). An answer that no longer reads (a hand-edited file) is left out and
named in :attr:`LearnerState.problems`, in the words of the lesson that saved it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from offerkit.errors import OfferkitError
from offerkit.learner import schema
from offerkit.learner.readers import (
    entries_of,
    read_areas,
    read_journal,
    read_offers,
    read_strengths,
    read_weights,
    readable,
    whole_number,
)
from offerkit.rules.areas import GoalArea
from offerkit.rules.ask import AskVerdict, check_ask
from offerkit.rules.dates import read_date
from offerkit.rules.hr import (
    MAX_DECISION_DAYS,
    WEEKEND_CHOICES,
    DecisionDeadline,
    decision_deadline,
    doubts_checklist,
)
from offerkit.rules.offers import Offer, OfferScore, compare_offers
from offerkit.rules.pay import AnnualPay, parse_pay
from offerkit.rules.questions import InterviewQuestion, interview_questions
from offerkit.rules.salary import ExpectedSalary, expected_salary_range
from offerkit.rules.salary_exceptions import SalaryException
from offerkit.rules.strengths import StrengthSummary, summarise_strengths
from offerkit.rules.wants import (
    FrustrationEntry,
    Priorities,
    confirm_priorities,
    rank_priorities,
    whole_percentages,
)

__all__ = [
    "PRIORITY_SOURCES",
    "TODAY_VARIABLE",
    "LearnerState",
    "PrioritiesState",
    "Profile",
    "SalaryState",
    "current_date",
    "learner_state",
]

TODAY_VARIABLE = "OFFERKIT_TODAY"
"""Environment variable that fixes "today" (``YYYY-MM-DD``) for tests and repeatable builds."""

PrioritySource = Literal["confirmed", "journal", "areas", "none"]

PRIORITY_SOURCES: dict[str, str] = {
    "confirmed": "the priorities you confirmed in lesson 01",
    "journal": "the weights your frustration journal suggests (not confirmed yet: confirm "
    "them at the end of lesson 01)",
    "areas": "equal weights over the goal areas you picked in lesson 01 (not confirmed yet)",
    "none": "no priorities yet (lesson 01)",
}
"""Where a learner's priorities come from, as every lesson words it."""


@dataclass(frozen=True)
class Profile:
    """Who the learner is and what they earn (lesson 00; the roster in a batch build)."""

    learner_id: str
    name: str
    currency: str
    previous_pay_text: str
    previous_pay: AnnualPay | None
    posted_range_text: str
    target_role: str
    high_demand_role: bool
    high_demand_reason: str
    saved: bool = False
    previous_pay_period: str = ""
    posted_range_period: str = ""
    """"month" or "year" when the learner said which a bare figure is ("" = the text says)."""

    @property
    def fields(self) -> dict[str, Any]:
        """The profile as the parameter names (what lesson 00 shows)."""
        return {
            "learner_name": self.name,
            "currency": self.currency,
            "previous_pay": self.previous_pay_text,
            "posted_range": self.posted_range_text,
            "target_role": self.target_role,
            "high_demand_role": self.high_demand_role,
            "high_demand_reason": self.high_demand_reason,
            "previous_pay_period": self.previous_pay_period,
            "posted_range_period": self.posted_range_period,
        }


@dataclass(frozen=True)
class PrioritiesState:
    """The learner's priorities, where they come from, and what the journal suggests."""

    priorities: Priorities
    source: PrioritySource
    picked: tuple[GoalArea, ...] = ()
    suggested: Priorities = field(default_factory=Priorities)

    @property
    def source_label(self) -> str:
        """Where the weights come from, in the learner's words."""
        return PRIORITY_SOURCES[self.source]

    @property
    def confirmed(self) -> bool:
        """True when the learner confirmed (or adjusted) the weights in lesson 01."""
        return self.source == "confirmed"

    def percentages(self) -> tuple[tuple[GoalArea, int], ...]:
        """Each priority as a whole percentage; they add up to exactly 100."""
        items = self.priorities.items
        shares = whole_percentages([item.weight for item in items])
        return tuple((item.area, share) for item, share in zip(items, shares, strict=True))

    def shown(self, top: int | None = None) -> str:
        """``Salary 50 %, Growth 30 %, Team atmosphere 20 %`` (the top ``top`` if given)."""
        pairs = self.percentages()[: top if top is not None else None]
        return ", ".join(f"{area.name} {share} %" for area, share in pairs)


@dataclass(frozen=True)
class SalaryState:
    """The annual range of lesson 03 and the verdict on the learner's ask."""

    expected: ExpectedSalary | None
    source: str
    problem: str = ""
    ask: AskVerdict | None = None
    exceptional_claimed_unsupported: str = ""
    error: OfferkitError | None = field(default=None, compare=False)
    """Why there is no range (``expected`` is None), to raise where one is needed."""


@dataclass(frozen=True)
class LearnerState:
    """Everything a learner has decided so far (see :func:`learner_state`)."""

    profile: Profile
    priorities: PrioritiesState
    journal: tuple[FrustrationEntry, ...]
    questions: tuple[InterviewQuestion, ...]
    strengths: StrengthSummary
    salary: SalaryState
    doubts: tuple[str, ...]
    opening_kind: str
    opening: str
    """The opening line of lesson 04, in the learner's own words ("" until written)."""
    company: str
    deadline: DecisionDeadline | None
    offers: tuple[Offer, ...]
    ranked_offers: tuple[OfferScore, ...]
    counter: AnnualPay | None
    counter_verdict: AskVerdict | None
    next_step: str
    saved: frozenset[str] = frozenset()
    problems: tuple[str, ...] = ()
    today: date = field(default_factory=date.today)
    """The day the state was read: past decision dates are judged against it."""
    walk_away: AnnualPay | None = None
    """The lowest annual offer the learner would accept (lesson 05, beyond the lesson)."""
    walk_away_why: str = ""
    rehearsal: str = ""
    """The last rehearsal's debrief in one line (lesson 07), or ""."""
    reply_kind: str = ""
    """The kind of reply saved in lesson 05: "accept", "counter", "decline" (or "")."""
    reply_message: str = ""
    """The reply of lesson 05, in the learner's own words ("" until written)."""

    @property
    def counter_message(self) -> str:
        """The learner's own counter message (lesson 05), "" unless the reply is a counter."""
        return self.reply_message if self.reply_kind == "counter" else ""

    @property
    def other_offers_held(self) -> int:
        """Offers held besides the one being answered: the offers entered in lesson 05, less one."""
        return max(0, len(self.offers) - 1)

    def has(self, answer: schema.AnswerSchema) -> bool:
        """True when ``answer``'s exercise has been saved."""
        return answer.id in self.saved


# ---------------------------------------------------------------- reading, part by part


def _mapping(answers: Mapping[str, Any], answer: schema.AnswerSchema) -> Mapping[str, Any]:
    saved = answers.get(answer.id)
    return saved if isinstance(saved, Mapping) else {}


def _text(values: Mapping[str, Any], name: str) -> str:
    value = values.get(name)
    return "" if value is None or isinstance(value, Mapping | list) else str(value).strip()


def _period(values: Mapping[str, Any], name: str) -> Literal["month", "year"] | None:
    value = values.get(name)
    return value if value in ("month", "year") else None


def _previous_pay(text: str, currency: str, period: str) -> AnnualPay | None:
    """The previous pay as annual cash; None when not disclosed, unreadable or ambiguous
    (a bare figure whose period the learner has not said is never guessed)."""
    if not text:
        return None
    try:
        return parse_pay(text, currency, _period({"p": period}, "p"))
    except OfferkitError:
        return None


def _profile(params: Mapping[str, Any], answers: Mapping[str, Any], headless: bool) -> Profile:
    values = {name: params.get(name, "") for name in schema.PROFILE.fields}
    saved = _mapping(answers, schema.PROFILE)
    if not headless:  # a person at the widgets: what they saved in lesson 00 wins
        values.update({k: v for k, v in saved.items() if k in values and v not in ("", None)})
    currency = _text(values, "currency") or "CNY"
    previous_text = _text(values, "previous_pay")
    previous_period = _period(values, "previous_pay_period") or ""
    return Profile(
        learner_id=str(params.get("learner_id", "")),
        name=_text(values, "learner_name"),
        currency=currency,
        previous_pay_text=previous_text,
        previous_pay=_previous_pay(previous_text, currency, previous_period),
        posted_range_text=_text(values, "posted_range"),
        target_role=_text(values, "target_role"),
        high_demand_role=values.get("high_demand_role") is True,
        high_demand_reason=_text(values, "high_demand_reason"),
        saved=bool(saved),
        previous_pay_period=previous_period,
        posted_range_period=_period(values, "posted_range_period") or "",
    )


def _priorities(
    answers: Mapping[str, Any], journal: list[FrustrationEntry], problems: list[str]
) -> PrioritiesState:
    goal_areas = _mapping(answers, schema.GOAL_AREAS)
    try:
        picked = tuple(read_areas(goal_areas.get("areas")))
    except OfferkitError:
        picked = ()
        problems.append("Lesson 01: the goal areas you saved no longer read; pick them again.")
    suggested = rank_priorities(journal)
    confirmed = _mapping(answers, schema.PRIORITIES)
    if confirmed.get("confirmed") is True and confirmed.get("weights"):
        try:
            weights = read_weights(confirmed["weights"])
            ranked = confirm_priorities(picked, weights) if picked else None
            return PrioritiesState(
                ranked or rank_priorities([], weights=weights), "confirmed", picked, suggested
            )
        except OfferkitError:
            problems.append(
                "Lesson 01: your confirmed priorities no longer read; confirm them again."
            )
    legacy = goal_areas.get("weights")  # schema 1: weights typed with the goal areas
    if legacy:
        try:
            weights = read_weights(legacy)
            return PrioritiesState(
                rank_priorities([], weights=weights), "confirmed", picked, suggested
            )
        except OfferkitError:
            problems.append("Lesson 01: the weights you typed no longer read; confirm them again.")
    if not suggested.is_empty:
        return PrioritiesState(suggested, "journal", picked, suggested)
    if picked:
        equal = rank_priorities([], weights={area.id: 1.0 for area in picked})
        return PrioritiesState(equal, "areas", picked, suggested)
    return PrioritiesState(Priorities(), "none", picked, suggested)


def _salary(
    profile: Profile, answers: Mapping[str, Any], strengths: StrengthSummary
) -> SalaryState:
    saved = _mapping(answers, schema.SALARY)
    values: dict[str, Any] = {
        "previous_pay": profile.previous_pay_text,
        "previous_pay_period": profile.previous_pay_period,
        "posted_range": profile.posted_range_text,
        "posted_range_period": profile.posted_range_period,
        "currency": profile.currency,
        "high_demand": profile.high_demand_role,
        "high_demand_reason": profile.high_demand_reason,
    }
    values.update({k: v for k, v in saved.items() if k in schema.SALARY.fields})
    source = "your saved lesson 03 answer" if saved else "your profile (lesson 03 not saved yet)"
    claimed: list[SalaryException] = []
    unsupported = ""
    if values.get("exceptional"):
        if strengths.exceptional_supported:
            claimed.append(SalaryException("exceptional", strengths.exceptional_reason))
        else:
            unsupported = strengths.exceptional_reason
    reason = _text(values, "high_demand_reason")
    if values.get("high_demand") is True and reason:
        claimed.append(SalaryException("high-demand", reason))
    try:
        expected = expected_salary_range(
            _text(values, "previous_pay") or None,
            currency=_text(values, "currency") or profile.currency,
            posted=_text(values, "posted_range") or None,
            exceptions=claimed,
            previous_period=_period(values, "previous_pay_period"),
            posted_period=_period(values, "posted_range_period"),
        )
    except OfferkitError as exc:
        return SalaryState(None, source, str(exc), None, unsupported, exc)
    ask = None
    if _text(values, "ask"):
        try:
            ask = check_ask(_text(values, "ask"), expected)
        except OfferkitError:
            ask = None
    return SalaryState(expected, source, "", ask, unsupported)


def _doubts(answers: Mapping[str, Any]) -> tuple[str, ...]:
    saved = _mapping(answers, schema.DOUBTS)
    items = saved.get("items")
    picked = {str(i) for i in items} if isinstance(items, list | tuple) else set()
    chosen = tuple(d.question for d in doubts_checklist() if d.id in picked)
    lines = (line.strip(" -*\t") for line in _text(saved, "own").splitlines())
    own = tuple(line for line in lines if line)
    return chosen + own


def _opening(answers: Mapping[str, Any]) -> tuple[str, str]:
    """The opening kind saved in lesson 04 and the learner's own opening line ("" if none:
    answers from before lesson 04 asked for the line hold no text, and none is made up)."""
    saved = _mapping(answers, schema.OPENING)
    return _text(saved, "kind"), _text(saved, "line")


def _reply(answers: Mapping[str, Any]) -> tuple[str, str]:
    """The reply kind saved in lesson 05 and the learner's own message ("" if none)."""
    saved = _mapping(answers, schema.REPLY)
    return _text(saved, "kind"), _text(saved, "message")


def _company(answers: Mapping[str, Any]) -> str:
    for answer in (schema.OPENING, schema.DEADLINE, schema.REPLY):
        company = _text(_mapping(answers, answer), "company")
        if company:
            return company
    return ""


def _deadline(
    answers: Mapping[str, Any], name: str, company: str, problems: list[str]
) -> DecisionDeadline | None:
    saved = _mapping(answers, schema.DEADLINE)
    offer_date = _text(saved, "offer_date")
    if not offer_date:
        return None
    weekend = _text(saved, "weekend") or "keep"
    try:
        days = whole_number(saved.get("days", MAX_DECISION_DAYS), "days", 1, MAX_DECISION_DAYS)
        return decision_deadline(
            offer_date,
            days,
            company=_text(saved, "company") or company,
            name=name,
            reason=_text(saved, "reason"),
            weekend=weekend if weekend in WEEKEND_CHOICES else "keep",
        )
    except OfferkitError as exc:
        problems.append(f"Lesson 04: your decision date no longer reads ({exc}).")
        return None


def _offers(
    answers: Mapping[str, Any],
    profile: Profile,
    priorities: PrioritiesState,
    problems: list[str],
) -> tuple[tuple[Offer, ...], tuple[OfferScore, ...]]:
    entries = entries_of(answers.get(schema.OFFERS.id))
    offers, dropped = readable(lambda raw: read_offers(raw, profile.currency), entries)
    if dropped:
        problems.append(f"Lesson 05: {dropped} saved offer(s) no longer read and are left out.")
    if not offers:
        return (), ()
    weights = priorities.priorities.weights
    if not weights:
        rated = list(dict.fromkeys(area for o in offers for area in o.ratings))
        weights = {area: 1 / len(rated) for area in rated}
    try:
        ranked = compare_offers(offers, weights, profile.previous_pay)
    except OfferkitError as exc:
        problems.append(f"Lesson 05: your offers could not be compared ({exc}).")
        ranked = ()
    return tuple(offers), tuple(ranked)


def _counter(
    answers: Mapping[str, Any], profile: Profile, salary: SalaryState
) -> tuple[AnnualPay | None, AskVerdict | None]:
    saved = _mapping(answers, schema.REPLY)
    amount = _text(saved, "amount")
    if not amount or saved.get("kind") != "counter":
        return None, None
    try:
        counter = parse_pay(amount, profile.currency)
    except OfferkitError:
        return None, None
    verdict = None
    if salary.expected is not None:
        try:
            verdict = check_ask(counter.amount, salary.expected)
        except OfferkitError:
            verdict = None
    return counter, verdict


def current_date() -> date:
    """Today, or the date in ``OFFERKIT_TODAY`` when it is set (tests, repeatable builds)."""
    fixed = os.environ.get(TODAY_VARIABLE, "").strip()
    return read_date(fixed, TODAY_VARIABLE) if fixed else date.today()


def _walk_away(
    answers: Mapping[str, Any], profile: Profile, problems: list[str]
) -> tuple[AnnualPay | None, str]:
    saved = _mapping(answers, schema.WALK_AWAY)
    amount = _text(saved, "walk_away")
    if not amount:
        return None, ""
    try:
        return parse_pay(amount, profile.currency, field="walk_away"), _text(saved, "why")
    except OfferkitError as exc:
        problems.append(f"Lesson 05: your walk-away point no longer reads ({exc}).")
        return None, ""


def _rehearsal(answers: Mapping[str, Any]) -> str:
    saved = _mapping(answers, schema.REHEARSAL)
    outcome = _text(saved, "outcome")
    if not outcome:
        return ""
    scores = saved.get("scores")
    shown = ""
    if isinstance(scores, Mapping):
        shown = ", ".join(f"{name} {value}/10" for name, value in scores.items())
    tip = _text(saved, "try_instead")
    parts = [f"{outcome} ({shown})" if shown else outcome]
    if tip:
        parts.append(f"next time: {tip}")
    return "; ".join(parts)


def learner_state(
    params: Mapping[str, Any],
    answers: Mapping[str, Any],
    *,
    headless: bool = False,
    today: date | None = None,
) -> LearnerState:
    """What the learner has decided, from their parameters and saved answers.

    ``answers`` maps exercise ids to saved values (``AnswersStore.all()``). In a headless
    run (a batch build) the parameters are the profile (the roster is the source of truth);
    with a person at the widgets, the profile saved in lesson 00 wins. ``today`` (default
    :func:`current_date`) is what a past decision date is judged against.
    """
    problems: list[str] = []
    profile = _profile(params, answers, headless)
    journal, dropped = readable(read_journal, entries_of(answers.get(schema.JOURNAL.id)))
    if dropped:
        problems.append(f"Lesson 01: {dropped} journal entr(ies) no longer read and are left out.")
    priorities = _priorities(answers, journal, problems)
    strengths_list, dropped = readable(read_strengths, entries_of(answers.get(schema.STRENGTHS.id)))
    if dropped:
        problems.append(f"Lesson 02: {dropped} strength(s) no longer read and are left out.")
    strengths = summarise_strengths(strengths_list)
    salary = _salary(profile, answers, strengths)
    company = _company(answers)
    deadline = _deadline(answers, profile.name, company, problems)
    opening_kind, opening = _opening(answers)
    reply_kind, reply_message = _reply(answers)
    offers, ranked = _offers(answers, profile, priorities, problems)
    counter, counter_verdict = _counter(answers, profile, salary)
    walk_away, walk_away_why = _walk_away(answers, profile, problems)
    return LearnerState(
        profile=profile,
        priorities=priorities,
        journal=tuple(journal),
        questions=interview_questions(priorities.priorities, top=3),
        strengths=strengths,
        salary=salary,
        doubts=_doubts(answers),
        opening_kind=opening_kind,
        opening=opening,
        company=company,
        deadline=deadline,
        offers=offers,
        ranked_offers=ranked,
        counter=counter,
        counter_verdict=counter_verdict,
        next_step=_text(_mapping(answers, schema.PLAN), "next_step"),
        saved=frozenset(k for k, v in answers.items() if k in schema.SCHEMA and v is not None),
        problems=tuple(problems),
        today=today or current_date(),
        walk_away=walk_away,
        walk_away_why=walk_away_why,
        rehearsal=_rehearsal(answers),
        reply_kind=reply_kind,
        reply_message=reply_message,
    )
