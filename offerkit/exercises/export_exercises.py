"""Lesson 06 (optional): export an anonymised summary for the workshop pulse.

Nothing leaves the learner's machine unless they click **Export anonymised summary**: the
button writes ``<token>.offerkit-export.json`` next to the answers file (atomically; a file
there that is not an offerkit export is never replaced), and the exercise always shows
exactly what is (or would be) in it — shares, counts and kinds, no name, id, pay figure or
free text (see :mod:`offerkit.rules.export`).

In a headless run (papermill, nbval) nothing is written and no token is created: the
preview uses a placeholder token.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from offerkit.errors import ForeignFileError, OfferkitError
from offerkit.exercises.course import Course
from offerkit.learner.answers import atomic_write_text
from offerkit.rules.export import (
    EXPORT_KIND,
    EXPORT_SUFFIX,
    ExportInputs,
    anonymised_export,
    export_token,
)

__all__ = [
    "PREVIEW_TOKEN",
    "build_export_exercise",
    "export_from_course",
    "export_inputs_from_course",
    "export_path",
    "write_export",
]

PREVIEW_TOKEN = "0" * 16  # shown in headless previews, never written


def export_inputs_from_course(course: Course) -> ExportInputs:
    """The :class:`~offerkit.rules.export.ExportInputs` of the learner's state."""
    state = course.state
    counts = state.strengths.counts
    expected = state.salary.expected
    return ExportInputs(
        weights=state.priorities.priorities.weights,
        soft=int(counts.get("soft", 0)),
        hard=int(counts.get("hard", 0)) - int(counts.get("rare", 0)),
        rare_hard=int(counts.get("rare", 0)),
        previous_annual=None
        if expected is None or expected.previous is None
        else expected.previous.amount,
        ask=None if state.salary.ask is None else state.salary.ask.ask,
        exception_kinds=() if expected is None else tuple(e.kind for e in expected.exceptions),
        decision_days=None if state.deadline is None else state.deadline.days,
    )


def export_path(course: Course) -> Path:
    """``<token>.offerkit-export.json`` next to the learner's answers file: named by the
    export's random token (saved the first time), never by the learner's id or name."""
    return course.store.path.parent / f"{export_token(course.store)}{EXPORT_SUFFIX}"


def export_from_course(course: Course, token: str) -> dict[str, Any]:
    """The anonymised export of the learner's saved answers under ``token``."""
    return anonymised_export(export_inputs_from_course(course), token)


def _export_text(export: dict[str, Any]) -> str:
    return json.dumps(export, indent=2, ensure_ascii=False) + "\n"


def _check_export_target(path: Path) -> None:
    """Refuse (ForeignFileError) to replace a file that is not an offerkit export."""
    if not path.exists() and not path.is_symlink():
        return
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        data = None
    if not (isinstance(data, dict) and data.get("kind") == EXPORT_KIND) or path.is_symlink():
        raise ForeignFileError(
            f"{path} exists and is not an offerkit export; it was left untouched and nothing "
            "was exported. Choose another file to export to, or move that one away"
        )


def write_export(course: Course, out: Path | None = None) -> Path:
    """Write the export (atomically) to ``out`` or :func:`export_path`; return the path.

    The token is the one saved in the answers file (a new one is saved the first time), so
    a re-export replaces the earlier one in the class pulse instead of counting twice. An
    existing file that is not an offerkit export is never replaced (ForeignFileError).
    """
    path = out or export_path(course)
    _check_export_target(path)
    atomic_write_text(path, _export_text(export_from_course(course, export_token(course.store))))
    return path


def _preview_html(export: dict[str, Any], note: str) -> str:
    return (
        f"<p>{html.escape(note)}</p>"
        f"<pre class='offerkit-export'>{html.escape(_export_text(export))}</pre>"
    )


def _export_widget(course: Course) -> Any:
    import ipywidgets as widgets

    preview = widgets.HTML()
    status = widgets.Label()
    button = widgets.Button(
        description="Export anonymised summary", icon="share", layout={"width": "auto"}
    )
    note = "This is exactly what the file will hold: no name, id, pay figure or free text."
    try:
        preview.value = _preview_html(export_from_course(course, export_token(course.store)), note)
    except OfferkitError as exc:
        status.value = f"The summary cannot be made yet: {exc}"

    def export(_button: Any) -> None:
        try:
            path = write_export(course)
        except (OfferkitError, OSError) as exc:
            status.value = f"Not exported: {exc}"
            return
        preview.value = _preview_html(json.loads(path.read_text(encoding="utf-8")), note)
        status.value = f"Written to {path}. Send this file to your instructor if you wish."

    button.on_click(export)
    intro = widgets.HTML(
        "<h4>Export an anonymised summary (optional)</h4><p>Your instructor can merge "
        "the class's summaries into a workshop pulse. Groups smaller than three are never "
        "shown.</p>"
    )
    return widgets.VBox([intro, button, status, preview])


def build_export_exercise(course: Course) -> Any:
    """Lesson 06: preview, and on a click write, the anonymised export for the pulse."""
    if not course.headless:
        return _export_widget(course)
    print("== Export an anonymised summary (optional) ==")
    print("(Headless run: nothing is written. Open the lesson in JupyterLab to export.)")
    print(_export_text(export_from_course(course, PREVIEW_TOKEN)), end="")
    return None
