"""The audience filter shared by ``offerkit release`` and ``offerkit build``."""

from __future__ import annotations

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from offerkit.errors import InvalidInputError
from offerkit.learner.audience import audience_notebook


def source() -> dict[str, object]:
    cells = [
        new_markdown_cell("intro"),
        new_code_cell("answer = 42", metadata={"tags": ["solution"]}),
        new_markdown_cell("say this", metadata={"tags": ["instructor", "x"]}),
        new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
    ]
    meta = {"offerkit": {"lesson": "01", "roleplay": "r", "discussion": ["d"]}}
    return dict(new_notebook(cells=cells, metadata=meta))


def test_learners_get_no_instructor_or_solution_cells_nor_instructor_keys() -> None:
    notebook = source()
    learners = audience_notebook(notebook, "learners")
    assert ["intro", "x = 1"] == [c["source"] for c in learners["cells"]]
    assert {"lesson": "01"} == learners["metadata"]["offerkit"]
    assert 4 == len(notebook["cells"])  # type: ignore[arg-type]
    assert "roleplay" in notebook["metadata"]["offerkit"]  # type: ignore[index]


def test_instructors_get_everything_and_unknown_audiences_are_refused() -> None:
    notebook = source()
    assert notebook == audience_notebook(notebook, "instructors")
    with pytest.raises(InvalidInputError, match="'learners' or 'instructors'"):
        audience_notebook(source(), "students")
