"""One source, two builds: nothing tagged leaks into the learner build; both pass nbval."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest

from offerkit.cli import main
from offerkit.errors import BuildError, InvalidInputError
from offerkit.exercises.course import start_course
from offerkit.instructor.notebooks import cell_source, cell_tags, read_lessons
from offerkit.instructor.release import release_lessons, release_notebook
from offerkit.learner.audience import HIDDEN_TAGS, INSTRUCTOR_ONLY_KEYS
from offerkit.rules.lessons import lesson_notebooks


def strings(value: Any) -> Iterator[str]:
    """Every string in a JSON value: keys, values, nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def flat(text: str) -> str:
    return " ".join(text.split())


def hidden_texts() -> list[str]:
    """Each instructor/solution cell of the sources, whole and sentence by sentence, plus
    the instructor-only metadata texts."""
    texts: list[str] = []
    for item in read_lessons():
        for cell in item.notebook["cells"]:
            if HIDDEN_TAGS.intersection(cell_tags(cell)):
                whole = flat(cell_source(cell))
                texts.append(whole)
                texts += [s for s in re.split(r"(?<=[.!?])\s+", whole) if len(s) >= 30]
        meta = item.notebook["metadata"]["offerkit"]
        texts += [t for key in INSTRUCTOR_ONLY_KEYS for t in strings(meta.get(key, [])) if t]
    return texts


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("release")
    release_lessons("learners", out)
    release_lessons("instructors", out)
    return out


def test_every_lesson_is_built_for_both(builds: Path) -> None:
    names = sorted(p.name for p in lesson_notebooks())
    assert names == sorted(p.name for p in (builds / "learners").glob("*.ipynb"))
    assert names == sorted(p.name for p in (builds / "instructors").glob("*.ipynb"))


def test_nothing_tagged_leaks_into_the_learner_build(builds: Path) -> None:
    texts = hidden_texts()
    assert len(texts) > 20  # the sources do have instructor notes and solutions
    for path in (builds / "learners").iterdir():
        raw = path.read_text(encoding="utf-8")
        haystack = flat(raw + "\n" + "\n".join(strings(json.loads(raw))))
        leaked = [text[:60] for text in texts if text in haystack]
        assert [] == leaked, path.name


def test_learner_build_has_no_tags_widgets_or_papermill_traces(builds: Path) -> None:
    for path in (builds / "learners").glob("*.ipynb"):
        nb = json.loads(path.read_text(encoding="utf-8"))
        assert {"kernelspec", "language_info", "offerkit"} >= set(nb["metadata"])
        assert set() == set(INSTRUCTOR_ONLY_KEYS) & set(nb["metadata"]["offerkit"])
        for cell in nb["cells"]:
            assert set() == HIDDEN_TAGS & set(cell_tags(cell))
            assert set() >= set(cell["metadata"]) - {"tags"}


def test_instructor_build_keeps_every_tagged_cell(builds: Path) -> None:
    for item in read_lessons():
        built = json.loads((builds / "instructors" / item.lesson.path.name).read_text("utf-8"))
        for tag in HIDDEN_TAGS:
            kept = tuple(cell_source(c) for c in built["cells"] if tag in cell_tags(c))
            assert item.sources(tag) == kept
            assert kept  # every lesson has notes and a worked answer
        assert item.notebook["metadata"]["offerkit"] == built["metadata"]["offerkit"]


def fixture_notebook() -> dict[str, Any]:
    nb = nbformat.v4.new_notebook()
    nb.metadata.update(
        offerkit={"lesson": "01", "roleplay": "Play HR.", "title": "T"},
        widgets={"application/vnd.jupyter.widget-state+json": {"state": {"k": "Sam"}}},
        papermill={"parameters": {"learner_name": "Sam Real"}},
        kernelspec={"name": "python3", "display_name": "Python 3", "language": "python"},
    )
    solution = nbformat.v4.new_code_cell("answer = 42", metadata={"tags": ["solution"]})
    solution.outputs = [nbformat.v4.new_output("stream", text="SECRET ANSWER 42\n")]
    pinned = nbformat.v4.new_code_cell("print(1)", metadata={"tags": ["nbval-check-output"]})
    pinned.outputs = [nbformat.v4.new_output("stream", text="1\n")]
    pinned.execution_count = 3
    plain = nbformat.v4.new_code_cell("course", metadata={"collapsed": True, "x": "Sam Real"})
    plain.outputs = [nbformat.v4.new_output("stream", text="Sam Real: answers are saved\n")]
    plain.execution_count = 4
    note = nbformat.v4.new_markdown_cell("Note for you", metadata={"tags": ["instructor", "x"]})
    nb.cells = [note, solution, pinned, plain]
    return dict(json.loads(nbformat.writes(nb)))


