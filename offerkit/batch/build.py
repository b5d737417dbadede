"""``offerkit build``: a roster in, one executed workbook per participant and lesson out.

Reading :func:`build_workbooks` top-down is the pipeline: read and check the whole roster
(nothing is written if it has problems) → choose the lessons → skip participants whose
hash and files are unchanged → run the rest (local pool or Dask) → as each participant
finishes, write its files and the manifest atomically → write ``index.html`` → report.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from offerkit import __version__
from offerkit.batch.jobs import ParticipantJob, ParticipantResult
from offerkit.batch.outputs import (
    load_manifest,
    remove_temporaries,
    safe_path,
    write_index,
    write_manifest,
    write_output,
)
from offerkit.batch.plan import build_parameters, participant_hash, select_lessons
from offerkit.batch.pool import run_dask, run_local
from offerkit.batch.roster import Participant, read_roster

__all__ = ["BuildOptions", "BuildReport", "Failure", "build_workbooks", "format_report"]


@dataclass(frozen=True)
class BuildOptions:
    """What ``offerkit build`` was asked to do."""

    roster: Path
    out: Path
    lessons: tuple[str, ...] | None = None
    jobs: int = 0  # 0 = one per CPU
    html: bool = False
    force: bool = False
    timeout: int = 60
    dask: str | None = None
    lessons_dir: Path | None = None
    progress: bool = True


@dataclass(frozen=True)
class Failure:
    """A participant whose workbooks could not be built."""

    slug: str
    name: str
    row: int
    reason: str


@dataclass(frozen=True)
class BuildReport:
    """The outcome of a build."""

    out: Path
    built: tuple[str, ...]
    skipped: tuple[str, ...]
    failed: tuple[Failure, ...]
    stalls: int
    retried: tuple[str, ...]
    seconds: float

    @property
    def ok(self) -> bool:
        """True when no participant failed."""
        return not self.failed


def _unchanged(entry: dict[str, Any] | None, digest: str, out: Path) -> bool:
    if not entry or entry.get("status") != "ok" or entry.get("hash") != digest:
        return False
    files = entry.get("files", [])
    return bool(files) and all(safe_path(out, *str(f).split("/")).is_file() for f in files)


class _Writer:
    """Writes each finished participant's files and the manifest, and keeps the tally."""

    def __init__(
        self,
        options: BuildOptions,
        about: dict[str, Any],
        people: dict[str, Participant],
        hashes: dict[str, str],
    ) -> None:
        self.options = options
        self.about = about
        self.people = people
        self.hashes = hashes
        self.entries = load_manifest(options.out)
        self.results: list[ParticipantResult] = []

    def __call__(self, result: ParticipantResult) -> None:
        out, slug = self.options.out, result.slug
        files: list[str] = []
        for notebook in result.notebooks:
            stem = notebook.name.removesuffix(".ipynb")
            write_output(out, f"{slug}/{notebook.name}", notebook.ipynb)
            files.append(f"{slug}/{notebook.name}")
            if notebook.html is not None:
                write_output(out, f"{slug}/{stem}.html", notebook.html)
                files.append(f"{slug}/{stem}.html")
        old = self.entries.get(slug, {}).get("files", [])
        for stale in set(map(str, old)) - set(files):
            safe_path(out, *stale.split("/")).unlink(missing_ok=True)
        self.entries[slug] = {
            "hash": self.hashes[slug] if result.status == "ok" else None,
            "files": files,
            "status": result.status,
            "seconds": round(result.seconds, 3),
            "attempts": result.attempts,
            "stalls": result.stalls,
            "failure": result.failure.describe() if result.failure else None,
        }
        write_manifest(out, self.entries, self.about)
        self.results.append(result)


