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
from collections.abc import Callable, Mapping
from typing import Any

import nbformat
import papermill
from jupyter_client.manager import KernelManager
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import Engine, NotebookExecutionManager, papermill_engines

__all__ = ["ENGINE", "KernelSession", "SessionEngine", "execute_lesson"]

ENGINE = "offerkit-session"
_LOG = logging.getLogger("offerkit.batch")
_new_notebook: Callable[..., Any] = nbformat.v4.new_notebook
_new_code_cell: Callable[..., Any] = nbformat.v4.new_code_cell


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
        self._setup: Any = None

    def __enter__(self) -> KernelSession:
        self._setup = self.client.setup_kernel()
        self._setup.__enter__()
        reply = self.client.wait_for_reply(self.client.kc.kernel_info())
        self.language_info = dict(reply["content"]["language_info"])
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if self._setup is not None:
                self._setup.__exit__(None, None, None)
        finally:
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
