"""The labelled corpus of messages to HR (tests/data/checker_corpus.csv) and its scores.

Shared by tests/test_rules_checker.py and benchmarks/bench_checker.py. Each row is one
message a learner might send in an offer conversation, with the context the checker needs
(previous pay as the learner gave it, other offers held) and its label: ``clean`` or the
problems it has, joined by ``+``. ``split`` says how far a row is from what the rules were
tuned on: ``dev`` (tuned on), ``test`` (written with dev before the checker, but read while
the rules were written), ``blind`` and ``blind2`` (each written after a freeze of the rules,
scored once as they stood, then their misses shaped the rules) and ``blind3`` (written after
the third freeze: the unseen measure).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from offerkit.rules.checker import PROBLEMS, check_message

CORPUS = Path(__file__).resolve().parent / "data" / "checker_corpus.csv"
SPLITS = ("dev", "test", "blind", "blind2", "blind3")


@dataclass(frozen=True)
class Row:
    """One labelled message."""

    id: int
    split: str
    labels: frozenset[str]
    previous_pay: str
    offers_held: int | None
    currency: str
    message: str


def load_corpus(path: Path = CORPUS) -> tuple[Row, ...]:
    """Every row of the corpus; labels are checked against the checker's problems."""
    with path.open(encoding="utf-8", newline="") as stream:
        rows = tuple(
            Row(
                int(raw["id"]),
                raw["split"],
                frozenset(raw["label"].split("+")) - {"clean"},
                raw["previous_pay"],
                int(raw["offers_held"]) if raw["offers_held"] else None,
                raw["currency"],
                raw["message"],
            )
            for raw in csv.DictReader(stream)
        )
    unknown = {label for row in rows for label in row.labels} - set(PROBLEMS)
    if unknown:
        raise ValueError(f"unknown labels in {path.name}: {sorted(unknown)}")
    return rows


def checker_kinds(row: Row) -> frozenset[str]:
    """The kinds of problem the checker finds in one row's message, with its context."""
    report = check_message(
        row.message,
        previous_pay=row.previous_pay or None,
        offers_held=row.offers_held,
        currency=row.currency,
    )
    return frozenset(report.kinds)


@dataclass(frozen=True)
class Score:
    """Counts for one problem (or for 'flag or not') and the precision and recall they give."""

    true_pos: int
    false_pos: int
    false_neg: int

    @property
    def precision(self) -> float:
        """Of the rows flagged, the share that had the problem (1.0 when none flagged)."""
        flagged = self.true_pos + self.false_pos
        return self.true_pos / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        """Of the rows with the problem, the share flagged (1.0 when none had it)."""
        actual = self.true_pos + self.false_neg
        return self.true_pos / actual if actual else 1.0


def score(
    rows: Iterable[Row],
    predict: Callable[[Row], frozenset[str]] = checker_kinds,
    kinds: Sequence[str] = tuple(PROBLEMS),
) -> dict[str, Score]:
    """'flag' (flag or not) and one :class:`Score` per problem kind."""
    counts = {name: [0, 0, 0] for name in ("flag", *kinds)}
    for row in rows:
        found = predict(row)
        pairs = [("flag", bool(row.labels), bool(found))]
        pairs += [(kind, kind in row.labels, kind in found) for kind in kinds]
        for name, actual, flagged in pairs:
            slot = 0 if actual and flagged else 1 if flagged else 2 if actual else -1
            if slot >= 0:
                counts[name][slot] += 1
    return {name: Score(*tally) for name, tally in counts.items()}
