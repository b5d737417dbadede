"""The papermill engine: lessons run through papermill's public ``execute_notebook``, in one
kernel connection per participant. Tests that start real kernels are marked slow."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import nbformat
import pytest
from nbclient.exceptions import CellTimeoutError
from papermill.engines import papermill_engines
from papermill.exceptions import PapermillExecutionError

from offerkit.batch.engine import ENGINE, KernelSession, SessionEngine, execute_lesson
from offerkit.batch.kernels import KernelFactory


def lesson(*sources: str) -> Any:
    """A notebook whose first cell is tagged ``parameters``."""
    cells = [nbformat.v4.new_code_cell("name = 'nobody'", metadata={"tags": ["parameters"]})]
    cells += [nbformat.v4.new_code_cell(source) for source in sources]
    return nbformat.v4.new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}
        },
    )


def printed(nb: Any, index: int) -> str:
    return "".join(o.get("text", "") for o in nb.cells[index].outputs)


@pytest.fixture(scope="module")
def session() -> Iterator[KernelSession]:
    factory = KernelFactory(keep_spare=False)
    km = factory.take()
    try:
        with KernelSession(km, timeout=20) as connected:
            yield connected
    finally:
        factory.discard(km)
        factory.close()


def test_the_engine_is_registered_with_papermill() -> None:
    assert papermill_engines.get_engine(ENGINE) is SessionEngine


@pytest.mark.slow
def test_a_lesson_runs_with_papermill_parameters_timings_and_language(
    session: KernelSession,
) -> None:
    seen: list[str] = []

    def prepare(nb: Any) -> None:
        seen.append(nb.cells[1].source)  # papermill injected its cell before preparing

    source = lesson("print('hello', name)")
    nb = execute_lesson(session, source, {"name": "Zoë"}, prepare=prepare, timeout=20)
    assert ["injected-parameters"] == nb.cells[1].metadata.tags
    assert seen and seen[0].startswith("# Parameters\nname = ")
    assert "hello Zoë\n" == printed(nb, 2)
    assert all(isinstance(c.metadata.papermill["duration"], float) for c in nb.cells)
    assert "python" == nb.metadata.language_info["name"]
    assert {"name": "Zoë"} == nb.metadata.papermill["parameters"]


@pytest.mark.slow
def test_lessons_share_the_connection_and_a_reset_clears_the_namespace(
    session: KernelSession,
) -> None:
    client = session.client.kc
    execute_lesson(session, lesson("left = 'behind'"), {}, timeout=20)
    session.run_code("get_ipython().reset(new_session=True)", timeout=20)
    nb = execute_lesson(session, lesson("print(globals().get('left', 'clean'))"), {}, timeout=20)
    assert "clean\n" == printed(nb, 1)
    assert client is session.client.kc  # no new connection per lesson


@pytest.mark.slow
def test_a_failing_cell_raises_and_leaves_papermills_markers(session: KernelSession) -> None:
    with pytest.raises(PapermillExecutionError) as raised:
        source = lesson("raise ValueError('boom')", "print('never')")
        execute_lesson(session, source, {}, timeout=20)
    assert ("ValueError", "boom") == (raised.value.ename, raised.value.evalue)
    nb = session.notebook
    tags = [tag for cell in nb.cells for tag in cell.metadata.get("tags", [])]
    assert "papermill-error-cell-tag" in tags  # papermill's red banner, as in any run
    assert [] == nb.cells[-1].outputs  # the cell after the failure did not run


@pytest.mark.slow
def test_a_cell_that_reaches_the_timeout_raises(session: KernelSession) -> None:
    with pytest.raises(CellTimeoutError):
        execute_lesson(session, lesson("import time; time.sleep(30)"), {}, timeout=1)
