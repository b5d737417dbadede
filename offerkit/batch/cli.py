"""The ``offerkit build`` sub-command: arguments, and the call into :mod:`.build`.

Importing this module is cheap (no papermill, nbclient or dask): ``offerkit --help``
stays fast; the heavy modules are imported when the command runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from offerkit.batch.roster import RosterLimits
from offerkit.errors import BuildEnvironmentError
from offerkit.resources import example_roster

__all__ = ["DEFAULT_ROSTER", "EXIT_STATUSES", "add_build_arguments", "run_build"]

EXIT_STATUSES = """\
exit status:
  0    every participant was built (or was unchanged and skipped)
  1    some participants failed; the others were built (the summary names each failure)
  2    bad input: the roster or the options (every problem listed; nothing was written)
  3    the environment: --out is a file or cannot be written, the disk is full, another
       build holds --out, or the Dask scheduler did not answer (one line says which)
  130  interrupted by Ctrl-C; 143: terminated by SIGTERM (finished participants kept,
       nothing half-written; run the same command again to finish)
"""

DEFAULT_ROSTER = example_roster()  # in the package: found from any folder


def _whole_number(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 1 (got {text!r})")
    return int(text)


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds > 0 (got {text!r})")
    return value


def add_build_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``build`` sub-command's arguments to ``parser``."""
    parser.add_argument(
        "roster",
        nargs="?",
        type=Path,
        default=DEFAULT_ROSTER,
        help="CSV (UTF-8) or YAML roster, one participant per row (default: the bundled "
        "example, data/roster-example.csv)",
    )
    parser.add_argument(
        "--out", type=Path, default=Path("build"), help="output folder (default: build/)"
    )
    parser.add_argument(
        "--lessons",
        default=None,
        metavar="01,03,…",
        help="only these lessons (lesson 00, the profile, is always included)",
    )
    parser.add_argument(
        "--jobs",
        type=_whole_number,
        default=os.cpu_count() or 1,
        help="participants built in parallel (default: the number of CPUs)",
    )
    parser.add_argument("--html", action="store_true", help="also write HTML handouts")
    parser.add_argument(
        "--pdf",
        action="store_true",
        help="also write a printable PDF of each handout (needs Debian's Chromium and "
        "Playwright; OFFERKIT_CHROMIUM names another Chromium)",
    )
    parser.add_argument(
        "--force", action="store_true", help="rebuild every participant, even unchanged ones"
    )
    parser.add_argument(
        "--timeout",
        type=_whole_number,
        default=60,
        help="seconds a cell may run before it counts as a stall (retried once; default 60)",
    )
    parser.add_argument(
        "--dask",
        default=None,
        metavar="SCHEDULER_ADDRESS",
        help="run on a Dask cluster (e.g. tcp://10.0.0.5:8786) instead of local processes",
    )
    parser.add_argument(
        "--connect-timeout",
        type=_positive_seconds,
        default=10.0,
        metavar="SECONDS",
        help="with --dask: seconds to wait for the scheduler to answer (default 10)",
    )
    parser.add_argument(
        "--audience",
        choices=("learners", "instructors"),
        default="learners",
        help="learners (default): the learner build of each lesson, without cells tagged "
        "instructor or solution; instructors: the full lessons",
    )
    parser.add_argument(
        "--prune",
        action="store_true",
        help="remove the files the build made for participants no longer in the roster "
        "(without it they are only reported)",
    )
    parser.add_argument(
        "--max-rows",
        type=_whole_number,
        default=RosterLimits.max_rows,
        help=f"most participants a roster may hold (default {RosterLimits.max_rows:,})",
    )
    parser.add_argument(
        "--max-roster-mb",
        type=_whole_number,
        default=RosterLimits.max_bytes // 1_000_000,
        metavar="MB",
        help=f"largest roster file read (default {RosterLimits.max_bytes // 1_000_000} MB)",
    )
    parser.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress bars (they are shown only when stderr is a terminal anyway)",
    )
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EXIT_STATUSES


def run_build(args: argparse.Namespace) -> int:
    """Build the workbooks; the exit status is one of :data:`EXIT_STATUSES`."""
    # jsonschema (imported by nbformat) imports rfc3987_syntax, where installed, only to
    # check "iri" string formats, and building its grammar takes about 1.5 s at every start.
    # nbformat validates with no format checker and the build uses jsonschema for nothing
    # else, so the build process skips that import.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]  # None blocks it
    from offerkit.batch import forkserver

    if args.dask is None:
        forkserver.start_early()  # the kernels' imports, while the build does its own
    try:
        return _build(args)
    finally:
        unused = forkserver.claim()  # nothing to run, or the build stopped early
        if unused is not None:
            unused.close()


def _build(args: argparse.Namespace) -> int:
    from offerkit.batch.build import BuildOptions, build_workbooks, format_report
    from offerkit.batch.plan import parse_lesson_ids
    from offerkit.batch.signals import BuildTerminated

    options = BuildOptions(
        roster=args.roster,
        out=args.out,
        lessons=parse_lesson_ids(args.lessons),
        jobs=args.jobs,
        html=args.html,
        pdf=args.pdf,
        force=args.force,
        timeout=args.timeout,
        dask=args.dask,
        progress=not args.no_progress and sys.stderr.isatty(),  # bars only on a terminal
        audience=args.audience,
        prune=args.prune,
        connect_timeout=args.connect_timeout,
        limits=RosterLimits(max_rows=args.max_rows, max_bytes=args.max_roster_mb * 1_000_000),
    )
    try:
        report = build_workbooks(options)
    except BuildEnvironmentError as exc:
        print(f"offerkit build: error: {exc}", file=sys.stderr)
        return 3
    except BuildTerminated:
        print(
            "offerkit build: terminated (SIGTERM); finished participants were kept, nothing "
            "is half-written: run the same command again to finish",
            file=sys.stderr,
        )
        return 143
    print(format_report(report))
    return 0 if report.ok else 1
