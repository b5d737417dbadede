"""Which cells an audience gets: the learner build removes the instructor's material.

One filter for every delivery of a lesson: ``offerkit release`` (the release folders) and
``offerkit build`` (the personalised workbooks) both call :func:`audience_notebook`.

* **learners** — cells tagged ``instructor`` or ``solution`` are *absent* (not hidden), and
  the instructor-only keys of ``metadata.offerkit`` (``roleplay``, ``discussion``) are gone;
* **instructors** — every cell and key is kept.
"""

from __future__ import annotations

import copy
from typing import Any, Literal

from offerkit.errors import InvalidInputError

__all__ = [
    "AUDIENCES",
    "HIDDEN_TAGS",
    "INSTRUCTOR_ONLY_KEYS",
    "Audience",
    "audience_notebook",
    "checked_audience",
]

Audience = Literal["learners", "instructors"]
AUDIENCES: tuple[Audience, ...] = ("learners", "instructors")
HIDDEN_TAGS = frozenset({"instructor", "solution"})
INSTRUCTOR_ONLY_KEYS = ("roleplay", "discussion")


def checked_audience(audience: str, field: str = "for") -> Audience:
    """``audience`` if it is one of :data:`AUDIENCES`, else :class:`InvalidInputError`."""
    for known in AUDIENCES:
        if audience == known:
            return known
    raise InvalidInputError(field, "'learners' or 'instructors'", audience)


def _tags(cell: dict[str, Any]) -> frozenset[str]:
    tags = cell.get("metadata", {}).get("tags", [])
    return frozenset(str(tag) for tag in tags) if isinstance(tags, list) else frozenset()


def audience_notebook(notebook: dict[str, Any], audience: str) -> dict[str, Any]:
    """A copy of ``notebook`` holding what ``audience`` may see (the source is unchanged)."""
    chosen = checked_audience(audience)
    result = copy.deepcopy({k: v for k, v in notebook.items() if k != "cells"})
    result["cells"] = [
        copy.deepcopy(cell)
        for cell in notebook.get("cells", [])
        if chosen == "instructors" or not HIDDEN_TAGS & _tags(cell)
    ]
    offerkit = result.get("metadata", {}).get("offerkit")
    if chosen == "learners" and isinstance(offerkit, dict):
        for key in INSTRUCTOR_ONLY_KEYS:
            offerkit.pop(key, None)
    return result
