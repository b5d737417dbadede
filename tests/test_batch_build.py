"""``offerkit build`` end to end: outputs, manifest, reruns, failures, stalls, privacy,
kill-and-resume, and the real lessons on the example roster."""

from __future__ import annotations

import html
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import psutil
import pytest
from batch_helpers import PEOPLE, running_kernels, write_lessons, write_roster
from markup_helpers import page_problems
from nbformat.v4 import new_code_cell, new_markdown_cell

from offerkit.batch.build import (
    BuildOptions,
    BuildReport,
    build_workbooks,
    format_report,
    join_parts,
    split_first,
)
from offerkit.batch.folder import keyed_hash
from offerkit.batch.jobs import (
    CellFailure,
    LessonSource,
    NotebookOutput,
    ParticipantJob,
    ParticipantResult,
)
from offerkit.cli import main
from offerkit.learner.params import PARAMETERS
from offerkit.rules.lessons import lesson_notebooks

pytestmark = pytest.mark.slow  # real kernels, but for the two split/join tests
ROOT = Path(__file__).resolve().parent.parent
LESSONS = {"00-start": [], "01-one": ["x = 1"], "02-two": ["print(target_role)"]}


# the first participant's lessons are shared among the workers ----------------------------


def fixture_job(slug: str, count: int) -> ParticipantJob:
    lessons = tuple(
        LessonSource(f"{i:02d}-l.ipynb", f"notebooks/{i:02d}-l.ipynb", "{}") for i in range(count)
    )
    return ParticipantJob(slug, {"learner_id": slug}, lessons)


def test_the_first_participant_is_split_evenly_and_in_order() -> None:
    jobs = [fixture_job("ada", 8), fixture_job("bao", 8), fixture_job("zoe", 8)]
    parts = split_first(jobs, 3)
    assert [(0, 3), (1, 3), (2, 3)] == [j.part for j in parts[:3] if j.slug == "ada"]
    assert [3, 3, 2] == [len(j.lessons) for j in parts[:3]]
    assert jobs[0].lessons == tuple(lesson for j in parts[:3] for lesson in j.lessons)
    assert jobs[1:] == parts[3:]  # the others stay whole
    assert jobs == split_first(jobs, 1)
    assert [fixture_job("x", 1)] == split_first([fixture_job("x", 1)], 2)
    assert [] == split_first([], 2)


def part_result(index: int, names: list[str], failed: bool = False) -> ParticipantResult:
    notebooks = tuple(NotebookOutput(n, "{}", None, 1.0, 0.5) for n in names)
    failure = CellFailure(names[-1], 2, "raise", "ValueError", "boom") if failed else None
    status = "failed" if failed else "ok"
    return ParticipantResult(
        "ada", status, notebooks, failure, 1, index, 2.0 + index, part=(index, 2)
    )


def names(result: ParticipantResult) -> list[str]:
    return [n.name for n in result.notebooks]


def test_parts_join_in_lesson_order_and_stop_at_the_first_failure() -> None:
    whole = join_parts([part_result(1, ["02", "03"]), part_result(0, ["00", "01"])])
    assert ("ok", ["00", "01", "02", "03"]) == (whole.status, names(whole))
    assert (1, 3.0) == (whole.stalls, whole.seconds)  # stalls add up; parts ran side by side
    early = join_parts([part_result(0, ["00", "01"], failed=True), part_result(1, ["02", "03"])])
    assert ("failed", ["00", "01"]) == (early.status, names(early))  # later lessons dropped
    assert early.failure is not None and "01" == early.failure.lesson
    late = join_parts([part_result(0, ["00", "01"]), part_result(1, ["02"], failed=True)])
    assert ("failed", ["00", "01", "02"]) == (late.status, names(late))
    assert (0, 1) == late.part


