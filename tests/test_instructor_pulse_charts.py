"""The pulse's charts: one Figure per distribution, suppressed groups never drawn."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pytest
from matplotlib.figure import Figure
from test_instructor_pulse import export, pulse_of

from offerkit.instructor.pulse import (
    ASK_BUCKETS,
    STRENGTH_GROUPS,
    WINDOW_BUCKETS,
    ClassPulse,
    Group,
)
from offerkit.instructor.pulse_charts import figure_png, pulse_figures


def groups(labels: tuple[str, ...], counts: tuple[int | None, ...]) -> tuple[Group, ...]:
    return tuple(Group(label, count) for label, count in zip(labels, counts, strict=True))


WANTS = (Group("Salary", 6), Group("Growth and learning", 3), Group("Commute", None))
ASKS = groups(ASK_BUCKETS, (0, 3, None, 3, None, 3))
STRENGTHS = groups(STRENGTH_GROUPS, (4, 3, 2, 0))
WINDOWS = groups(WINDOW_BUCKETS, (None, None, 9, 0, 0))
PULSE = ClassPulse(9, 3, WANTS, ASKS, STRENGTHS, (), WINDOWS)


def bars(figure: Figure) -> list[tuple[str, float]]:
    """Category labels and bar heights of a vertical bar chart, left to right."""
    axes = figure.axes[0]
    labels = [t.get_text() for t in axes.get_xticklabels()]
    return list(zip(labels, [float(bar.get_height()) for bar in axes.patches], strict=True))


def test_charts_do_not_draw_hidden_groups(tmp_path: Path) -> None:
    asks = [330_000] * 6 + [381_000] * 5 + [450_000] * 2 + [None] * 2
    figures = pulse_figures(pulse_of([export(n, a) for n, a in enumerate(asks)], tmp_path))
    axes = figures["asks"].axes[0]
    assert [("0–10 %", 6), ("20–30 %", 5)] == bars(figures["asks"])
    assert (
        "Hidden (a small group, or hidden with one): ≤ 0 %, 10–20 %, > 30 %, no ask or previous pay"
    ) == figures["asks"].get_supxlabel()
    assert "fewer than" not in figures["asks"].get_supxlabel()  # a hidden group may be big
    assert 2 == len(axes.patches)


def test_no_chart_without_a_group_to_draw(tmp_path: Path) -> None:
    # Before: a table with every group hidden drew an empty axis from -0.04 to 0.04.
    firsts = ("salary", "growth", "commute", "mission")
    exports = [
        export(n, 330_000 + n * 25_000, weights={area: 1.0}, decision_days=n * 3)
        for n, area in enumerate(firsts)
    ]
    pulse = pulse_of(exports, tmp_path)
    figures = pulse_figures(pulse)
    assert ["strengths"] == sorted(figures)  # wants, asks and windows: all hidden
    for figure in figures.values():
        assert any(bar.get_height() > 0 for bar in figure.axes[0].patches)


def test_four_figures_with_labels_and_titles() -> None:
    figures = pulse_figures(PULSE)
    assert {
        "wants": ("pulse-wants", "Which wants dominate: share whose first priority it is"),
        "asks": ("pulse-asks", "Asks over previous pay vs the +20 % guideline"),
        "strengths": (
            "pulse-strengths",
            "Strength mix: each learner's strongest kind",
        ),
        "windows": ("pulse-windows", "Decision windows after an offer"),
    } == {name: (f.get_label(), f.axes[0].get_title()) for name, f in figures.items()}
    assert all(isinstance(figure, Figure) for figure in figures.values())


def test_nothing_at_all_below_the_threshold() -> None:
    assert {} == pulse_figures(ClassPulse(2, 3))


def test_no_pyplot_figures_are_left_open() -> None:
    before = plt.get_fignums()
    pulse_figures(PULSE)
    assert before == plt.get_fignums()


def test_wants_are_horizontal_shares_with_the_biggest_on_top() -> None:
    figure = pulse_figures(PULSE)["wants"]
    axes = figure.axes[0]
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert ["Growth and learning", "Salary"] == labels  # read bottom to top
    assert [pytest.approx(3 / 9), pytest.approx(6 / 9)] == [b.get_width() for b in axes.patches]
    assert (0.0, 1.0) == axes.get_xlim()
    assert "Hidden (a small group, or hidden with one): Commute" == figure.get_supxlabel()


def test_asks_draw_shown_buckets_and_the_guideline_before_20_to_30() -> None:
    figure = pulse_figures(PULSE)["asks"]
    assert [("≤ 0 %", 0), ("0–10 %", 3), ("20–30 %", 3), ("no ask or previous pay", 3)] == bars(
        figure
    )
    assert "Hidden (a small group, or hidden with one): 10–20 %, > 30 %" == figure.get_supxlabel()
    (guideline,) = figure.axes[0].lines
    assert ([1.5, 1.5], "+20 % guideline") == (list(guideline.get_xdata()), guideline.get_label())
    assert figure.axes[0].get_legend() is not None


def test_no_guideline_when_the_20_to_30_bucket_is_suppressed() -> None:
    asks = groups(ASK_BUCKETS, (0, 6, 3, None, None, 0))
    axes = pulse_figures(ClassPulse(9, 3, asks=asks))["asks"].axes[0]
    assert (0, None) == (len(axes.lines), axes.get_legend())


def test_strengths_show_every_group_and_no_footnote() -> None:
    figure = pulse_figures(PULSE)["strengths"]
    expected = list(zip(STRENGTH_GROUPS, (4, 3, 2, 0), strict=True))
    assert expected == bars(figure)
    assert ("learners", "") == (figure.axes[0].get_ylabel(), figure.get_supxlabel())


def test_windows_name_the_hidden_buckets() -> None:
    figure = pulse_figures(PULSE)["windows"]
    assert [("5–7 days", 9), ("more than 7 days", 0), ("not set", 0)] == bars(figure)
    assert "Hidden (a small group, or hidden with one): up to 2 days, 3–4 days" == (
        figure.get_supxlabel()
    )


def test_png_is_identical_on_rerun_and_untagged() -> None:
    figure = pulse_figures(PULSE)["asks"]
    first = figure_png(figure)
    assert b"\x89PNG\r\n\x1a\n" == first[:8]
    assert first == figure_png(figure)
    assert first == figure_png(pulse_figures(PULSE)["asks"])
    assert [] == [tag for tag in (b"Software", b"matplotlib", b"Creation") if tag in first]
