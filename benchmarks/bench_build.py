"""Benchmark: ``offerkit build`` against the scripts an instructor would write (not a test).

On one roster (N participants cycling through data/roster-example.csv) and the full
learner build of notebooks/, in one invocation, each approach in its own child process:

(a) naive: ``papermill.execute_notebook`` per participant and lesson, one after another;
(b) pool: the same calls in a ``concurrent.futures.ProcessPoolExecutor(J)``;
(c) ``offerkit build --jobs J`` (the command, as an instructor runs it);
(d) the limit: the lessons' own cell times (papermill's per-cell durations in (c)'s
    workbooks) divided by the J workers — what no overhead at all would cost.

For each it prints the wall time, the time to the first finished workbook (from the start
of the command to the first ``.ipynb`` in the output folder whose run has ended), and the
peak memory of the whole process tree (PSS, which counts shared pages once; RSS summed
over processes overstates forked ones), then the ratios::

    python benchmarks/bench_build.py --participants 6 --jobs 2
    python benchmarks/bench_build.py --participants 30 --approaches naive,offerkit
    python benchmarks/bench_build.py --memory 30,300      # (c) only: memory and time per size
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "roster-example.csv"
APPROACHES = ("naive", "pool", "offerkit")


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


def _tasks(roster: Path, out: Path) -> list[tuple[str, str, dict[str, object]]]:
    """(input, output, parameters) for every participant and lesson."""
    from offerkit.batch.plan import build_parameters, select_lessons
    from offerkit.batch.roster import read_roster

    lessons = select_lessons(ROOT / "notebooks")
    tasks = []
    for person in read_roster(roster):
        (out / person.slug).mkdir(parents=True, exist_ok=True)
        for lesson in lessons:
            source = str(ROOT / "notebooks" / lesson.name)
            target = str(out / person.slug / lesson.name)
            tasks.append((source, target, build_parameters(person.parameters)))
    return tasks


def _papermill(task: tuple[str, str, dict[str, object]]) -> None:
    import papermill

    source, target, parameters = task
    papermill.execute_notebook(
        source,
        target,
        parameters=parameters,
        progress_bar=False,
        execution_timeout=60,
        kernel_name="python3",
    )


def run_naive(roster: Path, out: Path, jobs: int) -> None:
    """(a): one papermill call after another."""
    for task in _tasks(roster, out):
        _papermill(task)


def run_pool(roster: Path, out: Path, jobs: int) -> None:
    """(b): papermill calls in a process pool of ``jobs`` workers."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_papermill, _tasks(roster, out)))


def command(mode: str, roster: Path, out: Path, jobs: int) -> list[str]:
    """The child process for ``mode``: offerkit's own command line, or this file's."""
    if mode == "offerkit":
        return [sys.executable, "-m", "offerkit", "build", str(roster), "--out", str(out),
                "--jobs", str(jobs), "--no-progress"]  # fmt: skip
    return [sys.executable, __file__, "--child", mode, str(roster), str(out), str(jobs)]


def _pss(process: psutil.Process) -> float:
    try:
        return float(process.memory_full_info().pss)
    except (psutil.AccessDenied, AttributeError):  # not Linux, or not ours
        return float(process.memory_info().rss)


