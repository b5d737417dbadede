"""Output paths stay inside --out, writes are atomic, the index escapes names."""

from __future__ import annotations

from pathlib import Path

import pytest

from offerkit.batch.outputs import (
    load_manifest,
    remove_temporaries,
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


def test_temporaries_of_a_killed_build_are_removed(tmp_path: Path) -> None:
    (tmp_path / "ada").mkdir()
    left = tmp_path / "ada" / ".01-x.ipynb.abc123.tmp"
    left.write_text("half", encoding="utf-8")
    kept = tmp_path / "ada" / "01-x.ipynb"
    kept.write_text("{}", encoding="utf-8")
    assert 1 == remove_temporaries(tmp_path)
    assert [kept] == list((tmp_path / "ada").iterdir())


def test_manifest_round_trip_and_unreadable_manifest(tmp_path: Path) -> None:
    entries = {"zoe": {"status": "ok", "files": ["zoe/01-x.ipynb"]}, "ada": {"status": "failed"}}
    write_manifest(tmp_path, entries, {"offerkit": "0.1.0"})
    assert entries == load_manifest(tmp_path)
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    assert {} == load_manifest(tmp_path)


def test_index_escapes_names_and_links_files(tmp_path: Path) -> None:
    people = [("ada", "Ada <b>Lovelace</b> & Co"), ("zoe", 'Zoë "Z" <script>')]
    entries = {
        "ada": {"status": "ok", "files": ["ada/01-x.ipynb", "ada/01-x.html"]},
        "zoe": {"status": "failed", "files": []},
    }
    page = write_index(tmp_path, people, entries).read_text(encoding="utf-8")
    assert "Ada &lt;b&gt;Lovelace&lt;/b&gt; &amp; Co" in page
    assert "Zoë &quot;Z&quot; &lt;script&gt;" in page
    assert "<script>" not in page and "<b>" not in page
    assert '<a href="ada/01-x.html">01-x</a>' in page
    assert "ada/01-x.ipynb" not in page  # the HTML handout is linked when there is one
