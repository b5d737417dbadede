"""My offer plan: the one page a learner takes into the HR call, as Markdown and as HTML.

Pure: :class:`OfferPlan` holds what the learner decided in lessons 00–05 (it is assembled
from the learner's state elsewhere); this module only words and renders it.

* :func:`plan_markdown` — the full plan, first person, every learner text kept whole.
* :func:`plan_html` — the printable page: the same sections through
  :mod:`offerkit.rules.html` (mistune, and the ``plan.html.j2`` template with the kit's one
  stylesheet, whose ``.plan`` rules make **one A4 page**: A4 margins, compact two-column
  type, no page break inside a section). A plan within :data:`PAGE_BUDGET` is
  printed whole. Longer answers are kept to one page by *shortening*, not by a smaller
  type: each text is cut at a word with an ellipsis and each list keeps its first items
  (:data:`PRINT_LIMITS`), and the page says the full text is in plan.md. (The PDF printer
  adds a last resort, printing smaller, for text no limit foresaw.)

Learner text enters Markdown only through :func:`_md` (shortening, then
:func:`~offerkit.rules.markdown.escape_markdown`), so a name like ``[x](javascript:…)``
stays text and no answer can open a code block, heading or quote of its own.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Literal

from offerkit.errors import EmptyTextError, InvalidInputError
from offerkit.rules.dates import is_weekend, long_date, weekend_note
from offerkit.rules.html import render_inline, render_markdown, render_page
from offerkit.rules.markdown import escape_markdown
from offerkit.rules.pay import format_money

__all__ = [
    "PAGE_BUDGET",
    "PRINT_LIMITS",
    "OfferPlan",
    "PlanOffer",
    "PlanPriority",
    "PlanStrength",
    "PrintLimits",
    "plan_html",
    "plan_markdown",
    "printed_size",
]


@dataclass(frozen=True)
class PlanPriority:
    """One thing I want, its confirmed share (whole %), and the question that checks it."""

    area: str
    percent: int
    question: str = ""


@dataclass(frozen=True)
class PlanStrength:
    """One strength with its evidence ("" = still to find)."""

    description: str
    evidence: str = ""
    kind: Literal["hard", "soft"] = "hard"
    rare: bool = False

    @property
    def tier(self) -> Literal["rare hard", "hard", "soft"]:
        """Rare hard > hard > soft (a soft strength marked rare is still soft)."""
        if self.kind == "soft":
            return "soft"
        return "rare hard" if self.rare else "hard"


@dataclass(frozen=True)
class PlanOffer:
    """One offer as ranked in lesson 05 (best first)."""

    name: str
    annual_cash: float
    fit_pct: float
    red_flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class OfferPlan:
    """Everything on the one-page plan; parts not done yet are listed in ``missing``."""

    learner_name: str
    currency: str
    target_role: str = ""
    priorities: tuple[PlanPriority, ...] = ()
    priorities_source: str = ""
    strengths: tuple[PlanStrength, ...] = ()
    range_low: float | None = None
    range_high: float | None = None
    range_reasons: tuple[str, ...] = ()
    doubts: tuple[str, ...] = ()
    opening: str = ""
    offers: tuple[PlanOffer, ...] = ()
    counter: float | None = None
    counter_company: str = ""
    counter_message: str = ""
    """The counter in the learner's own words (lesson 05), or ""."""
    walk_away: float | None = None
    decision_date: date | None = None
    extension_message: str = ""
    next_step: str = ""
    missing: tuple[str, ...] = ()
    rehearsal: str = ""
    """The last rehearsal of the HR call in one line (lesson 07), or ""."""

    def __post_init__(self) -> None:
        if not self.learner_name.strip():
            raise EmptyTextError("learner_name", "your name for the plan", self.learner_name)
        shares = [p.percent for p in self.priorities]
        if shares and (sum(shares) != 100 or min(shares) < 0):
            shown = " + ".join(f"{p.area} {p.percent}" for p in self.priorities)
            raise InvalidInputError("priorities", "whole percentages adding up to 100", shown)
        if (self.range_low is None) != (self.range_high is None):
            ends = (self.range_low, self.range_high)
            raise InvalidInputError("range", "both ends of the annual range, or neither", ends)

    @property
    def ranked_strengths(self) -> tuple[PlanStrength, ...]:
        """Rare hard strengths first, then hard, then soft (the order within a tier kept)."""
        order = {"rare hard": 0, "hard": 1, "soft": 2}
        return tuple(sorted(self.strengths, key=lambda s: order[s.tier]))

    @property
    def range_text(self) -> str:
        """``CNY 342,000–360,000 a year``, or a note that the range is still to do."""
        if self.range_low is None or self.range_high is None:
            return "not worked out yet (lesson 03)"
        return f"{format_money(self.range_low, self.currency)}–{self.range_high:,.0f} a year"


