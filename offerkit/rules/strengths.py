"""Understand your strengths: what value you bring, and how much leverage it gives.

The lesson sorts strengths into two kinds:

* **soft** — personality traits (easy-going, dependable). Many candidates have them, so
  they give little leverage in the salary conversation;
* **hard** — what your past work gives you: project experience, professional experience.
  These are more competitive; **rare** hard experience is more competitive still.

Each strength gets a *tier* (its weight in the ranking): rare hard = 3, hard = 2, soft = 1.
Marking a *soft* strength as rare does not raise its tier: rarity only counts for experience.

A strength without evidence (the project, result or figure that shows it) is only a claim;
the summary flags it. The "exceptional candidate" exception to the +20 % guideline (see
:mod:`offerkit.rules.salary`) is supported only by :data:`EXCEPTIONAL_RULE`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from offerkit.errors import EmptyTextError, InvalidInputError

__all__ = [
    "EXCEPTIONAL_RULE",
    "STRENGTH_KINDS",
    "Strength",
    "StrengthKind",
    "StrengthSummary",
    "strength",
    "strength_tier",
    "summarise_strengths",
]

StrengthKind = Literal["soft", "hard"]
STRENGTH_KINDS: tuple[StrengthKind, ...] = ("soft", "hard")
_KINDS_BY_NAME: Mapping[str, StrengthKind] = {"soft": "soft", "hard": "hard"}

EXCEPTIONAL_RULE = (
    "You can claim to be an exceptional candidate only if at least one of your strengths "
    "is rare hard experience (a project or professional experience few candidates have) "
    "and you can point to evidence for it."
)
"""The rule for the "exceptional candidate" exception, worded for display."""

_TIER_RARE_HARD = 3
_TIER_HARD = 2
_TIER_SOFT = 1


@dataclass(frozen=True)
class Strength:
    """One entry of the strength ledger: what you can do, what shows it, and its kind."""

    description: str
    evidence: str
    kind: StrengthKind
    rare: bool = False

    @property
    def tier(self) -> int:
        """Weight in the ranking: rare hard 3, hard 2, soft 1 (see :func:`strength_tier`)."""
        return strength_tier(self)

    @property
    def has_evidence(self) -> bool:
        """True when some evidence is written down."""
        return bool(self.evidence.strip())


def strength_tier(item: Strength) -> int:
    """Rare hard experience 3, other hard 2, soft 1.

    ``rare`` on a soft strength does not raise its tier: personality traits stay common
    leverage however unusual they feel.
    """
    if item.kind == "hard":
        return _TIER_RARE_HARD if item.rare else _TIER_HARD
    return _TIER_SOFT


def strength(
    description: str, evidence: str = "", kind: str = "hard", rare: bool = False
) -> Strength:
    """Build a validated :class:`Strength`.

    ``kind`` is ``"soft"`` or ``"hard"`` in any case. ``evidence`` may be left empty; the
    summary will then ask for it.

    >>> strength("Led a payment-system migration", "cut outages by 40 %", rare=True).tier
    3
    """
    if not isinstance(description, str) or not description.strip():
        raise EmptyTextError("description", "a few words saying what the strength is", description)
    if evidence is None:
        evidence = ""
    if not isinstance(evidence, str):
        raise InvalidInputError("evidence", "text (or empty)", evidence)
    cleaned = kind.strip().lower() if isinstance(kind, str) else ""
    checked = _KINDS_BY_NAME.get(cleaned)
    if checked is None:
        raise InvalidInputError(
            "kind",
            "'soft' or 'hard'",
            kind,
            "soft = a personality trait; hard = project or professional experience",
        )
    if not isinstance(rare, bool):
        raise InvalidInputError("rare", "True or False", rare)
    return Strength(description.strip(), evidence.strip(), checked, rare)


@dataclass(frozen=True)
class StrengthSummary:
    """What a strength ledger adds up to, with feedback lines for the learner."""

    ranked: tuple[Strength, ...]
    carrying_weight: tuple[Strength, ...]
    needs_evidence: tuple[Strength, ...]
    counts: Mapping[str, int]
    exceptional_supported: bool
    exceptional_reason: str
    notes: tuple[str, ...]


def _checked_ledger(ledger: Iterable[Strength]) -> tuple[Strength, ...]:
    items = tuple(ledger)
    for index, item in enumerate(items):
        if not isinstance(item, Strength):
            raise InvalidInputError(
                f"ledger[{index}]", "a Strength (build it with strength(...))", item
            )
    return items


def _names(items: Iterable[Strength]) -> str:
    return ", ".join(f"'{item.description}'" for item in items)


def _exceptional_verdict(items: tuple[Strength, ...]) -> tuple[bool, str]:
    rare_hard = [s for s in items if s.kind == "hard" and s.rare]
    backed = [s for s in rare_hard if s.has_evidence]
    if backed:
        return True, (
            f"Supported: {_names(backed)} is rare hard experience backed by evidence, "
            "so you may ask above the +20 % guideline — but not too far."
        )
    if rare_hard:
        return False, (
            f"Not yet: {_names(rare_hard)} is rare hard experience but has no evidence; "
            "write down the project, result or figure that shows it."
        )
    if any(s.rare for s in items):
        return False, (
            "Not supported: only soft strengths are marked rare, and rarity counts only "
            "for project or professional experience; stay within the +20 % guideline."
        )
    if not items:
        return False, "Not supported: the ledger is empty; list your strengths first."
    return False, (
        "Not supported: none of your strengths is rare project or professional "
        "experience; stay within the +20 % guideline."
    )


def _notes(items: tuple[Strength, ...], needs_evidence: tuple[Strength, ...]) -> list[str]:
    if not items:
        return [
            "Your ledger is empty: list at least one strength, with the project or "
            "experience that shows it."
        ]
    notes = []
    if all(s.kind == "soft" for s in items):
        notes.append(
            "Only soft strengths: these are common; add project or professional experience."
        )
    for item in items:
        if item.kind == "soft" and item.rare:
            notes.append(
                f"'{item.description}' is marked rare, but it is a soft strength: rarity "
                "raises only hard strengths (project or professional experience)."
            )
    for item in needs_evidence:
        notes.append(
            f"Add evidence to '{item.description}': the project, result or figure that shows it."
        )
    return notes


def summarise_strengths(ledger: Iterable[Strength]) -> StrengthSummary:
    """Rank a strength ledger and say what it supports.

    * ``ranked``: by tier (rare hard 3 > hard 2 > soft 1), ties kept in input order;
      ``rare`` on a soft strength does not raise its tier;
    * ``carrying_weight``: hard strengths that have evidence — the ones to lead with;
    * ``needs_evidence``: every strength whose evidence is blank;
    * ``counts``: ``soft``, ``hard`` and ``rare`` (rare *hard* strengths only);
    * the "exceptional candidate" exception is supported **iff at least one rare hard
      strength has evidence** (:data:`EXCEPTIONAL_RULE`).

    An empty ledger gives a summary with a note, not an error.
    """
    items = _checked_ledger(ledger)
    ranked = tuple(sorted(items, key=lambda s: -s.tier))
    needs_evidence = tuple(s for s in ranked if not s.has_evidence)
    carrying = tuple(s for s in ranked if s.kind == "hard" and s.has_evidence)
    counts = MappingProxyType(
        {
            "soft": sum(1 for s in items if s.kind == "soft"),
            "hard": sum(1 for s in items if s.kind == "hard"),
            "rare": sum(1 for s in items if s.kind == "hard" and s.rare),
        }
    )
    supported, reason = _exceptional_verdict(items)
    return StrengthSummary(
        ranked=ranked,
        carrying_weight=carrying,
        needs_evidence=needs_evidence,
        counts=counts,
        exceptional_supported=supported,
        exceptional_reason=reason,
        notes=tuple(_notes(items, needs_evidence)),
    )
