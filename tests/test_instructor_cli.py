"""The instructor sub-commands' glue: ``guide``, ``release``, ``export-answers``, ``pulse``.

Arguments, what each prints, and the exit status: 0 when done, 2 with one line on stderr
for an offerkit error, argparse's 2 for bad arguments.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_instructor_export import LEARNER_ID, PRIVATE, save_answers
from test_instructor_guide import lesson_meta, write_lesson
from test_instructor_pulse import export, write

from offerkit.cli import main
from offerkit.instructor.selfstudy import VOILA_TEMPLATE_DIR


@pytest.fixture
def lessons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two fixture lessons, used in place of the real ones."""
    folder = tmp_path / "nb"
    write_lesson(folder, "01-fixture.ipynb", lesson_meta(), "A note for you.")
    write_lesson(folder, "02-next.ipynb", lesson_meta("02"))
    monkeypatch.setenv("OFFERKIT_NOTEBOOKS", str(folder))
    return folder


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers" / f"{LEARNER_ID}.answers.json"
    save_answers(path)
    return path


def argparse_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The last line argparse prints when it refuses ``argv`` (exit status 2)."""
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert 2 == caught.value.code
    return capsys.readouterr().err.splitlines()[-1]


def one_line_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The single stderr line of a command that ends with an offerkit error (status 2)."""
    assert 2 == main(argv)
    (line,) = capsys.readouterr().err.splitlines()
    return line


def test_help_lists_the_instructor_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    commands = ("guide", "release", "init", "export-answers", "pulse")
    assert [] == [command for command in commands if command not in out]


# guide


def test_cli_guide_writes_both_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_lesson(tmp_path / "nb", "01-fixture.ipynb", lesson_meta())
    monkeypatch.setenv("OFFERKIT_NOTEBOOKS", str(tmp_path / "nb"))
    assert 0 == main(["guide", "--out", str(tmp_path / "out"), "--start", "13:30"])
    markdown = (tmp_path / "out" / "facilitator-guide.md").read_text(encoding="utf-8")
    assert "13:30–14:00" in markdown
    assert (tmp_path / "out" / "facilitator-guide.html").exists()
    assert "facilitator-guide.md" in capsys.readouterr().out


def test_cli_guide_takes_breaks_and_warns_on_a_short_slot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for lesson in ("01", "02"):
        write_lesson(tmp_path / "nb", f"{lesson}-fixture.ipynb", lesson_meta(lesson), "")
    write_lesson(tmp_path / "nb", "03-fixture.ipynb", lesson_meta("03"), "Allow 45 minutes.")
    monkeypatch.setenv("OFFERKIT_NOTEBOOKS", str(tmp_path / "nb"))
    argv = ["guide", "--out", str(tmp_path / "out"), "--break-every", "60"]
    assert 0 == main([*argv, "--break-minutes", "10", "--pulse-minutes", "20"])
    markdown = (tmp_path / "out" / "facilitator-guide.md").read_text(encoding="utf-8")
    assert "|  | Break |  |  | 10:00–10:10 |" in markdown
    assert "10:40–11:00 |" in markdown.split("Pulse debrief")[1].splitlines()[0]
    err = capsys.readouterr().err
    assert "offerkit guide: warning: Lesson 03 (Fixture lesson): the instructor notes" in err
    assert 2 == main([*argv[:3], "--break-every", "5"])
    assert "'break_every' must be whole minutes" in capsys.readouterr().err


