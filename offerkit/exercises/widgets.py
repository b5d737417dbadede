"""The widget builder: one ipywidgets UI per :class:`ExerciseSpec`.

Feedback is written as widget *state* (``HTML.value``, ``Output.outputs``), never captured
with ``with out:`` — captured output stalls headless runs now and then and cannot be
compared by nbval (see the project's notes). Every valid answer is saved at once;
invalid input gets a friendly message and is not saved.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from datetime import datetime
from typing import Any

import ipywidgets as widgets

from offerkit.errors import OfferkitError
from offerkit.exercises.charts import figure_bundle
from offerkit.exercises.controls import control_value, field_control, field_view
from offerkit.exercises.course import Course
from offerkit.exercises.spec import (
    ExerciseSpec,
    Feedback,
    Field,
    exercise_values,
    feedback_html,
    judge,
    run_headless,
)

__all__ = ["ExerciseWidget", "build_exercise", "figure_output", "hint_ladder_html"]

_WIDE = widgets.Layout(width="95%")


def figure_output(figure: Any) -> dict[str, Any]:
    """A matplotlib figure as a display_data output (PNG), for ``Output.outputs``."""
    return {"output_type": "display_data", "metadata": {}, "data": figure_bundle(figure)}


def _prompt_html(spec: ExerciseSpec) -> str:
    """What an exercise nobody has touched shows: where to start, never a red error."""
    return (
        '<div class="offerkit-feedback offerkit-prompt" '
        'style="border-left:4px solid #5f6b7a;padding:4px 10px;color:#37424f">'
        f"<b>Start here:</b> {html.escape(spec.prompt)}</div>"
    )


def _entries_html(entries: Sequence[Mapping[str, Any]], fields: tuple[Field, ...]) -> str:
    if not entries:
        return "<i>No entries yet.</i>"
    head = "".join(f"<th>{html.escape(f.label)}</th>" for f in fields)
    rows = "".join(
        "<tr><td>{}</td>{}</tr>".format(
            n, "".join(f"<td>{html.escape(_show(e.get(f.name), f))}</td>" for f in fields)
        )
        for n, e in enumerate(entries, start=1)
    )
    return f"<table class='offerkit-entries'><tr><th>#</th>{head}</tr>{rows}</table>"


def _show(value: Any, spec_field: Field) -> str:
    """An entry's value as the learner entered it: labels, never ids."""
    if isinstance(value, Mapping):
        return ", ".join(f"{spec_field.choice_label(k)} {v}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(spec_field.choice_label(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)


class ExerciseWidget(widgets.VBox):  # type: ignore[misc]
    """The UI of one exercise; ``refresh()`` judges, saves and redraws."""

    def __init__(self, spec: ExerciseSpec, course: Course) -> None:
        self.spec, self.course = spec, course
        self.touched = course.answer(spec.id) is not None
        self.attempted = self._saved_attempt()
        self.feedback = widgets.HTML(layout=_WIDE)
        self.status = widgets.Label()
        self.chart = widgets.Output()
        self.check_button = widgets.Button(
            description="Check & save", button_style="primary", icon="check"
        )
        self.check_button.on_click(lambda _b: self._safely(self._changed))
        self.hint_button = widgets.Button(
            description="Show a hint", disabled=not spec.hints, icon="lightbulb-o"
        )
        self.hint_html = widgets.HTML()
        self._hints_shown = 0
        self.hint_button.on_click(lambda _b: self._safely(self.next_hint))
        if spec.is_ledger:
            self.add_button = widgets.Button(description="Add entry", icon="plus")
            self.remove_button = widgets.Button(description="Remove last", icon="minus")
            self.add_button.on_click(lambda _b: self._safely(self.add_entry))
            self.remove_button.on_click(lambda _b: self._safely(self.remove_last))
            self.entries_html = widgets.HTML()
        super().__init__()
        self._build_inputs()
        if course.awaiting_identity:  # Voila: shown once the learner has said who they are
            self.layout.display = "none"
            course.on_identity(lambda: self._safely(self.reopen))
        self.refresh(save=False)

    def _build_inputs(self) -> None:
        """(Re)build the inputs from what the learner's answers file holds."""
        spec = self.spec
        values, _example = exercise_values(spec, self.course)
        self.entries: list[dict[str, Any]] = list(values.get("entries", []))
        self.controls = {f.name: field_control(f, values.get(f.name)) for f in spec.fields}
        self.entry_controls = {f.name: field_control(f, f.default) for f in spec.entry_fields}
        for control in self.controls.values():
            control.observe(lambda _change: self._safely(self._changed), names="value")
        children: list[widgets.Widget] = [
            widgets.HTML(f"<h4>{html.escape(spec.title)}</h4><p>{html.escape(spec.prompt)}</p>"),
            *(self._view(f, self.controls[f.name]) for f in spec.fields),
        ]
        if spec.is_ledger:
            self.entries_html.value = _entries_html(self.entries, spec.entry_fields)
            children += [
                *(self._view(f, self.entry_controls[f.name]) for f in spec.entry_fields),
                widgets.HBox([self.add_button, self.remove_button]),
                self.entries_html,
            ]
        children += [
            widgets.HBox([self.check_button, self.hint_button]),
            self.hint_html,
            self.feedback,
            self.status,
            self.chart,
        ]
        self.children = children

    def reopen(self) -> None:
        """Show this learner's own answers (after the Voila identity prompt)."""
        self.touched = self.course.answer(self.spec.id) is not None
        self.attempted = self._saved_attempt()
        self._build_inputs()
        self.layout.display = None
        self.refresh(save=False)

    def _saved_attempt(self) -> bool:
        """True when the saved answer holds the learner's own words (a first attempt)."""
        saved = self.course.answer(self.spec.id)
        name = self.spec.own_words
        return (
            bool(name) and isinstance(saved, Mapping) and bool(str(saved.get(name) or "").strip())
        )

    def _changed(self) -> None:
        self.touched = True
        self.refresh()

    def _view(self, spec_field: Field, control: widgets.Widget) -> widgets.Widget:
        return field_view(spec_field, control, str(self.course.profile["currency"]))

    def values(self) -> dict[str, Any]:
        """The current values (and entries) as plain JSON-ready data."""
        values = {name: control_value(c) for name, c in self.controls.items()}
        if self.spec.is_ledger:
            values["entries"] = [dict(e) for e in self.entries]
        return values

    def refresh(self, save: bool = True, allow_empty: bool = False) -> Feedback:
        """Judge the current values, show the feedback and chart, save if valid."""
        values = self.values()
        feedback = judge(self.spec, values, self.course)
        notes = list(self.course.problems)
        own = self.spec.own_words
        if own and self.touched and str(values.get(own) or "").strip() and not self.attempted:
            self.attempted = True  # a first attempt: the kit's example may now be shown
            self._show_hints()
        if feedback.level == "error" and not self.touched:
            self.feedback.value = _prompt_html(self.spec)  # nobody has touched it yet
            self.status.value = " ".join(notes)
            self._draw(feedback)
            return feedback
        self.feedback.value = feedback_html(feedback)
        if feedback.level != "error" and save:
            notes.append(self._save(allow_empty))
        elif feedback.level == "error":
            notes.append("Not saved until the input is fixed.")
        self.status.value = " ".join(notes)
        self._draw(feedback)
        return feedback

    def _save(self, allow_empty: bool) -> str:
        store = self.course.store
        try:
            saved = store.save(self.spec.id, self.values(), allow_empty=allow_empty)
        except OSError as exc:
            return f"Not saved: could not write {store.path} ({exc.strerror or exc})."
        if saved and store.path.exists():
            return f"Saved at {datetime.now():%H:%M:%S} in {store.path.name}."
        if store.read_only:
            return "Not saved: " + store.warning
        if saved:
            return f"Not saved: {store.path.name} was not written."
        return "Not saved: an empty answer never replaces a saved one."

    def _safely(self, action: Callable[[], object]) -> None:
        """Run a button or change handler; an unexpected error is shown, not lost.

        (JupyterLab shows errors raised in widget callbacks nowhere.)"""
        try:
            action()
        except Exception as exc:  # shown to the learner, with what to do next
            message = (
                f"Something unexpected went wrong ({type(exc).__name__}: {exc}). "
                "Your saved answers are safe; please tell the course maintainers."
            )
            self.feedback.value = feedback_html(Feedback((message,), "error"))

    def _draw(self, feedback: Feedback) -> None:
        if self.spec.chart is None or feedback.level == "error" or feedback.chart_data is None:
            self.chart.outputs = ()
            return
        figure = self.spec.chart(feedback)
        self.chart.outputs = () if figure is None else (figure_output(figure),)

    def add_entry(self) -> Feedback:
        """Add the entry typed in the entry fields, if the rules accept it."""
        self.touched = True
        entry = {name: control_value(c) for name, c in self.entry_controls.items()}
        trial = {**self.values(), "entries": [*self.entries, entry]}
        feedback = judge(self.spec, trial, self.course)
        if feedback.level == "error":
            self.feedback.value = feedback_html(feedback, ("The entry was not added.",))
            return feedback
        self.entries.append(entry)
        for spec_field in self.spec.entry_fields:
            if spec_field.kind in ("text", "textarea", "money"):
                self.entry_controls[spec_field.name].value = ""
        self.entries_html.value = _entries_html(self.entries, self.spec.entry_fields)
        return self.refresh()

    def remove_last(self) -> Feedback:
        """Remove the last entry (saved at once)."""
        self.touched = True
        if self.entries:
            self.entries.pop()
        self.entries_html.value = _entries_html(self.entries, self.spec.entry_fields)
        return self.refresh(allow_empty=True)

    #: The rungs of a three-rung hint ladder, each shown before its text.
    RUNG_LABELS: tuple[str, ...] = ("Hint", "Worked example", "Answer")

    def next_hint(self) -> None:
        """Reveal the next rung of the hint ladder (hint → worked example → answer).

        Each rung is shown after its label (:attr:`RUNG_LABELS`); a ladder of another
        length labels every rung "Hint". Where the learner writes their own message
        (:attr:`ExerciseSpec.own_words`), the answer rung is the kit's example for them and
        waits for a first attempt."""
        rungs, waiting = self._rungs()
        if self._hints_shown < len(rungs) - int(waiting):
            self._hints_shown += 1
        self._show_hints()

    def _rungs(self) -> tuple[list[str], bool]:
        """The ladder as it stands, and whether its answer rung waits for a first attempt."""
        rungs = list(self.spec.hints)
        example = self.spec.example_line
        if example is None or not rungs:
            return rungs, False
        if not self.attempted:
            return rungs, True
        with suppress(OfferkitError):  # no example yet (e.g. no range): the spec's answer stays
            rungs[-1] = example(self.values(), self.course)
        return rungs, False

    def _show_hints(self) -> None:
        rungs, waiting = self._rungs()
        shown = min(self._hints_shown, len(rungs))
        text = hint_ladder_html(rungs, shown)
        left = len(rungs) - shown
        if waiting and left == 1 and shown:
            text += _WAITING_HTML
            self.hint_button.disabled = True
            self.hint_button.description = "Answer after your first try"
            self.hint_html.value = text
            return
        self.hint_html.value = text
        self.hint_button.disabled = left == 0
        if shown:
            self.hint_button.description = f"Next hint ({left} left)" if left else "No more hints"


_WAITING_HTML = (
    f"<p>🔒 <b>{ExerciseWidget.RUNG_LABELS[-1]}:</b> write your own first and press "
    "“Check & save”; then the kit's example for you appears here.</p>"
)


def hint_ladder_html(hints: Sequence[str], shown: int) -> str:
    """The first ``shown`` rungs of a hint ladder, each after its label
    (:attr:`ExerciseWidget.RUNG_LABELS`; a ladder of another length labels every rung "Hint")."""
    labels = ExerciseWidget.RUNG_LABELS
    if len(hints) != len(labels):
        labels = ("Hint",) * len(hints)
    return "".join(
        f"<p>💡 <b>{label}:</b> {html.escape(text)}</p>"
        for label, text in zip(labels, hints[:shown], strict=False)
    )


def build_exercise(spec: ExerciseSpec, course: Course) -> ExerciseWidget | None:
    """The exercise's widget; in a headless run, its text summary and chart instead."""
    if course.headless:
        run_headless(spec, course)
        return None
    return ExerciseWidget(spec, course)
