"""The injected parameters cell, readable in any language: ``"Zoë"``, not ``"Zo\\xeb"``.

papermill writes each string parameter through ``unicode_escape``, so a workbook for Zoë
says ``learner_name = "Zo\\xeb M\\xfcller"`` and a posted range ``"20-30K\\xb715\\u85aa"``.
:func:`readable_parameters` rewrites the cell papermill injected with the same layout and
quoting (papermill's own translator, black formatting if installed), but keeps every
printable character literal. Only what could not be read or typed safely is escaped:
backslashes, double quotes, and non-printable characters (newlines, tabs, zero-width and
control characters, line separators). The values stay exactly the same Python strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from papermill.translators import PythonTranslator

__all__ = ["python_string", "readable_parameters"]

_TAG = "injected-parameters"


def python_string(text: str) -> str:
    """``text`` as a double-quoted Python literal that keeps printable characters as they
    are (``"Zoë"``) and escapes backslashes, quotes and non-printable characters."""
    parts = []
    for char in text:
        if char in '\\"':
            parts.append("\\" + char)
        elif char.isprintable():
            parts.append(char)
        else:
            parts.append(char.encode("unicode_escape").decode("ascii"))
    return '"' + "".join(parts) + '"'


class _ReadablePythonTranslator(PythonTranslator):  # type: ignore[misc]  # untyped base
    """papermill's Python translator, with readable strings (also inside lists and dicts)."""

    @classmethod
    def translate_str(cls, val: object) -> str:
        return python_string(str(val))


def readable_parameters(nb: Any, parameters: Mapping[str, Any]) -> Any:
    """``nb`` with its ``injected-parameters`` cell rewritten by
    :func:`python_string` rules (unchanged if papermill injected none)."""
    for cell in nb.cells:
        if _TAG in cell.get("metadata", {}).get("tags", []):
            source: str = _ReadablePythonTranslator.codify(dict(parameters), "Parameters")
            cell.source = source
            break
    return nb
