"""The hint ladders: every exercise's hints are hint → worked example → answer, and the
answer rungs carry every worked answer that the learner build removes from the lessons."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from pathlib import Path
from typing import Any

import pytest

import offerkit.exercises
from offerkit.exercises.spec import ExerciseSpec
from offerkit.exercises.widgets import ExerciseWidget
from offerkit.learner.audience import audience_notebook

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
LESSONS = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
# a figure as written in prose: 350,000 · 25.7 · 4.00 · 2026 · the 25 and 14 of '25k x 14'
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def _exercise_specs() -> list[ExerciseSpec]:
    """Every ExerciseSpec defined in an ``offerkit/exercises/*_exercises.py`` module
    (quizzes are built per lesson by ``quiz_spec`` and have no ladder)."""
    specs: list[ExerciseSpec] = []
    for info in pkgutil.iter_modules(offerkit.exercises.__path__):
        if info.name.endswith("_exercises"):
            module = importlib.import_module(f"offerkit.exercises.{info.name}")
            specs += [v for v in vars(module).values() if isinstance(v, ExerciseSpec)]
    return sorted({spec.id: spec for spec in specs}.values(), key=lambda spec: spec.id)


SPECS = _exercise_specs()


def _figures(text: str) -> set[str]:
    """The figures in ``text``, thousands separators dropped (350,000 and 350000 agree)."""
    return {re.sub(r",(?=\d{3}\b)", "", figure) for figure in _FIGURE.findall(text)}


def _lesson_id(path: Path) -> str:
    return path.name[:2]


def _read(path: Path) -> dict[str, Any]:
    notebook: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return notebook


def _cells_tagged(notebook: dict[str, Any], tag: str) -> list[str]:
    return [
        "".join(cell["source"])
        for cell in notebook["cells"]
        if tag in cell.get("metadata", {}).get("tags", [])
    ]


def _answers(lesson: str) -> str:
    return "\n".join(spec.hints[-1] for spec in SPECS if spec.id.startswith(f"{lesson}."))


def test_figures_read_prose_as_written() -> None:
    text = "25k x 14 is 25,000 × 14 = CNY 350,000; fit 4.00/5, +25.7 %, by 9 March 2026."
    expected = {"25", "14", "25000", "350000", "4.00", "5", "25.7", "9", "2026"}
    assert expected == _figures(text)


def test_every_lesson_has_exercises_with_a_ladder() -> None:
    assert [_lesson_id(path) for path in LESSONS] == sorted({s.id[:2] for s in SPECS})
    assert len(SPECS) >= 2 * len(LESSONS)  # a stray import cannot hide a lost module


@pytest.mark.parametrize("spec", SPECS, ids=[spec.id for spec in SPECS])
def test_every_exercise_has_three_rungs(spec: ExerciseSpec) -> None:
    assert len(ExerciseWidget.RUNG_LABELS) == len(spec.hints)
    assert all(rung.strip() for rung in spec.hints)
    assert len(spec.hints) == len(set(spec.hints))


@pytest.mark.parametrize("spec", SPECS, ids=[spec.id for spec in SPECS])
def test_rungs_leave_their_labels_to_the_widget(spec: ExerciseSpec) -> None:
    labelled = [
        rung
        for rung in spec.hints
        for label in ExerciseWidget.RUNG_LABELS
        if rung.lower().startswith(label.lower())
    ]
    assert [] == labelled  # else the learner reads "Worked example: Worked example: …"


@pytest.mark.parametrize("spec", SPECS, ids=[spec.id for spec in SPECS])
def test_answer_rung_states_a_concrete_answer(spec: ExerciseSpec) -> None:
    answer = spec.hints[-1]
    choices = {
        label.split(" — ")[0].split(" (")[0].lower()
        for f in (*spec.fields, *spec.entry_fields)
        for label, _value in f.choices
    }
    named = sorted(choice for choice in choices if choice and choice in answer.lower())
    assert _figures(answer) or named, f"{spec.id}: no figure and no named choice in {answer!r}"


@pytest.mark.parametrize("path", LESSONS, ids=[_lesson_id(path) for path in LESSONS])
def test_learner_build_keeps_every_worked_answer_in_a_hint_ladder(path: Path) -> None:
    notebook = _read(path)
    solutions = _cells_tagged(notebook, "solution")
    learner = audience_notebook(notebook, "learners")
    assert [] == _cells_tagged(learner, "solution") + _cells_tagged(learner, "instructor")
    answers = _figures(_answers(_lesson_id(path)))
    missing = {
        figure for text in solutions for figure in sorted(_figures(text)) if figure not in answers
    }
    assert set() == missing, f"lesson {_lesson_id(path)}: no answer rung gives {missing}"


def test_every_lesson_with_exercises_has_a_worked_answer() -> None:
    lessons = {s.id[:2] for s in SPECS}
    with_solutions = {_lesson_id(p) for p in LESSONS if _cells_tagged(_read(p), "solution")}
    assert lessons == with_solutions  # else the figure check above has nothing to compare


def test_lesson_00_says_how_to_open_the_learner_build() -> None:
    learner = audience_notebook(_read(NOTEBOOKS / "00-start-here.ipynb"), "learners")
    cells = learner["cells"]
    prose = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    for step in ("offerkit release --for learners", "jupyter lab release/learners/", "Answer"):
        assert step in prose
