"""Dates as the kit reads and words them: one reader, one wording, one weekend rule.

Every date a learner sees — the decision date in lesson 04, the drafts to HR, the plan —
is worded by :func:`long_date` ("Monday 9 March 2026", English names whatever the machine's
locale), and every date a learner types is read by :func:`read_date`:

* ISO ``YYYY-MM-DD`` (what the date picker saves) and the other year-first forms, which
  cannot be misread: ``2026/3/2``, ``2026.03.02``, ``20260302``, ``2026年3月2日``;
* a month written as a word: ``2 March 2026``, ``March 2, 2026``, ``2 Mar 2026``;
* day and month as numbers (``02/03/2026``) only when one reading is possible
  (``15/03/2026``); otherwise it is refused, showing both readings;
* an impossible date is refused saying why: "there is no 30 February", "2026 is not a leap
  year, so there is no 29 February", "there is no month 13".

Whether a date is past is relative to a ``today`` the caller passes in (tests and batch
builds fix it; see :func:`offerkit.learner.state.current_date`).
"""

from __future__ import annotations

import re
from calendar import isleap, monthrange
from datetime import date, datetime, timedelta

from offerkit.errors import InvalidInputError

__all__ = [
    "DATE_FORM",
    "MONTHS",
    "WEEKDAYS",
    "dates_in",
    "days_text",
    "friday_before",
    "is_weekend",
    "long_date",
    "monday_after",
    "read_date",
    "weekend_note",
]

DATE_FORM = "a date written YYYY-MM-DD"
"""What a date field expects, as error messages word it."""

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_NUMBER = {name.lower(): n for n, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBER.update({name[:3].lower(): n for n, name in enumerate(MONTHS, start=1)})
_MONTH_NUMBER["sept"] = 9

_YEAR_FIRST = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_NUMERIC_DAY_MONTH = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_DAY_NAME_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})")
_NAME_DAY_YEAR = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_WEEKDAY_PREFIX = re.compile(r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)


def long_date(day: date) -> str:
    """``Monday 9 March 2026``: how every date is worded to the learner and to HR."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def days_text(count: int) -> str:
    """``1 day``, ``3 days``."""
    return f"{count} day" if count == 1 else f"{count} days"


def is_weekend(day: date) -> bool:
    """True on a Saturday or a Sunday."""
    return day.weekday() >= 5


def friday_before(day: date) -> date:
    """The Friday before a weekend day (``day`` itself if it is not on a weekend)."""
    return day - timedelta(days=day.weekday() - 4) if is_weekend(day) else day


def monday_after(day: date) -> date:
    """The Monday after a weekend day (``day`` itself if it is not on a weekend)."""
    return day + timedelta(days=7 - day.weekday()) if is_weekend(day) else day


def _impossible(year: int, month: int, day: int) -> str:
    """Why (year, month, day) is not a date, in words ("" if it is one)."""
    if not 1 <= month <= 12:
        return f"there is no month {month}: months run from 1 to 12"
    name = MONTHS[month - 1]
    if day < 1:
        return f"there is no day {day}: days start at 1"
    if month == 2 and day == 29 and not isleap(year):
        return f"{year} is not a leap year, so there is no 29 February"
    last = monthrange(year, month)[1]
    if day > 31:
        return f"there is no {day} {name}: no month has more than 31 days"
    if day > last:
        return f"there is no {day} {name}: {name} {year} has {last} days"
    return ""


def _checked(field: str, text: str, year: int, month: int, day: int) -> date:
    why = _impossible(year, month, day)
    if why:
        raise InvalidInputError(field, "a real date, written YYYY-MM-DD", text, why)
    return date(year, month, day)


def _month_named(field: str, text: str, word: str) -> int:
    number = _MONTH_NUMBER.get(word.lower())
    if number is None:
        raise InvalidInputError(
            field, DATE_FORM, text, f"{word!r} is not a month name; e.g. '2026-03-02'"
        )
    return number


def _day_month_numbers(field: str, text: str, first: int, second: int, year: int) -> date:
    """``02/03/2026``: read only if day-month and month-day give the same or one real date."""
    readings = {
        (year, month, day)
        for day, month in ((first, second), (second, first))
        if not _impossible(year, month, day)
    }
    if len(readings) == 1:
        return date(*readings.pop())
    if not readings:
        return _checked(field, text, year, second, first)
    options = " or ".join(long_date(date(*r)) for r in sorted(readings, key=lambda r: r[1:]))
    raise InvalidInputError(
        field,
        DATE_FORM,
        text,
        f"{text!r} could be {options}; write it year first, "
        f"e.g. '{year}-{second:02d}-{first:02d}' for {long_date(date(year, second, first))}",
    )


def read_date(value: date | str, field: str = "date") -> date:
    """A date from a ``date``/``datetime`` or text; see the module docstring for the forms.

    Raises :class:`~offerkit.errors.InvalidInputError` naming ``field``, what was received
    and, for an impossible date, why it does not exist.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        raise InvalidInputError(field, DATE_FORM, value, "e.g. '2026-03-02'")
    prefix = _WEEKDAY_PREFIX.match(text)
    bare = text[prefix.end() :] if prefix else text
    day = _read_bare(field, text, bare)
    if prefix and not WEEKDAYS[day.weekday()].lower().startswith(prefix.group(1).lower()):
        raise InvalidInputError(
            field,
            DATE_FORM,
            text,
            f"{long_date(day)[len(WEEKDAYS[day.weekday()]) + 1 :]} is a "
            f"{WEEKDAYS[day.weekday()]}: check the day and the month",
        )
    return day


