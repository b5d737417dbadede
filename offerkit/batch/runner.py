"""Run one participant's lessons in one fresh kernel, through papermill's public API.

:func:`run_participant` is the unit of work of a build, for the local process pool and for
Dask alike: it takes a picklable :class:`ParticipantJob` (the parameters and the lesson
texts) and returns a picklable :class:`ParticipantResult` (the executed notebooks as text,
HTML too if asked). It never writes outside its private kernel folder; the builder writes.

Each lesson is one :func:`papermill.execute_notebook` call (parameters injected, metadata
and error markers as papermill does them) whose engine runs the cells through one kernel
connection kept for all of the participant's lessons (:mod:`offerkit.batch.engine`).
Before each lesson the kernel is reset (namespace, figures, widgets, execution count);
each participant gets a new kernel. A cell that reaches the timeout is a *stall*: the
participant is retried once in a fresh kernel.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from typing import Any

import nbformat
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from papermill.exceptions import PapermillExecutionError

from offerkit.batch.engine import KernelSession, execute_lesson
from offerkit.batch.handout import handout_html
from offerkit.batch.injection import readable_parameters
from offerkit.batch.jobs import (
    CellFailure,
    LessonSource,
    NotebookOutput,
    ParticipantJob,
    ParticipantResult,
    StallError,
)
from offerkit.batch.kernels import KernelFactory

__all__ = [
    "run_participant",
]

_RESET = """\
import os as _ok_os, matplotlib.pyplot as _ok_plt, ipywidgets as _ok_widgets
_ok_plt.close("all")
_ok_widgets.Widget.close_all()
_ok_os.chdir({cwd!r})
get_ipython().reset(new_session=True)
"""
MAX_ATTEMPTS = 2
RESET_TIMEOUT = 60  # the reset imports matplotlib and ipywidgets if nothing was preloaded
# nbformat is untyped: give its entry points a type once, here.
_reads: Callable[..., Any] = nbformat.reads
_writes: Callable[..., str] = nbformat.writes
Progress = Callable[[str, str, str], None]


def _first_line(source: str) -> str:
    lines = [line for line in source.splitlines() if line.strip()]
    return lines[0].strip()[:80] if lines else ""


def _reset(session: KernelSession, cwd: str, timeout: float) -> None:
    """A clean namespace in ``cwd`` before a lesson (see the module docstring)."""
    try:
        session.run_code(_RESET.format(cwd=cwd), max(timeout, RESET_TIMEOUT))
    except CellTimeoutError as exc:
        raise StallError(CellFailure("(kernel reset)", 0, "", "Stall", str(exc))) from None


def _preparer(lesson: LessonSource, job: ParticipantJob) -> Callable[[Any], Any]:
    """What the engine does to the parameterised notebook before running it: readable
    parameters ("Zoë", not "Zo\\xeb") and the paths to record."""

    def prepare(nb: Any) -> Any:
        readable_parameters(nb, job.parameters)
        nb.metadata.papermill["input_path"] = lesson.input_path
        nb.metadata.papermill["output_path"] = f"{job.slug}/{lesson.name}"
        return nb

    return prepare


def _check_stalls(nb: Any, lesson: str, timeout: float) -> None:
    """Raise :class:`StallError` for a cell that used (nearly) the whole timeout."""
    for index, cell in enumerate(nb.cells):
        duration = cell.get("metadata", {}).get("papermill", {}).get("duration")
        if isinstance(duration, int | float) and duration >= 0.95 * timeout:
            info = CellFailure(lesson, index, _first_line(cell.source), "Stall", "")
            raise StallError(info)


def _execute_lesson(
    session: KernelSession, lesson: LessonSource, job: ParticipantJob
) -> tuple[Any, CellFailure | None]:
    """Execute one lesson in ``session``: the notebook node and its failure."""
    source = _reads(lesson.text, as_version=4)
    try:
        nb = execute_lesson(
            session, source, job.parameters, prepare=_preparer(lesson, job), timeout=job.timeout
        )
    except CellTimeoutError as exc:
        # papermill marks the timed-out cell "completed": it is the last one that started
        cells = session.notebook.cells if session.notebook is not None else []
        started = [i for i, c in enumerate(cells) if c.metadata.papermill.get("start_time")]
        index = started[-1] if started else -1
        text = cells[index].source if index >= 0 else ""
        timed_out = CellFailure(lesson.name, index, _first_line(text), "Stall", str(exc))
        raise StallError(timed_out) from None
    except PapermillExecutionError as exc:
        # papermill added its red error banners to the notebook the engine ran
        failed = CellFailure(
            lesson.name, exc.cell_index, _first_line(exc.source), str(exc.ename), str(exc.evalue)
        )
        return session.notebook, failed
    _check_stalls(nb, lesson.name, job.timeout)
    return nb, None


def _output(lesson: LessonSource, nb: Any, started: float, html: bool) -> NotebookOutput:
    cell_seconds = sum(
        float(c.metadata.papermill.get("duration") or 0.0)
        for c in nb.cells
        if c.cell_type == "code"
    )
    page = None
    if html:
        page = handout_html(nb, lesson.name.removesuffix(".ipynb"))
    text = _writes(nb)
    return NotebookOutput(lesson.name, text, page, time.perf_counter() - started, cell_seconds)


def _attempt(
    factory: KernelFactory, job: ParticipantJob, progress: Progress
) -> tuple[list[NotebookOutput], CellFailure | None]:
    """Run every lesson of ``job`` in one fresh kernel; stop at the first failing lesson."""
    workdir = factory.folder / f"work-{job.slug}"
    workdir.mkdir(exist_ok=True)
    km = factory.take()
    outputs: list[NotebookOutput] = []
    try:
        with KernelSession(km, job.timeout) as session:
            for lesson in job.lessons:
                started = time.perf_counter()
                _reset(session, str(workdir), job.timeout)
                nb, failure = _execute_lesson(session, lesson, job)
                outputs.append(_output(lesson, nb, started, job.html))
                progress("lesson", job.slug, lesson.name)
                if failure is not None:
                    return outputs, failure
    finally:
        factory.discard(km)
        shutil.rmtree(workdir, ignore_errors=True)
    return outputs, None


def _no_progress(event: str, slug: str, detail: str) -> None:
    """The default progress callback: ignore events."""


def run_participant(
    job: ParticipantJob,
    factory: KernelFactory | None = None,
    progress: Progress | None = None,
) -> ParticipantResult:
    """Build one participant's workbooks; never raises for a failing or stalling lesson.

    ``factory`` supplies warm kernels (a private one, closed at the end, if None);
    ``progress(event, slug, detail)`` hears ``"start"``, ``"lesson"`` and ``"retry"``.
    """
    own = factory is None
    kernels = factory if factory is not None else KernelFactory(keep_spare=False)
    report = progress or _no_progress
    started = time.perf_counter()
    stalls: list[CellFailure] = []
    try:
        for attempt in range(1, MAX_ATTEMPTS + 1):
            report("start" if attempt == 1 else "retry", job.slug, str(len(job.lessons)))
            try:
                outputs, failure = _attempt(kernels, job, report)
            except StallError as exc:
                stalls.append(exc.failure)
                continue
            except (DeadKernelError, RuntimeError, OSError, TimeoutError) as exc:
                outputs, failure = [], CellFailure("", -1, "", type(exc).__name__, str(exc))
            return _result(job, outputs, failure, attempt, stalls, started)
        return _result(job, [], stalls[-1], MAX_ATTEMPTS, stalls, started)
    finally:
        if own:
            kernels.close()


def _result(
    job: ParticipantJob,
    outputs: list[NotebookOutput],
    failure: CellFailure | None,
    attempts: int,
    stalls: list[CellFailure],
    started: float,
) -> ParticipantResult:
    return ParticipantResult(
        slug=job.slug,
        status="ok" if failure is None else "failed",
        notebooks=tuple(outputs),
        failure=failure,
        attempts=attempts,
        stalls=len(stalls),
        seconds=time.perf_counter() - started,
        stall_notes=tuple(s.describe() for s in stalls),
        part=job.part,
    )