def _progress_bars(enabled: bool, total: int) -> tuple[list[Any], Any]:
    """The overall bar (in a list, once made) and a callback that keeps one bar per running
    participant (tqdm, on stderr)."""
    from tqdm import tqdm

    bars: dict[str, Any] = {}
    overall: list[Any] = []  # made at the first event: no tqdm thread before workers fork

    def on_progress(event: str, slug: str, detail: str) -> None:
        if not overall:
            overall.append(
                tqdm(
                    total=total,
                    desc="participants",
                    unit="p",
                    file=sys.stderr,
                    disable=not enabled,
                    position=0,
                )
            )
        if event in {"start", "retry"}:
            if slug in bars:
                bars.pop(slug).close()
            desc = f"{slug} (retry)" if event == "retry" else slug
            bars[slug] = tqdm(
                total=int(detail),
                desc=desc,
                unit="lesson",
                leave=False,
                disable=not enabled,
                file=sys.stderr,
            )
        elif event == "lesson" and slug in bars:
            bars[slug].update(1)
        elif event == "done":
            if slug in bars:
                bars.pop(slug).close()
            overall[0].update(1)

    return overall, on_progress


def _jobs(options: BuildOptions, todo: list[Participant], lessons: Any) -> list[ParticipantJob]:
    return [
        ParticipantJob(
            p.slug, build_parameters(p.parameters), lessons, options.timeout, options.html
        )
        for p in todo
    ]


def build_workbooks(options: BuildOptions) -> BuildReport:
    """Build the workbooks (see the module docstring); return the report."""
    started = time.perf_counter()
    participants = read_roster(options.roster)
    lessons = select_lessons(options.lessons_dir, options.lessons)
    out = options.out
    out.mkdir(parents=True, exist_ok=True)
    remove_temporaries(out)
    hashes = {
        p.slug: participant_hash(build_parameters(p.parameters), lessons, html=options.html)
        for p in participants
    }
    about = {
        "offerkit": __version__,
        "lessons": [lesson.name for lesson in lessons],
        "html": options.html,
    }
    writer = _Writer(options, about, {p.slug: p for p in participants}, hashes)
    todo = [
        p
        for p in participants
        if options.force or not _unchanged(writer.entries.get(p.slug), hashes[p.slug], out)
    ]
    overall, on_progress = _progress_bars(options.progress, len(todo))

    def on_result(result: ParticipantResult) -> None:
        writer(result)
        on_progress("done", result.slug, "")

    try:
        if options.dask:
            run_dask(_jobs(options, todo, lessons), options.dask, on_result)
        else:
            workers = options.jobs or os.cpu_count() or 1
            run_local(_jobs(options, todo, lessons), workers, on_result, on_progress)
    finally:
        for bar in overall:
            bar.close()
    write_index(out, [(p.slug, p.name) for p in participants], writer.entries)
    return _report(options, participants, todo, writer.results, time.perf_counter() - started)


def _report(
    options: BuildOptions,
    participants: tuple[Participant, ...],
    todo: list[Participant],
    results: list[ParticipantResult],
    seconds: float,
) -> BuildReport:
    by_slug = {p.slug: p for p in participants}
    done = {r.slug for r in results}
    failed = [
        Failure(
            r.slug,
            by_slug[r.slug].name,
            by_slug[r.slug].row,
            r.failure.describe() if r.failure else "unknown",
        )
        for r in results
        if r.status != "ok"
    ]
    failed += [
        Failure(p.slug, p.name, p.row, "not run (the build was interrupted)")
        for p in todo
        if p.slug not in done
    ]
    return BuildReport(
        out=options.out,
        built=tuple(sorted(r.slug for r in results if r.status == "ok")),
        skipped=tuple(sorted(set(by_slug) - {p.slug for p in todo})),
        failed=tuple(sorted(failed, key=lambda f: f.row)),
        stalls=sum(r.stalls for r in results),
        retried=tuple(sorted(r.slug for r in results if r.attempts > 1)),
        seconds=seconds,
    )


def format_report(report: BuildReport) -> str:
    """The summary printed at the end of ``offerkit build``."""
    lines = [
        f"Built {len(report.built)}, skipped {len(report.skipped)} (unchanged), failed "
        f"{len(report.failed)} in {report.seconds:.1f} s → {report.out}",
    ]
    if report.stalls:
        lines.append(
            f"Stalls (a cell reached the timeout): {report.stalls}; retried once: "
            f"{', '.join(report.retried) or 'none'}"
        )
    for failure in report.failed:
        lines.append(f"FAILED {failure.slug} (roster row {failure.row}): {failure.reason}")
    if report.failed:
        lines.append(
            "Fix the cause and run the same command again: finished participants are skipped."
        )
    return "\n".join(lines)
