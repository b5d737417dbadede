"""Lesson 04 exercises: talk with HR as with a friend.

Confirm what is unclear first (:data:`DOUBTS`), then open the pay conversation in one of the
lesson's two ways (:data:`OPENING`), check the tone and honesty of your own draft
(:data:`TONE`), and agree on a short time to decide (:data:`DEADLINE`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from offerkit.errors import InvalidInputError, OfferkitError
from offerkit.exercises.course import Course
from offerkit.exercises.salary_exercises import SALARY, exceptional_from_answers
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field, Level, exercise_values
from offerkit.honesty import check_draft_honesty, check_tone
from offerkit.hr import (
    MAX_DECISION_DAYS,
    DecisionDeadline,
    decision_deadline,
    doubts_checklist,
    draft_opening,
)
from offerkit.pay import AnnualPay, format_money, parse_pay
from offerkit.salary import ExpectedSalary, SalaryException, expected_salary_range

__all__ = [
    "DEADLINE",
    "DOUBTS",
    "EXAMPLE_DRAFT",
    "EXAMPLE_OFFER_DATE",
    "OPENING",
    "TONE",
    "build_deadline_exercise",
    "build_doubts_exercise",
    "build_opening_exercise",
    "build_tone_exercise",
    "deadline_from_answers",
    "doubts_from_answers",
    "expected_from_answers",
    "held_offers_choices",
    "opening_from_answers",
    "paragraphs",
    "previous_pay_from_profile",
    "whole_number",
]

EXAMPLE_OFFER_DATE = "2026-03-02"
EXAMPLE_DRAFT = (
    "Hi, thanks for the call. Your posting said 30k, so I expect 30k. Take it or leave it!!"
)
_EXAMPLE_NOTE = (
    "Worked example ({what}): nothing saved yet. Open the lesson in JupyterLab to use your own."
)
_OPENING_LABELS = {"state-range": "state your annual range", "ask-offer": "ask what they can offer"}


# ---------------------------------------------------------------- shared helpers


def paragraphs(text: str) -> tuple[str, ...]:
    """A drafted message as one feedback line per paragraph."""
    return tuple(" ".join(p.split("\n")) for p in text.split("\n\n") if p.strip())


def held_offers_choices() -> tuple[tuple[str, str], ...]:
    """Choices for 'offers you actually hold': 0 to 5."""
    return tuple((str(n), str(n)) for n in range(6))


def whole_number(value: object, field: str, low: int, high: int) -> int:
    """A choice value (text or int) as a whole number from ``low`` to ``high``."""
    text = str(value).strip()
    if isinstance(value, bool) or not text.isdigit() or not low <= int(text) <= high:
        raise InvalidInputError(field, f"a whole number from {low} to {high}", value)
    return int(text)


def previous_pay_from_profile(course: Course) -> AnnualPay | None:
    """The profile's previous pay as annual cash, or None (not disclosed or unreadable)."""
    profile = course.profile
    text = str(profile.get("previous_pay") or "").strip()
    if not text:
        return None
    try:
        return parse_pay(text, str(profile["currency"]))
    except OfferkitError:
        return None


def _claimed(saved: Mapping[str, Any], course: Course) -> list[SalaryException]:
    claimed: list[SalaryException] = []
    if saved.get("exceptional"):
        supported, reason = exceptional_from_answers(course)
        if supported:
            claimed.append(SalaryException("exceptional", reason))
    reason = str(saved.get("high_demand_reason") or "").strip()
    if saved.get("high_demand") and reason:
        claimed.append(SalaryException("high-demand", reason))
    return claimed


