"""Reading a learner's reply in the rehearsal: what it says, in plain signals.

The learner answers HR in their own words, plus (optionally) an annual figure or range in
the figure box. :func:`read_reply` turns that into a :class:`Reply`: the figures named,
whether it is friendly or antagonistic (the tone check of lesson 04), whether it brings
evidence, claims another offer or a current pay, asks for time, asks a question, names a
trade, accepts or declines. Pure and rule-based: the same words always read the same.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from offerkit.errors import AmbiguousPayError, OfferkitError
from offerkit.rules.honesty import check_tone
from offerkit.rules.pay import parse_pay, parse_pay_range
from offerkit.rules.rehearsal_scenarios import Trade

__all__ = ["Reply", "read_reply"]

_HOSTILE = re.compile(
    r"\b(ridiculous|insult\w*|joke|waste of (my )?time|greedy|cheap|unacceptable|"
    r"take it or leave it|you people|lowball\w*|rip[- ]?off)\b",
    re.IGNORECASE,
)
_FRIENDLY = re.compile(
    r"\b(thanks?|thank you|appreciate\w*|glad|happy|excited|pleased|great to|understand)\b",
    re.IGNORECASE,
)
_EVIDENCE = re.compile(
    r"\b(led|delivered|built|shipped|launched|grew|cut|saved|reduced|increased|managed|"
    r"experience|years? of|certified|project|track record)\b|\d+\s?%",
    re.IGNORECASE,
)
_OFFER = re.compile(
    r"\b(another|other|competing|second|rival|an?)\s+(company|firm|employer|offer)s?\b"
    r"[^.?!]*\boffer|\b(another|other|competing|second)\s+offers?\b|\boffer from\b",
    re.IGNORECASE,
)
_OTHERS = re.compile(
    r"\b(talking|speaking|interviewing|in touch) (to|with) (other|a few|some|two|three)\b",
    re.IGNORECASE,
)
_NO_OFFER = re.compile(
    r"\b(only offer|no other offers?|not (any|other) offers?|no offers?)\b", re.IGNORECASE
)
_PAY = re.compile(
    r"\b(currently|now|at present|right now|today)\b[^.?!]*\b(earn\w*|paid|make|making|"
    r"salary|on)\b|\b(earn|earning|paid|make|making)\b[^.?!]*\b(now|currently|a year|per year)\b",
    re.IGNORECASE,
)
_DECLINE_PAY = re.compile(
    r"\b(rather not|prefer not|keep (that|it) private|confidential|not disclose)\b", re.IGNORECASE
)
_TIME = re.compile(
    r"\b(\d+|a|one|two|three|four|five|six|seven|a few|couple of)\s+(days?|weeks?|months?)\b",
    re.IGNORECASE,
)
_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_ACCEPT = re.compile(
    r"\b(i accept|accept the offer|happy to accept|we have a deal|it'?s a deal|deal!?$|"
    r"yes,? (we have a )?deal|sounds good|i agree|agreed|i'?ll take it)\b",
    re.IGNORECASE,
)
_DECLINE = re.compile(
    r"\b(decline|turn (it|this) down|walk away|no deal|not accept|can'?t accept|"
    r"cannot accept)\b",
    re.IGNORECASE,
)
_QUESTION = re.compile(
    r"\?|\b(could you|can you|would you|what (is|are|would)|how (is|are|does))\b", re.IGNORECASE
)
_FIGURE = re.compile(
    r"(?<![\w.])(?:(?-i:[A-Z]{3})\s?)?\d[\d,.]*\s?(?:k|w|万)?(?:\s?(?:-|–|to)\s?\d[\d,.]*\s?(?:k|w|万)?)?"
    r"(?:\s?(?:x|×|\*)\s?\d+(?:\.\d+)?)?(?![\w%])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Reply:
    """What one reply says (see the module docstring). Figures are annual."""

    text: str
    low: float | None = None
    high: float | None = None
    figure_problem: str = ""
    ambiguous: bool = False
    """True when the figure could be monthly or annual (it is then not read, never guessed)."""
    friendly: bool = False
    hostile: tuple[str, ...] = ()
    evidence: bool = False
    claims_offer: bool = False
    denies_offer: bool = False
    mentions_others: bool = False
    claims_pay: bool = False
    declines_pay: bool = False
    days_asked: int | None = None
    question: bool = False
    accepts: bool = False
    declines: bool = False
    trades: tuple[str, ...] = ()

    @property
    def has_figure(self) -> bool:
        """True when the reply names an annual figure or range."""
        return self.low is not None

    @property
    def is_range(self) -> bool:
        """True when the reply names a range (two different figures)."""
        return self.low is not None and self.high is not None and self.high > self.low

    def signals(self) -> tuple[str, ...]:
        """What HR reads in the reply, one plain sentence each (what the lesson shows)."""
        lines: list[str] = []
        if self.low is not None:
            high = self.high if self.high is not None else self.low
            span = f"{self.low:,.0f}" + (f" to {high:,.0f}" if high > self.low else "")
            lines.append(f"Names {'a range' if self.is_range else 'a figure'}: {span} a year.")
        elif self.figure_problem:
            lines.append(f"The figure doesn't read: {self.figure_problem}")
        signals = (
            (self.friendly, "Sounds friendly."),
            (bool(self.hostile), "Sounds hostile: " + ", ".join(f"“{h}”" for h in self.hostile)),
            (self.evidence, "Brings evidence."),
            (self.claims_offer, "Claims another offer."),
            (self.claims_pay, "States a current pay."),
            (self.days_asked is not None, f"Asks for {self.days_asked} days to decide."),
            (self.question, "Asks a question."),
            (self.accepts, "Accepts."),
            (self.declines, "Declines."),
        )
        return tuple(lines + [line for on, line in signals if on])


_AMBIGUOUS = "a month or a year? Say the annual figure."


def _figure(text: str, currency: str) -> tuple[float | None, float | None, str]:
    """An annual figure or range from ``text``; ``(None, None, why)`` when it doesn't read."""
    cleaned = text.strip()
    if not cleaned:
        return None, None, ""
    try:
        span = parse_pay_range(cleaned, currency, field="figure")
        return span.low, span.high, ""
    except OfferkitError:
        pass
    try:
        pay = parse_pay(cleaned, currency, field="figure")
        return pay.amount, pay.amount, ""
    except AmbiguousPayError:
        return None, None, _AMBIGUOUS
    except OfferkitError as exc:
        return None, None, str(exc)


