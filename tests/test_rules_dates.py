"""Tests for offerkit.rules.dates: one reader and one wording for every date."""

from __future__ import annotations

import locale
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offerkit.errors import InvalidInputError
from offerkit.rules.dates import (
    dates_in,
    days_text,
    friday_before,
    is_weekend,
    long_date,
    monday_after,
    read_date,
    weekend_note,
)

# ---------------------------------------------------------------- wording


def test_long_date_names_weekday_day_month_and_year() -> None:
    assert "Monday 9 March 2026" == long_date(date(2026, 3, 9))
    assert "Sunday 1 February 2026" == long_date(date(2026, 2, 1))


@pytest.fixture
def german_time_locale() -> Iterator[None]:
    before = locale.setlocale(locale.LC_TIME)
    try:
        locale.setlocale(locale.LC_TIME, "de_DE.UTF-8")
    except locale.Error:
        pytest.skip("no de_DE.UTF-8 locale on this machine")
    yield
    locale.setlocale(locale.LC_TIME, before)


def test_long_date_is_english_whatever_the_locale(german_time_locale: None) -> None:
    assert "Montag" == f"{date(2026, 3, 9):%A}"  # the locale is in effect
    assert "Monday 9 March 2026" == long_date(date(2026, 3, 9))


@pytest.mark.parametrize(("count", "expected"), [(1, "1 day"), (2, "2 days"), (7, "7 days")])
def test_days_text_is_singular_for_one(count: int, expected: str) -> None:
    assert expected == days_text(count)


# ---------------------------------------------------------------- reading


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-02",
        " 2026-03-02 ",
        "2026-3-2",
        "2026/03/02",
        "2026.3.2",
        "20260302",
        "2026年3月2日",
        "2 March 2026",
        "2nd March 2026",
        "2 Mar 2026",
        "March 2, 2026",
        "mar 2 2026",
        "Monday 2 March 2026",
        "Mon, 2 March 2026",
    ],
)
def test_unambiguous_forms_are_read(text: str) -> None:
    assert date(2026, 3, 2) == read_date(text, "offer_date")


def test_day_and_month_as_numbers_are_read_when_only_one_reading_exists() -> None:
    assert date(2026, 3, 15) == read_date("15/03/2026")
    assert date(2026, 3, 15) == read_date("03/15/2026")
    assert date(2026, 3, 3) == read_date("03.03.2026")


