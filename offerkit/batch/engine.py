"""A papermill engine that runs a participant's lessons through one kernel connection.

papermill's public entry point, :func:`papermill.execute_notebook`, does the pipeline a
build wants for each lesson — parameters injected, metadata recorded, error markers
added — and hands the execution itself to a named *engine* (papermill's engine API). Its
default engine starts a kernel client per notebook; :class:`SessionEngine` instead runs
the cells through a :class:`KernelSession`: one kernel and one connected
``PapermillNotebookClient`` kept for all of a participant's lessons (the kernel is reset
between lessons, and each participant gets a new kernel).

This is the one module that touches papermill's and nbclient's less public parts, and
why: ``PapermillNotebookClient`` (papermill's nbclient subclass that records each cell's
timing and marks failures, ``papermill.clientwrap``) is what papermill's own engine uses,
and driving it cell by cell through ``papermill_execute_cells`` is how an engine keeps the
same per-cell metadata. The versions are pinned in ``pyproject.toml`` (papermill, nbclient).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from queue import Empty
from typing import Any

import nbformat
import papermill
from jupyter_client.manager import KernelManager
from jupyter_core.utils import run_sync
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import Engine, NotebookExecutionManager, papermill_engines

__all__ = ["ENGINE", "KernelSession", "SessionEngine", "execute_lesson"]

ENGINE = "offerkit-session"
_LOG = logging.getLogger("offerkit.batch")
_new_notebook: Callable[..., Any] = nbformat.v4.new_notebook
_new_code_cell: Callable[..., Any] = nbformat.v4.new_code_cell


def _run(coroutine: Any) -> Any:
    """Run ``coroutine`` on the loop nbclient runs its clients on (jupyter_core's)."""

    async def wrapper() -> Any:
        return await coroutine

    return run_sync(wrapper)()


class KernelSession:
    """One kernel and one connected notebook client, for one participant's lessons.

    Use it as a context manager: it connects on entry and closes its channels on exit
    (the kernel itself belongs to whoever started it).
    """

    def __init__(self, km: KernelManager, timeout: float, startup_timeout: float = 60) -> None:
        self.km = km
        self.timeout = timeout
        self.startup_timeout = startup_timeout
        placeholder = _new_notebook()
        self.client = PapermillNotebookClient(
            NotebookExecutionManager(placeholder, progress_bar=False),
            km=km,
            timeout=timeout,
            startup_timeout=startup_timeout,
            kernel_name="python3",
            log=_LOG,
        )
        self.language_info: dict[str, Any] = {}
        self.notebook: Any = None  # the notebook being (or last) executed

    def __enter__(self) -> KernelSession:
        kc = self.km.client()
        kc.start_channels()
        kc.allow_stdin = False  # as nbclient's own set-up: a lesson cannot prompt
        try:
            self.language_info = _run(_ready(kc, self.startup_timeout))
        except BaseException:
            kc.stop_channels()
            raise
        self.client.kc = kc
        return self

    def __exit__(self, *exc: object) -> None:
        if self.client.kc is not None:
            self.client.kc.stop_channels()
            self.client.kc = None

    def run_code(self, code: str, timeout: float) -> None:
        """Run ``code`` outside any notebook and the execution history (a reset, say);
        raises nbclient's ``CellTimeoutError`` after ``timeout`` seconds."""
        nb = _new_notebook(cells=[_new_code_cell(code)])
        self._use(NotebookExecutionManager(nb, progress_bar=False), timeout)
        self.client.execute_cell(nb.cells[0], 0, store_history=False)

    def run(self, nb_man: NotebookExecutionManager, timeout: float) -> None:
        """Execute ``nb_man``'s notebook as papermill's nbclient engine would."""
        self._use(nb_man, timeout)
        self.notebook = nb_man.nb
        self.client.papermill_execute_cells()
        nb_man.nb.metadata["language_info"] = dict(self.language_info)
        self.client.set_widgets_metadata()

    def _use(self, nb_man: NotebookExecutionManager, timeout: float) -> None:
        self.client.nb_man = nb_man
        self.client.nb = nb_man.nb
        self.client.timeout = timeout
        self.client.reset_execution_trackers()


async def _ready(kc: Any, timeout: float) -> dict[str, Any]:
    """Wait until ``kc``'s kernel answers on both the shell and the IOPub channel; its
    ``language_info``.

    The same check as jupyter_client's ``wait_for_ready`` (a ``kernel_info`` reply, and
    proof that IOPub is subscribed), but the proof is the kernel's own IOPub status for one
    of those requests, so there is no fixed 0.2 s of silence to wait out per participant.
    A request whose status was published before IOPub had joined is simply asked again.
    """
    deadline = time.monotonic() + timeout
    asked: set[str] = set()
    info: dict[str, Any] | None = None
    while time.monotonic() < deadline:
        asked.add(kc.kernel_info())
        if info is None:
            try:
                reply = await kc.get_shell_msg(timeout=1)
            except Empty:
                continue
            if reply["parent_header"].get("msg_id") in asked:
                info = dict(reply["content"]["language_info"])
        until = time.monotonic() + 0.1
        while time.monotonic() < until:
            try:
                message = await kc.get_iopub_msg(timeout=0.05)
            except Empty:
                continue
            if info is not None and message["parent_header"].get("msg_id") in asked:
                return info
    raise RuntimeError(f"the kernel did not answer within {timeout:g} s")


class SessionEngine(Engine):  # type: ignore[misc]  # papermill is untyped
    """papermill's engine API: execute through the ``session=`` :class:`KernelSession`;
    ``prepare=`` (optional) edits the parameterised notebook first."""

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man: NotebookExecutionManager,
        kernel_name: str,
        *,
        session: KernelSession,
        prepare: Callable[[Any], Any] | None = None,
        execution_timeout: float | None = None,
        **kwargs: Any,
    ) -> None:
        if prepare is not None:
            prepare(nb_man.nb)
        session.run(nb_man, execution_timeout or session.timeout)


papermill_engines.register(ENGINE, SessionEngine)


def execute_lesson(
    session: KernelSession,
    nb: Any,
    parameters: Mapping[str, Any],
    *,
    prepare: Callable[[Any], Any] | None = None,
    timeout: float,
) -> Any:
    """``papermill.execute_notebook`` of ``nb`` in ``session``; the executed notebook.

    Raises papermill's ``PapermillExecutionError`` for a failing cell (the notebook, with
    papermill's error markers, is then ``session.notebook``) and nbclient's
    ``CellTimeoutError`` for a cell that reached ``timeout``.
    """
    return papermill.execute_notebook(
        nb,
        None,
        parameters=dict(parameters),
        engine_name=ENGINE,
        kernel_name="python3",
        progress_bar=False,
        session=session,
        prepare=prepare,
        execution_timeout=timeout,
    )
