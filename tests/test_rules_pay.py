"""Tests for offerkit.rules.pay: every pay format, normalised to annual cash, currency carried."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offerkit.errors import (
    AmbiguousPayError,
    InvalidInputError,
    OfferkitError,
    PayFormatError,
    UnknownCurrencyError,
)
from offerkit.rules.pay import (
    MAX_MONTHS,
    MIN_MONTHS,
    AnnualPay,
    PayRange,
    annual_pay,
    check_currency,
    currency_step,
    format_money,
    known_currencies,
    parse_pay,
    parse_pay_range,
    same_currency,
)
from offerkit.rules.pay_conventions import pay_conventions

# ---------------------------------------------------------------- single figures


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("300000", 300_000.0),
        ("300,000", 300_000.0),
        ("300k", 300_000.0),
        ("300K", 300_000.0),
        ("30w", 300_000.0),
        ("30万", 300_000.0),
        ("0.3m", 300_000.0),
        ("CNY 300k", 300_000.0),
        ("300k a year", 300_000.0),
        ("300k/year", 300_000.0),
        ("300k 年", 300_000.0),
    ],
)
def test_annual_figures(text: str, amount: float) -> None:
    assert AnnualPay(amount, "CNY", source=text) == parse_pay(text)


@pytest.mark.parametrize(
    ("text", "monthly", "months"),
    [
        ("25k x 14", 25_000.0, 14.0),
        ("25K X 14", 25_000.0, 14.0),
        ("25000*14", 25_000.0, 14.0),
        ("25k×14", 25_000.0, 14.0),
        ("25k x 14 months", 25_000.0, 14.0),
        ("2.5w x 14", 25_000.0, 14.0),
        ("25k·14薪", 25_000.0, 14.0),
        ("25k/month", 25_000.0, 12.0),
        ("25k per month", 25_000.0, 12.0),
        ("25k monthly", 25_000.0, 12.0),
        ("25k 月", 25_000.0, 12.0),
    ],
)
def test_monthly_times_months(text: str, monthly: float, months: float) -> None:
    expected = AnnualPay(monthly * months, "CNY", monthly, months, 0.0, text)
    assert expected == parse_pay(text)


def test_worked_example_25k_x_14_is_350000() -> None:
    assert 350_000.0 == parse_pay("25k x 14").amount


def test_fractional_months() -> None:
    assert AnnualPay(337_500.0, "CNY", 25_000.0, 13.5, 0.0, "25k×13.5") == parse_pay("25k×13.5")


@pytest.mark.parametrize("text", ["25k x 13 + 30k bonus", "25k x 13 + 30k", "25k x 13+30k年终奖"])
def test_year_end_bonus_is_added(text: str) -> None:
    assert AnnualPay(355_000.0, "CNY", 25_000.0, 13.0, 30_000.0, text) == parse_pay(text)


def test_bonus_on_an_annual_figure_is_added_to_it() -> None:
    pay = parse_pay("300k + 30k")
    assert AnnualPay(330_000.0, "CNY", bonus=30_000.0, source="300k + 30k") == pay
    assert "300,000 + 30,000 bonus = CNY 330,000 a year" == pay.describe()


def test_annual_pay_from_numbers() -> None:
    assert AnnualPay(347_500.0, "CNY", 25_000, 13.5, 10_000) == annual_pay(25_000, 13.5, 10_000)


def test_annual_pay_defaults_to_twelve_months() -> None:
    assert 240_000.0 == annual_pay(20_000).amount


# ---------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    "text", ["20-30K·15薪", "20k-30k x 15", "20K-30K X 15", "20~30k·15薪", "20–30k x 15 months"]
)
def test_job_board_range_is_300000_to_450000(text: str) -> None:
    assert PayRange(300_000.0, 450_000.0, "CNY", 15.0, text) == parse_pay_range(text)


def test_annual_range_has_no_months() -> None:
    assert PayRange(300_000.0, 450_000.0, "CNY", None, "300k-450k") == parse_pay_range("300k-450k")


def test_per_month_range_is_twelve_months() -> None:
    assert (240_000.0, 360_000.0, 12.0) == (
        parse_pay_range("20-30k/month").low,
        parse_pay_range("20-30k/month").high,
        parse_pay_range("20-30k/month").months,
    )


def test_range_mid_and_description() -> None:
    posted = parse_pay_range("20-30K·15薪")
    assert 375_000.0 == posted.mid
    assert "CNY 300,000–450,000 a year (20,000–30,000 × 15)" == posted.describe()


def test_zero_width_range_is_allowed() -> None:
    posted = parse_pay_range("30k-30k x 15")
    assert (450_000.0, 450_000.0) == (posted.low, posted.high)


# ---------------------------------------------------------------- currency


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("USD 120k", "USD"),
        ("120k USD", "USD"),
        ("usd 120k", "USD"),
        ("$120k", "USD"),
        ("$ 120k", "USD"),
        ("€120k", "EUR"),
        ("£120k", "GBP"),
        ("¥120k", "CNY"),
        ("HK$120k", "HKD"),
        ("S$120k", "SGD"),
        ("CHF 120k", "CHF"),
    ],
)
def test_currency_in_the_text_is_carried(text: str, currency: str) -> None:
    # 120k could be a month's pay in CNY or HKD, so the period is given
    assert AnnualPay(120_000.0, currency, source=text) == parse_pay(text, period="year")


def test_default_currency_is_cny_and_can_be_changed() -> None:
    assert ("CNY", "EUR", "EUR") == (
        parse_pay("300k").currency,
        parse_pay("300k", "eur").currency,
        parse_pay_range("50k-70k", "EUR").currency,
    )


def test_currency_in_the_text_wins_over_the_default() -> None:
    assert "USD" == parse_pay("USD 120k", "EUR").currency


def test_range_carries_its_currency() -> None:
    assert ("USD", "USD") == (
        parse_pay_range("USD 100k-150k").currency,
        parse_pay_range("$100k-150k").currency,
    )


def test_amounts_are_never_converted() -> None:
    assert 120_000.0 == parse_pay("$120k").amount  # not 120k × an exchange rate


def test_same_currency_returns_the_shared_code() -> None:
    assert "CNY" == same_currency("CNY", "CNY", "CNY")


def test_same_currency_refuses_a_mix() -> None:
    with pytest.raises(InvalidInputError) as caught:
        same_currency("USD", "CNY", field="posted_range")
    assert "'posted_range' must be amounts in one currency (got 'CNY and USD')" in str(caught.value)
    assert "never converts" in str(caught.value)


def test_known_currencies_and_steps() -> None:
    assert {"CNY", "USD", "EUR"} <= set(known_currencies())
    assert (1000, 100_000) == (currency_step("cny"), currency_step("JPY"))


def test_check_currency_upper_cases() -> None:
    assert "USD" == check_currency(" usd ")


def test_format_money() -> None:
    assert "CNY 360,000" == format_money(360_000.4, "CNY")


def test_describe_shows_how_pay_is_made_up() -> None:
    assert [
        "25,000 × 14 = CNY 350,000 a year",
        "25,000 × 13 + 30,000 bonus = CNY 355,000 a year",
        "CNY 300,000 a year",
    ] == [
        parse_pay("25k x 14").describe(),
        parse_pay("25k x 13 + 30k bonus").describe(),
        parse_pay("300k").describe(),
    ]


# ---------------------------------------------------------------- bad input


def _assert_names(error: InvalidInputError, field: str, expected: str, received: str) -> None:
    message = str(error)
    assert (True, True, True) == (
        f"'{field}'" in message,
        expected in message,
        f"(got {received}" in message,
    ), message
    assert (True, True) == (isinstance(error, ValueError), isinstance(error, OfferkitError))


@pytest.mark.parametrize(
    ("text", "cls", "expected", "received"),
    [
        ("-5", InvalidInputError, "a positive amount", "'-5'"),
        ("-25k x 14", InvalidInputError, "a positive amount", "'-25k x 14'"),
        ("0", InvalidInputError, "a positive amount", "0.0"),
        ("0 x 14", InvalidInputError, "a positive amount", "0.0"),
        ("25k x 11", InvalidInputError, "between 12 and 24 months", "11.0"),
        ("25k x 24.5", InvalidInputError, "between 12 and 24 months", "24.5"),
        ("25k x 0", InvalidInputError, "between 12 and 24 months", "0.0"),
        ("abc", PayFormatError, "a pay figure in a supported format", "'abc'"),
        ("25k x", PayFormatError, "a pay figure in a supported format", "'25k x'"),
        ("twenty thousand", PayFormatError, "a pay figure in a supported format", "'twenty"),
        ("", PayFormatError, "a pay figure", "''"),
        ("   ", PayFormatError, "a pay figure", "'   '"),
        ("XYZ 300k", UnknownCurrencyError, "a known currency code", "'XYZ'"),
        ("300k XYZ", UnknownCurrencyError, "a known currency code", "'XYZ'"),
    ],
)
def test_bad_pay_text(
    text: str, cls: type[InvalidInputError], expected: str, received: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        parse_pay(text)
    assert cls is type(caught.value)
    field = "currency" if cls is UnknownCurrencyError else "previous_pay"
    _assert_names(caught.value, field, expected, received)


def test_field_name_is_the_callers() -> None:
    with pytest.raises(PayFormatError) as caught:
        parse_pay("abc", field="ask")
    assert "ask" == caught.value.field


def test_non_text_is_a_pay_format_error() -> None:
    with pytest.raises(PayFormatError) as caught:
        parse_pay(300000)  # type: ignore[arg-type]
    _assert_names(caught.value, "previous_pay", "a pay figure", "300000")


def test_unknown_default_currency() -> None:
    with pytest.raises(UnknownCurrencyError) as caught:
        parse_pay("300k", "XYZ")
    _assert_names(caught.value, "currency", "a known currency code (CNY, USD", "'XYZ'")


@pytest.mark.parametrize(
    ("text", "cls", "expected", "received"),
    [
        ("30-20k x 15", InvalidInputError, "minimum is not above its maximum", "'30-20k x 15'"),
        ("0-20k x 15", InvalidInputError, "a positive amount", "0.0"),
        ("20-30K·11薪", InvalidInputError, "between 12 and 24 months", "11.0"),
        ("20-30K·25薪", InvalidInputError, "between 12 and 24 months", "25.0"),
        ("20k x 15", PayFormatError, "a pay range like", "'20k x 15'"),
        ("-20k-30k", PayFormatError, "a pay range like", "'-20k-30k'"),
        ("", PayFormatError, "a pay range", "''"),
        ("XYZ 20-30k", UnknownCurrencyError, "a known currency code", "'XYZ'"),
    ],
)
def test_bad_range_text(
    text: str, cls: type[InvalidInputError], expected: str, received: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        parse_pay_range(text)
    assert cls is type(caught.value)
    field = "currency" if cls is UnknownCurrencyError else "posted_range"
    _assert_names(caught.value, field, expected, received)


def test_min_above_max_says_which_numbers() -> None:
    with pytest.raises(InvalidInputError, match="30,000 > 20,000"):
        parse_pay_range("30-20k/month")


@pytest.mark.parametrize(
    ("kwargs", "field", "expected"),
    [
        ({"monthly": -1}, "monthly", "a positive amount"),
        ({"monthly": 0}, "monthly", "a positive amount"),
        ({"monthly": math.nan}, "monthly", "a positive amount"),
        ({"monthly": math.inf}, "monthly", "a positive amount"),
        ({"monthly": 20_000, "months": 11.9}, "months", "between 12 and 24 months"),
        ({"monthly": 20_000, "months": 24.1}, "months", "between 12 and 24 months"),
        ({"monthly": 20_000, "bonus": -1}, "bonus", "zero or a positive amount"),
        ({"monthly": 20_000, "bonus": math.nan}, "bonus", "zero or a positive amount"),
    ],
)
def test_annual_pay_rejects_bad_numbers(
    kwargs: dict[str, float], field: str, expected: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        annual_pay(**kwargs)
    assert field == caught.value.field
    assert expected in str(caught.value)


def test_annual_pay_rejects_unknown_currency() -> None:
    with pytest.raises(UnknownCurrencyError):
        annual_pay(20_000, currency="ZZZ")


def test_month_bounds_are_inclusive() -> None:
    assert (12.0, 24.0) == (MIN_MONTHS, MAX_MONTHS)
    assert (240_000.0, 480_000.0) == (parse_pay("20k x 12").amount, parse_pay("20k x 24").amount)


def test_an_absurdly_long_number_is_refused() -> None:
    with pytest.raises(InvalidInputError):
        parse_pay("9" * 400)


# ---------------------------------------------------------------- properties

monthlies = st.integers(min_value=1, max_value=2_000_000)
half_months = st.integers(min_value=24, max_value=48).map(lambda n: n / 2)  # 12, 12.5 … 24


@given(monthlies, half_months)
def test_monthly_text_number_and_annual_text_agree(monthly: int, months: float) -> None:
    total = monthly * months
    assert (total, total, total) == (
        annual_pay(monthly, months).amount,
        parse_pay(f"{monthly} x {months:g}").amount,
        parse_pay(f"{total:.2f}", period="year").amount,
    )


@given(monthlies, monthlies, half_months)
def test_range_text_is_each_end_times_months(a: int, b: int, months: float) -> None:
    low, high = sorted((a, b))
    posted = parse_pay_range(f"{low}-{high} x {months:g}")
    assert (low * months, high * months) == (posted.low, posted.high)
    assert posted.low <= posted.mid <= posted.high


@given(st.integers(min_value=1, max_value=2_000), half_months)
def test_k_suffix_means_thousands(thousands: int, months: float) -> None:
    plain = parse_pay(f"{thousands * 1000} x {months:g}")
    short = parse_pay(f"{thousands}k x {months:g}")
    assert (plain.amount, plain.monthly, plain.months) == (
        short.amount,
        short.monthly,
        short.months,
    )


@given(monthlies, half_months, st.integers(min_value=0, max_value=500_000))
def test_bonus_adds_to_monthly_times_months(monthly: int, months: float, bonus: int) -> None:
    text = f"{monthly} x {months:g} + {bonus} bonus"
    assert annual_pay(monthly, months, bonus).amount == parse_pay(text).amount


# ---------------------------------------------------------------- monthly or annual?


def test_a_bare_25k_in_cny_is_ambiguous_and_carries_both_readings() -> None:
    with pytest.raises(AmbiguousPayError) as caught:
        parse_pay("25k")
    error = caught.value
    monthly, annual = error.readings
    assert (
        AnnualPay(300_000.0, "CNY", 25_000.0, 12.0, 0.0, "25k"),
        AnnualPay(25_000.0, "CNY", source="25k"),
    ) == (monthly, annual)
    assert ("previous_pay", "25,000 a month or a year?", ("25k/month", "25k/year")) == (
        error.field,
        error.question,
        error.suggestions,
    )
    assert str(error).startswith("'previous_pay': 25,000 a month or a year?")
    assert str(error).endswith("Write 25k/month or 25k/year.")
    assert (True, True) == (isinstance(error, PayFormatError), isinstance(error, ValueError))


def test_a_range_without_a_month_count_is_ambiguous() -> None:
    with pytest.raises(AmbiguousPayError) as caught:
        parse_pay_range("20-30K")
    monthly, annual = caught.value.readings
    assert (
        PayRange(240_000.0, 360_000.0, "CNY", 12.0, "20-30K"),
        PayRange(20_000.0, 30_000.0, "CNY", None, "20-30K"),
    ) == (monthly, annual)
    assert ("20-30K/month", "20-30K/year") == caught.value.suggestions
    assert "20,000–30,000 a month or a year?" == caught.value.question


@pytest.mark.parametrize(
    ("period", "amount", "monthly"),
    [("month", 300_000.0, 25_000.0), ("year", 25_000.0, None), ("", None, None)],
)
def test_the_period_settles_a_bare_figure(
    period: str, amount: float | None, monthly: float | None
) -> None:
    if amount is None:
        with pytest.raises(AmbiguousPayError):
            parse_pay("25k", period=period)
        return
    pay = parse_pay("25k", "CNY", period)
    assert (amount, monthly) == (pay.amount, pay.monthly)


def test_the_period_settles_a_range() -> None:
    assert ((240_000.0, 360_000.0), (20_000.0, 30_000.0)) == (
        (
            parse_pay_range("20-30K", period="month").low,
            parse_pay_range("20-30K", period="month").high,
        ),
        (
            parse_pay_range("20-30K", period="year").low,
            parse_pay_range("20-30K", period="year").high,
        ),
    )


def test_what_the_text_says_wins_over_the_period() -> None:
    assert (350_000.0, 300_000.0, 300_000.0) == (
        parse_pay("25k x 14", period="year").amount,
        parse_pay("300k/year", period="month").amount,
        parse_pay_range("20-30K·15薪", period="year").low,
    )


@pytest.mark.parametrize(
    ("text", "currency", "amount", "months"),
    [
        ("65000", "EUR", 65_000.0, None),  # 65,000 a month would be an absurd year in EUR
        ("48k", "GBP", 48_000.0, None),
        ("$120k", "CNY", 120_000.0, None),
        ("300000", "CNY", 300_000.0, None),
        ("300000", "JPY", 3_600_000.0, 12.0),  # 300,000 yen a year is below any minimum wage
        ("1800000", "INR", 1_800_000.0, None),
        ("50000", "TWD", 600_000.0, 12.0),
        ("5000", "CNY", 60_000.0, 12.0),
    ],
)
def test_a_bare_figure_is_read_where_the_other_reading_is_implausible(
    text: str, currency: str, amount: float, months: float | None
) -> None:
    pay = parse_pay(text, currency)
    assert (amount, months) == (pay.amount, pay.months)


def test_a_figure_too_small_for_either_reading_is_refused_not_guessed() -> None:
    with pytest.raises(PayFormatError) as caught:
        parse_pay("1000")
    assert AmbiguousPayError is not type(caught.value)
    assert "1,000 does not look like a month's or a year's pay" in str(caught.value)
    assert "'1000/month' or '1000/year'" in str(caught.value)
    assert 1_000.0 == parse_pay("1000", period="year").amount


def test_a_large_figure_is_a_rare_year_not_an_absurd_month() -> None:
    assert (2_000_000.0, None) == (parse_pay("2m").amount, parse_pay("2m").months)


@pytest.mark.parametrize(
    ("text", "period"),
    [("年薪30万", "year"), ("月薪2.5万", "month"), ("300k p.a.", "year"), ("25k pa", "year")],
)
def test_chinese_and_latin_period_markers(text: str, period: str) -> None:
    pay = parse_pay(text)
    assert ("month" if pay.months else "year") == period


def test_a_bad_period_is_refused() -> None:
    with pytest.raises(InvalidInputError) as caught:
        parse_pay("25k", period="week")
    assert "previous_pay_period" == caught.value.field


def test_the_suggestion_keeps_the_currency_and_the_bonus() -> None:
    with pytest.raises(AmbiguousPayError) as caught:
        parse_pay("USD 50k + 5k bonus")
    assert ("USD 50k/month + 5k bonus", "USD 50k/year + 5k bonus") == caught.value.suggestions
    assert (605_000.0, 55_000.0) == tuple(r.amount for r in caught.value.readings)


# ---------------------------------------------------------------- separators


@pytest.mark.parametrize(
    ("text", "currency", "amount"),
    [
        ("65.000", "EUR", 65_000.0),
        ("65 000", "EUR", 65_000.0),
        ("65\u00a0000", "EUR", 65_000.0),
        ("65.000,50", "EUR", 65_000.5),
        ("65 000,50", "EUR", 65_000.5),
        ("1.000.000", "EUR", 1_000_000.0),
        ("65,000", "USD", 65_000.0),
        ("65 000", "USD", 65_000.0),
        ("65,000.50", "USD", 65_000.5),
        ("18,00,000", "INR", 1_800_000.0),
        ("1,800,000", "INR", 1_800_000.0),
        ("65'000", "CHF", 65_000.0),
        ("2,5k", "EUR", 2_500.0),
        ("2.5k", "EUR", 2_500.0),
    ],
)
def test_separators_are_read_by_the_currency(text: str, currency: str, amount: float) -> None:
    assert amount == parse_pay(text, currency, "year").amount


@pytest.mark.parametrize(
    ("text", "currency", "plain"),
    [("65,000", "EUR", "65000"), ("65.000", "USD", "65000"), ("65.000", "CNY", "65000")],
)
def test_a_separator_whose_reading_depends_on_the_locale_is_refused(
    text: str, currency: str, plain: str
) -> None:
    with pytest.raises(PayFormatError) as caught:
        parse_pay(text, currency, "year")
    message = str(caught.value)
    assert (True, True) == (f"could be {plain} or 65" in message, f"write {plain}" in message)


@pytest.mark.parametrize("text", ["1,2,3", "2,50,000", "65.00.0", "1.000,000,5"])
def test_badly_grouped_numbers_are_refused(text: str) -> None:
    with pytest.raises(PayFormatError):
        parse_pay(text, "USD", "year")


def test_separators_in_a_range_follow_the_currency() -> None:
    posted = parse_pay_range("60.000-75.000", "EUR")
    assert (60_000.0, 75_000.0) == (posted.low, posted.high)


def _written(amount: int, style: str) -> str:
    western = f"{amount:,}"
    if style == "eu":
        return western.replace(",", ".")
    if style == "ch":
        return western.replace(",", "'")
    if style == "in" and amount >= 100_000:
        head, tail = str(amount)[:-3], str(amount)[-3:]
        pairs = [head[max(0, i - 2) : i] for i in range(len(head), 0, -2)][::-1]
        return ",".join([*pairs, tail])
    return western


@given(st.sampled_from(known_currencies()), st.integers(min_value=1, max_value=10**9))
def test_a_figure_written_the_currencys_way_reads_back(currency: str, amount: int) -> None:
    text = _written(amount, pay_conventions(currency).number_style)
    assert float(amount) == parse_pay(text, currency, "year").amount


@given(st.sampled_from(known_currencies()), st.integers(min_value=1, max_value=10**8))
def test_a_bare_figure_is_never_guessed(currency: str, amount: int) -> None:
    rules = pay_conventions(currency)
    monthly_ok = rules.year_min <= amount * rules.months and amount <= rules.month_max
    annual_ok = rules.year_min <= amount
    try:
        pay = parse_pay(str(amount), currency)
    except AmbiguousPayError as caught:
        assert (True, True) == (monthly_ok, annual_ok)
        assert (amount * rules.months, float(amount)) == tuple(r.amount for r in caught.readings)
        return
    except PayFormatError:
        assert (False, False) == (monthly_ok, annual_ok)
        return
    assert (pay.months is not None, pay.months is None) == (monthly_ok, annual_ok)
