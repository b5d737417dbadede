"""Helpers the lesson 04 and 05 exercises share: drafts as paragraphs, tone lines, choices,
the annual range from the learner's state, and the checks on a message the learner wrote."""

from __future__ import annotations

from offerkit.errors import InvalidInputError
from offerkit.exercises.course import Course
from offerkit.rules.dates import dates_in, long_date
from offerkit.rules.honesty import ToneReport, check_draft_honesty, check_tone
from offerkit.rules.salary import ExpectedSalary

__all__ = [
    "EXAMPLE_NOTE",
    "expected_from_state",
    "held_offers_choices",
    "message_lines",
    "not_written_line",
    "other_dates_lines",
    "paragraphs",
    "tone_lines",
]

EXAMPLE_NOTE = (
    "Worked example ({what}): nothing saved yet. Open the lesson in JupyterLab to use your own."
)


def paragraphs(text: str) -> tuple[str, ...]:
    """A drafted message as one feedback line per paragraph."""
    return tuple(" ".join(p.split("\n")) for p in text.split("\n\n") if p.strip())


_TONE_WORDS = {"posted-range": "quoting the posted range"}
"""A tone category as the learner reads it, where its id is not already a word."""


def _tone_word(category: str) -> str:
    return _TONE_WORDS.get(category, category.replace("-", " ").replace("_", " "))


def tone_lines(report: ToneReport) -> list[str]:
    """A tone report as feedback lines: the summary, then each flag with a friendlier way
    (categories in words, never their ids: “quoting the posted range”, not posted-range)."""
    summary = report.summary
    for category in dict.fromkeys(f.category for f in report.flags):
        summary = summary.replace(category, _tone_word(category), 1)
    return [
        f"Tone: {summary}",
        *(f"“{f.phrase}” ({_tone_word(f.category)}) — try instead: {f.hint}" for f in report.flags),
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


def other_dates_lines(text: str, course: Course) -> list[str]:
    """A date in the learner's text that is not the decision date (or the offer date) of
    lesson 04's Exercise 4, as a feedback line ([] when there is none)."""
    deadline = course.state.deadline
    if deadline is None:
        return []
    known = {deadline.deadline, deadline.offer_date}
    others = list(dict.fromkeys(day for day in dates_in(text) if day not in known))
    if not others:
        return []
    named = " and ".join(long_date(day) for day in others)
    return [
        f"Date: your draft names {named}, but your decision date (Exercise 4) is "
        f"{deadline.wording}: name one date, the one you agree with HR."
    ]


def message_lines(text: str, course: Course) -> tuple[list[str], bool]:
    """Lesson 04's checks on a message the learner wrote themselves: tone (don't antagonise
    HR), honesty (previous pay against the profile, a competing offer against the offers
    held) and dates (one decision date). The lines, and True when nothing was flagged."""
    report = check_tone(text)
    lines = tone_lines(report)
    previous = course.state.profile.previous_pay
    issues = check_draft_honesty(text, previous, course.state.other_offers_held)
    lines += [f"Honesty: {issue.message}" for issue in issues]
    if not issues:
        lines.append(
            "Honesty: nothing in it contradicts your profile or the offers you hold — the "
            "lesson's sincerity at the decisive moment."
        )
    dates = other_dates_lines(text, course)
    return lines + dates, report.friendly and not issues and not dates


def not_written_line(what: str) -> str:
    """What a headless run (a built workbook) says where the learner's own words belong."""
    return (
        f"{what}: not written yet. Open the lesson in JupyterLab and write it in your own "
        "words; the kit's example is the last hint, shown after your first attempt."
    )
