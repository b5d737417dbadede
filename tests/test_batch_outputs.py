"""Output paths stay inside --out, writes are atomic, the index escapes names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from markup_helpers import body_of, live_markup, page_problems, parse_page, table_rows

from offerkit.batch.folder import keyed_hash
from offerkit.batch.outputs import (
    load_manifest,
    owned_file,
    safe_path,
    write_index,
    write_manifest,
    write_output,
)
from offerkit.errors import BuildError


@pytest.mark.parametrize(
    "parts", [("..", "x"), ("a/b",), ("..x",), ("",), (".hidden",), ("a\\b",), ("/etc",)]
)
def test_unsafe_names_are_refused(tmp_path: Path, parts: tuple[str, ...]) -> None:
    with pytest.raises(BuildError):
        safe_path(tmp_path, *parts)


def test_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "ada").symlink_to(elsewhere)
    with pytest.raises(BuildError, match="outside"):
        write_output(out, "ada/01-x.ipynb", "{}")
    assert [] == list(elsewhere.iterdir())


def test_write_output_is_atomic_and_leaves_no_temporaries(tmp_path: Path) -> None:
    path = write_output(tmp_path, "ada/01-x.ipynb", "first")
    write_output(tmp_path, "ada/01-x.ipynb", "second")
    assert "second" == path.read_text(encoding="utf-8")
    assert [path] == list((tmp_path / "ada").iterdir())


def test_manifest_round_trip_and_unreadable_or_old_manifest(tmp_path: Path) -> None:
    entries = {"zoe": {"status": "ok", "files": {"zoe/01-x.ipynb": "ab"}}, "ada": {"files": {}}}
    write_manifest(tmp_path, entries, {"offerkit": "0.1.0"})
    assert entries == load_manifest(tmp_path)
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    assert {} == load_manifest(tmp_path)
    old = '{"schema": 1, "participants": {"zoe": {"status": "ok", "files": ["zoe/01-x.ipynb"]}}}'
    (tmp_path / "manifest.json").write_text(old, encoding="utf-8")
    assert {} == load_manifest(tmp_path)  # unkeyed hashes: everything is rebuilt


KEY = b"k" * 32


@pytest.mark.parametrize(
    "relative",
    [
        "zoe/01-x.ipynb",
        "ada/../zoe/01-x.ipynb",
        "../outside/01-x.ipynb",
        "ada/notes.txt",
        "ada/answers/ada.answers.json",
        "index.html",
        "ada",
        "ada/01-x.ipynb/",
    ],
)
def test_a_hand_edited_manifest_cannot_name_a_file_the_build_did_not_make(
    tmp_path: Path, relative: str
) -> None:
    out = tmp_path / "out"
    for name in ("ada/notes.txt", "ada/answers/ada.answers.json", "zoe/01-x.ipynb", "index.html"):
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text("x", encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "01-x.ipynb").write_text("x", encoding="utf-8")
    assert owned_file(out, "ada", relative, keyed_hash(KEY, b"x"), KEY) is None


def test_only_an_unchanged_lesson_file_of_the_participant_is_owned(tmp_path: Path) -> None:
    path = write_output(tmp_path, "ada/01-x.ipynb", "built")
    digest = keyed_hash(KEY, b"built")
    assert path == owned_file(tmp_path, "ada", "ada/01-x.ipynb", digest, KEY)
    path.write_text("edited by hand", encoding="utf-8")
    assert owned_file(tmp_path, "ada", "ada/01-x.ipynb", digest, KEY) is None
    path.unlink()
    path.symlink_to(tmp_path / "elsewhere")
    assert owned_file(tmp_path, "ada", "ada/01-x.ipynb", digest, KEY) is None


def test_outputs_honour_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = write_output(tmp_path, "ada/01-x.ipynb", "{}")
    finally:
        os.umask(old)
    assert (0o644, 0o755) == (path.stat().st_mode & 0o777, path.parent.stat().st_mode & 0o777)


def test_index_escapes_names_links_files_and_is_marked_the_instructors(tmp_path: Path) -> None:
    people = [("ada", "Ada <b>Lovelace</b> & Co"), ("zoe", 'Zoë "Z" <script>')]
    entries = {
        "ada": {"status": "ok", "files": {"ada/01-x.ipynb": "", "ada/01-x.html": ""}},
        "zoe": {"status": "failed", "files": {}, "kept_previous": True},
    }
    page = write_index(tmp_path, people, entries).read_text(encoding="utf-8")
    assert [["Participant", "Status", "Workbooks"], ["Ada <b>Lovelace</b> & Co", "ok", "01-x"]] == (
        table_rows(page)[:2]
    )
    assert 'Zoë "Z" <script>' == table_rows(page)[2][0]
    assert "<script>" not in page and "<b>" not in page
    assert [{"href": "ada/01-x.html"}] == [a.attrs for a in parse_page(page).find_all("a")]
    assert [] == page_problems(page)  # the shared stylesheet, nothing loaded
    assert "ada/01-x.ipynb" not in page  # the HTML handout is linked when there is one
    (title,) = parse_page(page).find_all("title")
    assert title.text().endswith("instructor's page") and "For the instructor only." in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "failed (previous workbooks kept)" in page


@pytest.mark.parametrize("name", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"])
def test_a_hostile_name_is_text_on_the_index(tmp_path: Path, name: str) -> None:
    page = write_index(tmp_path, [("ada", name)], {}).read_text(encoding="utf-8")
    assert [] == live_markup(body_of(page).replace("<a ", "<span "))
    assert [name, "not built", ""] == table_rows(page)[1]


def test_the_index_links_only_the_participants_own_lesson_files(tmp_path: Path) -> None:
    """A hand-edited manifest cannot put a javascript: or outside link on the page."""
    files = ["javascript:alert(1)//01-x.html", "zoe/01-x.html", "ada/../01-x.html"]
    files += ["ada/notes.html", "https://evil.example/01-x.html", "ada/02-y.ipynb"]
    entries = {"ada": {"status": "ok", "files": dict.fromkeys(files, "")}}
    page = write_index(tmp_path, [("ada", "Ada")], entries).read_text(encoding="utf-8")
    assert [{"href": "ada/02-y.ipynb"}] == [a.attrs for a in parse_page(page).find_all("a")]
