"""Helpers the lesson 04 and 05 exercises share: drafts as paragraphs, whole-number
choices, the previous pay from the profile and the annual range from the saved answers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offerkit.errors import InvalidInputError, OfferkitError
from offerkit.exercises.course import Course
from offerkit.exercises.salary_exercises import SALARY, exceptional_from_answers
from offerkit.exercises.spec import exercise_values
from offerkit.rules.honesty import ToneReport
from offerkit.rules.pay import AnnualPay, parse_pay
from offerkit.rules.salary import ExpectedSalary, expected_salary_range
from offerkit.rules.salary_exceptions import SalaryException

__all__ = [
    "EXAMPLE_NOTE",
    "expected_from_answers",
    "held_offers_choices",
    "paragraphs",
    "previous_pay_from_profile",
    "tone_lines",
    "whole_number",
]

EXAMPLE_NOTE = (
    "Worked example ({what}): nothing saved yet. Open the lesson in JupyterLab to use your own."
)


def paragraphs(text: str) -> tuple[str, ...]:
    """A drafted message as one feedback line per paragraph."""
    return tuple(" ".join(p.split("\n")) for p in text.split("\n\n") if p.strip())


def tone_lines(report: ToneReport) -> list[str]:
    """A tone report as feedback lines: the summary, then each flag with a friendlier way."""
    return [
        f"Tone: {report.summary}",
        *(f"“{f.phrase}” ({f.category}) — try instead: {f.hint}" for f in report.flags),
    ]


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
        previous_period=str(values.get("previous_pay_period") or "") or None,
        posted_period=str(values.get("posted_range_period") or "") or None,
    )
    return expected, source
