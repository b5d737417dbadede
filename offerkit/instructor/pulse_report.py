"""The workshop pulse as Markdown and HTML, and ``offerkit pulse``'s output folder.

``write_pulse`` writes ``pulse.md``, ``pulse.html`` and one PNG per chart (atomically).
No token, file name, file content or free text reaches these files: only counts, shares,
the course's own labels and the fixed reasons files were skipped for. Every text is
escaped all the same with :func:`~offerkit.rules.markdown.escape_markdown`, and the HTML
page is that Markdown rendered by :mod:`offerkit.rules.html` (raw HTML shown as text), so
nothing in a report can become a link, image or markup.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from offerkit.errors import InvalidInputError
from offerkit.instructor.pulse import ClassPulse, Group, SkippedFile, class_pulse, read_exports
from offerkit.learner.answers import atomic_write_text
from offerkit.rules.html import render_markdown, render_page
from offerkit.rules.markdown import escape_markdown

__all__ = [
    "HIDDEN",
    "PulseFiles",
    "hidden_note",
    "pulse_html",
    "pulse_markdown",
    "pulse_tables",
    "skipped_lines",
    "write_pulse",
]

Table = tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]]
HIDDEN = "hidden"
_IMAGE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\.png")


@dataclass(frozen=True)
class PulseFiles:
    """What ``write_pulse`` wrote, and the files it skipped (with the reason)."""

    markdown: Path
    html: Path
    charts: tuple[Path, ...]
    skipped: tuple[SkippedFile, ...]


def _count(value: int | None) -> str:
    return HIDDEN if value is None else str(value)


def _share(value: int | None, learners: int) -> str:
    return "—" if value is None else f"{value / learners:.0%}"


def _groups(title: str, groups: Sequence[Group]) -> Table:
    return title, ("group", "learners"), tuple((g.label, _count(g.count)) for g in groups)


def pulse_tables(pulse: ClassPulse) -> tuple[Table, ...]:
    """The class view as (title, header, rows) tables; none when everything is suppressed."""
    if pulse.suppressed_all:
        return ()
    wants = tuple((g.label, _count(g.count), _share(g.count, pulse.learners)) for g in pulse.wants)
    return (
        ("Which wants dominate (first priority)", ("goal area", "learners", "share"), wants),
        _groups("Asks over previous pay (guideline: up to +20 %)", pulse.asks),
        _groups("Strength mix (each learner's strongest kind)", pulse.strengths),
        _groups("Exceptions to the guideline used", pulse.exceptions),
        _groups("Decision windows", pulse.windows),
    )


def _intro(pulse: ClassPulse) -> str:
    return (
        f"{pulse.learners} learners' anonymised exports. Groups of fewer than "
        f"{pulse.min_group} are not shown, so no one can be singled out."
    )


def hidden_note(pulse: ClassPulse) -> str:
    """What "hidden" means, for the reader of a table or chart."""
    return (
        f'"{HIDDEN}": a group of fewer than {pulse.min_group} learners, or a group hidden '
        "with one so that it cannot be worked out from the total; an empty group may be "
        "hidden too."
    )


def skipped_lines(reasons: Sequence[str]) -> tuple[str, ...]:
    """The skipped files as "N files: reason" lines, one per reason (no file names)."""
    counted = Counter(reasons)
    return tuple(f"{n} file{'s' if n != 1 else ''}: {reason}" for reason, n in counted.items())


def _image_names(images: Mapping[str, str] | None) -> list[tuple[str, str]]:
    for file_name in (images or {}).values():
        if not _IMAGE_NAME.fullmatch(file_name):
            raise InvalidInputError(
                "image file name", "a plain name such as pulse-asks.png", file_name
            )
    return list((images or {}).items())


def pulse_markdown(pulse: ClassPulse, images: Mapping[str, str] | None = None) -> str:
    """The class view as Markdown (``images``: chart name → file name to embed).

    Every text is escaped with :func:`escape_markdown`, so it shows as written.
    """
    md = escape_markdown
    lines = ["# Workshop pulse", ""]
    if pulse.suppressed_all:
        return "\n".join([*lines, md(pulse.notice), ""])
    lines += [md(_intro(pulse)), "", md(hidden_note(pulse)), ""]
    for name, file_name in _image_names(images):
        lines += [f"![{md(name)}]({file_name})", ""]
    for title, header, rows in pulse_tables(pulse):
        lines += [f"## {md(title)}", "", "| " + " | ".join(map(md, header)) + " |"]
        lines.append("|" + "---|" * len(header))
        lines += ["| " + " | ".join(map(md, row)) + " |" for row in rows]
        lines.append("")
    if pulse.skipped:
        lines += [
            "## Skipped files",
            "",
            *(f"- {md(line)}" for line in skipped_lines(pulse.skipped)),
            "",
        ]
    return "\n".join(lines)


def pulse_html(pulse: ClassPulse, images: Mapping[str, str] | None = None) -> str:
    """The class view as a standalone HTML page: :func:`pulse_markdown`, rendered."""
    body = render_markdown(pulse_markdown(pulse, images))
    return render_page("document.html.j2", title="Workshop pulse", kind="pulse", body=body)


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
