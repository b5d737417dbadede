"""The workshop pulse as Markdown and HTML, and ``offerkit pulse``'s output folder.

``write_pulse`` writes ``pulse.md``, ``pulse.html`` and one PNG per chart (atomically).
No token, file content or free text reaches these files: only counts, shares and labels.
Skipped files are listed by name so the instructor can ask for a new export.
"""

from __future__ import annotations

import html
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from offerkit.instructor.pulse import ClassPulse, Group, class_pulse, read_exports
from offerkit.learner.answers import atomic_write_text

__all__ = ["PulseFiles", "pulse_html", "pulse_markdown", "pulse_tables", "write_pulse"]

Table = tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]]


@dataclass(frozen=True)
class PulseFiles:
    """What ``write_pulse`` wrote, and the files it skipped (with the reason)."""

    markdown: Path
    html: Path
    charts: tuple[Path, ...]
    skipped: tuple[str, ...]


def _count(value: int | None, min_group: int) -> str:
    return f"fewer than {min_group}" if value is None else str(value)


def _groups(title: str, groups: Sequence[Group], min_group: int) -> Table:
    rows = tuple((g.label, _count(g.count, min_group)) for g in groups)
    return title, ("group", "learners"), rows


def pulse_tables(pulse: ClassPulse) -> tuple[Table, ...]:
    """The class view as (title, header, rows) tables; none when everything is suppressed."""
    if pulse.suppressed_all:
        return ()
    wants = tuple(
        (
            row.area,
            _count(row.top3, pulse.min_group),
            "—" if row.share is None else f"{row.share:.0%}",
            "—" if row.mean_weight is None else f"{row.mean_weight:.0%}",
        )
        for row in pulse.wants
    )
    return (
        ("Which wants dominate", ("goal area", "in top 3", "share", "mean weight"), wants),
        _groups("Asks over previous pay (guideline: up to +20 %)", pulse.asks, pulse.min_group),
        _groups("Strength mix (learners with at least one)", pulse.strengths, pulse.min_group),
        _groups("Exceptions to the guideline used", pulse.exceptions, pulse.min_group),
        _groups("Decision windows", pulse.windows, pulse.min_group),
    )


def _intro(pulse: ClassPulse) -> str:
    return (
        f"{pulse.learners} learners' anonymised exports. Groups of fewer than "
        f"{pulse.min_group} are not shown, so no one can be singled out."
    )


def pulse_markdown(pulse: ClassPulse, images: Mapping[str, str] | None = None) -> str:
    """The class view as Markdown (``images``: chart name → file name to embed)."""
    lines = ["# Workshop pulse", ""]
    if pulse.suppressed_all:
        return "\n".join([*lines, pulse.notice, ""])
    lines += [_intro(pulse), ""]
    for name, file_name in (images or {}).items():
        lines += [f"![{name}]({file_name})", ""]
    for title, header, rows in pulse_tables(pulse):
        lines += [f"## {title}", "", "| " + " | ".join(header) + " |"]
        lines.append("|" + "---|" * len(header))
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        lines.append("")
    if pulse.skipped:
        # Learner files can quote anything: keep it inert in viewers that render HTML.
        safe = (html.escape(item, quote=False) for item in pulse.skipped)
        lines += ["## Skipped files", "", *(f"- {item}" for item in safe), ""]
    return "\n".join(lines)


def _html_table(title: str, header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    head = "".join(f"<th>{html.escape(cell)}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<h2>{html.escape(title)}</h2><table><tr>{head}</tr>{body}</table>"


def pulse_html(pulse: ClassPulse, images: Mapping[str, str] | None = None) -> str:
    """The class view as a standalone HTML page (every text escaped)."""
    if pulse.suppressed_all:
        body = f"<p>{html.escape(pulse.notice)}</p>"
    else:
        body = f"<p>{html.escape(_intro(pulse))}</p>" + "".join(
            f'<img src="{html.escape(file_name)}" alt="{html.escape(name)}">'
            for name, file_name in (images or {}).items()
        )
        body += "".join(_html_table(*table) for table in pulse_tables(pulse))
        if pulse.skipped:
            items = "".join(f"<li>{html.escape(item)}</li>" for item in pulse.skipped)
            body += f"<h2>Skipped files</h2><ul>{items}</ul>"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Workshop pulse'
        "</title><style>body{font-family:sans-serif;max-width:50em;margin:auto}"
        "table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 8px}"
        f"img{{max-width:100%}}</style></head><body><h1>Workshop pulse</h1>{body}</body></html>\n"
    )


def _write_bytes(path: Path, data: bytes) -> None:
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_pulse(sources: Iterable[Path], out: Path, min_group: int = 3) -> PulseFiles:
    """Read the exports in ``sources``, merge them and write the class view into ``out``."""
    from offerkit.instructor.pulse_charts import figure_png, pulse_figures

    batch = read_exports(sources)
    pulse = class_pulse(batch.exports, min_group, batch.skipped)
    out.mkdir(parents=True, exist_ok=True)
    charts: list[Path] = []
    for name, figure in pulse_figures(pulse).items():
        charts.append(out / f"pulse-{name}.png")
        _write_bytes(charts[-1], figure_png(figure))
    for stale in out.glob("pulse-*.png"):  # charts of an earlier run must not linger
        if stale not in charts:
            stale.unlink()
    images = {path.stem: path.name for path in charts}
    markdown_path, html_path = out / "pulse.md", out / "pulse.html"
    atomic_write_text(markdown_path, pulse_markdown(pulse, images))
    atomic_write_text(html_path, pulse_html(pulse, images))
    return PulseFiles(markdown_path, html_path, tuple(charts), batch.skipped)
