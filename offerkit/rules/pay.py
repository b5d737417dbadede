"""Pay formats: read pay as people write it and normalise it to annual cash.

Supported forms (case-insensitive; ``k`` = thousand, ``w``/``万`` = ten thousand)::

    300k/year · 300k p.a. · 年薪30万 · 300000 · $120k      an annual figure
    25k x 14 · 25000*14 · 25k×13.5 · 25k/month · 月薪2.5万  monthly × N months (12 by default)
    25k x 13 + 30k bonus · 25k/year + 3k bonus            plus a year-end bonus
    20-30K·15薪 · 20k-30k x 15 · 300k-450k/year            a range (posted on a job board)

**Numbers are never guessed.** A bare figure (``25k``, ``20-30K``) is read as monthly or
annual only when the other reading is implausible for its currency (thresholds and their
reasoning in ``data/pay_conventions.csv``); otherwise :class:`~offerkit.errors.AmbiguousPayError`
carries both readings and the caller asks, or passes ``period="month"``/``"year"``.
Separators are read by the currency's usual locale (``65.000`` in EUR is 65,000) or refused
as ambiguous (``65,000`` in EUR), see :func:`~offerkit.rules.pay_conventions.read_number`.

Months must be between 12 and 24 (fractions allowed). A currency written in the text
(``USD``, ``$``, ``¥``…) is carried with the amount; amounts in different currencies are
never compared or converted silently (see :func:`same_currency`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from offerkit.errors import (
    AmbiguousPayError,
    InvalidInputError,
    PayFormatError,
    UnknownCurrencyError,
)
from offerkit.rules.catalogue import load_catalogue
from offerkit.rules.pay_conventions import Period, pay_conventions, plausible_periods, read_number

__all__ = [
    "MAX_MONTHS",
    "MIN_MONTHS",
    "AnnualPay",
    "PayRange",
    "annual_pay",
    "check_currency",
    "format_money",
    "known_currencies",
    "parse_pay",
    "parse_pay_range",
    "same_currency",
]

MIN_MONTHS = 12.0
MAX_MONTHS = 24.0


@dataclass(frozen=True)
class AnnualPay:
    """Annual cash pay, with how it was made up (monthly × months + bonus)."""

    amount: float
    currency: str
    monthly: float | None = None
    months: float | None = None
    bonus: float = 0.0
    source: str = ""

    def describe(self) -> str:
        """Say how the annual figure is made up, e.g. ``25,000 × 14 = CNY 350,000``."""
        total = format_money(self.amount, self.currency)
        if self.monthly is None or self.months is None:
            if self.bonus:
                return f"{self.amount - self.bonus:,.0f} + {self.bonus:,.0f} bonus = {total} a year"
            return f"{total} a year"
        parts = f"{self.monthly:,.0f} × {self.months:g}"
        if self.bonus:
            parts += f" + {self.bonus:,.0f} bonus"
        return f"{parts} = {total} a year"


@dataclass(frozen=True)
class PayRange:
    """An annual pay range such as a job board shows, normalised to annual cash."""

    low: float
    high: float
    currency: str
    months: float | None = None
    source: str = ""

    @property
    def mid(self) -> float:
        """The middle of the range."""
        return (self.low + self.high) / 2

    def describe(self) -> str:
        """E.g. ``CNY 300,000–450,000 a year (20,000–30,000 × 15)``."""
        text = f"{format_money(self.low, self.currency)}–{self.high:,.0f} a year"
        if self.months:
            text += f" ({self.low / self.months:,.0f}–{self.high / self.months:,.0f}"
            text += f" × {self.months:g})"
        return text


@cache
def _currency_table() -> dict[str, tuple[str, int]]:
    return {
        str(r["code"]): (str(r["symbol"]), int(str(r["step"])))
        for r in load_catalogue("currencies")
    }


def known_currencies() -> tuple[str, ...]:
    """The ISO codes listed in ``data/currencies.csv``."""
    return tuple(_currency_table())


def check_currency(code: str, field: str = "currency") -> str:
    """Return ``code`` in upper case, or raise :class:`UnknownCurrencyError`."""
    cleaned = (code or "").strip().upper()
    if cleaned not in _currency_table():
        raise UnknownCurrencyError(
            field, f"a known currency code ({', '.join(known_currencies())})", code
        )
    return cleaned


def currency_step(code: str) -> int:
    """The rounding step used when stating amounts in ``code`` (e.g. 1,000 for CNY)."""
    return _currency_table()[check_currency(code)][1]


def format_money(amount: float, currency: str) -> str:
    """``CNY 360,000`` — whole units, thousands separated."""
    return f"{currency} {amount:,.0f}"


def same_currency(*currencies: str, field: str = "currency") -> str:
    """The one currency shared by all arguments; raise if they differ (no silent conversion)."""
    distinct = sorted(set(currencies))
    if len(distinct) != 1:
        raise InvalidInputError(
            field,
            "amounts in one currency",
            " and ".join(distinct),
            "convert them yourself first; offerkit never converts",
        )
    return distinct[0]


def annual_pay(
    monthly: float, months: float = 12, bonus: float = 0.0, *, currency: str = "CNY"
) -> AnnualPay:
    """Annual cash from a monthly figure: ``monthly × months + bonus``."""
    _positive("monthly", monthly)
    _months_ok(months)
    if not (bonus >= 0 and math.isfinite(bonus)):
        raise InvalidInputError("bonus", "zero or a positive amount", bonus)
    return AnnualPay(
        round(monthly * months + bonus, 2), check_currency(currency), monthly, months, bonus
    )


# ---------------------------------------------------------------- parsing

_UNITS = {"": 1.0, "k": 1_000.0, "w": 10_000.0, "万": 10_000.0, "m": 1_000_000.0}
_NUMBER = r"(\d+(?:[.,' ’]\d+)*)\s*(k|w|万|m)?"
_MONTHS = r"(?:\s*(?:x|/month\s*x|per month\s*x)\s*(\d+(?:[.,]\d+)?)\s*(?:months?)?)"
_PER_MONTH = r"(?:\s*(/\s*month|per month|a month|/mo|monthly|月))"
_PER_YEAR = r"(?:\s*(/\s*year|per year|a year|/yr|p\.?a\.?|per annum|yearly|annual(?:ly)?|年))"
_PERIOD = rf"(?:{_MONTHS}|{_PER_MONTH}|{_PER_YEAR})?"
_BONUS = r"(?:\s*\+\s*" + _NUMBER + r"\s*(?:bonus|year-end bonus|年终奖)?)?"

_SINGLE = re.compile(rf"^{_NUMBER}{_PERIOD}{_BONUS}$")
_RANGE = re.compile(rf"^{_NUMBER}\s*-\s*{_NUMBER}{_PERIOD}$")
_PREFIX = re.compile(r"^(年收入?|年|月)\s*")  # 年薪 / 月薪 once 薪 is dropped


def _positive(field: str, value: float) -> None:
    if not (value > 0 and math.isfinite(value)):
        raise InvalidInputError(field, "a positive amount", value)


def _months_ok(months: float, field: str = "months") -> None:
    if not MIN_MONTHS <= months <= MAX_MONTHS:
        raise InvalidInputError(
            field,
            f"between {MIN_MONTHS:g} and {MAX_MONTHS:g} months of pay",
            months,
            "e.g. 13 for a 13th-month salary",
        )


def _split_currency(text: str, default: str, field: str) -> tuple[str, str]:
    """Take a currency code or symbol off either end of ``text``."""
    stripped = text.strip()
    code = re.match(r"^([A-Za-z]{3})\b\s*", stripped) or re.search(r"\s*\b([A-Za-z]{3})$", stripped)
    rest = (stripped[: code.start()] + stripped[code.end() :]).strip() if code else ""
    if code and re.search(r"\d", rest):
        found = check_currency(code.group(1), field)
        return found, rest
    by_length = sorted(_currency_table().items(), key=lambda item: -len(item[1][0]))
    for iso, (symbol, _step) in by_length:
        if stripped.startswith(symbol) and not symbol[0].isdigit():
            return iso, stripped[len(symbol) :].strip()
    if stripped.startswith("$"):
        return "USD", stripped[1:].strip()
    return check_currency(default, "currency"), stripped


def _normalise(text: str) -> str:
    replacements = {
        "×": "x",
        "*": "x",
        "·": " x ",
        "薪": "",
        "，": ",",
        "–": "-",
        "—": "-",
        "~": "-",
        "～": "-",
        "至": "-",
        "到": "-",
        "Ｋ": "k",
        "＋": "+",
        "（": "(",
        "）": ")",
    }
    lowered = text.strip().lower()
    for old, new in replacements.items():
        lowered = lowered.replace(old, new)
    return re.sub(r"\s+", " ", lowered).strip()


_HELP = (
    "write e.g. '300000', '25k x 14', '25k x 13 + 30k bonus' or, for a range, "
    "'20-30K·15薪' / '20k-30k x 15'"
)


@dataclass(frozen=True)
class _Written:
    """What the text itself says: currency, the normalised rest, and a period if it says."""

    text: str
    code: str
    rest: str
    normal: str
    said: Period | None


def _written(text: object, currency: str, period: str | None, field: str, what: str) -> _Written:
    if period not in (None, "", "month", "year"):
        raise InvalidInputError(f"{field}_period", "'month', 'year' or nothing", period)
    if not isinstance(text, str) or not text.strip():
        raise PayFormatError(field, what, text, _HELP)
    code, rest = _split_currency(text, currency, "currency")
    normal = _normalise(rest)
    prefix = _PREFIX.match(normal)
    said: Period | None = None
    if prefix:
        said = "month" if prefix.group(1) == "月" else "year"
        normal = normal[prefix.end() :]
    return _Written(text, code, rest, normal, said)


def _amount(number: str, unit: str | None, written: _Written, field: str) -> float:
    value = read_number(number, written.code, field=field, source=written.text)
    return value * _UNITS[unit or ""]


def _form_says(months: str | None, per_month: str | None, per_year: str | None) -> Period | None:
    if months is not None or per_month is not None:
        return "month"
    return "year" if per_year is not None else None


def _suggest(written: _Written, marker: str) -> str:
    """The learner's figure with ``marker`` (``/month``) after its base amount."""
    rest = written.rest
    named = f"{written.code} " if rest != written.text.strip() else ""
    if "+" in rest:
        base, tail = rest.split("+", 1)
        return f"{named}{base.rstrip()}{marker} +{tail}"
    return f"{named}{rest}{marker}"


