"""The answers store: a learner's saved exercise answers, one JSON file per learner.

Answers live *outside* the notebooks, keyed by stable exercise ids (``"03.salary"``), so
they survive re-running a cell, restarting the kernel, deleting cells and replacing a
notebook by a newer version. The file::

    {"kind": "offerkit-answers", "schema": 1, "learner_id": "ada",
     "updated": "2026-11-25T18:00:00+00:00",
     "exercises": {"03.salary": {"saved": "…", "value": {…}}}}

Every value is a JSON object (what an exercise's fields hold). Files written by offerkit
0.1 have no ``"kind"``; they are still read (``tests/data/answers-schema-1.json``).

Whose file is it? :func:`read_answers_file` decides:

* **offerkit's** — JSON with ``"kind": "offerkit-answers"``, or (offerkit 0.1) an object
  with ``"schema"`` and ``"exercises"`` and no ``"kind"``, or any file named
  ``*.answers.json`` or holding ``"kind": "offerkit-answers"`` even if it is no longer
  valid JSON (the kit's name and mark);
* **not offerkit's** — anything else (a ``settings.json``, notes, another tool's data).
  It is never renamed, replaced or written: :class:`~offerkit.errors.ForeignFileError`,
  the store is read-only and the learner is told which file to change.

Safety rules:

* saves take a lock (``.<name>.offerkit-lock`` next to the file, :mod:`filelock`) around
  read-merge-write, so two notebooks (or a notebook and ``offerkit export-answers``)
  never erase each other's answers: every save that returned True is on disk;
* every write goes to a temporary file in the same folder (``.<name>.<random>.offerkit.tmp``)
  and is renamed over the old one (atomic on POSIX and Windows); temporaries a killed
  writer left are removed the next time the store opens, and only those;
* offerkit's own file that does not match the schema (bad JSON, wrong shape or types) is
  **never overwritten**: it is moved aside, byte for byte, to ``<name>.corrupt-<time>.json``
  and the learner is told (``store.warning``); if it cannot be moved (a read-only folder)
  it is left as it is and saving is off; a newer schema is left untouched and saving is
  refused;
* saving an empty value over a non-empty saved answer is refused (no worse data).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from offerkit.errors import AnswersFileError, ForeignFileError

__all__ = [
    "ANSWERS_KIND",
    "ANSWERS_SUFFIX",
    "LOCK_SUFFIX",
    "SCHEMA_VERSION",
    "TEMP_SUFFIX",
    "AnswersFile",
    "AnswersStore",
    "atomic_write_text",
    "default_answers_path",
    "lock_path",
    "read_answers",
    "read_answers_file",
    "temporary_files",
]

SCHEMA_VERSION = 1
ANSWERS_KIND = "offerkit-answers"
ANSWERS_SUFFIX = ".answers.json"
TEMP_SUFFIX = ".offerkit.tmp"
LOCK_SUFFIX = ".offerkit-lock"
LOCK_TIMEOUT = 30.0  # seconds a save waits for another writer before giving up (OSError)
_ENVELOPE = frozenset({"kind", "schema", "learner_id", "updated", "exercises"})
_ENTRY = frozenset({"saved", "value"})


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via ``.<name>.<random>.offerkit.tmp`` and an atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def temporary_files(path: Path) -> list[Path]:
    """The temporaries :func:`atomic_write_text` makes for ``path`` (by their name alone)."""
    own = re.compile(rf"^\.{re.escape(path.name)}\.[a-z0-9_]{{8}}{re.escape(TEMP_SUFFIX)}$")
    if not path.parent.is_dir():
        return []
    return sorted(p for p in path.parent.iterdir() if own.match(p.name) and p.is_file())


def lock_path(path: Path) -> Path:
    """The lock file of the answers file ``path``: ``.<name>.offerkit-lock`` beside it."""
    return path.with_name(f".{path.name}{LOCK_SUFFIX}")


def default_answers_path(learner_id: str, folder: Path | None = None) -> Path:
    """``answers/<slug>.answers.json`` under ``folder`` (default: the working folder)."""
    from offerkit.learner.params import learner_slug

    return (folder or Path.cwd()) / "answers" / f"{learner_slug(learner_id)}{ANSWERS_SUFFIX}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _is_empty(value: object) -> bool:
    if value is None or value == "" or value == [] or value == {}:
        return True
    if isinstance(value, Mapping):
        return all(_is_empty(v) or v is False for v in value.values())
    return False


# ---------------------------------------------------------------- reading and checking


@dataclass(frozen=True)
class AnswersFile:
    """What an answers file holds, once checked (see :func:`read_answers_file`)."""

    schema: int
    learner_id: str
    exercises: dict[str, dict[str, Any]]

    @property
    def newer(self) -> bool:
        """True when a newer offerkit wrote the file (it is then only read)."""
        return self.schema > SCHEMA_VERSION


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false"}
    if value is None:
        return "null"
    return names.get(type(value), "a number" if isinstance(value, int | float) else "?")


def _entry_problem(exercise_id: str, entry: object) -> str:
    """What is wrong with one exercise entry ("" when nothing is)."""
    if not isinstance(entry, dict):
        return f"answer '{exercise_id}' must be an object (got {_json_type(entry)})"
    if set(entry) != _ENTRY:
        return f"answer '{exercise_id}' must hold 'saved' and 'value' (got {sorted(entry)})"
    saved, value = entry["saved"], entry["value"]
    try:
        datetime.fromisoformat(saved if isinstance(saved, str) else "?")
    except ValueError:
        return f"answer '{exercise_id}': 'saved' must be an ISO time (got {saved!r:.40})"
    if not isinstance(value, dict):
        return f"answer '{exercise_id}': 'value' must be an object (got {_json_type(value)})"
    return ""


def _envelope_problem(data: dict[str, Any]) -> str:
    """What is wrong with a schema-1 file's envelope ("" when nothing is)."""
    unknown = sorted(set(data) - _ENVELOPE)
    if unknown:
        return f"unexpected key {unknown[0]!r} at the top"
    for key in ("learner_id", "updated"):
        if key in data and not isinstance(data[key], str):
            return f"'{key}' must be text (got {_json_type(data[key])})"
    exercises = data.get("exercises")
    if not isinstance(exercises, dict):
        return f"'exercises' must be an object (got {_json_type(exercises)})"
    for exercise_id, entry in exercises.items():
        problem = _entry_problem(exercise_id, entry)
        if problem:
            return problem
    return ""


