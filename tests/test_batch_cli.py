"""``offerkit build``'s arguments, and how its outcome becomes an exit status and a report.

The build itself is replaced by a stand-in here (tests/test_batch_build.py runs real ones):
these tests check the glue between the command line and :func:`build_workbooks`.
"""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

import pytest
from batch_helpers import PEOPLE, write_roster

from offerkit.batch.build import BuildOptions, BuildReport, Failure
from offerkit.batch.cli import DEFAULT_ROSTER
from offerkit.batch.signals import BuildTerminated
from offerkit.cli import build_parser, main
from offerkit.errors import BuildEnvironmentError


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


@pytest.mark.parametrize(
    ("terminal", "argv", "expected"),
    [(True, [], True), (True, ["--no-progress"], False), (False, [], False)],
)
def test_progress_bars_only_on_a_terminal_unless_turned_off(
    asked: list[BuildOptions],
    monkeypatch: pytest.MonkeyPatch,
    terminal: bool,
    argv: list[str],
    expected: bool,
) -> None:
    monkeypatch.setattr("sys.stderr.isatty", lambda: terminal)
    assert 0 == main(["build", *argv])
    assert (expected, None) == (asked[0].progress, asked[0].lessons)


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
    options += ["--audience", "--prune", "--connect-timeout", "--max-rows", "--max-roster-mb"]
    assert [] == [option for option in [*options, "--no-progress"] if option not in out]


def test_help_documents_every_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    out = capsys.readouterr().out
    statuses = [line.split()[0] for line in out.split("exit status:")[1].splitlines() if line]
    assert ["0", "1", "2", "3", "130"] == [s for s in statuses if s.isdigit()]
    assert "143" in out


def test_new_options_reach_the_build(asked: list[BuildOptions], tmp_path: Path) -> None:
    argv = ["build", "--out", str(tmp_path), "--audience", "instructors", "--prune"]
    argv += ["--connect-timeout", "2.5", "--max-rows", "7", "--max-roster-mb", "3"]
    assert 0 == main([*argv, "--no-progress"])
    (options,) = asked
    assert ("instructors", True, 2.5, 7, 3_000_000) == (
        options.audience,
        options.prune,
        options.connect_timeout,
        options.limits.max_rows,
        options.limits.max_bytes,
    )


@pytest.mark.parametrize(
    ("raised", "code", "message"),
    [
        (BuildEnvironmentError("cannot write build/x: the disk is full"), 3, "the disk is full"),
        (BuildTerminated(), 143, "terminated (SIGTERM)"),
    ],
)
def test_environment_failure_exits_3_and_sigterm_143(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    raised: BaseException,
    code: int,
    message: str,
) -> None:
    def failing(options: BuildOptions) -> BuildReport:
        raise raised

    monkeypatch.setattr("offerkit.batch.build.build_workbooks", failing)
    assert code == main(["build", "--no-progress"])
    err = capsys.readouterr().err
    assert (1, True) == (len(err.splitlines()), message in err)


def test_out_that_is_a_file_exits_3_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = write_roster(tmp_path / "r.csv")
    (tmp_path / "out").write_text("a file", encoding="utf-8")
    assert 3 == main(["build", str(roster), "--out", str(tmp_path / "out"), "--no-progress"])
    err = capsys.readouterr().err
    assert 1 == len(err.splitlines()) and "is a file, not a folder" in err


def test_unanswering_dask_scheduler_ends_with_one_line_after_the_timeout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # accepts connections, never says a word
    address = f"tcp://127.0.0.1:{silent.getsockname()[1]}"
    roster = write_roster(tmp_path / "r.csv", PEOPLE[:1])
    argv = ["build", str(roster), "--out", str(tmp_path / "out"), "--dask", address]
    started = time.monotonic()
    try:
        code = main([*argv, "--connect-timeout", "1", "--no-progress"])
    finally:
        silent.close()
    err = capsys.readouterr().err
    assert 3 == code
    assert time.monotonic() - started < 15
    assert 1 == len(err.splitlines())
    assert f"no Dask scheduler answered at {address} within 1 s (--connect-timeout)" in err
