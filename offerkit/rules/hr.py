"""Talking with HR: confirm doubts, state what you expect, and take (at most) a week.

The lesson's rules, as drafted here:

* HR is not the other side: they have targets too and want good candidates to say yes,
  so talk to them as you would to a friend;
* first clear up whatever is unclear in the offer (:func:`doubts_checklist`);
* then either state your expectation as an **annual** range or ask what they can offer
  (:func:`draft_opening`);
* both sides then take some time, **preferably not more than a week**
  (:func:`decision_deadline`), and you answer: accept, counter or decline
  (:func:`draft_reply`).

Every draft names one date — the decision date, worded by
:func:`offerkit.rules.dates.long_date` — and claims nothing the learner did not give: no
family to consult, no other offer, no feeling or experience of its own. Where a draft needs
a reason it uses the learner's words or leaves :data:`REASON_BLANK` for them to fill in.

Checks on the tone and honesty of what you write live in :mod:`offerkit.rules.honesty`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from offerkit.errors import DataFileError, EmptyTextError, InvalidInputError
from offerkit.rules.catalogue import load_catalogue
from offerkit.rules.dates import (
    days_text,
    friday_before,
    is_weekend,
    long_date,
    monday_after,
    read_date,
    weekend_note,
)
from offerkit.rules.pay import check_currency, format_money

__all__ = [
    "MAX_DECISION_DAYS",
    "OPENING_KINDS",
    "REASON_BLANK",
    "REPLY_KINDS",
    "WEEKEND_CHOICES",
    "DecisionDeadline",
    "DoubtItem",
    "checklist_text",
    "deadline_notes",
    "deadline_warnings",
    "decision_deadline",
    "doubts_checklist",
    "draft_opening",
    "draft_reply",
    "reason_sentence",
]

MAX_DECISION_DAYS = 7
OpeningKind = Literal["state-range", "ask-offer"]
OPENING_KINDS: tuple[OpeningKind, ...] = ("state-range", "ask-offer")
ReplyKind = Literal["accept", "counter", "decline"]
REPLY_KINDS: tuple[ReplyKind, ...] = ("accept", "counter", "decline")
WeekendChoice = Literal["keep", "friday", "monday"]
WEEKEND_CHOICES: tuple[WeekendChoice, ...] = ("keep", "friday", "monday")


# ---------------------------------------------------------------- doubts to confirm


@dataclass(frozen=True)
class DoubtItem:
    """One thing to confirm with HR before talking numbers, and why it matters."""

    id: str
    topic: str
    question: str
    why: str
    source: Literal["lesson", "beyond"]


def doubts_checklist() -> tuple[DoubtItem, ...]:
    """The questions in ``data/doubts_checklist.csv``, in file order (ids must be unique)."""
    items: list[DoubtItem] = []
    for number, row in enumerate(load_catalogue("doubts_checklist"), start=2):
        item = DoubtItem(
            str(row["id"]),
            str(row["topic"]),
            str(row["question"]),
            str(row["why"]),
            "lesson" if row["source"] == "lesson" else "beyond",
        )
        if any(item.id == seen.id for seen in items):
            raise DataFileError(
                f"duplicate id {item.id!r}", path="doubts_checklist.csv", row=number, column="id"
            )
        items.append(item)
    return tuple(items)


def checklist_text(items: tuple[DoubtItem, ...] | None = None) -> str:
    """A Markdown checklist of ``items`` (all of :func:`doubts_checklist` by default)."""
    chosen = doubts_checklist() if items is None else tuple(items)
    if not chosen:
        raise InvalidInputError("items", "at least one checklist item", chosen)
    lines = ["**Confirm before you talk numbers**", ""]
    for item in chosen:
        marker = " *(beyond the lesson)*" if item.source == "beyond" else ""
        lines.append(f"- [ ] **{item.topic}**{marker}: {item.question}")
        lines.append(f"  Why it matters: {item.why}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- validation helpers


def _text(field: str, value: str, example: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise EmptyTextError(field, "some text", value, f"e.g. {example!r}")
    return value.strip()


def _amount(field: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidInputError(field, "a positive amount", value)
    if value <= 0:
        raise InvalidInputError(field, "a positive amount", value)
    return float(value)


def _kind(field: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise InvalidInputError(field, f"one of {', '.join(allowed)}", value)


def _money_range(low: float, high: float, currency: str) -> str:
    if low == high:
        return format_money(low, currency)
    return f"{format_money(low, currency)}–{high:,.0f}"


# ---------------------------------------------------------------- words the learner gives

REASON_BLANK = "[Your reason, in your own words.]"
"""What a draft shows where it needs a reason the learner has not given: fill it in."""


def reason_sentence(reason: str) -> str:
    """The learner's reason as one sentence of a draft, or :data:`REASON_BLANK`.

    The words are the learner's own: only the first letter is capitalised and a full stop
    added if the sentence has no closing mark.
    """
    text = " ".join(str(reason or "").split())
    if not text:
        return REASON_BLANK
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def _answer_by(answer_by: date | None) -> str:
    return f" I'll give you my answer by {long_date(answer_by)}." if answer_by else ""


# ---------------------------------------------------------------- opening message


def draft_opening(
    kind: OpeningKind,
    *,
    name: str,
    role: str,
    range_low: float,
    range_high: float,
    currency: str,
    company: str = "",
    answer_by: date | None = None,
) -> str:
    """A friendly first message about pay: state an annual range, or ask what they can offer.

    The range is validated for both kinds; "ask-offer" keeps it to yourself, ready for
    when HR asks back. With ``answer_by`` (the decision date of lesson 04) the draft says
    you will answer by then. Nothing else is claimed: no experience, reason or feeling the
    learner did not give.
    """
    _kind("kind", kind, OPENING_KINDS)
    who = _text("name", name, "Li Wei")
    job = _text("role", role, "backend engineer")
    code = check_currency(currency)
    low = _amount("range_low", range_low)
    high = _amount("range_high", range_high)
    if low > high:
        raise InvalidInputError(
            "range_low", f"at most range_high ({high:,.0f})", low, "swap the two figures"
        )
    where = f" at {company.strip()}" if company and company.strip() else ""
    greeting = f"Hi, and thank you for talking with me about the {job} role{where}."
    if kind == "state-range":
        body = (
            f"I'd be comfortable with an annual package in the range of "
            f"{_money_range(low, high, code)}, and I'm open to talking through the full "
            "package, including bonus and benefits."
        )
    else:
        body = (
            "Could you share what annual package you have in mind for this role? I'd like "
            "to understand the whole picture, including bonus and benefits, before we go "
            "further."
        )
    body += _answer_by(answer_by)
    return f"{greeting}\n\n{body}\n\nLooking forward to hearing from you.\n\nBest regards,\n{who}"


# ---------------------------------------------------------------- time to decide


@dataclass(frozen=True)
class DecisionDeadline:
    """When to answer an offer, and a polite message asking HR for that date.

    ``deadline`` is the one date every message names. ``asked`` is the offer date plus the
    days chosen; it differs from ``deadline`` only when it fell on a weekend and the learner
    chose the Friday before or the Monday after (``weekend``). ``days`` counts from the offer
    to ``deadline``.
    """

    offer_date: date
    deadline: date
    days: int
    within_lesson: bool
    extension_message: str
    asked: date | None = None
    weekend: WeekendChoice = "keep"

    @property
    def wording(self) -> str:
        """The deadline as every message words it (:func:`~offerkit.rules.dates.long_date`)."""
        return long_date(self.deadline)

    @property
    def on_weekend(self) -> bool:
        """True when the deadline is a Saturday or a Sunday."""
        return is_weekend(self.deadline)


def _weekend_move(asked: date, received: date, weekend: WeekendChoice) -> date:
    if not is_weekend(asked) or weekend == "keep":
        return asked
    if weekend == "monday":
        return monday_after(asked)
    friday = friday_before(asked)
    if friday <= received:
        raise InvalidInputError(
            "weekend",
            "the Monday after, or keeping the weekend date",
            "the Friday before",
            f"the Friday before {long_date(asked)} is {long_date(friday)}, not after the "
            f"offer of {long_date(received)}",
        )
    return friday


def decision_deadline(
    offer_date: date | str,
    days: int = MAX_DECISION_DAYS,
    *,
    company: str = "",
    name: str = "",
    reason: str = "",
    weekend: WeekendChoice = "keep",
    max_days: int = MAX_DECISION_DAYS,
) -> DecisionDeadline:
    """The date to answer by: ``offer_date + days``, a week at most by the lesson.

    A date on a weekend is kept (``weekend="keep"``, and :func:`deadline_notes` points it
    out) or moved to the Friday before or the Monday after. ``max_days`` lets a teacher
    allow longer windows (offers commonly run 1–4 weeks); ``within_lesson`` then says
    whether the lesson's week is kept. The message asks HR for exactly ``deadline``, with
    the learner's ``reason`` or a marked blank (:data:`REASON_BLANK`).
    """
    received = read_date(offer_date, "offer_date")
    if isinstance(max_days, bool) or not isinstance(max_days, int) or not 1 <= max_days <= 28:
        raise InvalidInputError("max_days", "a whole number of days from 1 to 28", max_days)
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise InvalidInputError("days", f"a whole number of days from 1 to {max_days}", days)
    if days > max_days:
        raise InvalidInputError(
            "days",
            f"a whole number of days from 1 to {max_days}",
            days,
            "the lesson advises taking a week at most; wait longer and the offer may go "
            "to someone else",
        )
    _kind("weekend", weekend, WEEKEND_CHOICES)
    asked = received + timedelta(days=days)
    deadline = _weekend_move(asked, received, weekend)
    total = (deadline - received).days
    message = _extension_message(deadline, company, name, reason)
    return DecisionDeadline(
        received, deadline, total, total <= MAX_DECISION_DAYS, message, asked, weekend
    )


def _extension_message(deadline: date, company: str, name: str, reason: str) -> str:
    team = company.strip() if company and company.strip() else "your team"
    sign = f"\n{name.strip()}" if name and name.strip() else ""
    return (
        f"Hi, thank you again for the offer from {team}. Would it be possible for me to "
        f"give you my answer by {long_date(deadline)}? {reason_sentence(reason)} I'll reply "
        f"by then at the latest.\n\nBest regards,{sign}"
    )


def deadline_warnings(deadline: DecisionDeadline, today: date | None = None) -> tuple[str, ...]:
    """What needs the learner's attention about a decision date: a weekend, more than the
    lesson's week and, with ``today``, a date already past or an offer date still to come."""
    notes: list[str] = []
    when = long_date(deadline.deadline)
    if deadline.on_weekend:
        notes.append(weekend_note(deadline.deadline, deadline.offer_date))
    if not deadline.within_lesson:
        notes.append(
            f"That is {days_text(deadline.days)} after the offer, more than the lesson's "
            "week: say so when you agree the date with HR."
        )
    if today is not None and deadline.deadline < today:
        notes.append(
            f"{when} has already passed (today is {long_date(today)}): if the offer is "
            "still open, agree a new date with HR first."
        )
    elif today is not None and deadline.offer_date > today:
        notes.append(
            f"The offer date, {long_date(deadline.offer_date)}, is after today "
            f"({long_date(today)}): check the year and the month."
        )
    elif today is not None and deadline.deadline == today:
        notes.append(f"{when} is today: answer HR today.")
    return tuple(notes)


