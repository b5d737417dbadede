"""Lesson 05 exercises: decide between offers, stay honest, and reply.

Compare your offers against what *you* want (the offers exercise, weighted by the
priorities confirmed in lesson 01), check that what you told HR matches the facts
(:data:`HONESTY`), and write your answer in your own words — accept, counter politely or
decline politely (:data:`REPLY`; the kit's example is the last hint).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offerkit.errors import InvalidInputError, OfferkitError
from offerkit.exercises.common import (
    expected_from_state,
    message_lines,
    not_written_line,
    paragraphs,
)
from offerkit.exercises.course import Course
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field, Level
from offerkit.learner import schema
from offerkit.rules.ask import check_ask
from offerkit.rules.honesty import check_honesty
from offerkit.rules.hr import deadline_notes, deadline_warnings, draft_reply
from offerkit.rules.pay import format_money, parse_pay
from offerkit.rules.rehearsal_reading import read_reply
from offerkit.rules.stated_pay import check_stated_pay

__all__ = [
    "HONESTY",
    "REPLY",
    "build_honesty_exercise",
    "build_reply_exercise",
]


# ---------------------------------------------------------------- honesty


def _evaluate_honesty(values: Mapping[str, Any], course: Course) -> Feedback:
    state = course.state
    previous = state.profile.previous_pay
    told_text = str(values.get("told_previous") or "").strip()
    currency = str(course.profile["currency"])
    told = parse_pay(told_text, currency, field="told_previous") if told_text else None
    claimed = bool(values.get("claimed_offer"))
    held = state.other_offers_held
    issues = check_honesty(
        previous_pay_profile=previous,
        previous_pay_told=told,
        competing_offer_claimed=claimed,
        competing_offers_held=held,
    )
    checked = []
    if told is None:
        checked.append("no previous pay told to HR was entered, so none was compared")
    elif previous is None:
        checked.append(
            f"you told HR {told.describe()}, but your profile has no previous pay to compare "
            "it with; record the same true figure in your profile"
        )
    else:
        checked.append(
            f"previous pay told to HR ({told.describe()}) vs your profile ({previous.describe()})"
        )
    mention = "a competing offer you mentioned" if claimed else "no competing offer mentioned"
    entered = len(state.offers)
    checked.append(
        f"{mention}; you entered {entered} offer(s) in the first exercise, so you hold "
        f"{held} other offer(s) besides the one you answer"
    )
    if issues:
        lines = [f"Honesty: {issue.message}" for issue in issues]
        lines.append("Checked: " + "; ".join(checked) + ".")
        return Feedback(tuple(lines), "warn", summary={"issues": [i.kind for i in issues]})
    lines = [
        "Consistent: nothing you told HR contradicts your profile or the offers you hold.",
        "Checked: " + "; ".join(checked) + ".",
    ]
    return Feedback(tuple(lines), summary={"issues": []})


HONESTY = ExerciseSpec(
    id="05.honesty",
    title="Honesty check",
    prompt="What did you tell HR? It is checked against your profile and the offers you "
    "actually hold: at the decisive moment, sincerity keeps the trust you have built.",
    fields=(
        Field(
            "told_previous",
            "Previous pay as you told HR (empty = not told)",
            "money",
            placeholder="25k x 14",
        ),
        Field("claimed_offer", "I mentioned a competing offer to HR", "bool", False),
    ),
    evaluate=_evaluate_honesty,
    hints=(
        "Type previous pay as you told HR, in any format: the annual figures are compared with "
        "your profile.",
        "Profile '30k x 13' (390,000 a year) but you told HR '32k x 13' (416,000): a mismatch. "
        "Previous pay is often checked at background verification (practice in China, not "
        "law).",
        "Default profile '25k x 14': telling HR '30k x 14' is flagged, 420,000 against 350,000 "
        "a year; so is ticking 'I mentioned a competing offer' while you hold none. State the "
        "same true figure everywhere and talk about what you bring.",
    ),
)


# ---------------------------------------------------------------- reply

_KIND_WORDS = {"accept": "acceptance", "counter": "counter", "decline": "decline"}


def _reply_defaults(course: Course) -> dict[str, Any]:
    state = course.state
    values: dict[str, Any] = {"role": state.profile.target_role}
    if state.company:
        values["company"] = state.company
    return values


def _counter_check(amount: float, course: Course) -> tuple[str, Level]:
    """The verdict on a counter, with its level (a counter that is too far is never ok)."""
    try:
        expected, source = expected_from_state(course)
    except OfferkitError:
        return "", "ok"
    verdict = check_ask(amount, expected)
    return f"Against your range from {source}: {verdict.message}", verdict.level


def _reason_lines(kind: str, message: str, course: Course) -> list[str]:
    """A counter that gives no reason: what the lesson asks, and the learner's own notes."""
    if kind != "counter" or read_reply(message).evidence:
        return []
    line = (
        "Reason: your counter says nothing about the value you bring; the lesson's counter "
        "gives a reason, in your own words."
    )
    carrying = course.state.strengths.carrying_weight
    if carrying:
        top = carrying[0]
        line += f" From lesson 02 you noted: {top.description} — {top.evidence}."
    return [line]


def _date_lines(course: Course) -> list[str]:
    deadline = course.state.deadline
    if deadline is None:
        return []
    lines = [f"Your decision date, from lesson 04: {deadline.wording}."]
    return lines + list(deadline_notes(deadline, course.state.today))


