"""The ``offerkit`` command line.

Each sub-command lives in its own small function; heavy imports (papermill, nbclient,
dask…) happen inside the sub-command that needs them, so ``offerkit --help`` stays fast.
Any :class:`~offerkit.errors.OfferkitError` ends the command with a one-line message on
stderr and exit status 2 — never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from offerkit import __version__
from offerkit.errors import OfferkitError

if TYPE_CHECKING:
    from offerkit.rules.plan import OfferPlan

__all__ = ["EXIT_STATUSES", "build_parser", "main"]

EXIT_STATUSES = """\
exit status:
  0    done
  1    build: some participants failed, the others were built; check: the message was
       flagged
  2    bad input or options, or no command given (one line on stderr says what)
  3    build: the environment (--out unwritable, disk full, another build holds --out,
       no Dask scheduler)
  130  interrupted by Ctrl-C; 143: build terminated by SIGTERM

'offerkit COMMAND --help' shows a command's options.
"""


def _salary_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--previous-pay",
        default="",
        help="previous pay in any format, e.g. '300k/year', '25k x 14', '25k/month', "
        "'25k x 13 + 30k bonus' (leave out if not disclosed); a bare figure that could be "
        "monthly or annual is refused",
    )
    parser.add_argument(
        "--posted-range",
        default="",
        help="the job board's range, e.g. '20-30K·15薪', '20k-30k x 15' or '60k-75k/year'",
    )
    parser.add_argument("--currency", default="CNY", help="ISO code (default CNY)")
    parser.add_argument(
        "--exception",
        action="append",
        default=[],
        choices=["exceptional", "high-demand"],
        help="claim an exception to the +20 %% guideline (repeatable)",
    )
    parser.add_argument(
        "--reason",
        default="",
        help="why the exception holds (market evidence, rare strength); "
        "required with --exception high-demand",
    )
    parser.add_argument("--ask", default="", help="an annual ask to check, e.g. 400000")
    parser.add_argument("--json", action="store_true", help="print JSON with plain numbers")


def _salary(args: argparse.Namespace) -> int:
    """Your annual range under the +20 % guideline, the ceiling an exception allows, where
    the posted range's offers usually land, and a verdict on your ask."""
    from offerkit.errors import EmptyTextError
    from offerkit.rules.ask import check_ask
    from offerkit.rules.salary import expected_salary_range
    from offerkit.rules.salary_exceptions import SalaryException

    if "high-demand" in args.exception and not args.reason.strip():
        raise EmptyTextError(
            "--reason",
            "the evidence that the role is in high demand, with --exception high-demand",
            args.reason,
            "e.g. --reason '3 recruiters called this month'",
        )
    reason = args.reason.strip() or "claimed on the command line"
    exceptions = [SalaryException(kind, reason) for kind in dict.fromkeys(args.exception)]
    expected = expected_salary_range(
        args.previous_pay or None,
        currency=args.currency,
        posted=args.posted_range or None,
        exceptions=exceptions,
    )
    verdict = check_ask(args.ask, expected) if args.ask.strip() else None
    if args.json:
        data = expected.as_dict()
        data["ask"] = (
            None
            if verdict is None
            else {
                "amount": verdict.ask,
                "raise_pct": verdict.raise_pct,
                "verdict": verdict.verdict,
                "level": verdict.level,
                "message": verdict.message,
                "zone_in_posted_range": verdict.position.zone if verdict.position else None,
                "position_message": verdict.position_message or None,
            }
        )
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    for line in expected.lines():
        print(line)
    if verdict is not None:
        print(f"Verdict on your ask: {verdict.message}")
        if verdict.position_message:
            print(verdict.position_message)
    return 0


def _check(args: argparse.Namespace) -> int:
    """Check a message you plan to send to HR for tone and honesty: one line per problem
    (what it is, the words that triggered it, the lesson's point). Exit status 0 when
    clean, 1 when something is flagged, 2 on bad input."""
    from dataclasses import asdict

    from offerkit.rules.checker import check_message

    report = check_message(
        args.message,
        previous_pay=args.previous_pay,
        offers_held=args.offers_held,
        currency=args.currency,
    )
    if args.json:
        found = [asdict(finding) for finding in report.findings]
        data = {"clean": report.clean, "findings": found, "notes": list(report.notes)}
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        lines = [finding.line() for finding in report.findings]
        if report.clean:
            lines.append("Clean: friendly in tone, and nothing claimed that your facts contradict.")
        print("\n".join([*lines, *(f"Note: {note}" for note in report.notes)]))
    return 0 if report.clean else 1


