"""Helpers shared by the exercise tests: open a course, read what a widget shows and saves.

The test modules import them (``from exercise_helpers import open_course, shown``); the
``course`` fixture built on :func:`open_course` lives in ``conftest.py``.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from offerkit.exercises.course import Course, start_course
from offerkit.exercises.widgets import ExerciseWidget


def open_course(folder: Path, headless: bool = False, **params: Any) -> Course:
    """A course for learner 'ada' (name 'Ada') with its answers under ``folder``."""
    namespace = {"learner_id": "ada", "learner_name": "Ada", **params}
    return start_course(namespace, headless=headless, folder=folder, announce=False)


def shown(widget: ExerciseWidget) -> list[str]:
    """The feedback lines as the learner reads them."""
    return [html.unescape(item) for item in re.findall(r"<li>(.*?)</li>", widget.feedback.value)]


def level(widget: ExerciseWidget) -> str:
    """The feedback level shown: 'ok', 'warn', 'error' (or '' when there is none)."""
    found = re.search(r"offerkit-(ok|warn|error)", widget.feedback.value)
    return found.group(1) if found else ""


def saved(course: Course) -> dict[str, Any]:
    """Every exercise value in the answers file on disk ({} if there is no file)."""
    if not course.store.path.exists():
        return {}
    document = json.loads(course.store.path.read_text(encoding="utf-8"))
    return {key: entry["value"] for key, entry in document["exercises"].items()}