def expected_from_answers(course: Course) -> tuple[ExpectedSalary, str]:
    """Your annual range, recomputed from the saved lesson 03 answer, else from the profile.

    The values are those lesson 03 starts from (profile, then the saved answer); returns
    the range and where it came from. Raises an OfferkitError when there is neither
    previous pay nor a posted range to build it on.
    """
    values, _example = exercise_values(SALARY, course)
    saved = isinstance(course.answer(SALARY.id), Mapping)
    source = "your saved lesson 03 answer" if saved else "your profile (lesson 03 not saved yet)"
    expected = expected_salary_range(
        str(values.get("previous_pay") or "").strip() or None,
        currency=str(values.get("currency") or course.profile["currency"]),
        posted=str(values.get("posted_range") or "").strip() or None,
        exceptions=_claimed(values, course),
    )
    return expected, source


# ---------------------------------------------------------------- confirm your doubts


def _doubt_choices() -> tuple[tuple[str, str], ...]:
    return tuple(
        (f"{d.topic}" + ("" if d.source == "lesson" else " (beyond the lesson)"), d.id)
        for d in doubts_checklist()
    )


def _own_questions(values: Mapping[str, Any]) -> tuple[str, ...]:
    text = str(values.get("own") or "")
    return tuple(line.strip(" -*\t") for line in text.splitlines() if line.strip(" -*\t"))


def _evaluate_doubts(values: Mapping[str, Any], _course: Course) -> Feedback:
    picked = set(values.get("items") or ())
    items = [d for d in doubts_checklist() if d.id in picked]
    own = _own_questions(values)
    if not items and not own:
        raise InvalidInputError(
            "items",
            "at least one question to confirm",
            "nothing",
            "pick items from the list or write your own, one per line",
        )
    lines = [f"Your list: {len(items) + len(own)} question(s) to confirm before talking numbers."]
    for d in items:
        label = "lesson" if d.source == "lesson" else "beyond the lesson"
        lines.append(f"{d.topic} ({label}): {d.question} Why: {d.why}")
    lines += [f"Your own: {question}" for question in own]
    level: Level = "ok"
    if "decision-time" not in picked:
        level = "warn"
        lines.append(
            "Consider adding 'Time to decide': the lesson has both sides take some time to "
            "think, preferably no more than a week, so agree on a date."
        )
    summary = {"questions": [d.question for d in items] + list(own)}
    return Feedback(tuple(lines), level, summary=summary)


DOUBTS = ExerciseSpec(
    id="04.doubts",
    title="Confirm your doubts",
    prompt="Before you talk numbers, pick what you still need to confirm with HR, and add "
    "your own questions. Each item says why it matters.",
    fields=(
        Field(
            "items",
            "Questions to confirm",
            "multi",
            tuple(d.id for d in doubts_checklist() if d.source == "lesson"),
            _doubt_choices(),
        ),
        Field(
            "own",
            "Your own questions (one per line)",
            "textarea",
            placeholder="Is the team hiring for a new project or replacing someone?",
        ),
    ),
    evaluate=_evaluate_doubts,
    hints=(
        "Start with the items marked from the lesson: they decide what a monthly figure is worth.",
        "Worked example: months per year, before or after tax, year-end bonus, time to decide.",
        "Add what worries you personally, e.g. overtime or the probation period.",
    ),
)


def doubts_from_answers(course: Course) -> tuple[str, ...]:
    """The questions the learner saved to confirm with HR (empty if nothing is saved)."""
    saved = course.answer(DOUBTS.id)
    if not isinstance(saved, Mapping):
        return ()
    picked = set(saved.get("items") or ())
    chosen = tuple(d.question for d in doubts_checklist() if d.id in picked)
    return chosen + _own_questions(saved)


# ---------------------------------------------------------------- the opening


def _role_default(course: Course) -> dict[str, Any]:
    return {"role": course.profile["target_role"]}


def _opening(values: Mapping[str, Any], course: Course) -> tuple[str, ExpectedSalary, str]:
    expected, source = expected_from_answers(course)
    draft = draft_opening(
        values.get("kind") or "state-range",
        name=str(course.profile["learner_name"]),
        role=str(values.get("role") or ""),
        range_low=expected.range_low,
        range_high=expected.range_high,
        currency=expected.currency,
        company=str(values.get("company") or ""),
    )
    return draft, expected, source


