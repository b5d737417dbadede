"""Markdown escaping: make any text inert before it enters Markdown.

``html.escape`` is not enough inside Markdown: ``[x](javascript:alert(1))`` has no HTML
special in it and still becomes a link. :func:`escape_markdown` is the one function the kit
uses wherever learner- or file-derived text enters Markdown (the pulse, the facilitator
guide, the plan, workbook prose)::

    f"- {escape_markdown(name)}"          # a list item that shows the name, nothing else

:func:`escape_markdown_except_emphasis` is its variant for the lessons' own prose (the
facilitator guide's prompts and notes): ``*emphasis*``, ``**strong**`` and `` `code` `` stay
live, everything else is made inert the same way.

A rule module: the standard library only.
"""

from __future__ import annotations

import re

from offerkit.errors import InvalidInputError

__all__ = ["escape_markdown", "escape_markdown_except_emphasis"]

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
# With emphasis live, "* " or "_ " also start a list, and "***" or "___" a rule.
_EMPHASIS_BLOCK = re.compile(r"^(?=[*_]\s|(?:[*_]\s*){3,}$)")
# A code span: a run of backticks, then the same run again (and no longer one).
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_EMPHASIS = frozenset("*_")


def _inert(char: str, live: frozenset[str] = frozenset()) -> str:
    if char in _ENTITIES:
        return _ENTITIES[char]
    if char in _BACKSLASHED and char not in live:
        return "\\" + char
    if char in _LINE_BREAKS:
        return " "
    return char if _shown(char) else ""


def _shown(char: str) -> bool:
    """False for control and bidirectional-override characters (dropped everywhere)."""
    return not (char in _BIDI or ord(char) < 32 or 127 <= ord(char) < 160)


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
    _check_text(text)
    return _block_safe(_inert_run(text).strip())


def escape_markdown_except_emphasis(text: str) -> str:
    """Like :func:`escape_markdown`, but ``*emphasis*``, ``_emphasis_``, ``**strong**`` and
    `` `code spans` `` in ``text`` stay Markdown (a code span's content is kept as written:
    Markdown shows it literally). Still one line in which no link, image, HTML, heading, list,
    rule or quote can start. For prose the kit's own files write, e.g. a lesson's prompts."""
    _check_text(text)
    line = "".join(" " if char in _LINE_BREAKS else char for char in text)
    parts, last = [], 0
    for match in _CODE_SPAN.finditer(line):
        fence, code = match.group(1), "".join(filter(_shown, match.group(2)))
        parts += [_inert_run(line[last : match.start()], _EMPHASIS), fence + code + fence]
        last = match.end()
    parts.append(_inert_run(line[last:], _EMPHASIS))
    inert = "".join(parts).strip()
    return _block_safe(_EMPHASIS_BLOCK.sub("\\\\", inert, count=1))


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        raise InvalidInputError("text", "a string to escape for Markdown", type(text).__name__)


def _inert_run(text: str, live: frozenset[str] = frozenset()) -> str:
    inert = "".join(_inert(char, live) for char in text)
    return _BARE_LINK.sub("\\\\", inert)


def _block_safe(inert: str) -> str:
    return _BLOCK_START.sub(lambda match: (match.group(1) or "") + "\\", inert, count=1)