def _settle(
    written: _Written,
    wanted: str | None,
    low: float,
    high: float,
    field: str,
    build: Callable[[Period], AnnualPay | PayRange],
) -> Period:
    """The period the form says, else the one asked for, else the only plausible one."""
    if written.said is not None:
        return written.said
    if wanted in ("month", "year"):
        return "month" if wanted == "month" else "year"
    plausible = plausible_periods(low, high, written.code)
    if len(plausible) == 1:
        return plausible[0]
    figure = f"{low:,.0f}" if low == high else f"{low:,.0f}–{high:,.0f}"
    suggestions = (_suggest(written, "/month"), _suggest(written, "/year"))
    if plausible:
        raise AmbiguousPayError(
            field,
            written.text,
            (build("month"), build("year")),
            f"{figure} a month or a year?",
            suggestions,
        )
    raise PayFormatError(
        field,
        f"a plausible month's or year's pay in {written.code}",
        written.text,
        f"{figure} does not look like a month's or a year's pay; check the figure, or if you "
        f"mean it, write {suggestions[0]!r} or {suggestions[1]!r}",
    )


def parse_pay(
    text: str,
    currency: str = "CNY",
    period: str | None = None,
    *,
    field: str = "previous_pay",
) -> AnnualPay:
    """Read one pay figure and return it as :class:`AnnualPay` (annual cash).

    ``period`` ("month" or "year") settles a figure whose form does not say; without it a
    bare figure is read only where the other reading is implausible for the currency
    (:func:`~offerkit.rules.pay_conventions.plausible_periods`), else
    :class:`~offerkit.errors.AmbiguousPayError` carries both readings.

    >>> parse_pay("25k x 14").amount, parse_pay("25k", period="month").amount
    (350000.0, 300000.0)
    """
    written = _written(text, currency, period, field, "a pay figure")
    if text.strip().startswith("-"):
        raise InvalidInputError(field, "a positive amount", text)
    match = _SINGLE.match(written.normal)
    if not match:
        raise PayFormatError(field, "a pay figure in a supported format", text, _HELP)
    number, unit, months_text, per_month, per_year, bonus_number, bonus_unit = match.groups()
    amount = _amount(number, unit, written, field)
    _positive(field, amount)
    bonus = _amount(bonus_number, bonus_unit, written, field) if bonus_number else 0.0
    months = float(months_text.replace(",", ".")) if months_text else None
    if months is not None:
        _months_ok(months, field)

    def build(reading: Period) -> AnnualPay:
        if reading == "year":
            return AnnualPay(round(amount + bonus, 2), written.code, bonus=bonus, source=text)
        count = months or pay_conventions(written.code).months
        total = round(amount * count + bonus, 2)
        return AnnualPay(total, written.code, amount, count, bonus, source=text)

    if written.said is None:
        written = replace(written, said=_form_says(months_text, per_month, per_year))
    return build(_settle(written, period, amount, amount, field, build))