def _figure_in_text(text: str, currency: str) -> tuple[float | None, float | None]:
    for match in _FIGURE.finditer(text):
        low, high, _problem = _figure(match.group(), currency)
        if low is not None and low >= 1000:
            return low, high
    return None, None


def _days(text: str) -> int | None:
    match = _TIME.search(text)
    if match is None:
        return None
    number, unit = match.group(1).lower(), match.group(2).lower()
    count = int(number) if number.isdigit() else _WORDS.get(number, 2)
    per = 30 if unit.startswith("month") else 7 if unit.startswith("week") else 1
    return count * per


def read_reply(
    text: str, figure: str = "", *, currency: str = "CNY", trades: Sequence[Trade] = ()
) -> Reply:
    """Read one reply: ``text`` in the learner's words, ``figure`` from the figure box."""
    words = " ".join((text or "").split())
    low, high, problem = _figure(figure or "", currency)
    if low is None and not problem:
        low, high = _figure_in_text(words, currency)
    hostile: list[str] = [m.group() for m in _HOSTILE.finditer(words)]
    if words:
        hostile += [flag.phrase for flag in check_tone(words).flags]
    lowered = words.lower()
    return Reply(
        text=words,
        low=low,
        high=high,
        figure_problem=problem,
        ambiguous=problem == _AMBIGUOUS,
        friendly=bool(_FRIENDLY.search(words)),
        hostile=tuple(dict.fromkeys(hostile)),
        evidence=bool(_EVIDENCE.search(words)),
        claims_offer=bool(_OFFER.search(words)) and not _NO_OFFER.search(words),
        denies_offer=bool(_NO_OFFER.search(words)),
        mentions_others=bool(_OTHERS.search(words)),
        claims_pay=bool(_PAY.search(words)),
        declines_pay=bool(_DECLINE_PAY.search(words)),
        days_asked=_days(words),
        question=bool(_QUESTION.search(words)),
        accepts=bool(_ACCEPT.search(words)) and not _DECLINE.search(words),
        declines=bool(_DECLINE.search(words)),
        trades=tuple(t.id for t in trades if any(k in lowered for k in t.keywords)),
    )
