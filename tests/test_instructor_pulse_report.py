"""The pulse as tables, Markdown and escaped HTML, and ``write_pulse``'s output folder."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from test_instructor_pulse import export, pulse_of, token, write

from offerkit.errors import InvalidInputError
from offerkit.instructor.pulse import ClassPulse, Group, WantRow
from offerkit.instructor.pulse_report import (
    pulse_html,
    pulse_markdown,
    pulse_tables,
    write_pulse,
)

ASKS = (Group("≤ 0 %", 0), Group("0–10 %", 4), Group("> 30 %", None))
PULSE = ClassPulse(
    learners=5,
    min_group=3,
    wants=(WantRow("Salary", 4, 0.8, 0.45), WantRow("Commute", None, None, None)),
    asks=ASKS,
    strengths=(Group("soft", 5),),
    exceptions=(Group("no exception", 5),),
    windows=(Group("not set", 5),),
)
HOSTILE = ClassPulse(
    learners=3,
    min_group=3,
    wants=(WantRow("R&D <team>", 3, 1.0, None),),
    asks=(Group('<script>alert("x")</script>', 3),),
    skipped=("<img src=x onerror=alert(1)>.offerkit-export.json: oops & more (skipped)",),
)


def test_tables_title_header_and_rows() -> None:
    tables = pulse_tables(PULSE)
    assert [
        "Which wants dominate",
        "Asks over previous pay (guideline: up to +20 %)",
        "Strength mix (learners with at least one)",
        "Exceptions to the guideline used",
        "Decision windows",
    ] == [title for title, _, _ in tables]
    assert (
        "Which wants dominate",
        ("goal area", "in top 3", "share", "mean weight"),
        (("Salary", "4", "80%", "45%"), ("Commute", "fewer than 3", "—", "—")),
    ) == tables[0]
    assert (
        ("group", "learners"),
        (("≤ 0 %", "0"), ("0–10 %", "4"), ("> 30 %", "fewer than 3")),
    ) == tables[1][1:]


def test_no_tables_below_the_threshold() -> None:
    assert () == pulse_tables(ClassPulse(2, 3, skipped=("x.json: bad (skipped)",)))


def test_markdown_intro_images_tables_and_skipped_files() -> None:
    pulse = ClassPulse(5, 3, asks=ASKS, skipped=("bad.offerkit-export.json: oops (skipped)",))
    markdown = pulse_markdown(pulse, {"pulse-asks": "pulse-asks.png"})
    expected = [
        "# Workshop pulse",
        "",
        "5 learners' anonymised exports. Groups of fewer than 3 are not shown, so no one "
        "can be singled out.",
        "",
        "![pulse-asks](pulse-asks.png)",
        "",
        "## Which wants dominate",
        "",
        "| goal area | in top 3 | share | mean weight |",
        "|---|---|---|---|",
        "",
        "## Asks over previous pay (guideline: up to +20 %)",
        "",
        "| group | learners |",
        "|---|---|",
        "| ≤ 0 % | 0 |",
        "| 0–10 % | 4 |",
        "| > 30 % | fewer than 3 |",
        "",
    ]
    lines = markdown.splitlines()
    assert expected == lines[: len(expected)]
    assert ["## Skipped files", "", "- bad.offerkit-export.json: oops (skipped)"] == lines[-3:]


def test_markdown_says_fewer_than(tmp_path: Path) -> None:
    asks = [330_000] * 3 + [390_000] * 3 + [450_000] * 2 + [None]
    markdown = pulse_markdown(pulse_of([export(n, a) for n, a in enumerate(asks)], tmp_path))
    assert "| > 30 % | fewer than 3 |" in markdown


def test_below_the_threshold_markdown_and_html_hold_only_the_notice() -> None:
    pulse = ClassPulse(2, 3, skipped=("x.offerkit-export.json: bad (skipped)",))
    images = {"pulse-asks": "pulse-asks.png"}
    assert f"# Workshop pulse\n\n{pulse.notice}\n" == pulse_markdown(pulse, images)
    page = pulse_html(pulse, images)
    assert f"<h1>Workshop pulse</h1><p>{html.escape(pulse.notice)}</p></body>" in page
    assert [] == [tag for tag in ("<table", "<img", "<h2", "x.offerkit-export") if tag in page]


def test_html_escapes_every_text() -> None:
    page = pulse_html(HOSTILE, {'a"b': 'pulse-"x".png'})
    assert "<td>R&amp;D &lt;team&gt;</td><td>3</td><td>100%</td><td>—</td>" in page
    assert "<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td>" in page
    assert (
        "<li>&lt;img src=x onerror=alert(1)&gt;.offerkit-export.json: oops &amp; more "
        "(skipped)</li>"
    ) in page
    assert '<img src="pulse-&quot;x&quot;.png" alt="a&quot;b">' in page
    assert [] == [raw for raw in ("<script>", "<team>", "<img src=x") if raw in page]


def test_html_is_a_standalone_page_with_one_table_per_distribution() -> None:
    page = pulse_html(PULSE)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">')
    assert page.endswith("</body></html>\n")
    assert (5, 0) == (page.count("<table>"), page.count("<img"))
    assert "<td>Commute</td><td>fewer than 3</td><td>—</td><td>—</td>" in page


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
        "pulse-asks.png",
        "pulse-strengths.png",
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
    assert 1 == len(files.skipped) and files.skipped[0].startswith("bad.offerkit-export.json: ")
    markdown = files.markdown.read_text(encoding="utf-8")
    for name in ("wants", "asks", "strengths", "windows"):
        assert f"![pulse-{name}](pulse-{name}.png)" in markdown
    assert f"- {files.skipped[0]}" in markdown
    assert '<img src="pulse-asks.png" alt="pulse-asks">' in files.html.read_text(encoding="utf-8")
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


def test_skipped_file_reasons_are_inert_in_the_markdown(tmp_path: Path) -> None:
    from dataclasses import replace

    reason = "evil.json: 'schema' must be 1 (got '<img src=x onerror=1>')"
    pulse = replace(pulse_of([export(n) for n in range(3)], tmp_path), skipped=(reason,))
    text = pulse_markdown(pulse)
    assert "<img" not in text
    assert "&lt;img src=x onerror=1&gt;" in text
