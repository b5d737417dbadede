"""Charts for the exercises: plain data in, a matplotlib Figure out.

Figures are made with :class:`matplotlib.figure.Figure` (no pyplot state, nothing to
close), so they draw the same in JupyterLab, papermill and plain pytest.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Mapping, Sequence
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

__all__ = [
    "figure_bundle",
    "offers_chart",
    "priorities_chart",
    "salary_ladder_chart",
    "strengths_chart",
]

_BLUE, _GREEN, _ORANGE, _GREY, _RED = "#1f77b4", "#2e7d32", "#ef6c00", "#9e9e9e", "#c62828"


def figure_bundle(figure: Figure) -> dict[str, str]:
    """A figure as a MIME bundle (``image/png`` base64 + text), ready to display."""
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
    return {
        "image/png": base64.b64encode(buffer.getvalue()).decode("ascii"),
        "text/plain": f"<offerkit chart: {figure.get_label() or 'figure'}>",
    }


def _new(label: str, height: float = 3.2) -> tuple[Figure, Any]:
    figure = Figure(figsize=(7.5, height), layout="constrained")
    figure.set_label(label)
    return figure, figure.add_subplot()


def salary_ladder_chart(data: Mapping[str, Any]) -> Figure:
    """The salary ladder: previous pay, the guideline cap, the ceiling, your range, the
    posted range, where offers usually land, and your ask — on one annual axis."""
    figure, ax = _new("salary ladder", 3.6)
    rungs: list[tuple[str, float | None, float | None, str]] = [
        ("Previous pay", data.get("previous_annual"), None, _GREY),
        ("+20 % guideline", data.get("guideline_cap"), None, _GREEN),
        ("Exception ceiling", data.get("exception_ceiling"), None, _ORANGE),
        ("Your range", data.get("range_low"), data.get("range_high"), _BLUE),
        ("Posted range", data.get("posted_low"), data.get("posted_high"), _GREY),
        (
            "Offers usually land",
            data.get("usual_landing_low"),
            data.get("usual_landing_high"),
            _GREEN,
        ),
        ("Your ask", data.get("ask"), None, _RED),
    ]
    shown = [
        (label, float(low), high, colour) for label, low, high, colour in rungs if low is not None
    ]
    for y, (_label, low, high, colour) in enumerate(reversed(shown)):
        if high is None:
            ax.plot([low], [y], "o", color=colour, markersize=9)
            ax.annotate(f"{low:,.0f}", (low, y), xytext=(8, -4), textcoords="offset points")
        else:
            ax.barh(y, high - low, left=low, color=colour, alpha=0.75, height=0.5)
            ax.annotate(
                f"{low:,.0f}–{high:,.0f}", (high, y), xytext=(6, -4), textcoords="offset points"
            )
    ax.set_yticks(range(len(shown)), [r[0] for r in reversed(shown)])
    ax.set_xlabel(f"Annual pay ({data.get('currency', '')})")
    ax.xaxis.set_major_formatter(lambda value, _pos: f"{value:,.0f}")
    ax.margins(x=0.25)
    ax.set_title("Your salary ladder")
    return figure


def priorities_chart(weights: Sequence[tuple[str, float]]) -> Figure | None:
    """Your weighted priorities as horizontal bars (largest on top)."""
    if not weights:
        return None
    figure, ax = _new("priorities", 0.6 + 0.45 * len(weights))
    names = [name for name, _w in reversed(weights)]
    values = [w * 100 for _n, w in reversed(weights)]
    ax.barh(names, values, color=_BLUE)
    for y, value in enumerate(values):
        ax.annotate(f"{value:.0f} %", (value, y), xytext=(4, -4), textcoords="offset points")
    ax.set_xlabel("Weight (%)")
    ax.set_xlim(0, max(values) * 1.2)
    ax.set_title("What you want from this change")
    return figure


def strengths_chart(counts: Mapping[str, Mapping[str, int]]) -> Figure | None:
    """Strengths by tier (rare hard / hard / soft), split by whether evidence is given."""
    tiers = [t for t in ("rare hard", "hard", "soft") if t in counts]
    if not tiers or not any(sum(counts[t].values()) for t in tiers):
        return None
    figure, ax = _new("strengths", 2.6)
    with_evidence = [counts[t].get("with evidence", 0) for t in tiers]
    without = [counts[t].get("needs evidence", 0) for t in tiers]
    ax.barh(tiers, with_evidence, color=_GREEN, label="with evidence")
    ax.barh(tiers, without, left=with_evidence, color=_ORANGE, label="needs evidence")
    ax.invert_yaxis()
    ax.set_xlabel("Number of strengths")
    ax.legend(loc="lower right")
    ax.set_title("Which strengths carry weight")
    return figure


def offers_chart(rows: Sequence[Mapping[str, Any]]) -> Figure | None:
    """Offers by fit to your priorities (x) and annual cash (y); red = a red flag."""
    if not rows:
        return None
    figure, ax = _new("offers", 3.4)
    for row in rows:
        colour = _RED if row.get("red_flags") else _BLUE
        ax.scatter([row["fit"]], [row["cash"]], s=80, color=colour)
        ax.annotate(
            str(row["name"]), (row["fit"], row["cash"]), xytext=(6, 4), textcoords="offset points"
        )
    ax.set_xlim(0, 5.2)
    ax.set_xlabel("Fit to your priorities (0–5)")
    ax.set_ylabel("Annual cash")
    ax.yaxis.set_major_formatter(lambda value, _pos: f"{value:,.0f}")
    ax.set_title("Your offers")
    return figure