def _evaluate_opening(values: Mapping[str, Any], course: Course) -> Feedback:
    draft, expected, source = _opening(values, course)
    kind = str(values.get("kind") or "state-range")
    span = f"{format_money(expected.range_low, expected.currency)}–{expected.range_high:,.0f}"
    lines = [f"Your annual range, from {source}: {span}, target at the low end."]
    if kind == "ask-offer":
        lines.append(f"You ask first and keep {span} ready for when HR asks you back.")
    lines += ["Your draft (copy it and make it your own):", *paragraphs(draft)]
    summary = {
        "kind": kind,
        "opening": draft,
        "range_low": expected.range_low,
        "range_high": expected.range_high,
        "currency": expected.currency,
    }
    return Feedback(tuple(lines), summary=summary)


OPENING = ExerciseSpec(
    id="04.opening",
    title="Open the pay conversation",
    prompt="The lesson gives two openings: state your annual range, or ask what they can "
    "offer. Your range comes from lesson 03.",
    fields=(
        Field(
            "kind",
            "Opening",
            "choice",
            "state-range",
            tuple((label.capitalize(), kind) for kind, label in _OPENING_LABELS.items()),
        ),
        Field("company", "Company (optional)", placeholder="Acme Ltd"),
        Field("role", "Role", placeholder="Backend engineer"),
    ),
    evaluate=_evaluate_opening,
    defaults=_role_default,
    hints=(
        "Not sure how the company pays (months, bonus)? Then give an annual range.",
        "State the range with your target at its low end; the top stays within +20 %.",
        "Asking what they can offer is just as friendly; keep your range ready for the reply.",
    ),
)


def _opening_paragraph(draft: str) -> str:
    parts = paragraphs(draft)
    return parts[1] if len(parts) > 1 else draft


def opening_from_answers(course: Course) -> str:
    """The opening line saved in lesson 04 (the body of the draft), or "" if none."""
    saved = course.answer(OPENING.id)
    if not isinstance(saved, Mapping):
        return ""
    try:
        draft, _expected, _source = _opening(saved, course)
    except OfferkitError:
        return ""
    return _opening_paragraph(draft)


# ---------------------------------------------------------------- tone and honesty


def _evaluate_tone(values: Mapping[str, Any], course: Course) -> Feedback:
    draft = str(values.get("draft") or "")
    lines: list[str] = []
    if not draft.strip() and course.headless:
        draft = EXAMPLE_DRAFT
        lines.append(_EXAMPLE_NOTE.format(what=f"the draft {draft!r}"))
    report = check_tone(draft)
    lines.append(f"Tone: {report.summary}")
    lines += [f"“{f.phrase}” ({f.category}) — try instead: {f.hint}" for f in report.flags]
    previous = previous_pay_from_profile(course)
    held = whole_number(values.get("offers_held", "0"), "offers_held", 0, 5)
    issues = check_draft_honesty(draft, previous, held)
    lines += [f"Honesty: {issue.message}" for issue in issues]
    if not issues:
        pay = "no previous pay in your profile" if previous is None else previous.describe()
        lines.append(
            f"Honesty: consistent. Checked any previous pay you mention against your profile "
            f"({pay}) and any competing offer you mention against the {held} you hold."
        )
    level: Level = "ok" if report.friendly and not issues else "warn"
    summary = {
        "friendly": report.friendly,
        "flags": [f.category for f in report.flags],
        "honesty_issues": [i.kind for i in issues],
    }
    return Feedback(tuple(lines), level, summary=summary)


TONE = ExerciseSpec(
    id="04.tone",
    title="Check the tone of your draft",
    prompt="Paste the message you plan to send to HR. Anything that may put them on the "
    "defensive is flagged with a friendlier way to say it; figures are checked for honesty.",
    fields=(
        Field(
            "draft",
            "Your draft message",
            "textarea",
            placeholder="Hi, thank you for the offer. Could you tell me more about …",
        ),
        Field("offers_held", "Other offers you hold", "choice", "0", held_offers_choices()),
    ),
    evaluate=_evaluate_tone,
    hints=(
        "Read it as HR would: they have targets too and want you to say yes.",
        "Quoting the job ad back at HR rarely helps; talk about what you bring instead.",
        "Swap 'take it or leave it' for 'is there any flexibility on your side?'.",
    ),
)


