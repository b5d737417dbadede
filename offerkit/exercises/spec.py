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
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from offerkit.errors import InvalidInputError, OfferkitError
from offerkit.exercises.course import Course

__all__ = [
    "ExerciseSpec",
    "Feedback",
    "Field",
    "Level",
    "exercise_values",
    "feedback_html",
    "field_label",
    "judge",
    "learner_words",
    "run_headless",
    "scale_values",
]

FieldKind = Literal[
    "text", "textarea", "money", "number", "bool", "choice", "multi", "date", "scale"
]
Level = Literal["ok", "warn", "error"]


@dataclass(frozen=True)
class Field:
    """One input of an exercise; its ``kind`` picks the widget and the saved shape.

    ``choices`` are ``(label, value)`` pairs: the options of a ``choice`` or ``multi``
    field, the items of a ``scale`` (one slider each, saved as ``{value: int}``).
    ``min``/``max`` bound a ``scale`` (default 0–5) or a ``number``. A ``money`` field is
    pay text (``25k x 14``) shown beside the learner's currency; a ``date`` is saved as
    ``"YYYY-MM-DD"``. See :mod:`offerkit.exercises.controls` for the widgets.
    """

    name: str
    label: str
    kind: FieldKind = "text"
    default: Any = ""
    choices: tuple[tuple[str, str], ...] = ()  # (label, value)
    placeholder: str = ""
    min: float | None = None
    max: float | None = None

    def choice_label(self, value: object) -> str:
        """The label the learner saw for a choice/item value (the value if unknown)."""
        return next((label for label, v in self.choices if v == value), str(value))


def _key(text: str) -> str:
    return re.sub(r"[\s_\-/]+", "_", text.strip().lower())


def scale_values(
    value: object, items: Sequence[tuple[str, str]], low: int = 0, high: int = 5
) -> dict[str, int]:
    """A saved scale as ``{item_id: int}`` within ``low``–``high``; unknown items dropped.

    Reads the current shape (a mapping) and the older typed text ``"salary=4, growth: 3"``
    (items named by id or label, any case), so answers files of schema 1 still open.

    >>> scale_values("Salary=4, growth: 9", [("Salary", "salary"), ("Growth", "growth")])
    {'salary': 4, 'growth': 5}
    """
    by_key = {_key(label): item_id for label, item_id in items}
    by_key.update({_key(item_id): item_id for _label, item_id in items})
    pairs: list[tuple[str, object]] = []
    if isinstance(value, Mapping):
        pairs = [(str(k), v) for k, v in value.items()]
    elif isinstance(value, str):
        for piece in re.split(r"[,;\n]", value):
            name, separator, number = piece.replace(":", "=", 1).partition("=")
            if separator:
                pairs.append((name, number.strip()))
    read: dict[str, int] = {}
    for name, number in pairs:
        item_id = by_key.get(_key(name))
        try:
            whole = round(float(str(number)))
        except ValueError:
            continue
        if item_id is not None and not isinstance(number, bool):
            read[item_id] = min(high, max(low, whole))
    return read


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
    own_words: str = ""
    """The field (a textarea, never pre-filled) the learner writes their own message in."""
    example_line: Callable[[Mapping[str, Any], Course], str] | None = None
    """The kit's example message for this learner, built from their state: it replaces the
    answer rung of the hint ladder, and only once the learner has made a first attempt
    in :attr:`own_words` (before that the rung waits)."""

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


_FIELD = re.compile(r"^(?P<name>[A-Za-z_][\w-]*)(?:\[(?P<item>[^\]]*)\])?(?P<rest>.*)$")
_ENTRY = re.compile(r"^\s*\(entry (\d+)\)\s*$")
_ID_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)+$")


def _all_fields(spec: ExerciseSpec) -> dict[str, Field]:
    return {f.name: f for f in (*spec.fields, *spec.entry_fields)}


def field_label(spec: ExerciseSpec, field_name: str) -> str:
    """The words the learner saw for an error's field: ``'ratings[salary] (entry 2)'``
    becomes ``“Your ratings: Salary” in entry 2``; an unknown name is shown as words."""
    match = _FIELD.match(field_name.strip())
    if match is None:
        return f"“{field_name}”"
    known = _all_fields(spec).get(match["name"])
    label = known.label if known else match["name"].replace("_", " ")
    if match["item"] is not None:
        item = known.choice_label(match["item"]) if known else match["item"]
        label = f"{label}: {item}"
    entry = _ENTRY.match(match["rest"])
    if entry:
        return f"“{label}” in entry {entry[1]}"
    return f"“{label}”{match['rest']}"


def learner_words(spec: ExerciseSpec, text: str) -> str:
    """``text`` with every internal id or field name the spec knows replaced by its label.

    Ids are the choice values and field names written like code (``work_life_balance``,
    ``state-range``, ``'told_previous'``); plain words such as ``salary`` read fine as they
    are and are left alone.
    """
    fields = _all_fields(spec)
    for name, spec_field in fields.items():
        text = text.replace(f"'{name}'", f"“{spec_field.label}”")
    words = {
        value: label
        for spec_field in fields.values()
        for label, value in spec_field.choices
        if _ID_LIKE.match(value) and label != value
    }
    words.update({name: f.label for name, f in fields.items() if _ID_LIKE.match(name)})
    if not words:
        return text
    pattern = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # not before "=": that is an example of typed syntax ('team_atmosphere=0.3'), kept as is
    return re.sub(rf"(?<![\w-])({pattern})(?![\w=-])", lambda m: words[m[1]], text)


def _problem(spec: ExerciseSpec, exc: OfferkitError) -> str:
    if not isinstance(exc, InvalidInputError):
        return learner_words(spec, str(exc))
    received = exc.received
    empty = received in ("", None, [], {}, "nothing") or not str(received).strip()
    got = "it is empty" if empty else f"you entered {received!r}"
    message = f"{field_label(spec, exc.field)} must be {exc.expected} ({got})"
    if exc.hint:
        message += f"; {exc.hint}"
    return learner_words(spec, message)


def _cleared(spec_field: Field) -> Any:
    if spec_field.kind in ("text", "textarea", "money", "date"):
        return ""
    return {"multi": [], "scale": {}}.get(spec_field.kind, spec_field.default)


def judge(spec: ExerciseSpec, values: Mapping[str, Any], course: Course) -> Feedback:
    """Run ``spec.evaluate``; an OfferkitError becomes error feedback, never a traceback.

    Every wrong field is named at once, with the label the learner saw: after an error
    that names one of the exercise's fields, that field is cleared and the exercise judged
    again, until no new field is wrong.
    """
    trial, problems, named = dict(values), [], set()
    by_name = {f.name: f for f in spec.fields}
    while True:
        try:
            feedback = spec.evaluate(trial, course)
        except OfferkitError as exc:
            name = str(getattr(exc, "field", ""))
            if name in named:  # the cleared field is needed: it was named already
                break
            problems.append(_problem(spec, exc))
            spec_field = by_name.get(name)
            if spec_field is None or trial.get(name) == _cleared(spec_field):
                break
            named.add(name)
            trial[name] = _cleared(spec_field)
            continue
        if not problems:
            lines = tuple(learner_words(spec, line) for line in feedback.lines)
            return Feedback(lines, feedback.level, feedback.chart_data, feedback.summary)
        break
    if len(problems) == 1:
        return Feedback((f"Please check your input: {problems[0]}",), "error")
    return Feedback((f"Please check these {len(problems)} inputs:", *problems), "error")


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
