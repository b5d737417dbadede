"""My offer plan: the one page a learner leaves with, as Markdown and printable HTML.

Pure: the plan is assembled by the capstone exercise from the rules' results and rendered
here. Every text a learner typed is escaped in the HTML.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from offerkit.errors import EmptyTextError
from offerkit.rules.pay import format_money

__all__ = ["OfferPlan", "plan_html", "plan_markdown"]


@dataclass(frozen=True)
class OfferPlan:
    """Everything on the one-page plan; empty parts are listed in ``missing``."""

    learner_name: str
    target_role: str
    currency: str
    wants: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    strengths: tuple[str, ...] = ()
    strengths_needing_evidence: tuple[str, ...] = ()
    range_low: float | None = None
    range_high: float | None = None
    range_reasons: tuple[str, ...] = ()
    doubts: tuple[str, ...] = ()
    opening: str = ""
    deadline: str = ""
    extension: str = ""
    next_step: str = ""
    missing: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.learner_name.strip():
            raise EmptyTextError("learner_name", "your name for the plan", self.learner_name)

    @property
    def range_text(self) -> str:
        """``CNY 342,000–360,000 a year`` or a note that the range is still to do."""
        if self.range_low is None or self.range_high is None:
            return "not worked out yet (lesson 03)"
        return f"{format_money(self.range_low, self.currency)}–{self.range_high:,.0f} a year"


def _sections(plan: OfferPlan) -> list[tuple[str, tuple[str, ...]]]:
    return [
        ("What I want from this change", plan.wants),
        ("Questions to check they can provide it", plan.questions),
        ("Strengths I bring (with evidence)", plan.strengths),
        ("Strengths that still need evidence", plan.strengths_needing_evidence),
        (f"My annual range: {plan.range_text}", plan.range_reasons),
        ("Doubts to confirm calmly with HR", plan.doubts),
        ("My opening line", (plan.opening,) if plan.opening else ()),
        ("Decision deadline", tuple(t for t in (plan.deadline, plan.extension) if t)),
        ("What I will do tomorrow", (plan.next_step,) if plan.next_step else ()),
    ]


def plan_markdown(plan: OfferPlan) -> str:
    """The plan as Markdown."""
    lines = [f"# My offer plan — {plan.learner_name}", ""]
    if plan.target_role:
        lines += [f"*Target role: {plan.target_role}*", ""]
    for title, items in _sections(plan):
        lines.append(f"## {title}")
        lines += [f"- {item}" for item in items] or ["- (nothing yet)"]
        lines.append("")
    if plan.missing:
        lines.append("## Still to do")
        lines += [f"- {item}" for item in plan.missing]
        lines.append("")
    lines.append("*Be honest and friendly: HR wants good candidates to say yes.*")
    return "\n".join(lines) + "\n"


_CSS = """
body{font-family:system-ui,sans-serif;max-width:46rem;margin:1.5rem auto;line-height:1.4;
color:#1a1a1a}h1{font-size:1.5rem;border-bottom:2px solid #1f77b4}h2{font-size:1.05rem;
margin:1rem 0 .2rem;color:#1f4e79}ul{margin:.2rem 0}.todo{color:#8a5300}
@media print{body{margin:0;font-size:10.5pt}h1{font-size:14pt}h2{font-size:11pt;
break-after:avoid}section{break-inside:avoid}}
"""


def plan_html(plan: OfferPlan) -> str:
    """The plan as a standalone, printable HTML page (all learner text escaped)."""
    esc = html.escape
    parts = [f"<h1>My offer plan — {esc(plan.learner_name)}</h1>"]
    if plan.target_role:
        parts.append(f"<p><em>Target role: {esc(plan.target_role)}</em></p>")
    for title, items in _sections(plan):
        body = "".join(f"<li>{esc(item)}</li>" for item in items) or "<li>(nothing yet)</li>"
        parts.append(f"<section><h2>{esc(title)}</h2><ul>{body}</ul></section>")
    if plan.missing:
        todo = "".join(f"<li>{esc(item)}</li>" for item in plan.missing)
        parts.append(f'<section class="todo"><h2>Still to do</h2><ul>{todo}</ul></section>')
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>My offer plan — {esc(plan.learner_name)}</title><style>{_CSS}</style>"
        f"</head><body>{''.join(parts)}</body></html>\n"
    )
