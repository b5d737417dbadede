"""Benchmark: the message checker on the labelled corpus (not a test).

Scores :func:`offerkit.rules.checker.check_message` on ``tests/data/checker_corpus.csv``
and prints, for each split and for all rows, precision and recall for "flag or not" and for
each problem, with the counts behind them::

    python benchmarks/bench_checker.py            # the table
    python benchmarks/bench_checker.py --misses   # also every row the checker gets wrong

Splits: ``dev`` (the rules were tuned on it), ``test`` (written with dev before the checker,
but read while the rules were written, so not blind), ``blind`` and ``blind2`` (each
written after a freeze of the rules and scored once as they stood; their misses then shaped
the rules) and ``blind3`` (written after the third freeze: the unseen measure). The goal
for "flag or not" is precision ≥ 0.90 and recall ≥ 0.85.

When vaderSentiment is installed, a second table shows the rules plus VADER (a lexicon
sentiment scorer: a compound score ≤ -0.3 counts as hostile), to judge by the numbers
whether such a library would earn its place as a dependency.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from checker_corpus import SPLITS, Row, checker_kinds, load_corpus, score  # noqa: E402

GOAL_PRECISION, GOAL_RECALL = 0.90, 0.85


def print_table(
    title: str, rows: tuple[Row, ...], predict: Callable[[Row], frozenset[str]]
) -> None:
    """One block per split (and all rows): flag-or-not first, then each problem."""
    print(f"== {title}")
    groups = [(split, tuple(r for r in rows if r.split == split)) for split in SPLITS]
    for split, part in [*groups, ("all", rows)]:
        print(
            f"-- {split}: {len(part)} messages, {sum(1 for r in part if r.labels)} with a problem"
        )
        print(f"   {'problem':<16} {'precision':>9} {'recall':>7}   tp  fp  fn")
        for name, s in score(part, predict).items():
            shown = "flag or not" if name == "flag" else name
            print(
                f"   {shown:<16} {s.precision:>9.2f} {s.recall:>7.2f}  "
                f"{s.true_pos:>3} {s.false_pos:>3} {s.false_neg:>3}"
            )
        flag = score(part, predict)["flag"]
        met = flag.precision >= GOAL_PRECISION and flag.recall >= GOAL_RECALL
        print(
            f"   goal (precision ≥ {GOAL_PRECISION}, recall ≥ {GOAL_RECALL}): "
            f"{'met' if met else 'NOT met'}"
        )


def print_misses(rows: tuple[Row, ...]) -> None:
    """Every row whose found kinds differ from its labels."""
    print("== rows the checker gets wrong (id, split, labelled, found, message)")
    for row in rows:
        found = checker_kinds(row)
        if found != row.labels:
            labelled = "+".join(sorted(row.labels)) or "clean"
            print(
                f"   {row.id:>3} {row.split:<5} {labelled:<22} "
                f"{'+'.join(sorted(found)) or 'clean':<22} {row.message}"
            )


def vader_predict() -> Callable[[Row], frozenset[str]] | None:
    """The rules plus VADER for hostility, if vaderSentiment is installed."""
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return None
    analyser = SentimentIntensityAnalyzer()

    def predict(row: Row) -> frozenset[str]:
        found = checker_kinds(row)
        if analyser.polarity_scores(row.message)["compound"] <= -0.3:
            found |= {"antagonistic"}
        return found

    return predict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the rows it gets wrong")
    args = parser.parse_args()
    rows = load_corpus()
    start = time.perf_counter()
    for row in rows:
        checker_kinds(row)
    elapsed = time.perf_counter() - start
    print(f"corpus: {len(rows)} messages; checker: {elapsed / len(rows) * 1000:.2f} ms a message")
    print_table("offerkit checker (rules)", rows, checker_kinds)
    vader = vader_predict()
    if vader is None:
        print("== rules + VADER: skipped (pip install vaderSentiment to compare)")
    else:
        print_table("rules + VADER (compound ≤ -0.3 = hostile), for comparison", rows, vader)
    if args.misses:
        print_misses(rows)


if __name__ == "__main__":
    main()
