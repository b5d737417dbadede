"""What an exercise is, independent of widgets: its fields, how it is judged, its chart.

An :class:`ExerciseSpec` is data plus two functions:

* ``evaluate(values, course) -> Feedback`` calls the pure rules and words the feedback
  (it may raise :class:`~offerkit.errors.OfferkitError`; the builder shows it kindly);
* ``chart(feedback) -> matplotlib Figure`` (optional) draws what the feedback carries.

The same spec drives the widget UI (:mod:`offerkit.exercises.widgets`) and the headless
text summary printed in papermill runs (:func:`run_headless`).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from offerkit.errors import OfferkitError
from offerkit.exercises.course import Course

__all__ = [
    "ExerciseSpec",
    "Feedback",
    "Field",
    "Level",
    "exercise_values",
    "feedback_html",
    "judge",
    "run_headless",
]

FieldKind = Literal["text", "textarea", "number", "bool", "choice", "multi", "date", "scale"]
Level = Literal["ok", "warn", "error"]


@dataclass(frozen=True)
class Field:
    """One input of an exercise."""

    name: str
    label: str
    kind: FieldKind = "text"
    default: Any = ""
    choices: tuple[tuple[str, str], ...] = ()  # (label, value)
    placeholder: str = ""


@dataclass(frozen=True)
class Feedback:
    """What the learner is told: lines of text, a level, data for a chart and the plan."""

    lines: tuple[str, ...]
    level: Level = "ok"
    chart_data: Any = None
    summary: Mapping[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        """The feedback as plain text, one point per line."""
        return "\n".join(f"- {line}" for line in self.lines)


@dataclass(frozen=True)
class ExerciseSpec:
    """An exercise: stable id, words, inputs and the functions that judge and draw it."""

    id: str
    title: str
    prompt: str
    fields: tuple[Field, ...]
    evaluate: Callable[[Mapping[str, Any], Course], Feedback]
    entry_fields: tuple[Field, ...] = ()
    chart: Callable[[Feedback], Any] | None = None
    hints: tuple[str, ...] = ()
    defaults: Callable[[Course], Mapping[str, Any]] | None = None
    example: Callable[[Course], Mapping[str, Any]] | None = None
    params_win_headless: bool = False

    @property
    def is_ledger(self) -> bool:
        """True when the exercise collects a list of entries (journal, ledger, offers)."""
        return bool(self.entry_fields)


def exercise_values(spec: ExerciseSpec, course: Course) -> tuple[dict[str, Any], bool]:
    """The values an exercise starts from, and whether they are a worked example.

    Field defaults, then what the profile/parameters give (``spec.defaults``), then the
    saved answer (in a headless run the parameters win for ``params_win_headless``
    exercises). A ledger with nothing saved in a headless run shows ``spec.example``.
    """
    values: dict[str, Any] = {f.name: f.default for f in spec.fields}
    if spec.is_ledger:
        values["entries"] = []
    if spec.defaults is not None:
        values.update(spec.defaults(course))
    saved = course.answer(spec.id)
    if isinstance(saved, Mapping) and not (course.headless and spec.params_win_headless):
        values.update({k: v for k, v in saved.items() if k in values})
    is_example = False
    if course.headless and spec.is_ledger and not values["entries"] and spec.example:
        values.update(spec.example(course))
        is_example = True
    return values, is_example


def judge(spec: ExerciseSpec, values: Mapping[str, Any], course: Course) -> Feedback:
    """Run ``spec.evaluate``; an OfferkitError becomes error feedback, never a traceback."""
    try:
        return spec.evaluate(values, course)
    except OfferkitError as exc:
        return Feedback((f"Please check your input: {exc}",), "error")


_COLOURS = {"ok": "#1b5e20", "warn": "#8a5300", "error": "#b00020"}
_ICONS = {"ok": "✔", "warn": "!", "error": "✖"}


def feedback_html(feedback: Feedback, extra: Sequence[str] = ()) -> str:
    """Feedback as a small HTML block (escaped), for a widgets.HTML value."""
    colour = _COLOURS[feedback.level]
    items = "".join(f"<li>{html.escape(line)}</li>" for line in (*feedback.lines, *extra))
    return (
        f'<div class="offerkit-feedback offerkit-{feedback.level}" '
        f'style="border-left:4px solid {colour};padding:4px 10px;color:{colour}">'
        f"<b>{_ICONS[feedback.level]}</b><ul style='margin:2px 0'>{items}</ul></div>"
    )


def run_headless(spec: ExerciseSpec, course: Course) -> Feedback:
    """Print the exercise's text summary and show its chart (papermill / nbval runs)."""
    values, is_example = exercise_values(spec, course)
    feedback = judge(spec, values, course)
    print(f"== {spec.title} ==")
    if is_example:
        print("(Worked example: nothing saved yet. Open the lesson in JupyterLab to add your own.)")
    print(feedback.text())
    if spec.chart is not None and feedback.level != "error" and feedback.chart_data is not None:
        from IPython.display import display

        from offerkit.exercises.charts import figure_bundle

        figure = spec.chart(feedback)
        if figure is not None:
            display(figure_bundle(figure), raw=True)  # type: ignore[no-untyped-call]
    return feedback
