"""Rendering Markdown the way readers see it, and finding anything live in the HTML.

Shared by the tests of Markdown escaping (rules, pulse, guide): nbconvert's own renderer
(mistune, as in ``jupyter nbconvert --to html``), and mistune with raw HTML passed through
and bare URLs linked (GFM-style), as Jupyter and GitHub viewers do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from offerkit.rules.html import stylesheet

# Tags a rendered report may hold; anything else (a, img, script, div, iframe…) is live.
INERT_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "br", "hr", "table", "thead", "tbody"}
    | {"tr", "th", "td", "em", "strong", "code", "pre", "section"}
    | {"header", "main", "footer", "time", "span"}  # the page templates' own structure
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


# ------------------------------------------------------------- whole pages, parsed

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"})
# Elements that load or run something, or send the reader elsewhere without a click.
_LOADING = frozenset({"script", "link", "iframe", "frame", "object", "embed", "base", "form"})
_LOADING |= {"audio", "video", "source", "track", "svg", "math", "template"}


@dataclass
class Node:
    """An element of a parsed page: its tag, attributes and children (elements or text)."""

    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        """All the text inside, as a reader sees it (entities decoded)."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self) -> list[Node]:
        """This element and every element inside it, in document order."""
        found = [self]
        for child in self.children:
            if isinstance(child, Node):
                found += child.walk()
        return found

    def find_all(self, tag: str, css_class: str | None = None) -> list[Node]:
        """Every element ``tag`` inside (with ``css_class`` among its classes, if given)."""
        return [
            node
            for node in self.walk()[1:]
            if node.tag == tag
            and (css_class is None or css_class in node.attrs.get("class", "").split())
        ]


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.open = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.open[-1].children.append(node)
        if tag not in _VOID:
            self.open.append(node)

    def handle_endtag(self, tag: str) -> None:
        tags = [node.tag for node in self.open]
        if tag in tags[1:]:
            del self.open[len(tags) - 1 - tags[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)


def parse_page(page: str) -> Node:
    """``page`` as a tree of :class:`Node` (html.parser, void elements closed)."""
    tree = _Tree()
    tree.feed(page)
    tree.close()
    return tree.root


def table_rows(page: str) -> list[list[str]]:
    """Every table row of ``page`` as the stripped text of its cells."""
    return [
        [cell.text().strip() for cell in row.walk()[1:] if cell.tag in {"td", "th"}]
        for row in parse_page(page).find_all("tr")
    ]


def page_problems(page: str) -> list[str]:
    """Why ``page`` is not one of the kit's offline pages (empty: it is one): it must inline
    exactly one <style>, the shared stylesheet, and load, run or link to nothing outside."""
    root = parse_page(page)
    problems = []
    styles = [node.text().strip() for node in root.find_all("style")]
    if [stylesheet().strip()] != styles:
        problems.append(f"{len(styles)} <style> element(s), not the one shared stylesheet")
    for node in root.walk():
        if node.tag in _LOADING:
            problems.append(f"<{node.tag}>")
        for name, value in node.attrs.items():
            url = value.strip().lower()
            if name.startswith("on") or url.startswith(("http:", "https:", "//", "javascript:")):
                problems.append(f"<{node.tag} {name}={value!r}>")
            if name == "style" and ("url(" in url or "@import" in url):
                problems.append(f"<{node.tag} style={value!r}>")
    return problems


def body_of(page: str) -> str:
    """The markup inside <body>, for :func:`live_markup`."""
    return page.split("<body", 1)[1].split(">", 1)[1].rsplit("</body>", 1)[0]
