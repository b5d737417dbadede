"""``offerkit build``: a roster in, one executed workbook per participant and lesson out.

Reading :func:`build_workbooks` top-down is the pipeline: read and check the whole roster
(nothing is written if it has problems) → choose the lessons (the learner build unless
``--audience instructors``) → check and lock the output folder → skip participants whose
keyed hash matches and whose files are intact → run the rest (local pool or Dask) → as each
participant finishes, stage its files under temporary names and rename the complete set in
(a failing rebuild keeps the previous good workbooks; with ``--pdf`` each handout is
printed by one Chromium started for the build) → ``index.html`` → report.
Participants no longer in the roster are reported, and their files removed with ``prune``.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from offerkit import __version__
from offerkit.batch.folder import (
    Staging,
    build_lock,
    folder_secret,
    keyed_hash,
    open_output_folder,
    remove_temporaries,
)
from offerkit.batch.jobs import ParticipantJob, ParticipantResult
from offerkit.batch.outputs import (
    load_manifest,
    owned_file,
    safe_path,
    write_index,
    write_manifest,
)
from offerkit.batch.plan import build_parameters, participant_hash, select_lessons
from offerkit.batch.pool import run_dask, run_local
from offerkit.batch.progress import progress_bars
from offerkit.batch.roster import Participant, RosterLimits, read_roster
from offerkit.batch.signals import critical, interrupts_as_exceptions
from offerkit.errors import BuildEnvironmentError, PublishError
from offerkit.publish.pdf import PdfPrinter

__all__ = [
    "BuildOptions",
    "BuildReport",
    "Failure",
    "build_workbooks",
    "format_report",
    "join_parts",
    "split_first",
]


@dataclass(frozen=True)
class BuildOptions:
    """What ``offerkit build`` was asked to do."""

    roster: Path
    out: Path
    lessons: tuple[str, ...] | None = None
    jobs: int = 0  # 0 = one per CPU
    html: bool = False
    pdf: bool = False  # a printed handout per workbook (Chromium through Playwright)
    force: bool = False
    timeout: int = 60
    dask: str | None = None
    lessons_dir: Path | None = None
    progress: bool = True
    audience: str = "learners"
    prune: bool = False
    connect_timeout: float = 10.0
    limits: RosterLimits = field(default_factory=RosterLimits)


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
    gone: tuple[str, ...] = ()  # in the manifest, no longer in the roster
    pruned: bool = False  # and their files were removed
    kept: tuple[str, ...] = ()  # failed, previous good workbooks kept

    @property
    def ok(self) -> bool:
        """True when no participant failed."""
        return not self.failed


class _Writer:
    """Writes each finished participant's files and the manifest, and keeps the tally."""

    def __init__(
        self,
        out: Path,
        key: bytes,
        about: dict[str, Any],
        hashes: dict[str, str],
        printer: PdfPrinter | None = None,
    ):
        self.out, self.key, self.about, self.hashes = out, key, about, hashes
        self.html, self.printer = bool(about.get("html")), printer
        self.entries = load_manifest(out)
        self.results: list[ParticipantResult] = []

    def intact(self, slug: str, entry: Mapping[str, Any]) -> bool:
        """Every file of ``entry`` is there with the bytes the build wrote."""
        files = entry.get("files", {})
        return bool(files) and all(
            owned_file(self.out, slug, str(name), digest, self.key) is not None
            for name, digest in files.items()
        )

    def unchanged(self, slug: str) -> bool:
        """``slug`` was built from the same inputs and its files are intact."""
        entry = self.entries.get(slug)
        if not entry or entry.get("status") != "ok" or entry.get("hash") != self.hashes[slug]:
            return False
        return self.intact(slug, entry)

    def remove_owned(self, slug: str, names: set[str], files: Mapping[str, Any]) -> None:
        """Delete those of ``names`` the build made for ``slug`` and nobody changed."""
        for name in names:
            path = owned_file(self.out, slug, name, files.get(name), self.key)
            if path is not None:
                path.unlink(missing_ok=True)

    def __call__(self, result: ParticipantResult) -> None:
        slug = result.slug
        previous = self.entries.get(slug, {})
        record = {
            "status": result.status,
            "seconds": round(result.seconds, 3),
            "attempts": result.attempts,
            "stalls": result.stalls,
            "failure": result.failure.describe() if result.failure else None,
        }
        if result.status != "ok" and previous.get("good") and self.intact(slug, previous):
            entry = {"hash": None, "files": previous["files"], "good": True, "kept_previous": True}
            with critical():
                self.entries[slug] = {**entry, **record}
                write_manifest(self.out, self.entries, self.about)
            self.results.append(_slim(result))
            return
        staging = Staging()
        files: dict[str, str] = {}
        for name, data in _files(result, self.html, self.printer):
            staging.stage(safe_path(self.out, slug, name), data)
            files[f"{slug}/{name}"] = keyed_hash(self.key, data)
        with critical():
            staging.commit()
            old = previous.get("files", {})
            self.remove_owned(slug, set(map(str, old)) - set(files), old)
            ok = result.status == "ok"
            entry = {"hash": self.hashes[slug] if ok else None, "files": files, "good": ok}
            self.entries[slug] = {**entry, **record}
            write_manifest(self.out, self.entries, self.about)
        self.results.append(_slim(result))

    def prune(self, slug: str) -> None:
        """Remove what the build made for ``slug`` (a participant who left the roster);
        files someone else put or changed in that folder are kept, and so is the folder."""
        entry = self.entries.pop(slug)
        files = entry.get("files", {})
        with critical():
            self.remove_owned(slug, set(map(str, files)), files)
            folder = self.out / slug
            if folder.is_dir() and not folder.is_symlink() and not any(folder.iterdir()):
                folder.rmdir()
            write_manifest(self.out, self.entries, self.about)


