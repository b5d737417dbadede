"""The course context: parameters, answers store, run mode, profile precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from offerkit.errors import InvalidInputError
from offerkit.exercises.course import (
    PROFILE_ID,
    has_frontend,
    in_voila,
    start_course,
    voila_learner,
)
from offerkit.exercises.start_exercises import PROFILE
from offerkit.exercises.widgets import ExerciseWidget


def test_bad_parameters_do_not_stop_the_lesson(tmp_path: Path) -> None:
    course = start_course(
        {"learner_id": "ada", "learner_name": "Ada", "previous_pay": "-5", "currency": "XYZ"},
        headless=False,
        folder=tmp_path,
        announce=False,
    )
    assert "25k x 14" == course.params["previous_pay"]  # the schema default
    assert "CNY" == course.params["currency"]
    assert any("'previous_pay' must be a positive amount" in p for p in course.problems)
    assert any("'currency' must be a known currency code" in p for p in course.problems)


def test_status_names_the_answers_file_and_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    start_course(
        {"learner_id": "ada", "learner_name": "Ada", "previous_pay": "abc"},
        headless=True,
        folder=tmp_path,
    )
    out = capsys.readouterr().out
    assert "Ada: headless run, summaries from your parameters (no saved answers)." in out
    assert "Note: 'previous_pay' must be a pay figure in a supported format" in out


def test_answers_file_parameter_is_used(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "mine.json"
    course = start_course(
        {"learner_id": "ada", "answers_file": str(target)}, headless=False, announce=False
    )
    assert target == course.store.path


def test_profile_saved_answer_wins_with_a_person_but_parameters_win_headless(
    tmp_path: Path,
) -> None:
    params = {"learner_id": "ada", "learner_name": "Ada", "previous_pay": "300000"}
    live = start_course(params, headless=False, folder=tmp_path, announce=False)
    live.store.save(PROFILE_ID, {"previous_pay": "40k x 13", "target_role": ""})
    assert "40k x 13" == live.profile["previous_pay"]
    assert "Backend engineer" == live.profile["target_role"]  # empty saved value ignored
    headless = start_course(params, headless=True, folder=tmp_path, announce=False)
    assert "300000" == headless.profile["previous_pay"]


@pytest.mark.parametrize(("value", "expected"), [("1", False), ("0", True), ("yes", False)])
def test_offerkit_headless_forces_the_mode(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: bool
) -> None:
    monkeypatch.setenv("OFFERKIT_HEADLESS", value)
    assert expected == has_frontend()


def test_no_kernel_means_no_front_end_and_voila_means_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OFFERKIT_HEADLESS", raising=False)
    for name in ("VOILA_KERNEL_ID", "VOILA_BASE_URL", "VOILA_SERVER_URL", "VOILA_REQUEST_URL"):
        monkeypatch.delenv(name, raising=False)
    assert has_frontend() is False
    monkeypatch.setenv("VOILA_BASE_URL", "/")
    assert has_frontend() is True


def test_status_counts_saved_answers(tmp_path: Path) -> None:
    live = start_course(
        {"learner_id": "ada", "learner_name": "Ada"},
        headless=False,
        folder=tmp_path,
        announce=False,
    )
    assert "Ada: answers are saved in ada.answers.json (0 saved so far)." == live.status()
    live.store.save("03.salary", {"ask": "1"})
    headless = start_course(
        {"learner_id": "ada", "learner_name": "Ada"}, headless=True, folder=tmp_path, announce=False
    )
    assert (
        "Ada: headless run, summaries from your parameters and 1 saved answer in ada.answers.json."
    ) == headless.status()


def test_status_shows_the_saved_profile_name_not_the_parameter_default(tmp_path: Path) -> None:
    first = start_course({"learner_id": "ada"}, headless=False, folder=tmp_path, announce=False)
    first.store.save(PROFILE_ID, {"learner_name": "Ada Lovelace"})
    again = start_course({"learner_id": "ada"}, headless=False, folder=tmp_path, announce=False)
    assert again.status().startswith("Ada Lovelace: answers are saved in ada.answers.json")


@pytest.fixture
def voila(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.delenv("OFFERKIT_HEADLESS", raising=False)
    monkeypatch.setenv("VOILA_KERNEL_ID", "kernel-1")
    monkeypatch.delenv("QUERY_STRING", raising=False)
    return monkeypatch


def test_voila_without_a_named_learner_waits_for_the_identity_prompt(
    tmp_path: Path, voila: pytest.MonkeyPatch
) -> None:
    course = start_course({}, folder=tmp_path, announce=False)
    assert course.awaiting_identity
    heard: list[str] = []
    course.on_identity(lambda: heard.append(course.learner_id))
    path = course.identify("Grace", "Grace Hopper")
    assert ["grace"] == heard
    assert tmp_path / "answers" / "grace.answers.json" == path
    assert not course.awaiting_identity
    assert "Grace Hopper" == course.profile["learner_name"]


def test_two_voila_learners_keep_two_answers_files(
    tmp_path: Path, voila: pytest.MonkeyPatch
) -> None:
    for learner in ("ada", "grace"):
        course = start_course({}, folder=tmp_path, announce=False)
        course.identify(learner)
        course.store.save("03.salary", {"ask": learner})
    files = sorted(p.name for p in (tmp_path / "answers").iterdir() if not p.name.startswith("."))
    assert ["ada.answers.json", "grace.answers.json"] == files


@pytest.mark.parametrize("bad", ["../../etc/passwd", "a/b", ".hidden", "con", ""])
def test_an_identity_never_writes_outside_the_answers_folder(
    tmp_path: Path, voila: pytest.MonkeyPatch, bad: str
) -> None:
    course = start_course({}, folder=tmp_path, announce=False)
    with pytest.raises(InvalidInputError):
        course.identify(bad)
    assert course.awaiting_identity
    assert not (tmp_path / "answers").exists()


def test_voila_address_names_the_learner(tmp_path: Path, voila: pytest.MonkeyPatch) -> None:
    voila.setenv("QUERY_STRING", "learner=Ada&x=1")
    assert "Ada" == voila_learner()
    course = start_course({}, folder=tmp_path, announce=False)
    assert not course.awaiting_identity
    assert tmp_path / "answers" / "ada.answers.json" == course.store.path


def test_voila_with_a_named_learner_or_outside_voila_asks_nobody(
    tmp_path: Path, voila: pytest.MonkeyPatch
) -> None:
    named = start_course({"learner_id": "bo"}, folder=tmp_path, announce=False)
    assert not named.awaiting_identity
    voila.delenv("VOILA_KERNEL_ID")
    lab = start_course({}, headless=False, folder=tmp_path, announce=False)
    assert not lab.awaiting_identity
    assert not in_voila()


def test_a_lesson_pointed_at_a_file_that_is_not_answers_says_so_and_saves_nothing(
    tmp_path: Path,
) -> None:
    settings = tmp_path / "settings.json"
    settings.write_bytes(b'{"theme": "dark"}\n')
    live = start_course(
        {"learner_id": "ada", "answers_file": str(settings)}, headless=False, announce=False
    )
    (note,) = [p for p in live.problems if "not an offerkit answers file" in p]
    assert (True, True) == (str(settings) in note, "Choose another answers_file" in note)
    widget = ExerciseWidget(PROFILE, live)
    widget.refresh()
    assert "Not saved: " in widget.status.value
    assert (b'{"theme": "dark"}\n', ["settings.json"]) == (
        settings.read_bytes(),
        sorted(p.name for p in tmp_path.iterdir()),
    )
