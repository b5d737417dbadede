"""The injected parameters cell keeps non-ASCII text literal and the values unchanged."""

from __future__ import annotations

import ast

import nbformat
from batch_helpers import lesson_notebook
from hypothesis import given
from hypothesis import strategies as st
from papermill.iorw import load_notebook_node
from papermill.parameterize import parameterize_notebook

from offerkit.batch.injection import python_string, readable_parameters

PARAMETERS = {
    "learner_id": "zoe-m",
    "learner_name": "Zoë Müller & Söhne",
    "posted_range": "20-30K·15薪",
    "previous_pay": '年薪30万 "gross"',
    "high_demand_role": False,
}


def parameterized(parameters: dict[str, object]) -> nbformat.NotebookNode:
    """A fixture lesson as papermill parameterizes it (loaded the way the runner does)."""
    nb = load_notebook_node(nbformat.reads(nbformat.writes(lesson_notebook()), as_version=4))
    return parameterize_notebook(nb, dict(parameters), kernel_name="python3")


def injected_source(nb: nbformat.NotebookNode) -> str:
    [cell] = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    return str(cell.source)


def assigned(source: str) -> dict[str, object]:
    """The names the cell assigns and their values, read without running it."""
    tree = ast.parse(source)
    return {
        node.targets[0].id: ast.literal_eval(node.value)  # type: ignore[attr-defined]
        for node in tree.body
        if isinstance(node, ast.Assign)
    }


def test_papermill_alone_escapes_non_ascii() -> None:
    """Why the rewrite exists."""
    nb = parameterized(PARAMETERS)
    assert 'learner_name = "Zo\\xeb M\\xfcller & S\\xf6hne"' in injected_source(nb)


def test_injected_cell_reads_as_typed_and_means_the_same() -> None:
    escaped = parameterized(PARAMETERS)
    papermill_values = assigned(injected_source(escaped))
    nb = readable_parameters(escaped, PARAMETERS)
    source = injected_source(nb)
    assert 'learner_name = "Zoë Müller & Söhne"' in source
    assert 'posted_range = "20-30K·15薪"' in source
    assert 'previous_pay = "年薪30万 \\"gross\\""' in source
    assert source.startswith("# Parameters\n")
    assert papermill_values == assigned(source)
    assert PARAMETERS == assigned(source)


def test_the_workbook_file_keeps_the_characters() -> None:
    nb = parameterized(PARAMETERS)
    text = nbformat.writes(readable_parameters(nb, PARAMETERS))
    assert 'learner_name = \\"Zoë Müller & Söhne\\"' in text
    assert "\\u85aa" not in text and "\\\\u85aa" not in text


def test_a_notebook_without_an_injected_cell_is_unchanged() -> None:
    nb = lesson_notebook()
    before = nbformat.writes(nb)
    assert before == nbformat.writes(readable_parameters(nb, PARAMETERS))


def test_nested_values_are_readable_too() -> None:
    nb = parameterized({"areas": ["Zoë", {"k": "薪"}]})
    source = injected_source(readable_parameters(nb, {"areas": ["Zoë", {"k": "薪"}]}))
    assert 'areas = ["Zoë", {"k": "薪"}]' in source


def test_unprintable_characters_are_escaped() -> None:
    assert '"a\\nb\\tc\\u200bd\\x00e\\u2028"' == python_string("a\nb\tc\u200bd\x00e\u2028")
    assert '"back\\\\slash \\"quoted\\""' == python_string('back\\slash "quoted"')


@given(st.text())
def test_every_string_round_trips(text: str) -> None:
    literal = python_string(text)
    assert text == ast.literal_eval(literal)
    assert [] == [c for c in text if c.isprintable() and c not in '\\"' and c not in literal]
