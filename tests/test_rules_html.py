"""The one page renderer: mistune with raw HTML escaped, jinja2 with autoescape, one stylesheet."""

from __future__ import annotations

import fnmatch
import html
import tomllib
from importlib.resources import files
from pathlib import Path

import jinja2
import pytest
from markup_helpers import (
    HOSTILE,
    body_of,
    live_markup,
    page_problems,
    parse_page,
    table_rows,
)
from markupsafe import Markup

from offerkit.rules.html import (
    STYLESHEET,
    render_inline,
    render_markdown,
    render_page,
    stylesheet,
)
from offerkit.rules.markdown import escape_markdown

ROOT = Path(__file__).resolve().parents[1]
TAGS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


@pytest.mark.parametrize("text", [*TAGS, "<div onmouseover=alert(1)>\n\nraw\n\n</div>"])
def test_raw_html_in_markdown_is_shown_as_text(text: str) -> None:
    rendered = render_markdown(text)
    assert [] == live_markup(rendered)
    assert " ".join(text.split()) in " ".join(parse_page(rendered).text().split())


def test_escaped_learner_text_shows_exactly_as_typed() -> None:
    """escape_markdown writes "<" and "&" as entities: they are decoded once, not shown as
    "&lt;" (mistune's own escape=True shows them as typed)."""
    text = "AT&T < 5 & &amp; tags <b>"
    rendered = render_markdown(f"- {escape_markdown(text)}")
    assert [text] == [li.text() for li in parse_page(rendered).find_all("li")]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_through_escape_markdown_renders_inert(text: str) -> None:
    rendered = render_markdown(f"- {escape_markdown(text)}")
    assert [] == live_markup(rendered)
    assert 1 == len(parse_page(rendered).find_all("li"))


def test_harmful_link_schemes_point_nowhere() -> None:
    rendered = render_markdown("[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1))")
    hrefs = [a.attrs["href"] for a in parse_page(rendered).find_all("a")]
    assert ["#harmful-link", "#harmful-link"] == hrefs


def test_markdown_structure_is_rendered() -> None:
    rendered = render_markdown(
        "Ask *what did you do?* and **why**.\n\n| a | b |\n|---|---|\n| 1 | 2 |"
    )
    page = parse_page(rendered)
    assert (["what did you do?"], ["why"]) == (
        [em.text() for em in page.find_all("em")],
        [strong.text() for strong in page.find_all("strong")],
    )
    assert [["a", "b"], ["1", "2"]] == table_rows(rendered)


def test_inline_markdown_has_no_paragraph() -> None:
    assert Markup("My plan — <em>Ada</em>") == render_inline("My plan — *Ada*")


@pytest.mark.parametrize("text", TAGS)
def test_page_values_are_autoescaped(text: str) -> None:
    page = render_page("document.html.j2", title=text, kind=text, body=text)
    assert [] == live_markup(body_of(page))
    assert (text, text) == (
        parse_page(page).find_all("title")[0].text(),
        html.unescape(body_of(page)).strip(),
    )
    assert text == parse_page(page).find_all("body")[0].attrs["class"]


def test_markup_made_by_the_renderer_is_kept() -> None:
    page = render_page("document.html.j2", title="t", kind="k", body=render_markdown("*x*"))
    assert ["x"] == [em.text() for em in parse_page(page).find_all("em")]


def test_a_missing_template_value_is_an_error_not_an_empty_string() -> None:
    with pytest.raises(jinja2.UndefinedError, match="body"):
        render_page("document.html.j2", title="t", kind="k")


def test_a_page_inlines_the_one_stylesheet_and_loads_nothing() -> None:
    page = render_page("document.html.j2", title="t", kind="k", body="")
    assert [] == page_problems(page)
    assert page.startswith("<!DOCTYPE html>\n")
    assert ["utf-8"] == [m.attrs["charset"] for m in parse_page(page).find_all("meta")]


def test_the_stylesheet_loads_nothing_and_prints_on_a4() -> None:
    css = stylesheet()
    assert [] == [word for word in ("url(", "@import", "http") if word in css]
    assert "@page{size:A4;" in css
    assert (files("offerkit") / "templates" / STYLESHEET).read_text(encoding="utf-8") == css


def test_page_problems_finds_what_would_load() -> None:
    page = render_page("document.html.j2", title="t", kind="k", body="")
    for extra in (
        '<script src="x.js"></script>',
        '<a href="https://x.example">x</a>',
        "<style>b{}</style>",
    ):
        assert [] != page_problems(page.replace("</body>", extra + "</body>"))


def test_every_template_ships_in_the_wheel() -> None:
    """The templates folder is package data (pyproject.toml), else pages fail once installed."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = data["tool"]["setuptools"]["package-data"]["offerkit.templates"]
    shipped = sorted(p.name for p in (ROOT / "offerkit" / "templates").iterdir())
    assert shipped == [name for name in shipped if any(fnmatch.fnmatch(name, g) for g in globs)]
    assert {"page.html.j2", "document.html.j2", STYLESHEET} <= set(shipped)