def test_a_split_first_participant_fails_like_a_whole_one(tmp_path: Path) -> None:
    boom = "if target_role == 'boom':\n    raise ValueError('boom')"
    lessons = write_lessons(
        tmp_path / "notebooks",
        {"00-start": [], "01-one": [boom], "02-two": ["x = 2"], "03-three": ["x = 3"]},
    )
    people = [{**PEOPLE[0], "target_role": "boom"}, PEOPLE[1]]
    roster = write_roster(tmp_path / "roster.csv", people)
    out = tmp_path / "out"
    report = build_workbooks(options(roster, out, lessons))  # two workers: ada in two parts
    assert [("ada", 2)] == [(f.slug, f.row) for f in report.failed]  # row 1 is the header
    assert report.failed[0].reason.startswith("01-one.ipynb, cell 4")
    written = sorted(p.name for p in (out / "ada").glob("*.ipynb"))
    assert ["00-start.ipynb", "01-one.ipynb"] == written  # not the lessons after the failure
    assert 4 == len(list((out / PEOPLE[1]["learner_id"]).glob("*.ipynb")))
    people[0]["target_role"] = "Backend engineer"
    write_roster(roster, people)
    again = build_workbooks(options(roster, out, lessons))
    assert (("ada",), ()) == (again.built, again.failed)
    assert 4 == len(list((out / "ada").glob("*.ipynb")))


def all_files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def options(roster: Path, out: Path, lessons_dir: Path | None, **more: object) -> BuildOptions:
    settings: dict[str, object] = {"jobs": 2, "progress": False, "lessons_dir": lessons_dir, **more}
    return BuildOptions(roster, out, **settings)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildOptions, BuildReport]:
    """One HTML build of three participants, shared by the tests that inspect it."""
    root = tmp_path_factory.mktemp("build")
    lessons = write_lessons(root / "notebooks", LESSONS)
    roster = write_roster(root / "roster.csv")
    before = all_files(root)
    settings = options(roster, root / "out", lessons, html=True)
    report = build_workbooks(settings)
    assert before == all_files(root) - all_files(root / "out"), "wrote outside --out"
    return root, settings, report


def test_every_participant_gets_every_lesson(built: tuple[Path, BuildOptions, BuildReport]):
    root, _, report = built
    assert report.ok, format_report(report)
    assert ("ada", "bao", "zoe") == report.built
    out = root / "out"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for slug in ("ada", "bao", "zoe"):
        entry = manifest["participants"][slug]
        assert ("ok", 1, 0) == (entry["status"], entry["attempts"], entry["stalls"])
        assert len(entry["hash"]) == 64
        assert sorted(
            f"{slug}/{stem}.{ext}" for stem in LESSONS for ext in ("ipynb", "html")
        ) == sorted(entry["files"])
        for name in entry["files"]:
            if name.endswith(".ipynb"):
                nbformat.validate(nbformat.read(out / name, as_version=4))
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_index_and_handouts_escape_names(built: tuple[Path, BuildOptions, BuildReport]):
    out = built[0] / "out"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Ada &lt;b&gt;Lovelace&lt;/b&gt;" in index
    assert "Zoë Müller &amp; Söhne" in index
    assert "<b>Lovelace" not in index
    assert 'href="ada/01-one.html"' in index
    assert [] == page_problems(index)  # the shared stylesheet, nothing loaded
    handout = (out / "ada" / "01-one.html").read_text(encoding="utf-8")
    assert "Ada &lt;b&gt;Lovelace&lt;/b&gt; | CNY" in handout


def test_each_workbook_holds_only_its_participant(built: tuple[Path, BuildOptions, BuildReport]):
    out = built[0] / "out"
    for person in PEOPLE:
        texts = [p.read_text(encoding="utf-8") for p in all_files(out / person["learner_id"])]
        assert texts
        assert any(person["learner_name"] in t for t in texts)
        others = [p for p in PEOPLE if p is not person]
        keys = ("learner_name", "previous_pay", "posted_range")
        secrets = [p[k] for p in others for k in keys if p[k]]
        for secret in secrets:
            for text in texts:
                assert secret not in text and html.escape(secret) not in text


def test_rerun_skips_unchanged_and_rebuilds_changed(built: tuple[Path, BuildOptions, BuildReport]):
    root, settings, _ = built
    again = build_workbooks(settings)
    assert ((), ("ada", "bao", "zoe")) == (again.built, again.skipped)
    people = [dict(p) for p in PEOPLE]
    people[1]["posted_range"] = "72k-84k"
    write_roster(settings.roster, people)
    changed = build_workbooks(settings)
    assert (("zoe",), ("ada", "bao")) == (changed.built, changed.skipped)
    assert "72k-84k" in (root / "out" / "zoe" / "00-start.ipynb").read_text(encoding="utf-8")


