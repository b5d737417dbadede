"""The ``offerkit build`` sub-command: arguments, and the call into :mod:`.build`.

Importing this module is cheap (no papermill, nbclient or dask): ``offerkit --help``
stays fast; the heavy modules are imported when the command runs.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

__all__ = ["DEFAULT_ROSTER", "add_build_arguments", "run_build"]

DEFAULT_ROSTER = Path(__file__).resolve().parents[2] / "data" / "roster-example.csv"


def _whole_number(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 1 (got {text!r})")
    return int(text)


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
    parser.add_argument("--no-progress", action="store_true", help="no progress bars")


def run_build(args: argparse.Namespace) -> int:
    """Build the workbooks; 0 if every participant was built, 1 if any failed."""
    from offerkit.batch.build import BuildOptions, build_workbooks, format_report
    from offerkit.batch.plan import parse_lesson_ids

    options = BuildOptions(
        roster=args.roster,
        out=args.out,
        lessons=parse_lesson_ids(args.lessons),
        jobs=args.jobs,
        html=args.html,
        force=args.force,
        timeout=args.timeout,
        dask=args.dask,
        progress=not args.no_progress,
    )
    report = build_workbooks(options)
    print(format_report(report))
    return 0 if report.ok else 1
