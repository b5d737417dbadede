"""Charts: plain data in, a Figure out (no pyplot state), PNG bundles for display."""

from __future__ import annotations

import base64

from matplotlib.figure import Figure

from offerkit.exercises.charts import (
    figure_bundle,
    offers_chart,
    priorities_chart,
    salary_ladder_chart,
    strengths_chart,
)
from offerkit.rules.salary import expected_salary_range


def _labels(figure: Figure) -> list[str]:
    return [tick.get_text() for tick in figure.axes[0].get_yticklabels()]


def test_salary_ladder_shows_only_the_rungs_it_has() -> None:
    data = expected_salary_range("300000", posted="20-30K·15薪").as_dict()
    data["ask"] = 400000.0
    figure = salary_ladder_chart(data)
    assert [
        "Your ask",
        "Offers usually land",
        "Posted range",
        "Your range",
        "Exception ceiling",
        "+20 % guideline",
        "Previous pay",
    ] == _labels(figure)
    without = salary_ladder_chart(expected_salary_range("300000").as_dict())
    assert "Posted range" not in _labels(without)
    assert "Annual pay (CNY)" == without.axes[0].get_xlabel()


def test_priorities_chart_orders_largest_on_top_and_handles_empty() -> None:
    figure = priorities_chart([("Salary", 0.5), ("Growth", 0.3), ("Commute", 0.2)])
    assert ["Commute", "Growth", "Salary"] == _labels(figure)
    assert priorities_chart([]) is None


def test_strengths_chart_counts_and_empty() -> None:
    counts = {
        "rare hard": {"with evidence": 1, "needs evidence": 0},
        "hard": {"with evidence": 1, "needs evidence": 1},
        "soft": {"with evidence": 0, "needs evidence": 2},
    }
    figure = strengths_chart(counts)
    widths = [patch.get_width() for patch in figure.axes[0].patches]
    assert [1, 1, 0, 0, 1, 2] == widths
    assert strengths_chart({"soft": {"with evidence": 0, "needs evidence": 0}}) is None


def test_offers_chart_marks_red_flags() -> None:
    figure = offers_chart(
        [
            {"name": "A", "fit": 4.0, "cash": 400000, "red_flags": ()},
            {"name": "B", "fit": 2.0, "cash": 450000, "red_flags": ("x",)},
        ]
    )
    colours = [tuple(c.get_facecolor()[0][:3]) for c in figure.axes[0].collections]
    assert colours[0] != colours[1]
    assert offers_chart([]) is None


def test_figure_bundle_is_a_real_png() -> None:
    bundle = figure_bundle(priorities_chart([("Salary", 1.0)]))
    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")
    assert "<offerkit chart: priorities>" == bundle["text/plain"]