def test_force_and_lesson_selection_remove_stale_files(
    built: tuple[Path, BuildOptions, BuildReport],
):
    root, settings, _ = built
    fewer = options(
        settings.roster, settings.out, settings.lessons_dir, lessons=("01",), force=True
    )
    report = build_workbooks(fewer)
    assert ("ada", "bao", "zoe") == report.built
    assert ["00-start.ipynb", "01-one.ipynb"] == sorted(
        p.name for p in (root / "out" / "ada").iterdir()
    )


def test_failure_and_stall_are_isolated_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lessons = write_lessons(
        tmp_path / "notebooks",
        {
            "00-start": [
                "if learner_id == 'zoe':\n    raise ValueError('boom for zoe')",
                "import time\nif learner_id == 'bao':\n    time.sleep(30)",
            ]
        },
    )
    roster = write_roster(tmp_path / "roster.csv")
    os.environ["OFFERKIT_NOTEBOOKS"] = str(lessons)
    try:
        code = main(
            [
                "build",
                str(roster),
                "--out",
                str(tmp_path / "out"),
                "--jobs",
                "2",
                "--timeout",
                "2",
                "--no-progress",
            ]
        )
    finally:
        del os.environ["OFFERKIT_NOTEBOOKS"]
    summary = capsys.readouterr().out
    assert 1 == code
    assert "Built 1, skipped 0 (unchanged), failed 2" in summary
    assert (
        "FAILED zoe (roster row 3): 00-start.ipynb, cell 4 (\"if learner_id == 'zoe':\"): "
        "ValueError: boom for zoe"
    ) in summary
    assert "FAILED bao (roster row 4): 00-start.ipynb, cell 5 ('import time'): Stall" in summary
    assert "Stalls (a cell reached the timeout): 2; retried once: bao" in summary
    assert (tmp_path / "out" / "ada" / "00-start.ipynb").is_file()


