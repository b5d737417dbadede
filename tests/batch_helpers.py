"""Fixture notebooks and rosters for the ``tests/test_batch_*.py`` modules.

Tiny lesson notebooks are built in code with ``nbformat.v4``: a ``parameters`` cell in the
schema's style and a cell printing the parameters, plus whatever a test adds.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path

import nbformat
import psutil
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from offerkit.learner.params import parameters_cell_source

KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}
PRINT_PARAMS = "print(f'{learner_name} | {currency} | {previous_pay} | {posted_range}')"


def lesson_notebook(*extra: str) -> nbformat.NotebookNode:
    """A lesson: a title, the parameters cell, a cell printing them, then ``extra`` cells."""
    parameters = new_code_cell(parameters_cell_source())
    parameters.metadata["tags"] = ["parameters"]
    cells = [new_markdown_cell("# A fixture lesson"), parameters, new_code_cell(PRINT_PARAMS)]
    cells += [new_code_cell(source) for source in extra]
    return new_notebook(cells=cells, metadata={"kernelspec": KERNELSPEC})


def write_lessons(folder: Path, lessons: Mapping[str, Sequence[str]]) -> Path:
    """Write ``{"01-name": [extra cells]}`` as lesson notebooks in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for stem, extra in lessons.items():
        nbformat.write(lesson_notebook(*extra), folder / f"{stem}.ipynb")
    return folder


PEOPLE = [
    {
        "learner_id": "ada",
        "learner_name": "Ada <b>Lovelace</b>",
        "currency": "CNY",
        "previous_pay": "23456 x 14",
        "posted_range": "31-41K·15薪",
    },
    {
        "learner_id": "zoe",
        "learner_name": "Zoë Müller & Söhne",
        "currency": "EUR",
        "previous_pay": "67890",
        "posted_range": "71k-83k",
    },
    {
        "learner_id": "bao",
        "learner_name": "Bao Trần",
        "currency": "USD",
        "previous_pay": "",
        "posted_range": "97k-113k",
    },
]


def write_roster(path: Path, rows: Sequence[Mapping[str, str]] = PEOPLE) -> Path:
    """Write ``rows`` as a UTF-8 CSV roster (columns: the union of the rows' keys)."""
    columns = list(dict.fromkeys(key for row in rows for key in row))
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def running_kernels(processes: Sequence[psutil.Process]) -> list[psutil.Process]:
    """Those of ``processes`` that are kernels: started by jupyter_client
    (``ipykernel_launcher``) or forked from a kernel fork server, whose command line they
    keep (the server itself is not a kernel)."""
    kernels = []
    for process in processes:
        try:
            command = " ".join(process.cmdline())
            parent = process.parent()
            forked = parent is not None and "offerkit.batch.forkserver" in " ".join(
                parent.cmdline()
            )
        except psutil.Error:
            continue
        if "ipykernel_launcher" in command or forked:
            kernels.append(process)
    return kernels
