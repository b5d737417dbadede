"""Rendering Markdown the way readers see it, and finding anything live in the HTML.

Shared by the tests of Markdown escaping (rules, pulse, guide): nbconvert's own renderer
(mistune, as in ``jupyter nbconvert --to html``), and mistune with raw HTML passed through
and bare URLs linked (GFM-style), as Jupyter and GitHub viewers do.
"""

from __future__ import annotations

from html.parser import HTMLParser

# Tags a rendered report may hold; anything else (a, img, script, div, iframe…) is live.
INERT_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "br", "hr", "table", "thead", "tbody"}
    | {"tr", "th", "td", "em", "strong", "code", "pre", "section"}
)

# Hostile text of every kind the issue names: links, images, raw HTML blocks and inline
# HTML, javascript: URLs, autolinks (angle-bracketed and bare), a reference definition.
HOSTILE = (
    "[x](javascript:alert(1))",
    "![i](http://evil.example/x.png)",
    "<div onmouseover=alert(1)>\n\nraw block\n\n</div>",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<javascript:alert(1)>",
    "<https://evil.example>",
    "see https://evil.example and www.evil.example or a@evil.example",
    "[ref]\n\n[ref]: javascript:alert(1)",
    "**bold** _it_ `code` ~~gone~~ $x^2$ | cell",
    "# heading\n- item\n1. first\n> quote\n===",
)


def render_markdown(text: str) -> dict[str, str]:
    """``text`` rendered by nbconvert, and by mistune with raw HTML and bare-URL links."""
    import mistune
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    gfm = mistune.create_markdown(
        escape=False, plugins=["table", "url", "strikethrough", "footnotes", "math"]
    )
    return {"nbconvert": markdown2html_mistune(text), "mistune-gfm": str(gfm(text))}


class _Live(HTMLParser):
    def __init__(self, allowed_images: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed_images = allowed_images
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "img" and values.get("src") in self.allowed_images:
            return
        href = values.get("href") or ""
        if tag == "a" and values.get("class") == "anchor-link" and href.startswith("#"):
            return  # nbconvert's own permalink to a heading on the same page
        urls = (values.get(name) or "" for name in ("href", "src", "action", "formaction"))
        if (
            tag not in INERT_TAGS
            or any(name.startswith("on") for name in values)
            or any("javascript:" in url.lower() for url in urls)
        ):
            self.found.append(f"<{tag} {attrs}>")


def live_markup(html_text: str, allowed_images: frozenset[str] = frozenset()) -> list[str]:
    """Every element in ``html_text`` that is not plain text structure (links, images other
    than ``allowed_images``, scripts, raw HTML, event handlers, javascript: URLs)."""
    parser = _Live(allowed_images)
    parser.feed(html_text)
    return parser.found