# ---------------------------------------------------------------- time to decide


def _long(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B} {day.year}"


def _deadline(values: Mapping[str, Any], course: Course, offer_date: str) -> DecisionDeadline:
    days = whole_number(values.get("days", MAX_DECISION_DAYS), "days", 1, MAX_DECISION_DAYS)
    return decision_deadline(
        offer_date,
        days,
        company=str(values.get("company") or ""),
        name=str(course.profile["learner_name"]),
    )


def _evaluate_deadline(values: Mapping[str, Any], course: Course) -> Feedback:
    offer_date = str(values.get("offer_date") or "").strip()
    lines: list[str] = []
    if not offer_date and course.headless:
        offer_date = EXAMPLE_OFFER_DATE
        lines.append(_EXAMPLE_NOTE.format(what=f"an offer received on {offer_date}"))
    elif not offer_date:
        raise InvalidInputError(
            "offer_date", "the date the offer arrived, written YYYY-MM-DD", "", "e.g. 2026-03-02"
        )
    deadline = _deadline(values, course, offer_date)
    lines += [
        f"Offer received: {_long(deadline.offer_date)}.",
        f"Answer by: {_long(deadline.deadline)} ({deadline.days} day(s)), within the "
        "lesson's week.",
        "Agree the date with HR: both sides take time to think, and after a week the "
        "offer may go to someone else.",
        "If you need the whole week, ask politely:",
        *paragraphs(deadline.extension_message),
    ]
    summary = {
        "offer_date": deadline.offer_date.isoformat(),
        "deadline": deadline.deadline.isoformat(),
        "days": deadline.days,
    }
    return Feedback(tuple(lines), summary=summary)


DEADLINE = ExerciseSpec(
    id="04.deadline",
    title="Your time to decide",
    prompt="When did the offer arrive, and how many days do you need? The lesson says a "
    "week at most.",
    fields=(
        Field("offer_date", "Offer date (YYYY-MM-DD)", placeholder=EXAMPLE_OFFER_DATE),
        Field(
            "days",
            "Days to decide",
            "choice",
            str(MAX_DECISION_DAYS),
            tuple((str(n), str(n)) for n in range(1, MAX_DECISION_DAYS + 1)),
        ),
        Field("company", "Company (optional)", placeholder="Acme Ltd"),
    ),
    evaluate=_evaluate_deadline,
    hints=(
        "Write the date as year-month-day, e.g. 2026-03-02.",
        "An offer received on Monday 2 March 2026 with 7 days is answered by Monday 9 March.",
        "Longer than a week is not offered here: the lesson warns the chance may pass.",
    ),
)


def deadline_from_answers(course: Course) -> DecisionDeadline | None:
    """The decision deadline saved in lesson 04, or None if none is saved (or it is invalid)."""
    saved = course.answer(DEADLINE.id)
    if not isinstance(saved, Mapping) or not str(saved.get("offer_date") or "").strip():
        return None
    try:
        return _deadline(saved, course, str(saved["offer_date"]).strip())
    except OfferkitError:
        return None


# ---------------------------------------------------------------- builders


def build_doubts_exercise(course: Course) -> Any:
    """Lesson 04: the confirm-your-doubts checklist."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(DOUBTS, course)


def build_opening_exercise(course: Course) -> Any:
    """Lesson 04: both openings, drafted from your range."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(OPENING, course)


def build_tone_exercise(course: Course) -> Any:
    """Lesson 04: the tone (and honesty) check on your own draft."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(TONE, course)


def build_deadline_exercise(course: Course) -> Any:
    """Lesson 04: the decision deadline and a polite request for time."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(DEADLINE, course)
