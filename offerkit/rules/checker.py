"""The message checker: one check of what you plan to send to HR, friendly and honest.

:func:`check_message` reads one message and returns a :class:`CheckReport` whose findings
each name the problem as a learner reads it, the words that triggered it and the lesson's
point. The problems (:data:`PROBLEMS`) are the two points of the lesson:

* **don't antagonise HR** — hostile or accusing words, ultimatums, sarcasm, shouting, and
  quoting the job posting as a promise (patterns in ``data/tone_phrases.csv``; capitals
  are a rule in code: technology names and acronyms are not shouting);
* **communicate honestly** — a current pay stated well above the previous pay you gave, an
  offer you do not hold, and sneaky or evasive hints (``data/honesty_phrases.csv``).
  Claims are read by :mod:`offerkit.rules.message_claims`.

Measured on ``tests/data/checker_corpus.csv`` by ``benchmarks/bench_checker.py``. The older
:func:`~offerkit.rules.honesty.check_tone` and
:func:`~offerkit.rules.honesty.check_draft_honesty` read the same rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from offerkit.errors import DataFileError, EmptyTextError, InvalidInputError
from offerkit.rules.catalogue import load_catalogue
from offerkit.rules.message_claims import read_offer_claims, read_pay_claims
from offerkit.rules.pay import AnnualPay, format_money, known_currencies, parse_pay

__all__ = [
    "INFLATED_TOLERANCE",
    "PROBLEMS",
    "CheckReport",
    "Finding",
    "TonePhrase",
    "check_message",
    "find_tone_phrases",
]

INFLATED_TOLERANCE = 0.05
"""A stated current pay more than 5 % above the previous pay given is inflated (kit default)."""

PROBLEMS: dict[str, tuple[str, str]] = {
    "antagonistic": (
        "Hostile or accusing",
        "Don't antagonise HR: they have targets too and want good candidates to accept; "
        "treat them as a partner and describe the gap calmly.",
    ),
    "ultimatum": (
        "An ultimatum",
        "Leave room to talk: state your expectation clearly or ask what they can offer, "
        "then let both sides take a few days.",
    ),
    "sarcasm": ("Sarcasm", "Irony reads as contempt in writing; say plainly how you see it."),
    "shouting": ("Shouting", "Capitals and rows of '!' read as anger; calm words carry further."),
    "posting-promise": (
        "Quoting the job posting as a promise",
        "Posted ranges are set a little high to attract applicants; your capability decides "
        "the offer.",
    ),
    "invented-offer": (
        "An offer you don't hold",
        "Communicate honestly: an invented offer is easy to check and leaves a sneaky "
        "impression just when trust matters most.",
    ),
    "inflated-pay": (
        "Current pay stated higher than it is",
        "Previous pay is often checked at background verification (a common practice in "
        "China, not a law): state your true figure, then say why the role is worth more.",
    ),
    "evasive": (
        "Sneaky or evasive",
        "Be sincere at the critical moment: you may decline to share something, but don't "
        "hint at what isn't there.",
    ),
}
_KIND = {"accusation": "antagonistic", "threat": "antagonistic", "posted-range": "posting-promise"}


@dataclass(frozen=True)
class TonePhrase:
    """A phrase the tone rules flag: where it starts, the words, the rule's category, a hint."""

    start: int
    phrase: str
    category: str
    hint: str


@dataclass(frozen=True)
class Finding:
    """One problem in a message: its kind, its label, the trigger words, why, and a hint."""

    kind: str
    label: str
    trigger: str
    why: str
    hint: str

    def line(self) -> str:
        """The finding in one line, as the CLI prints it."""
        return f"{self.label}: “{self.trigger}” — {self.why} Try: {self.hint}"


