"""One exception tree for offerkit.

Every error the kit raises on purpose is an :class:`OfferkitError`, and each narrow
class also subclasses the matching built-in, so ``except ValueError`` keeps working::

    OfferkitError
    ├── InvalidInputError (ValueError)          bad value typed by a learner or a roster
    │   ├── PayFormatError                      pay text that cannot be read
    │   │   └── AmbiguousPayError               a figure that could be monthly or annual
    │   ├── UnknownCurrencyError                a currency code we do not know
    │   └── EmptyTextError                      empty text where text is needed
    ├── DataFileError (ValueError)              a malformed CSV/JSON file shipped or given
    │   ├── RosterError                         one or more bad roster rows (all listed)
    │   └── LessonMetadataError                 a lesson notebook with bad metadata
    ├── AnswersFileError (ValueError)           a learner's answers file that cannot be read
    │   └── ForeignFileError                    a file offerkit did not write: left untouched
    ├── BuildError (RuntimeError)               a workbook build that could not finish
    │   └── BuildEnvironmentError               the machine, not the input (exit status 3)
    └── PublishError (RuntimeError)             a page that could not be printed (no Chromium…)

Messages name the field, what was expected and what was received, e.g.
``'previous_pay' must be a positive amount (got -5)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "AmbiguousPayError",
    "AnswersFileError",
    "BuildEnvironmentError",
    "BuildError",
    "DataFileError",
    "EmptyTextError",
    "ForeignFileError",
    "InvalidInputError",
    "LessonMetadataError",
    "OfferkitError",
    "PayFormatError",
    "PublishError",
    "RosterError",
    "UnknownCurrencyError",
    "invalid",
]


class OfferkitError(Exception):
    """Base class of every error offerkit raises on purpose."""


class InvalidInputError(OfferkitError, ValueError):
    """A value given to a rule is not acceptable."""

    def __init__(self, field: str, expected: str, received: object, hint: str = "") -> None:
        self.field = field
        self.expected = expected
        self.received = received
        self.hint = hint
        message = f"'{field}' must be {expected} (got {received!r})"
        if hint:
            message += f"; {hint}"
        super().__init__(message)


class PayFormatError(InvalidInputError):
    """Pay text that matches none of the supported pay formats."""


class AmbiguousPayError(PayFormatError):
    """A pay figure whose form does not say monthly or annual, and both are plausible.

    ``readings`` holds both: ``(monthly reading, annual reading)``, each annual cash
    (``AnnualPay`` or ``PayRange`` of :mod:`offerkit.rules.pay`); ``question`` is the
    question to ask the learner, ``suggestions`` the two ways to write it unambiguously.
    """

    def __init__(
        self,
        field: str,
        received: str,
        readings: tuple[Any, Any],
        question: str,
        suggestions: tuple[str, str],
    ) -> None:
        self.readings = readings
        self.question = question
        self.suggestions = suggestions
        hint = f"write {suggestions[0]!r} or {suggestions[1]!r}"
        super().__init__(field, "a figure that says if it is monthly or annual", received, hint)
        monthly, annual = readings
        self.args = (
            f"'{field}': {question} As a month's pay: {monthly.describe()}; as a year's pay: "
            f"{annual.describe()}. Write {suggestions[0]} or {suggestions[1]}.",
        )


class UnknownCurrencyError(InvalidInputError):
    """A currency code that is not in data/currencies.csv."""


class EmptyTextError(InvalidInputError):
    """Empty or blank text where the rule needs words."""


class DataFileError(OfferkitError, ValueError):
    """A data file (CSV or JSON) that is malformed; names file, row and column."""

    def __init__(
        self, message: str, *, path: str = "", row: int | None = None, column: str = ""
    ) -> None:
        self.path = path
        self.row = row
        self.column = column
        where = ", ".join(
            part
            for part in (
                f"{path}" if path else "",
                f"row {row}" if row is not None else "",
                f"column '{column}'" if column else "",
            )
            if part
        )
        super().__init__(f"{where}: {message}" if where else message)


class RosterError(DataFileError):
    """A roster with one or more bad rows; ``problems`` lists every one of them."""

    def __init__(self, path: str, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        header = f"{count} problem{'s' if count != 1 else ''} in the roster; nothing was built"
        super().__init__(header + ":\n  " + "\n  ".join(self.problems), path=path)


class LessonMetadataError(DataFileError):
    """A lesson notebook whose offerkit metadata is missing or malformed."""


class AnswersFileError(OfferkitError, ValueError):
    """A learner's answers file that cannot be read; it is kept aside, never overwritten."""


class ForeignFileError(AnswersFileError):
    """A file offerkit did not write, where it would read or write one; never changed."""


class BuildError(OfferkitError, RuntimeError):
    """A workbook build that could not finish."""


class BuildEnvironmentError(BuildError):
    """The machine stopped a build: --out unwritable, disk full, a lock held, no scheduler."""


class PublishError(OfferkitError, RuntimeError):
    """A page that could not be printed to PDF (no Chromium or Playwright, a failed print)."""


def invalid(field: str, expected: str, received: object, hint: str = "") -> InvalidInputError:
    """Shorthand for ``InvalidInputError(field, expected, received, hint)``."""
    return InvalidInputError(field, expected, received, hint)
