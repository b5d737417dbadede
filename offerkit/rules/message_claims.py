"""What a message to HR claims about the facts: the pay you earn now and the offers you hold.

Two readers, used by the message checker (:mod:`offerkit.rules.checker`) and by the older
honesty checks (:func:`offerkit.rules.honesty.check_draft_honesty`):

* :func:`read_pay_claims` finds statements of your current or previous pay ("I'm currently
  paid 400,000 a year", "my salary now is 310k", "I earn 25k x 14") and reads each figure
  with :func:`~offerkit.rules.pay.parse_pay`. A figure that could be monthly or annual keeps
  both readings (it is never guessed); a range of expectations ("I'm hoping for 330k-360k")
  is not a claim about current pay, so it is not read.
* :func:`read_offer_claims` finds claims of another offer ("another company has offered me
  450k", "I have two other offers") with how many are claimed. Denials ("I don't have
  another offer"), hypotheticals ("if another company offered me more…") and hedges ("I may
  or may not have another offer", which the checker calls evasive) are not claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from offerkit.errors import AmbiguousPayError, InvalidInputError, PayFormatError
from offerkit.rules.pay import AnnualPay, parse_pay

__all__ = ["OfferClaim", "PayClaim", "read_offer_claims", "read_pay_claims"]


@dataclass(frozen=True)
class PayClaim:
    """A stated current or previous pay: the words, the figure, and its annual reading(s).

    ``readings`` holds one :class:`AnnualPay`, or two (monthly, annual) when the figure does
    not say which it is and both are plausible.
    """

    words: str
    figure: str
    readings: tuple[AnnualPay, ...]


@dataclass(frozen=True)
class OfferClaim:
    """A claim of another offer: the words and how many offers they claim (at least 1)."""

    words: str
    count: int


_FIGURE = (
    r"((?:[A-Za-z]{3}\s*|[$¥€£]\s*)?\d[\d,.]*\s*(?:k|w|万|m)?\b"
    r"(?:\s*[x×*]\s*\d+(?:\.\d+)?)?"
    r"(?:\s*(?:/\s*(?:month|year)|per month|a month|per year|a year|p\.a\.))?)"
)
_ABOUT = r"(?:(?:about|around|roughly|approximately|nearly|almost|just over|over)\s+)?"
_PAY_NOUN = r"(?:salary|pay|package|base|compensation|income|total comp\w*)"
_PAY_CLAIM = re.compile(
    r"\b(?:current|previous|present|last|old)\s+(?:annual\s+|base\s+|total\s+|monthly\s+)?"
    + _PAY_NOUN
    + r"\s+(?:is|was|of|:|now is)\s+"
    + _ABOUT
    + _FIGURE
    + r"|\bmy\s+"
    + _PAY_NOUN
    + r"\s+(?:now|today|currently|last year|at the moment|right now)\s+(?:is|was)\s+"
    + _ABOUT
    + _FIGURE
    + r"|\bmy\s+(?:current\s+)?(?:base|salary|pay|package)\s+is\s+"
    + _ABOUT
    + _FIGURE
    + r"|\bmy\s+(?:base|salary|pay)\s+last year\s+was\s+"
    + _FIGURE
    + r"|\bI(?:'m| am| was)?\s+(?:currently\s+|now\s+)?(?:make|earn|earned|made|making|earning|"
    r"paid|being paid|getting|on)\s+"
    + _ABOUT
    + _FIGURE
    + r"|\b(?:employer|company|job)\s+(?:currently\s+)?pays\s+(?:me\s+)?"
    + _ABOUT
    + _FIGURE,
    re.IGNORECASE,
)
_NOT_PAY = re.compile(r"^\d+(?:\.\d+)?\s*%|^\d{1,2}(?:st|nd|rd|th)\b", re.IGNORECASE)


_MONTHS_AFTER = re.compile(
    r"[^.!?\d]{0,20}?(?:,|over|with|for|x|×|times)?\s*(\d{2}(?:\.\d)?)\s*(?:months|薪)\b", re.I
)
_PER_MONTH = re.compile(r"\s*(?:a month|per month|/\s*month)$", re.IGNORECASE)


def _monthly_figure(figure: str, words: str, after: str) -> tuple[str, str | None]:
    """The figure with the months a claim names after it ("32k, 13 months" → "32k x 13"),
    and "month" when the claim says it is monthly without a months multiplier."""
    months = _MONTHS_AFTER.match(after)
    monthly = bool(_PER_MONTH.search(figure)) or bool(re.search(r"\bmonthly\b", words, re.I))
    if months and monthly and not re.search(r"[x×*]", figure):
        return f"{_PER_MONTH.sub('', figure)} x {months.group(1)}", None
    return figure, "month" if monthly and not _PER_MONTH.search(figure) else None


def _readings(figure: str, currency: str, period: str | None = None) -> tuple[AnnualPay, ...]:
    try:
        return (parse_pay(figure, currency, period, field="message"),)
    except AmbiguousPayError as ambiguous:
        return tuple(ambiguous.readings)
    except (PayFormatError, InvalidInputError):
        return ()


def read_pay_claims(text: str, currency: str = "CNY") -> tuple[PayClaim, ...]:
    """Statements of your current or previous pay in ``text``, each with its annual reading(s).

    >>> [c.readings[0].amount for c in read_pay_claims("I'm currently paid 400,000 a year.")]
    [400000.0]
    """
    claims: list[PayClaim] = []
    for match in _PAY_CLAIM.finditer(text):
        figure = next(group for group in match.groups() if group).strip().rstrip(".,")
        if _NOT_PAY.match(figure):
            continue
        read, period = _monthly_figure(figure, match.group(), text[match.end() :])
        readings = _readings(read, currency, period)
        if readings:
            claims.append(PayClaim(match.group().strip().rstrip(".,"), figure, readings))
    return tuple(claims)


_COUNT = r"(?:(\d+|two|three|four|five|several|multiple|a couple of|a few|some)\s+)?"
_OFFER_CLAIM = re.compile(
    r"\b(?:I(?:'ve| have)?\s+(?:already\s+)?(?:got|have|had|hold|received|been given)|I'm holding|"
    r"I am holding|holding|sitting on|there's|there is)\s+(?:an?\s+|one\s+)?"
    + _COUNT
    + r"(?:(?:other|another|competing|better|bigger|higher|outside|rival|second|job|written|"
    r"verbal|formal|firm|signed|official|concrete)\s+)*"
    r"offers?\b"
    r"|\b(?:another|other|competing|rival|second|better|outside)\s+(?:job\s+)?offers?\b"
    r"|\b(?:(?:another|other|an?|one|the|some)\s+)?"
    r"(?:compan(?:y|ies)|firms?|startups?|employers?|competitors?|banks?|teams?|recruiters?|"
    r"someone|somebody)"
    r"\b[^.?!;]{0,40}?\b(?:(?:has |have )?offered me|has offered|have offered|"
    r"(?:is |are )?offering me|offered (?=[$¥€£]?\d)|made me an offer|"
    r"gave me an offer|extended an offer)"
    r"|\b(?!you\b)(?-i:[A-Z])\w+\s+(?:has\s+|have\s+)?(?:already\s+|just\s+)?"
    r"(?:made me an offer|offered me)"
    r"|\bI(?:'ve| have) been offered\b",
    re.IGNORECASE,
)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "several": 2, "multiple": 2}
_NUMBERS |= {"a couple of": 2, "a few": 2, "some": 2}
_DENIED = re.compile(
    r"\b(?:no|not|don't|do not|haven't|have not|hasn't|without|never|nor|any|only)\b"
    r"[\w\s']{0,24}$",
    re.IGNORECASE,
)
_SUPPOSED = re.compile(
    r"\b(?:if|suppose|supposing|hypothetically|were to|in case|whether|may or may not|"
    r"might|maybe|perhaps|possibly|could|would)\b[^.?!;]*$",
    re.IGNORECASE,
)
_MANY = re.compile(
    r"\b(\d+|two|three|four|five|several|multiple|a couple of|a few|some)\s+"
    r"(?:(?:other|more|competing|different|outside|job)\s+)*"
    r"(?:offers|companies|firms|employers|startups|banks|teams|recruiters)\b",
    re.IGNORECASE,
)


def _count(match: re.Match[str], text: str) -> int:
    """How many offers the claim is about: a number before the offers or companies, else 1."""
    many = _MANY.search(text, max(0, match.start() - 20), match.end() + 30)
    if many is None:
        return 1
    word = many.group(1).lower()
    return max(1, int(word)) if word.isdigit() else _NUMBERS.get(word, 2)


def read_offer_claims(text: str) -> tuple[OfferClaim, ...]:
    """Claims of another offer in ``text`` (denials, hypotheticals and hedges left out).

    >>> read_offer_claims("Another company has offered me 450k.")[0].count
    1
    """
    claims: list[OfferClaim] = []
    for match in _OFFER_CLAIM.finditer(text):
        before = text[: match.start()]
        sentence = re.split(r"[.?!;]\s", before)[-1]
        if _DENIED.search(before[-40:]) or _SUPPOSED.search(sentence):
            continue
        claims.append(OfferClaim(match.group().strip(), _count(match, text)))
    return tuple(claims)
