"""Tests for offerkit.rules.pay_conventions: separators per currency, monthly or annual."""

from __future__ import annotations

import pytest

from offerkit.errors import DataFileError, PayFormatError
from offerkit.rules.catalogue import load_catalogue
from offerkit.rules.pay import known_currencies
from offerkit.rules.pay_conventions import pay_conventions, plausible_periods, read_number


def test_every_known_currency_has_conventions_with_a_reason() -> None:
    rows = {str(r["code"]) for r in load_catalogue("pay_conventions")}
    assert set(known_currencies()) == rows
    for code in known_currencies():
        rules = pay_conventions(code)
        assert (True, True, True) == (
            0 < rules.year_min < rules.month_max * 12,
            12 <= rules.months <= 24,
            len(rules.basis) > 20,
        ), code


def test_the_data_file_explains_its_thresholds() -> None:
    from offerkit.rules.catalogue import data_dir

    head = (data_dir() / "pay_conventions.csv").read_text(encoding="utf-8").split("\ncode,")[0]
    assert all(f"# {word}" in head for word in ("year_min", "month_max", "months", "number_style"))


def test_an_unknown_currency_is_a_data_file_error() -> None:
    with pytest.raises(DataFileError, match="no row for currency 'XYZ'"):
        pay_conventions("XYZ")


@pytest.mark.parametrize(
    ("low", "high", "currency", "expected"),
    [
        (25_000, 25_000, "CNY", ("month", "year")),
        (20_000, 30_000, "CNY", ("month", "year")),
        (300_000, 300_000, "CNY", ("year",)),
        (5_000, 5_000, "CNY", ("month",)),
        (65_000, 65_000, "EUR", ("year",)),
        (3_000, 3_000, "EUR", ("month",)),
        (300_000, 300_000, "JPY", ("month",)),
        (100, 100, "CNY", ()),
        (60_000, 900_000, "EUR", ("year",)),
        (3_000, 9_000, "CNY", ("month",)),
    ],
)
def test_plausible_periods(
    low: float, high: float, currency: str, expected: tuple[str, ...]
) -> None:
    assert expected == plausible_periods(low, high, currency)


def test_the_threshold_edges_are_plausible() -> None:
    rules = pay_conventions("CNY")
    assert (("month", "year"), ("year",)) == (
        plausible_periods(rules.year_min, rules.month_max, "CNY"),
        plausible_periods(rules.month_max + 1, rules.month_max + 1, "CNY"),
    )


@pytest.mark.parametrize(
    ("text", "currency", "number"),
    [("65.000", "EUR", 65_000.0), ("65,000", "USD", 65_000.0), ("65 000,5", "EUR", 65_000.5)],
)
def test_read_number(text: str, currency: str, number: float) -> None:
    assert number == read_number(text, currency, field="pay")


def test_read_number_names_the_field_and_the_learners_text() -> None:
    with pytest.raises(PayFormatError) as caught:
        read_number("65,000", "EUR", field="ask", source="EUR 65,000")
    assert ("ask", "EUR 65,000") == (caught.value.field, caught.value.received)
