"""The workshop pulse: anonymised exports merged into a class view, small groups suppressed.

Pure functions, no drawing (charts: :mod:`offerkit.instructor.pulse_charts`; Markdown and
HTML: :mod:`offerkit.instructor.pulse_report`)::

    batch = read_exports([Path("exports")])          # files and folders; bad ones skipped
    pulse = class_pulse(batch.exports, min_group=3, skipped=batch.skipped)

A group (an answer bucket, a goal area…) with fewer than ``min_group`` learners is
*suppressed*: its count is ``None``, shown as "fewer than 3" and never drawn. In a
partition whose total is known, a lone suppressed group could be worked out from the
others, so the next smallest group is suppressed with it. Below ``min_group`` learners in
all, nothing but a notice is shown.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from offerkit.errors import DataFileError, InvalidInputError
from offerkit.instructor.export import read_export
from offerkit.rules.export import EXPORT_SUFFIX, LearnerExport

__all__ = [
    "ASK_BUCKETS",
    "WINDOW_BUCKETS",
    "ClassPulse",
    "ExportBatch",
    "Group",
    "WantRow",
    "class_pulse",
    "read_exports",
]

ASK_BUCKETS = ("≤ 0 %", "0–10 %", "10–20 %", "20–30 %", "> 30 %", "no ask or previous pay")
WINDOW_BUCKETS = ("up to 2 days", "3–4 days", "5–7 days", "more than 7 days", "not set")
STRENGTH_GROUPS = ("soft", "hard", "rare hard", "no strengths saved")
EXCEPTION_GROUPS = ("exceptional", "high-demand", "no exception")


@dataclass(frozen=True)
class ExportBatch:
    """The exports read from the given files and folders, and the files skipped (why)."""

    exports: tuple[LearnerExport, ...]
    skipped: tuple[str, ...]


@dataclass(frozen=True)
class Group:
    """A group of learners; ``count`` is None when it is suppressed."""

    label: str
    count: int | None

    @property
    def suppressed(self) -> bool:
        """True when the group is too small to show."""
        return self.count is None


@dataclass(frozen=True)
class WantRow:
    """A goal area across the class: learners with it in their top 3, its mean weight."""

    area: str
    top3: int | None
    share: float | None  # of all learners
    mean_weight: float | None


@dataclass(frozen=True)
class ClassPulse:
    """The class view. When ``suppressed_all``, every distribution is empty."""

    learners: int
    min_group: int
    wants: tuple[WantRow, ...] = ()
    asks: tuple[Group, ...] = ()
    strengths: tuple[Group, ...] = ()
    exceptions: tuple[Group, ...] = ()
    windows: tuple[Group, ...] = ()
    skipped: tuple[str, ...] = ()

    @property
    def suppressed_all(self) -> bool:
        """True when the whole class is smaller than ``min_group``."""
        return self.learners < self.min_group

    @property
    def notice(self) -> str:
        """What to tell when everything is suppressed (empty otherwise)."""
        if not self.suppressed_all:
            return ""
        return (
            f"Fewer than {self.min_group} learners' exports were read: nothing is shown, so "
            "no one can be singled out. Collect more exports and run the pulse again."
        )


def _export_files(sources: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for source in sources:
        if source.is_dir():
            files += sorted(p for p in source.iterdir() if p.name.endswith(EXPORT_SUFFIX))
        else:
            files.append(source)
    return files


def read_exports(sources: Iterable[Path]) -> ExportBatch:
    """Read the exports in ``sources`` (files, and ``*.offerkit-export.json`` in folders).

    A malformed file, or a second export with a token already seen (the same learner
    exported twice), is skipped and reported by file name; it never stops the others.
    """
    exports: list[LearnerExport] = []
    skipped: list[str] = []
    seen: dict[str, str] = {}
    for path in _export_files(sources):
        try:
            export = read_export(path)
        except DataFileError as exc:
            skipped.append(f"{exc} (skipped)")
            continue
        if export.token in seen:
            skipped.append(f"{path.name}: duplicate of {seen[export.token]} (skipped)")
            continue
        seen[export.token] = path.name
        exports.append(export)
    return ExportBatch(tuple(exports), tuple(skipped))


def _shown(count: int, min_group: int) -> int | None:
    return count if count == 0 or count >= min_group else None


def _partition(labels: Sequence[str], counts: Sequence[int], min_group: int) -> tuple[Group, ...]:
    """Groups of a partition, with the complementary suppression of the module docstring."""
    shown = [_shown(count, min_group) for count in counts]
    if sum(value is None for value in shown) == 1:
        others = [i for i, value in enumerate(shown) if value]
        if others:
            shown[min(others, key=lambda i: counts[i])] = None
    return tuple(Group(label, value) for label, value in zip(labels, shown, strict=True))


def _bucket(value: int | None, edges: Sequence[int], last: int) -> int:
    """Index of the bucket of ``value``: ≤ edges[0], ≤ edges[1]…; ``last`` when None."""
    if value is None:
        return last
    return next((i for i, edge in enumerate(edges) if value <= edge), len(edges))


def _counts(exports: Sequence[LearnerExport], size: int, index: Callable[..., int]) -> list[int]:
    counts = [0] * size
    for export in exports:
        counts[index(export)] += 1
    return counts


def _wants(exports: Sequence[LearnerExport], min_group: int) -> tuple[WantRow, ...]:
    from offerkit.rules.areas import goal_areas

    names = {area.id: area.name for area in goal_areas()}
    rows = []
    for area in sorted({a for export in exports for a in export.weights}):
        top3 = _shown(sum(area in _top3(export) for export in exports), min_group)
        weights = [export.weights.get(area, 0.0) for export in exports]
        having = sum(weight > 0 for weight in weights)  # a mean of fewer would tell too much
        rows.append(
            WantRow(
                names.get(area, area.replace("_", " ")),
                top3,
                None if top3 is None else top3 / len(exports),
                math.fsum(weights) / len(weights) if having >= min_group else None,
            )
        )
    return tuple(sorted(rows, key=lambda row: (-(row.top3 or 0), row.area)))


def _top3(export: LearnerExport) -> tuple[str, ...]:
    ranked = sorted(export.weights.items(), key=lambda item: (-item[1], item[0]))
    return tuple(area for area, weight in ranked[:3] if weight > 0)


def _strength_groups(exports: Sequence[LearnerExport], min_group: int) -> tuple[Group, ...]:
    """Learners with at least one strength of each kind (not a partition)."""
    keys = ("soft", "hard", "rare_hard")
    counts = [sum(export.strengths[key] > 0 for export in exports) for key in keys]
    counts.append(sum(not any(export.strengths.values()) for export in exports))
    return tuple(
        Group(label, _shown(count, min_group))
        for label, count in zip(STRENGTH_GROUPS, counts, strict=True)
    )


def _exception_groups(exports: Sequence[LearnerExport], min_group: int) -> tuple[Group, ...]:
    counts = [sum(kind in export.exceptions for export in exports) for kind in EXCEPTION_GROUPS]
    counts[-1] = sum(not export.exceptions for export in exports)
    return _partition(EXCEPTION_GROUPS, counts, min_group)


def class_pulse(
    exports: Sequence[LearnerExport], min_group: int = 3, skipped: Sequence[str] = ()
) -> ClassPulse:
    """Merge ``exports`` into the class view (see the module docstring)."""
    if not isinstance(min_group, int) or isinstance(min_group, bool) or min_group < 1:
        raise InvalidInputError("min_group", "a whole number of 1 or more", min_group)
    if len(exports) < min_group:
        return ClassPulse(len(exports), min_group, skipped=tuple(skipped))
    asks = _counts(exports, len(ASK_BUCKETS), lambda e: _bucket(e.ask_pct, (0, 10, 20, 30), 5))
    windows = _counts(
        exports, len(WINDOW_BUCKETS), lambda e: _bucket(e.decision_days, (2, 4, 7), 4)
    )
    return ClassPulse(
        learners=len(exports),
        min_group=min_group,
        wants=_wants(exports, min_group),
        asks=_partition(ASK_BUCKETS, asks, min_group),
        strengths=_strength_groups(exports, min_group),
        exceptions=_exception_groups(exports, min_group),
        windows=_partition(WINDOW_BUCKETS, windows, min_group),
        skipped=tuple(skipped),
    )