def _foreign(path: Path, why: str) -> ForeignFileError:
    return ForeignFileError(
        f"{path} is not an offerkit answers file ({why}); offerkit left it untouched and "
        "will not save there. Choose another answers_file (e.g. answers/<your id>"
        f"{ANSWERS_SUFFIX}) or move that file away."
    )


_MARK = re.compile(rb'"kind"\s*:\s*"' + re.escape(ANSWERS_KIND.encode()) + rb'"')


def _claimed(path: Path, raw: bytes) -> bool:
    """True when the name or the text marks the file as offerkit's answers."""
    return path.name.endswith(ANSWERS_SUFFIX) or _MARK.search(raw) is not None


def _parsed(path: Path) -> tuple[bytes, Any] | None:
    """The bytes and the JSON of ``path`` (None if absent); the JSON is an error when the
    file is not JSON. Unreadable files raise ForeignFileError: whose they are is unknown."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _foreign(path, f"it cannot be read: {exc.strerror or exc}") from None
    try:
        return raw, json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        return raw, exc


def read_answers(path: Path) -> dict[str, Any]:
    """Every saved value by exercise id, for commands that only read (``offerkit plan``).

    Unlike :class:`AnswersStore`, a missing, foreign or damaged file raises
    (:class:`~offerkit.errors.AnswersFileError`) and is left exactly as it is.
    """
    found = read_answers_file(Path(path))
    if found is None:
        raise AnswersFileError(f"{path}: no such answers file")
    return {key: entry["value"] for key, entry in sorted(found.exercises.items())}


def read_answers_file(path: Path) -> AnswersFile | None:
    """The checked contents of the answers file ``path``; None when there is none.

    Raise :class:`~offerkit.errors.ForeignFileError` when the file is not offerkit's (see
    the module docstring) and :class:`~offerkit.errors.AnswersFileError` when it is
    offerkit's but does not match the schema. Nothing on disk is changed.
    """
    found = _parsed(path)
    if found is None:
        return None
    raw, data = found
    if isinstance(data, dict) and "kind" in data:
        if data["kind"] != ANSWERS_KIND:
            raise _foreign(path, f"its 'kind' is {data['kind']!r:.40}")
    elif not (isinstance(data, dict) and {"schema", "exercises"} <= set(data)) and not (
        _claimed(path, raw)
    ):
        what = "not JSON" if isinstance(data, Exception) else "no offerkit answers in it"
        raise _foreign(path, what)
    damaged = f"{path}: damaged offerkit answers file"
    if isinstance(data, Exception):
        raise AnswersFileError(f"{damaged}: not JSON ({data})")
    if not isinstance(data, dict):
        raise AnswersFileError(f"{damaged}: expected an object at the top (got {_json_type(data)})")
    schema = data.get("schema")
    if type(schema) is not int or schema < 1:
        raise AnswersFileError(f"{damaged}: 'schema' must be a whole number (got {schema!r:.40})")
    learner_id = data.get("learner_id")
    if schema > SCHEMA_VERSION:  # read what can be read; it is never written
        exercises = data.get("exercises")
        kept = {
            k: v
            for k, v in (exercises.items() if isinstance(exercises, dict) else ())
            if not _entry_problem(k, v)
        }
        return AnswersFile(schema, learner_id if isinstance(learner_id, str) else "", kept)
    problem = _envelope_problem(data)
    if problem:
        raise AnswersFileError(f"{damaged}: {problem}")
    return AnswersFile(schema, learner_id or "", dict(data["exercises"]))


# ---------------------------------------------------------------- the store


class AnswersStore:
    """Load and save one learner's answers file (see the module docstring).

    Opening never raises: a file that is not offerkit's makes the store read-only
    (``refused`` holds the :class:`~offerkit.errors.ForeignFileError`); a damaged one of
    offerkit's is moved aside. ``warning`` says what happened, for the learner.
    """

    def __init__(self, path: Path | str, learner_id: str = "") -> None:
        self.path = Path(path)
        self.learner_id = learner_id
        self.warning = ""
        self.read_only = False
        self.refused: ForeignFileError | None = None
        self.file_learner_id = ""
        self._exercises: dict[str, dict[str, Any]] = {}
        self._load()

    @contextmanager
    def _locked(self) -> Iterator[None]:
        from filelock import FileLock  # imported when needed: keeps `offerkit --help` fast

        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(lock_path(self.path))
        with lock.acquire(timeout=LOCK_TIMEOUT, poll_interval=0.005):
            yield

    def _refuse(self, exc: ForeignFileError) -> None:
        self.refused, self.read_only = exc, True
        self.warning = f"Your answers are not saved: {exc}"

    def _accept(self, found: AnswersFile | None) -> None:
        if found is None:
            return
        self.file_learner_id = found.learner_id
        if found.newer:
            self.read_only = True
            self.warning = (
                f"{self.path} was written by a newer offerkit (schema {found.schema}); your "
                "answers are shown but not saved. Update offerkit (pip install -U offerkit)."
            )

    def _load(self) -> None:
        try:
            found = read_answers_file(self.path)
        except ForeignFileError as exc:
            self._refuse(exc)
            return
        except AnswersFileError as exc:
            try:
                found = self._open_damaged()
            except OSError as error:  # a read-only folder, say: then nothing changes at all
                self.read_only = True
                self.warning = (
                    f"Your answers file could not be read ({exc}) nor kept aside "
                    f"({error.strerror or error}); nothing was changed and your answers are "
                    "not saved. Move or fix that file, or choose another answers_file."
                )
                return
        if temporary_files(self.path) and not self.refused:
            try:
                self._remove_temporaries()
            except OSError as error:  # they stay; the lesson goes on
                self.warning = self.warning or (
                    f"Temporary files a stopped save left beside {self.path} could not be "
                    f"removed ({error.strerror or error}); you may delete them "
                    f"(.{self.path.name}.*{TEMP_SUFFIX})."
                )
        if found is not None and not self.refused:
            self._accept(found)
            self._exercises = dict(found.exercises)

    def _remove_temporaries(self) -> None:
        with self._locked():  # a writer holding the lock may still need its temporary
            for left in temporary_files(self.path):
                left.unlink(missing_ok=True)

    def _open_damaged(self) -> AnswersFile | None:
        """Under the lock, check again and move the damaged file aside."""
        with self._locked():
            try:
                return read_answers_file(self.path)  # another notebook may have fixed it
            except ForeignFileError as exc:
                self._refuse(exc)
            except AnswersFileError as exc:
                kept = self._set_aside()
                self.warning = (
                    f"Your answers file could not be read ({exc}). It was kept, unchanged, as "
                    f"{kept} and a new one will be started; nothing was lost. To bring old "
                    "answers back, fix that copy and put it back in place of the new file."
                )
        return None

    def _set_aside(self) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        kept = self.path.with_name(f"{self.path.stem}.corrupt-{stamp}.json")
        count = 1
        while kept.exists():
            count += 1
            kept = self.path.with_name(f"{self.path.stem}.corrupt-{stamp}-{count}.json")
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
        """Save ``value`` (a JSON object) for ``exercise_id``; return False if refused.

        Refused (and the store left as it is): a read-only store (not offerkit's file, or a
        newer schema), or an empty value over a non-empty saved one — unless
        ``allow_empty`` (the learner removed their entries on purpose). A value that is not
        a JSON object raises TypeError; a lock not obtained in time raises an OSError.
        """
        if not isinstance(value, dict):
            raise TypeError(f"an answer must be a dict (a JSON object), got {type(value)}")
        json.dumps(value)  # fail early (TypeError) on values that are not JSON
        if self.read_only:
            return False
        with self._locked():
            return self._save_locked(exercise_id, value, allow_empty)

    def _save_locked(self, exercise_id: str, value: dict[str, Any], allow_empty: bool) -> bool:
        try:
            found = read_answers_file(self.path)
        except ForeignFileError as exc:  # replaced by someone else's file since it was opened
            self._refuse(exc)
            return False
        except AnswersFileError as exc:
            kept = self._set_aside()
            self.warning = (
                f"Your answers file was damaged since it was opened ({exc}); it was kept, "
                f"unchanged, as {kept}, and your answers are saved in a new one."
            )
            found = None
        self._accept(found)
        if self.read_only:  # a newer offerkit wrote the file since it was opened
            return False
        on_disk = {} if found is None else found.exercises
        merged = {**on_disk, **{k: v for k, v in self._exercises.items() if k not in on_disk}}
        previous = merged.get(exercise_id, {}).get("value")
        if not allow_empty and _is_empty(value) and not _is_empty(previous):
            self._exercises = merged
            return False
        merged[exercise_id] = {"saved": _now(), "value": value}
        document = {
            "kind": ANSWERS_KIND,
            "schema": SCHEMA_VERSION,
            "learner_id": self.learner_id or self.file_learner_id,
            "updated": _now(),
            "exercises": dict(sorted(merged.items())),
        }
        atomic_write_text(self.path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        self._exercises = merged
        return True
