"""Reading anonymised exports received by the instructor (delivery layer).

The export format itself — what an export holds, how it is made and checked, the learner's
token — is a rule module, :mod:`offerkit.rules.export`. Files come from learners, so nothing
in one is trusted: :func:`check_export_file` reads at most :data:`MAX_EXPORT_BYTES`, refuses
anything that is not a regular file, strict JSON (no ``NaN``, no repeated field, bounded
nesting) and the export's exact shape, and says why in a fixed text that never quotes the
file or its name.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from offerkit.errors import DataFileError
from offerkit.rules.export import LearnerExport, parse_export

__all__ = ["MAX_EXPORT_BYTES", "check_export_file", "read_export"]

MAX_EXPORT_BYTES = 64 * 1024  # a real export is under 1 KiB


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"not valid JSON (holds {name})")


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        raise ValueError("not valid JSON for an export (a field is repeated)")
    return data


def _load(path: Path) -> Any:
    if not path.is_file():  # a folder, a FIFO (would block), a broken link…
        raise ValueError("not a regular file")
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_EXPORT_BYTES + 1)
    except OSError:
        raise ValueError("could not be read") from None
    if len(raw) > MAX_EXPORT_BYTES:
        raise ValueError(f"larger than {MAX_EXPORT_BYTES // 1024} KiB (an export is under 1 KiB)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None
    try:
        return json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_no_repeats)
    except RecursionError:
        raise ValueError("not an offerkit export (nested too deeply)") from None
    except json.JSONDecodeError:
        raise ValueError("not valid JSON") from None
    except ValueError as exc:  # a number too long to convert, NaN, a repeated field
        reason = str(exc) if str(exc).startswith("not valid JSON") else "a number is too long"
        raise ValueError(reason) from None


def check_export_file(path: Path) -> LearnerExport:
    """Read and check one export file; ValueError with a fixed reason otherwise."""
    return parse_export(_load(path))


def read_export(path: Path) -> LearnerExport:
    """Read and check one export file; DataFileError names the file and the problem."""
    try:
        return check_export_file(path)
    except ValueError as exc:
        raise DataFileError(str(exc), path=path.name) from None
