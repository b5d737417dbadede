"""Friendly and honest: checks on what you say to HR before you send it.

Two points of the lesson, as checked here:

* **don't antagonise HR** — :func:`check_tone` flags ultimatums, accusations, quoting the
  posted range back at HR, threats, sarcasm and shouting, each with a friendlier wording
  (the phrases the message checker, :mod:`offerkit.rules.checker`, flags);
* **communicate honestly** — :func:`check_honesty` and :func:`check_draft_honesty` catch a
  previous salary stated two different ways and a competing offer you do not hold.
  In China, previous pay is often checked at background verification (a common practice,
  not a law), so an inflated figure can cost you the offer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from offerkit.errors import EmptyTextError, InvalidInputError
from offerkit.rules.catalogue import load_catalogue
from offerkit.rules.checker import find_tone_phrases
from offerkit.rules.message_claims import read_offer_claims, read_pay_claims
from offerkit.rules.pay import AnnualPay, format_money

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


def tone_categories() -> tuple[str, ...]:
    """The categories :func:`check_tone` looks for, in catalogue order, plus 'shouting'."""
    found = dict.fromkeys(str(row["category"]) for row in load_catalogue("tone_phrases"))
    found["shouting"] = None
    return tuple(found)


def check_tone(text: str) -> ToneReport:
    """Flag phrasing that may antagonise HR, each flag with a friendlier rewrite hint.

    The phrases are those the message checker flags
    (:func:`~offerkit.rules.checker.find_tone_phrases`), with the tone rule's category.
    """
    if not isinstance(text, str) or not text.strip():
        raise EmptyTextError("draft", "the message you plan to send", text)
    flags = tuple(ToneFlag(p.phrase, p.category, p.hint) for p in find_tone_phrases(text))
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


def check_draft_honesty(
    text: str, previous: AnnualPay | None, competing_offers_held: int
) -> tuple[HonestyIssue, ...]:
    """Scan a draft for an offer you do not hold and a previous-pay figure that disagrees.

    The claims are read as the message checker reads them
    (:mod:`offerkit.rules.message_claims`): "my current salary is 400k", "I earn 25k x 14";
    a denied or hypothetical offer ("I don't have another offer") is not flagged. Pay is
    compared within 1 % either way (the message checker flags only inflated pay).
    """
    if not isinstance(text, str) or not text.strip():
        raise EmptyTextError("draft", "the message you plan to send", text)
    _check_counts(0.01, competing_offers_held)
    issues: list[HonestyIssue] = []
    if any(claim.count > competing_offers_held for claim in read_offer_claims(text)):
        issues.append(_invented_offer())
    if previous is not None:
        for claim in read_pay_claims(text, previous.currency):
            where = f"Your draft ({claim.figure!r})"
            found = [_pay_issue(reading, previous, 0.01, where) for reading in claim.readings]
            issue = found[-1] if all(found) else None  # two readings: flag what both show
            if issue:
                issues.append(issue)
    return tuple(issues)
