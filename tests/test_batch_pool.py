"""The same jobs on a Dask cluster (a LocalCluster started here) instead of the local pool."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from batch_helpers import write_lessons, write_roster

from offerkit.batch.build import BuildOptions, build_workbooks, format_report

pytestmark = pytest.mark.slow


@pytest.fixture
def scheduler() -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def test_dask_builds_the_same_workbooks(tmp_path: Path, scheduler: str) -> None:
    lessons = write_lessons(
        tmp_path / "notebooks", {"00-start": [], "01-fail": ["assert learner_id != 'bao'"]}
    )
    roster = write_roster(tmp_path / "roster.csv")
    out = tmp_path / "out"
    settings = BuildOptions(roster, out, dask=scheduler, lessons_dir=lessons, progress=False)
    report = build_workbooks(settings)
    assert ("ada", "zoe") == report.built
    assert 1 == len(report.failed), format_report(report)
    assert "AssertionError" in report.failed[0].reason
    assert "cell 4" in report.failed[0].reason
    workbook = nbformat.read(out / "zoe" / "01-fail.ipynb", as_version=4)
    assert "Zoë Müller & Söhne | EUR | 67890 | 71k-83k\n" == workbook.cells[3].outputs[0].text
    again = build_workbooks(settings)  # bao failed: built again, fails again
    assert ("bao",) == tuple(f.slug for f in again.failed)
    assert ((), ("ada", "zoe")) == (again.skipped, again.skipped) or again.skipped == ("ada", "zoe")