def deadline_notes(deadline: DecisionDeadline, today: date | None = None) -> tuple[str, ...]:
    """Everything to say about a decision date: a move off the weekend the learner chose,
    then :func:`deadline_warnings`."""
    moved = deadline.asked is not None and deadline.asked != deadline.deadline
    if not moved or deadline.asked is None:
        return deadline_warnings(deadline, today)
    side = "Friday before" if deadline.deadline < deadline.asked else "Monday after"
    note = (
        f"{long_date(deadline.asked)} falls on a weekend, so you answer by "
        f"{long_date(deadline.deadline)}, the {side}, as you chose."
    )
    return (note, *deadline_warnings(deadline, today))


# ---------------------------------------------------------------- answering an offer


def draft_reply(
    kind: ReplyKind,
    *,
    name: str,
    company: str,
    role: str,
    currency: str = "CNY",
    amount: float | None = None,
    reason: str = "",
    answer_by: date | None = None,
) -> str:
    """A reply to an offer: accept, counter politely, or decline keeping the door open.

    "counter" needs ``amount`` (the annual figure you ask for) and says why in the learner's
    ``reason`` (or leaves the marked blank :data:`REASON_BLANK`), and with ``answer_by``
    when the answer will come; "accept" mentions the amount if given. A reason given for an
    accept or a decline is included as written; none is made up. No feeling, experience or
    other offer the learner did not state is claimed.
    """
    _kind("kind", kind, REPLY_KINDS)
    who = _text("name", name, "Li Wei")
    firm = _text("company", company, "Acme Ltd")
    job = _text("role", role, "backend engineer")
    code = check_currency(currency)
    figure: float | None = None
    if amount is not None or kind == "counter":
        figure = _amount("amount", amount)
    given = reason_sentence(reason) if str(reason or "").strip() else ""
    thanks = f"Thank you very much for the offer for the {job} role at {firm}."
    if kind == "accept":
        package = f" at an annual package of {format_money(figure, code)}" if figure else ""
        parts = [f"I'm writing to accept it{package}.", given]
        parts.append("Please let me know the next steps and any documents you need from me.")
    elif kind == "counter" and figure is not None:
        parts = [
            "Before I answer, I'd like to ask whether there is some flexibility on the "
            "annual figure.",
            reason_sentence(reason),
            f"I'm asking for an annual package of {format_money(figure, code)}. Is there "
            "room to move closer to that? Could we talk it through?" + _answer_by(answer_by),
        ]
    else:
        parts = [
            "I've decided not to accept it this time.",
            given,
            "Thank you for your time; I'd be glad to stay in touch for future roles.",
        ]
    body = " ".join(part for part in parts if part)
    return f"Hi,\n\n{thanks} {body}\n\nBest regards,\n{who}"
