"""The pulse as tables, Markdown and escaped HTML, and ``write_pulse``'s output folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from markup_helpers import (
    HOSTILE,
    body_of,
    live_markup,
    page_problems,
    parse_page,
    render_markdown,
    table_rows,
)
from test_instructor_pulse import export, pulse_of, token, write

from offerkit.errors import InvalidInputError
from offerkit.instructor.pulse import ClassPulse, Group
from offerkit.instructor.pulse_report import (
    pulse_html,
    pulse_markdown,
    pulse_tables,
    write_pulse,
)

ASKS = (Group("≤ 0 %", None), Group("0–10 %", 4), Group("> 30 %", None))
PULSE = ClassPulse(
    learners=5,
    min_group=3,
    wants=(Group("Salary", 4), Group("Commute", None)),
    asks=ASKS,
    strengths=(Group("soft strengths only", 5),),
    exceptions=(Group("no exception", 5),),
    windows=(Group("not set", 5),),
)
# Labels and reasons are the kit's own texts today; the report must stay inert if one
# ever carries something else.
HOSTILE_PULSE = ClassPulse(
    learners=len(HOSTILE),
    min_group=3,
    wants=tuple(Group(text, 1) for text in HOSTILE),
    asks=tuple(Group(text, None) for text in HOSTILE),
    skipped=HOSTILE,
)
CHARTS = frozenset({"pulse-asks.png"})


def test_tables_title_header_and_rows() -> None:
    tables = pulse_tables(PULSE)
    assert [
        "Which wants dominate (first priority)",
        "Asks over previous pay (guideline: up to +20 %)",
        "Strength mix (each learner's strongest kind)",
        "Exceptions to the guideline used",
        "Decision windows",
    ] == [title for title, _, _ in tables]
    assert (
        "Which wants dominate (first priority)",
        ("goal area", "learners", "share"),
        (("Salary", "4", "80%"), ("Commute", "hidden", "—")),
    ) == tables[0]
    assert (
        ("group", "learners"),
        (("≤ 0 %", "hidden"), ("0–10 %", "4"), ("> 30 %", "hidden")),
    ) == tables[1][1:]


def test_no_tables_below_the_threshold() -> None:
    assert () == pulse_tables(ClassPulse(2, 3, skipped=("not valid JSON",)))


def test_markdown_intro_note_images_tables_and_skipped_reasons() -> None:
    pulse = ClassPulse(5, 3, asks=ASKS, skipped=("not valid JSON", "not found", "not valid JSON"))
    markdown = pulse_markdown(pulse, {"pulse-asks": "pulse-asks.png"})
    expected = [
        "# Workshop pulse",
        "",
        "5 learners' anonymised exports. Groups of fewer than 3 are not shown, so no one "
        "can be singled out.",
        "",
        '"hidden": a group of fewer than 3 learners, or a group hidden with one so that it '
        "cannot be worked out from the total; an empty group may be hidden too.",
        "",
        "![pulse-asks](pulse-asks.png)",
        "",
        "## Which wants dominate (first priority)",
        "",
        "| goal area | learners | share |",
        "|---|---|---|",
        "",
        "## Asks over previous pay (guideline: up to +20 %)",
        "",
        "| group | learners |",
        "|---|---|",
        "| ≤ 0 % | hidden |",
        "| 0–10 % | 4 |",
        "| \\> 30 % | hidden |",
        "",
    ]
    lines = markdown.splitlines()
    assert expected == lines[: len(expected)]
    assert ["## Skipped files", "", "- 2 files: not valid JSON", "- 1 file: not found"] == (
        lines[-4:]
    )


def test_a_group_hidden_to_protect_another_says_hidden_not_fewer_than(tmp_path: Path) -> None:
    # 12, 10 and 2 learners: the 10 is hidden with the 2 (else 24 − 12 − 10 gives it back).
    asks = [330_000] * 12 + [381_000] * 10 + [450_000] * 2
    pulse = pulse_of([export(n, a) for n, a in enumerate(asks)], tmp_path)
    assert 10 == sum(a == 381_000 for a in asks)
    markdown = pulse_markdown(pulse)
    assert "| 20–30 % | hidden |" in markdown
    assert "| 0–10 % | 12 |" in markdown
    assert "fewer than 3 |" not in markdown


def test_below_the_threshold_markdown_and_html_hold_only_the_notice() -> None:
    pulse = ClassPulse(2, 3, skipped=("not valid JSON",))
    images = {"pulse-asks": "pulse-asks.png"}
    assert f"# Workshop pulse\n\n{pulse.notice}\n" == pulse_markdown(pulse, images)
    page = pulse_html(pulse, images)
    (body,) = parse_page(page).find_all("body")
    assert ["Workshop pulse", pulse.notice] == [n.text() for n in body.walk()[1:]]
    assert [] == [tag for tag in ("<table", "<img", "<h2", "not valid JSON") if tag in page]


@pytest.mark.parametrize(
    "images", [{"x": "javascript:alert(1)"}, {"x": "a b.png"}, {"x": "../x.png"}]
)
def test_image_names_must_be_plain_file_names(images: dict[str, str]) -> None:
    with pytest.raises(InvalidInputError, match="image file name"):
        pulse_markdown(PULSE, images)


def test_markdown_is_inert_when_rendered() -> None:
    markdown = pulse_markdown(HOSTILE_PULSE, {"pulse-asks": "pulse-asks.png"})
    for renderer, rendered in render_markdown(markdown).items():
        assert [] == live_markup(rendered, CHARTS), renderer
        # the text broke no structure: 5 tables and the skipped files, one item per reason
        assert (6, len(HOSTILE)) == (rendered.count("<h2"), rendered.count("<li>")), renderer


def test_html_is_inert() -> None:
    page = pulse_html(HOSTILE_PULSE, {'a"b': "pulse-asks.png"})
    assert [] == live_markup(body_of(page), CHARTS)
    assert [{"src": "pulse-asks.png", "alt": 'a"b'}] == [
        img.attrs for img in parse_page(page).find_all("img")
    ]
    wants = [" ".join(row[0].split()) for row in table_rows(page)[1 : 1 + len(HOSTILE)]]
    assert [" ".join(text.split()) for text in HOSTILE] == wants  # shown as written


def test_html_is_a_standalone_page_with_one_table_per_distribution() -> None:
    page = pulse_html(PULSE)
    assert page.startswith("<!DOCTYPE html>\n")
    assert [] == page_problems(page)  # the shared stylesheet, nothing loaded
    assert (5, 0) == (page.count("<table>"), page.count("<img"))
    assert ["Commute", "hidden", "—"] in table_rows(page)


def test_a_class_below_the_threshold_shows_only_the_notice(tmp_path: Path) -> None:
    files = write_pulse(write(tmp_path / "in", [export(1), export(2)]), tmp_path / "out")
    assert () == files.charts
    assert [] == sorted(p.name for p in (tmp_path / "out").glob("*.png"))
    markdown = files.markdown.read_text(encoding="utf-8")
    assert ["# Workshop pulse", "", ClassPulse(2, 3).notice] == markdown.splitlines()
    assert "Fewer than 3 learners" in files.html.read_text(encoding="utf-8")


def test_outputs_contain_no_tokens(tmp_path: Path) -> None:
    exports = [export(n, 330_000 + n * 10_000) for n in range(7)]
    files = write_pulse(write(tmp_path / "in", exports), tmp_path / "out")
    assert [
        "pulse-strengths.png",  # asks: one learner on their own, so all hidden, no chart
        "pulse-wants.png",
        "pulse-windows.png",
    ] == sorted(p.name for p in files.charts)
    for path in (files.markdown, files.html, *files.charts):
        data = path.read_bytes()
        assert [] == [n for n in range(7) if token(n).encode() in data], path.name


def test_written_pages_embed_the_charts_and_list_skipped_files(tmp_path: Path) -> None:
    sources = write(tmp_path / "in", [export(n) for n in range(3)])
    (tmp_path / "in" / "bad.offerkit-export.json").write_text("[]", encoding="utf-8")
    files = write_pulse([tmp_path / "in"], tmp_path / "out")
    assert (tmp_path / "out" / "pulse.md", tmp_path / "out" / "pulse.html") == (
        files.markdown,
        files.html,
    )
    assert ["bad.offerkit-export.json"] == [item.path.name for item in files.skipped]
    markdown = files.markdown.read_text(encoding="utf-8")
    for name in ("wants", "asks", "strengths", "windows"):
        assert f"![pulse-{name}](pulse-{name}.png)" in markdown
    assert "- 1 file: not an offerkit export" in markdown
    assert "bad.offerkit-export" not in markdown + files.html.read_text(encoding="utf-8")
    page = parse_page(files.html.read_text(encoding="utf-8"))
    assert {"src": "pulse-asks.png", "alt": "pulse-asks"} in [i.attrs for i in page.find_all("img")]
    assert 3 == len(sources)


def test_rerun_removes_charts_of_the_earlier_run_and_leaves_other_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_pulse(write(tmp_path / "many", [export(n) for n in range(4)]), out)
    (out / "my-notes.txt").write_text("mine", encoding="utf-8")
    write_pulse(write(tmp_path / "few", [export(n) for n in range(2)]), out)
    assert ["my-notes.txt", "pulse.html", "pulse.md"] == sorted(p.name for p in out.iterdir())


def test_bad_min_group_writes_nothing(tmp_path: Path) -> None:
    sources = write(tmp_path / "in", [export(n) for n in range(3)])
    with pytest.raises(InvalidInputError, match="min_group"):
        write_pulse(sources, tmp_path / "out", min_group=0)
    assert not (tmp_path / "out").exists()


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    write_pulse(write(tmp_path / "in", [export(n) for n in range(3)]), tmp_path / "out")
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert ["pulse-asks.png", "pulse-strengths.png", "pulse-wants.png"] == names[:3]
    assert ["pulse-windows.png", "pulse.html", "pulse.md"] == names[3:]


def test_file_names_never_reach_the_report(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder, [export(n) for n in range(3)])
    names = ["[x](javascript:alert(1))", "<img src=x onerror=alert(1)>", "Ada Lovelace"]
    for n, name in enumerate(names):
        (folder / f"{name}.offerkit-export.json").write_text("{" * n, encoding="utf-8")
    files = write_pulse([folder], tmp_path / "out")
    assert 3 == len(files.skipped)
    for path in (files.markdown, files.html):
        text = path.read_text(encoding="utf-8")
        assert [] == [part for part in ("javascript", "onerror", "Ada") if part in text]
