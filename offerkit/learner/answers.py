"""The answers store: a learner's saved exercise answers, one JSON file per learner.

Answers live *outside* the notebooks, keyed by stable exercise ids (``"03.salary"``), so
they survive re-running a cell, restarting the kernel, deleting cells and replacing a
notebook by a newer version. The file::

    {"schema": 1, "learner_id": "ada", "updated": "2026-11-25T18:00:00+00:00",
     "exercises": {"03.salary": {"saved": "…", "value": {…}}}}

Safety rules:

* every write goes to a temporary file in the same folder and is renamed over the old
  one (atomic on POSIX and Windows);
* before writing, the file is read again and merged, so two notebooks open at once do not
  erase each other's answers;
* a file that cannot be read (bad JSON, wrong shape, a newer schema) is **never
  overwritten**: it is moved aside to ``<name>.corrupt-<time>.json`` and the learner is
  told (``store.warning``); a newer schema is left untouched and saving is refused;
* saving an empty value over a non-empty saved answer is refused (no worse data).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from offerkit.errors import AnswersFileError

__all__ = [
    "SCHEMA_VERSION",
    "AnswersStore",
    "atomic_write_text",
    "default_answers_path",
    "read_answers",
]

SCHEMA_VERSION = 1


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and an atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _document(path: Path) -> tuple[dict[str, dict[str, Any]], int]:
    """The saved exercises in the file at ``path`` and its schema; raise if unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AnswersFileError(f"{path}: not a readable answers file ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("exercises"), dict):
        raise AnswersFileError(f"{path}: expected an object with 'exercises'")
    schema = data.get("schema")
    if not isinstance(schema, int) or schema < 1:
        raise AnswersFileError(f"{path}: 'schema' must be a version number (got {schema!r})")
    exercises = data["exercises"]
    kept = {k: v for k, v in exercises.items() if isinstance(v, dict) and "value" in v}
    return kept, schema


def read_answers(path: Path) -> dict[str, Any]:
    """Every saved value by exercise id, for commands that only read.

    Unlike :class:`AnswersStore`, a missing or unreadable file raises
    :class:`~offerkit.errors.AnswersFileError` and is left exactly as it is.
    """
    if not Path(path).is_file():
        raise AnswersFileError(f"{path}: no such answers file")
    exercises, _schema = _document(Path(path))
    return {key: entry["value"] for key, entry in sorted(exercises.items())}


def default_answers_path(learner_id: str, folder: Path | None = None) -> Path:
    """``answers/<slug>.answers.json`` under ``folder`` (default: the working folder)."""
    from offerkit.learner.params import learner_slug

    return (folder or Path.cwd()) / "answers" / f"{learner_slug(learner_id)}.answers.json"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _is_empty(value: object) -> bool:
    if value is None or value == "" or value == [] or value == {}:
        return True
    if isinstance(value, Mapping):
        return all(_is_empty(v) or v is False for v in value.values())
    return False


class AnswersStore:
    """Load and save one learner's answers file (see the module docstring)."""

    def __init__(self, path: Path | str, learner_id: str = "") -> None:
        self.path = Path(path)
        self.learner_id = learner_id
        self.warning = ""
        self.read_only = False
        self._exercises: dict[str, dict[str, Any]] = {}
        self._load()

    # ------------------------------------------------------------------ reading
    def _read_file(self) -> dict[str, dict[str, Any]]:
        """The exercises in the file on disk; raise AnswersFileError if unreadable."""
        if not self.path.exists():
            return {}
        exercises, schema = _document(self.path)
        if schema > SCHEMA_VERSION:
            self.read_only = True
            self.warning = (
                f"{self.path.name} was written by a newer offerkit (schema "
                f"{schema}); your answers are shown but not saved. Update offerkit."
            )
        return exercises

    def _load(self) -> None:
        try:
            self._exercises = self._read_file()
        except AnswersFileError as exc:
            kept = self._set_aside()
            self.warning = (
                f"Your answers file could not be read ({exc}). It was kept as "
                f"{kept.name} and a new one will be started; nothing was lost."
            )
            self._exercises = {}

    def _set_aside(self) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        kept = self.path.with_name(f"{self.path.stem}.corrupt-{stamp}.json")
        os.replace(self.path, kept)
        return kept

    # ------------------------------------------------------------------ access
    def get(self, exercise_id: str, default: Any = None) -> Any:
        """The saved value of ``exercise_id``, or ``default``."""
        entry = self._exercises.get(exercise_id)
        return default if entry is None else entry["value"]

    def saved_at(self, exercise_id: str) -> str | None:
        """When ``exercise_id`` was last saved (ISO time), or None."""
        entry = self._exercises.get(exercise_id)
        return None if entry is None else str(entry.get("saved"))

    def all(self) -> dict[str, Any]:
        """Every saved value by exercise id."""
        return {key: entry["value"] for key, entry in sorted(self._exercises.items())}

    def save(self, exercise_id: str, value: Any, *, allow_empty: bool = False) -> bool:
        """Save ``value`` for ``exercise_id``; return False if it was refused.

        Refused (and the store left as it is): a read-only store (newer schema), or an empty
        value over a non-empty saved one — unless ``allow_empty`` (the learner removed their
        entries on purpose).
        """
        if self.read_only:
            return False
        json.dumps(value)  # fail early (TypeError) on values that are not JSON
        try:
            on_disk = self._read_file()
        except AnswersFileError as exc:
            kept = self._set_aside()
            self.warning = (
                f"Your answers file was damaged since it was opened ({exc}); kept as {kept.name}."
            )
            on_disk = {}
        if self.read_only:  # a newer offerkit wrote the file since it was opened
            return False
        merged = {**on_disk, **{k: v for k, v in self._exercises.items() if k not in on_disk}}
        previous = merged.get(exercise_id, {}).get("value")
        if not allow_empty and _is_empty(value) and not _is_empty(previous):
            self._exercises = merged
            return False
        merged[exercise_id] = {"saved": _now(), "value": value}
        document = {
            "schema": SCHEMA_VERSION,
            "learner_id": self.learner_id,
            "updated": _now(),
            "exercises": dict(sorted(merged.items())),
        }
        atomic_write_text(self.path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        self._exercises = merged
        return True
