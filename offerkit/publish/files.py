"""Write files into a folder the learner chose, never over a file the kit did not write.

The folder keeps a small record, ``.offerkit-files.json``, of each file the kit wrote there
and the SHA-256 of what it wrote. A file already in the folder is replaced only when the
record lists it *and* its content is still what the kit wrote; a file the learner made, or
a plan they edited by hand, stops the command with a message instead. Every write goes to
a temporary name first and is renamed into place.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from offerkit.errors import PublishError
from offerkit.learner.answers import atomic_write_text

__all__ = ["RECORD", "OwnedFolder"]

RECORD = ".offerkit-files.json"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class OwnedFolder:
    """A folder the kit writes into (created if missing), with its record of owned files."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise PublishError(f"{self.folder} is a file, not a folder: choose another --out")
        self._record_path = self.folder / RECORD
        self._owned = self._read_record()

    def _read_record(self) -> dict[str, str]:
        if not self._record_path.is_file():
            return {}
        try:
            data = json.loads(self._record_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            return {}  # an unreadable record owns nothing: nothing gets overwritten
        files = data.get("files") if isinstance(data, Mapping) else None
        if not isinstance(files, Mapping):
            return {}
        return {str(k): str(v) for k, v in files.items()}

    def check(self, *names: str) -> None:
        """Raise PublishError naming the first file that exists and is not the kit's."""
        for name in names:
            path = self.folder / name
            if path.exists() and self._owned.get(name) != (_digest(path) if path.is_file() else ""):
                raise PublishError(
                    f"{path} exists and offerkit did not write it (or it was edited since); "
                    "move it away or choose another --out"
                )

    def write_text(self, name: str, text: str) -> Path:
        """Write ``text`` to ``name`` (checked first) and record it as the kit's."""
        self.check(name)
        path = self.folder / name
        atomic_write_text(path, text)
        return self._own(path)

    def temporary(self, name: str) -> Path:
        """A fresh temporary path in the folder for a file made by another program."""
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.folder)
        os.close(handle)
        return Path(temp)

    def adopt(self, temporary: Path, name: str) -> Path:
        """Move a finished temporary file to ``name`` (checked first) and record it."""
        try:
            self.check(name)
        except PublishError:
            temporary.unlink(missing_ok=True)
            raise
        path = self.folder / name
        os.replace(temporary, path)
        return self._own(path)

    def _own(self, path: Path) -> Path:
        self._owned[path.name] = _digest(path)
        document = {"written_by": "offerkit", "files": dict(sorted(self._owned.items()))}
        atomic_write_text(self._record_path, json.dumps(document, indent=2) + "\n")
        return path
