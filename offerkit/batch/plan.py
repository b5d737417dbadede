"""What a build has to do: the lessons chosen, and a hash per participant to skip reruns.

Lesson ``00`` (start here: the learner's profile) is always part of a workbook when it
exists; ``--lessons 01,03`` adds the lessons named. A participant's hash (keyed with the output
folder's secret) covers the validated parameters, the text of every chosen lesson, whether
HTML or PDFs were asked for, the audience and the offerkit version: if none changed and the
files are intact, the participant is skipped. Workbooks are made from the learner build of each
lesson unless the audience is ``instructors``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from offerkit import __version__
from offerkit.batch.jobs import LessonSource
from offerkit.errors import BuildError
from offerkit.learner.audience import audience_notebook, checked_audience
from offerkit.rules.lessons import lesson_notebooks, notebooks_dir

__all__ = ["ALWAYS", "build_parameters", "parse_lesson_ids", "participant_hash", "select_lessons"]

ALWAYS = "00"
_ID = re.compile(r"^\d\d$")


def parse_lesson_ids(text: str | None) -> tuple[str, ...] | None:
    """``"01,3"`` → ``("01", "03")``; None or empty → None (every lesson)."""
    if text is None or not text.strip():
        return None
    ids = []
    for part in text.split(","):
        item = part.strip()
        if item.isdigit() and len(item) <= 2:
            item = item.zfill(2)
        if not _ID.match(item):
            raise BuildError(
                f"'--lessons' must be two-digit lesson numbers separated by commas, "
                f"e.g. 01,03 (got {part.strip()!r})"
            )
        ids.append(item)
    return tuple(dict.fromkeys(ids))


def select_lessons(
    folder: Path | None = None, ids: Sequence[str] | None = None, audience: str = "learners"
) -> tuple[LessonSource, ...]:
    """The chosen lessons in ``folder`` (default: the course's notebooks), in order, as
    ``audience`` gets them (:func:`offerkit.learner.audience.audience_notebook`)."""
    checked_audience(audience, "audience")
    root = folder or notebooks_dir()
    paths = lesson_notebooks(root)
    if not paths:
        raise BuildError(f"no lesson notebooks (NN-kebab-title.ipynb) in {root}; nothing built")
    available = {p.name[:2]: p for p in paths}
    if ids is not None:
        unknown = [i for i in ids if i not in available]
        if unknown:
            raise BuildError(
                f"'--lessons' names {', '.join(unknown)}, which do not exist "
                f"(expected some of {', '.join(sorted(available))})"
            )
        wanted = {ALWAYS, *ids}
        paths = tuple(p for p in paths if p.name[:2] in wanted)
    return tuple(
        LessonSource(p.name, f"{root.name}/{p.name}", _audience_text(p, audience)) for p in paths
    )


def _audience_text(path: Path, audience: str) -> str:
    """The lesson's text as ``audience`` gets it: for learners, the learner build (no cells
    tagged ``instructor`` or ``solution``)."""
    text = path.read_text(encoding="utf-8")
    try:
        notebook = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BuildError(f"{path} is not a notebook ({exc}); nothing built") from None
    if not isinstance(notebook, dict):
        raise BuildError(f"{path} is not a notebook (expected a JSON object); nothing built")
    return json.dumps(audience_notebook(notebook, audience), indent=1, ensure_ascii=False)


def build_parameters(parameters: Mapping[str, str | bool]) -> dict[str, str | bool]:
    """The parameters injected into a workbook: the roster's (``answers_file`` is left to
    the workbook's own default, so the learner's answers live next to where they open it)."""
    return {k: v for k, v in parameters.items() if k != "answers_file"}


def participant_hash(
    parameters: Mapping[str, Any],
    lessons: Sequence[LessonSource],
    *,
    html: bool,
    key: bytes,
    audience: str = "learners",
    pdf: bool = False,
) -> str:
    """A hash keyed with the output folder's ``key`` (HMAC-SHA256) over the parameters,
    the lessons' texts, ``html``, ``pdf``, ``audience`` and the version. Without the key, the hash
    cannot be used to test guesses of a participant's figures."""
    document = {
        "parameters": dict(sorted(parameters.items())),
        "lessons": [
            [lesson.name, hashlib.sha256(lesson.text.encode("utf-8")).hexdigest()]
            for lesson in lessons
        ],
        "html": html,
        **({"pdf": True} if pdf else {}),  # builds without PDFs keep their earlier hashes
        "audience": audience,
        "offerkit": __version__,
    }
    text = json.dumps(document, sort_keys=True, ensure_ascii=False)
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()
