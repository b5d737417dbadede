"""Everything a build writes under ``--out``: safe paths, the manifest and ``index.html``
(rendered by :mod:`offerkit.rules.html` from ``index.html.j2``).

Layout::

    OUT/manifest.json              per participant: keyed hashes, files, status, duration
    OUT/index.html                 the instructor's page: participants and their files
    OUT/<slug>/NN-title.ipynb      one executed workbook per lesson
    OUT/<slug>/NN-title.html       with --html: the handout (no code, opens offline)
    OUT/<slug>/NN-title.pdf        with --pdf: the handout, printed
    OUT/.offerkit-secret           the key of the manifest's hashes (owner-only)
    OUT/.offerkit-build.lock       held while a build runs

Every path goes through :func:`safe_path` (a plain name, inside ``OUT``), and every file
through :class:`offerkit.batch.folder.Staging` (temporary name, then rename). The manifest
records, per file, a keyed hash of its bytes: a rerun rebuilds a participant whose files
are missing, truncated or changed, and a file is only ever deleted when it is a lesson file
in its participant's own folder whose bytes are still the ones the build wrote
(:func:`owned_file`) — a hand-edited manifest cannot point the build at anything else.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from offerkit.batch.folder import Staging, keyed_hash
from offerkit.errors import BuildError
from offerkit.rules.html import render_page

__all__ = [
    "MANIFEST",
    "load_manifest",
    "owned_file",
    "safe_path",
    "write_index",
    "write_manifest",
    "write_output",
]

MANIFEST = "manifest.json"
MANIFEST_SCHEMA = 2
_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_LESSON_FILE = re.compile(r"^\d\d-[a-z0-9-]+\.(ipynb|html|pdf)$")


def safe_path(out: Path, *parts: str) -> Path:
    """``out/part/…``, refusing parts with separators or ``..`` and paths outside ``out``."""
    root = out.resolve()
    for part in parts:
        if not _PART.match(part) or ".." in part:
            raise BuildError(f"output name {part!r} is not a plain file name; nothing written")
    path = root.joinpath(*parts).resolve()
    if not path.is_relative_to(root):
        raise BuildError(f"output {path} would land outside {root}; nothing written")
    return path


def write_output(out: Path, relative: str, text: str) -> Path:
    """Write ``text`` atomically to ``out/relative`` (``relative`` uses ``/``)."""
    path = safe_path(out, *relative.split("/"))
    staging = Staging()
    staging.stage(path, text.encode("utf-8"))
    staging.commit()
    return path


def owned_file(out: Path, slug: str, relative: str, digest: object, key: bytes) -> Path | None:
    """The file ``relative`` if the build made it for ``slug`` and it is unchanged since:
    ``slug/NN-title.ipynb|html|pdf``, a regular file (no link), whose keyed hash is ``digest``."""
    parts = relative.split("/")
    if len(parts) != 2 or parts[0] != slug or not _LESSON_FILE.match(parts[1]):
        return None
    folder = out / slug
    path = folder / parts[1]
    if folder.is_symlink() or path.is_symlink() or not path.is_file():
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return path if isinstance(digest, str) and keyed_hash(key, data) == digest else None


def load_manifest(out: Path) -> dict[str, dict[str, Any]]:
    """The participants recorded in ``out/manifest.json`` (empty if none, unreadable or of
    an older schema, whose hashes were not keyed: everything is rebuilt then)."""
    path = out / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("schema") != MANIFEST_SCHEMA:
        return {}
    participants = data.get("participants")
    if not isinstance(participants, dict):
        return {}
    entries = {str(k): v for k, v in participants.items() if isinstance(v, dict)}
    for entry in entries.values():
        if not isinstance(entry.get("files"), dict):
            entry["files"] = {}
    return entries


def write_manifest(
    out: Path, entries: Mapping[str, Mapping[str, Any]], about: Mapping[str, Any]
) -> None:
    """Write the manifest atomically: ``about`` (version, lessons…) plus the entries."""
    document = {
        "schema": MANIFEST_SCHEMA,
        **about,
        "participants": {slug: dict(entries[slug]) for slug in sorted(entries)},
    }
    write_output(out, MANIFEST, json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def _links(slug: str, files: Sequence[str]) -> list[str]:
    """The participant's own lesson files to link: the HTML handouts, else the notebooks
    (a name in a hand-edited manifest that is not one, e.g. ``javascript:…``, is dropped)."""
    own = [f for f in files if f.count("/") == 1 and f.startswith(f"{slug}/")]
    own = [f for f in own if _LESSON_FILE.match(f.split("/")[1])]
    return [f for f in own if f.endswith(".html")] or [f for f in own if f.endswith(".ipynb")]


def _status(entry: Mapping[str, Any]) -> str:
    status = str(entry.get("status", "not built"))
    if status == "failed" and entry.get("kept_previous"):
        return "failed (previous workbooks kept)"
    return status


def write_index(
    out: Path, people: Sequence[tuple[str, str]], entries: Mapping[str, Mapping[str, Any]]
) -> Path:
    """Write ``out/index.html``, the instructor's page: one row per ``(slug, name)``."""
    rows = []
    for slug, name in people:
        entry = entries.get(slug, {})
        files = sorted(str(f) for f in entry.get("files", {}))
        status = str(entry.get("status", "not built"))
        links = [(f, Path(f).stem) for f in _links(slug, files)]
        rows.append({"name": name, "status": status, "shown": _status(entry), "links": links})
    title = "offerkit workbooks — instructor's page"
    page = render_page("index.html.j2", title=title, rows=rows)
    return write_output(out, "index.html", page)
