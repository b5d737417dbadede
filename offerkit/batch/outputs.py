"""Everything a build writes under ``--out``: safe paths, the manifest and ``index.html``.

Layout::

    OUT/manifest.json              per participant: hash, files, status, duration, attempts
    OUT/index.html                 the participants (names escaped) and links to their files
    OUT/<slug>/NN-title.ipynb      one executed workbook per lesson
    OUT/<slug>/NN-title.html       with --html

Every file goes through :func:`write_output`: the path is resolved and must stay inside
``OUT`` (else :class:`~offerkit.errors.BuildError`), and the text is written to a
temporary name and renamed (:func:`offerkit.learner.answers.atomic_write_text`), so a build
killed at any moment leaves either the old file or the new one, never half of one. The
temporaries a killed build leaves (``.NAME.*.tmp``) are removed by the next build.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from offerkit.errors import BuildError
from offerkit.learner.answers import atomic_write_text

__all__ = [
    "MANIFEST",
    "load_manifest",
    "remove_temporaries",
    "safe_path",
    "write_index",
    "write_manifest",
    "write_output",
]

MANIFEST = "manifest.json"
MANIFEST_SCHEMA = 1
_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_TEMPORARY = re.compile(r"^\..+\.tmp$")


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
    atomic_write_text(path, text)
    return path


def remove_temporaries(out: Path) -> int:
    """Remove temporary files a killed build left under ``out``; return how many."""
    count = 0
    if not out.is_dir():
        return 0
    for path in out.rglob(".*.tmp"):
        if path.is_file() and _TEMPORARY.match(path.name):
            path.unlink(missing_ok=True)
            count += 1
    return count


def load_manifest(out: Path) -> dict[str, dict[str, Any]]:
    """The participants recorded in ``out/manifest.json`` (empty if none or unreadable)."""
    path = out / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    participants = data.get("participants") if isinstance(data, dict) else None
    if not isinstance(participants, dict):
        return {}
    return {str(k): v for k, v in participants.items() if isinstance(v, dict)}


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


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:sans-serif;margin:2em}}td,th{{padding:.3em .8em;text-align:left}}
.failed{{color:#b00}}</style></head>
<body>
<h1>{title}</h1>
<table>
<thead><tr><th>Participant</th><th>Status</th><th>Workbooks</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
</body>
</html>
"""


def _links(files: Sequence[str]) -> str:
    shown = [f for f in files if f.endswith(".html")] or [f for f in files if f.endswith(".ipynb")]
    return " ".join(
        f'<a href="{html.escape(f, quote=True)}">{html.escape(Path(f).stem)}</a>' for f in shown
    )


def write_index(
    out: Path, people: Sequence[tuple[str, str]], entries: Mapping[str, Mapping[str, Any]]
) -> Path:
    """Write ``out/index.html``: one row per ``(slug, name)``, names escaped."""
    rows = []
    for slug, name in people:
        entry = entries.get(slug, {})
        status = str(entry.get("status", "not built"))
        files = [str(f) for f in entry.get("files", [])]
        rows.append(
            f'<tr class="{html.escape(status, quote=True)}"><td>{html.escape(name)}</td>'
            f"<td>{html.escape(status)}</td><td>{_links(files)}</td></tr>"
        )
    page = _PAGE.format(title="offerkit workbooks", rows="\n".join(rows))
    return write_output(out, "index.html", page)