def _slim(result: ParticipantResult) -> ParticipantResult:
    """``result`` without its workbook texts (written by now): what the report needs, so
    memory stays flat however large the cohort."""
    return replace(result, notebooks=())


def _files(
    result: ParticipantResult, html: bool, printer: PdfPrinter | None
) -> list[tuple[str, bytes]]:
    """A participant's files: each workbook, its handout with ``html``, printed with a
    ``printer``."""
    files = []
    for notebook in result.notebooks:
        files.append((notebook.name, notebook.ipynb.encode("utf-8")))
        stem = notebook.name.removesuffix(".ipynb")
        if notebook.html is not None and html:
            files.append((f"{stem}.html", notebook.html.encode("utf-8")))
        if notebook.html is not None and printer is not None:
            files.append((f"{stem}.pdf", _printed(printer, notebook.html)))
    return files


def _printed(printer: PdfPrinter, page: str) -> bytes:
    """``page`` printed to PDF (in a private temporary folder), as bytes to stage."""
    with tempfile.TemporaryDirectory(prefix="offerkit-pdf-") as folder:
        target = Path(folder) / "handout.pdf"
        try:
            printer.print_html(page, target)
        except PublishError as exc:
            raise BuildEnvironmentError(f"--pdf: {exc}") from None
        return target.read_bytes()


@contextmanager
def _pdf_printer(pdf: bool) -> Iterator[PdfPrinter | None]:
    """One Chromium for the whole build with ``pdf`` (None without); a missing browser is
    an environment error (exit status 3), found before any participant runs."""
    if not pdf:
        yield None
        return
    printer = PdfPrinter()
    try:
        printer.__enter__()
    except PublishError as exc:
        raise BuildEnvironmentError(f"--pdf: {exc}") from None
    try:
        yield printer
    finally:
        printer.__exit__(None, None, None)


def _jobs(options: BuildOptions, todo: list[Participant], lessons: Any) -> list[ParticipantJob]:
    return [
        ParticipantJob(
            p.slug,
            build_parameters(p.parameters),
            lessons,
            options.timeout,
            options.html or options.pdf,
        )
        for p in todo
    ]


