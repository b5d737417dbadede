"""The anonymised export of a learner's saved answers, read back by the instructor."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from offerkit.errors import DataFileError
from offerkit.exercises.course import Course, start_course
from offerkit.exercises.export_exercises import export_from_course, write_export
from offerkit.instructor.export import check_export_file, read_export
from offerkit.learner.answers import AnswersStore

NAME, LEARNER_ID = "Ada Lovelace", "ada-l42"
# Every free text and figure the learner typed; none may reach the export.
PRIVATE = (
    NAME,
    LEARNER_ID,
    "Pay frozen at Initech",
    "no salary reviews at all",
    "Migrated payments at Initech",
    "outages from 9 to 2",
    "Easy-going",
    "three recruiters from Globex called",
    "Globex Corp",
    "312345",
    "312,345",
    "370000",
    "370,000",
    "Staff engineer",
)


def save_answers(path: Path) -> None:
    """A learner who did lessons 00–04 (shared with test_exercises_export)."""
    store = AnswersStore(path, LEARNER_ID)
    store.save(
        "00.profile",
        {
            "learner_name": NAME,
            "previous_pay": "312345",
            "target_role": "Staff engineer",
            "currency": "CNY",
        },
    )
    store.save("01.journal", {"entries": [
        {"experience": "Pay frozen at Initech", "reason": "no salary reviews at all",
         "areas": ["salary"], "intensity": "4"},
        {"experience": "A year of maintenance", "reason": "nothing new shipped",
         "areas": ["growth", "project_experience"], "intensity": "3"},
    ]})  # fmt: skip
    store.save("02.strengths", {"entries": [
        {"description": "Migrated payments at Initech", "evidence": "outages from 9 to 2",
         "kind": "hard", "rare": True},
        {"description": "Backend work in Python", "evidence": "five years", "kind": "hard",
         "rare": False},
        {"description": "Easy-going", "evidence": "", "kind": "soft", "rare": False},
    ]})  # fmt: skip
    store.save("03.salary", {"previous_pay": "312345", "posted_range": "", "currency": "CNY",
                             "exceptional": False, "high_demand": True,
                             "high_demand_reason": "three recruiters from Globex called",
                             "ask": "370000"})  # fmt: skip
    store.save("04.deadline", {"offer_date": "2026-03-02", "days": "5", "company": "Globex Corp"})


def open_course(path: Path) -> Course:
    namespace = {"learner_id": LEARNER_ID, "learner_name": NAME, "answers_file": str(path)}
    return start_course(namespace, headless=False, announce=False)


@pytest.fixture
def course(tmp_path: Path) -> Course:
    path = tmp_path / "answers" / f"{LEARNER_ID}.answers.json"
    save_answers(path)
    return open_course(path)


def test_export_holds_shares_counts_and_kinds(course: Course) -> None:
    export = export_from_course(course, "ab" * 8)
    assert {
        "kind": "offerkit-export",
        "schema": 1,
        "token": "ab" * 8,
        "strengths": {"soft": 1, "hard": 1, "rare_hard": 1},
        "ask_over_previous_pct": 18,  # 370000 / 312345 − 1 = 18.46 %
        "exception_used": True,
        "exceptions": ["high-demand"],
        "decision_window_days": 5,
    } == {k: v for k, v in export.items() if k != "goal_areas"}
    assert {"salary", "growth", "project_experience"} == set(export["goal_areas"])
    assert 1.0 == pytest.approx(sum(export["goal_areas"].values()), abs=0.02)


def test_export_contains_no_name_id_figures_or_free_text(course: Course) -> None:
    text = json.dumps(export_from_course(course, "ab" * 8), ensure_ascii=False)
    leaked = [item for item in PRIVATE if item.lower() in text.lower()]
    assert [] == leaked
    numbers = {float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", text)}
    assert [] == [n for n in numbers if n >= 1000]  # no absolute pay figure of any kind


def test_write_export_is_next_to_the_answers_and_reexports_keep_the_token(
    course: Course,
) -> None:
    path = write_export(course)
    first = json.loads(path.read_text(encoding="utf-8"))
    # named by the random token, never by the learner's id
    assert course.store.path.parent / f"{first['token']}.offerkit-export.json" == path
    again = write_export(open_course(course.store.path))
    second = json.loads(again.read_text(encoding="utf-8"))
    assert (first["token"], path) == (second["token"], again)  # a re-export replaces it
    assert first["token"] == read_export(path).token


def test_nothing_saved_gives_an_empty_export(tmp_path: Path) -> None:
    empty = open_course(tmp_path / "none.answers.json")
    export = export_from_course(empty, "cd" * 8)
    assert {} == export["goal_areas"]
    assert None is export["ask_over_previous_pct"]
    assert None is export["decision_window_days"]
    assert {"soft": 0, "hard": 0, "rare_hard": 0} == export["strengths"]


def test_read_export_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bob.offerkit-export.json"
    bad.write_text('{"kind": "offerkit-export", "schema": 1, "token": "x"}', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bob\.offerkit-export\.json.*token"):
        read_export(bad)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"[" * 20_000 + b"]" * 20_000, "not an offerkit export (nested too deeply)"),
        (b'{"a": NaN}', "not valid JSON (holds NaN)"),
        (b'{"a": 1, "a": 2}', "not valid JSON for an export (a field is repeated)"),
        (b'{"a": ' + b"9" * 5000 + b"}", "a number is too long"),
        (b"\xff\xfe{}", "not UTF-8 text"),
        (b"{" + b" " * (64 * 1024) + b"}", "larger than 64 KiB (an export is under 1 KiB)"),
        (b"{oops", "not valid JSON"),
    ],
)
def test_check_export_file_gives_a_fixed_reason(
    content: bytes, reason: str, tmp_path: Path
) -> None:
    path = tmp_path / "x.offerkit-export.json"
    path.write_bytes(content)
    with pytest.raises(ValueError) as caught:
        check_export_file(path)
    assert reason == str(caught.value)
