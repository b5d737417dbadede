"""Tests for offerkit.learner.answers: answers survive restarts, races and damage."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from offerkit.errors import AnswersFileError, ForeignFileError, InvalidInputError
from offerkit.learner.answers import (
    ANSWERS_KIND,
    LOCK_SUFFIX,
    SCHEMA_VERSION,
    TEMP_SUFFIX,
    AnswersStore,
    atomic_write_text,
    default_answers_path,
    read_answers,
    read_answers_file,
    temporary_files,
)

DATA = Path(__file__).parent / "data"
SALARY = {"previous_pay": "25k x 14", "ask": "400000"}
TONE = {"draft": "Could you share the range?"}
QUIZ = {"q1": "2"}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "answers" / "ada.answers.json"


def _document(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def _own_siblings(path: Path) -> list[str]:
    """The files beside ``path``, without the store's lock file."""
    return [name for name in _siblings(path) if not name.endswith(LOCK_SUFFIX)]


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
    assert (before, ["ada.answers.json"]) == (path.read_bytes(), _own_siblings(path))


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
    first.save("03.quiz", {"q1": "3"})
    restarted = AnswersStore(path, "ada")
    assert {"03.quiz": {"q1": "3"}, "03.salary": SALARY} == restarted.all()
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
    AnswersStore(path).save("03.posted", {"posted_range": "20-30K·15薪"})
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
    lesson_04.save("04.tone", TONE)
    assert {"03.salary": SALARY, "04.tone": TONE} == (AnswersStore(path).all())
    assert {"03.salary", "04.tone"} == set(lesson_04.all())


def test_the_newer_answer_on_disk_wins_for_other_exercises(path: Path) -> None:
    old_tab = AnswersStore(path)
    old_tab.save("03.salary", SALARY)
    new_tab = AnswersStore(path)
    new_tab.save("03.salary", {**SALARY, "ask": "380000"})
    old_tab.save("03.quiz", QUIZ)  # must not bring back the stale salary answer
    reopened = AnswersStore(path)
    assert ("380000", QUIZ) == (reopened.get("03.salary")["ask"], reopened.get("03.quiz"))


# ---------------------------------------------------------------- empty values


@pytest.mark.parametrize("empty", [{}, {"ask": ""}, {"ask": "", "flag": False}, {"e": []}])
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
    assert True is AnswersStore(path).save("03.salary", {"ask": ""})


def test_zero_is_not_empty(path: Path) -> None:
    store = AnswersStore(path)
    store.save("03.rating", {"team": 4})
    assert (True, {"team": 0}) == (store.save("03.rating", {"team": 0}), store.get("03.rating"))


# ---------------------------------------------------------------- two processes at once

_WRITER = """
import json, os, sys, time
from pathlib import Path
from offerkit.learner.answers import AnswersStore

path, name, count, go = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
written, current, real_replace = [], [None], os.replace

def replace(src, dst):  # the order in which the file on disk changed (inside the lock)
    real_replace(src, dst)
    if Path(dst) == path:
        written.append([time.monotonic_ns(), current[0]])

os.replace = replace
while not go.exists():
    time.sleep(0.002)
confirmed = []
for i in range(count):
    exercise = f"{name}.{i:03d}" if i % 2 else "shared"  # its own answers, and a shared one
    value = {"writer": name, "i": i}
    current[0] = [exercise, value]
    if AnswersStore(path, "ada").save(exercise, value):  # opened afresh: no memory to mend
        confirmed.append([exercise, value])
print(json.dumps({"confirmed": confirmed, "written": written}))
"""


