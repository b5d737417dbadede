"""``offerkit init``: the learner build of the lessons, copied into a folder for self-study.

Every lesson's learner build (:func:`offerkit.instructor.release.release_notebook`: no
instructor notes or worked solutions) is written into the folder a learner picks, with a
record, ``.offerkit-course.json``, of each file written and the SHA-256 of what was
written. Running it again (after upgrading offerkit, say) refreshes only the lessons that
are still exactly as it wrote them. A file it did not write, or a lesson edited since, is
left as it is and reported; ``answers/`` and anything else in the folder are never touched.

The same goes for the kit's Voila template, written under ``share/jupyter/voila/templates/``
in the folder: with ``JUPYTER_PATH`` pointing there, ``voila --template=offerkit`` serves a
lesson as an app that asks no other host for anything (Voila's lab template fetches
FontAwesome style sheets from a CDN; the kit's drops them, Voila's bundle has the icons).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from offerkit.errors import BuildError
from offerkit.instructor.notebooks import read_lessons
from offerkit.instructor.release import release_notebook
from offerkit.learner.answers import atomic_write_text
from offerkit.resources import bundled_folder

__all__ = [
    "RECORD",
    "VOILA_TEMPLATE",
    "VOILA_TEMPLATE_DIR",
    "CourseCopy",
    "init_course",
    "voila_template_files",
]

RECORD = ".offerkit-course.json"
VOILA_TEMPLATE = "offerkit"  # voila --template=offerkit
# Voila looks for templates in $JUPYTER_PATH/voila/templates/<name>/.
VOILA_TEMPLATE_DIR = f"share/jupyter/voila/templates/{VOILA_TEMPLATE}"


@dataclass(frozen=True)
class CourseCopy:
    """What :func:`init_course` did: the lessons written, those already up to date, and the
    files left alone with the reason."""

    folder: Path
    written: tuple[Path, ...]
    current: tuple[Path, ...]
    kept: tuple[tuple[Path, str], ...]


def _digest_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _digest_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_record(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}  # no record, or an unreadable one: the kit owns nothing here
    files = data.get("files") if isinstance(data, Mapping) else None
    if not isinstance(files, Mapping):
        return {}
    return {str(k): str(v) for k, v in files.items()}


def _notebook_text(notebook: dict[str, Any]) -> str:
    import nbformat

    nbformat.validate(notebook)
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def voila_template_files() -> dict[str, str]:
    """The kit's Voila template as ``{path in the course folder: text}``: Voila's lab
    template without its requests to a CDN (``offerkit/voila-template/``)."""
    source = bundled_folder("voila-template")
    return {
        f"{VOILA_TEMPLATE_DIR}/{path.name}": path.read_text(encoding="utf-8")
        for path in sorted(source.iterdir())
        if path.is_file()
    }


def _place(folder: Path, name: str, text: str, owned: dict[str, str]) -> str:
    """Write ``text`` to ``folder/name`` unless a learner owns that file: "written",
    "current" (already so) or the reason it was left alone."""
    path = folder / name
    if path.is_symlink() or (path.exists() and not path.is_file()):
        return "not a file offerkit wrote"
    if path.exists():
        digest = _digest_file(path)
        if name not in owned:
            return "offerkit did not write it"
        if owned[name] != digest:
            return "edited since offerkit wrote it"
        if digest == _digest_text(text):
            return "current"
    atomic_write_text(path, text)
    owned[name] = _digest_text(text)
    return "written"


def init_course(folder: Path, lessons: Path | None = None) -> CourseCopy:
    """Write the learner build of every lesson in ``lessons`` (default: the bundled ones)
    and the kit's Voila template into ``folder`` (created if missing); see the module
    docstring for what is kept."""
    if folder.exists() and not folder.is_dir():
        raise BuildError(f"{folder} is a file, not a folder: choose another folder")
    chosen = read_lessons(lessons)  # LessonMetadataError before anything is written
    files = {
        item.lesson.path.name: _notebook_text(release_notebook(item.notebook, "learners"))
        for item in chosen
    }
    owned = _read_record(folder)
    written: list[Path] = []
    current: list[Path] = []
    kept: list[tuple[Path, str]] = []
    for name, text in {**files, **voila_template_files()}.items():
        outcome = _place(folder, name, text, owned)
        if outcome == "written":
            written.append(folder / name)
        elif outcome == "current":
            current.append(folder / name)
        else:
            kept.append((folder / name, outcome))
    if written:
        record = {"written_by": "offerkit init", "files": dict(sorted(owned.items()))}
        atomic_write_text(folder / RECORD, json.dumps(record, indent=2) + "\n")
    return CourseCopy(folder, tuple(written), tuple(current), tuple(kept))
