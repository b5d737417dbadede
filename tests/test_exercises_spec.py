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
    field_label,
    judge,
    learner_words,
    run_headless,
    scale_values,
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
    assert ("Please check your input: “N” must be a good value (you entered 'bad')",) == (
        feedback.lines
    )


AREAS = (("Salary", "salary"), ("Work–life balance", "work_life_balance"))


def _keyed_spec(evaluate) -> ExerciseSpec:
    return ExerciseSpec(
        id="99.keys",
        title="Keys",
        prompt="",
        fields=(
            Field("told_previous", "Previous pay as you told HR", "money"),
            Field("offer_date", "Offer date", "date"),
        ),
        entry_fields=(Field("ratings", "Your ratings", "scale", {}, AREAS),),
        evaluate=evaluate,
    )


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("told_previous", "“Previous pay as you told HR”"),
        ("ratings[work_life_balance]", "“Your ratings: Work–life balance”"),
        ("ratings[salary] (entry 2)", "“Your ratings: Salary” in entry 2"),
        ("offers_held", "“offers held”"),
    ],
)
def test_error_fields_are_named_with_the_labels_the_learner_saw(field, expected) -> None:
    assert expected == field_label(_keyed_spec(lambda v, c: Feedback(())), field)


def test_no_internal_key_reaches_the_learner(tmp_path: Path) -> None:
    def evaluate(_values, _course):
        raise InvalidInputError(
            "ratings[work_life_balance] (entry 1)",
            "rated when 'told_previous' is given",
            "work_life_balance",
        )

    feedback = judge(_keyed_spec(evaluate), {}, _course(tmp_path, headless=False))
    text = " ".join(feedback.lines)
    assert "work_life_balance" not in text and "told_previous" not in text
    assert (
        "Please check your input: “Your ratings: Work–life balance” in entry 1 must be rated "
        "when “Previous pay as you told HR” is given (you entered 'Work–life balance')"
    ) == text


def test_ids_in_ok_feedback_become_labels_but_plain_words_stay() -> None:
    assert "Weights: salary 50 %, Work–life balance 50 %." == learner_words(
        _keyed_spec(lambda v, c: Feedback(())), "Weights: salary 50 %, work_life_balance 50 %."
    )


def test_several_wrong_fields_are_all_named_at_once(tmp_path: Path) -> None:
    def evaluate(values, _course):
        if values["told_previous"]:
            raise InvalidInputError("told_previous", "a positive amount", values["told_previous"])
        if values["offer_date"] != "2026-03-02":
            raise InvalidInputError("offer_date", "a date", values["offer_date"])
        return Feedback(("fine",))

    course = _course(tmp_path, headless=False)
    feedback = judge(_keyed_spec(evaluate), {"told_previous": "-5", "offer_date": "x"}, course)
    assert (
        "Please check these 2 inputs:",
        "“Previous pay as you told HR” must be a positive amount (you entered '-5')",
        "“Offer date” must be a date (you entered 'x')",
    ) == feedback.lines
    one = judge(_keyed_spec(evaluate), {"told_previous": "", "offer_date": ""}, course)
    assert ("Please check your input: “Offer date” must be a date (it is empty)",) == one.lines


def test_scale_values_read_the_saved_dict_and_the_older_text() -> None:
    assert {"salary": 5, "work_life_balance": 0} == scale_values(
        {"salary": 7, "work_life_balance": -1, "gone": 3}, AREAS
    )
    assert {"salary": 4, "work_life_balance": 2} == scale_values(
        "salary=4; Work–life balance: 2, nonsense", AREAS
    )
    assert {} == scale_values(None, AREAS)


def test_feedback_html_escapes_learner_text() -> None:
    html = feedback_html(Feedback(("<script>x</script>",), "ok"), ("a & b",))
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert "a &amp; b" in html
    assert "offerkit-ok" in html
