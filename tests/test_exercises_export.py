"""Lesson 06's export button: preview, write on click, nothing written headless."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from offerkit.exercises.course import Course, start_course
from offerkit.exercises.export_exercises import PREVIEW_TOKEN, build_export_exercise
from offerkit.learner.answers import AnswersStore
from offerkit.rules.export import TOKEN_KEY

NAME, LEARNER_ID = "Grace Hopper", "grace-h"


def open_course(tmp_path: Path, headless: bool, answers_file: bool = True) -> Course:
    path = tmp_path / "answers" / f"{LEARNER_ID}.answers.json"
    store = AnswersStore(path, LEARNER_ID)
    store.save("03.salary", {"previous_pay": "250000", "currency": "CNY", "ask": "290000"})
    store.save("04.deadline", {"offer_date": "2026-03-02", "days": "3", "company": "Navy Labs"})
    namespace = {"learner_id": LEARNER_ID, "learner_name": NAME}
    if answers_file:
        namespace["answers_file"] = str(path)
    return start_course(namespace, headless=headless, announce=False, folder=tmp_path)


def preview_json(widget: object) -> dict[str, object]:
    value = widget.children[3].value  # type: ignore[attr-defined]
    text = html.unescape(value.split("<pre class='offerkit-export'>")[1].split("</pre>")[0])
    return dict(json.loads(text))


def test_preview_shows_exactly_what_the_click_writes(tmp_path: Path) -> None:
    course = open_course(tmp_path, headless=False)
    widget = build_export_exercise(course)
    before = preview_json(widget)
    target = tmp_path / "answers" / f"{before['token']}.offerkit-export.json"  # never the id
    assert not target.exists()  # nothing leaves the machine before the click
    assert 16 == before["ask_over_previous_pct"]  # 290,000 over 250,000
    assert 3 == before["decision_window_days"]
    widget.children[1].click()
    assert before == json.loads(target.read_text(encoding="utf-8"))
    assert before == preview_json(widget)
    assert widget.children[2].value.startswith(f"Written to {target}.")
    assert {"token": before["token"]} == AnswersStore(course.store.path).get(TOKEN_KEY)


def test_preview_holds_no_name_id_or_figures(tmp_path: Path) -> None:
    widget = build_export_exercise(open_course(tmp_path, headless=False))
    shown = widget.children[3].value
    assert [] == [s for s in (NAME, LEARNER_ID, "250000", "290000", "Navy Labs") if s in shown]


def test_headless_run_writes_nothing_and_creates_no_token(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    course = open_course(tmp_path, headless=True)
    assert None is build_export_exercise(course)
    printed = capsys.readouterr().out
    assert "Headless run: nothing is written" in printed
    assert PREVIEW_TOKEN in printed
    assert [] == sorted(p.name for p in tmp_path.rglob("*.offerkit-export.json"))
    assert None is AnswersStore(course.store.path).get(TOKEN_KEY)


def test_an_unwritable_folder_is_reported_not_raised(tmp_path: Path) -> None:
    course = open_course(tmp_path, headless=False)
    widget = build_export_exercise(course)
    target = tmp_path / "answers" / f"{preview_json(widget)['token']}.offerkit-export.json"
    target.mkdir()  # a folder where the file should go: the write fails
    widget.children[1].click()
    assert widget.children[2].value.startswith("Not exported: ")


def test_the_button_never_replaces_a_file_that_is_not_an_export(tmp_path: Path) -> None:
    course = open_course(tmp_path, headless=False)
    widget = build_export_exercise(course)
    target = tmp_path / "answers" / f"{preview_json(widget)['token']}.offerkit-export.json"
    target.write_bytes(b"my own notes, not an export\n")
    widget.children[1].click()
    status = widget.children[2].value
    assert (True, True) == (status.startswith("Not exported: "), str(target) in status)
    assert b"my own notes, not an export\n" == target.read_bytes()
