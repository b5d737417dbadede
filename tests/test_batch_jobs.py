"""The picklable units of a build: jobs in, results out, and the one-line failure text."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from offerkit.batch.jobs import (
    CellFailure,
    LessonSource,
    NotebookOutput,
    ParticipantJob,
    ParticipantResult,
    StallError,
)

LESSON = LessonSource("01-one.ipynb", "notebooks/01-one.ipynb", '{"cells": []}')
JOB = ParticipantJob("ada", {"learner_id": "ada", "currency": "EUR"}, (LESSON,))
FAILURE = CellFailure("02-two.ipynb", 5, "1 / 0", "ZeroDivisionError", "division by zero")
OUTPUT = NotebookOutput("01-one.ipynb", '{"cells": []}', "<html></html>", 1.5, 0.25)


def test_describe_names_lesson_cell_first_line_and_error() -> None:
    assert "02-two.ipynb, cell 5 ('1 / 0'): ZeroDivisionError: division by zero" == (
        FAILURE.describe()
    )


def test_describe_without_a_first_line_leaves_out_the_brackets() -> None:
    failure = CellFailure("(kernel reset)", 0, "", "Stall", "timed out")
    assert "(kernel reset), cell 0: Stall: timed out" == failure.describe()


def test_describe_quotes_a_first_line_that_holds_quotes() -> None:
    failure = CellFailure("00-start.ipynb", 4, "if learner_id == 'zoe':", "ValueError", "boom")
    expected = "00-start.ipynb, cell 4 (\"if learner_id == 'zoe':\"): ValueError: boom"
    assert expected == failure.describe()


def test_stall_error_carries_the_failure_and_its_description() -> None:
    error = StallError(FAILURE)
    assert FAILURE is error.failure
    assert FAILURE.describe() == str(error)
    assert isinstance(error, Exception)


def test_job_defaults_are_a_60_second_timeout_and_no_html() -> None:
    assert (60, False) == (JOB.timeout, JOB.html)


def test_result_defaults_describe_one_clean_attempt() -> None:
    result = ParticipantResult("ada", "ok")
    assert ((), None, 1, 0, 0.0, ()) == (
        result.notebooks,
        result.failure,
        result.attempts,
        result.stalls,
        result.seconds,
        result.stall_notes,
    )


@pytest.mark.parametrize(
    "value",
    [
        LESSON,
        JOB,
        FAILURE,
        OUTPUT,
        ParticipantResult("ada", "ok", (OUTPUT,), attempts=2, stalls=1, stall_notes=("x",)),
        ParticipantResult("zoe", "failed", failure=FAILURE, seconds=3.5),
    ],
    ids=["lesson", "job", "failure", "output", "ok-result", "failed-result"],
)
def test_jobs_and_results_survive_pickling(value: object) -> None:
    """They cross process boundaries (local pool or Dask) as pickles."""
    assert value == pickle.loads(pickle.dumps(value))


def test_results_serialise_to_plain_data() -> None:
    result = ParticipantResult("zoe", "failed", (OUTPUT,), FAILURE, attempts=2, stalls=1)
    expected = {
        "slug": "zoe",
        "status": "failed",
        "notebooks": (
            {
                "name": "01-one.ipynb",
                "ipynb": '{"cells": []}',
                "html": "<html></html>",
                "seconds": 1.5,
                "cell_seconds": 0.25,
            },
        ),
        "failure": {
            "lesson": "02-two.ipynb",
            "cell_index": 5,
            "first_line": "1 / 0",
            "ename": "ZeroDivisionError",
            "evalue": "division by zero",
        },
        "attempts": 2,
        "stalls": 1,
        "seconds": 0.0,
        "stall_notes": (),
        "part": (0, 1),  # the whole participant, not a share of its lessons
    }
    assert expected == dataclasses.asdict(result)


@pytest.mark.parametrize("value", [LESSON, JOB, FAILURE, OUTPUT, ParticipantResult("a", "ok")])
def test_jobs_and_results_are_frozen(value: object) -> None:
    field = dataclasses.fields(value)[0].name  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, field, "changed")