def _race(folder: Path, count: int = 200) -> tuple[list[Any], list[Any], dict[str, Any]]:
    """Two real processes saving ``count`` answers each into one file (every other save of
    their own exercise, the rest of one shared exercise): what each confirmed, what was
    written in which order, and what is on disk at the end. Each save opens the store
    afresh, as a re-run cell or ``offerkit export-answers`` does, so an answer another
    writer erased is not put back from memory by a later save."""
    import offerkit

    path, go = folder / "answers" / "ada.answers.json", folder / "go"
    root = str(Path(offerkit.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")])}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), name, str(count), str(go)],
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        for name in ("lesson-03", "lesson-04")
    ]
    time.sleep(0.3)  # let both import offerkit, then start them together
    go.touch()
    reports = [json.loads(writer.communicate(timeout=120)[0]) for writer in writers]
    assert [0, 0] == [writer.returncode for writer in writers]
    confirmed = [save for report in reports for save in report["confirmed"]]
    written = sorted(w for report in reports for w in report["written"])
    return confirmed, written, AnswersStore(path).all()


@pytest.fixture(scope="module")
def race(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Any], list[Any], dict[str, Any]]:
    return _race(tmp_path_factory.mktemp("race"))


def test_two_processes_saving_at_once_confirm_every_save(race: Any) -> None:
    confirmed, written, _on_disk = race
    assert (400, 400) == (len(confirmed), len(written))
    writers = [save[1]["writer"] for _time, save in written]
    assert 1 < sum(a != b for a, b in itertools.pairwise(writers))  # the two did interleave


def test_two_processes_lose_none_of_their_different_answers(race: Any) -> None:
    confirmed, _written, on_disk = race
    expected = {exercise: value for exercise, value in confirmed if exercise != "shared"}
    assert (200, expected) == (len(expected), {k: v for k, v in on_disk.items() if k in expected})


def test_two_processes_saving_one_answer_keep_the_last_confirmed(race: Any) -> None:
    confirmed, written, on_disk = race
    last_shared = [save for _time, save in written if save[0] == "shared"][-1]
    assert (True, last_shared[1]) == (last_shared in confirmed, on_disk["shared"])
    assert 201 == len(on_disk)


