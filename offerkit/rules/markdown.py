"""Markdown escaping: make any text inert before it enters Markdown.

``html.escape`` is not enough inside Markdown: ``[x](javascript:alert(1))`` has no HTML
special in it and still becomes a link. :func:`escape_markdown` is the one function the kit
uses wherever learner- or file-derived text enters Markdown (the pulse, the facilitator
guide, the plan, workbook prose)::

    f"- {escape_markdown(name)}"          # a list item that shows the name, nothing else

A rule module: the standard library only.
"""

from __future__ import annotations

import re

from offerkit.errors import InvalidInputError

__all__ = ["escape_markdown"]

# HTML's specials become entities: no raw HTML (inline or block), no <autolink>.
_ENTITIES = {"&": "&amp;", "<": "&lt;"}
# Markdown's specials anywhere in a line get a backslash (CommonMark allows one before any
# ASCII punctuation): link and image brackets, emphasis, strikethrough, code, table cells,
# math, e-mail autolinks, and the backslash itself.
_BACKSLASHED = frozenset("\\`*_[]|~$@")
# Line breaks end the inline context the text was put in (a list item, a table row).
_LINE_BREAKS = frozenset("\n\r\t\v\f\x1c\x1d\x1e\x85\u2028\u2029")
# Bidirectional controls can make shown text read differently from what it is.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Bare autolinks (GFM): a scheme's "://" and "www." lose their punctuation's meaning.
_BARE_LINK = re.compile(r"(?<=:)(?=//)|(?i:(?<=www))(?=\.)")
# What starts a block at the beginning of a line: heading, list, block quote, setext
# underline, numbered list.
_BLOCK_START = re.compile(r"^(?:(?=[#+=>-])|(\d+)(?=[.)]))")


def _inert(char: str) -> str:
    if char in _ENTITIES:
        return _ENTITIES[char]
    if char in _BACKSLASHED:
        return "\\" + char
    if char in _LINE_BREAKS:
        return " "
    if char in _BIDI or ord(char) < 32 or 127 <= ord(char) < 160:
        return ""
    return char


def escape_markdown(text: str) -> str:
    """``text`` as inline Markdown that renders as exactly that text, and nothing live.

    Contract: for any string, the result is one line (line breaks and tabs become spaces,
    other control and bidirectional-override characters are dropped, leading and trailing
    spaces are trimmed) which a CommonMark or GFM renderer (mistune and nbconvert,
    JupyterLab's marked, markdown-it, GitHub) shows as the text itself: no link, image,
    autolink (``<…>``, bare ``https://``, ``www.`` or e-mail), raw HTML (inline or block),
    emphasis, strikethrough, code, math, heading, list, block quote or table-cell break can
    start in it. Safe as a paragraph, list item, heading or table cell; not inside a code
    span, a fenced block or a URL. Anything but a ``str`` raises InvalidInputError.
    """
    if not isinstance(text, str):
        raise InvalidInputError("text", "a string to escape for Markdown", type(text).__name__)
    inert = "".join(map(_inert, text)).strip()
    inert = _BARE_LINK.sub("\\\\", inert)
    return _BLOCK_START.sub(lambda match: (match.group(1) or "") + "\\", inert, count=1)
