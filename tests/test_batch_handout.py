"""Handouts a non-coder can read: no code, every output, nothing loaded from the internet."""

from __future__ import annotations

from html.parser import HTMLParser

import nbformat
import pytest
from batch_helpers import KERNELSPEC
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from offerkit.batch.handout import external_references, handout_html, handout_notebook

# A 1×1 PNG, as matplotlib's inline backend would embed a chart.
PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0g"
    "AAAABJRU5ErkJggg=="
)
CODE = {
    "parameters": "learner_name: str = 'Demo Learner'  # the demo profile",
    "injected": 'learner_name = "Zoë Müller"',
    "stream": "print(f'Hello {learner_name}')",
    "chart": "show_salary_chart(course)",
    "html": "build_salary_exercise(course)",
    "result": "summary_of(course)",
    "silent": "course = start_course(globals())",
}


def fixture_notebook() -> nbformat.NotebookNode:
    """An executed lesson in miniature: every kind of output a workbook holds."""
    cells = [
        new_markdown_cell("# 03 · Your expected salary\n\nRead the range **as a year**."),
        new_code_cell(CODE["parameters"], metadata={"tags": ["parameters"]}),
        new_code_cell(CODE["injected"], metadata={"tags": ["injected-parameters"]}),
        new_code_cell(CODE["silent"], execution_count=3),
        new_code_cell(
            CODE["stream"],
            execution_count=4,
            outputs=[new_output("stream", name="stdout", text="Hello Zoë Müller · 20-30K·15薪\n")],
        ),
        new_code_cell(
            CODE["chart"],
            execution_count=5,
            outputs=[
                new_output(
                    "display_data", data={"image/png": PNG, "text/plain": "<Figure 640x480>"}
                )
            ],
        ),
        new_code_cell(
            CODE["html"],
            execution_count=6,
            outputs=[
                new_output(
                    "display_data",
                    data={
                        "text/html": "<p class='offerkit-summary'>Ask: <b>EUR 72,000</b></p>",
                        "text/plain": "Ask: EUR 72,000",
                    },
                )
            ],
        ),
        new_code_cell(
            CODE["result"],
            execution_count=7,
            outputs=[
                new_output(
                    "execute_result", data={"text/plain": "'range 60k–75k'"}, execution_count=7
                )
            ],
        ),
    ]
    nb = new_notebook(cells=cells, metadata={"kernelspec": KERNELSPEC})
    nb.metadata["widgets"] = {
        "application/vnd.jupyter.widget-state+json": {
            "state": {},
            "version_major": 2,
            "version_minor": 0,
        }
    }
    return nb


class Page(HTMLParser):
    """What a reader's browser gets from a page: scripts, stylesheets, classes and text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[dict[str, str | None]] = []
        self.links: list[dict[str, str | None]] = []
        self.images: list[str] = []
        self.classes: list[set[str]] = []
        self._skip = 0
        self._text: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.classes.append(set((values.get("class") or "").split()))
        if tag == "script":
            self.scripts.append(values)
        elif tag == "link":
            self.links.append(values)
        elif tag == "img":
            self.images.append(values.get("src") or "")
        if tag in {"script", "style"}:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._text.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self._text).split())

    def count(self, css_class: str) -> int:
        return sum(css_class in classes for classes in self.classes)


@pytest.fixture(scope="module")
def page() -> Page:
    return Page(handout_html(fixture_notebook(), "03-your-expected-salary"))


def test_handout_has_no_code_and_no_prompts(page: Page) -> None:
    assert [] == [source for source in CODE.values() if source in page.text]
    assert (0, 0, 0) == (
        page.count("jp-InputPrompt"),
        page.count("jp-OutputPrompt"),
        page.count("jp-Editor"),
    )
    code_cells = page.count("jp-CodeCell")
    assert 4 == code_cells  # the four cells with outputs; silent ones are left out
    assert code_cells == page.count("jp-mod-noInput")


def test_handout_keeps_every_output_and_the_lesson_text(page: Page) -> None:
    assert "Hello Zoë Müller · 20-30K·15薪" in page.text
    assert "Ask: EUR 72,000" in page.text
    assert "'range 60k–75k'" in page.text
    assert "Read the range as a year ." in page.text  # text nodes joined by spaces
    assert [f"data:image/png;base64,{PNG}"] == page.images
    assert 1 == page.count("offerkit-summary")


def test_handout_loads_nothing_from_the_internet(page: Page) -> None:
    assert [] == [s.get("src") for s in page.scripts if s.get("src")]
    assert [] == [link.get("href") for link in page.links if link.get("href")]
    types = sorted({str(s.get("type")) for s in page.scripts})
    assert [] == types, "no script at all: the handout needs none"


def test_external_references_finds_every_kind_of_load() -> None:
    page = """<html><head>
    <script src="https://cdn.example/require.js"></script>
    <link rel="stylesheet" href="//fonts.example/css">
    <style>@import "https://fonts.example/a.css";
    p { background: url('http://x.example/b.png') }</style>
    </head><body>
    <img src="data:image/png;base64,AAAA"><img srcset="local.png 1x, https://img.example/c.png 2x">
    <a href="https://example.org/read-more">a link is not a load</a>
    <div style="background-image: url(https://x.example/d.png)"></div>
    <iframe src="HTTPS://frame.example/"></iframe>
    </body></html>"""
    assert [
        "https://cdn.example/require.js",
        "//fonts.example/css",
        "https://fonts.example/a.css",
        "http://x.example/b.png",
        "https://img.example/c.png",
        "https://x.example/d.png",
        "HTTPS://frame.example/",
    ] == external_references(page)


def test_nbconverts_own_lab_page_would_load_from_cdns() -> None:
    """The reason for the handout template: the plain ``lab`` page fetches scripts."""
    from nbconvert import HTMLExporter

    plain, _ = HTMLExporter(template_name="lab").from_notebook_node(fixture_notebook())
    assert any("require" in url for url in external_references(plain))
    handout = handout_html(fixture_notebook(), "x")
    assert [] == external_references(handout)


def test_handout_notebook_leaves_the_workbook_untouched() -> None:
    nb = fixture_notebook()
    before = nbformat.writes(nb)
    shown = handout_notebook(nb)
    assert before == nbformat.writes(nb)
    assert "widgets" not in shown.metadata
    assert [CODE["stream"], CODE["chart"], CODE["html"], CODE["result"]] == [
        c.source for c in shown.cells if c.cell_type == "code"
    ]
    assert ["markdown"] == [c.cell_type for c in shown.cells if c.cell_type != "code"]


def test_title_comes_from_the_lesson_name() -> None:
    page = handout_html(fixture_notebook(), "03-your-expected-salary")
    assert "<title>03-your-expected-salary</title>" in page
