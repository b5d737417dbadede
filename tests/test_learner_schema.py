"""The answers' schema: every exercise saves under its schema id with the schema's fields."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import offerkit.exercises
from offerkit.exercises.spec import ExerciseSpec
from offerkit.learner import schema


def _specs() -> dict[str, ExerciseSpec]:
    found: dict[str, ExerciseSpec] = {}
    for module in pkgutil.iter_modules(offerkit.exercises.__path__):
        loaded = importlib.import_module(f"offerkit.exercises.{module.name}")
        for value in vars(loaded).values():
            if isinstance(value, ExerciseSpec) and not value.id.endswith(".quiz"):
                found[value.id] = value
    return found


SPECS = _specs()


def test_every_exercise_that_saves_is_in_the_schema() -> None:
    assert sorted(SPECS) == sorted(schema.SCHEMA)


@pytest.mark.parametrize("exercise_id", sorted(schema.SCHEMA))
def test_each_spec_saves_the_fields_the_schema_names(exercise_id: str) -> None:
    spec, answer = SPECS[exercise_id], schema.SCHEMA[exercise_id]
    assert (answer.fields, answer.entry_fields) == (
        tuple(f.name for f in spec.fields),
        tuple(f.name for f in spec.entry_fields),
    )


def test_ids_are_lesson_numbered_and_unique() -> None:
    ids = [answer.id for answer in schema.SCHEMA.values()]
    assert len(ids) == len(set(ids))
    assert all(i[:2].isdigit() and i[2] == "." for i in ids)
