"""Tests for offerkit.rules.lessons: lesson metadata, lesson order and every real lesson."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbformat import v4

from offerkit.errors import DataFileError, LessonMetadataError
from offerkit.learner.params import PARAMETERS, parameters_cell_source
from offerkit.rules.lessons import Lesson, lesson_metadata, lesson_notebooks, notebooks_dir

META: dict[str, Any] = {
    "lesson": "07",
    "title": "  A test lesson ",
    "questions": ["What is tested?"],
    "objectives": ["Test the metadata."],
    "keypoints": ["Metadata is checked."],
    "teaching": 10,
    "exercises": 15,
}
NAME = "07-a-test-lesson.ipynb"


def _notebook(meta: dict[str, Any] | None) -> Any:
    notebook = v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    if meta is not None:
        notebook.metadata["offerkit"] = meta
    notebook.cells = [v4.new_markdown_cell("# A test lesson")]
    return notebook


def _write(folder: Path, meta: dict[str, Any] | None, name: str = NAME) -> Path:
    path = folder / name
    nbformat.write(_notebook(meta), path)
    return path


def _error(path: Path) -> LessonMetadataError:
    with pytest.raises(LessonMetadataError) as caught:
        lesson_metadata(path)
    return caught.value


# ---------------------------------------------------------------- lesson_metadata


def test_valid_metadata(tmp_path: Path) -> None:
    path = _write(tmp_path, META)
    expected = Lesson(
        "07",
        path,
        "A test lesson",
        ("What is tested?",),
        ("Test the metadata.",),
        ("Metadata is checked.",),
        10,
        15,
    )
    lesson = lesson_metadata(path)
    assert (expected, 25) == (lesson, lesson.minutes)


def test_optional_fields_are_read(tmp_path: Path) -> None:
    meta = {**META, "discussion": ["Why?"], "roleplay": "HR and you", "beyond_lesson": ["BATNA"]}
    lesson = lesson_metadata(_write(tmp_path, meta))
    assert (("Why?",), "HR and you", ("BATNA",)) == (
        lesson.discussion,
        lesson.roleplay,
        lesson.beyond_lesson,
    )


def test_a_notebook_already_in_memory_is_not_reread(tmp_path: Path) -> None:
    path = tmp_path / NAME  # never written
    assert "07" == lesson_metadata(path, json.loads(nbformat.writes(_notebook(META)))).id


def _without(name: str) -> dict[str, Any]:
    return {k: v for k, v in META.items() if k != name}


@pytest.mark.parametrize(
    ("meta", "field", "words"),
    [
        (None, "offerkit", "metadata.offerkit is missing"),
        ("not a dict", "offerkit", "metadata.offerkit is missing"),
        ({**META, "lesson": "03"}, "lesson", "must be '07' (got '03')"),
        ({**META, "lesson": 7}, "lesson", "must be '07' (got 7)"),
        (_without("lesson"), "lesson", "must be '07' (got None)"),
        (_without("title"), "title", "title must be a text (got None)"),
        ({**META, "title": "  "}, "title", "title must be a text"),
        ({**META, "teaching": "ten"}, "teaching", "whole minutes, 0–240 (got 'ten')"),
        ({**META, "teaching": 10.5}, "teaching", "whole minutes"),
        ({**META, "exercises": True}, "exercises", "whole minutes"),
        ({**META, "exercises": -1}, "exercises", "whole minutes"),
        ({**META, "exercises": 241}, "exercises", "whole minutes"),
        (_without("exercises"), "exercises", "whole minutes"),
        ({**META, "objectives": []}, "objectives", "non-empty list of texts (got [])"),
        ({**META, "objectives": "Test"}, "objectives", "non-empty list of texts"),
        ({**META, "questions": ["ok", " "]}, "questions", "non-empty list of texts"),
        (_without("keypoints"), "keypoints", "non-empty list of texts (got None)"),
        ({**META, "discussion": []}, "discussion", "non-empty list of texts"),
        ({**META, "beyond_lesson": [1]}, "beyond_lesson", "non-empty list of texts"),
        ({**META, "roleplay": ["x"]}, "roleplay", "roleplay must be a text"),
    ],
)
def test_malformed_metadata_names_the_notebook_and_the_field(
    tmp_path: Path, meta: Any, field: str, words: str
) -> None:
    path = tmp_path / NAME
    path.write_text(
        json.dumps({"cells": [], "metadata": {} if meta is None else {"offerkit": meta}}),
        encoding="utf-8",
    )
    error = _error(path)
    assert (str(path), field) == (error.path, error.column)
    assert (True, True) == (str(error).startswith(str(path)), words in str(error))


@pytest.mark.parametrize(
    "name", ["7-short.ipynb", "07_underscore.ipynb", "07-Capitals.ipynb", "07-has space.ipynb"]
)
def test_badly_named_notebooks_are_refused(tmp_path: Path, name: str) -> None:
    error = _error(_write(tmp_path, META, name))
    assert (str(tmp_path / name), True) == (error.path, "NN-kebab-title.ipynb" in str(error))


@pytest.mark.parametrize("content", [b"{not json", b"", b"\xff\xfe"])
def test_a_notebook_that_is_not_json_is_named(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / NAME
    path.write_bytes(content)
    error = _error(path)
    assert (str(path), True) == (error.path, "is not a readable notebook" in str(error))


def test_metadata_errors_are_data_file_errors() -> None:
    assert issubclass(LessonMetadataError, DataFileError)


# ---------------------------------------------------------------- lesson_notebooks


def test_lesson_notebooks_are_in_lesson_order_and_skip_other_files(tmp_path: Path) -> None:
    for name in ["10-ten.ipynb", "02-two.ipynb", "00-start.ipynb", "Untitled.ipynb"]:
        _write(tmp_path, None, name)
    (tmp_path / "01-notes.md").write_text("not a notebook", encoding="utf-8")
    assert ["00-start.ipynb", "02-two.ipynb", "10-ten.ipynb"] == [
        p.name for p in lesson_notebooks(tmp_path)
    ]


def test_notebooks_dir_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OFFERKIT_NOTEBOOKS", str(tmp_path))
    _write(tmp_path, META)
    assert (tmp_path, (tmp_path / NAME,)) == (notebooks_dir(), lesson_notebooks())


def test_notebooks_dir_defaults_to_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OFFERKIT_NOTEBOOKS", raising=False)
    assert Path(__file__).resolve().parent.parent / "notebooks" == notebooks_dir()


# ---------------------------------------------------------------- the real notebooks

REAL = lesson_notebooks(Path(__file__).resolve().parent.parent / "notebooks")
PINNED = "nbval-check-output"


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_there_are_lesson_notebooks_and_no_strays() -> None:
    every = sorted(p.name for p in REAL[0].parent.glob("*.ipynb")) if REAL else []
    assert (True, every) == (len(REAL) > 0, [p.name for p in REAL])


def test_lesson_numbers_are_unique() -> None:
    ids = [p.name[:2] for p in REAL]
    assert sorted(set(ids)) == ids


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_notebook_metadata_is_valid(path: Path) -> None:
    lesson = lesson_metadata(path)
    assert (path.name[:2], True) == (lesson.id, lesson.minutes > 0)


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_notebook_is_valid_nbformat_with_a_kernelspec(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert "python3" == notebook.metadata.get("kernelspec", {}).get("name")


def _parameters(cell_source: str) -> list[tuple[str, str, object]]:
    tree = ast.parse(cell_source)
    found = []
    for node in tree.body:
        assert isinstance(node, ast.AnnAssign), ast.dump(node)  # literals only, one a line
        assert isinstance(node.target, ast.Name) and isinstance(node.annotation, ast.Name)
        assert node.value is not None
        found.append((node.target.id, node.annotation.id, ast.literal_eval(node.value)))
    return found


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_notebook_has_one_parameters_cell_near_the_top(path: Path) -> None:
    cells = _load(path)["cells"]
    tagged = [i for i, c in enumerate(cells) if "parameters" in c["metadata"].get("tags", [])]
    assert 1 == len(tagged)
    assert tagged[0] <= 2
    cell = cells[tagged[0]]
    source = "".join(cell["source"])
    assert ("code", [(p.name, p.kind, p.default) for p in PARAMETERS]) == (
        cell["cell_type"],
        _parameters(source),
    )
    assert parameters_cell_source() == source


def _outputs(path: Path) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(cell, out) for cell in _load(path)["cells"] for out in cell.get("outputs", [])]


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_notebook_has_no_error_outputs(path: Path) -> None:
    assert [] == [
        out.get("ename") for _cell, out in _outputs(path) if out["output_type"] == "error"
    ]


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_notebook_stores_no_widget_model_ids(path: Path) -> None:
    assert [] == [
        json.dumps(out)[:80] for _cell, out in _outputs(path) if "model_id" in json.dumps(out)
    ]
    assert "widgets" not in _load(path)["metadata"]  # no saved widget state either


def _text(out: dict[str, Any]) -> str:
    parts = [out.get("text", ""), *out.get("data", {}).values()]
    return json.dumps(parts)


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_pinned_outputs_hold_no_memory_addresses(path: Path) -> None:
    pinned = [
        _text(out)
        for cell, out in _outputs(path)
        if PINNED in cell.get("metadata", {}).get("tags", [])
    ]
    assert [] == [text[:80] for text in pinned if re.search(r"0x[0-9a-fA-F]{4,}", text)]


def test_the_checks_catch_a_bad_notebook(tmp_path: Path) -> None:
    """The real-notebook checks above fail on a notebook that breaks each rule."""
    notebook = _notebook(dict(META))
    widget = {"application/vnd.jupyter.widget-view+json": {"model_id": "abc", "version_major": 2}}
    notebook.cells = [
        v4.new_code_cell(
            "x = 1",
            metadata={"tags": [PINNED]},
            outputs=[v4.new_output("stream", text="<0xdeadbeef>")],
        ),
        v4.new_code_cell("w", outputs=[v4.new_output("display_data", data=widget)]),
        v4.new_code_cell("1/0", outputs=[v4.new_output("error", ename="ZeroDivisionError")]),
    ]
    path = tmp_path / NAME
    nbformat.write(notebook, path)
    for check in (
        test_pinned_outputs_hold_no_memory_addresses,
        test_real_notebook_stores_no_widget_model_ids,
        test_real_notebook_has_no_error_outputs,
        test_real_notebook_has_one_parameters_cell_near_the_top,
    ):
        with pytest.raises(AssertionError):
            check(path)


# ---------------------------------------------------------------- what the lesson says

_MIDDLE = re.compile(r"(land|lands|landing)\b[^.;\n]{0,40}(middle|landing zone)", re.I)
_LABEL = re.compile(r"rule of thumb", re.I)


def _teaching_texts(path: Path) -> list[tuple[str, str]]:
    """(where, text) for every markdown paragraph and metadata line of a lesson."""
    nb = nbformat.read(path, as_version=4)
    texts = [
        (f"{path.name} cell {i}", paragraph)
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "markdown"
        for paragraph in re.split(r"\n\s*\n|\n- ", cell.source)
    ]
    meta = nb.metadata.get("offerkit", {})
    for key in ("keypoints", "objectives", "questions"):
        texts += [(f"{path.name} metadata {key}", str(item)) for item in meta.get(key, [])]
    return texts


def _quiz_texts() -> list[tuple[str, str]]:
    from offerkit.rules.catalogue import data_dir, load_catalogue

    return [
        (f"{quiz.stem} {row['id']}", f"{row['question']} {row['explanations']}")
        for quiz in sorted(data_dir().glob("quiz-*.csv"))
        for row in load_catalogue(quiz.stem)
    ]


def test_offers_land_around_the_middle_is_labelled_the_kits_rule_of_thumb() -> None:
    texts = [t for path in REAL for t in _teaching_texts(path)] + _quiz_texts()
    teaching = [(where, text) for where, text in texts if _MIDDLE.search(text)]
    unlabelled = [where for where, text in teaching if not _LABEL.search(text)]
    assert (True, []) == (len(teaching) > 0, unlabelled)


def test_a_lesson_teaching_the_middle_says_so_in_beyond_lesson() -> None:
    for path in REAL:
        if any(_MIDDLE.search(text) for _where, text in _teaching_texts(path)):
            beyond = " ".join(lesson_metadata(path).beyond_lesson)
            assert (path.name, True) == (path.name, "rule of thumb" in beyond)


_FIGURE = re.compile(r"\d+\s*(?:%|–\s*\d+\s*%)")
_SURVEY = re.compile(r"survey|job (?:movers|changers|switchers)|raises? of", re.I)


def test_quoted_market_figures_name_their_source() -> None:
    """A survey-style figure in prose or instructor notes names where it comes from."""
    sentences = [
        (where, sentence)
        for path in REAL
        for where, text in _teaching_texts(path)
        for sentence in re.split(r"(?<=[.!?])\s+", text)
    ]
    quoted = [(w, t) for w, t in sentences if _SURVEY.search(t) and _FIGURE.search(t)]
    unsourced = [
        w for w, t in quoted if not any(map(_names_a_source, re.findall(r"\(([^)]*)\)", t)))
    ]
    assert (True, []) == (len(quoted) > 0, unsourced)


_PLACES = {"China", "US", "USA", "UK", "Europe", "EU", "Japan", "India"}


def _names_a_source(bracket: str) -> bool:
    """True when a parenthesis names more than a place and years (``(China, 2013–2016)``)."""
    words = re.findall(r"[A-Z][A-Za-z&]+", bracket)
    return any(word not in _PLACES for word in words)


def test_catalogue_rows_from_the_lesson_are_what_it_says() -> None:
    from offerkit.rules.catalogue import load_catalogue

    areas = {str(r["id"]) for r in load_catalogue("goal_areas") if r["source"] == "lesson"}
    asked = {str(r["area"]) for r in load_catalogue("question_bank") if r["source"] == "lesson"}
    # the lesson names a harmonious team, more project experience and a higher salary
    assert ({"team_atmosphere", "project_experience", "salary"}, True) == (areas, asked <= areas)
    doubts = [r for r in load_catalogue("doubts_checklist") if r["source"] == "lesson"]
    assert [] == [r["id"] for r in doubts if _FIGURE.search(f"{r['question']} {r['why']}")]
