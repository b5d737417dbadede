"""Choosing lessons and hashing a participant's inputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_helpers import write_lessons

from offerkit.batch.plan import (
    build_parameters,
    parse_lesson_ids,
    participant_hash,
    select_lessons,
)
from offerkit.errors import BuildError


@pytest.fixture
def lessons_dir(tmp_path: Path) -> Path:
    return write_lessons(
        tmp_path / "notebooks", {"00-start": [], "01-one": [], "02-two": [], "03-three": []}
    )


def test_parse_lesson_ids() -> None:
    assert parse_lesson_ids(None) is None
    assert parse_lesson_ids(" ") is None
    assert ("01", "03") == parse_lesson_ids("01, 3,01")
    with pytest.raises(BuildError, match="got 'one'"):
        parse_lesson_ids("01,one")


def test_all_lessons_by_default_and_00_always(lessons_dir: Path) -> None:
    every = select_lessons(lessons_dir)
    assert ["00-start.ipynb", "01-one.ipynb", "02-two.ipynb", "03-three.ipynb"] == [
        lesson.name for lesson in every
    ]
    assert "notebooks/01-one.ipynb" == every[1].input_path
    chosen = select_lessons(lessons_dir, ("03", "01"))
    assert ["00-start.ipynb", "01-one.ipynb", "03-three.ipynb"] == [x.name for x in chosen]


def test_unknown_lesson_and_empty_folder(lessons_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="07, which do not exist"):
        select_lessons(lessons_dir, ("07",))
    with pytest.raises(BuildError, match="no lesson notebooks"):
        select_lessons(tmp_path / "empty")


def test_hash_changes_with_parameters_lessons_and_html(lessons_dir: Path) -> None:
    lessons = select_lessons(lessons_dir)
    params = build_parameters({"learner_id": "ada", "answers_file": "x.json"})
    assert {"learner_id": "ada"} == params
    base = participant_hash(params, lessons, html=False)
    assert base == participant_hash(dict(params), lessons, html=False)
    assert base != participant_hash({"learner_id": "zoe"}, lessons, html=False)
    assert base != participant_hash(params, lessons, html=True)
    assert base != participant_hash(params, lessons[:2], html=False)
    (lessons_dir / "01-one.ipynb").write_text(
        (lessons_dir / "01-one.ipynb").read_text(encoding="utf-8").replace("fixture", "changed"),
        encoding="utf-8",
    )
    assert base != participant_hash(params, select_lessons(lessons_dir), html=False)