@dataclass(frozen=True)
class CheckReport:
    """The findings in a message (in reading order) and what was and wasn't checked."""

    text: str
    findings: tuple[Finding, ...]
    notes: tuple[str, ...]

    @property
    def clean(self) -> bool:
        """True when nothing was flagged."""
        return not self.findings

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds of problem found, each once, in reading order."""
        return tuple(dict.fromkeys(finding.kind for finding in self.findings))


@cache
def _rules(name: str, column: str) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    rules = []
    for number, row in enumerate(load_catalogue(name), start=2):
        try:
            pattern = re.compile(str(row["pattern"]), re.IGNORECASE)
        except re.error as exc:
            raise DataFileError(
                f"not a valid regular expression ({exc})",
                path=f"{name}.csv",
                row=number,
                column="pattern",
            ) from None
        rules.append((pattern, str(row[column]), str(row["hint"])))
    return tuple(rules)


_ACRONYMS = frozenset(
    {"HR", "KPI", "KPIS", "CEO", "CTO", "CFO", "COO", "OKR", "API", "SQL", "AWS", "GCP", "ISO"}
    | {"UK", "IT", "CV", "OK", "NDA", "RSU", "RSUS", "ESOP", "ASAP", "AI", "ML", "QA", "UI", "UX"}
    | {"USA", "ETL", "PTO", "WFH", "IPO", "PHD", "MBA", "SRE", "SDK", "CRM", "ERP", "JD", "CI"}
)
_CAPS = re.compile(r"\b[A-Z]{2,}\b")
_NAME_BEFORE = re.compile(
    r"(?:\b(?:on|with|in|using|to|and|or|of|at|like|for|via)|\b[A-Z][A-Z0-9]+\s*[,/])\s*$"
)
_NAME_AFTER = re.compile(r"^\s*(?:,|/|\band\b|\bor\b)")
_CAPS_HINT = "Writing in capitals reads as shouting; use normal case and let the words carry it."
_GLAD = re.compile(
    r"\b(?:thank|thanks|excited|great|happy|glad|delighted|love|congrat|sorry)", re.IGNORECASE
)


def _caps_runs(text: str, allowed: frozenset[str]) -> list[list[re.Match[str]]]:
    runs: list[list[re.Match[str]]] = []
    for match in _CAPS.finditer(text):
        gap = text[runs[-1][-1].end() : match.start()] if runs else "x"
        if runs and re.fullmatch(r"[\s'/-]*", gap):
            runs[-1].append(match)
        else:
            runs.append([match])
    return [run for run in runs if any(m.group() not in allowed for m in run)]


def _shouting(text: str) -> list[TonePhrase]:
    """Capitals: a run of capital words, or a long one that is not a name in a list."""
    allowed = _ACRONYMS | set(known_currencies())
    found: list[TonePhrase] = []
    singles: list[re.Match[str]] = []
    for run in _caps_runs(text, allowed):
        if len(run) > 1 and sum(len(m.group()) for m in run) >= 5:
            words = text[run[0].start() : run[-1].end()]
            found.append(TonePhrase(run[0].start(), words, "shouting", _CAPS_HINT))
        elif len(run) == 1 and len(run[0].group()) >= 3:
            word = run[0]
            named = _NAME_BEFORE.search(text[: word.start()]) or _NAME_AFTER.match(
                text[word.end() :]
            )
            if not named:
                singles.append(word)
    if len(singles) >= 2 or any(len(m.group()) >= 5 for m in singles):
        found += [TonePhrase(m.start(), m.group(), "shouting", _CAPS_HINT) for m in singles]
    return found


def _sentence(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the sentence before ``start`` and the rest of it from ``end``, with its stop."""
    before = re.split(r"[.!?]\s", text[:start])[-1]
    after = re.match(r"[^.!?]*[.!?]*", text[end:])
    return before, after.group() if after else ""


def _kept(text: str, match: re.Match[str], category: str) -> bool:
    before, after = _sentence(text, match.start(), match.end())
    asked = after.rstrip().endswith("?")
    if category == "posted-range":  # asking about the posting is fine; holding HR to it isn't
        return not asked
    if category == "sarcasm" and match.group()[0] in "'‘“":  # asking what 'competitive' means
        return not asked
    if category == "shouting" and match.group().startswith("!"):
        return not _GLAD.search(before)  # "I'm so excited!!" is joy, not anger
    return True


