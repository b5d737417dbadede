"""Tests for offerkit.cli: the ``offerkit`` command, its output, its errors and its exit codes."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from offerkit import __version__
from offerkit.cli import build_parser, main

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "example-learner.answers.json"
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


def test_no_command_prints_help_on_stderr_and_exits_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _run(capsys)
    assert (2, "", True) == (code, out, err.startswith("usage: offerkit"))


def test_help_lists_the_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    statuses = out.split("exit status:\n", 1)[1].splitlines()
    codes = [line.split()[0] for line in statuses if line.startswith("  ") and line[2] != " "]
    assert ["0", "1", "2", "3", "130"] == codes


def _parsers() -> list[tuple[str, argparse.ArgumentParser]]:
    """The main parser and every sub-command's parser, by command name."""
    parser = build_parser()
    found = [("offerkit", parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found += [(f"offerkit {name}", sub) for name, sub in action.choices.items()]
    return found


PARSERS = _parsers()


def test_every_command_is_walked() -> None:
    expected = {"salary", "plan", "build", "guide", "release", "init", "pulse", "export-answers"}
    assert set() == expected - {name.split()[-1] for name, _parser in PARSERS}


@pytest.mark.parametrize(("name", "parser"), PARSERS, ids=[n for n, _p in PARSERS])
def test_every_option_has_help(name: str, parser: argparse.ArgumentParser) -> None:
    missing = [
        "/".join(action.option_strings) or action.dest
        for action in parser._actions
        if not action.help or action.help == argparse.SUPPRESS
    ]
    assert [] == missing, name


@pytest.mark.parametrize(("name", "parser"), PARSERS, ids=[n for n, _p in PARSERS])
def test_help_renders_without_doubled_percent_signs(
    name: str, parser: argparse.ArgumentParser
) -> None:
    rendered = parser.format_help()
    assert (True, False) == (rendered.startswith(f"usage: {name}"), "%%" in rendered)


def test_every_command_in_the_list_has_a_summary() -> None:
    parser = build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert [] == [c.dest for c in commands._choices_actions if not c.help]


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


# ---------------------------------------------------------------- offerkit plan


def _plan_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_plan_writes_markdown_and_html_for_the_example_learner(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = _run(capsys, "plan", "--out", str(tmp_path))
    assert (0, "") == (code, err)
    assert [
        "(The bundled example learner; pass --answers FILE for your own plan.)",
        f"Wrote {tmp_path / 'plan.md'}",
        f"Wrote {tmp_path / 'plan.html'}",
    ] == out.splitlines()[:3]
    assert [".offerkit-files.json", "plan.html", "plan.md"] == _plan_files(tmp_path)
    markdown = (tmp_path / "plan.md").read_text("utf-8")
    assert markdown.startswith("# My offer plan — Lin Mei\n")
    assert "<h1>My offer plan — Lin Mei</h1>" in (tmp_path / "plan.html").read_text("utf-8")


def test_plan_reads_the_answers_file_given_and_reruns_over_its_own_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    answers = tmp_path / "mine.answers.json"
    document = json.loads(EXAMPLE.read_text("utf-8"))
    document["exercises"]["00.profile"]["value"]["learner_name"] = "Grace [admin](javascript:x)"
    answers.write_text(json.dumps(document), "utf-8")
    out_dir = tmp_path / "out"
    for _ in range(2):
        code, out, err = _run(capsys, "plan", "--answers", str(answers), "--out", str(out_dir))
        assert (0, "") == (code, err)
    markdown = (out_dir / "plan.md").read_text("utf-8")
    assert markdown.startswith("# My offer plan — Grace \\[admin\\](javascript:x)\n")
    assert "example learner" not in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such answers file"),
        ("{not json", "damaged offerkit answers file: not JSON"),
        ('{"schema": 1}', "'exercises' must be an object"),
    ],
)
def test_plan_with_a_bad_answers_file_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str | None, message: str
) -> None:
    answers = tmp_path / "bad.answers.json"
    if content is not None:
        answers.write_text(content, "utf-8")
    out_dir = tmp_path / "out"
    code, out, err = _run(capsys, "plan", "--answers", str(answers), "--out", str(out_dir))
    assert (2, "") == (code, out)
    assert 1 == len(err.splitlines()) and message in err
    assert err.startswith("offerkit plan: error: ")
    assert not out_dir.exists()
    if content is not None:
        assert content == answers.read_text("utf-8")
        assert ["bad.answers.json"] == _plan_files(tmp_path)


def test_plan_never_overwrites_a_file_it_did_not_write(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "plan.html").write_text("my own page", "utf-8")
    code, out, err = _run(capsys, "plan", "--out", str(tmp_path))
    assert (2, "") == (code, out)
    assert f"offerkit plan: error: {tmp_path / 'plan.html'} exists and offerkit did not" in err
    assert ["plan.html"] == _plan_files(tmp_path)  # plan.md was not written either
    assert "my own page" == (tmp_path / "plan.html").read_text("utf-8")


def test_plan_refuses_an_out_that_is_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "out").write_text("x", "utf-8")
    code, _out, err = _run(capsys, "plan", "--out", str(tmp_path / "out"))
    assert 2 == code and "is a file, not a folder" in err


