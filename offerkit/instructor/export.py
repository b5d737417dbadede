"""Reading anonymised exports received by the instructor (delivery layer).

The export format itself — what an export holds, how it is made and checked, the learner's
token — is a rule module, :mod:`offerkit.rules.export`.
"""

from __future__ import annotations

import json
from pathlib import Path

from offerkit.errors import DataFileError
from offerkit.rules.export import (
    LearnerExport,
    parse_export,
)

__all__ = [
    "read_export",
]


def read_export(path: Path) -> LearnerExport:
    """Read and check one export file; DataFileError names the file and the problem."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return parse_export(data)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise DataFileError(str(exc), path=path.name) from None
