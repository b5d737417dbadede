"""Lesson 03 exercises: decode a posted range; your annual range and a verdict on your ask."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offerkit.errors import AmbiguousPayError
from offerkit.exercises.charts import salary_ladder_chart
from offerkit.exercises.course import Course
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field, Level
from offerkit.exercises.start_exercises import ambiguity_lines, period_field, period_value
from offerkit.rules.ask import check_ask
from offerkit.rules.pay import known_currencies, parse_pay, same_currency
from offerkit.rules.posted_range import decode_posted_range
from offerkit.rules.salary import expected_salary_range
from offerkit.rules.salary_exceptions import SalaryException, high_demand_exception

__all__ = [
    "POSTED_RANGE",
    "SALARY",
    "build_posted_range_exercise",
    "build_salary_exercise",
]


def _currency_field() -> Field:
    return Field(
        "currency", "Currency", "choice", "CNY", tuple((code, code) for code in known_currencies())
    )


_PREVIOUS_PERIOD_LABEL = "Previous pay is for"
_POSTED_PERIOD_LABEL = "Posted range is for"
_ASKED_BY_FIELD = {
    "previous_pay": ("Previous pay", _PREVIOUS_PERIOD_LABEL),
    "posted_range": ("Posted range", _POSTED_PERIOD_LABEL),
}


def _profile_periods(course: Course) -> dict[str, str]:
    """The periods saved with the profile (lesson 00), from the learner's state."""
    profile = course.state.profile
    return {
        "previous_pay_period": profile.previous_pay_period,
        "posted_range_period": profile.posted_range_period,
    }


def _profile_defaults(course: Course) -> dict[str, Any]:
    profile = course.profile
    return {
        "previous_pay": profile["previous_pay"],
        "posted_range": profile["posted_range"],
        "currency": profile["currency"],
        "high_demand": bool(profile["high_demand_role"]),
        "high_demand_reason": profile["high_demand_reason"],
        **_profile_periods(course),
    }


def _ask_which(error: AmbiguousPayError) -> Feedback:
    what, label = _ASKED_BY_FIELD.get(error.field, ("Pay", "period"))
    return Feedback(ambiguity_lines(error, what, label), "warn")


def _evaluate_posted(values: Mapping[str, Any], course: Course) -> Feedback:
    text = str(values.get("posted_range") or "").strip()
    if not text:
        return Feedback(
            (
                "No posted range yet: type the range from the job board, e.g. "
                "'20-30K·15薪'. Without one, ask HR what they can offer.",
            ),
            "warn",
        )
    ask_text = str(values.get("ask") or "").strip()
    currency = str(values["currency"])
    try:
        reading = decode_posted_range(
            text, currency=currency, period=period_value(values, "posted_range_period")
        )
    except AmbiguousPayError as error:
        return _ask_which(error)
    if ask_text:
        ask = parse_pay(ask_text, currency, "year", field="ask")
        same_currency(reading.currency, ask.currency, field="ask")
        reading = decode_posted_range(reading.posted, ask=ask.amount)
    level: Level = reading.ask.level if reading.ask else "ok"
    return Feedback(
        reading.lines(),
        level,
        summary={
            "posted_low": reading.posted.low,
            "posted_high": reading.posted.high,
            "landing_low": reading.landing_low,
            "landing_high": reading.landing_high,
        },
    )


POSTED_RANGE = ExerciseSpec(
    id="03.posted-range",
    title="Decode a posted range",
    prompt="Type a range as the job board shows it. Where do offers for it usually land?",
    fields=(
        Field("posted_range", "Posted range", placeholder="20-30K·15薪"),
        period_field("posted_range_period", _POSTED_PERIOD_LABEL),
        _currency_field(),
        Field("ask", "An annual figure to place in it (optional)", placeholder="380000"),
    ),
    evaluate=_evaluate_posted,
    defaults=_profile_defaults,
    hints=(
        "A job-board range like 20-30K·15薪 means 20,000–30,000 a month, paid 15 months a year.",
        "'20k-30k x 13' is CNY 260,000–390,000 a year; offers usually land around the middle "
        "(the kit's rule of thumb): CNY 312,000–338,000.",
        "'20-30K·15薪' is CNY 300,000–450,000 a year. By the kit's rule of thumb (practice, not "
        "the lesson's rule) offers land around the middle, CNY 360,000–390,000; the top, from "
        "420,000, is kept for candidates who exceed every requirement.",
    ),
)


