"""Tests for offerkit.cli: the ``offerkit`` command, its output, its errors and its exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from offerkit import __version__
from offerkit.cli import build_parser, main

SALARY = ["salary", "--previous-pay", "25k x 14", "--posted-range", "20k-30k x 15"]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_salary_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, *SALARY, "--ask", "400000")
    assert (0, "") == (code, err)
    assert [
        "Previous annual pay: 25,000 × 14 = CNY 350,000 a year",
        "+20 % guideline cap: CNY 420,000",
        "Ceiling an exception allows (+30 %): CNY 455,000",
        "Your annual range: CNY 400,000–420,000 (target at the low end)",
        "Posted: CNY 300,000–450,000 a year (20,000–30,000 × 15)",
        "Offers usually land around the middle (kit rule of thumb, not the lesson's): "
        "CNY 360,000–390,000",
        "The top (from CNY 420,000) is usually kept for candidates who exceed every requirement "
        "(the same rule of thumb)",
        "Your range starts above where this posting's offers usually land (kit rule of thumb, "
        "not the lesson's): expect HR to come back lower unless your hard strengths stand out.",
        "Verdict on your ask: CNY 400,000 (+14.3 %) is within the +20 % guideline.",
        "Your ask of CNY 400,000 is above the middle: be ready to show the hard strengths that "
        "justify it.",
    ] == out.splitlines()


def test_salary_json_has_plain_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, *SALARY, "--ask", "400000", "--json")
    data = json.loads(out)
    assert 0 == code
    assert {
        "currency": "CNY",
        "previous_annual": 350_000.0,
        "anchor": "previous pay",
        "anchor_amount": 350_000.0,
        "guideline_cap": 420_000.0,
        "exception_ceiling": 455_000.0,
        "cap_in_force": 420_000.0,
        "exceptions": [],
        "range_low": 400_000.0,
        "range_high": 420_000.0,
        "posted_low": 300_000.0,
        "posted_high": 450_000.0,
        "usual_landing_low": 360_000.0,
        "usual_landing_high": 390_000.0,
    } == {k: v for k, v in data.items() if k not in {"notes", "ask"}}
    assert {
        "amount": 400_000.0,
        "raise_pct": 14.29,
        "verdict": "within-guideline",
        "level": "ok",
        "zone_in_posted_range": "upper",
    } == {k: v for k, v in data["ask"].items() if k not in {"message", "position_message"}}
    assert [] == [k for k, v in data.items() if isinstance(v, str) and v[:1].isdigit()]


def test_salary_json_without_ask_or_posted_range(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _err = _run(capsys, "salary", "--previous-pay", "300000", "--json")
    data = json.loads(out)
    assert (None, None, 360_000.0, 342_000.0) == (
        data["ask"],
        data["posted_low"],
        data["guideline_cap"],
        data["range_low"],
    )


@pytest.mark.parametrize(
    ("kind", "reason"),
    [("exceptional", "claimed on the command line"), ("high-demand", "5 recruiters")],
)
def test_exception_with_ask_400000_is_too_far(
    capsys: pytest.CaptureFixture[str], kind: str, reason: str
) -> None:
    argv = ["salary", "--previous-pay", "300000", "--exception", kind, "--ask", "400000"]
    if kind == "high-demand":
        argv += ["--reason", reason]
    _code, out, _err = _run(capsys, *argv, "--json")
    data = json.loads(out)
    assert ("too-far", "warn", 390_000.0, kind, reason) == (
        data["ask"]["verdict"],
        data["ask"]["level"],
        data["cap_in_force"],
        data["exceptions"][0]["kind"],
        data["exceptions"][0]["reason"],
    )


@pytest.mark.parametrize("reason", [[], ["--reason", "  "]])
def test_high_demand_needs_a_reason(capsys: pytest.CaptureFixture[str], reason: list[str]) -> None:
    argv = ["salary", "--previous-pay", "300000", "--exception", "high-demand", *reason]
    code, out, err = _run(capsys, *argv)
    assert (2, "", True, True) == (
        code,
        out,
        "'--reason' must be the evidence that the role is in high demand" in err,
        "--reason '3 recruiters called this month'" in err,
    )


@pytest.mark.parametrize(
    ("option", "text", "month", "year"),
    [
        ("--previous-pay", "25k", "25k/month", "25k/year"),
        ("--posted-range", "20-30K", "20-30K/month", "20-30K/year"),
    ],
)
def test_an_ambiguous_figure_is_refused_with_both_forms_suggested(
    capsys: pytest.CaptureFixture[str], option: str, text: str, month: str, year: str
) -> None:
    code, out, err = _run(capsys, "salary", option, text)
    assert (2, "", True, True) == (
        code,
        out,
        "a month or a year?" in err,
        err.strip().endswith(f"Write {month} or {year}."),
    )


def test_each_suggested_form_is_accepted(capsys: pytest.CaptureFixture[str]) -> None:
    monthly = json.loads(_run(capsys, "salary", "--previous-pay", "25k/month", "--json")[1])
    yearly = _run(capsys, "salary", "--previous-pay", "25k/year", "--json")[1]
    assert (300_000.0, 25_000.0) == (
        monthly["previous_annual"],
        json.loads(yearly)["previous_annual"],
    )


def test_a_too_far_ask_in_the_lower_part_of_a_posting_is_not_an_easy_yes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["salary", "--previous-pay", "200000", "--posted-range", "250k-450k", "--ask", "300000"]
    _code, out, _err = _run(capsys, *argv)
    assert (True, False) == ("is too far" in out, "easy yes" in out)


def test_exception_reason_and_repeated_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["salary", "--previous-pay", "300000", "--exception", "high-demand"]
    argv += ["--exception", "high-demand", "--reason", "3 recruiters called", "--json"]
    _code, out, _err = _run(capsys, *argv)
    assert [{"kind": "high-demand", "reason": "3 recruiters called"}] == json.loads(out)[
        "exceptions"
    ]


def test_ask_within_exception_ceiling(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["salary", "--previous-pay", "300000", "--exception", "exceptional"]
    _code, out, _err = _run(capsys, *argv, "--ask", "370000")
    assert "CNY 370,000 (+23.3 %) is above the +20 % guideline but within the ceiling" in out


def test_previous_pay_not_disclosed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, "salary", "--posted-range", "20-30K·15薪", "--json")
    data = json.loads(out)
    assert (0, None, "posted range middle", 375_000.0) == (
        code,
        data["previous_annual"],
        data["anchor"],
        data["anchor_amount"],
    )


def test_currency_option(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _err = _run(capsys, "salary", "--previous-pay", "100k", "--currency", "USD")
    assert "+20 % guideline cap: USD 120,000" in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--previous-pay", "-5"], "'previous_pay' must be a positive amount (got '-5')"),
        (["--previous-pay=-5"], "'previous_pay' must be a positive amount"),
        (["--previous-pay", "lots"], "'previous_pay' must be a pay figure"),
        (["--previous-pay", "25k x 30"], "between 12 and 24 months"),
        (["--previous-pay", "300000", "--ask", "-1"], "'ask' must be a positive amount"),
        (["--previous-pay", "65,000", "--currency", "EUR"], "could be 65000 or 65"),
        (["--previous-pay", "300000", "--ask", "$400k"], "'ask' must be amounts in one currency"),
        (["--previous-pay", "300000", "--currency", "XYZ"], "a known currency code"),
        (["--previous-pay", "$100k", "--posted-range", "20-30K·15薪"], "one currency"),
        (["--posted-range", "30-20k x 15"], "minimum is not above its maximum"),
        ([], "'previous_pay' must be a pay figure, or a posted range"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_no_traceback(
    capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    code, out, err = _run(capsys, "salary", *argv)
    assert (2, "", 1) == (code, out, len(err.strip().splitlines()))
    assert (True, True, False) == (
        err.startswith("offerkit salary: error: "),
        words in err,
        "Traceback" in err,
    )


def test_unknown_exception_kind_is_an_argparse_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["salary", "--previous-pay", "300000", "--exception", "lucky"])
    assert (2, True) == (caught.value.code, "invalid choice: 'lucky'" in capsys.readouterr().err)


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    out = capsys.readouterr().out
    assert (0, True, True) == (
        caught.value.code,
        out.startswith("usage: offerkit"),
        "salary" in out,
    )


def test_salary_help_lists_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["salary", "--help"])
    out = capsys.readouterr().out
    options = ["--previous-pay", "--posted-range", "--currency", "--exception", "--reason"]
    assert [] == [o for o in [*options, "--ask", "--json"] if o not in out]


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys)
    assert (0, True) == (code, out.startswith("usage: offerkit"))


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert (0, f"offerkit {__version__}\n") == (caught.value.code, capsys.readouterr().out)


def test_parser_prog_is_offerkit() -> None:
    assert "offerkit" == build_parser().prog


# ---------------------------------------------------------------- real processes


def test_real_processes_console_script_and_module() -> None:
    version = subprocess.run(
        ["offerkit", "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    salary = subprocess.run(
        [sys.executable, "-m", "offerkit", "salary", "--previous-pay", "300000", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (0, f"offerkit {__version__}") == (version.returncode, version.stdout.strip())
    assert (0, 360_000.0) == (salary.returncode, json.loads(salary.stdout)["guideline_cap"])
