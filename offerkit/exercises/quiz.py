"""The self-check quiz that closes each lesson: four options a)–d) per question, and an
explanation for every option, shown after answering; saved like any exercise.

Questions live in ``data/quiz-NN.csv``::

    id, kind, source, question, options, answer, explanations

``kind`` is ``recall`` (remember a point) or ``apply`` (use a rule: compute, pick, reply);
``source`` is ``lesson`` or ``beyond`` (the kit's own rule of thumb, said so in the text);
``options`` are four texts separated by ``|``, ``answer`` is the right option's letter
(``a``–``d``) and ``explanations`` has one text per option, in the same order, separated by
``|``. The feedback shows the explanation of the option picked and, when it is wrong, of the
right one. The saved value stays the option's number (``"1"``–``"4"``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from offerkit.errors import DataFileError
from offerkit.exercises.course import Course
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field, Level
from offerkit.rules.catalogue import load_catalogue

__all__ = [
    "OPTIONS_PER_QUESTION",
    "QuizQuestion",
    "build_quiz",
    "option_letter",
    "question_feedback",
    "quiz_questions",
    "quiz_spec",
]

OPTIONS_PER_QUESTION = 4
_UNANSWERED = ""
_RIGHT = re.compile(r"^Right[:.!]\s*")  # the key's explanation, when shown after a wrong pick


@dataclass(frozen=True)
class QuizQuestion:
    """One multiple-choice question, its kind and the explanation of every option."""

    id: str
    question: str
    options: tuple[str, ...]
    answer: int  # 1-based
    explanations: tuple[str, ...]  # one per option
    kind: Literal["recall", "apply"] = "recall"
    source: Literal["lesson", "beyond"] = "lesson"

    @property
    def letter(self) -> str:
        """The right option's letter."""
        return option_letter(self.answer)


def option_letter(number: int) -> str:
    """The letter an option is shown with: 1 → ``a``, 2 → ``b``…"""
    return chr(96 + number)


def _split(row: dict[str, object], column: str, name: str, number: int) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in str(row[column]).split("|"))
    if len(parts) != OPTIONS_PER_QUESTION or not all(parts):
        raise DataFileError(
            f"expected {OPTIONS_PER_QUESTION} non-empty texts separated by '|', got {len(parts)}",
            path=f"{name}.csv",
            row=number,
            column=column,
        )
    return parts


@cache
def quiz_questions(lesson: str) -> tuple[QuizQuestion, ...]:
    """The questions of ``lesson`` (e.g. ``"03"``), checked."""
    name = f"quiz-{lesson}"
    questions = []
    for number, row in enumerate(load_catalogue(name), start=2):
        options = _split(row, "options", name, number)
        explanations = _split(row, "explanations", name, number)
        questions.append(
            QuizQuestion(
                str(row["id"]),
                str(row["question"]),
                options,
                "abcd".index(str(row["answer"])) + 1,
                explanations,
                "apply" if row["kind"] == "apply" else "recall",
                "beyond" if row["source"] == "beyond" else "lesson",
            )
        )
    return tuple(questions)


def _option(q: QuizQuestion, number: int) -> str:
    return f"{option_letter(number)}) {q.options[number - 1]}"


def question_feedback(q: QuizQuestion, chosen: int) -> str:
    """The verdict on option ``chosen`` (1-based) and the explanations to show: the one
    picked and, when it is wrong, the right one."""
    picked = q.explanations[chosen - 1]
    if chosen == q.answer:
        return f"{option_letter(chosen)} is right. {picked}"
    return (
        f"{option_letter(chosen)} is not quite: {picked} "
        f"The answer is {_option(q, q.answer)}: {_RIGHT.sub('', q.explanations[q.answer - 1])}"
    )


def _evaluate(lesson: str) -> Any:
    def evaluate(values: Mapping[str, Any], _course: Course) -> Feedback:
        questions = quiz_questions(lesson)
        lines, right = [], 0
        for number, q in enumerate(questions, start=1):
            chosen = str(values.get(q.id) or _UNANSWERED)
            if not chosen.isdigit() or not 1 <= int(chosen) <= len(q.options):
                continue
            right += int(chosen) == q.answer
            lines.append(f"Q{number}: {question_feedback(q, int(chosen))}")
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
        prompt="Pick an answer to each question; every option is explained once you pick one.",
        fields=fields,
        evaluate=_evaluate(lesson),
    )


def build_quiz(lesson: str, course: Course) -> Any:
    """The self-check quiz closing ``lesson``."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(quiz_spec(lesson), course)
