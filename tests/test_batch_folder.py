"""The output folder: checked, locked, keyed, written and cleaned only in its own names."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from offerkit.batch.folder import (
    SECRET,
    Staging,
    build_lock,
    folder_secret,
    open_output_folder,
    remove_temporaries,
)
from offerkit.errors import BuildEnvironmentError


def test_out_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("not a folder", encoding="utf-8")
    with pytest.raises(BuildEnvironmentError, match="is a file, not a folder"):
        open_output_folder(tmp_path / "out")


def test_out_that_cannot_be_written_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # tests run as root
    with pytest.raises(BuildEnvironmentError, match="permission denied"):
        open_output_folder(tmp_path)


def test_second_build_on_the_same_folder_is_refused(tmp_path: Path) -> None:
    refused = pytest.raises(BuildEnvironmentError, match="another offerkit build is writing")
    with build_lock(tmp_path), refused, build_lock(tmp_path):
        pass
    with build_lock(tmp_path):  # released at the end of the first
        pass


def test_secret_is_private_kept_and_renewed_when_damaged(tmp_path: Path) -> None:
    key = folder_secret(tmp_path)
    assert (32, key) == (len(key), folder_secret(tmp_path))
    assert 0o600 == stat.S_IMODE((tmp_path / SECRET).stat().st_mode)
    (tmp_path / SECRET).write_text("short", encoding="utf-8")
    assert key != folder_secret(tmp_path)


def test_only_this_kits_temporaries_are_removed(tmp_path: Path) -> None:
    (tmp_path / "ada" / "answers").mkdir(parents=True)
    ours = tmp_path / "ada" / ".offerkit-build-0123456789ab.01-x.ipynb.tmp"
    others = [
        tmp_path / "report.tmp",
        tmp_path / ".editor.tmp",
        tmp_path / "ada" / ".01-x.ipynb.abc123.tmp",  # another tool's atomic write
        tmp_path / "ada" / "answers" / ".ada.answers.json.x1y2.tmp",  # a learner's save
    ]
    for path in [ours, *others]:
        path.write_text("x", encoding="utf-8")
    assert 1 == remove_temporaries(tmp_path)
    assert (False, [True] * 4) == (ours.exists(), [p.exists() for p in others])


def test_a_full_disk_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "01-x.ipynb"
    target.write_text("previous good", encoding="utf-8")
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle: int, *args: object, **kwargs: object) -> None:
            self.stream = real_fdopen(handle, "wb")

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.stream.close()

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", FullDisk)
    staging = Staging()
    with pytest.raises(BuildEnvironmentError, match="the disk is full"):
        staging.stage(target, b"new")
    assert (["01-x.ipynb"], "previous good") == (
        [p.name for p in tmp_path.iterdir()],
        target.read_text(encoding="utf-8"),
    )
