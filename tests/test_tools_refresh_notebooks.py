"""tools/refresh_notebooks.py --check: a notebook saved with outputs or metadata noise is named
and fails the pre-commit hook; the committed notebooks pass; nothing is written."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
import yaml
from tool_helpers import TOOLS, load_tool

refresh = load_tool("refresh_notebooks")
ROOT = TOOLS.parent
COMMITTED = [*refresh._lessons(), *sorted((ROOT / "instructor").glob("*.ipynb"))]
LESSON = ROOT / "notebooks" / "03-your-expected-salary.ipynb"


def _check(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOLS / "refresh_notebooks.py"), "--check", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )


def _copy(tmp_path: Path, change: Any) -> Path:
    """A copy of lesson 03 with ``change(notebook)`` applied, written the way Lab saves it."""
    nb = nbformat.read(LESSON, as_version=4)
    change(nb)
    path = tmp_path / LESSON.name
    nbformat.write(nb, path)
    return path


def _first_unpinned_code_cell(nb: nbformat.NotebookNode) -> tuple[int, Any]:
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "code" and refresh.PINNED_TAG not in cell.metadata.get("tags", []):
            return index, cell
    raise LookupError("lesson 03 has no unpinned code cell")


def _add_output(nb: nbformat.NotebookNode) -> None:
    _index, cell = _first_unpinned_code_cell(nb)
    cell.outputs = [nbformat.v4.new_output("stream", text="Ada: answers are saved\n")]
    cell.execution_count = 7


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.name)
def test_the_committed_notebooks_are_in_their_committed_form(path: Path) -> None:
    assert [] == refresh.form_problems(path)


def test_the_check_passes_on_the_committed_notebooks_by_default() -> None:
    result = _check()
    assert (0, f"{len(COMMITTED)} notebooks in their committed form\n") == (
        result.returncode,
        result.stdout,
    )


def test_a_notebook_saved_with_an_output_fails_named_and_untouched(tmp_path: Path) -> None:
    path = _copy(tmp_path, _add_output)
    before = path.read_bytes()
    index, _cell = _first_unpinned_code_cell(nbformat.read(LESSON, as_version=4))
    result = _check(LESSON, path)
    assert (1, [f"{path}: cell {index} has outputs or an execution count"], before) == (
        result.returncode,
        [line for line in result.stdout.splitlines() if line.startswith(str(path))],
        path.read_bytes(),
    )
    assert LESSON.name not in result.stdout.replace(str(path), "")  # the real one passes


def test_widget_state_and_cell_metadata_are_named(tmp_path: Path) -> None:
    def noise(nb: nbformat.NotebookNode) -> None:
        nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
        nb.cells[0].metadata["collapsed"] = True

    assert ["cell 1 has metadata collapsed", "notebook metadata widgets"] == (
        refresh.form_problems(_copy(tmp_path, noise))
    )


def test_an_error_output_is_named_even_in_a_pinned_cell(tmp_path: Path) -> None:
    def error(nb: nbformat.NotebookNode) -> None:
        cell = next(c for c in nb.cells if refresh.PINNED_TAG in c.metadata.get("tags", []))
        cell.outputs.append(nbformat.v4.new_output("error", ename="ValueError", evalue="x"))

    problems = refresh.form_problems(_copy(tmp_path, error))
    assert [True] == [bool(re.fullmatch(r"cell \d+ raised ValueError", p)) for p in problems]


def test_another_json_layout_is_named(tmp_path: Path) -> None:
    path = tmp_path / LESSON.name
    nbformat.write(nbformat.read(LESSON, as_version=4), path)
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n"), encoding="utf-8")
    assert ["not in nbformat's layout (indentation, key order or final newline)"] == (
        refresh.form_problems(path)
    )


def test_the_committed_form_keeps_pinned_outputs_and_drops_the_rest() -> None:
    nb = nbformat.read(LESSON, as_version=4)
    _add_output(nb)
    nb.metadata["papermill"] = {"parameters": {}}
    clean = refresh.committed_form(nb)
    pinned = [c.outputs for c in nb.cells if refresh.PINNED_TAG in c.metadata.get("tags", [])]
    assert (True, nbformat.read(LESSON, as_version=4), "papermill" in nb.metadata) == (
        any(pinned),
        clean,
        True,  # the input is not changed
    )


def _hook(hook_id: str) -> dict[str, Any]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    return next(hook for hook in hooks if hook["id"] == hook_id)


@pytest.mark.parametrize(
    ("path", "checked"),
    [
        ("notebooks/03-your-expected-salary.ipynb", True),
        ("instructor/workshop-pulse.ipynb", True),
        ("tests/data/tiny.ipynb", False),
        ("notebooks/answers/ada.answers.json", False),
    ],
)
def test_the_hook_checks_lesson_and_instructor_notebooks(path: str, checked: bool) -> None:
    hook = _hook("notebooks-committed-form")
    assert ("python tools/refresh_notebooks.py --check", "system", checked) == (
        hook["entry"],
        hook["language"],
        bool(re.search(hook["files"], path)),
    )


def test_the_hook_stops_a_commit_of_a_notebook_with_outputs(tmp_path: Path) -> None:
    """The real pre-commit and git, in a scratch repository holding the hook config, the tool
    and lesson 03: committing the lesson passes, committing it with an output does not."""
    missing = [tool for tool in ("git", "pre-commit") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"{' and '.join(missing)} not on PATH (pre-commit is in the test extra)")
    repo = tmp_path / "repo"
    (repo / "tools").mkdir(parents=True)
    (repo / "notebooks").mkdir()
    shutil.copy(ROOT / ".pre-commit-config.yaml", repo)
    shutil.copy(TOOLS / "refresh_notebooks.py", repo / "tools")
    shutil.copy(LESSON, repo / "notebooks")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"))

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True)

    run("git", "init", "-q")
    run("git", "add", ".")
    hook = ("pre-commit", "run", "notebooks-committed-form")
    clean = run(*hook)
    shutil.copy(_copy(tmp_path, _add_output), repo / "notebooks")
    run("git", "add", ".")
    dirty = run(*hook)
    assert (0, 1, True) == (
        clean.returncode,
        dirty.returncode,
        f"notebooks/{LESSON.name}: cell" in dirty.stdout,
    ), (clean.stdout, dirty.stdout)