def _plan_from_answers(path: Path) -> OfferPlan:
    """The plan of the learner whose answers file is ``path`` (default parameters)."""
    from offerkit.learner.answers import read_answers
    from offerkit.learner.params import PARAMETERS
    from offerkit.learner.plan import offer_plan
    from offerkit.learner.state import learner_state

    answers = read_answers(path)  # raises (and leaves the file alone) if unreadable
    params = {p.name: p.default for p in PARAMETERS}
    return offer_plan(learner_state(params, answers))


def _plan_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    plan = sub.add_parser(
        "plan",
        help="my one-page offer plan as plan.md, plan.html (and plan.pdf)",
        description=_plan.__doc__,
    )
    plan.add_argument(
        "--answers",
        default="",
        metavar="FILE",
        help="a learner's answers file (default: the bundled example learner)",
    )
    plan.add_argument(
        "--out", default=".", metavar="DIR", help="folder to write into (default: here)"
    )
    plan.add_argument(
        "--pdf", action="store_true", help="also print plan.pdf (needs Chromium and Playwright)"
    )
    plan.set_defaults(handler=_plan)


def _plan(args: argparse.Namespace) -> int:
    """Write my one-page offer plan from an answers file: plan.md (everything), plan.html
    (one A4 page when printed; long answers shortened) and, with --pdf, plan.pdf. A file
    in the folder that offerkit did not write is never overwritten."""
    from offerkit.publish.files import OwnedFolder
    from offerkit.resources import example_learner
    from offerkit.rules.plan import plan_html, plan_markdown

    answers = Path(args.answers) if args.answers else example_learner()
    plan = _plan_from_answers(answers)
    folder = OwnedFolder(Path(args.out))
    folder.check("plan.md", "plan.html", *(["plan.pdf"] if args.pdf else []))
    page = plan_html(plan)
    written = [
        folder.write_text("plan.md", plan_markdown(plan)),
        folder.write_text("plan.html", page),
    ]
    if not args.answers:
        print("(The bundled example learner; pass --answers FILE for your own plan.)")
    for path in written:
        print(f"Wrote {path}")
    if args.pdf:
        from offerkit.publish.pdf import html_to_pdf

        printed = html_to_pdf(page, folder.temporary("plan.pdf"), one_page=True)
        pdf = folder.adopt(printed.path, "plan.pdf")
        size = "" if printed.scale == 1 else f", printed at {printed.scale:.0%}"
        print(f"Wrote {pdf} ({printed.pages} {'page' if printed.pages == 1 else 'pages'}{size})")
    for item in plan.missing:
        print(f"Still to do: {item}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (sub-commands included)."""
    parser = argparse.ArgumentParser(
        prog="offerkit",
        description="Prepare for the offer and salary conversation: lessons, rules and "
        "workbook builds.",
        epilog=EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"offerkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", help="the command to run:")
    salary = sub.add_parser(
        "salary", help="your annual range and a verdict on an ask", description=_salary.__doc__
    )
    _salary_arguments(salary)
    salary.set_defaults(handler=_salary)
    check = sub.add_parser(
        "check", help="check a message to HR for tone and honesty", description=_check.__doc__
    )
    check.add_argument("message", help="the message, in quotes")
    check.add_argument(
        "--previous-pay", metavar="PAY", help="your true previous pay, e.g. '300k/year'"
    )
    check.add_argument("--offers-held", type=int, metavar="N", help="other offers you hold, e.g. 0")
    check.add_argument("--currency", default="CNY", help="ISO code (default CNY)")
    check.add_argument("--json", action="store_true", help="print the findings as JSON")
    check.set_defaults(handler=_check)
    _plan_command(sub)
    _build_command(sub)
    _instructor_commands(sub)
    return parser


def _instructor_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``guide``, ``release``, ``export-answers``, ``pulse``: see :mod:`offerkit.instructor`."""
    from offerkit.instructor.cli import add_instructor_commands

    add_instructor_commands(sub)


def _build_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``offerkit build``: the logic lives in :mod:`offerkit.batch` (imported when run)."""
    from offerkit.batch.cli import add_build_arguments, run_build

    build = sub.add_parser(
        "build",
        help="a roster in, a personalised executed workbook per participant out",
        description="Build one personalised, executed workbook per participant and lesson "
        "(plus HTML handouts and index.html) from a roster; reruns skip unchanged "
        "participants.",
    )
    add_build_arguments(build)
    build.set_defaults(handler=run_build)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``offerkit`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):  # no command: the help, as a usage error
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.handler(args))
    except OfferkitError as exc:
        message = str(exc)
        print(f"offerkit {args.command}: error: {message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"offerkit {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
