"""Refresh the lesson notebooks' stored outputs (maintainers run this after editing a lesson).

    python tools/refresh_notebooks.py [notebooks/03-your-expected-salary.ipynb ...]
    python tools/refresh_notebooks.py --check [NOTEBOOK ...]

Each notebook is executed headless with its default parameters and a throwaway answers
file. Only the cells tagged ``nbval-check-output`` keep their outputs (nbval compares
them); every other cell is cleared, and widget state, timings and papermill metadata are
dropped, so the committed notebooks hold no personal data and no volatile ids.

``--check`` executes nothing and writes nothing: it names each notebook that is not in that
committed form (and why) and exits 1, so the pre-commit hook ``notebooks-committed-form``
stops a notebook saved from JupyterLab with its outputs. Without paths it checks the lessons
and the instructor notebooks.
"""

from __future__ import annotations

import copy
import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
KEEP_CELL_METADATA = {"tags"}
KEEP_NB_METADATA = {"kernelspec", "language_info", "offerkit"}
PINNED_TAG = "nbval-check-output"


def committed_form(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` with only tags in the cells' metadata, outputs and execution counts
    only in pinned cells, and only the kit's keys in the notebook's metadata."""
    clean = copy.deepcopy(nb)
    for cell in clean.cells:
        cell.metadata = {k: v for k, v in cell.metadata.items() if k in KEEP_CELL_METADATA}
        if cell.cell_type == "code" and PINNED_TAG not in cell.metadata.get("tags", []):
            cell.outputs = []
            cell.execution_count = None
    clean.metadata = {k: v for k, v in clean.metadata.items() if k in KEEP_NB_METADATA}
    return clean


def _error_cells(nb: nbformat.NotebookNode) -> list[str]:
    return [
        f"cell {index} raised {output['ename']}"
        for index, cell in enumerate(nb.cells, start=1)
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]


def form_problems(path: Path) -> list[str]:
    """Why the file at ``path`` is not in its committed form (empty when it is)."""
    text = path.read_text(encoding="utf-8")
    nb = nbformat.reads(text, as_version=4)
    problems = _error_cells(nb)
    for index, cell in enumerate(nb.cells, start=1):
        extra = sorted(set(cell.metadata) - KEEP_CELL_METADATA)
        if extra:
            problems.append(f"cell {index} has metadata {', '.join(extra)}")
        unpinned = cell.cell_type == "code" and PINNED_TAG not in cell.metadata.get("tags", [])
        if unpinned and (cell.get("outputs") or cell.get("execution_count") is not None):
            problems.append(f"cell {index} has outputs or an execution count")
    extra = sorted(set(nb.metadata) - KEEP_NB_METADATA)
    if extra:
        problems.append(f"notebook metadata {', '.join(extra)}")
    if not problems and _written(committed_form(nb)) != text:
        problems.append("not in nbformat's layout (indentation, key order or final newline)")
    return problems


def _written(nb: nbformat.NotebookNode) -> str:
    """The text ``nbformat.write`` puts in a file (it ends the file with a newline)."""
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def refresh(path: Path) -> None:
    """Execute ``path`` headless and keep only the pinned outputs."""
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["OFFERKIT_HEADLESS"] = "1"
        os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
        client = NotebookClient(
            nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": scratch}}
        )
        client.execute()
    errors = _error_cells(nb)
    if errors:
        raise SystemExit(f"{path.name}: {errors[0]}")
    nb = committed_form(nb)
    nbformat.validate(nb)
    nbformat.write(nb, path)
    print(f"refreshed {_shown(path)}")


def check(paths: list[Path]) -> int:
    """Print each notebook not in its committed form; 1 if there is one, else 0."""
    status = 0
    for path in paths:
        problems = form_problems(path)
        if problems:
            status = 1
            print(f"{_shown(path)}: {'; '.join(problems)}")
    if status:
        print("run `python tools/refresh_notebooks.py NOTEBOOK` (it re-executes and strips it)")
    else:
        print(f"{len(paths)} notebooks in their committed form")
    return status


def _lessons() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def main(argv: list[str]) -> int:
    checking = "--check" in argv
    paths = [Path(a).resolve() for a in argv if a != "--check"]
    if checking:
        return check(paths or [*_lessons(), *sorted((ROOT / "instructor").glob("*.ipynb"))])
    for path in paths or _lessons():
        refresh(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
