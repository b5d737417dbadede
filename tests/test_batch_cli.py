"""``offerkit build``'s arguments, and how its outcome becomes an exit status and a report.

The build itself is replaced by a stand-in here (tests/test_batch_build.py runs real ones):
these tests check the glue between the command line and :func:`build_workbooks`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from batch_helpers import PEOPLE, write_roster

from offerkit.batch.build import BuildOptions, BuildReport, Failure
from offerkit.batch.cli import DEFAULT_ROSTER
from offerkit.cli import build_parser, main


def report(out: Path, failed: tuple[Failure, ...] = ()) -> BuildReport:
    return BuildReport(out, ("ada",), ("zoe",), failed, 0, (), 1.25)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[BuildOptions]:
    """The options each build was asked for; the stand-in build succeeds."""
    calls: list[BuildOptions] = []

    def fake_build(options: BuildOptions) -> BuildReport:
        calls.append(options)
        return report(options.out)

    monkeypatch.setattr("offerkit.batch.build.build_workbooks", fake_build)
    return calls


def test_defaults_are_the_example_roster_build_and_one_job_per_cpu() -> None:
    args = build_parser().parse_args(["build"])
    assert (DEFAULT_ROSTER, Path("build"), None, os.cpu_count() or 1, 60) == (
        args.roster,
        args.out,
        args.lessons,
        args.jobs,
        args.timeout,
    )
    assert (False, False, None, False) == (args.html, args.force, args.dask, args.no_progress)
    assert DEFAULT_ROSTER.is_file()


def test_every_option_reaches_the_build(asked: list[BuildOptions], tmp_path: Path) -> None:
    argv = ["build", str(tmp_path / "r.csv"), "--out", str(tmp_path / "out"), "--lessons", "3,01"]
    argv += ["--jobs", "3", "--html", "--force", "--timeout", "9", "--dask", "tcp://h:8786"]
    assert 0 == main([*argv, "--no-progress"])
    expected = BuildOptions(
        roster=tmp_path / "r.csv",
        out=tmp_path / "out",
        lessons=("03", "01"),
        jobs=3,
        html=True,
        force=True,
        timeout=9,
        dask="tcp://h:8786",
        progress=False,
    )
    assert [expected] == asked


def test_progress_is_shown_unless_turned_off(asked: list[BuildOptions]) -> None:
    assert 0 == main(["build"])
    assert (True, None) == (asked[0].progress, asked[0].lessons)


def test_success_prints_the_report_and_exits_0(
    asked: list[BuildOptions], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert 0 == main(["build", "--out", str(tmp_path), "--no-progress"])
    expected = f"Built 1, skipped 1 (unchanged), failed 0 in 1.2 s → {tmp_path}\n"
    assert expected == capsys.readouterr().out


def test_a_failed_participant_exits_1_with_the_report(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    failed = (Failure("bao", "Bao Trần", 4, "00-start.ipynb, cell 4: ValueError: boom"),)
    monkeypatch.setattr(
        "offerkit.batch.build.build_workbooks", lambda options: report(options.out, failed)
    )
    assert 1 == main(["build", "--out", str(tmp_path), "--no-progress"])
    out = capsys.readouterr().out
    assert "FAILED bao (roster row 4): 00-start.ipynb, cell 4: ValueError: boom" in out
    assert "run the same command again" in out


@pytest.mark.parametrize("option", ["--jobs", "--timeout"])
@pytest.mark.parametrize("text", ["0", "-2", "two", "1.5", ""])
def test_counts_must_be_whole_numbers_of_1_or_more(
    option: str, text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["build", option, text])
    assert 2 == caught.value.code
    expected = f"argument {option}: expected a whole number ≥ 1 (got {text!r})"
    assert f"offerkit build: error: {expected}" == capsys.readouterr().err.splitlines()[-1]


def test_bad_lesson_list_is_one_line_and_exit_2(
    asked: list[BuildOptions], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert 2 == main(["build", "--lessons", "01,one", "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert 1 == len(err.splitlines())
    assert err.startswith("offerkit build: error: '--lessons' must be two-digit lesson numbers")
    assert "(got 'one')" in err
    assert [] == asked
    assert not (tmp_path / "out").exists()


def test_bad_roster_exits_non_zero_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = write_roster(tmp_path / "r.csv", [{**PEOPLE[0], "previous_pay": "-1"}])
    out = tmp_path / "out"
    assert 2 == main(["build", str(roster), "--out", str(out), "--no-progress"])
    assert not out.exists()
    assert "row 2, column 'previous_pay'" in capsys.readouterr().err


def test_interrupted_build_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(options: BuildOptions) -> BuildReport:
        raise KeyboardInterrupt

    monkeypatch.setattr("offerkit.batch.build.build_workbooks", interrupted)
    assert 130 == main(["build", "--no-progress"])
    assert "offerkit build: interrupted\n" == capsys.readouterr().err


def test_help_lists_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["build", "--help"])
    assert 0 == caught.value.code
    out = capsys.readouterr().out
    options = ["--out", "--lessons", "--jobs", "--html", "--force", "--timeout", "--dask"]
    assert [] == [option for option in [*options, "--no-progress"] if option not in out]