def test_saving_waits_for_the_lock_beside_the_file(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from filelock import FileLock, Timeout

    import offerkit.learner.answers as answers

    store = AnswersStore(path, "ada")
    store.save("03.salary", SALARY)
    monkeypatch.setattr(answers, "LOCK_TIMEOUT", 0.05)
    with FileLock(path.with_name(f".ada.answers.json{LOCK_SUFFIX}")), pytest.raises(Timeout):
        store.save("03.quiz", QUIZ)  # another writer holds the lock: this one waits, then fails
    assert (True, {"03.salary": SALARY}) == (
        isinstance(Timeout(str(path)), OSError),  # the lesson shows it as "could not write"
        AnswersStore(path).all(),
    )


def test_everything_the_store_writes_stays_beside_the_answers_file(tmp_path: Path) -> None:
    path = tmp_path / "course" / "answers" / "ada.answers.json"
    AnswersStore(path, "ada").save("03.salary", SALARY)
    path.write_text("{damaged", encoding="utf-8")
    path.with_name(f".ada.answers.json.abcd1234{TEMP_SUFFIX}").write_text("half", "utf-8")
    AnswersStore(path, "ada").save("03.quiz", QUIZ)
    outside = [p for p in tmp_path.rglob("*") if p.is_file() and p.parent != path.parent]
    assert [] == outside


# ---------------------------------------------------------------- a killed writer's temporaries


def test_temporaries_of_a_killed_writer_are_removed_on_open(path: Path) -> None:
    AnswersStore(path, "ada").save("03.salary", SALARY)
    left = [
        path.with_name(f".ada.answers.json.{tag}{TEMP_SUFFIX}") for tag in ("k2_x9abc", "zz00zz00")
    ]
    for temp in left:
        temp.write_text('{"half": ', encoding="utf-8")
    others = [
        path.with_name(".ada.answers.json.k2_x9abc.tmp"),  # another tool's temporary
        path.with_name("notes.tmp"),
        path.with_name(f".bob.answers.json.k2_x9abc{TEMP_SUFFIX}"),  # another learner's
        path.with_name(f"x.ada.answers.json.k2_x9abc{TEMP_SUFFIX}"),
        path.with_name(f".ada.answers.json.k2_x9abc{TEMP_SUFFIX}.keep"),
    ]
    for other in others:
        other.write_text("theirs", encoding="utf-8")
    store = AnswersStore(path, "ada")
    assert ({"03.salary": SALARY}, "") == (store.all(), store.warning)
    assert [False, False] == [temp.exists() for temp in left]
    assert ["theirs"] * len(others) == [other.read_text(encoding="utf-8") for other in others]


def test_temporaries_are_removed_even_when_the_first_save_was_killed(path: Path) -> None:
    path.parent.mkdir(parents=True)
    left = path.with_name(f".ada.answers.json.a1b2c3d4{TEMP_SUFFIX}")
    left.write_text('{"kind": "offerkit-answers", "sch', encoding="utf-8")
    store = AnswersStore(path, "ada")
    assert (False, False, {}) == (left.exists(), path.exists(), store.all())


def test_the_store_writes_through_its_own_temporary_name(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        seen.append(Path(src).name)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    AnswersStore(path, "ada").save("03.salary", SALARY)
    assert [True] == [
        name.startswith(".ada.answers.json.") and name.endswith(TEMP_SUFFIX) for name in seen
    ]
    assert [] == temporary_files(path)


# ---------------------------------------------------------------- the kit's own, damaged


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"",
        b"\xff\xfe not utf-8",
        b"[1, 2, 3]",
        b'"just text"',
        b"null",
        b'{"schema": 1, "exercises": []}',
        b'{"schema": "1", "exercises": {}}',
        b'{"schema": 0, "exercises": {}}',
        b'{"schema": true, "exercises": {}}',
        b'{"schema": 1, "exercises": {"00.profile": {"saved": "2026-11-25", "value": "Ada"}}}',
        b'{"schema": 1, "exercises": {"03.salary": {"saved": 5, "value": {}}}}',
        b'{"schema": 1, "exercises": {"03.salary": {"saved": "yesterday", "value": {}}}}',
        b'{"schema": 1, "exercises": {"03.salary": {"value": {"ask": "1"}}}}',
        b'{"schema": 1, "exercises": {"03.salary": {"saved": "2026-11-25", "value": {}, "x": 1}}}',
        b'{"schema": 1, "exercises": {"03.salary": [1]}}',
        b'{"schema": 1, "learner_id": 7, "exercises": {}}',
        b'{"schema": 1, "updated": [], "exercises": {}}',
        b'{"schema": 1, "exercises": {}, "profile": "Ada"}',
        b'{"kind": "offerkit-answers", "schema": 1, "exercises": {"a": {"value": {}}}}',
        b'{"kind": "offerkit-answers", "exercises": {}}',
        b'{"kind": "offerkit-answers", "schema": 1, "exercises": {"a": ',
        b'{\n  "kind":"offerkit-answers",\n  "schema": 1,\n  "exercises": {,}}',
    ],
)
def test_a_damaged_file_of_the_kit_is_moved_aside_untouched(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    store = AnswersStore(path, "ada")
    kept = [p for p in path.parent.iterdir() if p.name.startswith("ada.answers.corrupt-")]
    assert (1, True, content) == (len(kept), kept[0].name.endswith(".json"), kept[0].read_bytes())
    assert (False, {}, False) == (path.exists(), store.all(), store.read_only)
    assert (True, True) == (str(kept[0]) in store.warning, "nothing was lost" in store.warning)
    assert True is store.save("03.salary", SALARY)


def test_the_warning_says_what_is_wrong_in_the_file(path: Path) -> None:
    path.parent.mkdir(parents=True)
    entry = {"saved": "2026-11-25T18:00:00+00:00", "value": "Ada"}
    path.write_text(json.dumps({"schema": 1, "exercises": {"00.profile": entry}}), "utf-8")
    warning = AnswersStore(path, "ada").warning
    assert "'value' must be an object (got text)" in warning


def test_a_damaged_file_that_cannot_be_kept_aside_is_left_alone(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"{damaged")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)  # a read-only folder
    store = AnswersStore(path, "ada")
    assert (True, {}, False) == (store.read_only, store.all(), store.save("03.salary", SALARY))
    assert (True, True) == (str(path) in store.warning, "Permission denied" in store.warning)
    assert b"{damaged" == path.read_bytes()


