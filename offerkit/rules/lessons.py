"""The lesson notebooks: where they are, and their metadata for schedules and guides.

Each lesson is ``notebooks/NN-kebab-title.ipynb`` and carries ``metadata.offerkit``::

    {"lesson": "03", "title": "Your expected salary",
     "questions": [...], "objectives": [...], "keypoints": [...],
     "teaching": 15, "exercises": 20,               # minutes
     "discussion": [...], "roleplay": "...",        # optional, for the facilitator guide
     "beyond_lesson": [...]}                         # optional: material beyond the source

:func:`lesson_metadata` checks it and raises :class:`~offerkit.errors.LessonMetadataError`
naming the notebook and the field.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from offerkit.errors import LessonMetadataError
from offerkit.resources import bundled_folder

__all__ = ["Lesson", "lesson_metadata", "lesson_notebooks", "notebooks_dir"]

_NAME = re.compile(r"^(\d\d)-[a-z0-9-]+\.ipynb$")
_LISTS = ("questions", "objectives", "keypoints")
_MINUTES = ("teaching", "exercises")


@dataclass(frozen=True)
class Lesson:
    """One lesson notebook and its checked metadata."""

    id: str
    path: Path
    title: str
    questions: tuple[str, ...]
    objectives: tuple[str, ...]
    keypoints: tuple[str, ...]
    teaching: int
    exercises: int
    discussion: tuple[str, ...] = ()
    roleplay: str = ""
    beyond_lesson: tuple[str, ...] = ()

    @property
    def minutes(self) -> int:
        """Teaching plus exercise minutes."""
        return self.teaching + self.exercises


def notebooks_dir() -> Path:
    """``$OFFERKIT_NOTEBOOKS``, else the package's ``notebooks/`` (the repository's
    ``notebooks/`` in a clone; :func:`offerkit.resources.bundled_folder`)."""
    return bundled_folder("notebooks")


def _strings(meta: dict[str, Any], name: str, path: Path, required: bool) -> tuple[str, ...]:
    value = meta.get(name)
    if value is None and not required:
        return ()
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(v, str) and v.strip() for v in value)
    ):
        raise LessonMetadataError(
            f"metadata.offerkit.{name} must be a non-empty list of texts (got {value!r})",
            path=str(path),
            column=name,
        )
    return tuple(value)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LessonMetadataError(f"is not a readable notebook ({exc})", path=str(path)) from None
    return data if isinstance(data, dict) else {}


def _text(meta: dict[str, Any], name: str, path: Path, required: bool) -> str:
    value = meta.get(name, None if required else "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise LessonMetadataError(
            f"metadata.offerkit.{name} must be a text (got {value!r})", path=str(path), column=name
        )
    return value.strip()


def _minutes(meta: dict[str, Any], name: str, path: Path) -> int:
    value = meta.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 240:
        raise LessonMetadataError(
            f"metadata.offerkit.{name} must be whole minutes, 0–240 (got {value!r})",
            path=str(path),
            column=name,
        )
    return value


def lesson_metadata(path: Path, notebook: dict[str, Any] | None = None) -> Lesson:
    """Read and check ``metadata.offerkit`` of the notebook at ``path``."""
    match = _NAME.match(path.name)
    if not match:
        raise LessonMetadataError("lesson notebooks are named NN-kebab-title.ipynb", path=str(path))
    meta = (_read(path) if notebook is None else notebook).get("metadata", {}).get("offerkit")
    if not isinstance(meta, dict):
        raise LessonMetadataError("metadata.offerkit is missing", path=str(path), column="offerkit")
    if meta.get("lesson") != match.group(1):
        raise LessonMetadataError(
            f"metadata.offerkit.lesson must be {match.group(1)!r} (got {meta.get('lesson')!r})",
            path=str(path),
            column="lesson",
        )
    title = _text(meta, "title", path, required=True)
    teaching, exercises = (_minutes(meta, name, path) for name in _MINUTES)
    roleplay = _text(meta, "roleplay", path, required=False)
    lists = {name: _strings(meta, name, path, True) for name in _LISTS}
    optional = {name: _strings(meta, name, path, False) for name in ("discussion", "beyond_lesson")}
    return Lesson(
        match.group(1),
        path,
        title,
        lists["questions"],
        lists["objectives"],
        lists["keypoints"],
        teaching,
        exercises,
        optional["discussion"],
        roleplay,
        optional["beyond_lesson"],
    )


def lesson_notebooks(folder: Path | None = None) -> tuple[Path, ...]:
    """The lesson notebooks in ``folder`` (default :func:`notebooks_dir`), in order."""
    root = folder or notebooks_dir()
    return tuple(sorted(p for p in root.glob("*.ipynb") if _NAME.match(p.name)))
