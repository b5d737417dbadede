"""escape_markdown: any text shows as written in Markdown, and nothing in it is live."""

from __future__ import annotations

import html
import re

import pytest
from markup_helpers import HOSTILE, live_markup, render_markdown

from offerkit.errors import InvalidInputError
from offerkit.rules.html import render_markdown as render_page_markdown
from offerkit.rules.markdown import escape_markdown, escape_markdown_except_emphasis

CONTEXTS = {
    "paragraph": "{}",
    "list item": "- {}",
    "heading": "## {}",
    "table cell": "| a | b |\n|---|---|\n| {} | 1 |",
    "after a paragraph line": "Some text\n{}",
}


def shown_text(rendered: str) -> str:
    """What a reader sees: the rendered HTML without tags, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_inert_in_every_context_and_renderer(text: str, context: str) -> None:
    markdown = CONTEXTS[context].format(escape_markdown(text))
    for renderer, rendered in render_markdown(markdown).items():
        assert [] == live_markup(rendered), (renderer, rendered)


@pytest.mark.parametrize("text", [*HOSTILE, "R&D <team> & 09:00–10:30, 20 % = 1/5. C:\\temp"])
def test_the_reader_sees_the_text_itself(text: str) -> None:
    expected = " ".join(text.split())  # one line: line breaks became spaces
    for renderer, rendered in render_markdown(escape_markdown(text)).items():
        assert expected == " ".join(shown_text(rendered).split()), renderer


def test_one_line_without_controls_or_bidi_overrides() -> None:
    text = "a\nb\r\nc\td\u2028e\x00f\x1bg\u202eh\u2066i "
    assert "a b  c d efghi" == escape_markdown(text)


def test_plain_words_stay_readable() -> None:
    assert "Growth and learning: 09:00–10:30 (20 %)." == escape_markdown(
        "Growth and learning: 09:00–10:30 (20 %)."
    )


def test_anything_but_a_string_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="'text' must be a string"):
        escape_markdown(b"[x](javascript:alert(1))")  # type: ignore[arg-type]


# ------------------------------------------------- the lessons' prose: emphasis kept


@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_lesson_text_is_inert_with_emphasis_kept(text: str, context: str) -> None:
    markdown = CONTEXTS[context].format(escape_markdown_except_emphasis(text))
    for renderer, rendered in render_markdown(markdown).items():
        assert [] == live_markup(rendered), (renderer, rendered)
    assert [] == live_markup(render_page_markdown(markdown))


def test_emphasis_strong_and_code_stay_live_and_nothing_else() -> None:
    text = "Ask *what did you do?* — **twice**, _gently_, `Posted: <b>` [x](y) <i>z</i>"
    expected = (
        "Ask <em>what did you do?</em> — <strong>twice</strong>, <em>gently</em>, "
        "<code>Posted: &lt;b&gt;</code> [x](y) &lt;i&gt;z&lt;/i&gt;"
    )
    markdown = escape_markdown_except_emphasis(text)
    for renderer, rendered in {
        **render_markdown(markdown),
        "page": render_page_markdown(markdown),
    }.items():
        assert f"<p>{expected}</p>" == rendered.strip(), renderer


@pytest.mark.parametrize("text", ["* not a list", "_ nor this", "***", "* * *", "___", "- x"])
def test_a_lone_mark_starts_no_list_or_rule(text: str) -> None:
    for renderer, rendered in render_markdown(escape_markdown_except_emphasis(text)).items():
        assert f"<p>{text}</p>" == rendered.strip(), renderer


def test_a_lone_backtick_stays_a_backtick_and_controls_go_even_in_code() -> None:
    assert "a `bc` d \\` e" == escape_markdown_except_emphasis("a `b\u202ec` d ` e")


def test_lesson_text_must_be_a_string() -> None:
    with pytest.raises(InvalidInputError, match="'text' must be a string"):
        escape_markdown_except_emphasis(None)  # type: ignore[arg-type]
