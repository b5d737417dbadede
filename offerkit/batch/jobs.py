"""The picklable units of a build: a participant's job in, a participant's result out.

They travel between the builder and its workers (local processes or Dask), so they hold
only plain data: parameters, lesson texts, workbook texts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "CellFailure",
    "LessonSource",
    "NotebookOutput",
    "ParticipantJob",
    "ParticipantResult",
    "StallError",
]


@dataclass(frozen=True)
class LessonSource:
    """One lesson notebook: its file name, the path to record, and its JSON text."""

    name: str
    input_path: str
    text: str


@dataclass(frozen=True)
class ParticipantJob:
    """Everything a worker needs to build one participant's workbooks."""

    slug: str
    parameters: Mapping[str, Any]
    lessons: tuple[LessonSource, ...]
    timeout: int = 60
    html: bool = False
    part: tuple[int, int] = (0, 1)  # (index, count): some of the participant's lessons


@dataclass(frozen=True)
class NotebookOutput:
    """One executed lesson: the workbook text (and HTML), its wall and cell seconds."""

    name: str
    ipynb: str
    html: str | None
    seconds: float
    cell_seconds: float


@dataclass(frozen=True)
class CellFailure:
    """Where and why a participant's build failed."""

    lesson: str
    cell_index: int
    first_line: str
    ename: str
    evalue: str

    def describe(self) -> str:
        """``lesson, cell N (first line): Error: value`` on one line."""
        where = f"{self.lesson}, cell {self.cell_index}"
        if self.first_line:
            where += f" ({self.first_line!r})"
        return f"{where}: {self.ename}: {self.evalue}"


@dataclass(frozen=True)
class ParticipantResult:
    """The outcome of one participant: status, workbooks, failure, attempts and stalls."""

    slug: str
    status: str  # "ok" or "failed"
    notebooks: tuple[NotebookOutput, ...] = ()
    failure: CellFailure | None = None
    attempts: int = 1
    stalls: int = 0
    seconds: float = 0.0
    stall_notes: tuple[str, ...] = field(default=())
    part: tuple[int, int] = (0, 1)  # the job's part: the builder joins the parts


class StallError(Exception):
    """A cell reached the per-cell timeout (a stall or a cell that is too slow)."""

    def __init__(self, failure: CellFailure) -> None:
        self.failure = failure
        super().__init__(failure.describe())
