"""The Voila identity prompt: a name (or id) once, then the learner's own answers file."""

from __future__ import annotations

from pathlib import Path

import pytest

from offerkit.exercises.course import start_course
from offerkit.exercises.identity import identity_prompt, learner_id_from_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ada Lovelace", "ada-lovelace"),
        ("Zoë  O'Brien", "zoe-o-brien"),
        ("李雷", ""),
        ("../x", "x"),
    ],
)
def test_a_name_becomes_a_file_safe_id(name: str, expected: str) -> None:
    assert expected == learner_id_from_name(name)


@pytest.fixture
def prompt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("VOILA_KERNEL_ID", "kernel-1")
    monkeypatch.delenv("QUERY_STRING", raising=False)
    course = start_course({}, headless=False, folder=tmp_path, announce=False)
    return identity_prompt(course)


def test_start_opens_the_learners_own_file_and_says_how_to_skip_next_time(prompt) -> None:
    prompt.name_box.value = "Ada Lovelace"
    prompt.start_button.click()
    assert "ada-lovelace" == prompt.course.learner_id
    assert "ada-lovelace.answers.json" == prompt.course.store.path.name
    assert "?learner=ada-lovelace" in prompt.message.value
    assert "Ada Lovelace: answers are saved in" in prompt.message.value
    assert prompt.start_button.disabled


def test_a_name_without_latin_letters_asks_for_an_id(prompt) -> None:
    prompt.name_box.value = "李雷"
    prompt.start_button.click()
    assert prompt.course.awaiting_identity
    assert "Please add an id in Latin letters" in prompt.message.value
    prompt.id_box.value = "li-lei"
    prompt.start_button.click()
    assert "li-lei" == prompt.course.learner_id
    assert "李雷" == prompt.course.profile["learner_name"]


def test_an_id_that_is_no_file_name_is_refused_kindly(prompt) -> None:
    prompt.name_box.value = "Bo"
    prompt.id_box.value = "../bo"
    prompt.start_button.click()
    assert prompt.course.awaiting_identity
    assert "That id will not do as a file name" in prompt.message.value
    assert "learner_id" not in prompt.message.value


def test_nothing_typed_asks_for_a_name(prompt) -> None:
    prompt.start_button.click()
    assert "Please type your name first." in prompt.message.value