def test_ambiguous_day_and_month_are_refused_with_both_readings() -> None:
    with pytest.raises(InvalidInputError) as info:
        read_date("02/03/2026", "offer_date")
    assert "offer_date" == info.value.field
    assert "a date written YYYY-MM-DD" == info.value.expected
    assert (
        "'02/03/2026' could be Tuesday 3 February 2026 or Monday 2 March 2026; write it year "
        "first, e.g. '2026-03-02' for Monday 2 March 2026"
    ) == info.value.hint


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2026-02-30", "there is no 30 February: February 2026 has 28 days"),
        ("2028-02-30", "there is no 30 February: February 2028 has 29 days"),
        ("2026-02-29", "2026 is not a leap year, so there is no 29 February"),
        ("2100-02-29", "2100 is not a leap year, so there is no 29 February"),
        ("2026-04-31", "there is no 31 April: April 2026 has 30 days"),
        ("2026-06-31", "there is no 31 June: June 2026 has 30 days"),
        ("2026-13-01", "there is no month 13: months run from 1 to 12"),
        ("2026-00-10", "there is no month 0: months run from 1 to 12"),
        ("2026-01-00", "there is no day 0: days start at 1"),
        ("2026-01-32", "there is no 32 January: no month has more than 31 days"),
        ("31 April 2026", "there is no 31 April: April 2026 has 30 days"),
        ("31/04/2026", "there is no 31 April: April 2026 has 30 days"),
        ("20260230", "there is no 30 February: February 2026 has 28 days"),
    ],
)
def test_impossible_dates_say_why(text: str, why: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        read_date(text, "offer_date")
    assert "offer_date" == info.value.field
    assert text == info.value.received
    assert why == info.value.hint


def test_29_february_of_a_leap_year_is_a_date() -> None:
    assert date(2028, 2, 29) == read_date("2028-02-29")
    assert date(2000, 2, 29) == read_date("2000-02-29")


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("next monday", "write year, month and day, e.g. '2026-03-02' for 2 March 2026"),
        ("02/03/26", "write year, month and day, e.g. '2026-03-02' for 2 March 2026"),
        ("2 Mars 2026", "'Mars' is not a month name; e.g. '2026-03-02'"),
        ("", "e.g. '2026-03-02'"),
    ],
)
def test_other_forms_are_refused_with_the_expected_form(text: str, hint: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        read_date(text, "offer_date")
    assert "a date written YYYY-MM-DD" == info.value.expected
    assert hint == info.value.hint


def test_a_weekday_that_does_not_match_the_date_is_refused() -> None:
    with pytest.raises(InvalidInputError) as info:
        read_date("Tuesday 2 March 2026", "offer_date")
    assert "2 March 2026 is a Monday: check the day and the month" == info.value.hint


def test_dates_and_datetimes_pass_through() -> None:
    assert date(2026, 3, 2) == read_date(date(2026, 3, 2))
    assert date(2026, 3, 2) == read_date(datetime(2026, 3, 2, 15, 30))


@pytest.mark.parametrize("value", [None, 20260302, 3.5])
def test_non_text_is_refused(value: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        read_date(value, "offer_date")  # type: ignore[arg-type]
    assert "offer_date" == info.value.field


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_every_iso_date_and_its_wording_read_back(day: date) -> None:
    assert day == read_date(day.isoformat())
    assert day == read_date(long_date(day))


# ---------------------------------------------------------------- weekends


def test_weekend_days_and_their_friday_and_monday() -> None:
    saturday, sunday, monday = date(2026, 3, 7), date(2026, 3, 8), date(2026, 3, 9)
    assert (True, True, False) == (is_weekend(saturday), is_weekend(sunday), is_weekend(monday))
    assert date(2026, 3, 6) == friday_before(saturday) == friday_before(sunday)
    assert monday == monday_after(saturday) == monday_after(sunday)
    assert monday == friday_before(monday) == monday_after(monday)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_friday_before_and_monday_after_are_weekdays_around_the_day(day: date) -> None:
    friday, monday = friday_before(day), monday_after(day)
    assert not is_weekend(friday)
    assert not is_weekend(monday)
    assert friday <= day <= monday
    if is_weekend(day):
        assert (4, 0) == (friday.weekday(), monday.weekday())
        assert timedelta(days=3) == monday - friday


def test_weekend_note_suggests_friday_or_monday() -> None:
    assert (
        "Saturday 7 March 2026 falls on a weekend, when HR may not be at work: suggest the "
        "Friday before (Friday 6 March 2026) or the Monday after (Monday 9 March 2026) "
        "instead, as you prefer."
    ) == weekend_note(date(2026, 3, 7))
    assert "" == weekend_note(date(2026, 3, 9))


def test_weekend_note_leaves_out_a_friday_not_after_the_offer() -> None:
    note = weekend_note(date(2026, 3, 7), offer_date=date(2026, 3, 6))
    assert "Friday" not in note
    assert "suggest the Monday after (Monday 9 March 2026) instead" in note


# ---------------------------------------------------------------- dates named in a message


def test_dates_in_a_message_are_found_in_order() -> None:
    text = (
        "Could I answer by Friday 6 March 2026, or 2026-03-09? Not 2026-02-30. "
        "March 10, 2026 and 7 Mar. 2026; next Monday and 12 March are not read."
    )
    assert (
        date(2026, 3, 6),
        date(2026, 3, 9),
        date(2026, 3, 10),
        date(2026, 3, 7),
    ) == dates_in(text)


def test_a_message_without_dates_names_none() -> None:
    assert () == dates_in("Thank you for the offer; could we talk on Monday?")
