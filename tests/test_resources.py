"""Tests for offerkit.resources: the bundled folders, found in the package."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

from offerkit.errors import DataFileError
from offerkit.resources import (
    bundled_folder,
    example_learner,
    example_roster,
    pulse_notebook,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _no_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OFFERKIT_DATA", raising=False)
    monkeypatch.delenv("OFFERKIT_NOTEBOOKS", raising=False)


def test_in_a_clone_the_folders_are_the_repository_folders() -> None:
    assert (ROOT / "data", ROOT / "notebooks", ROOT / "instructor") == (
        bundled_folder("data"),
        bundled_folder("notebooks"),
        bundled_folder("instructor-notebooks"),
    )


def test_the_voila_template_is_a_folder_in_the_package_shipped_in_the_wheel() -> None:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = data["tool"]["setuptools"]["package-data"]["offerkit"]
    folder = bundled_folder("voila-template")
    files = sorted(p.name for p in folder.iterdir())
    shipped = [n for n in files if any(fnmatch(f"voila-template/{n}", g) for g in globs)]
    assert (ROOT / "offerkit" / "voila-template", False, ["conf.json", "index.html.j2"]) == (
        folder,
        folder.is_symlink(),
        shipped,
    )


def test_the_example_files_exist() -> None:
    assert (
        ROOT / "data" / "roster-example.csv",
        ROOT / "data" / "example-learner.answers.json",
        ROOT / "instructor" / "workshop-pulse.ipynb",
        [True, True, True],
    ) == (
        example_roster(),
        example_learner(),
        pulse_notebook(),
        [p.is_file() for p in (example_roster(), example_learner(), pulse_notebook())],
    )


def test_the_environment_overrides_data_and_notebooks(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("OFFERKIT_DATA", str(tmp_path / "d"))
    monkeypatch.setenv("OFFERKIT_NOTEBOOKS", str(tmp_path / "n"))
    assert (tmp_path / "d", tmp_path / "n", tmp_path / "d" / "roster-example.csv") == (
        bundled_folder("data"),
        bundled_folder("notebooks"),
        example_roster(),
    )


def test_without_the_links_the_repository_folder_is_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A checkout without symbolic links (they arrive as small text files)."""
    package = tmp_path / "offerkit"
    package.mkdir()
    (package / "notebooks").write_text("../notebooks", encoding="utf-8")
    monkeypatch.setattr("offerkit.resources.resources.files", lambda _name: package)
    assert tmp_path / "notebooks" == bundled_folder("notebooks")


def test_an_installed_copy_uses_the_package_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    package = tmp_path / "site-packages" / "offerkit"
    (package / "data").mkdir(parents=True)
    monkeypatch.setattr("offerkit.resources.resources.files", lambda _name: package)
    assert package / "data" == bundled_folder("data")


def test_a_zip_import_is_refused_with_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("offerkit.resources.resources.files", lambda _name: object())
    with pytest.raises(DataFileError, match="not inside a zip archive"):
        bundled_folder("data")


def test_an_unknown_folder_is_refused() -> None:
    with pytest.raises(DataFileError, match="no bundled folder 'lessons'"):
        bundled_folder("lessons")