def _exceptions(
    values: Mapping[str, Any], course: Course, notes: list[str]
) -> list[SalaryException]:
    claimed: list[SalaryException] = []
    if values.get("exceptional"):
        strengths = course.state.strengths
        supported, reason = strengths.exceptional_supported, strengths.exceptional_reason
        if supported:
            claimed.append(SalaryException("exceptional", reason))
        else:
            notes.append(
                "You ticked 'exceptional candidate', but your strength ledger "
                f"(lesson 02) does not show it yet: {reason} The guideline applies."
            )
    if values.get("high_demand"):
        claimed.append(high_demand_exception(str(values.get("high_demand_reason") or "")))
    return claimed


def _evaluate_salary(values: Mapping[str, Any], course: Course) -> Feedback:
    notes: list[str] = []
    claimed = _exceptions(values, course, notes)
    try:
        expected = expected_salary_range(
            str(values.get("previous_pay") or "").strip() or None,
            currency=str(values["currency"]),
            posted=str(values.get("posted_range") or "").strip() or None,
            exceptions=claimed,
            previous_period=period_value(values, "previous_pay_period"),
            posted_period=period_value(values, "posted_range_period"),
        )
    except AmbiguousPayError as error:
        return _ask_which(error)
    lines = [*expected.lines(), *notes]
    data = expected.as_dict()
    levels: set[Level] = {"warn" if notes else "ok", expected.level}
    ask_text = str(values.get("ask") or "").strip()
    verdict = None
    if ask_text:
        verdict = check_ask(ask_text, expected)
        first, *rest = verdict.lines()
        lines += [f"Verdict on your ask: {first}", *rest]
        data["ask"] = verdict.ask
        levels.add(verdict.level)
    summary = {
        **data,
        "verdict": None if verdict is None else verdict.verdict,
        "raise_pct": None if verdict is None else verdict.raise_pct,
    }
    level: Level = "warn" if "warn" in levels else "ok"
    return Feedback(tuple(lines), level, chart_data=data, summary=summary)


SALARY = ExerciseSpec(
    id="03.salary",
    title="Your expected annual salary",
    prompt="Your previous pay, the posted range and any exception you can justify give "
    "your annual range. Type an ask to see how it stands.",
    fields=(
        Field(
            "previous_pay",
            "Previous pay (any format; empty = not disclosed)",
            placeholder="25k x 14",
        ),
        period_field("previous_pay_period", _PREVIOUS_PERIOD_LABEL),
        Field("posted_range", "Posted range (optional)", placeholder="20-30K·15薪"),
        period_field("posted_range_period", _POSTED_PERIOD_LABEL),
        _currency_field(),
        Field(
            "exceptional",
            "I am an exceptional candidate (checked against lesson 02)",
            "bool",
            False,
        ),
        Field("high_demand", "The role is in high demand", "bool", False),
        Field(
            "high_demand_reason",
            "Why (market evidence)",
            placeholder="e.g. three recruiters approached me for this skill",
        ),
        Field("ask", "Your annual ask (optional)", placeholder="400000"),
    ),
    evaluate=_evaluate_salary,
    chart=lambda feedback: salary_ladder_chart(feedback.chart_data),
    defaults=_profile_defaults,
    hints=(
        "Turn your previous pay into an annual figure first (monthly × months + bonus); the "
        "guideline cap is that figure + 20 %.",
        "Previous 300,000 a year → guideline cap 360,000; state 342,000–360,000, with your "
        "target at the low end. With an exception you can justify the ceiling is 390,000; "
        "400,000 would be too far.",
        "Default profile ('25k x 14', posted '20-30K·15薪'): 25,000 × 14 = 350,000 a year, so "
        "the cap is 420,000 and the range to state is 400,000–420,000. Offers for this posting "
        "usually land at 360,000–390,000 (the kit's rule of thumb): expect HR to come back "
        "lower, so be ready to show hard strengths. An ask of 460,000 is too far: above the "
        "455,000 ceiling even with an exception.",
    ),
)


def build_posted_range_exercise(course: Course) -> Any:
    """Lesson 03: decode a posted range."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(POSTED_RANGE, course)


def build_salary_exercise(course: Course) -> Any:
    """Lesson 03: your annual range, the exceptions and a verdict on your ask."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(SALARY, course)
