"""Lesson 05 exercises: decide between offers, stay honest, and reply.

Compare your offers against what *you* want (the offers exercise, weighted by the
priorities confirmed in lesson 01), check that what you told HR matches the facts
(:data:`HONESTY`), and draft your answer — accept, counter politely or decline politely
(:data:`REPLY`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offerkit.errors import InvalidInputError, OfferkitError
from offerkit.exercises.common import (
    expected_from_state,
    paragraphs,
    tone_lines,
)
from offerkit.exercises.course import Course
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field, Level
from offerkit.rules.ask import check_ask
from offerkit.rules.honesty import check_honesty, check_tone
from offerkit.rules.hr import REASON_BLANK, deadline_notes, deadline_warnings, draft_reply
from offerkit.rules.pay import parse_pay

__all__ = [
    "HONESTY",
    "REPLY",
    "build_honesty_exercise",
    "build_reply_exercise",
]

_EXAMPLE_COMPANY = "Example Ltd"


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


def _reason_lines(kind: str, reason: str, course: Course) -> list[str]:
    """What to fill in when a counter has no reason: the blank, and the learner's own notes."""
    if kind != "counter" or reason.strip():
        return []
    line = (
        f"Fill in {REASON_BLANK} before you send it (the 'Your reason' box): the value you "
        "bring, in your own words."
    )
    carrying = course.state.strengths.carrying_weight
    if carrying:
        top = carrying[0]
        line += f" From lesson 02 you noted: {top.description} — {top.evidence}."
    return [line]


def _date_lines(kind: str, course: Course) -> list[str]:
    deadline = course.state.deadline
    if deadline is None:
        return []
    said = " (the draft says so)" if kind == "counter" else ""
    lines = [f"Your decision date, from lesson 04: {deadline.wording}{said}."]
    return lines + list(deadline_notes(deadline, course.state.today))


def _evaluate_reply(values: Mapping[str, Any], course: Course) -> Feedback:
    kind: Any = values.get("kind") or "accept"  # draft_reply checks it
    company = str(values.get("company") or "").strip()
    reason = str(values.get("reason") or "")
    deadline = course.state.deadline
    lines: list[str] = []
    if not company and course.headless:
        company = _EXAMPLE_COMPANY
        lines.append(f"Worked example for '{company}': nothing saved yet.")
    currency = str(course.profile["currency"])
    amount_text = str(values.get("amount") or "").strip()
    amount = (
        parse_pay(amount_text, currency, "year", field="amount").amount if amount_text else None
    )
    if kind == "counter" and amount is None:
        raise InvalidInputError(
            "amount", "the annual figure you ask for", "", "a counter needs a number, e.g. 400000"
        )
    draft = draft_reply(
        kind,
        name=course.state.profile.name,
        company=company,
        role=str(values.get("role") or ""),
        currency=currency,
        amount=amount if kind != "decline" else None,
        reason=reason,
        answer_by=None if deadline is None else deadline.deadline,
    )
    report = check_tone(draft)
    lines += _date_lines(kind, course)
    lines += ["Your draft (copy it and make it your own):", *paragraphs(draft)]
    lines += _reason_lines(kind, reason, course)
    lines += tone_lines(report)
    counter_level: Level = "ok"
    if kind == "counter" and amount is not None:
        counter_line, counter_level = _counter_check(amount, course)
        lines.append(counter_line)
    dated = deadline is not None and deadline_warnings(deadline, course.state.today)
    ready = report.friendly and REASON_BLANK not in draft and not dated and counter_level == "ok"
    level: Level = "ok" if ready else "warn"
    summary = {"kind": kind, "reply": draft, "friendly": report.friendly}
    return Feedback(tuple(line for line in lines if line), level, summary=summary)


REPLY = ExerciseSpec(
    id="05.reply",
    title="Reply to an offer",
    prompt="Accept, counter politely with an annual figure, or decline politely and keep "
    "the door open. The draft is checked for tone.",
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
            "reason",
            "Your reason, in your words (a counter needs one; optional otherwise)",
            placeholder="I led the move of our payment service to Kubernetes.",
        ),
    ),
    evaluate=_evaluate_reply,
    defaults=_reply_defaults,
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
    """Lesson 05: accept, counter or decline, politely."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(REPLY, course)
