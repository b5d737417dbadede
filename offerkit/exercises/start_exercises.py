"""Lesson 00 exercises: try a widget on pay formats; set up your profile.

A pay figure whose form does not say monthly or annual (``25k``) is never guessed: the
exercise asks "25,000 a month or a year?", shows both readings, and the learner answers with
the period choice next to the text (saved as ``previous_pay_period`` / ``posted_range_period``:
``""``, ``"month"`` or ``"year"``). Lesson 03 uses the same fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offerkit.errors import AmbiguousPayError
from offerkit.exercises.course import PROFILE_ID, Course
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field, Level
from offerkit.rules.pay import known_currencies, parse_pay, parse_pay_range

__all__ = [
    "PAY_FORMATS",
    "PERIOD_CHOICES",
    "PROFILE",
    "ambiguity_lines",
    "build_pay_formats_exercise",
    "build_profile_exercise",
    "period_field",
    "period_value",
]

PERIOD_CHOICES: tuple[tuple[str, str], ...] = (
    ("as written (the text says)", ""),
    ("a month", "month"),
    ("a year", "year"),
)
"""The period choice beside a pay text: (label, saved value)."""


def _currency_field() -> Field:
    return Field(
        "currency", "Currency", "choice", "CNY", tuple((code, code) for code in known_currencies())
    )


def period_field(name: str, label: str) -> Field:
    """The "a month or a year?" choice (a labelled dropdown) saved next to a pay text."""
    return Field(name, label, "choice", "", PERIOD_CHOICES)


def period_value(values: Mapping[str, Any], name: str) -> str | None:
    """The saved period choice (``"month"``/``"year"``) or None when the text must say."""
    chosen = str(values.get(name) or "").strip()
    return chosen if chosen in ("month", "year") else None


def ambiguity_lines(error: AmbiguousPayError, what: str, choice_label: str) -> tuple[str, ...]:
    """Ask the learner which it is, showing both readings as annual cash."""
    monthly, annual = error.readings
    return (
        f"{what}: {error.question}",
        f"As a month's pay: {monthly.describe()}.",
        f"As a year's pay: {annual.describe()}.",
        f"Choose 'a month' or 'a year' under '{choice_label}', or write "
        f"{error.suggestions[0]} or {error.suggestions[1]}.",
    )


_PAY_PERIOD_LABEL = "The figure is for"


def _evaluate_pay_formats(values: Mapping[str, Any], _course: Course) -> Feedback:
    text = str(values.get("pay") or "").strip()
    if not text:
        return Feedback(("Type a pay figure, e.g. '25k x 14' or '20-30K·15薪'.",), "warn")
    currency = str(values["currency"])
    period = period_value(values, "period")
    try:
        if "-" in text.lstrip("-"):
            posted = parse_pay_range(text, currency, period, field="pay")
            return Feedback(
                (f"A range: {posted.describe()}.", f"Its middle is {posted.mid:,.0f} a year.")
            )
        pay = parse_pay(text, currency, period, field="pay")
    except AmbiguousPayError as error:
        return Feedback(ambiguity_lines(error, "Pay", _PAY_PERIOD_LABEL), "warn")
    return Feedback((f"Annual cash: {pay.describe()}.",))


PAY_FORMATS = ExerciseSpec(
    id="00.pay-formats",
    title="Try a widget: pay formats",
    prompt="Type pay the way people write it and press Enter: the annual figure appears.",
    fields=(
        Field("pay", "Pay", placeholder="25k x 14"),
        _currency_field(),
        period_field("period", _PAY_PERIOD_LABEL),
    ),
    evaluate=_evaluate_pay_formats,
    defaults=lambda course: {
        "pay": course.profile["previous_pay"],
        "currency": course.profile["currency"],
    },
    hints=(
        "Annual cash is monthly pay × months a year, plus any year-end bonus.",
        "'25k x 13 + 30k bonus' is 25,000 × 13 + 30,000 = CNY 355,000 a year.",
        "'25k x 14' is 25,000 × 14 = CNY 350,000 a year; the job-board range '20-30K·15薪' is "
        "20,000–30,000 × 15 = CNY 300,000–450,000 a year.",
    ),
)


_PREVIOUS_LABEL = "Previous pay (any format; empty = not disclosed)"
_PREVIOUS_PERIOD_LABEL = "Previous pay is for"
_POSTED_LABEL = "Posted range of the job you want (optional)"
_POSTED_PERIOD_LABEL = "Posted range is for"


def _profile_pay(
    values: Mapping[str, Any], currency: str, lines: list[str]
) -> tuple[Level, bool, bool]:
    """Add the previous-pay and posted-range lines; return (level, has previous, has posted)."""
    level: Level = "ok"
    previous = str(values.get("previous_pay") or "").strip()
    posted = str(values.get("posted_range") or "").strip()
    try:
        if previous:
            pay = parse_pay(previous, currency, period_value(values, "previous_pay_period"))
            lines.append(f"Previous pay: {pay.describe()}.")
    except AmbiguousPayError as error:
        level = "warn"
        lines.extend(ambiguity_lines(error, "Previous pay", _PREVIOUS_PERIOD_LABEL))
    if not previous:
        lines.append(
            "Previous pay not disclosed: lesson 03 will anchor your range on the "
            "posted range instead."
        )
    try:
        if posted:
            reading = parse_pay_range(posted, currency, period_value(values, "posted_range_period"))
            lines.append(f"Posted range: {reading.describe()}.")
    except AmbiguousPayError as error:
        level = "warn"
        lines.extend(ambiguity_lines(error, "Posted range", _POSTED_PERIOD_LABEL))
    return level, bool(previous), bool(posted)


def _evaluate_profile(values: Mapping[str, Any], _course: Course) -> Feedback:
    name = str(values.get("learner_name") or "").strip()
    if not name:
        return Feedback(("Please type your name (it only appears in your own files).",), "error")
    currency = str(values["currency"])
    # Not "saved": this is judged before saving; the status line says when the file exists.
    lines = [f"Hello {name}: your profile goes into your answers file on this computer only."]
    level, previous, posted = _profile_pay(values, currency, lines)
    if not previous and not posted:
        level = "warn"
        lines.append("Add your previous pay or a posted range: lesson 03 needs one of them.")
    if values.get("high_demand_role") and not str(values.get("high_demand_reason") or "").strip():
        level = "warn"
        lines.append("You marked the role as in high demand: add the evidence you would give.")
    return Feedback(tuple(lines), level)


PROFILE = ExerciseSpec(
    id=PROFILE_ID,
    title="Your profile",
    prompt="These numbers follow you through the course. They stay in your answers file.",
    fields=(
        Field("learner_name", "Your name"),
        _currency_field(),
        Field("previous_pay", _PREVIOUS_LABEL, placeholder="25k x 14"),
        period_field("previous_pay_period", _PREVIOUS_PERIOD_LABEL),
        Field("posted_range", _POSTED_LABEL, placeholder="20-30K·15薪"),
        period_field("posted_range_period", _POSTED_PERIOD_LABEL),
        Field("target_role", "Target role", placeholder="Backend engineer"),
        Field("high_demand_role", "The role is in high demand", "bool", False),
        Field("high_demand_reason", "Why (market evidence)"),
    ),
    evaluate=_evaluate_profile,
    defaults=lambda course: dict(course.profile),
    params_win_headless=True,
    hints=(
        "Type pay the way you were paid (monthly × months, plus any bonus). Leave previous pay "
        "empty if you would rather not disclose it: lesson 03 then starts from the posted "
        "range.",
        "Paid 30,000 a month for 13 months plus a 20,000 bonus? Type '30k x 13 + 20k bonus': "
        "CNY 410,000 a year.",
        "The default profile: Sam Example, CNY, previous pay '25k x 14' (CNY 350,000 a year), "
        "posted range '20-30K·15薪' (CNY 300,000–450,000 a year), target role Backend engineer, "
        "the role not marked as in high demand.",
    ),
)


def build_pay_formats_exercise(course: Course) -> Any:
    """Lesson 00: try a widget by converting pay formats to annual cash."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(PAY_FORMATS, course)


def build_profile_exercise(course: Course) -> Any:
    """Lesson 00: set up your profile (name, currency, previous pay, posted range…)."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(PROFILE, course)