def find_tone_phrases(text: str) -> tuple[TonePhrase, ...]:
    """Every phrase the tone rules flag in ``text``, in reading order."""
    found = [
        TonePhrase(m.start(), m.group(), category, hint)
        for pattern, category, hint in _rules("tone_phrases", "category")
        for m in pattern.finditer(text)
        if _kept(text, m, category)
    ]
    found += _shouting(text)
    return tuple(sorted(found, key=lambda phrase: phrase.start))


def _finding(kind: str, trigger: str, hint: str) -> Finding:
    label, why = PROBLEMS[kind]
    return Finding(kind, label, trigger, why, hint)


def _pay_findings(text: str, previous: AnnualPay, notes: list[str]) -> list[tuple[int, Finding]]:
    found: list[tuple[int, Finding]] = []
    limit = previous.amount * (1 + INFLATED_TOLERANCE)
    for claim in read_pay_claims(text, previous.currency):
        if any(reading.currency != previous.currency for reading in claim.readings):
            notes.append(f"'{claim.figure}' is not in {previous.currency}: not compared.")
        elif all(reading.amount > limit for reading in claim.readings):
            told = min(reading.amount for reading in claim.readings)
            hint = (
                f"you said {format_money(told, previous.currency)} a year; your previous pay "
                f"is {format_money(previous.amount, previous.currency)}. Say the true figure."
            )
            found.append((text.find(claim.words), _finding("inflated-pay", claim.words, hint)))
    return found


def _offer_findings(text: str, held: int) -> list[tuple[int, Finding]]:
    for claim in read_offer_claims(text):
        if claim.count > held:
            claimed = "an offer" if claim.count == 1 else f"{claim.count} offers"
            hint = (
                f"this claims {claimed}, and you hold {held}. Talk about what you bring, "
                "or say you are talking to other companies if that is true."
            )
            return [(text.find(claim.words), _finding("invented-offer", claim.words, hint))]
    return []


def _previous(previous_pay: AnnualPay | str | None, currency: str) -> AnnualPay | None:
    if previous_pay is None or isinstance(previous_pay, AnnualPay):
        return previous_pay
    return parse_pay(previous_pay, currency, field="previous_pay")


def check_message(
    text: str,
    *,
    previous_pay: AnnualPay | str | None = None,
    offers_held: int | None = None,
    currency: str = "CNY",
) -> CheckReport:
    """Check one message to HR for tone and honesty (see the module docstring).

    ``previous_pay`` (annual pay, or text :func:`~offerkit.rules.pay.parse_pay` reads; an
    ambiguous figure raises :class:`~offerkit.errors.AmbiguousPayError`) is what a stated
    current pay is compared with; ``offers_held`` (other offers you hold) is what a claimed
    offer is compared with. Without them, those checks are skipped and the notes say so.

    >>> check_message("Another company has offered me 450k.", offers_held=0).kinds
    ('invented-offer',)
    """
    if not isinstance(text, str) or not text.strip():
        raise EmptyTextError("message", "the message you plan to send", text)
    if offers_held is not None and (
        isinstance(offers_held, bool) or not isinstance(offers_held, int) or offers_held < 0
    ):
        raise InvalidInputError("offers_held", "a whole number, 0 or more", offers_held)
    previous = _previous(previous_pay, currency)
    notes: list[str] = []
    found = [
        (p.start, _finding(_KIND.get(p.category, p.category), p.phrase, p.hint))
        for p in find_tone_phrases(text)
    ]
    found += [
        (m.start(), _finding(kind, m.group(), hint))
        for pattern, kind, hint in _rules("honesty_phrases", "kind")
        for m in pattern.finditer(text)
    ]
    if previous is None:
        notes.append("No previous pay given: a stated current pay was not checked.")
    else:
        found += _pay_findings(text, previous, notes)
    if offers_held is None:
        notes.append("Offers held not given: a claimed offer was not checked.")
    else:
        found += _offer_findings(text, offers_held)
    findings = tuple(finding for _start, finding in sorted(found, key=lambda item: item[0]))
    return CheckReport(text, findings, tuple(notes))