def _read_bare(field: str, text: str, bare: str) -> date:
    if found := _YEAR_FIRST.fullmatch(bare) or _COMPACT.fullmatch(bare):
        year, month, day = (int(part) for part in found.groups())
        return _checked(field, text, year, month, day)
    if found := _NUMERIC_DAY_MONTH.fullmatch(bare):
        first, second, year = (int(part) for part in found.groups())
        return _day_month_numbers(field, text, first, second, year)
    if found := _DAY_NAME_YEAR.fullmatch(bare):
        day_text, word, year_text = found.groups()
        month = _month_named(field, text, word)
        return _checked(field, text, int(year_text), month, int(day_text))
    if found := _NAME_DAY_YEAR.fullmatch(bare):
        word, day_text, year_text = found.groups()
        month = _month_named(field, text, word)
        return _checked(field, text, int(year_text), month, int(day_text))
    raise InvalidInputError(
        field, DATE_FORM, text, "write year, month and day, e.g. '2026-03-02' for 2 March 2026"
    )


def weekend_note(day: date, offer_date: date | None = None) -> str:
    """Points out a date on a weekend and what to suggest instead ("" on a weekday)."""
    if not is_weekend(day):
        return ""
    friday, monday = friday_before(day), monday_after(day)
    options = f"the Monday after ({long_date(monday)})"
    if offer_date is None or friday > offer_date:
        options = f"the Friday before ({long_date(friday)}) or " + options
    return (
        f"{long_date(day)} falls on a weekend, when HR may not be at work: suggest {options} "
        "instead, as you prefer."
    )


_MONTH_WORD = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
_DATE_IN_TEXT = re.compile(
    r"\b\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_WORD})\.?,?\s+\d{{4}}\b"
    rf"|\b(?:{_MONTH_WORD})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b",
    re.IGNORECASE,
)


def dates_in(text: str) -> tuple[date, ...]:
    """The dates a message names with their year (``2026-03-06``, ``6 March 2026``), in order.

    Text that looks like a date but is not one (``2026-02-30``) is left out; dates without a
    year are not read.
    """
    found: list[date] = []
    for match in _DATE_IN_TEXT.finditer(text):
        try:
            found.append(read_date(match.group()))
        except InvalidInputError:
            continue
    return tuple(found)
