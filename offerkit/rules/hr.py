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

Checks on the tone and honesty of what you write live in :mod:`offerkit.rules.honesty`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from offerkit.errors import DataFileError, EmptyTextError, InvalidInputError
from offerkit.rules.catalogue import load_catalogue
from offerkit.rules.pay import check_currency, format_money

__all__ = [
    "MAX_DECISION_DAYS",
    "OPENING_KINDS",
    "REPLY_KINDS",
    "DecisionDeadline",
    "DoubtItem",
    "checklist_text",
    "decision_deadline",
    "doubts_checklist",
    "draft_opening",
    "draft_reply",
]

MAX_DECISION_DAYS = 7
OpeningKind = Literal["state-range", "ask-offer"]
OPENING_KINDS: tuple[OpeningKind, ...] = ("state-range", "ask-offer")
ReplyKind = Literal["accept", "counter", "decline"]
REPLY_KINDS: tuple[ReplyKind, ...] = ("accept", "counter", "decline")


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
) -> str:
    """A friendly first message about pay: state an annual range, or ask what they can offer.

    The range is validated for both kinds; "ask-offer" keeps it to yourself, ready for
    when HR asks back.
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
    greeting = f"Hi, and thank you for walking me through the {job} role{where}."
    if kind == "state-range":
        body = (
            f"Based on my experience in similar {job} work and what the role involves, "
            f"I'd be comfortable with an annual package in the range of "
            f"{_money_range(low, high, code)}, and I'm open to talking through the full "
            "package, including bonus and benefits."
        )
    else:
        body = (
            "Now that the details I was unsure about are clear to me, could you share "
            "what annual package you have in mind for this role? I'd like to understand the "
            "whole picture, including bonus and benefits, before we go further."
        )
    return f"{greeting}\n\n{body}\n\nLooking forward to hearing from you.\n\nBest regards,\n{who}"


# ---------------------------------------------------------------- time to decide


@dataclass(frozen=True)
class DecisionDeadline:
    """When to answer an offer, and a polite message asking for time up to a week."""

    offer_date: date
    deadline: date
    days: int
    within_lesson: bool
    extension_message: str


def _offer_date(value: date | str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InvalidInputError(
            "offer_date", "a date written YYYY-MM-DD", value, "e.g. '2026-03-02'"
        ) from None


def _long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B} {day.year}"


def decision_deadline(
    offer_date: date | str,
    days: int = MAX_DECISION_DAYS,
    *,
    company: str = "",
    name: str = "",
    max_days: int = MAX_DECISION_DAYS,
) -> DecisionDeadline:
    """The date to answer by: ``offer_date + days``, a week at most by the lesson.

    ``max_days`` lets a teacher allow longer windows (offers commonly run 1–4 weeks);
    ``within_lesson`` then says whether the lesson's week is kept. The message asks for
    time up to the later of the deadline and a week after the offer.
    """
    received = _offer_date(offer_date)
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
    deadline = received + timedelta(days=days)
    asked = max(deadline, received + timedelta(days=MAX_DECISION_DAYS))
    message = _extension_message(asked, company, name)
    return DecisionDeadline(received, deadline, days, days <= MAX_DECISION_DAYS, message)


def _extension_message(asked: date, company: str, name: str) -> str:
    team = company.strip() if company and company.strip() else "your team"
    sign = f"\n{name.strip()}" if name and name.strip() else ""
    return (
        f"Hi, thank you again for the offer from {team}. I'm genuinely interested in "
        "the role and want to give you a well-considered answer. Would it be possible "
        f"for me to reply by {_long_date(asked)}? I'd like a few more days to go through "
        "the full package carefully and talk it over with my family. I'll get back to you "
        f"by then at the latest.\n\nBest regards,{sign}"
    )


# ---------------------------------------------------------------- answering an offer


def draft_reply(
    kind: ReplyKind,
    *,
    name: str,
    company: str,
    role: str,
    currency: str = "CNY",
    amount: float | None = None,
) -> str:
    """A reply to an offer: accept warmly, counter politely, or decline keeping the door open.

    "counter" needs ``amount`` (the annual figure you ask for); "accept" mentions it if given.
    """
    _kind("kind", kind, REPLY_KINDS)
    who = _text("name", name, "Li Wei")
    firm = _text("company", company, "Acme Ltd")
    job = _text("role", role, "backend engineer")
    code = check_currency(currency)
    figure: float | None = None
    if amount is not None or kind == "counter":
        figure = _amount("amount", amount)
    thanks = f"Thank you very much for the offer for the {job} role at {firm}."
    if kind == "accept":
        package = f" at an annual package of {format_money(figure, code)}" if figure else ""
        body = (
            f"I'm delighted to accept it{package}. I really enjoyed meeting the team and "
            "I'm looking forward to getting started. Please let me know the next steps and "
            "any documents you need from me."
        )
    elif kind == "counter" and figure is not None:
        body = (
            "I'm excited about the team and the work. Having looked at the whole package, "
            "I'd like to ask whether there is some flexibility on the annual figure. Given "
            "the scope of the role and the hands-on experience I'd bring from my previous "
            f"projects, an annual package of {format_money(figure, code)} would make this "
            "an easy yes for me. Is there room to move closer to that? I'm happy to talk "
            "it through."
        )
    else:
        body = (
            "After careful thought I've decided not to take it up this time, as it isn't "
            "quite the right fit for me at the moment. I really enjoyed getting to know the "
            "team, and I'd be glad to stay in touch for future opportunities."
        )
    return f"Hi,\n\n{thanks} {body}\n\nBest regards,\n{who}"
