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
from batch_helpers import PEOPLE, write_lessons, write_roster

from offerkit.batch.build import BuildOptions, BuildReport, build_workbooks, format_report
from offerkit.cli import main
from offerkit.rules.lessons import lesson_notebooks

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
LESSONS = {"00-start": [], "01-one": ["x = 1"], "02-two": ["print(target_role)"]}


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
