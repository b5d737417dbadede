"""Friendly and honest: checks on what you say to HR before you send it.

Two points of the lesson, as checked here:

* **don't antagonise HR** — :func:`check_tone` flags ultimatums, accusations, quoting the
  posted range back at HR, threats, sarcasm and shouting, each with a friendlier wording
  (patterns in ``data/tone_phrases.csv``; ALL-CAPS words are a rule in code);
* **communicate honestly** — :func:`check_honesty` and :func:`check_draft_honesty` catch a
  previous salary stated two different ways and a competing offer you do not hold.
  In China, previous pay is often checked at background verification (a common practice,
  not a law), so an inflated figure can cost you the offer.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from offerkit.errors import (
    AmbiguousPayError,
    DataFileError,
    EmptyTextError,
    InvalidInputError,
    PayFormatError,
)
from offerkit.rules.catalogue import load_catalogue
from offerkit.rules.pay import AnnualPay, format_money, known_currencies, parse_pay

__all__ = [
    "HonestyIssue",
    "ToneFlag",
    "ToneReport",
    "check_draft_honesty",
    "check_honesty",
    "check_tone",
    "tone_categories",
]

# ---------------------------------------------------------------- tone


@dataclass(frozen=True)
class ToneFlag:
    """One phrase that may sound antagonistic, its category, and a friendlier way to say it."""

    phrase: str
    category: str
    hint: str


@dataclass(frozen=True)
class ToneReport:
    """The flags found in a draft, whether it reads as friendly, and what was checked."""

    flags: tuple[ToneFlag, ...]
    friendly: bool
    summary: str


_LABELS = {
    "ultimatum": "ultimatums",
    "accusation": "accusations",
    "posted-range": "quoting the posted range",
    "threat": "threats",
    "sarcasm": "sarcasm",
    "shouting": "shouting (ALL CAPS, '!!')",
}
_ACRONYMS = frozenset(
    {"HR", "KPI", "KPIS", "CEO", "CTO", "CFO", "COO", "OKR", "API", "SQL", "AWS", "ISO", "USA"}
    | {"UK", "IT", "CV", "OK", "NDA", "RSU", "RSUS", "ESOP", "ASAP", "AI", "ML", "QA", "UI", "UX"}
)
_CAPS_WORD = re.compile(r"\b[A-Z]{3,}\b")
_CAPS_HINT = "Writing in capitals reads as shouting; use normal case and let the words carry it."


@cache
def _tone_rules() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    rules = []
    for number, row in enumerate(load_catalogue("tone_phrases"), start=2):
        try:
            pattern = re.compile(str(row["pattern"]), re.IGNORECASE)
        except re.error as exc:
            raise DataFileError(
                f"not a valid regular expression ({exc})",
                path="tone_phrases.csv",
                row=number,
                column="pattern",
            ) from None
        rules.append((pattern, str(row["category"]), str(row["hint"])))
    return tuple(rules)


def tone_categories() -> tuple[str, ...]:
    """The categories :func:`check_tone` looks for, in catalogue order, plus 'shouting'."""
    found = dict.fromkeys(category for _p, category, _h in _tone_rules())
    found["shouting"] = None
    return tuple(found)


def _shouting(text: str) -> list[tuple[int, ToneFlag]]:
    allowed = _ACRONYMS | set(known_currencies())
    words = [m for m in _CAPS_WORD.finditer(text) if m.group() not in allowed]
    if len(words) >= 2 or any(len(m.group()) >= 5 for m in words):
        return [(m.start(), ToneFlag(m.group(), "shouting", _CAPS_HINT)) for m in words]
    return []


def check_tone(text: str) -> ToneReport:
    """Flag phrasing that may antagonise HR, each flag with a friendlier rewrite hint."""
    if not isinstance(text, str) or not text.strip():
        raise EmptyTextError("draft", "the message you plan to send", text)
    found: list[tuple[int, ToneFlag]] = []
    for pattern, category, hint in _tone_rules():
        found += [(m.start(), ToneFlag(m.group(), category, hint)) for m in pattern.finditer(text)]
    found += _shouting(text)
    flags = tuple(flag for _start, flag in sorted(found, key=lambda item: item[0]))
    checked = ", ".join(_LABELS.get(c, c) for c in tone_categories())
    if not flags:
        summary = f"Friendly: no antagonistic phrasing found. Checked for {checked}."
    else:
        kinds = ", ".join(dict.fromkeys(flag.category for flag in flags))
        count = len(flags)
        summary = (
            f"{count} phrase{'s' if count != 1 else ''} may put HR on the defensive ({kinds}); "
            f"see the hints. Checked for {checked}."
        )
    return ToneReport(flags, not flags, summary)


# ---------------------------------------------------------------- honesty


@dataclass(frozen=True)
class HonestyIssue:
    """One honesty problem: its kind and a message saying why it matters and what to do."""

    kind: str
    message: str


_VERIFIED = (
    "previous pay is often checked at background verification in China (a common practice, "
    "not a law), so state the same true figure everywhere"
)


def _pay_issue(
    told: AnnualPay, profile: AnnualPay, tolerance: float, where: str
) -> HonestyIssue | None:
    if told.currency != profile.currency:
        return HonestyIssue(
            "previous-pay-currency",
            f"{where} gives previous pay in {told.currency} but your profile has it in "
            f"{profile.currency}; offerkit never converts: use one currency, and "
            f"{_VERIFIED}.",
        )
    gap = (told.amount - profile.amount) / profile.amount
    if abs(gap) <= tolerance:
        return None
    return HonestyIssue(
        "previous-pay-mismatch",
        f"{where} says {format_money(told.amount, told.currency)} a year but your profile "
        f"says {format_money(profile.amount, profile.currency)} ({gap:+.1%}); {_VERIFIED}.",
    )


def _invented_offer() -> HonestyIssue:
    return HonestyIssue(
        "invented-offer",
        "a competing offer is mentioned but you hold none; an invented offer is easy to "
        "check and leaves a sneaky impression at the moment trust matters most. Talk about "
        "what you bring instead.",
    )


def _check_counts(tolerance: float, held: int) -> None:
    if isinstance(tolerance, bool) or not isinstance(tolerance, int | float):
        raise InvalidInputError("tolerance", "a fraction from 0 to 0.5", tolerance)
    if not (math.isfinite(tolerance) and 0 <= tolerance <= 0.5):
        raise InvalidInputError("tolerance", "a fraction from 0 to 0.5", tolerance, "e.g. 0.01")
    if isinstance(held, bool) or not isinstance(held, int) or held < 0:
        raise InvalidInputError("competing_offers_held", "a whole number, 0 or more", held)


def check_honesty(
    *,
    previous_pay_profile: AnnualPay | None,
    previous_pay_told: AnnualPay | None = None,
    competing_offer_claimed: bool = False,
    competing_offers_held: int = 0,
    tolerance: float = 0.01,
) -> tuple[HonestyIssue, ...]:
    """Issues between what you recorded and what you told HR (empty when consistent).

    Previous pay differing by more than ``tolerance`` (a fraction of the profile figure),
    or given in another currency, is an issue; so is claiming an offer you do not hold.
    """
    _check_counts(tolerance, competing_offers_held)
    issues: list[HonestyIssue] = []
    if previous_pay_profile is not None and previous_pay_told is not None:
        issue = _pay_issue(previous_pay_told, previous_pay_profile, tolerance, "What you told HR")
        if issue:
            issues.append(issue)
    if competing_offer_claimed and competing_offers_held == 0:
        issues.append(_invented_offer())
    return tuple(issues)


_OFFER_MENTION = re.compile(
    r"\b(?:another|other|competing|second|rival|outside|better)\s+(?:job\s+)?offers?\b"
    r"|\boffers?\s+(?:in hand|from (?:another|other))\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:no|not|don't|do not|haven't|have not|without)\b[\w\s']{0,20}$", re.I)
_FIGURE = (
    r"((?:[A-Za-z]{3}\s*|[$¥€£]\s*)?\d[\d,]*(?:\.\d+)?\s*(?:k|w|万|m)?\b"
    r"(?:\s*[x×*]\s*\d+(?:\.\d+)?)?"
    r"(?:\s*(?:/\s*month|per month|a month|per year|a year))?)"
)
_PAY_MENTION = re.compile(
    r"\b(?:current|previous|last|present)\s+(?:annual\s+|base\s+)?"
    r"(?:salary|pay|package|compensation|income)\s+(?:is|was|of|:)\s+"
    r"(?:about\s+|around\s+|roughly\s+)?"
    + _FIGURE
    + r"|\bI\s+(?:currently\s+)?(?:make|earn|earned|made)\s+(?:about\s+|around\s+)?"
    + _FIGURE,
    re.IGNORECASE,
)


def check_draft_honesty(
    text: str, previous: AnnualPay | None, competing_offers_held: int
) -> tuple[HonestyIssue, ...]:
    """Scan a draft for an offer you do not hold and a previous-pay figure that disagrees.

    Only simple phrasings are read ("my current salary is 400k", "I earn 25k x 14");
    a negated mention ("I don't have another offer") is not flagged.
    """
    if not isinstance(text, str) or not text.strip():
        raise EmptyTextError("draft", "the message you plan to send", text)
    _check_counts(0.01, competing_offers_held)
    issues: list[HonestyIssue] = []
    if competing_offers_held == 0:
        for match in _OFFER_MENTION.finditer(text):
            if not _NEGATION.search(text[: match.start()]):
                issues.append(_invented_offer())
                break
    if previous is not None:
        for match in _PAY_MENTION.finditer(text):
            figure = (match.group(1) or match.group(2)).strip()
            where = f"Your draft ({figure!r})"
            try:
                told = parse_pay(figure, previous.currency, field="draft")
            except AmbiguousPayError as ambiguous:  # flag only what both readings show
                found = [_pay_issue(r, previous, 0.01, where) for r in ambiguous.readings]
                issue = found[1] if all(found) else None
            except (PayFormatError, InvalidInputError):
                continue
            else:
                issue = _pay_issue(told, previous, 0.01, where)
            if issue:
                issues.append(issue)
    return tuple(issues)
