"""One way to make HTML: Markdown through mistune, pages through jinja2 templates.

Every page the kit writes — the learner's plan, the facilitator guide, the workshop pulse,
the build's index — is made here::

    body = render_markdown(markdown)                 # Markup, safe to put in a template
    page = render_page("guide.html.j2", title="Facilitator guide", body=body)

* :func:`render_markdown` — one mistune renderer (tables on): raw HTML in the Markdown,
  inline or block, is shown as text, never passed through; a link with a harmful scheme
  (``javascript:``…) points nowhere; the character references
  :func:`~offerkit.rules.markdown.escape_markdown` writes (``&lt;``) are decoded once.
* :func:`render_page` — jinja2 templates in ``offerkit/templates`` with autoescape on, so
  every value a template shows is escaped unless it is :class:`~markupsafe.Markup` made
  here. Each page extends ``page.html.j2``, which inlines the one stylesheet
  (``offerkit.css``, :func:`stylesheet`): a page opens offline and loads nothing.

Pure: a string in, a string out; the templates are package data, read once.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

import jinja2
import mistune
from markupsafe import Markup
from mistune.util import safe_entity

__all__ = ["STYLESHEET", "render_inline", "render_markdown", "render_page", "stylesheet"]

STYLESHEET = "offerkit.css"


class _Renderer(mistune.HTMLRenderer):
    """mistune's HTML renderer with raw HTML escaped, and text whose character references
    are decoded once before escaping (mistune's escape=True would show ``&lt;`` as typed)."""

    def text(self, text: str) -> str:
        return safe_entity(text)


_MARKDOWN = mistune.create_markdown(renderer=_Renderer(escape=True), plugins=["table"])


def render_markdown(markdown: str) -> Markup:
    """``markdown`` as HTML blocks; nothing in it can become a tag mistune did not make."""
    return Markup(str(_MARKDOWN(markdown)))


def render_inline(markdown: str) -> Markup:
    """One line of Markdown as inline HTML (no surrounding ``<p>``)."""
    rendered = str(_MARKDOWN(markdown)).strip()
    return Markup(rendered.removeprefix("<p>").removesuffix("</p>"))


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("offerkit", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def stylesheet() -> str:
    """The one stylesheet every page inlines."""
    return files("offerkit").joinpath("templates", STYLESHEET).read_text(encoding="utf-8")


def render_page(template: str, **context: Any) -> str:
    """The page ``template`` (a file in ``offerkit/templates``) rendered with ``context``
    and the stylesheet; every value not :class:`~markupsafe.Markup` is escaped."""
    page = _environment().get_template(template)
    return page.render(stylesheet=Markup(stylesheet()), **context)
