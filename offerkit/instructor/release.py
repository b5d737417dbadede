"""One source, two builds: the learner and the instructor versions of every lesson.

* **learners** — cells tagged ``instructor`` or ``solution`` are *absent* (not hidden);
  instructor-only keys of ``metadata.offerkit`` (``roleplay``, ``discussion``) are dropped;
* **instructors** — every cell and key is kept.

In both builds only ``kernelspec``, ``language_info`` and ``offerkit`` survive in the
notebook metadata (no widget state, no papermill record), cells keep only their tags, and
only the outputs pinned for nbval (cells tagged ``nbval-check-output``) are kept: the rest
is cleared, so nothing personal from a run on the maintainer's machine is shipped.

A build is written into a fresh folder next to the target first, so a failed build leaves
the previous release as it was. Its files are then moved into the target one by one (each
move atomic), the marker ``.offerkit-release`` last; it lists each file the kit wrote with
its SHA-256. The release folder itself is never moved, emptied or replaced, so:

* learners' files stay where they are — above all the answers a learner saved while using
  the release under Voila (``<release>/learners/answers/``, Voila's working folder) — and
  kernels running in the folder keep working;
* only the kit's own files are replaced or deleted (those listed in the previous marker,
  unchanged since they were written; a marker of offerkit 0.1 lists lesson ids, and the
  lessons' notebook names are used); a lesson notebook a learner edited is kept as
  ``<name>.edited-<time>.ipynb``, and a file the kit did not write that is in the way of
  a new one stops the release (:class:`~offerkit.errors.BuildError`) before anything moves;
* a folder that is not an offerkit release is never written into.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from offerkit.errors import BuildError
from offerkit.instructor.notebooks import cell_tags, read_lessons
from offerkit.learner.answers import atomic_write_text
from offerkit.learner.audience import audience_notebook, checked_audience

__all__ = [
    "learner_files",
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


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _marker(target: Path) -> dict[str, Any] | None:
    """The release marker of ``target``, or None when there is none that can be read."""
    try:
        data = json.loads((target / _MARKER).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _kit_files(target: Path, names_by_lesson: dict[str, str]) -> dict[str, str | None]:
    """The files the previous release wrote in ``target``: name -> SHA-256 (None when the
    marker of offerkit 0.1 gives lesson ids only)."""
    marker = _marker(target) or {}
    files = marker.get("files")
    if isinstance(files, dict):
        return {
            str(k): str(v)
            for k, v in files.items()
            if str(k) not in ("", ".", "..", _MARKER) and "/" not in str(k) and "\\" not in str(k)
        }
    lessons = marker.get("lessons")
    ids = [str(i) for i in lessons] if isinstance(lessons, list) else []
    return {names_by_lesson[i]: None for i in ids if i in names_by_lesson}


def _plain(path: Path) -> bool:
    """True when ``path`` is a regular file (not a folder, not a link)."""
    return path.is_file() and not path.is_symlink()


def _unchanged(path: Path, digest: str | None) -> bool:
    """True when the file ``path`` is as the kit wrote it (digest None: not known)."""
    return digest is None or digest == _digest(path)


def learner_files(target: Path) -> tuple[Path, ...]:
    """What is in the release folder ``target`` that the release did not write (learners'
    answers, notes, edited copies): every release keeps these."""
    listed = (_marker(target) or {}).get("files")
    own = {*listed, _MARKER} if isinstance(listed, dict) else {_MARKER}
    return tuple(sorted(p for p in target.iterdir() if p.name not in own))


def _move_in(staging: Path, target: Path, names_by_lesson: dict[str, str]) -> None:
    """Move the build in ``staging`` into ``target``, file by file (see the module docstring)."""
    if target.exists() and any(target.iterdir()) and not (target / _MARKER).exists():
        raise BuildError(
            f"{target} exists and is not an offerkit release; choose another --out "
            "or empty that folder first"
        )
    old = _kit_files(target, names_by_lesson)
    new = sorted(p.name for p in staging.iterdir() if p.name != _MARKER)
    for name in new:
        here = target / name
        if (here.exists() or here.is_symlink()) and (name not in old or not _plain(here)):
            raise BuildError(
                f"{here} is in the way of the release's {name} and offerkit did not write it; "
                "nothing was changed. Move it away and release again"
            )
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    for name, digest in old.items():
        here = target / name
        if not _plain(here):
            continue  # gone, or something else now: not the kit's to touch
        if not _unchanged(here, digest):  # a learner's edits: kept under a new name
            os.replace(here, target / f"{here.stem}.edited-{stamp}{here.suffix}")
        elif name not in new:
            here.unlink()  # a lesson this release no longer has
    for name in [*new, _MARKER]:
        os.replace(staging / name, target / name)


def release_lessons(audience: str, out: Path, folder: Path | None = None) -> tuple[Path, ...]:
    """Write the ``audience`` build of every lesson to ``out/<audience>/``; return the files.

    Only the lesson notebooks are written (no answers, plans or exports); what else is in
    ``out/<audience>/`` is kept (:func:`learner_files`). Lesson metadata is checked first
    (:class:`~offerkit.errors.LessonMetadataError` on a malformed one).
    """
    chosen = checked_audience(audience)
    lessons = read_lessons(folder)
    target = out / chosen
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{chosen}.", dir=target.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a release is meant to be shared
    names = {item.lesson.id: item.lesson.path.name for item in lessons}
    try:
        files: dict[str, str] = {}
        for item in lessons:
            path = staging / item.lesson.path.name
            atomic_write_text(path, _notebook_text(release_notebook(item.notebook, chosen)))
            path.chmod(0o644)  # a release is meant to be shared
            files[path.name] = _digest(path)
        marker = {"audience": chosen, "lessons": list(names), "files": files}
        atomic_write_text(staging / _MARKER, json.dumps(marker, indent=1) + "\n")
        if target.exists():
            _move_in(staging, target, names)
        else:
            os.replace(staging, target)  # a first release: the whole folder at once
    finally:
        if staging.exists():
            shutil.rmtree(staging)  # the kit's own staging folder (what was not moved in)
    return tuple(target / item.lesson.path.name for item in lessons)
