"""Questions to ask in the interview: does the company provide what you want?

For each of your top priorities (:func:`~offerkit.rules.wants.rank_priorities`),
:func:`interview_questions` picks questions to ask the interviewer or HR, so you can check
whether the company can provide it. The questions live in ``data/question_bank.csv`` (one
row per question: goal area id, question); an area without a question gets a plain one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from offerkit.errors import DataFileError
from offerkit.rules.areas import GoalArea, goal_areas
from offerkit.rules.catalogue import data_dir, load_catalogue
from offerkit.rules.wants import Priorities, _check_priorities, _whole_number

__all__ = ["InterviewQuestion", "interview_questions"]


@dataclass(frozen=True)
class InterviewQuestion:
    """A question that checks whether the company can provide one goal area."""

    area: GoalArea
    question: str


@cache
def _question_bank() -> Mapping[str, tuple[str, ...]]:
    bank: dict[str, list[str]] = {area.id: [] for area in goal_areas()}
    path = str(data_dir() / "question_bank.csv")
    for row_number, row in enumerate(load_catalogue("question_bank"), start=2):
        area_id = str(row["area"])
        if area_id not in bank:
            raise DataFileError(
                f"unknown goal area {area_id!r}", path=path, row=row_number, column="area"
            )
        bank[area_id].append(str(row["question"]))
    return MappingProxyType({key: tuple(value) for key, value in bank.items()})


def interview_questions(
    priorities: Priorities, top: int = 3, per_area: int = 1
) -> tuple[InterviewQuestion, ...]:
    """Questions to ask the interviewer or HR for each of the ``top`` priorities.

    Up to ``per_area`` questions per area, in priority order then question-bank order.
    """
    _check_priorities(priorities)
    _whole_number("top", top, 1, None)
    _whole_number("per_area", per_area, 1, None)
    questions: list[InterviewQuestion] = []
    for item in priorities.top(top):
        fallback = f"What can you tell me about {item.area.name.lower()} in this team?"
        bank = _question_bank().get(item.area.id) or (fallback,)
        questions.extend(InterviewQuestion(item.area, text) for text in bank[:per_area])
    return tuple(questions)
