"""Self-check quizzes: every lesson has one; answers are explained and saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from offerkit.errors import DataFileError
from offerkit.exercises.course import start_course
from offerkit.exercises.quiz import build_quiz, quiz_questions, quiz_spec
from offerkit.rules.catalogue import load_catalogue
from offerkit.rules.lessons import lesson_notebooks


@pytest.mark.parametrize("path", lesson_notebooks(), ids=lambda p: p.name)
def test_every_lesson_has_a_quiz_of_at_least_three_questions(path: Path) -> None:
    assert len(quiz_questions(path.name[:2])) >= 3


def test_answers_are_marked_explained_and_saved(tmp_path: Path) -> None:
    course = start_course({"learner_id": "ada"}, headless=False, folder=tmp_path, announce=False)
    widget = build_quiz("03", course)
    assert "0 of 4 right; 4 not answered yet" in widget.feedback.value
    widget.controls["q1"].value = "2"  # 350000: right
    widget.controls["q3"].value = "3"  # 400000: wrong
    assert "1 of 4 right; 2 not answered yet" in widget.feedback.value
    assert "Q1: b is right." in widget.feedback.value
    assert "Q3: c is not quite: it is a) 340000." in widget.feedback.value
    assert ["— choose —", "a) 300000", "b) 350000", "c) 420000"] == list(
        widget.controls["q1"]._options_labels
    )
    assert {"q1": "2", "q2": "", "q3": "3", "q4": ""} == course.store.get("03.quiz")


def test_a_malformed_quiz_file_names_row_and_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "quiz-98.csv").write_text(
        "id,question,options,answer,explanation\nq1,Q?,a|b,3,because\n", encoding="utf-8"
    )
    monkeypatch.setenv("OFFERKIT_DATA", str(tmp_path))
    load_catalogue.cache_clear()
    quiz_questions.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"quiz-98.csv, row 2, column 'answer'"):
            quiz_spec("98")
    finally:
        load_catalogue.cache_clear()
        quiz_questions.cache_clear()
