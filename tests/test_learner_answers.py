"""Tests for offerkit.learner.answers: answers survive restarts, races and damage."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from offerkit.errors import AnswersFileError, InvalidInputError
from offerkit.learner.answers import (
    SCHEMA_VERSION,
    AnswersStore,
    atomic_write_text,
    default_answers_path,
    read_answers,
)

SALARY = {"previous_pay": "25k x 14", "ask": "400000"}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "answers" / "ada.answers.json"


def _document(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


# ---------------------------------------------------------------- atomic writes


def test_atomic_write_creates_folders_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "file.json"
    atomic_write_text(target, "héllo")
    assert ("héllo", ["file.json"]) == (target.read_text(encoding="utf-8"), _siblings(target))


def test_atomic_write_goes_through_os_replace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        calls.append((Path(src).parent.name, Path(dst).name))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    target = tmp_path / "file.json"
    atomic_write_text(target, "new")
    assert ([(tmp_path.name, "file.json")], "new") == (calls, target.read_text(encoding="utf-8"))


def test_a_crash_before_the_rename_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "file.json"
    target.write_text("old", encoding="utf-8")

    def crash(src: str, dst: str) -> None:
        raise OSError("disk pulled out")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk pulled out"):
        atomic_write_text(target, "new")
    assert ("old", ["file.json"]) == (target.read_text(encoding="utf-8"), _siblings(target))


def test_a_crash_while_saving_keeps_the_saved_answers(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    AnswersStore(path, "ada").save("03.salary", SALARY)
    before = path.read_bytes()

    def crash(src: str, dst: str) -> None:
        raise OSError("power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        AnswersStore(path, "ada").save("03.posted", {"posted_range": "20-30K·15薪"})
    assert (before, ["ada.answers.json"]) == (path.read_bytes(), _siblings(path))


# ---------------------------------------------------------------- save and restore


def test_a_new_file_is_created_on_first_save(path: Path) -> None:
    store = AnswersStore(path, "ada")
    assert ({}, "", False) == (store.all(), store.warning, store.read_only)
    assert True is store.save("03.salary", SALARY)
    document = _document(path)
    assert (SCHEMA_VERSION, "ada", {"03.salary"}) == (
        document["schema"],
        document["learner_id"],
        set(document["exercises"]),
    )
    assert SALARY == document["exercises"]["03.salary"]["value"]


def test_answers_survive_a_kernel_restart(path: Path) -> None:
    first = AnswersStore(path, "ada")
    first.save("03.salary", SALARY)
    first.save("03.quiz", [1, 3, 2])
    restarted = AnswersStore(path, "ada")
    assert {"03.quiz": [1, 3, 2], "03.salary": SALARY} == restarted.all()
    assert (SALARY, None, "fallback") == (
        restarted.get("03.salary"),
        restarted.get("04.tone"),
        restarted.get("04.tone", "fallback"),
    )


def test_saved_at_is_an_iso_time(path: Path) -> None:
    store = AnswersStore(path)
    store.save("03.salary", SALARY)
    stamp = store.saved_at("03.salary")
    assert (None, True) == (store.saved_at("nope"), stamp is not None and "T" in stamp)


def test_a_later_save_replaces_the_value(path: Path) -> None:
    store = AnswersStore(path)
    store.save("03.salary", SALARY)
    store.save("03.salary", {**SALARY, "ask": "380000"})
    assert "380000" == AnswersStore(path).get("03.salary")["ask"]


def test_unicode_is_kept_readable_in_the_file(path: Path) -> None:
    AnswersStore(path).save("03.posted", "20-30K·15薪")
    assert "20-30K·15薪" in path.read_text(encoding="utf-8")


def test_values_that_are_not_json_raise_type_error(path: Path) -> None:
    store = AnswersStore(path)
    with pytest.raises(TypeError):
        store.save("03.salary", {"when": object()})
    assert (False, {}) == (path.exists(), store.all())


def test_default_path_uses_the_slug(tmp_path: Path) -> None:
    assert tmp_path / "answers" / "ada.answers.json" == default_answers_path("Ada", tmp_path)


def test_default_path_refuses_unsafe_ids(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError):
        default_answers_path("../ada", tmp_path)


# ---------------------------------------------------------------- two notebooks at once


def test_two_stores_merge_instead_of_erasing(path: Path) -> None:
    lesson_03 = AnswersStore(path, "ada")
    lesson_04 = AnswersStore(path, "ada")  # opened before lesson 03 saved anything
    lesson_03.save("03.salary", SALARY)
    lesson_04.save("04.tone", "Could you share the range?")
    assert {"03.salary": SALARY, "04.tone": "Could you share the range?"} == (
        AnswersStore(path).all()
    )
    assert {"03.salary", "04.tone"} == set(lesson_04.all())


def test_the_newer_answer_on_disk_wins_for_other_exercises(path: Path) -> None:
    old_tab = AnswersStore(path)
    old_tab.save("03.salary", SALARY)
    new_tab = AnswersStore(path)
    new_tab.save("03.salary", {**SALARY, "ask": "380000"})
    old_tab.save("03.quiz", [1])  # must not bring back the stale salary answer
    reopened = AnswersStore(path)
    assert ("380000", [1]) == (reopened.get("03.salary")["ask"], reopened.get("03.quiz"))


# ---------------------------------------------------------------- empty values


@pytest.mark.parametrize("empty", ["", None, [], {}, {"ask": "", "flag": False}])
def test_an_empty_value_never_replaces_a_saved_one(path: Path, empty: object) -> None:
    store = AnswersStore(path)
    store.save("03.salary", SALARY)
    before = path.read_bytes()
    assert (False, SALARY, before) == (
        store.save("03.salary", empty),
        store.get("03.salary"),
        path.read_bytes(),
    )


def test_an_empty_value_can_replace_on_purpose(path: Path) -> None:
    store = AnswersStore(path)
    store.save("03.salary", SALARY)
    assert (True, {}) == (store.save("03.salary", {}, allow_empty=True), store.get("03.salary"))
    assert {} == AnswersStore(path).get("03.salary")


def test_an_empty_value_is_saved_when_nothing_was_there(path: Path) -> None:
    assert True is AnswersStore(path).save("03.salary", "")


def test_zero_is_not_empty(path: Path) -> None:
    store = AnswersStore(path)
    store.save("03.rating", {"team": 4})
    assert (True, {"team": 0}) == (store.save("03.rating", {"team": 0}), store.get("03.rating"))


# ---------------------------------------------------------------- damaged files


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"",
        b"[1, 2, 3]",
        b'{"schema": 1, "exercises": []}',
        b'{"schema": 1}',
        b'{"schema": "1", "exercises": {}}',
        b'{"schema": 0, "exercises": {}}',
        b'{"exercises": {}}',
        b"\xff\xfe not utf-8",
    ],
)
def test_a_damaged_file_is_moved_aside_untouched(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    store = AnswersStore(path, "ada")
    kept = [p for p in path.parent.iterdir() if p.name.startswith("ada.answers.corrupt-")]
    assert (1, True, content) == (len(kept), kept[0].name.endswith(".json"), kept[0].read_bytes())
    assert (False, {}) == (path.exists(), store.all())
    assert (True, True) == (kept[0].name in store.warning, "nothing was lost" in store.warning)


def test_a_fresh_file_is_started_after_damage(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text("{oops", encoding="utf-8")
    store = AnswersStore(path, "ada")
    assert True is store.save("03.salary", SALARY)
    assert ({"03.salary": SALARY}, 2) == (AnswersStore(path).all(), len(_siblings(path)))


def test_damage_after_opening_is_moved_aside_on_save(path: Path) -> None:
    store = AnswersStore(path, "ada")
    store.save("03.salary", SALARY)
    path.write_text("garbage", encoding="utf-8")
    assert True is store.save("03.quiz", [2])
    kept = [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert (b"garbage", True) == (kept[0].read_bytes(), kept[0].name in store.warning)
    assert {"03.salary": SALARY, "03.quiz": [2]} == AnswersStore(path).all()


# ---------------------------------------------------------------- newer schema


def _newer(path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "schema": SCHEMA_VERSION + 1,
        "learner_id": "ada",
        "exercises": {"03.salary": {"saved": "2030-01-01T00:00:00+00:00", "value": SALARY}},
        "future_field": True,
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    return path.read_bytes()


def test_a_newer_schema_is_read_only_and_never_overwritten(path: Path) -> None:
    before = _newer(path)
    store = AnswersStore(path, "ada")
    assert (True, SALARY) == (store.read_only, store.get("03.salary"))
    assert "newer offerkit" in store.warning
    assert False is store.save("03.quiz", [1])
    assert (before, ["ada.answers.json"]) == (path.read_bytes(), _siblings(path))


def test_a_newer_schema_written_after_opening_refuses_the_save(path: Path) -> None:
    store = AnswersStore(path, "ada")
    store.save("03.quiz", [1])
    before = _newer(path)  # another, newer offerkit wrote the file meanwhile
    assert (False, True) == (store.save("03.quiz", [2]), store.read_only)
    assert before == path.read_bytes()


def test_entries_without_a_value_are_ignored(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(
        json.dumps({"schema": 1, "exercises": {"a": {"value": 1}, "b": {"saved": "x"}, "c": 3}}),
        encoding="utf-8",
    )
    assert {"a": 1} == AnswersStore(path).all()


def test_read_answers_reads_values_and_leaves_a_bad_file_alone(path: Path) -> None:
    store = AnswersStore(path, "ada")
    store.save("03.salary", SALARY)
    assert {"03.salary": SALARY} == read_answers(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(AnswersFileError, match="not a readable answers file"):
        read_answers(path)
    assert ("{not json", ["ada.answers.json"]) == (path.read_text("utf-8"), _siblings(path))


def test_read_answers_needs_an_existing_file(path: Path) -> None:
    with pytest.raises(AnswersFileError, match="no such answers file"):
        read_answers(path)
