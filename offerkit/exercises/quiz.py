"""The self-check quiz that closes each lesson: multiple choice, with an explanation for
every answer, saved like any exercise.

Questions live in ``data/quiz-NN.csv`` (``id, question, options, answer, explanation``;
options separated by ``|``; ``answer`` counts from 1). Options are shown as a) b) c) d) and
the feedback names them by the same letters; the saved value stays the option's number.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from offerkit.errors import DataFileError
from offerkit.exercises.course import Course
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field, Level
from offerkit.rules.catalogue import load_catalogue

__all__ = ["QuizQuestion", "build_quiz", "option_letter", "quiz_questions", "quiz_spec"]

_UNANSWERED = ""


@dataclass(frozen=True)
class QuizQuestion:
    """One multiple-choice question and the explanation shown after answering."""

    id: str
    question: str
    options: tuple[str, ...]
    answer: int  # 1-based
    explanation: str


def option_letter(number: int) -> str:
    """The letter an option is shown with: 1 → ``a``, 2 → ``b``…"""
    return chr(96 + number)


@cache
def quiz_questions(lesson: str) -> tuple[QuizQuestion, ...]:
    """The questions of ``lesson`` (e.g. ``"03"``), checked."""
    name = f"quiz-{lesson}"
    questions = []
    for number, row in enumerate(load_catalogue(name), start=2):
        options = tuple(o.strip() for o in str(row["options"]).split("|"))
        answer = int(str(row["answer"]))
        if len(options) < 2 or not all(options):
            raise DataFileError(
                "expected at least two options separated by '|'",
                path=f"{name}.csv",
                row=number,
                column="options",
            )
        if not 1 <= answer <= len(options):
            raise DataFileError(
                f"expected 1–{len(options)}, got {answer}",
                path=f"{name}.csv",
                row=number,
                column="answer",
            )
        questions.append(
            QuizQuestion(
                str(row["id"]), str(row["question"]), options, answer, str(row["explanation"])
            )
        )
    return tuple(questions)


def _evaluate(lesson: str) -> Any:
    def evaluate(values: Mapping[str, Any], _course: Course) -> Feedback:
        questions = quiz_questions(lesson)
        lines, right = [], 0
        for number, q in enumerate(questions, start=1):
            chosen = str(values.get(q.id) or _UNANSWERED)
            if chosen == _UNANSWERED:
                continue
            correct = chosen == str(q.answer)
            right += correct
            letter = option_letter(int(chosen)) if chosen.isdigit() else chosen
            answer = f"{option_letter(q.answer)}) {q.options[q.answer - 1]}"
            verdict = f"{letter} is right" if correct else f"{letter} is not quite: it is {answer}"
            lines.append(f"Q{number}: {verdict}. {q.explanation}")
        answered = len(lines)
        lines.insert(
            0,
            f"{right} of {len(questions)} right"
            + (
                f"; {len(questions) - answered} not answered yet"
                if answered < len(questions)
                else "."
            ),
        )
        level: Level = "ok" if right == len(questions) else "warn"
        return Feedback(tuple(lines), level, summary={"right": right, "of": len(questions)})

    return evaluate


def quiz_spec(lesson: str) -> ExerciseSpec:
    """The quiz of ``lesson`` as an exercise (one drop-down per question)."""
    fields = tuple(
        Field(
            q.id,
            f"Q{n}. {q.question}",
            "choice",
            _UNANSWERED,
            (
                ("— choose —", _UNANSWERED),
                *((f"{option_letter(i)}) {o}", str(i)) for i, o in enumerate(q.options, start=1)),
            ),
        )
        for n, q in enumerate(quiz_questions(lesson), start=1)
    )
    return ExerciseSpec(
        id=f"{lesson}.quiz",
        title="Self-check",
        prompt="Pick an answer to each question; each one is explained.",
        fields=fields,
        evaluate=_evaluate(lesson),
    )


def build_quiz(lesson: str, course: Course) -> Any:
    """The self-check quiz closing ``lesson``."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(quiz_spec(lesson), course)
