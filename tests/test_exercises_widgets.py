"""The generic widget builder, driven without a kernel (values set, buttons clicked)."""

from __future__ import annotations

from pathlib import Path

import pytest
from exercise_helpers import open_course, saved

from offerkit.errors import EmptyTextError
from offerkit.exercises.course import Course
from offerkit.exercises.salary_exercises import SALARY
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field
from offerkit.exercises.widgets import ExerciseWidget, build_exercise


def _ledger_spec() -> ExerciseSpec:
    def evaluate(values, _course):
        entries = values["entries"]
        for entry in entries:
            if not str(entry["what"]).strip():
                raise EmptyTextError("what", "some words", entry["what"])
        return Feedback((f"{len(entries)} entries",))

    return ExerciseSpec(
        id="99.ledger",
        title="Ledger",
        prompt="Add things.",
        fields=(),
        entry_fields=(Field("what", "What"),),
        evaluate=evaluate,
        hints=("first", "second"),
    )


def test_valid_change_is_judged_and_saved(course: Course) -> None:
    widget = build_exercise(SALARY, course)
    assert isinstance(widget, ExerciseWidget)
    widget.controls["previous_pay"].value = "300000"
    widget.controls["posted_range"].value = ""
    widget.controls["ask"].value = "400000"
    assert "too far" in widget.feedback.value
    assert "CNY 342,000–360,000" in widget.feedback.value
    assert "Saved at" in widget.status.value
    assert "400000" == saved(course)["03.salary"]["ask"]
    assert 1 == len(widget.chart.outputs)
    assert "image/png" in widget.chart.outputs[0]["data"]


def test_bad_input_gets_a_friendly_message_and_is_not_saved(course: Course) -> None:
    widget = build_exercise(SALARY, course)
    widget.controls["previous_pay"].value = "300000"
    widget.controls["previous_pay"].value = "-5"
    assert "offerkit-error" in widget.feedback.value
    assert "must be a positive amount" in widget.feedback.value
    assert "Traceback" not in widget.feedback.value
    assert "Not saved until the input is fixed." in widget.status.value
    assert () == widget.chart.outputs
    assert "300000" == saved(course)["03.salary"]["previous_pay"]


def test_answers_come_back_after_a_rerun_or_restart(tmp_path: Path) -> None:
    first = build_exercise(SALARY, open_course(tmp_path))
    first.controls["previous_pay"].value = "30k x 13"
    second = build_exercise(SALARY, open_course(tmp_path))  # new store: like a kernel restart
    assert "30k x 13" == second.controls["previous_pay"].value
    assert "CNY 390,000" in second.feedback.value


def test_ledger_add_remove_and_rejected_entry(course: Course) -> None:
    widget = ExerciseWidget(_ledger_spec(), course)
    widget.entry_controls["what"].value = "one"
    widget.add_button.click()
    assert [{"what": "one"}] == widget.entries
    assert "" == widget.entry_controls["what"].value  # cleared for the next entry
    widget.entry_controls["what"].value = "   "
    widget.add_button.click()
    assert "The entry was not added." in widget.feedback.value
    assert 1 == len(widget.entries)
    assert [{"what": "one"}] == saved(course)["99.ledger"]["entries"]
    widget.remove_button.click()
    assert [] == saved(course)["99.ledger"]["entries"]  # an explicit removal is saved


def test_hint_ladder_reveals_one_rung_at_a_time(tmp_path: Path) -> None:
    widget = ExerciseWidget(_ledger_spec(), open_course(tmp_path))
    widget.hint_button.click()
    assert "first" in widget.hint_html.value and "second" not in widget.hint_html.value
    widget.hint_button.click()
    assert "second" in widget.hint_html.value
    assert widget.hint_button.disabled


def test_headless_build_prints_a_summary_instead_of_a_widget(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    course = open_course(tmp_path, headless=True, previous_pay="300000", posted_range="")
    assert build_exercise(SALARY, course) is None
    printed = capsys.readouterr().out
    assert "== Your expected annual salary ==" in printed
    assert "- Your annual range: CNY 342,000–360,000 (target at the low end)" in printed
    assert not (tmp_path / "answers").exists()  # headless runs never write answers


def test_long_labels_sit_above_their_control(tmp_path: Path) -> None:
    widget = build_exercise(SALARY, open_course(tmp_path))
    assert "" == widget.controls["previous_pay"].description
    assert "Currency" == widget.controls["currency"].description


def test_an_unwritable_answers_file_is_reported_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    widget = build_exercise(SALARY, open_course(tmp_path))

    def refuse(*_args: object, **_kwargs: object) -> bool:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(widget.course.store, "save", refuse)
    widget.controls["previous_pay"].value = "300000"
    assert "CNY 342,000–360,000" in widget.feedback.value
    assert "Not saved: could not write" in widget.status.value
    assert "Permission denied" in widget.status.value


def test_an_unexpected_error_in_a_handler_is_shown_in_the_widget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    widget = build_exercise(SALARY, open_course(tmp_path))

    def broken(*_args: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(widget, "refresh", broken)
    widget.check_button.click()
    assert "Something unexpected went wrong (KeyError: &#x27;boom&#x27;)" in widget.feedback.value
    assert "offerkit-error" in widget.feedback.value