def test_release_notebook_drops_cells_metadata_and_unpinned_outputs() -> None:
    source = fixture_notebook()
    original = copy.deepcopy(source)
    learners = release_notebook(source, "learners")
    assert ["print(1)", "course"] == [cell_source(c) for c in learners["cells"]]
    assert {"offerkit": {"lesson": "01", "title": "T"}} == {
        k: v for k, v in learners["metadata"].items() if k != "kernelspec"
    }
    pinned, plain = learners["cells"]
    assert (["1\n"], 3) == (
        ["".join(o["text"]) for o in pinned["outputs"]],
        pinned["execution_count"],
    )
    assert ([], None, {}) == (plain["outputs"], plain["execution_count"], plain["metadata"])
    assert "Sam" not in json.dumps(learners)
    instructors = release_notebook(source, "instructors")
    assert 4 == len(instructors["cells"])
    assert "Play HR." == instructors["metadata"]["offerkit"]["roleplay"]
    assert "papermill" not in instructors["metadata"]
    assert original == source  # the source is not changed


def test_unknown_audience_and_foreign_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="'for' must be 'learners' or 'instructors'"):
        release_notebook(fixture_notebook(), "students")
    (tmp_path / "learners").mkdir()
    (tmp_path / "learners" / "my-notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(BuildError, match="not an offerkit release"):
        release_lessons("learners", tmp_path)
    assert "mine" == (tmp_path / "learners" / "my-notes.txt").read_text(encoding="utf-8")


@pytest.fixture
def sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The first two lessons, as the lessons to release (also for ``offerkit release``)."""
    folder = tmp_path / "sources"
    folder.mkdir()
    for path in lesson_notebooks()[:2]:
        shutil.copy(path, folder / path.name)
    monkeypatch.setenv("OFFERKIT_NOTEBOOKS", str(folder))
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative name -> bytes)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_rerelease_keeps_answers_a_voila_learner_saved(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "release"
    release_lessons("learners", out, sources)
    monkeypatch.chdir(out / "learners")  # Voila runs each notebook in its own folder
    course = start_course({"learner_id": "ada", "learner_name": "Ada"}, headless=False)
    assert True is course.store.save("03.salary", {"previous_pay": "25k x 14"})
    saved = course.store.path.read_bytes()
    assert 0 == main(["release", "--for", "learners", "--out", str(out)])
    assert saved == (out / "learners" / "answers" / "ada.answers.json").read_bytes()
    again = start_course({"learner_id": "ada", "learner_name": "Ada"}, headless=False)
    assert {"03.salary": {"previous_pay": "25k x 14"}} == again.store.all()
    assert True is course.store.save("03.quiz", {"q1": "2"})  # the open lesson still saves
    assert {"03.quiz", "03.salary"} == set(
        start_course({"learner_id": "ada"}, headless=False, announce=False).store.all()
    )


def test_rerelease_keeps_every_file_the_kit_did_not_write(
    sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "learners"
    first = release_lessons("learners", tmp_path, sources)
    theirs = {
        "notes.txt": b"ask for 30k",
        "answers/bob.answers.json": b"{}",
        "answers/.bob.answers.json.offerkit-lock": b"",
        ".ipynb_checkpoints/00-start-here-checkpoint.ipynb": b"{}",
        f"{first[0].stem}-Copy1.ipynb": first[0].read_bytes(),
        "my.tmp": b"half",
    }
    for name, content in theirs.items():
        (target / name).parent.mkdir(exist_ok=True)
        (target / name).write_bytes(content)
    assert 0 == main(["release", "--for", "learners", "--out", str(tmp_path)])
    after = snapshot(target)
    assert theirs == {name: after[name] for name in theirs}
    printed = capsys.readouterr().out.splitlines()[-1]
    assert (
        "kept what learners saved there: .ipynb_checkpoints, 00-start-here-Copy1.ipynb, "
        + ("answers, my.tmp, notes.txt")
        == printed
    )
    assert ["learners", "sources"] == sorted(p.name for p in tmp_path.iterdir())  # no staging


def test_rerelease_removes_a_lesson_it_no_longer_has(sources: Path, tmp_path: Path) -> None:
    first, second = release_lessons("learners", tmp_path, sources)
    (sources / second.name).unlink()  # the lesson is dropped from the course
    assert (first,) == release_lessons("learners", tmp_path, sources)
    assert [".offerkit-release", first.name] == sorted(p.name for p in first.parent.iterdir())


def test_a_lesson_a_learner_edited_is_kept_under_a_new_name(sources: Path, tmp_path: Path) -> None:
    lesson = release_lessons("learners", tmp_path, sources)[0]
    built = lesson.read_bytes()
    lesson.write_bytes(built.replace(b'"cells": [', b'"cells": [{"my": "notes"}, ', 1))
    edited = lesson.read_bytes()
    release_lessons("learners", tmp_path, sources)
    kept = sorted(lesson.parent.glob(f"{lesson.stem}.edited-*.ipynb"))
    assert (built, 1, edited) == (lesson.read_bytes(), len(kept), kept[0].read_bytes())


def test_a_file_in_the_way_of_a_new_lesson_stops_the_release(sources: Path, tmp_path: Path) -> None:
    second = sorted(sources.iterdir())[1]
    moved = tmp_path / second.name
    os.replace(second, moved)
    release_lessons("learners", tmp_path / "out", sources)
    target = tmp_path / "out" / "learners"
    (target / second.name).write_bytes(b"a learner's own notebook")
    before = snapshot(target)
    os.replace(moved, second)
    with pytest.raises(BuildError, match=f"{second.name} is in the way .* did not write it"):
        release_lessons("learners", tmp_path / "out", sources)
    assert before == snapshot(target)
    assert ["learners"] == [p.name for p in (tmp_path / "out").iterdir()]


def test_a_release_of_offerkit_0_1_is_updated_and_its_answers_kept(
    sources: Path, tmp_path: Path
) -> None:
    paths = release_lessons("learners", tmp_path, sources)
    target = paths[0].parent
    ids = [p.name[:2] for p in paths]
    (target / ".offerkit-release").write_text(json.dumps({"audience": "learners", "lessons": ids}))
    for path in paths:
        path.write_text("{}", encoding="utf-8")  # 0.1's notebooks, without their digests
    (target / "answers").mkdir()
    (target / "answers" / "ada.answers.json").write_bytes(b'{"schema": 1, "exercises": {}}')
    release_lessons("learners", tmp_path, sources)
    assert sorted(["answers", *(p.name for p in paths)]) == sorted(
        p.name for p in target.iterdir() if p.name != ".offerkit-release"
    )
    assert (
        b'{"schema": 1, "exercises": {}}' == (target / "answers" / "ada.answers.json").read_bytes()
    )
    assert ["{}", "{}"] != [p.read_text(encoding="utf-8") for p in paths]


@pytest.mark.slow
def test_both_builds_pass_nbval(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    for path in lesson_notebooks()[:1] + tuple(p for p in lesson_notebooks() if p.name[:2] == "03"):
        shutil.copy(path, sources / path.name)
    for audience in ("learners", "instructors"):
        release_lessons(audience, tmp_path / "out", sources)
    scratch = tmp_path / "scratch"
    env = {
        **os.environ,
        "OFFERKIT_HEADLESS": "1",
        "MPLBACKEND": "Agg",
        "IPYTHONDIR": str(scratch / "ipython"),
        "MPLCONFIGDIR": str(scratch / "mpl"),
        "JUPYTER_RUNTIME_DIR": str(scratch / "runtime"),
    }
    notebooks = sorted(str(p) for p in (tmp_path / "out").glob("*/*.ipynb"))
    assert 4 == len(notebooks)
    isolated = ["-c", os.devnull, "--rootdir", str(tmp_path), "-p", "no:cacheprovider"]
    nbval = ["--nbval-lax", "--nbval-current-env", "-q"]
    command = [sys.executable, "-m", "pytest", *isolated, *nbval, *notebooks]
    run = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    assert 0 == run.returncode, run.stdout[-3000:] + run.stderr[-2000:]
    assert [] == sorted(p.name for p in tmp_path.rglob("*.answers.json"))
