"""Tests for offerkit.errors: one exception tree, messages that name field/expected/received."""

from __future__ import annotations

import pytest

from offerkit import errors
from offerkit.errors import (
    AnswersFileError,
    BuildError,
    DataFileError,
    EmptyTextError,
    ForeignFileError,
    InvalidInputError,
    LessonMetadataError,
    OfferkitError,
    PayFormatError,
    RosterError,
    UnknownCurrencyError,
    invalid,
)

# ---------------------------------------------------------------- the tree


@pytest.mark.parametrize(
    ("cls", "parent", "builtin"),
    [
        (InvalidInputError, OfferkitError, ValueError),
        (PayFormatError, InvalidInputError, ValueError),
        (UnknownCurrencyError, InvalidInputError, ValueError),
        (EmptyTextError, InvalidInputError, ValueError),
        (DataFileError, OfferkitError, ValueError),
        (RosterError, DataFileError, ValueError),
        (LessonMetadataError, DataFileError, ValueError),
        (AnswersFileError, OfferkitError, ValueError),
        (ForeignFileError, AnswersFileError, ValueError),
        (BuildError, OfferkitError, RuntimeError),
    ],
)
def test_each_class_sits_in_the_tree_and_subclasses_its_builtin(
    cls: type[Exception], parent: type[Exception], builtin: type[Exception]
) -> None:
    assert (True, True, True) == (
        issubclass(cls, parent),
        issubclass(cls, OfferkitError),
        issubclass(cls, builtin),
    )


def test_base_class_is_a_plain_exception_not_a_value_error() -> None:
    assert (True, False) == (
        issubclass(OfferkitError, Exception),
        issubclass(OfferkitError, ValueError),
    )


def test_build_error_is_not_a_value_error() -> None:
    assert False is issubclass(BuildError, ValueError)


def test_every_exported_error_class_is_an_offerkit_error_with_a_docstring() -> None:
    classes = [getattr(errors, name) for name in errors.__all__ if name != "invalid"]
    assert [] == [c.__name__ for c in classes if not issubclass(c, OfferkitError)]
    assert [] == [c.__name__ for c in classes if not (c.__doc__ or "").strip()]


def test_module_docstring_draws_every_class_in_the_tree() -> None:
    doc = errors.__doc__ or ""
    names = [name for name in errors.__all__ if name != "invalid"]
    assert [] == [name for name in names if name not in doc]


# ---------------------------------------------------------------- messages


def test_invalid_input_message_names_field_expected_and_received() -> None:
    error = InvalidInputError("previous_pay", "a positive amount", -5)
    assert "'previous_pay' must be a positive amount (got -5)" == str(error)
    assert ("previous_pay", "a positive amount", -5, "") == (
        error.field,
        error.expected,
        error.received,
        error.hint,
    )


def test_hint_follows_after_a_semicolon() -> None:
    error = PayFormatError("ask", "a pay figure", "abc", "write e.g. '300000'")
    assert "'ask' must be a pay figure (got 'abc'); write e.g. '300000'" == str(error)


def test_received_text_is_quoted_so_empty_text_is_visible() -> None:
    assert "'reason' must be a reason (got '')" == str(EmptyTextError("reason", "a reason", ""))


def test_invalid_shorthand_builds_the_same_error() -> None:
    error = invalid("months", "between 12 and 24", 25, "e.g. 13")
    assert (InvalidInputError, "'months' must be between 12 and 24 (got 25); e.g. 13") == (
        type(error),
        str(error),
    )


def test_subclasses_keep_the_message_format() -> None:
    error = UnknownCurrencyError("currency", "a known currency code", "XYZ")
    assert "'currency' must be a known currency code (got 'XYZ')" == str(error)


def test_data_file_error_names_file_row_and_column() -> None:
    error = DataFileError("is empty", path="data/goal_areas.csv", row=7, column="name")
    assert "data/goal_areas.csv, row 7, column 'name': is empty" == str(error)
    assert ("data/goal_areas.csv", 7, "name") == (error.path, error.row, error.column)


def test_data_file_error_leaves_out_what_it_does_not_know() -> None:
    assert ["a.csv: has no rows", "row 0: bad", "bad"] == [
        str(DataFileError("has no rows", path="a.csv")),
        str(DataFileError("bad", row=0)),
        str(DataFileError("bad")),
    ]


def test_roster_error_lists_every_problem() -> None:
    error = RosterError("roster.csv", ["row 2: bad id", "row 5: bad pay"])
    expected = (
        "roster.csv: 2 problems in the roster; nothing was built:"
        "\n  row 2: bad id\n  row 5: bad pay"
    )
    assert expected == str(error)
    assert ("row 2: bad id", "row 5: bad pay") == error.problems


def test_roster_error_with_one_problem_is_singular() -> None:
    assert str(RosterError("r.csv", ["row 2: bad id"])).startswith("r.csv: 1 problem in")


def test_errors_can_be_caught_as_the_builtin() -> None:
    with pytest.raises(ValueError, match="'ask' must be positive"):
        raise InvalidInputError("ask", "positive", 0)
