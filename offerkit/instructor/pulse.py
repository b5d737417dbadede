"""The workshop pulse: anonymised exports merged into a class view that singles no one out.

Pure functions, no drawing (charts: :mod:`offerkit.instructor.pulse_charts`; Markdown and
HTML: :mod:`offerkit.instructor.pulse_report`)::

    batch = read_exports([Path("exports")])          # files and folders; bad ones skipped
    pulse = class_pulse(batch.exports, min_group=3, skipped=batch.skipped)

Every table of the pulse is a partition of the learners — each learner is in exactly one
group: their first priority, ask bucket, strongest kind of strength, exceptions used,
decision window — and its total (the class size) is shown. A group of
1 to ``min_group`` − 1 learners is *hidden* (count None). Hiding it alone is not enough: the
total minus the shown groups would give it back. So :func:`suppress` applies
**complementary suppression**: once a table hides anything, it also hides its empty groups
(so "hidden" never implies "someone is here") and then the next smallest groups, until an
attacker who knows the total *and this algorithm* cannot pin any hidden count, nor tell
that it is small: each hidden group could still be empty or hold ``min_group`` or more.
(``tests/test_instructor_pulse.py`` checks this by trying every class of up to a dozen.) No mean or
share of a hidden group is shown. Below ``min_group`` learners in all, nothing but a notice
is shown, and ``min_group`` is never below :data:`MIN_GROUP_FLOOR`.

What this protects against, and what it cannot (an instructor who forges exports), is
written down in the README ("Workshop pulse: what it protects").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from offerkit.errors import InvalidInputError
from offerkit.instructor.export import check_export_file
from offerkit.rules.export import EXPORT_SUFFIX, LearnerExport

__all__ = [
    "ASK_BUCKETS",
    "EXCEPTION_GROUPS",
    "MIN_GROUP_FLOOR",
    "NO_PRIORITIES",
    "STRENGTH_GROUPS",
    "WINDOW_BUCKETS",
    "ClassPulse",
    "ExportBatch",
    "Group",
    "SkippedFile",
    "class_pulse",
    "read_exports",
    "suppress",
]

MIN_GROUP_FLOOR = 3  # a smaller threshold would let a pair of learners be told apart
ASK_BUCKETS = ("≤ 0 %", "0–10 %", "10–20 %", "20–30 %", "> 30 %", "no ask or previous pay")
WINDOW_BUCKETS = ("up to 2 days", "3–4 days", "5–7 days", "more than 7 days", "not set")
STRENGTH_GROUPS = (
    "at least one rare hard strength",
    "hard strengths, none rare",
    "soft strengths only",
    "no strengths saved",
)
EXCEPTION_GROUPS = ("exceptional only", "high-demand only", "both exceptions", "no exception")
NO_PRIORITIES = "no priorities saved"
DUPLICATE = "a second export with a token already read (the same learner exported twice)"


@dataclass(frozen=True)
class SkippedFile:
    """A file that was not counted: its path (for the instructor's terminal only, never a
    report: the name may be a learner's) and the reason, a fixed text."""

    path: Path
    reason: str


@dataclass(frozen=True)
class ExportBatch:
    """The exports read from the given files and folders, and the files skipped (why)."""

    exports: tuple[LearnerExport, ...]
    skipped: tuple[SkippedFile, ...]


@dataclass(frozen=True)
class Group:
    """A group of learners; ``count`` is None when it is hidden."""

    label: str
    count: int | None

    @property
    def suppressed(self) -> bool:
        """True when the group is hidden (small, or hidden with a small one)."""
        return self.count is None


@dataclass(frozen=True)
class ClassPulse:
    """The class view. When ``suppressed_all``, every distribution is empty.

    ``skipped`` holds the reasons files were skipped (fixed texts; no file names).
    """

    learners: int
    min_group: int
    wants: tuple[Group, ...] = ()  # each learner's first priority
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


def _export_files(sources: Iterable[Path]) -> tuple[list[Path], list[SkippedFile]]:
    files: list[Path] = []
    missing: list[SkippedFile] = []
    for source in sources:
        if source.is_dir():
            try:
                files += sorted(p for p in source.iterdir() if p.name.endswith(EXPORT_SUFFIX))
            except OSError:
                missing.append(SkippedFile(source, "a folder that could not be read"))
        elif source.exists():
            files.append(source)
        else:
            missing.append(SkippedFile(source, "not found"))
    return files, missing


def read_exports(sources: Iterable[Path]) -> ExportBatch:
    """Read the exports in ``sources`` (files, and ``*.offerkit-export.json`` in folders).

    A file that is not a well-formed export (see
    :func:`~offerkit.instructor.export.check_export_file`), or a second export with a token
    already seen (the same learner exported twice), is skipped with a fixed reason; it
    never stops the others.
    """
    exports: list[LearnerExport] = []
    files, skipped = _export_files(sources)
    seen: set[str] = set()
    for path in files:
        try:
            export = check_export_file(path)
        except ValueError as exc:
            skipped.append(SkippedFile(path, str(exc)))
            continue
        if export.token in seen:
            skipped.append(SkippedFile(path, DUPLICATE))
            continue
        seen.add(export.token)
        exports.append(export)
    return ExportBatch(tuple(exports), tuple(skipped))


def _protected(hidden: Sequence[int], shown: Sequence[int], min_group: int) -> bool:
    """Whether no hidden count can be pinned, or confirmed small, from the published ones.

    An attacker who knows the total and this algorithm knows that the hidden counts sum to
    ``total`` and that each is below the smallest shown one. Each hidden count must still
    be able to be 0, and to be ``min_group`` or more.
    """
    total = sum(hidden)
    if len(hidden) < 2 or total <= min_group or not shown:
        return False
    bound = min(total, min(shown) - 1)  # the most one hidden count can be
    return bound >= min_group and total <= (len(hidden) - 1) * bound


def suppress(counts: Sequence[int], min_group: int) -> tuple[int | None, ...]:
    """The counts of a partition with the hidden ones None (complementary suppression).

    Nothing is hidden when no count is from 1 to ``min_group`` − 1. Otherwise every count up
    to a threshold is hidden (empty and small groups first), the threshold rising through
    the counts until :func:`_protected` holds; if it never does, the whole table is hidden.
    """
    if not any(0 < count < min_group for count in counts):
        return tuple(counts)
    for threshold in sorted({min_group - 1} | {c for c in counts if c >= min_group}):
        hidden = [count for count in counts if count <= threshold]
        shown = [count for count in counts if count > threshold]
        if _protected(hidden, shown, min_group):
            return tuple(None if count <= threshold else count for count in counts)
    return (None,) * len(counts)


def _partition(labels: Sequence[str], counts: Sequence[int], min_group: int) -> tuple[Group, ...]:
    shown = suppress(counts, min_group)
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


def _first_choice(areas: Sequence[str]) -> Callable[[LearnerExport], int]:
    def index(export: LearnerExport) -> int:
        ranked = sorted(export.weights.items(), key=lambda item: (-item[1], item[0]))
        if not ranked or ranked[0][1] <= 0:
            return len(areas)
        first = ranked[0][0]
        return areas.index(first) if first in areas else len(areas)

    return index


def _wants(exports: Sequence[LearnerExport], min_group: int) -> tuple[Group, ...]:
    """Each learner's first priority, over every catalogue area (so a row's presence tells
    nothing); shown groups by size, then hidden ones by name, then "no priorities saved"."""
    from offerkit.rules.areas import goal_areas

    areas = sorted(goal_areas(), key=lambda area: area.name)
    labels = [area.name for area in areas]
    counts = _counts(exports, len(areas) + 1, _first_choice([area.id for area in areas]))
    groups = _partition([*labels, NO_PRIORITIES], counts, min_group)
    ranked = sorted(groups[:-1], key=lambda g: (g.count is None, -(g.count or 0), g.label))
    return (*ranked, groups[-1])


def _strength_group(export: LearnerExport) -> int:
    """Each learner's strongest kind: rare hard, then hard, then soft, then none."""
    strengths = export.strengths
    for index, present in enumerate(
        (strengths["rare_hard"] > 0, strengths["hard"] > 0, strengths["soft"] > 0)
    ):
        if present:
            return index
    return 3


def _exception_group(export: LearnerExport) -> int:
    used = set(export.exceptions)
    if used == {"exceptional", "high-demand"}:
        return 2
    return {"exceptional": 0, "high-demand": 1}.get(next(iter(used), ""), 3)


def class_pulse(
    exports: Sequence[LearnerExport],
    min_group: int = MIN_GROUP_FLOOR,
    skipped: Sequence[SkippedFile] = (),
) -> ClassPulse:
    """Merge ``exports`` into the class view (see the module docstring)."""
    if not isinstance(min_group, int) or isinstance(min_group, bool) or min_group < MIN_GROUP_FLOOR:
        raise InvalidInputError(
            "min_group", f"a whole number of {MIN_GROUP_FLOOR} or more", min_group
        )
    reasons = tuple(item.reason for item in skipped)
    if len(exports) < min_group:
        return ClassPulse(len(exports), min_group, skipped=reasons)

    def partition(
        labels: Sequence[str], index: Callable[[LearnerExport], int]
    ) -> tuple[Group, ...]:
        return _partition(labels, _counts(exports, len(labels), index), min_group)

    return ClassPulse(
        learners=len(exports),
        min_group=min_group,
        wants=_wants(exports, min_group),
        asks=partition(ASK_BUCKETS, lambda e: _bucket(e.ask_pct, (0, 10, 20, 30), 5)),
        strengths=partition(STRENGTH_GROUPS, _strength_group),
        exceptions=partition(EXCEPTION_GROUPS, _exception_group),
        windows=partition(WINDOW_BUCKETS, lambda e: _bucket(e.decision_days, (2, 4, 7), 4)),
        skipped=reasons,
    )
