"""One source, two builds: the learner and the instructor versions of every lesson.

* **learners** — cells tagged ``instructor`` or ``solution`` are *absent* (not hidden);
  instructor-only keys of ``metadata.offerkit`` (``roleplay``, ``discussion``) are dropped;
* **instructors** — every cell and key is kept.

In both builds only ``kernelspec``, ``language_info`` and ``offerkit`` survive in the
notebook metadata (no widget state, no papermill record), cells keep only their tags, and
only the outputs pinned for nbval (cells tagged ``nbval-check-output``) are kept: the rest
is cleared, so nothing personal from a run on the maintainer's machine is shipped.

A build is written into a fresh folder next to the target and swapped in at the end, so a
failed build never leaves a half-written release; a folder that is not an offerkit release
is never replaced.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from offerkit.errors import BuildError
from offerkit.instructor.notebooks import cell_tags, read_lessons
from offerkit.learner.answers import atomic_write_text
from offerkit.learner.audience import audience_notebook, checked_audience

__all__ = [
    "release_lessons",
    "release_notebook",
]

PINNED_TAG = "nbval-check-output"
_KEEP_NB_METADATA = ("kernelspec", "language_info", "offerkit")
_MARKER = ".offerkit-release"


def _clean_cell(cell: dict[str, Any]) -> dict[str, Any]:
    tags = list(cell_tags(cell))
    clean: dict[str, Any] = {key: cell[key] for key in ("id", "cell_type", "source") if key in cell}
    clean["metadata"] = {"tags": tags} if tags else {}
    if cell.get("cell_type") == "code":
        pinned = PINNED_TAG in tags
        clean["outputs"] = copy.deepcopy(cell.get("outputs", [])) if pinned else []
        clean["execution_count"] = cell.get("execution_count") if pinned else None
    return clean


def release_notebook(notebook: dict[str, Any], audience: str) -> dict[str, Any]:
    """The ``audience`` build of one notebook (a new dict; the source is not changed)."""
    chosen = audience_notebook(notebook, audience)
    cells = [_clean_cell(cell) for cell in chosen.get("cells", [])]
    source_meta = chosen.get("metadata", {})
    metadata = {key: source_meta[key] for key in _KEEP_NB_METADATA if key in source_meta}
    return {
        "cells": cells,
        "metadata": metadata,
        "nbformat": notebook.get("nbformat", 4),
        "nbformat_minor": notebook.get("nbformat_minor", 5),
    }


def _notebook_text(notebook: dict[str, Any]) -> str:
    """The notebook as nbformat writes it, after checking it against the schema."""
    import nbformat

    nbformat.validate(notebook)
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def _swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging``; refuse to replace a folder that is not ours."""
    if target.exists():
        if any(target.iterdir()) and not (target / _MARKER).exists():
            raise BuildError(
                f"{target} exists and is not an offerkit release; choose another --out "
                "or empty that folder first"
            )
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
        os.replace(staging, target)
        shutil.rmtree(old)
    else:
        os.replace(staging, target)


def release_lessons(audience: str, out: Path, folder: Path | None = None) -> tuple[Path, ...]:
    """Write the ``audience`` build of every lesson to ``out/<audience>/``; return the files.

    Only the lesson notebooks are written (no answers, plans or exports). Lesson metadata
    is checked first (:class:`~offerkit.errors.LessonMetadataError` on a malformed one).
    """
    chosen = checked_audience(audience)
    lessons = read_lessons(folder)
    target = out / chosen
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{chosen}.", dir=target.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a release is meant to be shared
    try:
        for item in lessons:
            text = _notebook_text(release_notebook(item.notebook, chosen))
            atomic_write_text(staging / item.lesson.path.name, text)
            (staging / item.lesson.path.name).chmod(0o644)  # a release is meant to be shared
        marker = {"audience": chosen, "lessons": [item.lesson.id for item in lessons]}
        atomic_write_text(staging / _MARKER, json.dumps(marker) + "\n")
        _swap_in(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return tuple(target / item.lesson.path.name for item in lessons)
