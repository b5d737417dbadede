"""Exercise specs without widgets: start values, judging, feedback HTML, headless runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from offerkit.errors import InvalidInputError
from offerkit.exercises.course import start_course
from offerkit.exercises.spec import (
    ExerciseSpec,
    Feedback,
    Field,
    exercise_values,
    feedback_html,
    judge,
    run_headless,
)


def _spec(**overrides) -> ExerciseSpec:
    def evaluate(values, _course):
        if values["n"] == "bad":
            raise InvalidInputError("n", "a good value", "bad")
        return Feedback((f"n is {values['n']}", "<b>&</b>"), "warn")

    base = dict(
        id="99.test",
        title="Test",
        prompt="",
        fields=(Field("n", "N", default="0"),),
        evaluate=evaluate,
        defaults=lambda c: {"n": "from-profile"},
    )
    base.update(overrides)
    return ExerciseSpec(**base)


def _course(tmp_path: Path, headless: bool):
    return start_course({"learner_id": "ada"}, headless=headless, folder=tmp_path, announce=False)


def test_saved_answer_beats_profile_beats_field_default(tmp_path: Path) -> None:
    course = _course(tmp_path, headless=False)
    assert ({"n": "from-profile"}, False) == exercise_values(_spec(), course)
    course.store.save("99.test", {"n": "saved", "unknown": 1})
    assert ({"n": "saved"}, False) == exercise_values(_spec(), course)
    no_defaults = _spec(defaults=None, id="99.other")
    assert ({"n": "0"}, False) == exercise_values(no_defaults, course)


def test_parameters_win_headless_when_the_spec_says_so(tmp_path: Path) -> None:
    course = _course(tmp_path, headless=True)
    course.store.save("99.test", {"n": "saved"})
    assert "from-profile" == exercise_values(_spec(params_win_headless=True), course)[0]["n"]


def test_headless_ledger_without_entries_shows_the_labelled_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = _spec(
        fields=(),
        entry_fields=(Field("n", "N"),),
        defaults=None,
        evaluate=lambda v, c: Feedback((f"{len(v['entries'])} entries",)),
        example=lambda c: {"entries": [{"n": "1"}, {"n": "2"}]},
    )
    run_headless(spec, _course(tmp_path, headless=True))
    out = capsys.readouterr().out
    assert "(Worked example: nothing saved yet." in out
    assert "- 2 entries" in out


def test_judge_turns_offerkit_errors_into_error_feedback(tmp_path: Path) -> None:
    feedback = judge(_spec(), {"n": "bad"}, _course(tmp_path, headless=True))
    assert "error" == feedback.level
    assert ("Please check your input: 'n' must be a good value (got 'bad')",) == feedback.lines


def test_feedback_html_escapes_learner_text() -> None:
    html = feedback_html(Feedback(("<script>x</script>",), "ok"), ("a & b",))
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert "a &amp; b" in html
    assert "offerkit-ok" in html
