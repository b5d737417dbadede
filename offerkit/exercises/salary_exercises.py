"""Lesson 03 exercises: decode a posted range; your annual range and a verdict on your ask."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offerkit.exercises.charts import salary_ladder_chart
from offerkit.exercises.course import Course
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field, Level
from offerkit.rules.ask import check_ask
from offerkit.rules.pay import known_currencies
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


def _profile_defaults(course: Course) -> dict[str, Any]:
    profile = course.profile
    return {
        "previous_pay": profile["previous_pay"],
        "posted_range": profile["posted_range"],
        "currency": profile["currency"],
        "high_demand": bool(profile["high_demand_role"]),
        "high_demand_reason": profile["high_demand_reason"],
    }


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
    reading = decode_posted_range(text, currency=str(values["currency"]))
    ask = None
    if ask_text:
        ask = check_ask(ask_text, expected_salary_range(None, posted=reading.posted)).ask
        reading = decode_posted_range(reading.posted, ask=ask)
    level: Level = "warn" if reading.ask and reading.ask.zone in ("standout", "above") else "ok"
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
    expected = expected_salary_range(
        str(values.get("previous_pay") or "").strip() or None,
        currency=str(values["currency"]),
        posted=str(values.get("posted_range") or "").strip() or None,
        exceptions=claimed,
    )
    lines = [*expected.lines(), *notes]
    data = expected.as_dict()
    level: Level = "warn" if notes else "ok"
    ask_text = str(values.get("ask") or "").strip()
    verdict = None
    if ask_text:
        verdict = check_ask(ask_text, expected)
        lines.append(f"Verdict on your ask: {verdict.message}")
        if verdict.position is not None:
            lines.append(verdict.position.message)
        data["ask"] = verdict.ask
        if verdict.verdict in ("too-far", "needs-exception"):
            level = "warn"
    summary = {
        **data,
        "verdict": None if verdict is None else verdict.verdict,
        "raise_pct": None if verdict is None else verdict.raise_pct,
    }
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
        Field("posted_range", "Posted range (optional)", placeholder="20-30K·15薪"),
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
