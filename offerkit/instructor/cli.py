"""The instructor (and course-copy) sub-commands of ``offerkit``: ``guide``, ``release``,
``init``, ``export-answers`` and ``pulse``.

:func:`add_instructor_commands` registers them on the main parser's sub-parsers; each
handler imports what it needs when it runs, so ``offerkit --help`` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from offerkit.errors import AnswersFileError, ForeignFileError, InvalidInputError

__all__ = ["add_instructor_commands"]


def _guide(args: argparse.Namespace) -> int:
    """Write the facilitator guide (Markdown and HTML) from the lesson notebooks: schedule
    with a running clock, breaks and the pulse debrief, objectives, key points, prompts,
    role-plays and instructor notes. Lessons whose slot is too short for their exercises,
    role-play, quiz or notes are warned about (on stderr and in the guide)."""
    from offerkit.instructor.guide import facilitator_guide, write_guide_files
    from offerkit.instructor.notebooks import read_lessons

    guide = facilitator_guide(
        read_lessons(),
        args.start,
        break_every=args.break_every,
        break_minutes=args.break_minutes,
        pulse_minutes=args.pulse_minutes,
    )
    for path in write_guide_files(guide, Path(args.out)):
        print(f"wrote {path}")
    for line in guide.warnings:
        print(f"offerkit guide: warning: {line}", file=sys.stderr)
    return 0


def _release(args: argparse.Namespace) -> int:
    """Write the learner build (no instructor notes or solutions anywhere) or the instructor
    build (everything) of every lesson notebook. Files in the release folder that the
    release did not write (learners' answers saved under Voila, notes) are kept."""
    from offerkit.instructor.release import learner_files, release_lessons

    paths = release_lessons(args.audience, Path(args.out))
    print(f"wrote {len(paths)} notebooks for {args.audience} to {paths[0].parent}")
    kept = learner_files(paths[0].parent)
    if kept:
        print(f"kept what learners saved there: {', '.join(p.name for p in kept)}")
    return 0


def _lessons(count: int) -> str:
    return f"{count} lesson" if count == 1 else f"{count} lessons"


def _init(args: argparse.Namespace) -> int:
    """Copy the lessons for self-study into DIR: the learner build (no instructor notes or
    worked solutions). Then run `jupyter lab DIR` and open 00-start-here.ipynb; your answers
    are saved in DIR/answers/. Run it again after upgrading offerkit to refresh the lessons:
    a lesson you edited, your answers and any file offerkit did not write are left alone
    (and listed)."""
    from offerkit.instructor.selfstudy import VOILA_TEMPLATE_DIR, init_course

    copy = init_course(Path(args.dir))
    written = [path for path in copy.written if path.suffix == ".ipynb"]
    current = [path for path in copy.current if path.suffix == ".ipynb"]
    if written:
        print(f"wrote {_lessons(len(written))} to {copy.folder}")
    if len(written) < len(copy.written):
        print(f"wrote the offline Voila template to {copy.folder / VOILA_TEMPLATE_DIR}")
    if current:
        were = "was" if len(current) == 1 else "were"
        print(f"{_lessons(len(current))} {were} already up to date")
    for path, reason in copy.kept:
        print(f"left alone: {path} ({reason})")
    print(f"next: jupyter lab {copy.folder}  (then open 00-start-here.ipynb)")
    return 0


def _answers_file(given: str) -> Path:
    if given:
        return Path(given)
    found = sorted(Path("answers").glob("*.answers.json"))
    if len(found) != 1:
        raise AnswersFileError(
            f"found {len(found)} answers files in ./answers; name one with --answers FILE"
        )
    return found[0]


def _export(args: argparse.Namespace) -> int:
    """Write an anonymised summary of your answers for the workshop pulse (goal-area
    weights, strength mix, ask as % over previous pay, exception kinds, decision window:
    no names, ids, pay figures or free text) and print exactly what is in it. A file that
    is not an offerkit answers file, or an --out file that is not an offerkit export, is
    never changed."""
    from offerkit.exercises.course import start_course
    from offerkit.exercises.export_exercises import write_export
    from offerkit.learner.answers import read_answers_file

    path = _answers_file(args.answers)
    try:
        found = read_answers_file(path)  # ForeignFileError: not offerkit's, left as it is
    except ForeignFileError:
        raise
    except AnswersFileError as exc:
        raise AnswersFileError(
            f"{exc}; nothing was changed. Open a lesson with this answers file to keep it "
            "aside and start a new one, or fix the file"
        ) from None
    if found is None:
        raise AnswersFileError(f"{path}: no such answers file; name one with --answers FILE")
    if found.newer:
        raise AnswersFileError(
            f"{path} was written by a newer offerkit (schema {found.schema}); update offerkit"
        )
    namespace = {"learner_id": found.learner_id or "learner", "answers_file": str(path)}
    course = start_course(namespace, headless=False, announce=False)
    if course.store.read_only:  # the file changed since it was checked
        raise AnswersFileError(course.store.warning)
    written = write_export(course, Path(args.out) if args.out else None)
    print(written.read_text(encoding="utf-8"), end="")
    print(f"wrote {written}", file=sys.stderr)
    return 0


def _pulse(args: argparse.Namespace) -> int:
    """Merge anonymised exports (files or folders) into a class view for the debrief:
    charts and a summary; groups smaller than --min-group (3 or more) are not shown, nor
    any group from which a small one could be worked out."""
    from offerkit.instructor.pulse_report import write_pulse

    sources = [Path(p) for p in args.exports]
    for source in sources:
        if not source.exists():
            raise InvalidInputError(
                "exports",
                "an export file or a folder of them",
                str(source),
                "there is no such file or folder; nothing was written",
            )
    files = write_pulse(sources, Path(args.out), args.min_group)
    for item in files.skipped:  # the instructor's terminal only: never in the report
        name = "".join(c if c.isprintable() else "\ufffd" for c in item.path.name)
        print(f"offerkit pulse: {name}: {item.reason} (skipped)", file=sys.stderr)
    for path in (files.markdown, files.html, *files.charts):
        print(f"wrote {path}")
    return 0


def add_instructor_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``guide``, ``release``, ``init``, ``export-answers`` and ``pulse`` on ``sub``."""
    guide = sub.add_parser("guide", help="write the facilitator guide", description=_guide.__doc__)
    guide.add_argument("--out", default="guide", help="output folder (default: guide/)")
    guide.add_argument("--start", default="09:00", help="workshop start time, HH:MM")
    guide.add_argument(
        "--break-every",
        type=int,
        default=90,
        metavar="MIN",
        help="a break before a lesson that would run past MIN minutes since the last one "
        "(default 90; 0: no breaks)",
    )
    guide.add_argument(
        "--break-minutes", type=int, default=15, metavar="MIN", help="break length (default 15)"
    )
    guide.add_argument(
        "--pulse-minutes",
        type=int,
        default=15,
        metavar="MIN",
        help="pulse debrief slot at the end (default 15; 0: none)",
    )
    guide.set_defaults(handler=_guide)

    release = sub.add_parser(
        "release", help="write the learner or instructor build", description=_release.__doc__
    )
    release.add_argument(
        "--for",
        dest="audience",
        required=True,
        choices=["learners", "instructors"],
        help="learners: without instructor notes or solutions; instructors: everything",
    )
    release.add_argument(
        "--out", default="release", help="writes OUT/<audience>/ (default: release)"
    )
    release.set_defaults(handler=_release)

    init = sub.add_parser(
        "init", help="copy the lessons into a folder for self-study", description=_init.__doc__
    )
    init.add_argument(
        "dir",
        nargs="?",
        default="offerkit-course",
        metavar="DIR",
        help="folder to copy the lessons into (default: offerkit-course)",
    )
    init.set_defaults(handler=_init)

    export = sub.add_parser(
        "export-answers",
        help="anonymised summary for the workshop pulse",
        description=_export.__doc__,
    )
    export.add_argument("--answers", default="", help="answers file (default: the one in answers/)")
    export.add_argument("--out", default="", help="export file (default: next to the answers)")
    export.set_defaults(handler=_export)

    pulse = sub.add_parser("pulse", help="class view from exports", description=_pulse.__doc__)
    pulse.add_argument("exports", nargs="+", help="export files or folders of them")
    pulse.add_argument("--out", default="pulse", help="output folder (default: pulse/)")
    pulse.add_argument(
        "--min-group", type=int, default=3, help="smallest group shown (default and least: 3)"
    )
    pulse.set_defaults(handler=_pulse)