def build_workbooks(options: BuildOptions) -> BuildReport:
    """Build the workbooks (see the module docstring); return the report."""
    started = time.perf_counter()
    participants = read_roster(options.roster, options.limits)
    lessons = select_lessons(options.lessons_dir, options.lessons, options.audience)
    out = open_output_folder(options.out)
    with build_lock(out), interrupts_as_exceptions(), _pdf_printer(options.pdf) as printer:
        remove_temporaries(out)
        key = folder_secret(out)
        hashes = {
            p.slug: participant_hash(
                build_parameters(p.parameters),
                lessons,
                html=options.html,
                key=key,
                audience=options.audience,
                pdf=options.pdf,
            )
            for p in participants
        }
        about = {
            "offerkit": __version__,
            "lessons": [lesson.name for lesson in lessons],
            "html": options.html,
            "pdf": options.pdf,
            "audience": options.audience,
        }
        writer = _Writer(out, key, about, hashes, printer)
        gone = tuple(sorted(set(writer.entries) - set(hashes)))
        if options.prune:
            for slug in gone:
                writer.prune(slug)
        todo = [p for p in participants if options.force or not writer.unchanged(p.slug)]
        _run(options, _jobs(options, todo, lessons), writer)
        write_index(out, [(p.slug, p.name) for p in participants], writer.entries)
    report = _report(options, participants, todo, writer.results, time.perf_counter() - started)
    kept = tuple(s for s in sorted(hashes) if writer.entries.get(s, {}).get("kept_previous"))
    return BuildReport(
        **{**report.__dict__, "gone": gone, "pruned": options.prune, "kept": kept},
    )


def split_first(jobs: list[ParticipantJob], workers: int) -> list[ParticipantJob]:
    """``jobs`` with the first participant's lessons shared among the ``workers`` (each
    part in a fresh kernel of its own), so the first workbook is ready in a fraction of a
    participant's time; the others stay whole. Lessons never share state (each one starts
    from a reset kernel), so parts are as good as one run."""
    if workers < 2 or not jobs or len(jobs[0].lessons) < 2:
        return jobs
    first, count = jobs[0], min(workers, len(jobs[0].lessons))
    size, extra = divmod(len(first.lessons), count)
    parts, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        parts.append(replace(first, lessons=first.lessons[start:end], part=(index, count)))
        start = end
    return [*parts, *jobs[1:]]


def join_parts(parts: list[ParticipantResult]) -> ParticipantResult:
    """One participant's result from its parts, in lesson order, as one run would have
    ended: the lessons after a failing lesson are dropped."""
    parts = sorted(parts, key=lambda r: r.part[0])
    notebooks: list[Any] = []
    failure = None
    for part in parts:
        notebooks += part.notebooks
        if part.status != "ok":
            failure = part.failure
            break
    return ParticipantResult(
        slug=parts[0].slug,
        status="ok" if failure is None else "failed",
        notebooks=tuple(notebooks),
        failure=failure,
        attempts=max(p.attempts for p in parts),
        stalls=sum(p.stalls for p in parts),
        seconds=max(p.seconds for p in parts),
        stall_notes=tuple(note for p in parts for note in p.stall_notes),
    )


def _run(options: BuildOptions, jobs: list[ParticipantJob], writer: _Writer) -> None:
    overall, on_progress = progress_bars(options.progress, len(jobs))
    waiting: dict[str, list[ParticipantResult]] = {}  # parts of a participant so far

    def on_result(result: ParticipantResult) -> None:
        if result.part[1] > 1:
            parts = waiting.setdefault(result.slug, [])
            parts.append(result)
            if len(parts) < result.part[1]:
                return
            result = join_parts(waiting.pop(result.slug))
        writer(result)
        on_progress("done", result.slug, "")

    try:
        if options.dask:
            run_dask(jobs, options.dask, on_result, options.connect_timeout)
        else:
            workers = options.jobs or os.cpu_count() or 1
            run_local(split_first(jobs, workers), workers, on_result, on_progress)
    finally:
        for bar in overall:
            bar.close()


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
        kept = " (their previous workbooks were kept)" if failure.slug in report.kept else ""
        lines.append(f"FAILED {failure.slug} (roster row {failure.row}): {failure.reason}{kept}")
    if report.gone and report.pruned:
        lines.append(f"Removed (no longer in the roster): {', '.join(report.gone)}")
    elif report.gone:
        lines.append(
            f"No longer in the roster: {', '.join(report.gone)}; their folders were kept "
            "(--prune removes the files the build made for them)"
        )
    if report.failed:
        lines.append(
            "Fix the cause and run the same command again: finished participants are skipped."
        )
    return "\n".join(lines)
