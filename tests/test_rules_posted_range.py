"""Tests for offerkit.rules.posted_range: where offers on a posted range usually land."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offerkit.errors import InvalidInputError, PayFormatError
from offerkit.rules.pay import PayRange, parse_pay_range
from offerkit.rules.posted_range import (
    LANDING_ZONE,
    STANDOUT_FROM,
    AskPosition,
    PostedRangeReading,
    decode_posted_range,
    position_in_range,
)

POSTED = parse_pay_range("20-30K·15薪")  # CNY 300,000–450,000 a year


def test_kit_defaults() -> None:
    assert ((0.40, 0.60), 0.80) == (LANDING_ZONE, STANDOUT_FROM)


def test_job_board_range_landing_zone_and_standout() -> None:
    reading = decode_posted_range("20-30K·15薪")
    assert (300_000.0, 450_000.0, 360_000.0, 390_000.0, 420_000.0, 375_000.0) == (
        reading.posted.low,
        reading.posted.high,
        reading.landing_low,
        reading.landing_high,
        reading.standout_from,
        reading.typical_offer,
    )


def test_text_and_pay_range_decode_the_same() -> None:
    assert decode_posted_range(POSTED) == decode_posted_range("20-30K·15薪")


def test_reading_without_ask() -> None:
    expected = PostedRangeReading(POSTED, 360_000.0, 390_000.0, 420_000.0, None)
    assert expected == decode_posted_range(POSTED)


def test_lines() -> None:
    assert (
        "Posted: CNY 300,000–450,000 a year (20,000–30,000 × 15)",
        "Offers usually land around the middle (kit rule of thumb, not the lesson's): "
        "CNY 360,000–390,000",
        "The top (from CNY 420,000) is usually kept for candidates who exceed every requirement "
        "(the same rule of thumb)",
    ) == decode_posted_range(POSTED).lines()


def test_lines_end_with_the_ask() -> None:
    lines = decode_posted_range(POSTED, ask=375_000).lines()
    assert (
        "Your ask of CNY 375,000 is in the usual landing zone around the middle: a realistic ask."
    ) == lines[-1]


def test_currency_is_carried() -> None:
    reading = decode_posted_range("USD 100k-150k")
    assert ("USD", 120_000.0, 130_000.0) == (
        reading.currency,
        reading.landing_low,
        reading.landing_high,
    )


def test_default_currency_applies_to_text() -> None:
    assert "EUR" == decode_posted_range("50k-70k", currency="EUR").currency


@pytest.mark.parametrize(
    ("ask", "zone"),
    [
        (250_000, "below"),
        (299_999, "below"),
        (300_000, "lower"),
        (330_000, "lower"),
        (360_000, "landing"),
        (375_000, "landing"),
        (390_000, "landing"),
        (400_000, "upper"),
        (419_999, "upper"),
        (420_000, "standout"),
        (450_000, "standout"),
        (460_000, "above"),
    ],
)
def test_ask_positions(ask: float, zone: str) -> None:
    position = position_in_range(ask, POSTED)
    assert (zone, (ask - 300_000) / 150_000) == (position.zone, position.fraction)


@pytest.mark.parametrize(
    ("ask", "words"),
    [
        (250_000, "below the posted range"),
        (330_000, "in the lower part"),
        (375_000, "usual landing zone"),
        (400_000, "above the middle"),
        (430_000, "kept for standouts"),
        (500_000, "above the posted range"),
    ],
)
def test_ask_messages_say_where_it_sits(ask: float, words: str) -> None:
    message = position_in_range(ask, POSTED).message
    assert (True, True) == (message.startswith(f"Your ask of CNY {ask:,}"), words in message)


def test_decode_with_ask_positions_it() -> None:
    expected = position_in_range(400_000, POSTED)
    assert expected == decode_posted_range(POSTED, ask=400_000).ask


@pytest.mark.parametrize(
    ("ask", "zone", "fraction"),
    [(450_000, "landing", 0.5), (440_000, "below", -1.0), (460_000, "above", 2.0)],
)
def test_zero_width_range(ask: float, zone: str, fraction: float) -> None:
    level = "ok" if zone == "landing" else "warn"
    posted = parse_pay_range("30k-30k x 15")
    reading = decode_posted_range(posted, ask=ask)
    assert (450_000.0, 450_000.0, 450_000.0) == (
        reading.landing_low,
        reading.landing_high,
        reading.standout_from,
    )
    assert AskPosition(ask, fraction, zone, reading.ask.message if reading.ask else "", level) == (
        reading.ask
    )


@pytest.mark.parametrize("ask", [0, -1, float("nan")])
def test_ask_must_be_positive(ask: float) -> None:
    with pytest.raises(InvalidInputError) as caught:
        position_in_range(ask, POSTED)
    assert ("ask", True) == (caught.value.field, "a positive annual amount" in str(caught.value))


def test_bad_posted_text_is_refused() -> None:
    with pytest.raises(PayFormatError) as caught:
        decode_posted_range("lots")
    assert "posted_range" == caught.value.field


# ---------------------------------------------------------------- properties


@given(
    st.integers(min_value=1, max_value=10_000_000),
    st.integers(min_value=0, max_value=10_000_000),
)
def test_zones_are_ordered_inside_the_range(low: int, width: int) -> None:
    reading = decode_posted_range(PayRange(float(low), float(low + width), "CNY"))
    assert (
        reading.posted.low
        <= reading.landing_low
        <= reading.typical_offer
        <= reading.landing_high
        <= reading.standout_from
        <= reading.posted.high
    )


_ORDER = ["below", "lower", "landing", "upper", "standout", "above"]


@given(
    st.integers(min_value=1, max_value=1_000_000),
    st.integers(min_value=1, max_value=3_000_000),
    st.integers(min_value=1, max_value=3_000_000),
)
def test_zone_never_goes_down_as_the_ask_goes_up(low: int, ask_a: int, ask_b: int) -> None:
    posted = PayRange(float(low), float(low * 2), "CNY")
    small, large = sorted((ask_a, ask_b))
    assert _ORDER.index(position_in_range(small, posted).zone) <= _ORDER.index(
        position_in_range(large, posted).zone
    )


@pytest.mark.parametrize(
    ("ask", "level"),
    [
        (290_000, "warn"),
        (320_000, "ok"),
        (375_000, "ok"),
        (400_000, "ok"),
        (430_000, "warn"),
        (460_000, "warn"),
    ],
)
def test_each_zone_has_the_level_its_words_deserve(ask: float, level: str) -> None:
    assert level == position_in_range(ask, POSTED).level


def test_a_bare_range_is_settled_by_its_period() -> None:
    assert (240_000.0, 360_000.0) == (
        decode_posted_range("20-30K", period="month").posted.low,
        decode_posted_range("20-30K", period="month").posted.high,
    )