def test_temporaries_that_cannot_be_removed_do_not_stop_the_lesson(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    AnswersStore(path, "ada").save("03.salary", SALARY)
    path.with_name(f".ada.answers.json.a1b2c3d4{TEMP_SUFFIX}").write_text("half", "utf-8")

    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "unlink", refuse)
    store = AnswersStore(path, "ada")
    assert ({"03.salary": SALARY}, True) == (store.all(), "could not be removed" in store.warning)


def test_a_fresh_file_is_started_after_damage(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text("{oops", encoding="utf-8")
    store = AnswersStore(path, "ada")
    assert True is store.save("03.salary", SALARY)
    assert ({"03.salary": SALARY}, 2) == (AnswersStore(path).all(), len(_own_siblings(path)))


@pytest.mark.parametrize("damage", [b"garbage", b'{"schema": 1, "exercises": {"a": 1}}'])
def test_damage_after_opening_is_moved_aside_on_save(path: Path, damage: bytes) -> None:
    store = AnswersStore(path, "ada")
    store.save("03.salary", SALARY)
    path.write_bytes(damage)
    assert True is store.save("03.quiz", QUIZ)
    kept = [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert (damage, True) == (kept[0].read_bytes(), str(kept[0]) in store.warning)
    assert {"03.salary": SALARY, "03.quiz": QUIZ} == AnswersStore(path).all()


@pytest.mark.parametrize("value", [[1, 2], "text", 3, None])
def test_answers_that_are_not_objects_raise_type_error(path: Path, value: object) -> None:
    store = AnswersStore(path)
    with pytest.raises(TypeError):
        store.save("03.salary", value)
    assert False is path.exists()


# ---------------------------------------------------------------- not the kit's files


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("settings.json", b'{"theme": "dark", "fontSize": 14}'),
        ("settings.json", b"[1, 2, 3]"),
        ("settings.json", b'{"kind": "offerkit-export", "schema": 1, "token": "ab"}'),
        ("settings.json", b'{"schema": 3, "title": "a settings file with a schema"}'),
        ("notes.txt", b"my salary notes: ask for 30k\n"),
        ("notes.txt", b""),
        ("ada.answers.json", b'{"kind": "vscode-settings", "schema": 1, "exercises": {}}'),
        ("data.json", b"\xff\xfe binary"),
        ("notes.md", b"offerkit-answers files are JSON; mine is elsewhere"),
    ],
)
def test_a_file_that_is_not_the_kits_is_never_changed(
    tmp_path: Path, name: str, content: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    before = _siblings(path)
    store = AnswersStore(path, "ada")
    assert (True, True, {}) == (
        store.read_only,
        isinstance(store.refused, ForeignFileError),
        store.all(),
    )
    assert (True, True) == (str(path) in store.warning, "answers_file" in store.warning)
    assert False is store.save("03.salary", SALARY)
    assert (content, before) == (path.read_bytes(), _siblings(path))


def test_a_folder_at_the_answers_path_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ada.answers.json"
    path.mkdir()
    store = AnswersStore(path, "ada")
    assert (True, False) == (store.read_only, store.save("03.salary", SALARY))
    assert ([], True) == (list(path.iterdir()), path.is_dir())


def test_a_file_replaced_by_another_tools_after_opening_is_not_overwritten(
    tmp_path: Path,
) -> None:
    path = tmp_path / "my-answers.json"
    store = AnswersStore(path, "ada")
    store.save("03.salary", SALARY)
    path.write_bytes(b'{"theme": "dark"}')
    assert (False, True) == (store.save("03.quiz", QUIZ), store.read_only)
    assert b'{"theme": "dark"}' == path.read_bytes()
    assert [] == [p for p in path.parent.iterdir() if ".corrupt-" in p.name]


def test_read_answers_file_tells_foreign_from_damaged(tmp_path: Path) -> None:
    foreign, named, marked = (tmp_path / n for n in ("settings.json", "a.answers.json", "m.json"))
    foreign.write_text("{oops", encoding="utf-8")
    named.write_text("{oops", encoding="utf-8")
    marked.write_text('{"kind": "offerkit-answers", "schema": 1, "exer', encoding="utf-8")
    with pytest.raises(ForeignFileError, match=r"settings\.json is not an offerkit answers file"):
        read_answers_file(foreign)
    damaged = []
    for path in (named, marked):
        with pytest.raises(AnswersFileError, match="damaged offerkit answers file") as caught:
            read_answers_file(path)
        damaged.append(isinstance(caught.value, ForeignFileError))
    assert ([False, False], None) == (damaged, read_answers_file(tmp_path / "absent.json"))


# ---------------------------------------------------------------- written by the current release


def test_a_schema_1_file_of_the_current_release_still_loads(tmp_path: Path) -> None:
    fixture = DATA / "answers-schema-1.json"
    path = tmp_path / "answers-schema-1.json"
    shutil.copyfile(fixture, path)
    written = json.loads(fixture.read_text(encoding="utf-8"))
    store = AnswersStore(path, "ada")
    expected = {key: entry["value"] for key, entry in written["exercises"].items()}
    assert ("", False, expected) == (store.warning, store.read_only, store.all())
    assert (21, "ada") == (len(expected), store.file_learner_id)
    assert fixture.read_bytes() == path.read_bytes()  # reading never rewrites


def test_a_schema_1_file_is_marked_as_the_kits_on_its_next_save(tmp_path: Path) -> None:
    path = tmp_path / "answers-schema-1.json"
    shutil.copyfile(DATA / "answers-schema-1.json", path)
    before = AnswersStore(path, "ada").all()
    assert True is AnswersStore(path, "ada").save("03.quiz", QUIZ)
    document = _document(path)
    assert (ANSWERS_KIND, SCHEMA_VERSION) == (document["kind"], document["schema"])
    assert {**before, "03.quiz": QUIZ} == AnswersStore(path).all()


# ---------------------------------------------------------------- newer schema


def _newer(path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "kind": ANSWERS_KIND,
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
    assert False is store.save("03.quiz", QUIZ)
    assert (before, ["ada.answers.json"]) == (path.read_bytes(), _own_siblings(path))


def test_a_newer_schema_written_after_opening_refuses_the_save(path: Path) -> None:
    store = AnswersStore(path, "ada")
    store.save("03.quiz", QUIZ)
    before = _newer(path)  # another, newer offerkit wrote the file meanwhile
    assert (False, True) == (store.save("03.quiz", {"q1": "1"}), store.read_only)
    assert before == path.read_bytes()


def test_read_answers_reads_values_and_leaves_a_bad_file_alone(path: Path) -> None:
    store = AnswersStore(path, "ada")
    store.save("03.salary", SALARY)
    assert {"03.salary": SALARY} == read_answers(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(AnswersFileError):
        read_answers(path)
    assert "{not json" == path.read_text("utf-8")
    assert [path.name] == [n for n in _siblings(path) if not n.startswith(".")]


def test_read_answers_needs_an_existing_file(path: Path) -> None:
    with pytest.raises(AnswersFileError, match="no such answers file"):
        read_answers(path)
