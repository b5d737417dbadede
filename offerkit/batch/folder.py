"""The output folder a build owns: checked, locked, keyed, and written only in its own names.

* :func:`open_output_folder` refuses an ``--out`` that is a file or cannot be written, with
  a one-line :class:`~offerkit.errors.BuildEnvironmentError` (exit status 3);
* :func:`build_lock` lets one build at a time write a folder (``.offerkit-build.lock``, an
  OS lock that a killed build releases);
* :func:`folder_secret` is a random key kept in the folder (``.offerkit-secret``, readable by
  its owner only): the manifest's hashes are keyed with it (:func:`keyed_hash`), so the
  manifest alone cannot be used to test guesses of anyone's pay;
* :class:`Staging` writes files under a *build-specific* temporary name
  (``.offerkit-build-<token>.<name>.tmp``) and renames them in when a set is complete.
  Files are created with mode 0666 less the umask, like any other tool's output.
  :func:`remove_temporaries` removes only temporaries of that pattern — never another
  tool's ``*.tmp`` or a learner's answers being saved.
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import os
import re
import secrets
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from offerkit.errors import BuildEnvironmentError

__all__ = [
    "LOCK",
    "SECRET",
    "TEMP_PREFIX",
    "Staging",
    "build_lock",
    "environment_error",
    "folder_secret",
    "keyed_hash",
    "open_output_folder",
    "remove_temporaries",
]

LOCK = ".offerkit-build.lock"
SECRET = ".offerkit-secret"
TEMP_PREFIX = ".offerkit-build-"
_TEMPORARY = re.compile(r"^\.offerkit-build-[0-9a-f]{12}\..+\.tmp$")


def environment_error(action: str, path: Path, exc: OSError) -> BuildEnvironmentError:
    """One line for an OS error while ``action`` (e.g. "writing") ``path``."""
    if exc.errno == errno.ENOSPC:
        what = "the disk is full (no space left on device); free some space"
    elif exc.errno in {errno.EACCES, errno.EPERM, errno.EROFS}:
        what = "permission denied (or a read-only file system); choose another --out"
    else:
        what = exc.strerror or str(exc)
    return BuildEnvironmentError(
        f"cannot {action} {path}: {what}. Workbooks already built were kept; "
        "run the same command again to finish"
    )


def open_output_folder(out: Path) -> Path:
    """``out`` created if needed and checked to be a writable folder; its absolute path."""
    if out.exists() and not out.is_dir():
        raise BuildEnvironmentError(f"--out {out} is a file, not a folder; choose a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise environment_error("create the output folder", out, exc) from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise environment_error("write to", out, PermissionError(errno.EACCES, "denied"))
    return out.resolve()


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold ``out``'s build lock; a second build is refused with a message at once."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(out / LOCK), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise BuildEnvironmentError(
            f"another offerkit build is writing to {out} (it holds {out / LOCK}); wait for "
            "it to finish, or choose another --out"
        ) from None
    except OSError as exc:
        raise environment_error("lock", out / LOCK, exc) from None
    try:
        yield
    finally:
        lock.release()


def folder_secret(out: Path) -> bytes:
    """The folder's key (made on first use, mode 0600); a new key means a full rebuild."""
    path = out / SECRET
    try:
        text = path.read_text(encoding="ascii").strip()
        if re.fullmatch(r"[0-9a-f]{64}", text):
            return bytes.fromhex(text)
    except (OSError, UnicodeDecodeError):
        pass
    key = secrets.token_hex(32)
    try:
        path.unlink(missing_ok=True)
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "w", encoding="ascii") as stream:
            stream.write(key + "\n")
    except OSError as exc:
        raise environment_error("write", path, exc) from None
    return bytes.fromhex(key)


def keyed_hash(key: bytes, data: bytes) -> str:
    """HMAC-SHA256 of ``data`` under the folder's ``key``, as hex."""
    return hmac.new(key, data, hashlib.sha256).hexdigest()


def remove_temporaries(out: Path) -> int:
    """Remove the temporaries a killed build left in ``out`` and its participant folders
    (only this module's pattern; the caller holds the lock); return how many."""
    count = 0
    for folder in [out, *(p for p in out.iterdir() if p.is_dir() and not p.is_symlink())]:
        for path in folder.iterdir():
            if _TEMPORARY.match(path.name) and path.is_file() and not path.is_symlink():
                path.unlink(missing_ok=True)
                count += 1
    return count


class Staging:
    """Files written under this build's temporary names, renamed in by :meth:`commit`."""

    def __init__(self) -> None:
        self.token = uuid.uuid4().hex[:12]
        self.pending: list[tuple[Path, Path]] = []

    def stage(self, path: Path, data: bytes) -> None:
        """Write ``data`` next to ``path`` under a temporary name (fsynced)."""
        temp = path.with_name(f"{TEMP_PREFIX}{self.token}.{path.name}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        except OSError as exc:
            temp.unlink(missing_ok=True)
            self.discard()
            raise environment_error("write", path, exc) from None
        self.pending.append((temp, path))

    def commit(self) -> None:
        """Rename every staged file into place."""
        try:
            for temp, path in self.pending:
                os.replace(temp, path)
        except OSError as exc:
            self.discard()
            raise environment_error("rename into", path, exc) from None
        self.pending = []

    def discard(self) -> None:
        """Remove the staged files that were not committed."""
        for temp, _ in self.pending:
            temp.unlink(missing_ok=True)
        self.pending = []
