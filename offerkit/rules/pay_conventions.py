"""How pay is written in each currency: its separators, and monthly versus annual.

Two things about a written figure depend on where it comes from, and the kit never
guesses either (``data/pay_conventions.csv`` holds the figures and the reasoning):

* **separators** — ``65.000`` is 65,000 in EUR (German, French… write ``65.000,50``) but
  would be 65 in English; :func:`read_number` reads a figure by its currency's usual
  number style, and refuses one whose reading depends on a locale it does not use
  (``65,000`` in EUR: 65 thousand or 65?);
* **monthly or annual** — a bare ``25k`` is a month's pay on a Chinese job board and a
  year's pay on most European ones; :func:`plausible_periods` says which readings are
  plausible for the currency (an "annual" figure below a year's minimum wage is not; nor is a
  "monthly" one that makes an absurd year), so the caller asks when both are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal, cast

from offerkit.errors import DataFileError, PayFormatError
from offerkit.rules.catalogue import load_catalogue

__all__ = [
    "NumberStyle",
    "PayConventions",
    "Period",
    "pay_conventions",
    "plausible_periods",
    "read_number",
]

NumberStyle = Literal["en", "eu", "in", "ch"]
Period = Literal["month", "year"]

_DECIMAL: dict[NumberStyle, str] = {"en": ".", "eu": ",", "in": ".", "ch": "."}
_GROUPING: dict[NumberStyle, str] = {"en": ",", "eu": ".", "in": ",", "ch": ",'’"}
_EXAMPLE: dict[NumberStyle, str] = {
    "en": "65,000.50",
    "eu": "65.000,50",
    "in": "18,00,000.50",
    "ch": "65'000.50",
}


@dataclass(frozen=True)
class PayConventions:
    """One row of ``data/pay_conventions.csv``."""

    currency: str
    number_style: NumberStyle
    year_min: float
    month_max: float
    months: float
    basis: str

    @property
    def decimal_mark(self) -> str:
        """The decimal mark of the currency's usual locale (``.`` or ``,``)."""
        return _DECIMAL[self.number_style]


@cache
def _table() -> dict[str, PayConventions]:
    table = {}
    for row in load_catalogue("pay_conventions"):
        table[str(row["code"])] = PayConventions(
            str(row["code"]),
            cast(NumberStyle, row["number_style"]),  # the catalogue schema allows only these
            float(str(row["year_min"])),
            float(str(row["month_max"])),
            float(str(row["months"])),
            str(row["basis"]),
        )
    return table


def pay_conventions(currency: str) -> PayConventions:
    """The conventions of ``currency`` (an upper-case ISO code of ``data/currencies.csv``)."""
    try:
        return _table()[currency]
    except KeyError:
        raise DataFileError(
            f"no row for currency {currency!r}; every currency of currencies.csv needs one",
            path="pay_conventions.csv",
        ) from None


# ---------------------------------------------------------------- separators

_RUNS = re.compile(r"\d+|[^\d]")


def _refuse(source: str, field: str, why: str, write: str) -> PayFormatError:
    return PayFormatError(field, f"a number written plainly ({why})", source, f"write {write}")


def read_number(text: str, currency: str, *, field: str, source: str = "") -> float:
    """Read the digits-and-separators ``text`` (``65.000``, ``65 000,50``…) as a number.

    A space or an apostrophe always groups thousands. With both ``.`` and ``,`` the last one
    is the decimal mark. A mark used twice groups. A single mark followed by other than
    three digits is a decimal mark. A single mark followed by exactly three digits is read
    by the currency's style: as thousands where it is the style's thousands mark, refused as
    ambiguous where it is the style's decimal mark.

    >>> read_number("65.000", "EUR", field="pay"), read_number("65,000", "USD", field="pay")
    (65000.0, 65000.0)
    """
    shown = source or text
    style = pay_conventions(currency).number_style
    parts = _RUNS.findall(text.replace(" ", "_").replace("'", "_").replace("’", "_"))
    digits, marks = parts[0::2], parts[1::2]
    if not marks:
        return float(text)
    point = [m for m in marks if m in ".,"]
    decimal = ""
    if len(set(point)) == 2:
        decimal = marks[-1]
        if decimal not in ".," or marks.count(decimal) != 1:
            raise _refuse(shown, field, "the decimal mark must come last", "65000.50")
    elif len(point) == 1 and len(digits[-1]) != 3 and marks[-1] == point[0]:
        decimal = point[0]
    elif len(point) == 1 and marks[-1] == point[0] and _DECIMAL[style] == point[0]:
        plain = text.replace(point[0], "")
        raise _refuse(
            shown,
            field,
            f"'{point[0]}' is the decimal mark of {currency} amounts, so {text} could be "
            f"{plain} or {float(text.replace(',', '.')):g}",
            f"{plain} (or {_EXAMPLE[style]} for a fraction)",
        )
    whole = digits[:-1] if decimal else digits
    _check_groups(whole, style, text, shown, field)
    number = "".join(whole) + ("." + digits[-1] if decimal else "")
    return float(number)


def _check_groups(runs: list[str], style: NumberStyle, text: str, shown: str, field: str) -> None:
    """Thousands groups: 1–3 digits, then threes (or Indian lakh groups: twos, then three)."""
    if len(runs) == 1:
        return
    western = 1 <= len(runs[0]) <= 3 and all(len(r) == 3 for r in runs[1:])
    lakh = (
        style == "in"
        and 1 <= len(runs[0]) <= 2
        and all(len(r) == 2 for r in runs[1:-1])
        and len(runs[-1]) == 3
    )
    if not (western or lakh):
        raise _refuse(shown, field, "thousands are grouped in threes", "65000 or 65,000")


# ---------------------------------------------------------------- monthly or annual


def plausible_periods(low: float, high: float, currency: str) -> tuple[Period, ...]:
    """The readings of the bare figures ``low``–``high`` that are plausible in ``currency``.

    Monthly: ``low × months`` is at least a year's minimum wage and ``high`` at most the
    highest plausible month (above it the year would be absurd). Annual: ``low`` is at least a
    year's minimum wage; a large annual figure is rare, not absurd, so it has no upper bound.
    Returns ``()`` (a figure too small for either), one period or both.

    >>> plausible_periods(25_000, 25_000, "CNY"), plausible_periods(65_000, 65_000, "EUR")
    (('month', 'year'), ('year',))
    """
    rules = pay_conventions(currency)
    found: list[Period] = []
    if rules.year_min <= low * rules.months and high <= rules.month_max:
        found.append("month")
    if rules.year_min <= low:
        found.append("year")
    return tuple(found)
