"""The workshop pulse: merging exports, small-group suppression, bad files.

The export helpers here are shared with the pulse chart, report and CLI test modules.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from offerkit.errors import InvalidInputError
from offerkit.instructor.pulse import ClassPulse, Group, class_pulse, read_exports
from offerkit.rules.export import ExportInputs, anonymised_export


def token(n: int) -> str:
    return f"{n:016x}"


def export(n: int, ask: float | None = 330_000, **inputs: object) -> dict[str, object]:
    """Learner ``n``'s export: previous pay 300,000, by default an ask of +10 %."""
    fields: dict[str, object] = {"weights": {"salary": 0.5, "growth": 0.3, "team_atmosphere": 0.2}}
    fields.update(previous_annual=300_000, ask=ask, soft=1, hard=1, decision_days=5)
    fields.update(inputs)
    return anonymised_export(ExportInputs(**fields), token(n))  # type: ignore[arg-type]


def write(folder: Path, exports: Sequence[dict[str, object]], start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, data in enumerate(exports, start=start):
        paths.append(folder / f"learner{n}.offerkit-export.json")
        paths[-1].write_text(json.dumps(data), encoding="utf-8")
    return paths


def group(groups: Sequence[Group], label: str) -> int | None:
    return {g.label: g.count for g in groups}[label]


def pulse_of(
    exports: Sequence[dict[str, object]], tmp_path: Path, min_group: int = 3
) -> ClassPulse:
    batch = read_exports([*write(tmp_path / "in", exports)])
    return class_pulse(batch.exports, min_group, batch.skipped)


def test_two_in_a_bucket_are_suppressed_three_are_shown(tmp_path: Path) -> None:
    asks = [330_000] * 3 + [390_000] * 3 + [450_000] * 2 + [None]  # +10, +30, +50 %, none
    pulse = pulse_of([export(n, a) for n, a in enumerate(asks)], tmp_path)
    assert 3 == group(pulse.asks, "0–10 %")
    assert 3 == group(pulse.asks, "20–30 %")
    assert None is group(pulse.asks, "> 30 %")  # two learners: suppressed
    assert None is group(pulse.asks, "no ask or previous pay")  # one learner
    assert 0 == group(pulse.asks, "≤ 0 %")


def test_a_lone_suppressed_group_takes_the_next_smallest_with_it(tmp_path: Path) -> None:
    # 4 + 3 + 1 learners: showing 4 and 3 of 8 would give the 1 away.
    asks = [330_000] * 4 + [390_000] * 3 + [450_000]
    pulse = pulse_of([export(n, a) for n, a in enumerate(asks)], tmp_path)
    assert [0, 4, 0, None, None, 0] == [g.count for g in pulse.asks]


def test_wants_share_in_top3_and_suppressed_rare_areas(tmp_path: Path) -> None:
    exports = [export(n) for n in range(3)]
    exports.append(export(3, weights={"commute": 0.6, "salary": 0.4}))
    pulse = pulse_of(exports, tmp_path)
    rows = {row.area: row for row in pulse.wants}
    assert 4 == rows["Salary"].top3
    assert 1.0 == rows["Salary"].share
    assert pytest.approx((0.5 * 3 + 0.4) / 4) == rows["Salary"].mean_weight
    assert 3 == rows["Growth and learning"].top3
    assert None is rows["Commute"].top3
    assert None is rows["Commute"].mean_weight
    assert "Salary" == pulse.wants[0].area


def test_strengths_exceptions_and_windows(tmp_path: Path) -> None:
    exports = [export(n, rare_hard=1, exception_kinds=("exceptional",)) for n in range(3)]
    exports += [export(n, soft=0, hard=0, decision_days=None) for n in range(3, 6)]
    pulse = pulse_of(exports, tmp_path)
    assert 3 == group(pulse.strengths, "rare hard")
    assert 3 == group(pulse.strengths, "no strengths saved")
    assert 3 == group(pulse.exceptions, "exceptional")
    assert 3 == group(pulse.exceptions, "no exception")
    assert 3 == group(pulse.windows, "5–7 days")
    assert 3 == group(pulse.windows, "not set")


def test_malformed_and_duplicate_exports_are_reported_and_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder, [export(n) for n in range(3)])
    (folder / "broken.offerkit-export.json").write_text("{oops", encoding="utf-8")
    (folder / "wrong.offerkit-export.json").write_text('{"kind": "x"}', encoding="utf-8")
    (folder / "zz-again.offerkit-export.json").write_text(json.dumps(export(0)), encoding="utf-8")
    (folder / "notes.txt").write_text("not an export", encoding="utf-8")
    batch = read_exports([folder])
    assert 3 == len(batch.exports)
    assert 3 == len(batch.skipped)
    assert batch.skipped[0].startswith("broken.offerkit-export.json: ")
    assert (
        "zz-again.offerkit-export.json: duplicate of learner0.offerkit-export.json (skipped)"
        in batch.skipped
    )
    assert any(
        s.startswith("wrong.offerkit-export.json: not an offerkit export") for s in batch.skipped
    )


def test_min_group_must_be_positive() -> None:
    with pytest.raises(InvalidInputError, match="min_group"):
        class_pulse((), min_group=0)


@pytest.mark.slow
def test_instructor_notebook_shows_the_class_view(tmp_path: Path) -> None:
    import papermill

    notebook = Path(__file__).resolve().parent.parent / "instructor" / "workshop-pulse.ipynb"
    folder = tmp_path / "exports"
    write(folder, [export(n) for n in range(4)])
    (folder / "broken.offerkit-export.json").write_text("{", encoding="utf-8")
    out = tmp_path / "pulse.ipynb"
    papermill.execute_notebook(
        str(notebook),
        str(out),
        parameters={"exports_dir": str(folder), "min_group": 3},
        kernel_name="python3",
        cwd=str(tmp_path),
        progress_bar=False,
        execution_timeout=120,
    )
    text = out.read_text(encoding="utf-8")
    assert "4 exports read, 1 skipped." in text
    assert "broken.offerkit-export.json" in text
    assert "4 learners' anonymised exports" in text
    assert 4 == text.count('"image/png"')
    assert [] == [n for n in range(4) if token(n) in text]