@pytest.mark.browser
def test_plan_pdf_is_one_a4_page(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from browser_support import require_browser
    from pypdf import PdfReader

    require_browser()
    code, out, err = _run(capsys, "plan", "--out", str(tmp_path), "--pdf")
    assert (0, "") == (code, err)
    assert f"Wrote {tmp_path / 'plan.pdf'} (1 page)" in out.splitlines()
    assert 1 == len(PdfReader(tmp_path / "plan.pdf").pages)
    assert [".offerkit-files.json", "plan.html", "plan.md", "plan.pdf"] == _plan_files(tmp_path)


@pytest.mark.slow
def test_the_example_learner_is_what_the_generator_makes() -> None:
    """data/example-learner.answers.json is regenerated by driving the widgets."""
    from example_learner import example_text

    assert EXAMPLE.read_text("utf-8") == example_text()


def _long_answers(path: Path) -> str:
    """The example learner, writing far more than fits on a page; returns one long text."""
    long = "I led the warehouse migration and trained the analysts who use it " * 12
    document = json.loads(EXAMPLE.read_text("utf-8"))
    exercises = document["exercises"]
    for entry in exercises["02.strengths"]["value"]["entries"]:
        entry["description"], entry["evidence"] = long[:200], long
    exercises["02.strengths"]["value"]["entries"] *= 4
    exercises["04.doubts"]["value"]["own"] = "\n".join(f"{long} ({n})?" for n in range(12))
    exercises["05.offers"]["value"]["entries"] *= 4
    exercises["06.plan"]["value"]["next_step"] = long
    exercises["00.profile"]["value"]["target_role"] = long[:150]
    path.write_text(json.dumps(document), "utf-8")
    return long


@pytest.mark.browser
def test_plan_pdf_of_a_learner_with_long_answers_is_one_page_and_md_keeps_all(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from browser_support import require_browser
    from pypdf import PdfReader

    require_browser()
    answers = tmp_path / "long.answers.json"
    long = _long_answers(answers)
    out_dir = tmp_path / "out"
    code, out, err = _run(capsys, "plan", "--answers", str(answers), "--out", str(out_dir), "--pdf")
    assert (0, "") == (code, err)
    assert f"Wrote {out_dir / 'plan.pdf'} (1 page)" in out.splitlines()
    assert 1 == len(PdfReader(out_dir / "plan.pdf").pages)
    assert "Some answers are shortened" in (out_dir / "plan.html").read_text("utf-8")
    assert 12 <= (out_dir / "plan.md").read_text("utf-8").count(" ".join(long.split()))


# ---------------------------------------------------------------- offerkit check


def test_check_flags_each_problem_on_one_line_and_exits_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _run(
        capsys, "check", "Your posting said 30k, so take it or leave it", "--offers-held", "0"
    )
    lines = out.splitlines()
    assert (1, "") == (code, err)
    assert ["Quoting the job posting as a promise", "An ultimatum"] == [
        line.split(":")[0] for line in lines[:2]
    ]
    assert "“take it or leave it”" in lines[1]
    assert "Leave room to talk" in lines[1]
    assert ["Note: No previous pay given: a stated current pay was not checked."] == lines[2:]


def test_check_clean_message_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(
        capsys,
        "check",
        "Is this your final offer, or is there some flexibility?",
        "--previous-pay",
        "300k/year",
        "--offers-held",
        "0",
    )
    assert (0, ["Clean: friendly in tone, and nothing claimed that your facts contradict."]) == (
        code,
        out.splitlines(),
    )


def test_check_compares_stated_pay_with_previous_pay(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["check", "I'm currently paid 400,000 a year", "--offers-held", "0", "--json"]
    inflated = _run(capsys, *argv, "--previous-pay", "300,000/year")
    true = _run(capsys, *argv, "--previous-pay", "400,000/year")
    data = json.loads(inflated[1])
    assert (1, False, ["inflated-pay"]) == (
        inflated[0],
        data["clean"],
        [finding["kind"] for finding in data["findings"]],
    )
    assert "I'm currently paid 400,000 a year" == data["findings"][0]["trigger"]
    assert (0, True, []) == (true[0], json.loads(true[1])["clean"], json.loads(true[1])["notes"])


def test_check_compares_claimed_offer_with_offers_held(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["check", "Another company has offered me 450k", "--json"]
    invented = json.loads(_run(capsys, *argv, "--offers-held", "0")[1])
    held = _run(capsys, *argv, "--offers-held", "1")
    assert ["invented-offer"] == [finding["kind"] for finding in invented["findings"]]
    assert (0, True) == (held[0], json.loads(held[1])["clean"])


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["   "], "'message'"),
        (["Hello", "--previous-pay", "25k"], "a month or a year?"),
        (["Hello", "--previous-pay", "lots"], "'previous_pay' must be"),
        (["Hello", "--offers-held", "-1"], "'offers_held' must be"),
    ],
)
def test_check_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], field: str
) -> None:
    code, out, err = _run(capsys, "check", *argv)
    assert (2, "", 1, True) == (code, out, len(err.splitlines()), field in err)
    assert err.startswith("offerkit check: error: ")


def test_check_offers_held_must_be_a_whole_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["check", "Hello", "--offers-held", "two"])
    assert (2, True) == (caught.value.code, "invalid int value" in capsys.readouterr().err)


def test_check_as_a_real_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "offerkit", "check", "I NEED AN ANSWER TODAY."],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (1, "Shouting: “NEED AN ANSWER TODAY”") == (
        result.returncode,
        result.stdout.split(" — ")[0],
    )


def test_the_command_line_loads_no_widgets_charts_or_papermill_before_a_command_runs() -> None:
    """Every command starts fast: building the parser imports none of the heavy libraries
    (they cost over a second; each command imports what it needs when it runs)."""
    code = (
        "import sys\n"
        "from offerkit.cli import build_parser\n"
        "build_parser().parse_args(['build'])\n"
        "heavy = ('ipywidgets', 'matplotlib', 'pandas', 'papermill', 'nbclient', 'jsonschema')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    command = [sys.executable, "-c", code]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "[]" == result.stdout.strip()
