"""Reading lesson notebooks as plain JSON: cells by tag, sources, checked metadata."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_instructor_guide import lesson_meta

from offerkit.errors import LessonMetadataError
from offerkit.instructor.notebooks import (
    INSTRUCTOR_TAG,
    SOLUTION_TAG,
    LessonNotebook,
    cell_source,
    cell_tags,
    read_lessons,
)
from offerkit.rules.lessons import lesson_notebooks


def cell(source: Any, tags: Any = None) -> dict[str, Any]:
    metadata = {} if tags is None else {"tags": tags}
    return {"cell_type": "markdown", "metadata": metadata, "source": source}


def write_notebook(folder: Path, name: str, data: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def notebook(lesson: str, *cells: dict[str, Any]) -> dict[str, Any]:
    return {"cells": list(cells), "metadata": {"offerkit": lesson_meta(lesson)}, "nbformat": 4}


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (cell("x", ["instructor", "solution"]), ("instructor", "solution")),
        (cell("x", [7]), ("7",)),
        (cell("x", "instructor"), ()),  # a text, not a list of tags
        (cell("x"), ()),
        ({"source": "x"}, ()),  # no metadata at all
    ],
)
def test_cell_tags(given: dict[str, Any], expected: tuple[str, ...]) -> None:
    assert expected == cell_tags(given)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (cell(["# Title\n", "\n", "Text."]), "# Title\n\nText."),
        (cell("one text"), "one text"),
        (cell([]), ""),
        ({"metadata": {}}, ""),
    ],
)
def test_cell_source_joins_lists_of_lines(given: dict[str, Any], expected: str) -> None:
    assert expected == cell_source(given)


def test_sources_by_tag_in_notebook_order(tmp_path: Path) -> None:
    data = notebook(
        "01",
        cell("first note", [INSTRUCTOR_TAG]),
        cell("plain"),
        cell(["worked ", "answer"], [SOLUTION_TAG]),
        cell("second note", ["x", INSTRUCTOR_TAG]),
    )
    (item,) = read_lessons(paths=[write_notebook(tmp_path, "01-one.ipynb", data)])
    assert ("first note", "second note") == item.sources(INSTRUCTOR_TAG)
    assert ("worked answer",) == item.sources(SOLUTION_TAG)
    assert () == item.sources("unused")


def test_sources_of_a_notebook_without_cells() -> None:
    item = LessonNotebook(read_lessons()[0].lesson, {"metadata": {}})
    assert () == item.sources(INSTRUCTOR_TAG)


def test_folder_is_read_in_lesson_order_skipping_other_notebooks(tmp_path: Path) -> None:
    write_notebook(tmp_path, "02-two.ipynb", notebook("02", cell("b")))
    write_notebook(tmp_path, "01-one.ipynb", notebook("01", cell("a")))
    write_notebook(tmp_path, "Untitled.ipynb", {"cells": "not a lesson, not read"})
    lessons = read_lessons(tmp_path)
    assert [("01", "01-one.ipynb"), ("02", "02-two.ipynb")] == [
        (item.lesson.id, item.lesson.path.name) for item in lessons
    ]
    assert ["a"] == [cell_source(c) for c in lessons[0].notebook["cells"]]


def test_the_real_lessons_are_read_with_their_metadata() -> None:
    lessons = read_lessons()
    assert [path.name for path in lesson_notebooks()] == [i.lesson.path.name for i in lessons]
    assert [i.lesson.path.name[:2] for i in lessons] == [i.lesson.id for i in lessons]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not a readable notebook"),
        ("{}".encode("utf-16"), "not a readable notebook"),
        (b"[]", "expected a notebook with a list of cells"),
        (b'{"worksheets": [{"cells": []}]}', "expected a notebook with a list of cells"),
        (b'{"cells": {}}', "expected a notebook with a list of cells"),
    ],
    ids=["json", "utf-16", "list", "nbformat-3", "cells-mapping"],
)
def test_unreadable_notebook_is_named(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "01-one.ipynb"
    path.write_bytes(content)
    with pytest.raises(LessonMetadataError, match=message) as caught:
        read_lessons(tmp_path)
    assert str(path) == caught.value.path
    assert str(caught.value).startswith(f"{path}: ")


def test_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "01-gone.ipynb"
    with pytest.raises(LessonMetadataError, match="not a readable notebook") as caught:
        read_lessons(paths=[path])
    assert str(path) == caught.value.path


def test_first_malformed_lesson_stops_the_reading(tmp_path: Path) -> None:
    write_notebook(tmp_path, "01-one.ipynb", notebook("01"))
    bad = write_notebook(tmp_path, "02-two.ipynb", {"cells": [], "metadata": {}})
    with pytest.raises(LessonMetadataError) as caught:
        read_lessons(tmp_path)
    assert (str(bad), "offerkit") == (caught.value.path, caught.value.column)


def test_no_lesson_at_all_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(LessonMetadataError, match="no lesson notebooks") as caught:
        read_lessons(tmp_path)
    assert str(tmp_path) == caught.value.path
    with pytest.raises(LessonMetadataError, match="no lesson notebooks"):
        read_lessons(paths=[])
