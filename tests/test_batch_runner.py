"""One participant's lessons in one reused kernel, as papermill would produce them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import nbformat
import psutil
import pytest
from batch_helpers import lesson_notebook

from offerkit.batch.jobs import LessonSource, ParticipantJob
from offerkit.batch.kernels import KernelFactory
from offerkit.batch.runner import run_participant

pytestmark = pytest.mark.slow

PARAMS = {
    "learner_id": "ada",
    "learner_name": "Ada <b>",
    "currency": "EUR",
    "previous_pay": "65000",
    "posted_range": "60k-75k",
}


def lesson(stem: str, *extra: str) -> LessonSource:
    text = nbformat.writes(lesson_notebook(*extra))
    return LessonSource(f"{stem}.ipynb", f"notebooks/{stem}.ipynb", text)


def job(*lessons: LessonSource, timeout: int = 30, html: bool = False) -> ParticipantJob:
    return ParticipantJob("ada", PARAMS, lessons, timeout, html)


@pytest.fixture(scope="module")
def factory() -> Iterator[KernelFactory]:
    """Light kernels (nothing preloaded) with a spare, shared by this module's tests."""
    kernels = KernelFactory(preload=(), keep_spare=True, fork=False)
    yield kernels
    kernels.close()
    assert not kernels.folder.exists()
    assert [] == kernels_left()


def kernels_left() -> list[psutil.Process]:
    """Kernels (and kernel fork servers, whose forked kernels carry their command line)
    still running under this process; other children, e.g. multiprocessing's resource
    tracker left by an earlier test, do not count."""
    kernels = []
    for child in psutil.Process().children(recursive=True):
        try:
            command = " ".join(child.cmdline())
            kernel = "ipykernel_launcher" in command or "offerkit.batch.forkserver" in command
            if child.status() != psutil.STATUS_ZOMBIE and kernel:
                kernels.append(child)
        except psutil.NoSuchProcess:
            continue
    return kernels


def test_lessons_share_a_kernel_but_not_state() -> None:
    """Here the runner's own private factory (preloading pandas etc.), closed at the end."""
    result = run_participant(
        job(
            lesson("01-first", "leftover = 42\nleftover"),
            lesson("02-second", "print('leftover' in dir(), len(get_ipython().user_ns['In']))"),
        )
    )
    assert "ok" == result.status
    assert (1, 0) == (result.attempts, result.stalls)
    first, second = (nbformat.reads(n.ipynb, as_version=4) for n in result.notebooks)
    assert ["parameters"] == first.cells[1].metadata.tags
    assert ["injected-parameters"] == first.cells[2].metadata.tags
    assert 'learner_name = "Ada <b>"' in first.cells[2].source
    assert "Ada <b> | EUR | 65000 | 60k-75k\n" == first.cells[3].outputs[0].text
    assert [1, 2, 3, 4] == [c.execution_count for c in first.cells[1:]]
    assert 4 == first.cells[4].outputs[0].execution_count
    assert [1, 2, 3, 4] == [c.execution_count for c in second.cells[1:]]
    assert "False 5\n" == second.cells[4].outputs[0].text
    papermill = second.metadata.papermill
    assert dict(PARAMS) == papermill.parameters
    assert ("notebooks/02-second.ipynb", "ada/02-second.ipynb") == (
        papermill.input_path,
        papermill.output_path,
    )
    assert all("duration" in c.metadata.papermill for c in second.cells)
    assert "language_info" in second.metadata
    assert [] == kernels_left()


def test_failing_cell_is_reported_and_later_lessons_are_not_run(factory: KernelFactory) -> None:
    result = run_participant(
        job(lesson("01-ok"), lesson("02-bad", "x = 1", "1 / 0"), lesson("03-never")), factory
    )
    assert "failed" == result.status
    assert result.failure is not None
    assert ("02-bad.ipynb", 5, "1 / 0", "ZeroDivisionError", "division by zero") == (
        result.failure.lesson,
        result.failure.cell_index,
        result.failure.first_line,
        result.failure.ename,
        result.failure.evalue,
    )
    assert ["01-ok.ipynb", "02-bad.ipynb"] == [n.name for n in result.notebooks]
    failed = nbformat.reads(result.notebooks[1].ipynb, as_version=4)
    assert "papermill-error-cell-tag" in failed.cells[0].metadata.tags
    assert 1 == result.attempts
    assert 1 >= len(kernels_left())  # the factory's spare only


def test_stall_is_retried_once_then_reported(factory: KernelFactory) -> None:
    result = run_participant(
        job(lesson("01-slow", "import time\ntime.sleep(30)"), timeout=1), factory
    )
    assert ("failed", 2, 2) == (result.status, result.attempts, result.stalls)
    assert result.failure is not None
    assert ("Stall", 4, "import time") == (
        result.failure.ename,
        result.failure.cell_index,
        result.failure.first_line,
    )
    assert 2 == len(result.stall_notes)
    assert 1 >= len(kernels_left())  # the factory's spare only


def test_stall_then_success_on_retry(tmp_path: Path, factory: KernelFactory) -> None:
    marker = tmp_path / "stalled-once"
    cell = (
        f"import os, time\nif not os.path.exists({str(marker)!r}):\n"
        f"    open({str(marker)!r}, 'w').close()\n    time.sleep(30)"
    )
    result = run_participant(job(lesson("01-flaky", cell), timeout=2), factory)
    assert ("ok", 2, 1) == (result.status, result.attempts, result.stalls)
    assert 1 == len(result.notebooks)


def test_html_handout_escapes_text_output(factory: KernelFactory) -> None:
    result = run_participant(job(lesson("01-html"), html=True), factory)
    page = result.notebooks[0].html
    assert page is not None
    assert "Ada &lt;b&gt; | EUR" in page
    assert "Ada <b> | EUR" not in page


def test_non_ascii_stays_readable_in_the_workbook_and_the_handout(
    factory: KernelFactory,
) -> None:
    people = {**PARAMS, "learner_name": "Zoë Müller", "posted_range": "20-30K·15薪"}
    zoe = ParticipantJob("zoe", people, (lesson("01-names"),), 30, True)
    result = run_participant(zoe, factory)
    assert "ok" == result.status
    [notebook] = result.notebooks
    assert 'learner_name = \\"Zoë Müller\\"' in notebook.ipynb  # the file's own JSON text
    assert 'posted_range = \\"20-30K·15薪\\"' in notebook.ipynb
    assert "\\\\u85aa" not in notebook.ipynb and "\\\\xeb" not in notebook.ipynb
    cells = nbformat.reads(notebook.ipynb, as_version=4).cells
    assert "Zoë Müller | EUR | 65000 | 20-30K·15薪\n" == cells[3].outputs[0].text
    assert notebook.html is not None
    assert "Zoë Müller | EUR | 65000 | 20-30K·15薪" in notebook.html
    assert "learner_name =" not in notebook.html  # the parameters are code: not shown
