"""The workshop pulse: merging exports, complementary suppression, bad and malicious files.

The export helpers here are shared with the pulse chart, report and CLI test modules.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from offerkit.errors import InvalidInputError
from offerkit.instructor.pulse import (
    DUPLICATE,
    EXCEPTION_GROUPS,
    NO_PRIORITIES,
    STRENGTH_GROUPS,
    ClassPulse,
    ExportBatch,
    Group,
    class_pulse,
    read_exports,
    suppress,
)
from offerkit.instructor.pulse_report import write_pulse
from offerkit.rules.export import ExportInputs, anonymised_export


def token(n: int) -> str:
    return f"{n:016x}"


def export(n: int, ask: float | None = 330_000, **inputs: object) -> dict[str, object]:
    """Learner ``n``'s export: previous pay 300,000, by default an ask of +10 %."""
    fields: dict[str, object] = {"weights": {"salary": 0.5, "growth": 0.3, "team_atmosphere": 0.2}}
    fields.update(previous_annual=300_000, ask=ask, soft=1, hard=1, decision_days=5)
    fields.update(inputs)
    return anonymised_export(ExportInputs(**fields), token(n))  # type: ignore[arg-type]


def write(folder: Path, exports: Sequence[dict[str, object]], start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, data in enumerate(exports, start=start):
        paths.append(folder / f"learner{n}.offerkit-export.json")
        paths[-1].write_text(json.dumps(data), encoding="utf-8")
    return paths


def group(groups: Sequence[Group], label: str) -> int | None:
    return {g.label: g.count for g in groups}[label]


def pulse_of(
    exports: Sequence[dict[str, object]], tmp_path: Path, min_group: int = 3
) -> ClassPulse:
    batch = read_exports([*write(tmp_path / "in", exports)])
    return class_pulse(batch.exports, min_group, batch.skipped)


ASK_OF_BUCKET = (300_000, 330_000, 354_000, 381_000, 450_000, None)  # one per ASK_BUCKETS


def asks_of(counts: Sequence[int]) -> list[float | None]:
    return [ASK_OF_BUCKET[b] for b, count in enumerate(counts) for _ in range(count)]


def published_asks(counts: Sequence[int], tmp_path: Path) -> tuple[int | None, ...]:
    exports = [export(n, ask) for n, ask in enumerate(asks_of(counts))]
    batch = read_exports(write(tmp_path / f"c{'-'.join(map(str, counts))}", exports))
    return tuple(g.count for g in class_pulse(batch.exports, 3).asks)


def compositions(total: int, parts: int) -> Iterator[tuple[int, ...]]:
    if parts == 1:
        yield (total,)
        return
    for first in range(total + 1):
        for rest in compositions(total - first, parts - 1):
            yield (first, *rest)


def what_an_attacker_learns(
    published: Sequence[int | None], candidates: Iterable[Sequence[int]], publish: Any
) -> dict[int, set[int]]:
    """For each hidden group, every count consistent with what was published, to someone
    who knows the class size and the algorithm (they replay it on every possible class)."""
    consistent = [c for c in candidates if tuple(publish(c)) == tuple(published)]
    return {i: {c[i] for c in consistent} for i, value in enumerate(published) if value is None}


def test_three_exports_in_three_buckets_cannot_be_worked_out_from_the_total(
    tmp_path: Path,
) -> None:
    # Before: the zeros were shown, so the three hidden buckets held 3 learners, 1 each.
    real = (0, 1, 1, 1, 0, 0)
    published = published_asks(real, tmp_path)
    assert [] == [count for count in published if count is not None]
    learned = what_an_attacker_learns(
        published,
        compositions(3, 6),
        lambda c: suppress(c, 3),
    )
    assert [] == [i for i, values in learned.items() if len(values) < 2]


@pytest.mark.parametrize("min_group", [3, 4, 5])
@pytest.mark.parametrize("groups", [2, 3, 4, 5])
def test_no_hidden_group_is_pinned_or_known_small_in_any_class(groups: int, min_group: int) -> None:
    """Every class of up to 11 learners: an attacker who knows the class size and replays
    the algorithm can neither pin a hidden count nor tell that it is a small group."""
    problems = []
    for learners in range(min_group, 12):
        published: dict[tuple[int | None, ...], list[tuple[int, ...]]] = {}
        for counts in compositions(learners, groups):
            published.setdefault(suppress(counts, min_group), []).append(counts)
        for shown, classes in published.items():
            for i in (i for i, value in enumerate(shown) if value is None):
                values = {c[i] for c in classes}
                everything_hidden = all(value is None for value in shown)
                if len(values) < 2 or (
                    not everything_hidden and all(0 < v < min_group for v in values)
                ):
                    problems.append((learners, shown, i, sorted(values)))
    assert [] == problems[:3]


def test_with_two_forged_exports_a_real_learner_who_differs_is_not_shown(
    tmp_path: Path,
) -> None:
    """1 real + 2 forged: before, the real learner's answers and means were shown in full.
    Where the real learner differs from the forged ones, every group is hidden; where they
    are the same, the pulse cannot tell (see the README's threat model)."""
    forged = [export(n, ask=330_000, decision_days=3) for n in (1, 2)]
    real = export(
        3,
        ask=369_000,
        weights={"commute": 0.47, "stability": 0.33, "mission": 0.2},
        soft=0,
        hard=0,
        rare_hard=2,
        exception_kinds=("exceptional",),
        decision_days=10,
    )
    pulse = pulse_of([*forged, real], tmp_path)
    tables = (pulse.wants, pulse.asks, pulse.strengths, pulse.exceptions, pulse.windows)
    assert [] == [(g.label, g.count) for table in tables for g in table if g.count is not None]


def test_a_class_with_one_small_group_shows_the_rest(tmp_path: Path) -> None:
    # 6, 5 and 1 learner: the 1 is hidden with the empty buckets and the 5 (so that the
    # hidden ones could hold 0 or 3 or more each); the 6 is still shown.
    pulse = pulse_of([export(n, a) for n, a in enumerate(asks_of((0, 6, 0, 5, 1, 0)))], tmp_path)
    assert [None, 6, None, None, None, None] == [g.count for g in pulse.asks]


def test_a_class_without_small_groups_shows_everything(tmp_path: Path) -> None:
    counts = (0, 4, 3, 0, 3, 0)
    assert counts == published_asks(counts, tmp_path)


def test_wants_are_first_priorities_over_every_area(tmp_path: Path) -> None:
    exports = [export(n) for n in range(5)]  # salary first
    exports += [export(n, weights={"growth": 0.6, "salary": 0.4}) for n in range(5, 9)]
    exports += [export(n, weights={"commute": 0.7, "salary": 0.3}) for n in range(9, 11)]
    exports += [export(n, weights={}) for n in range(11, 13)]
    pulse = pulse_of(exports, tmp_path)
    assert ("Salary", 5) == (pulse.wants[0].label, pulse.wants[0].count)
    assert ("Growth and learning", 4) == (pulse.wants[1].label, pulse.wants[1].count)
    assert 13 == len(pulse.wants)  # every catalogue area, and "no priorities saved"
    assert ("Commute", None) == (pulse.wants[2].label, pulse.wants[2].count)
    assert (NO_PRIORITIES, None) == (pulse.wants[-1].label, pulse.wants[-1].count)
    assert {None} == {g.count for g in pulse.wants[2:]}  # the two 2s and the empty areas


def test_strengths_exceptions_and_windows_are_partitions(tmp_path: Path) -> None:
    exports = [export(n, rare_hard=1, exception_kinds=("exceptional",)) for n in range(3)]
    exports += [export(n, soft=0, hard=0, decision_days=None) for n in range(3, 6)]
    exports += [
        export(n, hard=0, exception_kinds=("exceptional", "high-demand")) for n in range(6, 9)
    ]
    pulse = pulse_of(exports, tmp_path)
    assert dict(zip(STRENGTH_GROUPS, (3, 0, 3, 3), strict=True)) == {
        g.label: g.count for g in pulse.strengths
    }
    assert dict(zip(EXCEPTION_GROUPS, (3, 0, 3, 3), strict=True)) == {
        g.label: g.count for g in pulse.exceptions
    }
    assert 6 == group(pulse.windows, "5–7 days")
    assert 3 == group(pulse.windows, "not set")
    assert 9 == sum(g.count or 0 for g in pulse.windows)


def test_malformed_and_duplicate_exports_are_skipped_with_a_fixed_reason(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder, [export(n) for n in range(3)])
    (folder / "broken.offerkit-export.json").write_text("{oops", encoding="utf-8")
    (folder / "wrong.offerkit-export.json").write_text('{"kind": "x"}', encoding="utf-8")
    (folder / "zz-again.offerkit-export.json").write_text(json.dumps(export(0)), encoding="utf-8")
    (folder / "notes.txt").write_text("not an export", encoding="utf-8")
    batch = read_exports([folder])
    assert 3 == len(batch.exports)
    assert [
        ("broken.offerkit-export.json", "not valid JSON"),
        (
            "wrong.offerkit-export.json",
            'not an offerkit export (expected "kind": "offerkit-export")',
        ),
        ("zz-again.offerkit-export.json", DUPLICATE),
    ] == [(item.path.name, item.reason) for item in batch.skipped]


def hostile(**changes: object) -> str:
    data: dict[str, Any] = dict(export(99))
    data.update(changes)
    return json.dumps(data)


MALICIOUS = {
    "deep nesting": "[" * 30_000 + "]" * 30_000,
    "nesting inside a field": hostile(goal_areas={"salary": [[[[[0.5]]]]]}),
    "unhashable exceptions": hostile(exceptions=[{"kind": "exceptional"}], exception_used=True),
    "unhashable area": hostile(goal_areas=[["salary", 1]]),
    "a huge integer": hostile().replace(
        '"decision_window_days": 5', '"decision_window_days": ' + "9" * 5000
    ),
    "a huge float": hostile().replace('"decision_window_days": 5', '"decision_window_days": 1e999'),
    "NaN": hostile().replace('"salary": 0.5', '"salary": NaN'),
    "a true count": hostile(strengths={"soft": True, "hard": 1, "rare_hard": 0}),
    "a token with a newline": hostile(token="0123456789abcdef\n"),
    "an area with a newline": hostile(goal_areas={"salary\n": 0.5}),
    "an area of its own": hostile(goal_areas={"my_secret_wish": 1.0}),
    "a name beside the export": hostile(learner_name="Ada Lovelace"),
    "a repeated field": hostile()[:-1] + ', "token": "ffffffffffffffff"}',
    "a huge file": hostile()[:-1] + ', "pad": "' + "x" * 70_000 + '"}',
    "not UTF-8": "\udcff",
}


def test_malicious_exports_are_skipped_with_a_reason_and_the_pulse_is_written(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    write(folder, [export(n) for n in range(3)])
    for n, text in enumerate(MALICIOUS.values()):
        data = text.encode("utf-8", "surrogateescape")
        (folder / f"evil{n:02d}.offerkit-export.json").write_bytes(data)
    (folder / "a-folder.offerkit-export.json").mkdir()
    files = write_pulse([folder], tmp_path / "out")
    reasons = {item.path.name: item.reason for item in files.skipped}
    assert len(MALICIOUS) + 1 == len(reasons)
    assert "not a regular file" == reasons["a-folder.offerkit-export.json"]
    assert [] == [r for r in reasons.values() if "\n" in r or "Ada" in r or "secret" in r]
    assert "3 learners' anonymised exports" in files.markdown.read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_skipped_not_waited_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder, [export(n) for n in range(3)])
    os.mkfifo(folder / "pipe.offerkit-export.json")  # opening it would block for ever
    result: list[ExportBatch] = []
    reader = threading.Thread(target=lambda: result.append(read_exports([folder])), daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert [("pipe.offerkit-export.json", "not a regular file")] == [
        (item.path.name, item.reason) for item in result[0].skipped
    ]


def test_a_missing_source_is_reported_and_the_others_are_read(tmp_path: Path) -> None:
    paths = write(tmp_path / "in", [export(n) for n in range(3)])
    batch = read_exports([*paths, tmp_path / "nowhere"])
    assert (3, [("nowhere", "not found")]) == (
        len(batch.exports),
        [(item.path.name, item.reason) for item in batch.skipped],
    )


def test_skipped_reasons_reach_the_pulse_without_file_names(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder, [export(n) for n in range(3)])
    (folder / "ada-lovelace.offerkit-export.json").write_text("{", encoding="utf-8")
    batch = read_exports([folder])
    pulse = class_pulse(batch.exports, 3, batch.skipped)
    assert ("not valid JSON",) == pulse.skipped


@pytest.mark.parametrize("min_group", [0, 2, True, 3.0])
def test_min_group_is_a_whole_number_of_at_least_three(min_group: object) -> None:
    with pytest.raises(InvalidInputError, match="min_group"):
        class_pulse((), min_group=min_group)  # type: ignore[arg-type]


@pytest.mark.slow
def test_instructor_notebook_shows_the_class_view_and_nothing_live(tmp_path: Path) -> None:
    """Before: a file named [x](javascript:alert(1)) became a live link in the notebook
    and in its nbconvert HTML. Now file names never reach it, and its text is inert."""
    import nbformat
    import papermill
    from markup_helpers import HOSTILE, live_markup, render_markdown
    from nbconvert import HTMLExporter

    notebook = Path(__file__).resolve().parent.parent / "instructor" / "workshop-pulse.ipynb"
    folder = tmp_path / "exports"
    write(folder, [export(n) for n in range(4)])
    names = ("[x](javascript:alert(1))", "<img src=x onerror=alert(1)>", "Ada Lovelace")
    for name in names:
        (folder / f"{name}.offerkit-export.json").write_text("{", encoding="utf-8")
    (folder / "evil.offerkit-export.json").write_text(
        json.dumps({**export(9), "goal_areas": {HOSTILE[0]: 1.0}}), encoding="utf-8"
    )
    out = tmp_path / "pulse.ipynb"
    papermill.execute_notebook(
        str(notebook),
        str(out),
        parameters={"exports_dir": str(folder), "min_group": 3},
        kernel_name="python3",
        cwd=str(tmp_path),
        progress_bar=False,
        execution_timeout=120,
    )
    text = out.read_text(encoding="utf-8")
    assert "4 exports read, 4 skipped (reasons below)." in text
    assert "4 learners' anonymised exports" in text
    assert 4 == text.count('"image/png"')
    assert [] == [n for n in range(4) if token(n) in text]
    page, _ = HTMLExporter().from_notebook_node(nbformat.read(out, as_version=4))
    for output in (text, page):
        assert [] == [part for part in ("javascript", "onerror", "Ada") if part in output]
    markdown = next(
        item["data"]["text/markdown"]
        for cell in nbformat.read(out, as_version=4).cells
        for item in cell.get("outputs", [])
        if "text/markdown" in item.get("data", {})
    )
    assert "- 3 files: not valid JSON" in markdown
    for renderer, rendered in render_markdown(markdown).items():
        assert [] == live_markup(rendered), renderer