def parse_pay_range(
    text: str,
    currency: str = "CNY",
    period: str | None = None,
    *,
    field: str = "posted_range",
) -> PayRange:
    """Read a posted pay range and return it as an annual :class:`PayRange`.

    A unit written once applies to both ends (``20-30K`` = 20,000–30,000). Without a months
    multiplier or a "per month"/"per year" marker, ``period`` settles it, else the only
    plausible reading for the currency, else :class:`~offerkit.errors.AmbiguousPayError`.

    >>> r = parse_pay_range("20-30K·15薪"); (r.low, r.high)
    (300000.0, 450000.0)
    """
    written = _written(text, currency, period, field, "a pay range")
    match = _RANGE.match(written.normal)
    if not match:
        raise PayFormatError(field, "a pay range like '20-30K·15薪' or '300k-450k'", text, _HELP)
    low_number, low_unit, high_number, high_unit, months_text, per_month, per_year = match.groups()
    low = _amount(low_number, low_unit or high_unit, written, field)
    high = _amount(high_number, high_unit or low_unit, written, field)
    _positive(field, low)
    _positive(field, high)
    if low > high:
        raise InvalidInputError(
            field,
            "a range whose minimum is not above its maximum",
            text,
            f"{low:,.0f} > {high:,.0f}",
        )
    months = float(months_text.replace(",", ".")) if months_text else None
    if months is not None:
        _months_ok(months, field)

    def build(reading: Period) -> PayRange:
        if reading == "year":
            return PayRange(low, high, written.code, source=text)
        count = months or pay_conventions(written.code).months
        return PayRange(round(low * count, 2), round(high * count, 2), written.code, count, text)

    if written.said is None:
        written = replace(written, said=_form_says(months_text, per_month, per_year))
    return build(_settle(written, period, low, high, field, build))