def test_killed_build_resumes_with_complete_files(tmp_path: Path) -> None:
    lessons = write_lessons(tmp_path / "notebooks", {"00-start": ["import time; time.sleep(1)"]})
    rows = [{**PEOPLE[i % 3], "learner_id": f"p{i}"} for i in range(5)]
    roster = write_roster(tmp_path / "roster.csv", rows)
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "offerkit",
        "build",
        str(roster),
        "--out",
        str(out),
        "--jobs",
        "1",
        "--no-progress",
    ]
    env = {**os.environ, "OFFERKIT_NOTEBOOKS": str(lessons)}
    process = subprocess.Popen(
        command,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 90
    while not (out / "p0" / "00-start.ipynb").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    family = psutil.Process(process.pid).children(recursive=True)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    _, alive = psutil.wait_procs(family, timeout=15)  # kernels notice their parent is gone
    assert [] == alive
    report = build_workbooks(options(roster, out, lessons))
    assert report.ok, format_report(report)
    assert 5 == len(report.built) + len(report.skipped)
    assert report.skipped, "the participants finished before the kill were rebuilt"
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    for i in range(5):
        nbformat.validate(nbformat.read(out / f"p{i}" / "00-start.ipynb", as_version=4))


def test_real_lessons_build_the_example_roster(tmp_path: Path) -> None:
    if not lesson_notebooks():
        pytest.skip("no lesson notebooks (notebooks/NN-kebab-title.ipynb) exist yet")
    settings = BuildOptions(
        ROOT / "data" / "roster-example.csv", tmp_path / "out", jobs=2, progress=False
    )
    report = build_workbooks(settings)
    assert report.ok, format_report(report)
    assert 10 == len(report.built)


# issue 9, section 3: the build keeps what is good and removes only what it made ---------

DEMO = {p.name: p.default for p in PARAMETERS}
DEMO_FIGURES = [str(DEMO[k]) for k in ("previous_pay", "posted_range", "target_role")]
HIDDEN_LESSON = {
    "00-start": [
        "print('role:', repr(target_role), 'reason:', repr(high_demand_reason))",
        "if target_role == 'boom':\n    raise ValueError('boom')",
    ]
}


def with_hidden_cells(folder: Path) -> Path:
    """Add an instructor note and a solution (a code cell that prints) to lesson 00."""
    path = folder / "00-start.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(new_markdown_cell("NOTE-FOR-INSTRUCTOR", metadata={"tags": ["instructor"]}))
    nb.cells.append(
        new_code_cell("print('SOLUTION-' + 'PRINTED')", metadata={"tags": ["solution"]})
    )
    nbformat.write(nb, path)
    return folder


def visible_text(path: Path) -> str:
    """A built file's text; for a workbook, without the parameters cell (its defaults are
    the lessons' own, overridden by the injected cell)."""
    if path.suffix != ".ipynb":
        return path.read_text(encoding="utf-8")
    nb = nbformat.read(path, as_version=4)
    nb.cells = [c for c in nb.cells if "parameters" not in c.metadata.get("tags", [])]
    return nbformat.writes(nb)


def test_learner_build_not_given_columns_umask_private_manifest_and_resume(
    tmp_path: Path,
) -> None:
    lessons = with_hidden_cells(write_lessons(tmp_path / "notebooks", HIDDEN_LESSON))
    roster = tmp_path / "roster.csv"
    roster.write_text("learner_id,learner_name\nkim,Kim Park\nlee,Lee Jones\n", encoding="utf-8")
    out = tmp_path / "out"
    old_umask = os.umask(0o022)
    try:
        first = build_workbooks(options(roster, out, lessons, html=True))
    finally:
        os.umask(old_umask)
    assert (("kim", "lee"), ()) == (first.built, first.failed)
    built = sorted(p for p in all_files(out) if p.parent.name in {"kim", "lee"})
    assert 4 == len(built)
    for path in built:
        text = visible_text(path)
        assert [] == [figure for figure in DEMO_FIGURES if figure in text], path
        assert "role: ''" in text, path
        assert ("NOTE-FOR-INSTRUCTOR", "SOLUTION-") == tuple(
            marker for marker in ("NOTE-FOR-INSTRUCTOR", "SOLUTION-") if marker not in text
        ), path
        if path.suffix == ".ipynb":
            tags = {
                t
                for c in nbformat.read(path, as_version=4).cells
                for t in c.metadata.get("tags", [])
            }
            assert set() == tags & {"instructor", "solution"}
        assert 0o644 == path.stat().st_mode & 0o777
    assert 0o644 == (out / "index.html").stat().st_mode & 0o777
    manifest = (out / "manifest.json").read_text(encoding="utf-8")
    assert [] == [word for word in ("Kim", "Park", "Lee", "Jones") if word in manifest]
    # a truncated workbook is rebuilt; the other participant is skipped
    (out / "lee" / "00-start.ipynb").write_text('{"cells": [', encoding="utf-8")
    second = build_workbooks(options(roster, out, lessons, html=True))
    assert (("lee",), ("kim",)) == (second.built, second.skipped)
    nbformat.validate(nbformat.read(out / "lee" / "00-start.ipynb", as_version=4))


def test_instructors_audience_keeps_every_cell(tmp_path: Path) -> None:
    lessons = with_hidden_cells(write_lessons(tmp_path / "notebooks", {"00-start": []}))
    roster = write_roster(tmp_path / "roster.csv", PEOPLE[:1])
    out = tmp_path / "out"
    report = build_workbooks(options(roster, out, lessons, audience="instructors"))
    assert ("ada",) == report.built
    text = (out / "ada" / "00-start.ipynb").read_text(encoding="utf-8")
    assert ("NOTE-FOR-INSTRUCTOR" in text, "SOLUTION-PRINTED" in text) == (True, True)


def test_failing_rebuild_keeps_good_workbooks_and_deletes_only_its_own_files(
    tmp_path: Path,
) -> None:
    lessons = write_lessons(tmp_path / "notebooks", HIDDEN_LESSON)
    people = [{**PEOPLE[0], "target_role": "analyst"}, {**PEOPLE[1], "target_role": "analyst"}]
    roster = write_roster(tmp_path / "roster.csv", people)
    out = tmp_path / "out"
    assert ("ada", "zoe") == build_workbooks(options(roster, out, lessons)).built
    good = (out / "ada" / "00-start.ipynb").read_bytes()
    # things the build did not make, and a manifest edited to name them (with valid hashes)
    planted = {
        out / "zoe" / "answers" / "zoe.answers.json": b"{}",
        out / "zoe" / "report.tmp": b"another tool",
        out / ".editor.tmp": b"another tool",
        out / "ada" / ".00-start.ipynb.x1y2.tmp": b"someone's atomic write",
        tmp_path / "outside.ipynb": b"outside",
    }
    for path, data in planted.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    key = bytes.fromhex((out / ".offerkit-secret").read_text(encoding="ascii").strip())
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    zoe = manifest["participants"]["zoe"]
    zoe["hash"] = "changed by hand"
    for name in ("ada/00-start.ipynb", "zoe/answers/zoe.answers.json", "../outside.ipynb"):
        data = good if name.startswith("ada") else planted.get(out / name, b"outside")
        zoe["files"][name] = keyed_hash(key, data)
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    people[0]["target_role"] = "boom"
    write_roster(roster, people)
    report = build_workbooks(options(roster, out, lessons))
    assert (("zoe",), ("ada",), ("ada",)) == (
        report.built,
        tuple(f.slug for f in report.failed),
        report.kept,
    )
    assert "(their previous workbooks were kept)" in format_report(report)
    assert good == (out / "ada" / "00-start.ipynb").read_bytes()
    assert {p: d for p, d in planted.items()} == {p: p.read_bytes() for p in planted}
    # participants who left the roster: reported; removed only with prune
    write_roster(roster, people[1:])
    kept = build_workbooks(options(roster, out, lessons))
    assert (("ada",), False, ("zoe",)) == (kept.gone, kept.pruned, kept.skipped)
    assert "No longer in the roster: ada; their folders were kept" in format_report(kept)
    assert (out / "ada" / "00-start.ipynb").is_file()
    (out / "ada" / "answers").mkdir()
    (out / "ada" / "answers" / "ada.answers.json").write_text("{}", encoding="utf-8")
    pruned = build_workbooks(options(roster, out, lessons, prune=True))
    assert ("ada",) == pruned.gone
    assert ["answers"] == sorted(
        p.name for p in (out / "ada").iterdir() if not p.name.startswith(".")
    )
    assert (
        "ada" not in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["participants"]
    )


def start_build(tmp_path: Path, people: int = 2) -> tuple[subprocess.Popen[bytes], Path]:
    """``offerkit build`` in a process of its own, two workers, each in a 30 s cell."""
    lessons = write_lessons(tmp_path / "notebooks", {"00-start": ["import time; time.sleep(30)"]})
    roster = write_roster(tmp_path / "roster.csv", PEOPLE[:people])
    out = tmp_path / "out"
    command = [sys.executable, "-m", "offerkit", "build", str(roster), "--out", str(out)]
    with (tmp_path / "stderr.txt").open("wb") as stderr:
        process = subprocess.Popen(
            [*command, "--jobs", "2", "--no-progress"],
            env={**os.environ, "OFFERKIT_NOTEBOOKS": str(lessons)},
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    deadline = time.monotonic() + 120
    kernels: list[psutil.Process] = []
    while len(kernels) < people and time.monotonic() < deadline:
        time.sleep(0.2)
        family = psutil.Process(process.pid).children(recursive=True)
        kernels = running_kernels(family)
    assert len(kernels) >= people, "the kernels did not start"
    time.sleep(1)  # let them start their cells
    return process, out


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_killing_the_build_leaves_no_worker_or_kernel(tmp_path: Path, how: signal.Signals):
    process, out = start_build(tmp_path)
    family = psutil.Process(process.pid).children(recursive=True)
    if how == signal.SIGTERM:  # meanwhile, a second build on the same folder is refused
        roster = tmp_path / "roster.csv"
        assert 3 == main(["build", str(roster), "--out", str(out), "--no-progress"])
    process.send_signal(how)  # only the build process, not its group
    code = process.wait(30)
    _, alive = psutil.wait_procs(family, timeout=5)
    assert [] == [p.pid for p in alive]
    assert [] == [p for p in out.rglob("*.tmp")]
    if how == signal.SIGTERM:
        err = (tmp_path / "stderr.txt").read_text(encoding="utf-8")
        assert (143, 1) == (code, len(err.splitlines())), err
        assert "terminated (SIGTERM)" in err


# issue 11, section 4: handouts a non-coder can read, printed ----------------------------


def pdf_text(path: Path) -> str:
    """The text of a PDF, ligatures (ﬁ) undone and white space collapsed."""
    import unicodedata

    from pypdf import PdfReader

    text = " ".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.browser
def test_pdf_build_prints_every_handout_without_code(tmp_path: Path) -> None:
    from browser_support import require_browser
    from pypdf import PdfReader

    require_browser()
    lessons = write_lessons(tmp_path / "notebooks", LESSONS)
    roster = write_roster(tmp_path / "roster.csv", PEOPLE[1:2])  # Zoë Müller & Söhne
    out = tmp_path / "out"
    started = time.perf_counter()
    report = build_workbooks(options(roster, out, lessons, pdf=True))
    seconds = time.perf_counter() - started
    assert (("zoe",), ()) == (report.built, report.failed), format_report(report)
    expected = sorted(f"{stem}.{ext}" for stem in LESSONS for ext in ("ipynb", "pdf"))
    assert expected == sorted(p.name for p in (out / "zoe").iterdir())  # no HTML unasked
    for stem in LESSONS:
        pdf = out / "zoe" / f"{stem}.pdf"
        assert 1 == len(PdfReader(pdf).pages), pdf
        text = pdf_text(pdf)
        assert "Zoë Müller & Söhne | EUR | 67890 | 71k-83k" in text
        assert "A fixture lesson" in text
        assert [] == [code for code in ("print(", "learner_name =", "# Parameters") if code in text]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(f"zoe/{name}" for name in expected) == sorted(
        manifest["participants"]["zoe"]["files"]
    )
    assert manifest["pdf"] is True
    print(f"{len(LESSONS)} workbooks + PDFs in {seconds:.1f} s")
    again = build_workbooks(options(roster, out, lessons, pdf=True))
    assert ((), ("zoe",)) == (again.built, again.skipped)
    without = build_workbooks(options(roster, out, lessons))  # PDFs no longer asked for
    assert ("zoe",) == without.built
    assert [] == sorted(p.name for p in (out / "zoe").glob("*.pdf"))


def test_pdf_build_without_chromium_stops_before_running_anyone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from offerkit.errors import BuildEnvironmentError

    monkeypatch.setenv("OFFERKIT_CHROMIUM", str(tmp_path / "no-such-chromium"))
    lessons = write_lessons(tmp_path / "notebooks", LESSONS)
    roster = write_roster(tmp_path / "roster.csv", PEOPLE[:1])
    out = tmp_path / "out"
    with pytest.raises(BuildEnvironmentError, match=r"--pdf: no Chromium at .*no-such-chromium"):
        build_workbooks(options(roster, out, lessons, pdf=True))
    assert not (out / "ada").exists()


@pytest.mark.browser
def test_real_lessons_print_readable_pdfs(tmp_path: Path) -> None:
    """One participant of the example roster, every real lesson: handout and PDF."""
    import csv

    from browser_support import require_browser
    from pypdf import PdfReader

    from offerkit.batch.handout import external_references

    require_browser()
    if not lesson_notebooks():
        pytest.skip("no lesson notebooks (notebooks/NN-kebab-title.ipynb) exist yet")
    with (ROOT / "data" / "roster-example.csv").open(encoding="utf-8") as stream:
        rows = [row for row in csv.DictReader(stream) if row["learner_id"] == "ada-n"]
    roster = write_roster(tmp_path / "roster.csv", rows)
    out = tmp_path / "out"
    started = time.perf_counter()
    report = build_workbooks(options(roster, out, None, html=True, pdf=True, jobs=1))
    seconds = time.perf_counter() - started
    assert report.ok, format_report(report)
    pages = {}
    for pdf in sorted((out / "ada-n").glob("*.pdf")):
        pages[pdf.stem] = len(PdfReader(pdf).pages)
        text = pdf_text(pdf)
        assert "Ada Nakamura-Lovelace" in text, pdf
        assert "\x00" not in text, f"{pdf}: a character printed without a font (no CJK font?)"
        assert [] == [code for code in ("start_course(", "# Parameters") if code in text], pdf
        handout = pdf.with_suffix(".html").read_text(encoding="utf-8")
        assert [] == external_references(handout), pdf
        assert "<script" not in handout, pdf
    assert [p.stem for p in lesson_notebooks()] == list(pages)
    assert all(1 <= n <= 40 for n in pages.values()), pages
    print(f"PDF pages {pages}, {sum(pages.values())} in all; build {seconds:.1f} s")
