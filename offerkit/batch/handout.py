"""A participant's handout: an executed workbook as a page a non-coder can read, offline.

:func:`handout_html` renders with nbconvert's ``lab`` template, changed in three ways:

* no code: every input cell (the parameters, the builder calls) and every ``In``/``Out``
  prompt is left out, and the ``parameters`` cell (the lessons' demo profile) is dropped;
  every *output* stays — text, HTML, and charts as PNG embedded in the page (``data:`` URIs);
* nothing from the internet: the template's require.js, MathJax, Mermaid and widget-manager
  scripts (all on CDNs) are not included, so the page opens the same offline or on a
  locked-down laptop. The widget state a headless run saves is not needed either: offerkit
  prints a text summary of each exercise when no front end is there;
* local images in Markdown are embedded (``embed_images``).

:func:`external_references` lists what a page would fetch from another host (script,
stylesheet, image, frame… sources): empty for a handout; the tests hold it there.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from functools import cache
from html.parser import HTMLParser
from typing import Any

__all__ = ["external_references", "handout_html", "handout_notebook"]

_TEMPLATE = "offerkit-handout.html.j2"
# The lab page without its CDN scripts (require.js, MathJax, Mermaid, the widget manager).
_TEMPLATE_TEXT = """\
{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""
# Attributes through which a page loads something (links to follow, <a href>, are fine).
_LOADING = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
}


@cache
def _exporter() -> Any:
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter: Callable[..., Any] = HTMLExporter
    return exporter(
        template_name="lab",
        template_file=_TEMPLATE,
        extra_loaders=[DictLoader({_TEMPLATE: _TEMPLATE_TEXT})],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )


def handout_notebook(nb: Any) -> Any:
    """A copy of ``nb`` as its handout shows it: without the ``parameters`` cell, whose
    values are the lessons' demo profile (the injected cell below it holds the
    participant's own), without code cells that show nothing, and without the widget state
    of a headless run."""
    page = copy.deepcopy(nb)
    page.cells = [
        c
        for c in page.cells
        if "parameters" not in c.metadata.get("tags", [])
        and (c.cell_type != "code" or c.get("outputs"))
    ]
    page.metadata.pop("widgets", None)
    return page


def handout_html(nb: Any, name: str) -> str:
    """The handout page of the executed notebook ``nb`` (``name``: its title if the
    notebook has none), see the module docstring."""
    resources = {"metadata": {"name": name}}
    page, _ = _exporter().from_notebook_node(handout_notebook(nb), resources=resources)
    return str(page)


_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.IGNORECASE)


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        for name, value in attrs:
            if value and name in _LOADING.get(tag, ()):
                self.found += [u for u in _urls(name, value) if _is_external(u)]
            elif value and name == "style":
                self._css(value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._css(data)

    def _css(self, text: str) -> None:
        for match in _CSS_URL.finditer(text):
            url = match.group(1) or match.group(2)
            if _is_external(url):
                self.found.append(url)


def _urls(attribute: str, value: str) -> list[str]:
    if attribute != "srcset":
        return [value.strip()]
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def _is_external(url: str) -> bool:
    lowered = url.lower()
    return lowered.startswith(("http:", "https:", "//", "ftp:"))


def external_references(page: str) -> list[str]:
    """The URLs on other hosts that ``page`` would load (scripts, stylesheets, images,
    frames, media, CSS ``url()`` and ``@import``), in order. ``<a href>`` links are not
    loads and are not listed."""
    parser = _References()
    parser.feed(page)
    parser.close()
    return parser.found
