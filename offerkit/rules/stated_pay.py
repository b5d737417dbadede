"""The figures in a message the learner wrote, judged against their own numbers.

The lesson: when HR asks what you expect and you do not know how the company pays (how many
months, the bonus), give a range for the **annual** salary — your range, with the target at
its low end, and the increase within +20 % unless you have a reason. :func:`read_stated_pay`
finds the pay figures in the learner's own words and :func:`check_stated_pay` says, in the
learner's terms, what disagrees with the numbers they worked out: a monthly figure, a figure
that could be monthly or annual, a figure outside their range from lesson 03 or below their
walk-away point (lesson 05), no range where the opening states one, or a figure other than
the one a counter asks for.

Pure and rule-based: figures are read with :mod:`offerkit.rules.pay` and never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from offerkit.errors import AmbiguousPayError, OfferkitError
from offerkit.rules.pay import format_money, parse_pay, parse_pay_range
from offerkit.rules.salary import ExpectedSalary

__all__ = ["PayIssue", "PayStatement", "StatedFigure", "check_stated_pay", "read_stated_pay"]

Period = Literal["month", "year"]
Wants = Literal["range", "any", "figure", "none"]


@dataclass(frozen=True)
class StatedFigure:
    """One pay figure as written in a message, read as annual cash where it can be.

    ``said`` is the period the words give ("month" for ``30k a month`` or ``25k x 14``);
    ``readings`` holds both annual readings of a figure that could be either (then ``low``
    and ``high`` are None: it is never guessed).
    """

    text: str
    currency: str
    low: float | None
    high: float | None
    said: Period | None = None
    readings: tuple[float, float] | None = None

    @property
    def is_range(self) -> bool:
        """True when the figure is a range with two different ends."""
        return self.low is not None and self.high is not None and self.high > self.low

    def shown(self) -> str:
        """``CNY 400,000–420,000`` or ``CNY 410,000`` (annual)."""
        if self.low is None or self.high is None:
            return self.text
        if self.is_range:
            return f"{format_money(self.low, self.currency)}–{self.high:,.0f}"
        return format_money(self.low, self.currency)


@dataclass(frozen=True)
class PayIssue:
    """One disagreement between a message's figures and the learner's numbers."""

    kind: str
    message: str


@dataclass(frozen=True)
class PayStatement:
    """The figures a message names and what disagrees with the learner's numbers."""

    figures: tuple[StatedFigure, ...]
    issues: tuple[PayIssue, ...]

    @property
    def consistent(self) -> bool:
        """True when nothing disagrees."""
        return not self.issues


_CURRENCY = r"(?:(?-i:[A-Z]{3})\s?|[$¥€£]\s?)?"
_NUMBER = r"\d(?:[\d,.]*\d)?"
_UNIT = r"(?:\s?[kKwWmM](?![A-Za-z])|\s?万)?"
_FIGURE = re.compile(
    rf"(?<![\w.,])(?P<figure>(?:月薪|年薪)?{_CURRENCY}{_NUMBER}{_UNIT}"
    rf"(?P<upper>\s?(?:-|–|—|~|to|and)\s?{_CURRENCY}{_NUMBER}{_UNIT})?"
    r"(?:\s?(?:x|×|\*|·)\s?\d+(?:\.\d+)?\s?(?:薪|months?)?)?)"
    r"(?P<period>\s?(?:/\s?(?:month|mo|year|yr)\b|per\s+(?:month|year|annum)\b"
    r"|a\s+(?:month|year)\b|monthly\b|yearly\b|annually\b|p\.\s?a\.|每月|/月|/年))?"
    r"(?![\d%])",
    re.IGNORECASE,
)
_YEARLY = re.compile(r"\b(?:annual|annually|yearly|a year|per year|per annum)\b|年薪", re.I)
_MONTHLY = re.compile(r"\b(?:monthly|a month|per month)\b|月薪", re.I)
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?](?!\d)|\n|$)")
_YEAR_NUMBER = re.compile(r"^(?:19|20)\d\d$")


def _period_of(words: str) -> Period | None:
    words = words.strip().lower()
    if not words:
        return None
    return "month" if any(w in words for w in ("mo", "月")) else "year"


def _context_period(sentence: str) -> Period | None:
    yearly, monthly = bool(_YEARLY.search(sentence)), bool(_MONTHLY.search(sentence))
    if yearly == monthly:
        return None
    return "year" if yearly else "month"


