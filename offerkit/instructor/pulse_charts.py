"""Charts of the workshop pulse: a :class:`ClassPulse` in, matplotlib Figures out.

Figures are made with :class:`matplotlib.figure.Figure` (no pyplot state). Hidden groups
are never drawn: a footnote names them as "hidden" (a small group, or one hidden with it).
A chart with nothing to draw — every group hidden or empty — is not made at all, and when
the whole class is below the threshold there are no charts.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
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


def _footnote(figure: Figure, hidden: Sequence[str]) -> None:
    if hidden:
        figure.supxlabel(
            f"Hidden (a small group, or hidden with one): {', '.join(hidden)}",
            fontsize=8,
            color=_GREY,
            wrap=True,
        )


def _drawable(groups: Sequence[Group]) -> bool:
    return any(g.count for g in groups)


def _bars(label: str, title: str, groups: Sequence[Group]) -> Figure:
    figure, axes = _new(label, title)
    drawn = [g for g in groups if g.count is not None]
    axes.bar([g.label for g in drawn], [g.count for g in drawn], color=_BLUE)
    axes.set_ylabel("learners")
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.tick_params(axis="x", labelsize=8)
    _footnote(figure, [g.label for g in groups if g.count is None])
    return figure


def _asks(pulse: ClassPulse) -> Figure:
    figure = _bars("pulse-asks", "Asks over previous pay vs the +20 % guideline", pulse.asks)
    axes = figure.axes[0]
    labels = [t.get_text() for t in axes.get_xticklabels()]
    if "20–30 %" in labels:  # the guideline sits between the 10–20 % and 20–30 % bars
        axes.axvline(
            labels.index("20–30 %") - 0.5, color=_ORANGE, linestyle="--", label="+20 % guideline"
        )
        axes.legend(fontsize=8)
    return figure


def _wants(pulse: ClassPulse) -> Figure:
    figure, axes = _new("pulse-wants", "Which wants dominate: share whose first priority it is")
    drawn = [g for g in pulse.wants if g.count]  # 13 rows: the empty ones are left out
    shares = [(g.count or 0) / pulse.learners for g in drawn]
    axes.barh([g.label for g in drawn][::-1], shares[::-1], color=_GREEN)
    axes.set_xlim(0, 1)
    axes.xaxis.set_major_formatter(lambda value, _pos: f"{value:.0%}")
    _footnote(figure, [g.label for g in pulse.wants if g.count is None])
    return figure


def pulse_figures(pulse: ClassPulse) -> dict[str, Figure]:
    """The pulse's charts by name (``wants``, ``asks``, ``strengths``, ``windows``): only
    those with at least one group shown and not empty."""
    if pulse.suppressed_all:
        return {}
    makers: dict[str, tuple[Sequence[Group], Callable[[], Figure]]] = {
        "wants": (pulse.wants, lambda: _wants(pulse)),
        "asks": (pulse.asks, lambda: _asks(pulse)),
        "strengths": (
            pulse.strengths,
            lambda: _bars(
                "pulse-strengths", "Strength mix: each learner's strongest kind", pulse.strengths
            ),
        ),
        "windows": (
            pulse.windows,
            lambda: _bars("pulse-windows", "Decision windows after an offer", pulse.windows),
        ),
    }
    return {name: make() for name, (groups, make) in makers.items() if _drawable(groups)}


def figure_png(figure: Figure) -> bytes:
    """The figure as PNG bytes (no timestamp or software tag, so reruns are identical)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=90, metadata={"Software": None})
    return buffer.getvalue()
