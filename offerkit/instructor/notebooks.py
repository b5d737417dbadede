"""Reading lesson notebooks for the instructor kit: cells by tag, checked metadata.

Notebooks are read as plain JSON (no kernel, no nbformat upgrade): the instructor kit
only looks at cell tags, cell sources and ``metadata.offerkit``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from offerkit.errors import LessonMetadataError
from offerkit.rules.lessons import Lesson, lesson_metadata, lesson_notebooks

__all__ = [
    "INSTRUCTOR_TAG",
    "SOLUTION_TAG",
    "LessonNotebook",
    "cell_source",
    "cell_tags",
    "read_lessons",
]

INSTRUCTOR_TAG = "instructor"
SOLUTION_TAG = "solution"


@dataclass(frozen=True)
class LessonNotebook:
    """A lesson's checked metadata and its notebook JSON."""

    lesson: Lesson
    notebook: dict[str, Any]

    def sources(self, tag: str) -> tuple[str, ...]:
        """The text of every cell tagged ``tag``, in notebook order."""
        return tuple(
            cell_source(cell) for cell in self.notebook.get("cells", []) if tag in cell_tags(cell)
        )


def cell_tags(cell: dict[str, Any]) -> tuple[str, ...]:
    """A cell's tags (none if the metadata has no list of tags)."""
    tags = cell.get("metadata", {}).get("tags", [])
    return tuple(str(tag) for tag in tags) if isinstance(tags, list) else ()


def cell_source(cell: dict[str, Any]) -> str:
    """A cell's source as one text (nbformat allows a list of lines)."""
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LessonMetadataError(f"not a readable notebook ({exc})", path=str(path)) from None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise LessonMetadataError("expected a notebook with a list of cells", path=str(path))
    return data


def read_lessons(
    folder: Path | None = None, paths: Sequence[Path] | None = None
) -> tuple[LessonNotebook, ...]:
    """Every lesson notebook of ``folder`` (or the given ``paths``), metadata checked.

    Raises :class:`~offerkit.errors.LessonMetadataError` naming the notebook and the field
    at the first malformed lesson, and when there is no lesson at all.
    """
    chosen = tuple(paths) if paths is not None else lesson_notebooks(folder)
    if not chosen:
        raise LessonMetadataError(
            "no lesson notebooks (NN-kebab-title.ipynb) found",
            path=str(folder) if folder else "",
        )
    lessons = []
    for path in chosen:
        notebook = _read(path)
        lessons.append(LessonNotebook(lesson_metadata(path, notebook), notebook))
    return tuple(lessons)