def _read(figure: str, upper: str, currency: str, period: Period | None) -> StatedFigure | None:
    """One figure as annual cash; None when it is no pay figure (a count, a year).

    ``upper`` is the part of ``figure`` naming a range's top end ("" for one figure)."""
    try:
        if upper:
            top = re.sub(
                r"^\s?(?:-|–|—|~|to|and)\s?(?:[A-Z]{3}\s?|[$¥€£]\s?)?", "-", upper, flags=re.I
            )
            text = figure.replace(upper, top, 1)
            span = parse_pay_range(text, currency, period, field="figure")
            return StatedFigure(
                figure, span.currency, span.low, span.high, _said(span.months, period)
            )
        pay = parse_pay(figure, currency, period, field="figure")
        return StatedFigure(figure, pay.currency, pay.amount, pay.amount, _said(pay.months, period))
    except AmbiguousPayError as ambiguous:
        month, year = ambiguous.readings
        low = getattr(month, "amount", getattr(month, "low", 0.0))
        high = getattr(year, "amount", getattr(year, "low", 0.0))
        code = str(getattr(year, "currency", currency))
        return StatedFigure(figure, code, None, None, None, (float(low), float(high)))
    except OfferkitError:
        return None


def _said(months: float | None, period: Period | None) -> Period | None:
    return "month" if months is not None else period


def read_stated_pay(text: str, currency: str) -> tuple[StatedFigure, ...]:
    """The pay figures in ``text``, in order (counts, percentages and years are skipped).

    A figure's period comes from its own words (``a month``, ``/year``, ``x 14``, ``月薪``),
    else from its sentence (``an annual package of …``), else from the only plausible
    reading for the currency; otherwise both readings are kept and none is chosen.
    """
    found: list[StatedFigure] = []
    for sentence in _SENTENCE.finditer(text or ""):
        context = _context_period(sentence.group())
        for match in _FIGURE.finditer(sentence.group()):
            figure = match.group("figure").strip()
            digits = re.sub(r"\D", "", figure)
            if _YEAR_NUMBER.match(figure) or (
                len(digits) < 4 and not re.search(r"[kKwWmM万]", figure)
            ):
                continue
            period = _period_of(match.group("period") or "") or context
            read = _read(figure, match.group("upper") or "", currency, period)
            if read is not None:
                said = _period_of(match.group("period") or "") or read.said
                whole = (figure + (match.group("period") or "")).strip()
                found.append(
                    StatedFigure(whole, read.currency, read.low, read.high, said, read.readings)
                )
    return tuple(found)


# ---------------------------------------------------------------- judging the figures


@dataclass(frozen=True)
class _Numbers:
    expected: ExpectedSalary
    walk_away: float | None
    asked: float | None

    def money(self, amount: float) -> str:
        return format_money(amount, self.expected.currency)

    @property
    def range(self) -> str:
        low, high = self.expected.range_low, self.expected.range_high
        return self.money(low) if low == high else f"{self.money(low)}–{high:,.0f}"


def _format_issues(figure: StatedFigure, numbers: _Numbers) -> list[PayIssue]:
    """A monthly figure, a figure that could be either, a figure in another currency."""
    if figure.currency != numbers.expected.currency:
        return [
            PayIssue(
                "other-currency",
                f"“{figure.text}” is in {figure.currency}, but your range is in "
                f"{numbers.expected.currency}; offerkit never converts: name it in "
                f"{numbers.expected.currency}.",
            )
        ]
    if figure.readings is not None:
        month, year = (numbers.money(r) for r in figure.readings)
        return [
            PayIssue(
                "unclear-period",
                f"“{figure.text}” could be a month's pay ({month} a year) or a year's ({year}): "
                "HR may read it either way. The lesson says to give an annual figure when you "
                f"don't know how the company pays: write “a year”, e.g. “{numbers.range} a "
                "year”.",
            )
        ]
    if figure.said == "month":
        return [
            PayIssue(
                "monthly",
                f"“{figure.text}” is a monthly figure ({figure.shown()} a year). The lesson: "
                "when you don't know how the company pays (how many months, the bonus), give "
                f"an annual range — yours is {numbers.range} a year.",
            )
        ]
    return []


