"""Benchmark: ``offerkit build --jobs 2`` against a naive papermill loop (not a test).

Builds an N-participant roster (default 30, derived from data/roster-example.csv) with
the full lesson sequence in notebooks/ two ways, each in its own child process so their
memory is measured apart:

(a) naive: one ``papermill.execute_notebook`` call per participant and lesson, serially
    (a new kernel and fresh imports every time);
(b) ``offerkit build --jobs 2`` (the library call the CLI makes).

Prints both wall times, the ratio, peak memory, and the per-notebook marginal cost of (b)
against the notebooks' own cell execution time (papermill's cell timings)::

    python benchmarks/bench_build.py                  # 30 participants
    python benchmarks/bench_build.py --participants 6 # a quick run

Peak memory: ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` of each child process
tree (the largest single process that ended, i.e. one kernel or worker), plus the peak
total RSS of the whole tree sampled every 0.1 s with psutil.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "roster-example.csv"


def make_roster(path: Path, count: int) -> Path:
    """``count`` participants cycling through the example roster, with unique ids."""
    with EXAMPLE.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, list(rows[0]))
        writer.writeheader()
        for i in range(count):
            writer.writerow({**rows[i % len(rows)], "learner_id": f"p{i:03d}"})
    return path


def run_naive(roster: Path, out: Path) -> dict[str, float]:
    """(a): papermill.execute_notebook per participant and lesson, one after another."""
    import papermill

    from offerkit.batch.plan import build_parameters, select_lessons
    from offerkit.batch.roster import read_roster

    lessons = select_lessons(ROOT / "notebooks")
    started = time.perf_counter()
    failed = 0
    for person in read_roster(roster):
        folder = out / person.slug
        folder.mkdir(parents=True, exist_ok=True)
        for lesson in lessons:
            try:
                papermill.execute_notebook(
                    str(ROOT / "notebooks" / lesson.name),
                    str(folder / lesson.name),
                    parameters=build_parameters(person.parameters),
                    progress_bar=False,
                    execution_timeout=60,
                    kernel_name="python3",
                )
            except papermill.PapermillExecutionError:
                failed += 1  # like the build: stop this participant at its failing lesson
                break
    return {"seconds": time.perf_counter() - started, "failed": float(failed)}


def run_offerkit(roster: Path, out: Path) -> dict[str, float]:
    """(b): the build the CLI runs, with two workers."""
    from offerkit.batch.build import BuildOptions, build_workbooks, format_report

    started = time.perf_counter()
    report = build_workbooks(BuildOptions(roster, out, jobs=2, progress=False))
    seconds = time.perf_counter() - started
    if not report.ok:
        print(format_report(report), file=sys.stderr)
    return {"seconds": seconds, "failed": float(len(report.failed))}


def cell_seconds(out: Path) -> tuple[int, float]:
    """How many notebooks are under ``out`` and the sum of their cells' own run times."""
    count, total = 0, 0.0
    for path in out.rglob("*.ipynb"):
        nb = json.loads(path.read_text(encoding="utf-8"))
        count += 1
        total += sum(
            float(c.get("metadata", {}).get("papermill", {}).get("duration") or 0.0)
            for c in nb["cells"]
            if c["cell_type"] == "code"
        )
    return count, total


def child(mode: str, roster: Path, out: Path) -> None:
    """Run one approach in this (child) process and print its figures as JSON."""
    result = run_naive(roster, out) if mode == "naive" else run_offerkit(roster, out)
    result["children_maxrss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result["self_maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(mode: str, roster: Path, out: Path) -> dict[str, float]:
    """Run ``mode`` in a child process, sampling the tree's total RSS."""
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", mode, str(roster), str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = [0.0]

    def sample() -> None:
        root = psutil.Process(process.pid)
        while process.poll() is None:
            try:
                tree = [root, *root.children(recursive=True)]
                peak[0] = max(peak[0], sum(p.memory_info().rss for p in tree) / 2**20)
            except psutil.Error:
                pass  # a process ended between listing and reading it
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    sampler.join()
    noise = "without encryption"  # papermill's kernels use TCP; ipykernel 7 warns each start
    for line in stderr.splitlines():
        if noise not in line and "Use IPC transport" not in line:
            print(line, file=sys.stderr)
    result: dict[str, float] = json.loads(stdout.strip().splitlines()[-1])
    result["tree_peak_mb"] = peak[0]
    result["notebooks"], result["cell_seconds"] = cell_seconds(out)
    return result


def report(naive: dict[str, float], fast: dict[str, float], participants: int) -> None:
    """Print the comparison."""
    ratio = naive["seconds"] / fast["seconds"]
    print(f"participants: {participants}, notebooks per approach: {int(fast['notebooks'])}")
    for name, r in (("(a) naive papermill loop", naive), ("(b) offerkit build --jobs 2", fast)):
        per = r["seconds"] / max(r["notebooks"], 1)
        cells = r["cell_seconds"] / max(r["notebooks"], 1)
        print(
            f"{name}: {r['seconds']:.1f} s wall; {per:.2f} s per notebook vs {cells:.2f} s "
            f"of the notebook's own cells (overhead {per - cells:+.2f} s); peak memory: "
            f"largest process {r['children_maxrss_mb']:.0f} MB (getrusage children), "
            f"whole tree {r['tree_peak_mb']:.0f} MB (psutil)"
        )
    print(f"participants that failed: (a) {naive['failed']:.0f}, (b) {fast['failed']:.0f}")
    print(f"speed-up (a)/(b): {ratio:.1f}x (goal: at least 4x)")
    marginal = 2 * fast["seconds"] / max(fast["notebooks"], 1)
    print(
        f"(b) marginal cost per notebook per worker: {marginal:.2f} s "
        f"(2 workers × wall / notebooks) vs {fast['cell_seconds'] / max(fast['notebooks'], 1):.2f}"
        " s of its own cells"
    )


def main() -> None:
    """Parse arguments; run both approaches (or one, in ``--child`` mode)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument(
        "--child", nargs=3, metavar=("MODE", "ROSTER", "OUT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    with tempfile.TemporaryDirectory(prefix="offerkit-bench-") as folder:
        work = Path(folder)
        roster = make_roster(work / "roster.csv", args.participants)
        fast = measure("offerkit", roster, work / "offerkit")
        naive = measure("naive", roster, work / "naive")
        report(naive, fast, args.participants)


if __name__ == "__main__":
    main()
