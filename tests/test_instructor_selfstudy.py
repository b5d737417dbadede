"""Tests for offerkit.instructor.selfstudy: ``offerkit init`` copies the learner build of the
lessons into a folder and never overwrites what a learner made or edited."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from offerkit.errors import BuildError
from offerkit.instructor.notebooks import cell_tags, read_lessons
from offerkit.instructor.selfstudy import (
    RECORD,
    VOILA_TEMPLATE_DIR,
    init_course,
    voila_template_files,
)

LESSONS = sorted(item.lesson.path.name for item in read_lessons())
TEMPLATE = sorted(voila_template_files())  # paths in the course folder
HIDDEN = {"instructor", "solution"}


def _tags(path: Path) -> set[str]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return {tag for cell in notebook["cells"] for tag in cell_tags(cell)}


def test_every_lesson_is_copied_as_the_learner_build(tmp_path: Path) -> None:
    course = tmp_path / "course"
    copy = init_course(course)
    names = sorted(str(p.relative_to(course)) for p in copy.written)
    record = json.loads((course / RECORD).read_text(encoding="utf-8"))
    assert (sorted(LESSONS + TEMPLATE), sorted(LESSONS + TEMPLATE), [], []) == (
        names,
        sorted(record["files"]),
        [p.name for p in copy.written if p.suffix == ".ipynb" and _tags(p) & HIDDEN],
        list(copy.kept),
    )


def test_the_voila_template_is_voilas_lab_template_without_the_cdn(tmp_path: Path) -> None:
    init_course(tmp_path)
    folder = tmp_path / VOILA_TEMPLATE_DIR
    template = (folder / "index.html.j2").read_text(encoding="utf-8")
    assert (
        ["conf.json", "index.html.j2"],
        {"base_template": "lab"},
        True,
        2,
    ) == (
        sorted(p.name for p in folder.iterdir()),
        json.loads((folder / "conf.json").read_text(encoding="utf-8")),
        template.splitlines()[5] == "{%- extends 'lab/index.html.j2' -%}",
        template.count('| replace(\'<link rel="stylesheet" href="https://cdn.jsdelivr.net/'),
    )


def test_the_sources_do_have_hidden_cells() -> None:
    """So the test above could fail: the instructor copies hold notes and solutions."""
    assert HIDDEN <= {tag for item in read_lessons() for tag in _tags(item.lesson.path)}


def test_a_second_run_writes_nothing(tmp_path: Path) -> None:
    init_course(tmp_path)
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    again = init_course(tmp_path)
    after = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    assert ((), sorted(LESSONS + TEMPLATE), (), before) == (
        again.written,
        sorted(str(p.relative_to(tmp_path)) for p in again.current),
        again.kept,
        after,
    )


def _changed_lessons(tmp_path: Path) -> Path:
    """A copy of the lessons in which lesson 00 gained a cell (a newer offerkit)."""
    lessons = tmp_path / "newer"
    shutil.copytree(read_lessons()[0].lesson.path.parent, lessons)
    path = lessons / LESSONS[0]
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook["cells"].append(
        {"cell_type": "markdown", "id": "new-cell", "metadata": {}, "source": "New text."}
    )
    path.write_text(json.dumps(notebook), encoding="utf-8")
    return lessons


def test_an_unchanged_lesson_is_refreshed_an_edited_one_left_alone(tmp_path: Path) -> None:
    course = tmp_path / "course"
    init_course(course)
    edited = course / LESSONS[0]
    edited.write_text(edited.read_text(encoding="utf-8") + " ", encoding="utf-8")
    mine = edited.read_text(encoding="utf-8")
    copy = init_course(course, _changed_lessons(tmp_path))
    assert ((), ((edited, "edited since offerkit wrote it"),), mine) == (
        copy.written,
        copy.kept,
        edited.read_text(encoding="utf-8"),
    )


def test_a_lesson_still_as_written_gets_the_newer_version(tmp_path: Path) -> None:
    course = tmp_path / "course"
    init_course(course)
    copy = init_course(course, _changed_lessons(tmp_path))
    assert ([course / LESSONS[0]], True) == (
        list(copy.written),
        "New text." in (course / LESSONS[0]).read_text(encoding="utf-8"),
    )


def test_a_file_offerkit_did_not_write_is_left_alone(tmp_path: Path) -> None:
    mine = tmp_path / LESSONS[1]
    mine.write_text("my own notes", encoding="utf-8")
    copy = init_course(tmp_path)
    record = json.loads((tmp_path / RECORD).read_text(encoding="utf-8"))
    assert (((mine, "offerkit did not write it"),), "my own notes", False) == (
        copy.kept,
        mine.read_text(encoding="utf-8"),
        LESSONS[1] in record["files"],
    )


def test_answers_and_other_files_are_never_touched(tmp_path: Path) -> None:
    answers = tmp_path / "answers" / "ada.answers.json"
    answers.parent.mkdir()
    answers.write_text('{"kind": "offerkit-answers"}', encoding="utf-8")
    init_course(tmp_path)
    (tmp_path / RECORD).write_text("not json", encoding="utf-8")  # a damaged record owns nothing
    copy = init_course(tmp_path)
    assert ('{"kind": "offerkit-answers"}', (), len(LESSONS + TEMPLATE)) == (
        answers.read_text(encoding="utf-8"),
        copy.written,
        len(copy.kept),
    )


def test_a_link_in_the_way_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.ipynb"
    target.write_text("{}", encoding="utf-8")
    course = tmp_path / "course"
    course.mkdir()
    (course / LESSONS[2]).symlink_to(target)
    copy = init_course(course)
    assert (((course / LESSONS[2], "not a file offerkit wrote"),), "{}") == (
        copy.kept,
        target.read_text(encoding="utf-8"),
    )


def test_a_file_as_the_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "course"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(BuildError, match="is a file, not a folder"):
        init_course(path)


def test_an_edited_voila_template_is_left_alone(tmp_path: Path) -> None:
    init_course(tmp_path)
    mine = tmp_path / VOILA_TEMPLATE_DIR / "index.html.j2"
    mine.write_text("{% extends 'lab/index.html.j2' %}", encoding="utf-8")
    copy = init_course(tmp_path)
    assert (((mine, "edited since offerkit wrote it"),), "{% extends 'lab/index.html.j2' %}") == (
        copy.kept,
        mine.read_text(encoding="utf-8"),
    )