def test_cli_guide_malformed_lesson_exits_non_zero(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_lesson(tmp_path / "nb", "01-fixture.ipynb", lesson_meta(exercises=-5))
    monkeypatch.setenv("OFFERKIT_NOTEBOOKS", str(tmp_path / "nb"))
    assert 2 == main(["guide", "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert "01-fixture.ipynb" in err
    assert "column 'exercises'" in err
    assert not (tmp_path / "out").exists()


def test_guide_prints_each_file_written_and_starts_at_nine(
    lessons: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert 0 == main(["guide", "--out", str(out)])
    expected = [
        f"wrote {out / 'facilitator-guide.md'}",
        f"wrote {out / 'facilitator-guide.html'}",
    ]
    assert expected == capsys.readouterr().out.splitlines()
    markdown = (out / "facilitator-guide.md").read_text(encoding="utf-8")
    assert "| 01 | Fixture lesson | 10 | 20 | 09:00–09:30 |" in markdown


def test_guide_bad_start_is_one_line(
    lessons: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = one_line_error(["guide", "--out", str(tmp_path / "out"), "--start", "25:00"], capsys)
    assert line.startswith("offerkit guide: error: 'start' must be a time of day")
    assert not (tmp_path / "out").exists()


# release


def test_release_needs_an_audience(capsys: pytest.CaptureFixture[str]) -> None:
    line = argparse_error(["release"], capsys)
    assert "offerkit release: error: the following arguments are required: --for" == line


def test_release_refuses_an_unknown_audience(capsys: pytest.CaptureFixture[str]) -> None:
    line = argparse_error(["release", "--for", "students"], capsys)
    assert line.startswith("offerkit release: error: argument --for: invalid choice: 'students'")


@pytest.mark.parametrize("audience", ["learners", "instructors"])
def test_release_says_how_many_notebooks_and_where(
    audience: str, lessons: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert 0 == main(["release", "--for", audience, "--out", str(tmp_path / "rel")])
    expected = f"wrote 2 notebooks for {audience} to {tmp_path / 'rel' / audience}\n"
    assert expected == capsys.readouterr().out
    built = sorted(p.name for p in (tmp_path / "rel" / audience).glob("*.ipynb"))
    assert ["01-fixture.ipynb", "02-next.ipynb"] == built


def test_release_of_a_malformed_lesson_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_lesson(tmp_path / "nb", "01-fixture.ipynb", lesson_meta(title=None))
    monkeypatch.setenv("OFFERKIT_NOTEBOOKS", str(tmp_path / "nb"))
    line = one_line_error(["release", "--for", "learners", "--out", str(tmp_path / "r")], capsys)
    assert line.startswith("offerkit release: error: ")
    assert "01-fixture.ipynb, column 'title'" in line
    assert not (tmp_path / "r").exists()


# init


def test_init_copies_the_lessons_and_says_what_next(
    lessons: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    course = tmp_path / "course"
    assert 0 == main(["init", str(course)])
    expected = [
        f"wrote 2 lessons to {course}",
        f"wrote the offline Voila template to {course / VOILA_TEMPLATE_DIR}",
        f"next: jupyter lab {course}  (then open 00-start-here.ipynb)",
    ]
    assert expected == capsys.readouterr().out.splitlines()
    assert ["01-fixture.ipynb", "02-next.ipynb"] == sorted(p.name for p in course.glob("*.ipynb"))


def test_init_again_lists_what_it_left_alone(
    lessons: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    course = tmp_path / "course"
    main(["init", str(course)])
    (course / "02-next.ipynb").write_text("{}", encoding="utf-8")
    capsys.readouterr()
    assert 0 == main(["init", str(course)])
    assert [
        "1 lesson was already up to date",
        f"left alone: {course / '02-next.ipynb'} (edited since offerkit wrote it)",
        f"next: jupyter lab {course}  (then open 00-start-here.ipynb)",
    ] == capsys.readouterr().out.splitlines()


def test_init_defaults_to_offerkit_course_here(
    lessons: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert 0 == main(["init"])
    assert 2 == len(list((tmp_path / "offerkit-course").glob("*.ipynb")))


# export-answers


def test_cli_export_answers(
    answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sent" / "mine.json"
    assert 0 == main(["export-answers", "--answers", str(answers), "--out", str(out)])
    printed = capsys.readouterr().out
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(printed)
    assert [] == [item for item in PRIVATE if item in printed]


def test_cli_export_answers_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "x.answers.json"
    broken.write_text("{not json", encoding="utf-8")
    assert 2 == main(["export-answers", "--answers", str(broken)])
    err = capsys.readouterr().err
    assert "x.answers.json: damaged offerkit answers file: not JSON" in err
    assert "nothing was changed" in err
    assert ("{not json", ["x.answers.json"]) == (
        broken.read_text(encoding="utf-8"),
        sorted(p.name for p in tmp_path.iterdir()),
    )  # never moved or rewritten


SETTINGS = b'{\n  "editor.fontSize": 14,\n  "theme": "dark"\n}\n'


@pytest.mark.parametrize(
    "content", [SETTINGS, b"[1, 2]", b"my notes\n", b'{"schema": 9, "title": "x"}']
)
def test_cli_export_answers_never_touches_a_file_that_is_not_answers(
    content: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = tmp_path / "settings.json"
    settings.write_bytes(content)
    line = one_line_error(["export-answers", "--answers", str(settings)], capsys)
    assert f"offerkit export-answers: error: {settings} is not an offerkit answers file" in line
    assert (content, ["settings.json"]) == (
        settings.read_bytes(),
        sorted(p.name for p in tmp_path.iterdir()),
    )


@pytest.mark.parametrize(
    "content",
    [SETTINGS, b"notes", b'{"kind": "offerkit-answers", "schema": 1, "exercises": {}}'],
)
def test_cli_export_answers_never_overwrites_a_file_that_is_not_an_export(
    content: bytes, answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "settings.json"
    out.write_bytes(content)
    before = answers.read_bytes()
    line = one_line_error(["export-answers", "--answers", str(answers), "--out", str(out)], capsys)
    assert f"{out} exists and is not an offerkit export; it was left untouched" in line
    assert (content, ["answers", "settings.json"]) == (
        out.read_bytes(),
        sorted(p.name for p in tmp_path.iterdir()),
    )
    assert (
        json.loads(before)["exercises"].items()
        <= json.loads(answers.read_bytes())["exercises"].items()
    )


def test_cli_export_answers_replaces_its_own_earlier_export(answers: Path, tmp_path: Path) -> None:
    out = tmp_path / "mine.json"
    argv = ["export-answers", "--answers", str(answers), "--out", str(out)]
    assert 0 == main(argv)
    first = json.loads(out.read_text(encoding="utf-8"))
    assert 0 == main(argv)
    assert first == json.loads(out.read_text(encoding="utf-8"))


def test_cli_export_answers_refuses_to_export_onto_the_answers_file(
    answers: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = answers.read_bytes()
    line = one_line_error(
        ["export-answers", "--answers", str(answers), "--out", str(answers)], capsys
    )
    assert "is not an offerkit export" in line
    assert (
        json.loads(before)["exercises"].keys()
        <= json.loads(answers.read_bytes())["exercises"].keys()
    )


def test_export_answers_finds_the_one_answers_file_and_writes_next_to_it(
    answers: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert 0 == main(["export-answers"])
    captured = capsys.readouterr()
    token = json.loads(captured.out)["token"]
    written = Path("answers") / f"{token}.offerkit-export.json"  # never the learner's id
    assert f"wrote {written}\n" == captured.err
    assert written.read_text(encoding="utf-8") == captured.out


@pytest.mark.parametrize("count", [0, 2])
def test_export_answers_needs_exactly_one_answers_file_or_a_name(
    count: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for n in range(count):
        save_answers(tmp_path / "answers" / f"learner{n}.answers.json")
    monkeypatch.chdir(tmp_path)
    expected = (
        f"offerkit export-answers: error: found {count} answers files in ./answers; "
        "name one with --answers FILE"
    )
    assert expected == one_line_error(["export-answers"], capsys)
    assert [] == list(tmp_path.rglob("*.offerkit-export.json"))


# pulse


def test_cli_pulse_accepts_files_and_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder_files = write(tmp_path / "a", [export(n) for n in range(2)])
    loose = write(tmp_path / "b", [export(n) for n in range(2, 4)], start=2)
    (tmp_path / "b" / "bad.offerkit-export.json").write_text("[]", encoding="utf-8")
    args = [
        "pulse",
        str(tmp_path / "a"),
        *map(str, loose),
        str(tmp_path / "b" / "bad.offerkit-export.json"),
    ]
    assert 0 == main([*args, "--out", str(tmp_path / "out"), "--min-group", "4"])
    captured = capsys.readouterr()
    assert "bad.offerkit-export.json" in captured.err
    assert "4 learners' anonymised exports" in (tmp_path / "out" / "pulse.md").read_text(
        encoding="utf-8"
    )
    assert 2 == len(folder_files)


def test_pulse_prints_every_file_written_and_each_skipped_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "in", [export(n) for n in range(3)])
    (tmp_path / "in" / "bad.offerkit-export.json").write_text("[]", encoding="utf-8")
    out = tmp_path / "out"
    assert 0 == main(["pulse", str(tmp_path / "in"), "--out", str(out)])
    captured = capsys.readouterr()
    charts = [out / f"pulse-{name}.png" for name in ("wants", "asks", "strengths", "windows")]
    expected = [f"wrote {path}" for path in (out / "pulse.md", out / "pulse.html", *charts)]
    assert expected == captured.out.splitlines()
    (skipped,) = captured.err.splitlines()
    assert skipped.startswith("offerkit pulse: bad.offerkit-export.json: not an offerkit export")
    assert skipped.endswith("(skipped)")


def test_pulse_of_a_missing_folder_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "in", [export(n) for n in range(3)])
    missing = tmp_path / "exprots"
    argv = ["pulse", str(tmp_path / "in"), str(missing), "--out", str(tmp_path / "out")]
    expected = (
        "offerkit pulse: error: 'exports' must be an export file or a folder of them "
        f"(got {str(missing)!r}); there is no such file or folder; nothing was written"
    )
    assert expected == one_line_error(argv, capsys)
    assert not (tmp_path / "out").exists()


def test_pulse_needs_at_least_one_export(capsys: pytest.CaptureFixture[str]) -> None:
    line = argparse_error(["pulse"], capsys)
    assert "offerkit pulse: error: the following arguments are required: exports" == line


def test_pulse_min_group_must_be_a_number(capsys: pytest.CaptureFixture[str]) -> None:
    line = argparse_error(["pulse", "x", "--min-group", "three"], capsys)
    assert "offerkit pulse: error: argument --min-group: invalid int value: 'three'" == line


def test_pulse_min_group_below_3_is_one_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "in", [export(n) for n in range(3)])
    argv = ["pulse", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--min-group", "2"]
    expected = "offerkit pulse: error: 'min_group' must be a whole number of 3 or more (got 2)"
    assert expected == one_line_error(argv, capsys)
    assert not (tmp_path / "out").exists()