@dataclass(frozen=True)
class PrintLimits:
    """How much of each part the printed page keeps (characters, items)."""

    text: int = 100  # an item: a question, reason, doubt, evidence, red flag, next step
    long_text: int = 200  # the opening line, the counter message and the extension message
    name: int = 40  # the learner's name and role, an area, a company, a strength
    priorities: int = 5
    strengths: int = 4
    reasons: int = 4
    doubts: int = 4
    offers: int = 3
    red_flags: int = 1
    missing: int = 3


PRINT_LIMITS = PrintLimits()
PAGE_BUDGET = 4400
"""The :func:`printed_size` a whole plan may have and still print on one page (measured
with Liberation Sans: a plan of this size in short items or in one long opening fits)."""
_LINE = 30  # what a line end, a bullet or a heading costs, in letters
_KEEP_TOGETHER = 1200  # a section up to this size is never split across the columns
_WHOLE = PrintLimits(**{f.name: 10**9 for f in fields(PrintLimits)})  # plan.md: everything


def _width(text: str) -> int:
    """Printed width in Latin letters: a wide (CJK) character counts two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _within(text: str, limit: int) -> str:
    """The longest start of ``text`` whose printed width is at most ``limit``."""
    used = 0
    for index, char in enumerate(text):
        used += _width(char)
        if used > limit:
            return text[:index]
    return text


def _md(text: str, limit: int = 10**9) -> str:
    """Learner text as inert inline Markdown on one line, cut at ``limit`` (printed width)."""
    plain = " ".join(str(text).split())
    if _width(plain) > limit:
        cut = _within(plain, limit - 1)
        plain = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:.") + "…"
    return escape_markdown(plain)


def _money(plan: OfferPlan, amount: float) -> str:
    return format_money(amount, plan.currency)


@dataclass(frozen=True)
class _Section:
    title: str
    items: tuple[str, ...]
    ordered: bool = False
    after: str = ""  # a line after the list (what the printed page left out)


def _more(items: Sequence[object], keep: int) -> str:
    left = len(items) - keep
    return f"*…and {left} more in plan.md*" if left > 0 else ""


def _wants(plan: OfferPlan, limits: PrintLimits) -> _Section:
    kept = plan.priorities[: limits.priorities]
    items = tuple(
        f"**{_md(p.area, limits.name)} — {p.percent}\u00a0%**"
        + (f": I ask “{_md(p.question, limits.text)}”" if p.question else "")
        for p in kept
    )
    source = f" ({_md(plan.priorities_source, limits.name)})" if plan.priorities_source else ""
    return _Section(f"What I want{source}", items, True, _more(plan.priorities, len(kept)))


def _strengths(plan: OfferPlan, limits: PrintLimits) -> _Section:
    ranked = plan.ranked_strengths
    kept = ranked[: limits.strengths]
    items = tuple(
        f"**{s.tier.capitalize()}:** {_md(s.description, 2 * limits.name)} — "
        + (f"{_md(s.evidence, limits.text)}" if s.evidence.strip() else "*I still need evidence*")
        for s in kept
    )
    return _Section("What I bring, with evidence", items, after=_more(ranked, len(kept)))


def _range(plan: OfferPlan, limits: PrintLimits) -> _Section:
    kept = plan.range_reasons[: limits.reasons]
    items = tuple(_md(r, limits.text) for r in kept)
    more = _more(plan.range_reasons, len(kept))
    return _Section(f"My annual range: {plan.range_text}", items, after=more)


def _doubts(plan: OfferPlan, limits: PrintLimits) -> _Section:
    kept = plan.doubts[: limits.doubts]
    items = tuple(_md(d, limits.text) for d in kept)
    return _Section("What I confirm with HR first", items, after=_more(plan.doubts, len(kept)))


def _opening(plan: OfferPlan, limits: PrintLimits) -> _Section:
    items = (f"“{_md(plan.opening, limits.long_text)}”",) if plan.opening.strip() else ()
    return _Section("How I open the pay conversation", items)


def _offer_line(plan: OfferPlan, offer: PlanOffer, limits: PrintLimits) -> str:
    line = (
        f"**{_md(offer.name, limits.name)}** — {_money(plan, offer.annual_cash)} a year, "
        f"fits my priorities {offer.fit_pct:.0f}\u00a0%"
    )
    flags = [f"⚑ red flag: {_md(f, limits.text)}" for f in offer.red_flags[: limits.red_flags]]
    return "; ".join([line, *flags])


def _offers(plan: OfferPlan, limits: PrintLimits) -> _Section:
    kept = plan.offers[: limits.offers]
    items = tuple(_offer_line(plan, o, limits) for o in kept)
    if len(plan.offers) > len(kept):
        items += (_more(plan.offers, len(kept)),)
    if plan.counter is not None:
        to = f" to {_md(plan.counter_company, limits.name)}" if plan.counter_company else ""
        items += (f"**My counter{to}:** {_money(plan, plan.counter)} a year",)
    if plan.counter_message.strip():
        items += (f"In my words: “{_md(plan.counter_message, limits.long_text)}”",)
    if plan.walk_away is not None:
        items += (f"**My walk-away:** below {_money(plan, plan.walk_away)} a year I say no",)
    return _Section("My offers, best fit first", items)


def _deadline(plan: OfferPlan, limits: PrintLimits) -> _Section:
    if plan.decision_date is None:
        return _Section("When I decide", ())
    items: tuple[str, ...] = (f"**I answer by {long_date(plan.decision_date)}.**",)
    if is_weekend(plan.decision_date):
        items += (weekend_note(plan.decision_date),)
    if plan.extension_message.strip():
        message = _md(plan.extension_message, limits.long_text)
        items += (f"If I need the time, I write: “{message}”",)
    return _Section("When I decide", items)


def _tomorrow(plan: OfferPlan, limits: PrintLimits) -> _Section:
    items: tuple[str, ...] = (_md(plan.next_step, limits.text),) if plan.next_step.strip() else ()
    if plan.rehearsal.strip():
        items += (f"**My last rehearsal:** {_md(plan.rehearsal, limits.long_text)}",)
    return _Section("What I do tomorrow", items)


def _sections(plan: OfferPlan, limits: PrintLimits) -> list[_Section]:
    sections = [
        builder(plan, limits)
        for builder in (
            _wants,
            _strengths,
            _range,
            _doubts,
            _opening,
            _offers,
            _deadline,
            _tomorrow,
        )
    ]
    if plan.missing:
        kept = plan.missing[: limits.missing]
        items = tuple(_md(m, limits.text) for m in kept)
        sections.append(_Section("Still to do", items, after=_more(plan.missing, len(kept))))
    return sections


_EMPTY = "*(nothing yet)*"
_CLOSING = "I stay honest and friendly: HR wants good candidates to say yes."


def _section_markdown(section: _Section) -> str:
    items = section.items or (_EMPTY,)
    marks = [f"{n}." if section.ordered else "-" for n in range(1, len(items) + 1)]
    listed = "\n".join(f"{mark} {item}" for mark, item in zip(marks, items, strict=True))
    return f"{listed}\n\n{section.after}" if section.after else listed


def _title(plan: OfferPlan, limits: PrintLimits) -> str:
    return f"My offer plan — {_md(plan.learner_name, limits.name)}"


def _subtitle(plan: OfferPlan, limits: PrintLimits) -> str:
    if not plan.target_role.strip():
        return ""
    return f"*Target role: {_md(plan.target_role, limits.name)}*"


def plan_markdown(plan: OfferPlan) -> str:
    """The whole plan as Markdown (nothing shortened)."""
    blocks = [f"# {_title(plan, _WHOLE)}", _subtitle(plan, _WHOLE)]
    for section in _sections(plan, _WHOLE):
        blocks += [f"## {section.title}", _section_markdown(section)]
    blocks.append(f"*{_CLOSING}*")
    return "\n\n".join(block for block in blocks if block) + "\n"


def printed_size(plan: OfferPlan, limits: PrintLimits | None = None) -> int:
    """How much the page holds, in Latin letters plus a line's worth per item and heading
    (``limits``: as shortened; None: whole)."""
    return sum(_section_size(s) for s in _sections(plan, limits or _WHOLE))


def _section_size(section: _Section) -> int:
    return _LINE + sum(_width(item) + _LINE for item in (*section.items, section.after) if item)


def _classes(section: _Section) -> str:
    """``todo`` for the to-do list; ``keep`` when the section is small enough never to be
    split across the two columns (a big one may flow on, but never over a page break)."""
    names = ["todo"] if section.title == "Still to do" else []
    if _section_size(section) <= _KEEP_TOGETHER:
        names.append("keep")
    return " ".join(names)


def plan_html(
    plan: OfferPlan, limits: PrintLimits = PRINT_LIMITS, budget: int | None = None
) -> str:
    """The plan as a standalone page that prints on one A4 page.

    A plan that fits the page's ``budget`` (:data:`PAGE_BUDGET`) is printed whole;
    a longer one is shortened to ``limits`` and says so.
    """
    fits = printed_size(plan) <= (PAGE_BUDGET if budget is None else budget)
    if fits:
        limits = _WHOLE
    sections = _sections(plan, limits)
    shortened = sections != _sections(plan, _WHOLE) or _title(plan, limits) != _title(plan, _WHOLE)
    return render_page(
        "plan.html.j2",
        title=f"My offer plan — {' '.join(plan.learner_name.split())}",
        heading=render_inline(_title(plan, limits)),
        role=render_inline(_subtitle(plan, limits)),
        sections=[
            {
                "title": render_inline(s.title),
                "body": render_markdown(_section_markdown(s)),
                "classes": _classes(s),
            }
            for s in sections
        ],
        closing=_CLOSING,
        shortened="Some answers are shortened (…) to fit one page; the full text is in plan.md."
        if shortened
        else "",
    )
