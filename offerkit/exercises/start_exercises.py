"""Lesson 00 exercises: try a widget on pay formats; set up your profile."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offerkit.exercises.course import PROFILE_ID, Course
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field, Level
from offerkit.rules.pay import known_currencies, parse_pay, parse_pay_range

__all__ = ["PAY_FORMATS", "PROFILE", "build_pay_formats_exercise", "build_profile_exercise"]


def _currency_field() -> Field:
    return Field(
        "currency", "Currency", "choice", "CNY", tuple((code, code) for code in known_currencies())
    )


def _evaluate_pay_formats(values: Mapping[str, Any], _course: Course) -> Feedback:
    text = str(values.get("pay") or "").strip()
    if not text:
        return Feedback(("Type a pay figure, e.g. '25k x 14' or '20-30K·15薪'.",), "warn")
    currency = str(values["currency"])
    if "-" in text.lstrip("-"):
        posted = parse_pay_range(text, currency, field="pay")
        return Feedback(
            (f"A range: {posted.describe()}.", f"Its middle is {posted.mid:,.0f} a year.")
        )
    pay = parse_pay(text, currency, field="pay")
    return Feedback((f"Annual cash: {pay.describe()}.",))


PAY_FORMATS = ExerciseSpec(
    id="00.pay-formats",
    title="Try a widget: pay formats",
    prompt="Type pay the way people write it and press Enter: the annual figure appears.",
    fields=(Field("pay", "Pay", placeholder="25k x 14"), _currency_field()),
    evaluate=_evaluate_pay_formats,
    defaults=lambda course: {
        "pay": course.profile["previous_pay"],
        "currency": course.profile["currency"],
    },
    hints=(
        "Monthly pay × months a year (+ a year-end bonus) is your annual cash.",
        "'25k x 13 + 30k bonus' is 25,000 × 13 + 30,000 = 355,000 a year.",
        "A job-board range '20-30K·15薪' is 300,000–450,000 a year.",
    ),
)


def _evaluate_profile(values: Mapping[str, Any], _course: Course) -> Feedback:
    name = str(values.get("learner_name") or "").strip()
    if not name:
        return Feedback(("Please type your name (it only appears in your own files).",), "error")
    currency = str(values["currency"])
    # Not "saved": this is judged before saving; the status line says when the file exists.
    lines = [f"Hello {name}: your profile goes into your answers file on this computer only."]
    level: Level = "ok"
    previous = str(values.get("previous_pay") or "").strip()
    if previous:
        lines.append(f"Previous pay: {parse_pay(previous, currency).describe()}.")
    else:
        lines.append(
            "Previous pay not disclosed: lesson 03 will anchor your range on the "
            "posted range instead."
        )
    posted = str(values.get("posted_range") or "").strip()
    if posted:
        lines.append(f"Posted range: {parse_pay_range(posted, currency).describe()}.")
    elif not previous:
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
        Field(
            "previous_pay",
            "Previous pay (any format; empty = not disclosed)",
            placeholder="25k x 14",
        ),
        Field(
            "posted_range", "Posted range of the job you want (optional)", placeholder="20-30K·15薪"
        ),
        Field("target_role", "Target role", placeholder="Backend engineer"),
        Field("high_demand_role", "The role is in high demand", "bool", False),
        Field("high_demand_reason", "Why (market evidence)"),
    ),
    evaluate=_evaluate_profile,
    defaults=lambda course: dict(course.profile),
    params_win_headless=True,
)


def build_pay_formats_exercise(course: Course) -> Any:
    """Lesson 00: try a widget by converting pay formats to annual cash."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(PAY_FORMATS, course)


def build_profile_exercise(course: Course) -> Any:
    """Lesson 00: set up your profile (name, currency, previous pay, posted range…)."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(PROFILE, course)