def _finished(path: Path) -> bool:
    """``path`` is a whole executed workbook (papermill writes its output file as it
    starts and after every cell; only a finished run records an end time)."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # being written
        return False
    return bool(nb.get("metadata", {}).get("papermill", {}).get("end_time"))


def measure(mode: str, roster: Path, out: Path, jobs: int) -> dict[str, float]:
    """Run ``mode`` in a child process; wall time, first workbook, peak PSS and RSS."""
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    process = subprocess.Popen(
        command(mode, roster, out, jobs), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    figures = {"pss_mb": 0.0, "rss_mb": 0.0, "first_s": float("nan")}

    def sample() -> None:
        root = psutil.Process(process.pid)
        while process.poll() is None:
            try:
                tree = [root, *root.children(recursive=True)]
                pss = sum(_pss(p) for p in tree) / 2**20
                rss = sum(p.memory_info().rss for p in tree) / 2**20
            except psutil.Error:
                continue  # a process ended between listing and reading it
            figures["pss_mb"] = max(figures["pss_mb"], pss)
            figures["rss_mb"] = max(figures["rss_mb"], rss)
            time.sleep(0.2)

    def first() -> None:
        while process.poll() is None:
            if any(_finished(path) for path in out.rglob("*.ipynb")):
                figures["first_s"] = time.perf_counter() - started
                return
            time.sleep(0.05)

    threads = [threading.Thread(target=f, daemon=True) for f in (sample, first)]
    for thread in threads:
        thread.start()
    _, stderr = process.communicate()
    figures["seconds"] = time.perf_counter() - started
    for thread in threads:
        thread.join()
    if process.returncode:
        print(f"{mode} exited {process.returncode}:\n{stderr[-2000:]}", file=sys.stderr)
    figures["notebooks"], figures["cell_seconds"] = cell_seconds(out)
    return figures


def cell_seconds(out: Path) -> tuple[float, float]:
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
    return float(count), total


def compare(participants: int, jobs: int, approaches: list[str], work: Path) -> None:
    """(a)–(d) on one roster, printed side by side with the ratios."""
    roster = make_roster(work / "roster.csv", participants)
    results = {mode: measure(mode, roster, work / mode, jobs) for mode in approaches}
    print(f"participants: {participants}, --jobs {jobs}, cores: {os.cpu_count()}")
    for mode, r in results.items():
        per = r["seconds"] / max(r["notebooks"], 1)
        print(
            f"{mode:>9}: {r['seconds']:6.1f} s wall, first workbook {r['first_s']:5.1f} s, "
            f"{int(r['notebooks'])} notebooks ({per:.2f} s each), peak memory "
            f"{r['pss_mb']:.0f} MB PSS ({r['rss_mb']:.0f} MB RSS summed)"
        )
    fast = results.get("offerkit")
    if fast is None:
        return
    limit = fast["cell_seconds"] / jobs
    cells = fast["cell_seconds"]
    print(f"    limit: {limit:6.1f} s (the lessons' own cells, {cells:.1f} s, / {jobs})")
    for mode in ("naive", "pool"):
        if mode in results:
            ratio = results[mode]["seconds"] / fast["seconds"]
            print(f"offerkit vs {mode}: {ratio:.1f}x faster")
    print(f"offerkit vs the limit: {fast['seconds'] / limit:.2f}x the limit")


def memory(sizes: list[int], jobs: int, work: Path) -> None:
    """(c) alone at each size: wall time per participant and peak memory of the tree."""
    print(f"offerkit build --jobs {jobs}, cores: {os.cpu_count()}")
    for size in sizes:
        roster = make_roster(work / f"roster-{size}.csv", size)
        r = measure("offerkit", roster, work / f"out-{size}", jobs)
        print(
            f"{size:>5} participants: {r['seconds']:7.1f} s wall "
            f"({r['seconds'] / size:.2f} s per participant), peak memory {r['pss_mb']:.0f} MB "
            f"PSS ({r['rss_mb']:.0f} MB RSS summed), {int(r['notebooks'])} notebooks"
        )


def main() -> None:
    """Parse arguments; compare the approaches, or measure memory per size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=6, help="roster size (default 6)")
    parser.add_argument("--jobs", type=int, default=2, help="workers for (b)-(d) (default 2)")
    parser.add_argument(
        "--approaches",
        default=",".join(APPROACHES),
        help="comma-separated subset of naive,pool,offerkit (default: all three)",
    )
    parser.add_argument(
        "--memory", metavar="SIZES", help="e.g. 30,300: offerkit build alone at each size"
    )
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, roster, out, jobs = args.child
        {"naive": run_naive, "pool": run_pool}[mode](Path(roster), Path(out), int(jobs))
        return
    with tempfile.TemporaryDirectory(prefix="offerkit-bench-") as folder:
        if args.memory:
            memory([int(n) for n in args.memory.split(",")], args.jobs, Path(folder))
        else:
            chosen = [a for a in args.approaches.split(",") if a]
            unknown = set(chosen) - set(APPROACHES)
            if unknown:
                parser.error(f"unknown approaches: {', '.join(sorted(unknown))}")
            compare(args.participants, args.jobs, chosen, Path(folder))


if __name__ == "__main__":
    main()
