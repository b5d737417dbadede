"""Charts of the workshop pulse: a :class:`ClassPulse` in, matplotlib Figures out.

Figures are made with :class:`matplotlib.figure.Figure` (no pyplot state). Suppressed
groups are never drawn: they are named in a footnote as "fewer than N". When the whole
class is below the threshold there are no charts at all.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from offerkit.instructor.pulse import ClassPulse, Group

__all__ = ["figure_png", "pulse_figures"]

_BLUE, _GREEN, _GREY, _ORANGE = "#1f77b4", "#2e7d32", "#757575", "#ef6c00"


def _new(label: str, title: str) -> tuple[Figure, Any]:
    figure = Figure(figsize=(7, 3.2), layout="constrained")
    FigureCanvasAgg(figure)
    figure.set_label(label)
    axes = figure.subplots()
    axes.set_title(title, fontsize=11)
    return figure, axes


def _footnote(figure: Figure, hidden: Sequence[str], min_group: int) -> None:
    if hidden:
        figure.supxlabel(
            f"Not drawn (fewer than {min_group}): {', '.join(hidden)}", fontsize=8, color=_GREY
        )


def _bars(label: str, title: str, groups: Sequence[Group], min_group: int) -> Figure:
    figure, axes = _new(label, title)
    drawn = [g for g in groups if g.count is not None]
    axes.bar([g.label for g in drawn], [g.count for g in drawn], color=_BLUE)
    axes.set_ylabel("learners")
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.tick_params(axis="x", labelsize=8)
    _footnote(figure, [g.label for g in groups if g.count is None], min_group)
    return figure


def _asks(pulse: ClassPulse) -> Figure:
    figure = _bars(
        "pulse-asks", "Asks over previous pay vs the +20 % guideline", pulse.asks, pulse.min_group
    )
    axes = figure.axes[0]
    labels = [t.get_text() for t in axes.get_xticklabels()]
    if "20–30 %" in labels:  # the guideline sits between the 10–20 % and 20–30 % bars
        axes.axvline(
            labels.index("20–30 %") - 0.5, color=_ORANGE, linestyle="--", label="+20 % guideline"
        )
        axes.legend(fontsize=8)
    return figure


def _wants(pulse: ClassPulse) -> Figure:
    figure, axes = _new("pulse-wants", "Which wants dominate: share with the area in their top 3")
    drawn = [row for row in pulse.wants if row.share is not None]
    axes.barh([row.area for row in drawn][::-1], [row.share for row in drawn][::-1], color=_GREEN)
    axes.set_xlim(0, 1)
    axes.xaxis.set_major_formatter(lambda value, _pos: f"{value:.0%}")
    hidden = [row.area for row in pulse.wants if row.share is None]
    _footnote(figure, hidden, pulse.min_group)
    return figure


def pulse_figures(pulse: ClassPulse) -> dict[str, Figure]:
    """The pulse's charts by name (``wants``, ``asks``, ``strengths``, ``windows``)."""
    if pulse.suppressed_all:
        return {}
    return {
        "wants": _wants(pulse),
        "asks": _asks(pulse),
        "strengths": _bars(
            "pulse-strengths",
            "Strength mix: learners with at least one of each kind",
            pulse.strengths,
            pulse.min_group,
        ),
        "windows": _bars(
            "pulse-windows", "Decision windows after an offer", pulse.windows, pulse.min_group
        ),
    }


def figure_png(figure: Figure) -> bytes:
    """The figure as PNG bytes (no timestamp or software tag, so reruns are identical)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=90, metadata={"Software": None})
    return buffer.getvalue()