def _amount(values: Mapping[str, Any], kind: str, currency: str) -> float | None:
    amount_text = str(values.get("amount") or "").strip()
    amount = (
        parse_pay(amount_text, currency, "year", field="amount").amount if amount_text else None
    )
    if kind == "counter" and amount is None:
        raise InvalidInputError(
            "amount", "the annual figure you ask for", "", "a counter needs a number, e.g. 400000"
        )
    return amount


def _figure_lines(kind: str, message: str, amount: float | None, course: Course) -> list[str]:
    """The message's figures: monthly or unclear, below the walk-away, not the counter's."""
    try:
        expected, _source = expected_from_state(course)
    except OfferkitError:
        return []
    walk_away = course.state.walk_away
    statement = check_stated_pay(
        message,
        expected,
        wants="figure" if kind == "counter" else "none",
        walk_away=None if walk_away is None else walk_away.amount,
        asked=amount,
    )
    lines = [f"Figures: {issue.message}" for issue in statement.issues]
    if kind == "counter" and amount is not None and walk_away and amount < walk_away.amount:
        lines.append(
            f"Figures: you counter with {format_money(amount, expected.currency)}, below your "
            f"walk-away point of {format_money(walk_away.amount, expected.currency)} (this "
            "lesson): ask at least that, or decline politely."
        )
    return lines


def _evaluate_reply(values: Mapping[str, Any], course: Course) -> Feedback:
    kind = str(values.get("kind") or "accept")
    message = str(values.get("message") or "").strip()
    currency = str(course.profile["currency"])
    amount = _amount(values, kind, currency)
    lines = _date_lines(course)
    deadline = course.state.deadline
    dated = deadline is not None and bool(deadline_warnings(deadline, course.state.today))
    counter_line, counter_level = ("", "ok")
    if kind == "counter" and amount is not None:
        counter_line, counter_level = _counter_check(amount, course)
    summary: dict[str, Any] = {"kind": kind, "message": message}
    if not message and course.headless:
        lines += [not_written_line(f"Your {_KIND_WORDS.get(kind, 'reply')}"), counter_line]
        return Feedback(tuple(line for line in lines if line), "warn", summary=summary)
    if not message:
        raise InvalidInputError(
            "message",
            "your reply, in your own words",
            "",
            "write what you send HR; the kit's example is the last hint, once you have tried",
        )
    checked, clear = message_lines(message, course)
    figures = _figure_lines(kind, message, amount, course)
    reasons = _reason_lines(kind, message, course)
    lines += [*checked, *figures, counter_line, *reasons]
    ready = clear and not figures and not reasons and not dated and counter_level == "ok"
    level: Level = "ok" if ready else "warn"
    return Feedback(tuple(line for line in lines if line), level, summary=summary)


def _reply_example(values: Mapping[str, Any], course: Course) -> str:
    """The kit's reply for this learner: their figure (or target), name and decision date."""
    state = course.state
    kind: Any = values.get("kind") or "accept"  # draft_reply checks it
    currency = state.profile.currency
    amount = None
    amount_text = str(values.get("amount") or "").strip()
    if amount_text:
        amount = parse_pay(amount_text, currency, "year", field="amount").amount
    elif kind == "counter":
        amount = expected_from_state(course)[0].target
    deadline = state.deadline
    draft = draft_reply(
        kind,
        name=state.profile.name or "[your name]",
        company=str(values.get("company") or "").strip() or state.company or "[the company]",
        role=str(values.get("role") or "").strip() or state.profile.target_role or "[the role]",
        currency=currency,
        amount=amount if kind != "decline" else None,
        answer_by=None if deadline is None else deadline.deadline,
    )
    return "The kit's example for you (put it in your own words): " + " ".join(paragraphs(draft))


REPLY = ExerciseSpec(
    id=schema.REPLY.id,
    title="Reply to an offer",
    prompt="Accept, counter politely with an annual figure, or decline politely and keep the "
    "door open — in your own words. Your message is checked for tone, honesty and its figures; "
    "a counter is compared with your range.",
    fields=(
        Field(
            "kind",
            "Reply",
            "choice",
            "accept",
            (
                ("Accept", "accept"),
                ("Counter politely", "counter"),
                ("Decline politely", "decline"),
            ),
        ),
        Field("company", "Company", placeholder="Acme Ltd"),
        Field("role", "Role", placeholder="Backend engineer"),
        Field(
            "amount",
            "Annual figure (counter; optional to accept)",
            "money",
            placeholder="400000",
        ),
        Field(
            "message",
            "Your reply, in your own words",
            "textarea",
            placeholder="What you send HR: your answer and, for a counter, why…",
        ),
    ),
    evaluate=_evaluate_reply,
    defaults=_reply_defaults,
    own_words="message",
    example_line=_reply_example,
    hints=(
        "Counter with one annual figure and a reason: the value you bring. Declining politely "
        "keeps the door open for the next role.",
        "Previous 300,000 a year: a counter at 350,000 (+16.7 %) is within the +20 % "
        "guideline; 380,000 (+26.7 %) needs an exception you can explain.",
        "Default profile: 'Counter politely' at 440,000 is friendly in tone but +25.7 % on "
        "previous pay (350,000), above the +20 % guideline, so only with an exception you can "
        "explain; 415,000 (+18.6 %) stays within your range of 400,000–420,000.",
    ),
)


# ---------------------------------------------------------------- builders


def build_honesty_exercise(course: Course) -> Any:
    """Lesson 05: check what you told HR against the facts."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(HONESTY, course)


def build_reply_exercise(course: Course) -> Any:
    """Lesson 05: your own reply (accept, counter or decline), checked."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(REPLY, course)