def _walk_away_issue(figure: StatedFigure, numbers: _Numbers) -> list[PayIssue]:
    if numbers.walk_away is None or figure.low is None or figure.low >= numbers.walk_away:
        return []
    return [
        PayIssue(
            "below-walk-away",
            f"“{figure.text}” starts at {numbers.money(figure.low)} a year, below your "
            f"walk-away point of {numbers.money(numbers.walk_away)} (lesson 05): you would be "
            "naming a figure you said you would turn down. Start at your target, "
            f"{numbers.money(numbers.expected.target)}.",
        )
    ]


def _range_issues(figure: StatedFigure, numbers: _Numbers) -> list[PayIssue]:
    expected, issues = numbers.expected, []
    if figure.low is None or figure.high is None:
        return []
    if figure.low < expected.range_low - 0.5:
        issues.append(
            PayIssue(
                "below-range",
                f"“{figure.text}” starts at {numbers.money(figure.low)}, below your range from "
                f"lesson 03 ({numbers.range}). Your target is its low end: start there, "
                "because HR will rarely offer more than the bottom of what you name.",
            )
        )
    if figure.high > expected.range_high + 0.5:
        beyond = (
            f", and above the cap of {numbers.money(expected.cap)}: the lesson keeps the "
            "increase within +20 % unless you are exceptionally strong or the role is in high "
            "demand — and even then not too far"
            if figure.high > expected.cap + 0.5
            else ": name the range you worked out, or change it in lesson 03 first"
        )
        issues.append(
            PayIssue(
                "above-range",
                f"“{figure.text}” goes up to {numbers.money(figure.high)}, above your range "
                f"from lesson 03 ({numbers.range}){beyond}.",
            )
        )
    return issues


def _asked_issue(
    figures: list[StatedFigure], readable: list[StatedFigure], numbers: _Numbers
) -> list[PayIssue]:
    """A counter names the figure it asks for (``figures``: all named, ``readable``: those
    whose form was fine)."""
    asked = numbers.asked
    if asked is None:
        return []
    if not figures:
        return [
            PayIssue(
                "no-figure",
                f"Your message names no figure. A counter asks for one annual figure — yours is "
                f"{numbers.money(asked)} — and says the value you bring.",
            )
        ]
    other = [f for f in readable if f.low is not None and abs(f.low - asked) > 0.5]
    if not other:
        return []
    return [
        PayIssue(
            "other-figure",
            f"Your message asks for {other[0].shown()} a year, but the figure you counter with "
            f"is {numbers.money(asked)}: name one figure, the same everywhere.",
        )
    ]


def _wanted_issue(figures: list[StatedFigure], numbers: _Numbers) -> list[PayIssue]:
    """The opening that states a range: one is named, and it is a range."""
    if not figures:
        return [
            PayIssue(
                "no-range",
                "Your line names no annual range. The lesson's first opening states your "
                f"expectation as an annual range — yours, from lesson 03, is {numbers.range} "
                "a year — or choose to ask what they can offer.",
            )
        ]
    if not any(f.is_range for f in figures):
        return [
            PayIssue(
                "one-figure",
                f"You name one figure, {figures[0].shown()}. The lesson's opening gives a range, "
                f"with your target at its low end: {numbers.range} a year.",
            )
        ]
    return []


def check_stated_pay(
    text: str,
    expected: ExpectedSalary,
    *,
    wants: Wants = "any",
    walk_away: float | None = None,
    asked: float | None = None,
) -> PayStatement:
    """The figures in ``text`` against the learner's range, walk-away and counter figure.

    ``wants``: ``"range"`` (the opening that states a range: one must be named), ``"any"``
    (figures are optional, those named are checked against the range), ``"figure"`` (a
    counter: the figure must be ``asked``; the range is judged on ``asked`` elsewhere) or
    ``"none"`` (only the form of a figure is checked: monthly, unclear, currency).
    """
    numbers = _Numbers(expected, walk_away, asked if wants == "figure" else None)
    figures = list(read_stated_pay(text, expected.currency))
    issues: list[PayIssue] = []
    readable = []
    for figure in figures:
        problems = _format_issues(figure, numbers)
        issues += problems
        if not problems:
            readable.append(figure)
    for figure in readable:
        below = _walk_away_issue(figure, numbers) if wants != "none" else []
        issues += below
        if wants in ("range", "any"):
            issues += [
                i for i in _range_issues(figure, numbers) if not (below and i.kind == "below-range")
            ]
    if wants == "range" and len(readable) == len(figures):
        issues += _wanted_issue(readable, numbers)
    if wants == "figure":
        issues += _asked_issue(figures, readable, numbers)
    return PayStatement(tuple(figures), tuple(issues))
