"""Tests for offerkit.rules.walk_away: the walk-away point and the bargaining zone."""

from __future__ import annotations

import pytest

from offerkit.errors import InvalidInputError
from offerkit.rules.walk_away import read_walk_away

BASE = {
    "currency": "CNY",
    "range_low": 360_000.0,
    "range_high": 385_000.0,
    "likely_low": 340_000.0,
    "likely_high": 400_000.0,
    "previous": 300_000.0,
}


def test_a_zone_from_the_walk_away_to_hrs_likely_top() -> None:
    reading = read_walk_away(330_000, **BASE)  # type: ignore[arg-type]
    assert (330_000, 400_000.0) == reading.zone
    assert not reading.warn


def test_no_zone_when_the_walk_away_is_above_hrs_likely_top() -> None:
    reading = read_walk_away(420_000, **BASE)  # type: ignore[arg-type]
    assert reading.zone is None and reading.warn
    assert any("No bargaining zone" in line for line in reading.lines)
    assert any("above your own range" in line for line in reading.lines)


def test_a_walk_away_below_the_previous_pay_is_questioned() -> None:
    reading = read_walk_away(280_000, **BASE)  # type: ignore[arg-type]
    assert reading.warn
    assert any("below your previous pay" in line for line in reading.lines)


def test_the_range_is_never_changed() -> None:
    reading = read_walk_away(390_000, **BASE)  # type: ignore[arg-type]
    assert (360_000.0, 385_000.0) == (reading.range_low, reading.range_high)


def test_a_non_positive_walk_away_is_refused() -> None:
    with pytest.raises(InvalidInputError):
        read_walk_away(0, **BASE)  # type: ignore[arg-type]
