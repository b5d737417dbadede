"""Helpers the lesson 04 and 05 exercises share: drafts as paragraphs, tone lines, choices,
and the annual range from the learner's state."""

from __future__ import annotations

from offerkit.errors import InvalidInputError
from offerkit.exercises.course import Course
from offerkit.rules.honesty import ToneReport
from offerkit.rules.salary import ExpectedSalary

__all__ = [
    "EXAMPLE_NOTE",
    "expected_from_state",
    "held_offers_choices",
    "paragraphs",
    "tone_lines",
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


def expected_from_state(course: Course) -> tuple[ExpectedSalary, str]:
    """The learner's annual range (lesson 03, else the profile) and where it came from.

    Raises the :class:`~offerkit.errors.OfferkitError` that says what is missing when the
    range cannot be built (e.g. neither a previous pay nor a posted range).
    """
    salary = course.state.salary
    if salary.expected is None:
        raise salary.error or InvalidInputError(
            "previous_pay", "your previous pay or a posted range (lesson 00 or 03)", ""
        )
    return salary.expected, salary.source
