"""Choosing lessons and hashing a participant's inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_helpers import write_lessons
from nbformat.v4 import new_markdown_cell

from offerkit.batch.plan import (
    build_parameters,
    parse_lesson_ids,
    participant_hash,
    select_lessons,
)
from offerkit.errors import BuildError, InvalidInputError


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


def test_hash_changes_with_parameters_lessons_html_audience_and_key(lessons_dir: Path) -> None:
    lessons = select_lessons(lessons_dir)
    params = build_parameters({"learner_id": "ada", "answers_file": "x.json"})
    assert {"learner_id": "ada"} == params
    key = b"k" * 32

    def digest(p: dict[str, object], chosen: object = lessons, **more: object) -> str:
        return participant_hash(p, chosen, **{"html": False, "key": key, **more})  # type: ignore[arg-type]

    base = digest(params)
    assert base == digest(dict(params))
    assert base != digest({"learner_id": "zoe"})
    assert base != digest(params, html=True)
    assert base != digest(params, audience="instructors")
    assert base != digest(params, key=b"other")
    assert base != digest(params, lessons[:2])
    (lessons_dir / "01-one.ipynb").write_text(
        (lessons_dir / "01-one.ipynb").read_text(encoding="utf-8").replace("fixture", "changed"),
        encoding="utf-8",
    )
    assert base != digest(params, select_lessons(lessons_dir))


def test_the_hash_without_the_key_does_not_reveal_a_pay_figure(lessons_dir: Path) -> None:
    """Knowing every other field, a guess of the pay can only be checked with the key."""
    lessons = select_lessons(lessons_dir)
    secret = {"learner_id": "ada", "previous_pay": "23456 x 14"}
    recorded = participant_hash(secret, lessons, html=False, key=b"s" * 32)
    guesses = [{"learner_id": "ada", "previous_pay": f"{n} x 14"} for n in range(23450, 23460)]
    unkeyed = [participant_hash(g, lessons, html=False, key=b"") for g in guesses]
    assert recorded not in unkeyed


def test_learners_get_the_learner_build_instructors_everything(tmp_path: Path) -> None:
    folder = tmp_path / "nb"
    write_lessons(folder, {"00-start": []})
    path = folder / "00-start.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook["cells"].append(new_markdown_cell("SECRET-ANSWER", metadata={"tags": ["solution"]}))
    notebook["cells"].append(new_markdown_cell("SECRET-NOTE", metadata={"tags": ["instructor"]}))
    path.write_text(json.dumps(notebook), encoding="utf-8")
    (learners,) = select_lessons(folder)
    (instructors,) = select_lessons(folder, audience="instructors")
    assert ("SECRET" in learners.text, "SECRET-ANSWER" in instructors.text) == (False, True)
    with pytest.raises(InvalidInputError, match="'audience'"):
        select_lessons(folder, audience="students")
