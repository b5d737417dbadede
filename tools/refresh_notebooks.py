"""Refresh the lesson notebooks' stored outputs (maintainers run this after editing a lesson).

    python tools/refresh_notebooks.py [notebooks/03-your-expected-salary.ipynb ...]

Each notebook is executed headless with its default parameters and a throwaway answers
file. Only the cells tagged ``nbval-check-output`` keep their outputs (nbval compares
them); every other cell is cleared, and widget state, timings and papermill metadata are
dropped, so the committed notebooks hold no personal data and no volatile ids.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
KEEP_CELL_METADATA = {"tags"}
KEEP_NB_METADATA = {"kernelspec", "language_info", "offerkit"}


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
    for index, cell in enumerate(nb.cells, start=1):
        cell.metadata = {k: v for k, v in cell.metadata.items() if k in KEEP_CELL_METADATA}
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                raise SystemExit(f"{path.name}: cell {index} raised {output['ename']}")
        if "nbval-check-output" not in cell.metadata.get("tags", []):
            cell.outputs = []
            cell.execution_count = None
    nb.metadata = {k: v for k, v in nb.metadata.items() if k in KEEP_NB_METADATA}
    nbformat.validate(nb)
    nbformat.write(nb, path)
    print(f"refreshed {path.relative_to(ROOT)}")


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    for path in paths:
        refresh(path.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
