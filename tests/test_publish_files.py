"""Files the kit writes into a learner's folder, and the ones it must never overwrite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from offerkit.errors import PublishError
from offerkit.publish.files import RECORD, OwnedFolder


def test_writes_and_rewrites_its_own_files(tmp_path: Path) -> None:
    folder = OwnedFolder(tmp_path / "out")
    folder.write_text("plan.md", "first\n")
    OwnedFolder(tmp_path / "out").write_text("plan.md", "second\n")
    assert "second\n" == (tmp_path / "out" / "plan.md").read_text("utf-8")
    record = json.loads((tmp_path / "out" / RECORD).read_text("utf-8"))
    assert ["plan.md"] == list(record["files"])
    assert sorted(["plan.md", RECORD]) == sorted(p.name for p in (tmp_path / "out").iterdir())


def test_never_overwrites_a_file_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / "plan.md").write_text("my own notes\n", "utf-8")
    with pytest.raises(PublishError, match=r"plan\.md exists and offerkit did not write it"):
        OwnedFolder(tmp_path).write_text("plan.md", "plan\n")
    assert "my own notes\n" == (tmp_path / "plan.md").read_text("utf-8")


def test_never_overwrites_a_plan_edited_by_hand(tmp_path: Path) -> None:
    OwnedFolder(tmp_path).write_text("plan.md", "plan\n")
    (tmp_path / "plan.md").write_text("plan, with my edits\n", "utf-8")
    with pytest.raises(PublishError, match="or it was edited since"):
        OwnedFolder(tmp_path).check("plan.md")
    assert "plan, with my edits\n" == (tmp_path / "plan.md").read_text("utf-8")


def test_an_unreadable_record_owns_nothing(tmp_path: Path) -> None:
    OwnedFolder(tmp_path).write_text("plan.md", "plan\n")
    (tmp_path / RECORD).write_text("{not json", "utf-8")
    with pytest.raises(PublishError):
        OwnedFolder(tmp_path).write_text("plan.md", "new\n")


def test_adopt_moves_a_finished_file_or_removes_it_when_refused(tmp_path: Path) -> None:
    folder = OwnedFolder(tmp_path)
    temporary = folder.temporary("plan.pdf")
    temporary.write_bytes(b"%PDF-1.4")
    assert tmp_path / "plan.pdf" == folder.adopt(temporary, "plan.pdf")
    (tmp_path / "plan.pdf").write_bytes(b"someone else's")
    again = folder.temporary("plan.pdf")
    with pytest.raises(PublishError):
        folder.adopt(again, "plan.pdf")
    assert not again.exists() and b"someone else's" == (tmp_path / "plan.pdf").read_bytes()


def test_a_file_where_the_folder_should_be_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("x", "utf-8")
    with pytest.raises(PublishError, match="is a file, not a folder"):
        OwnedFolder(tmp_path / "out")
