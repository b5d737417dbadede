"""The generic widget builder, driven without a kernel (values set, buttons clicked)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from exercise_helpers import open_course, saved, shown

from offerkit.errors import EmptyTextError, InvalidInputError
from offerkit.exercises.course import Course, start_course
from offerkit.exercises.salary_exercises import SALARY
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field
from offerkit.exercises.start_exercises import PROFILE
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
    # a ladder that is not hint → worked example → answer: every rung is just a hint
    assert ["Hint", "Hint"] == re.findall(r"<b>([^<]*):</b>", widget.hint_html.value)


def _rungs_shown(widget: ExerciseWidget) -> list[tuple[str, str]]:
    """(label, text) of each hint rung the widget shows, as the learner reads them."""
    found = re.findall(r"<p>💡 <b>([^<]*):</b> (.*?)</p>", widget.hint_html.value)
    return [(label, html.unescape(text)) for label, text in found]


def test_three_rung_ladder_labels_hint_worked_example_answer(course: Course) -> None:
    widget = ExerciseWidget(SALARY, course)
    hint, example, answer = SALARY.hints
    assert "Show a hint" == widget.hint_button.description
    widget.hint_button.click()
    assert [("Hint", hint)] == _rungs_shown(widget)
    assert "Next hint (2 left)" == widget.hint_button.description
    widget.hint_button.click()
    assert [("Hint", hint), ("Worked example", example)] == _rungs_shown(widget)
    widget.hint_button.click()
    expected = [("Hint", hint), ("Worked example", example), ("Answer", answer)]
    assert expected == _rungs_shown(widget)
    assert widget.hint_button.disabled
    assert "No more hints" == widget.hint_button.description


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


def _required_spec() -> ExerciseSpec:
    def evaluate(values, _course):
        if not str(values["when"]).strip():
            raise InvalidInputError("when", "a date", values["when"])
        return Feedback((f"on {values['when']}",))

    return ExerciseSpec(
        id="99.required",
        title="Required",
        prompt="Pick the day the offer came.",
        fields=(Field("when", "Offer date", "date"),),
        evaluate=evaluate,
    )


def test_an_untouched_exercise_opens_with_its_prompt_not_a_red_error(course: Course) -> None:
    widget = ExerciseWidget(_required_spec(), course)
    assert "offerkit-prompt" in widget.feedback.value
    assert "Pick the day the offer came." in widget.feedback.value
    assert "offerkit-error" not in widget.feedback.value
    assert "" == widget.status.value
    widget.check_button.click()  # the learner asks: now the error is shown
    assert "offerkit-error" in widget.feedback.value
    assert "Not saved until the input is fixed." in widget.status.value


def test_a_saved_exercise_that_no_longer_validates_shows_the_error(course: Course) -> None:
    course.store.save("99.required", {"when": ""}, allow_empty=True)
    widget = ExerciseWidget(_required_spec(), course)
    assert "offerkit-error" in widget.feedback.value


def test_lesson_00_says_saved_only_once_the_file_exists(
    course: Course, monkeypatch: pytest.MonkeyPatch
) -> None:
    widget = build_exercise(PROFILE, course)
    assert "saved" not in widget.status.value.lower()
    assert "saved" not in widget.feedback.value.lower()
    monkeypatch.setattr(course.store, "save", lambda *_a, **_k: True)  # claims, writes nothing
    widget.controls["learner_name"].value = "Ada Lovelace"
    assert not course.store.path.exists()
    assert "Saved at" not in widget.status.value
    assert "Not saved: ada.answers.json was not written." == widget.status.value
    monkeypatch.undo()
    widget.controls["learner_name"].value = "Ada L."
    assert course.store.path.exists()
    assert widget.status.value.startswith("Saved at ")
    assert "Ada L." == saved(course)[PROFILE.id]["learner_name"]


def test_entry_tables_show_labels_not_ids(course: Course) -> None:
    spec = ExerciseSpec(
        id="99.areas",
        title="Areas",
        prompt="",
        fields=(),
        entry_fields=(
            Field("areas", "Areas", "multi", [], (("Work–life balance", "work_life_balance"),)),
            Field("ratings", "Ratings", "scale", {}, (("Work–life balance", "work_life_balance"),)),
        ),
        evaluate=lambda values, _c: Feedback(("ok",)),
    )
    widget = ExerciseWidget(spec, course)
    widget.entry_controls["areas"].value = ("work_life_balance",)
    widget.entry_controls["ratings"].sliders["work_life_balance"].value = 4
    widget.add_button.click()
    assert "work_life_balance" not in widget.entries_html.value
    assert "Work–life balance 4" in widget.entries_html.value
    assert {"work_life_balance": 4} == saved(course)["99.areas"]["entries"][0]["ratings"]


def test_voila_exercises_wait_for_the_learner_then_open_their_own_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VOILA_KERNEL_ID", "k1")
    monkeypatch.delenv("QUERY_STRING", raising=False)
    ada = start_course({}, headless=False, folder=tmp_path, announce=False)
    ada.identify("ada")
    ada.store.save(PROFILE.id, {"learner_name": "Ada", "previous_pay": "40k x 13"})
    course = start_course({}, headless=False, folder=tmp_path, announce=False)
    widget = build_exercise(PROFILE, course)
    assert course.awaiting_identity
    assert "none" == widget.layout.display
    course.identify("ada")
    assert widget.layout.display is None
    assert "40k x 13" == widget.controls["previous_pay"].value
    assert not (tmp_path / "answers" / "demo.answers.json").exists()


def test_the_profile_names_every_wrong_field_at_once(course: Course) -> None:
    widget = build_exercise(PROFILE, course)
    widget.controls["posted_range"].value = "lots"
    widget.controls["previous_pay"].value = "-5"
    lines = shown(widget)
    assert "Please check these 2 inputs:" == lines[0]
    assert lines[1].startswith("“Previous pay (any format; empty = not disclosed)” must be")
    assert lines[2].startswith("“Posted range of the job you want (optional)” must be")
    assert not any("previous_pay" in line or "posted_range" in line for line in lines)
