"""The facilitator guide, from the real lessons and from tiny fixture notebooks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
import pytest
from markup_helpers import (
    HOSTILE,
    body_of,
    live_markup,
    page_problems,
    parse_page,
    render_markdown,
    table_rows,
)

from offerkit.errors import InvalidInputError, LessonMetadataError
from offerkit.instructor.guide import (
    BREAK_EVERY,
    BREAK_MINUTES,
    BREAK_TITLE,
    PULSE_MINUTES,
    PULSE_TITLE,
    clock,
    facilitator_guide,
    guide_html,
    guide_markdown,
    parse_start,
    write_guide,
)
from offerkit.instructor.notebooks import INSTRUCTOR_TAG, read_lessons
from offerkit.rules.markdown import escape_markdown, escape_markdown_except_emphasis


def lesson_meta(lesson: str = "01", **changes: Any) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "lesson": lesson,
        "title": "Fixture lesson",
        "questions": ["Why?"],
        "objectives": ["Compare <b>offers</b> & fit"],
        "keypoints": ["Point one."],
        "teaching": 10,
        "exercises": 20,
        "roleplay": "One learner plays HR.",
        "discussion": ["What surprised you?"],
        "beyond_lesson": ["A kit addition."],
    }
    meta.update(changes)
    return {k: v for k, v in meta.items() if v is not None}


def write_lesson(folder: Path, name: str, meta: dict[str, Any], note: str = "") -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["offerkit"] = meta
    nb.cells = [nbformat.v4.new_markdown_cell("# Fixture")]
    if note:
        nb.cells.append(nbformat.v4.new_markdown_cell(note, metadata={"tags": [INSTRUCTOR_TAG]}))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    nbformat.write(nb, path)
    return path


def test_schedule_runs_the_clock_from_the_start_over_the_real_lessons() -> None:
    lessons = read_lessons()
    guide = facilitator_guide(lessons, start="09:00", break_every=0, pulse_minutes=0)
    assert 9 * 60 == guide.lessons[0].start
    for before, after in zip(guide.lessons, guide.lessons[1:], strict=False):
        assert before.end == after.start
    total = sum(item.lesson.teaching + item.lesson.exercises for item in lessons)
    assert 9 * 60 + total == guide.end
    markdown = guide_markdown(guide)
    first = lessons[0].lesson
    row = f"| {first.id} | {first.title} | {first.teaching} | {first.exercises} | 09:00–"
    assert row in markdown
    assert f"09:00–{clock(guide.end)}" in markdown.split("| Total |")[1].splitlines()[0]


def test_real_schedule_never_runs_past_the_break_interval_and_ends_with_the_pulse() -> None:
    lessons = read_lessons()
    guide = facilitator_guide(lessons, start="09:00")  # default: about every 90 minutes
    breaks = [slot for slot in guide.slots if slot.title == BREAK_TITLE]
    assert breaks
    assert all(BREAK_MINUTES == slot.minutes for slot in breaks)
    edges = [guide.start, *(m for slot in breaks for m in (slot.start, slot.end)), guide.end]
    pulse = guide.slots[-1]
    assert (PULSE_TITLE, PULSE_MINUTES, guide.end) == (pulse.title, pulse.minutes, pulse.end)
    runs = [edges[i + 1] - edges[i] for i in range(0, len(edges) - 1, 2)]
    runs[-1] -= PULSE_MINUTES
    assert all(run <= BREAK_EVERY for run in runs), runs
    total = sum(item.lesson.minutes for item in lessons)
    assert total + len(breaks) * BREAK_MINUTES + PULSE_MINUTES == guide.end - guide.start
    assert () == guide.warnings  # every lesson's slot holds by the timing rule


def test_breaks_go_before_the_lesson_that_would_overrun(tmp_path: Path) -> None:
    for lesson in ("01", "02", "03"):  # 30 min each
        write_lesson(tmp_path, f"{lesson}-fixture.ipynb", lesson_meta(lesson, roleplay=""))
    guide = facilitator_guide(read_lessons(tmp_path), start="09:00", break_every=60)
    assert [9 * 60, 9 * 60 + 30, 10 * 60 + 15] == [item.start for item in guide.lessons]
    assert [("Break", 10 * 60, 15), (PULSE_TITLE, 10 * 60 + 45, 15)] == [
        (slot.title, slot.start, slot.minutes) for slot in guide.slots
    ]
    markdown = guide_markdown(guide)
    assert "|  | Break |  |  | 10:00–10:15 |" in markdown
    assert f"|  | {escape_markdown(PULSE_TITLE)} |  |  | 10:45–11:00 |" in markdown
    assert "|  | Total | 30 | 60 | 09:00–11:00 (2 h 00 min) |" in markdown
    assert ["", "Break", "", "", "10:00–10:15"] in table_rows(guide_html(guide))
    unbroken = facilitator_guide(read_lessons(tmp_path), break_every=0, pulse_minutes=0)
    assert () == unbroken.slots


def test_a_lesson_whose_notes_need_more_than_its_slot_is_warned_about(tmp_path: Path) -> None:
    write_lesson(tmp_path, "01-fixture.ipynb", lesson_meta(), "Allow 40 minutes for this.")
    guide = facilitator_guide(read_lessons(tmp_path))
    (warning,) = guide.warnings
    assert "Lesson 01 (Fixture lesson): the instructor notes ask for 40 min" in warning
    assert "its slot is 30 min" in warning
    assert f"- {escape_markdown(warning)}" in guide_markdown(guide).split("## Timing warnings")[1]
    page = parse_page(guide_html(guide))
    assert "Timing warnings" in [h2.text() for h2 in page.find_all("h2")]
    assert [warning] == [li.text() for li in page.find_all("li") if "notes ask" in li.text()]
    write_lesson(tmp_path, "01-fixture.ipynb", lesson_meta(), "Allow 10 minutes for this.")
    assert "Timing warnings" not in guide_markdown(facilitator_guide(read_lessons(tmp_path)))


@pytest.mark.parametrize(
    "changes",
    [{"break_every": 10}, {"break_every": -1}, {"pulse_minutes": 500}, {"break_minutes": True}],
)
def test_bad_break_and_pulse_minutes(tmp_path: Path, changes: dict[str, Any]) -> None:
    write_lesson(tmp_path, "01-fixture.ipynb", lesson_meta())
    with pytest.raises(InvalidInputError, match=f"'{next(iter(changes))}' must be whole minutes"):
        facilitator_guide(read_lessons(tmp_path), **changes)


def test_real_guide_has_objectives_roleplay_notes_and_labels() -> None:
    lessons = read_lessons()
    markdown = guide_markdown(facilitator_guide(lessons))
    for item in lessons:
        lesson = item.lesson
        assert f"## {escape_markdown(f'{lesson.id} · {lesson.title}')}" in markdown
        for text in (*lesson.objectives, *lesson.keypoints, *lesson.beyond_lesson):
            assert f"- {escape_markdown_except_emphasis(text)}" in markdown
        if lesson.roleplay:
            assert escape_markdown_except_emphasis(lesson.roleplay.split("\n\n")[0]) in markdown
        for note in item.sources(INSTRUCTOR_TAG):  # the note's own words, not its lead-in
            assert escape_markdown_except_emphasis(note.splitlines()[-1]) in markdown
    assert "### Pairs role-play" in markdown


def test_fixture_lesson_in_markdown_and_escaped_html(tmp_path: Path) -> None:
    note = "**Instructor note.** Watch for <anchoring>.\n\nSecond paragraph."
    write_lesson(tmp_path, "01-fixture.ipynb", lesson_meta(), note)
    write_lesson(tmp_path, "02-next.ipynb", lesson_meta("02", roleplay="", discussion=None))
    guide = facilitator_guide(read_lessons(tmp_path), start="23:40", pulse_minutes=0)
    assert ("Watch for <anchoring>.\n\nSecond paragraph.",) == guide.lessons[0].notes
    markdown = guide_markdown(guide)
    assert "| 01 | Fixture lesson | 10 | 20 | 23:40–00:10 |" in markdown
    assert "|  | Total | 20 | 40 | 23:40–00:40 (1 h 00 min) |" in markdown
    assert 1 == markdown.count("### Pairs role-play")  # lesson 02 has none
    page = guide_html(guide)
    (first, _) = parse_page(page).find_all("section")
    assert "Compare <b>offers</b> & fit" in [li.text() for li in first.find_all("li")]
    shown = [p.text() for p in first.find_all("p")]
    assert ["Watch for <anchoring>.", "Second paragraph."] == shown[-2:]
    assert "<anchoring>" not in page and "<b>" not in page


def test_lesson_text_is_inert_in_the_guide_markdown_and_html(tmp_path: Path) -> None:
    """Before: a title like [x](javascript:…) was a live link in facilitator-guide.md."""
    meta = lesson_meta(
        title=HOSTILE[0],
        questions=list(HOSTILE),
        objectives=list(HOSTILE),
        keypoints=list(HOSTILE),
        discussion=list(HOSTILE),
        beyond_lesson=list(HOSTILE),
        roleplay="\n\n".join(HOSTILE),
    )
    write_lesson(tmp_path, "01-fixture.ipynb", meta, "\n\n".join(HOSTILE))
    markdown_path, html_path = write_guide(tmp_path / "out", folder=tmp_path)
    markdown = markdown_path.read_text(encoding="utf-8")
    for renderer, rendered in render_markdown(markdown).items():
        assert [] == live_markup(rendered), renderer
        # one item per entry, and one per timing warning (which quotes the hostile title)
        warnings = len(facilitator_guide(read_lessons(tmp_path)).warnings)
        assert 5 * len(HOSTILE) + warnings == rendered.count("<li>"), renderer
    page = html_path.read_text(encoding="utf-8")
    assert [] == live_markup(body_of(page))
    assert [] == page_problems(page)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"teaching": "ten"}, "teaching"),
        ({"objectives": []}, "objectives"),
        ({"title": None}, "title"),
        ({"roleplay": ["not", "a text"]}, "roleplay"),
        ({"lesson": "07"}, "lesson"),
    ],
)
def test_malformed_metadata_names_notebook_and_field(
    tmp_path: Path, changes: dict[str, Any], field: str
) -> None:
    path = write_lesson(tmp_path, "01-fixture.ipynb", lesson_meta(**changes))
    with pytest.raises(LessonMetadataError) as caught:
        read_lessons(tmp_path)
    assert (str(path), field) == (caught.value.path, caught.value.column)


def test_no_lessons_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(LessonMetadataError, match="no lesson notebooks"):
        write_guide(tmp_path / "out", folder=tmp_path)


@pytest.mark.parametrize("text", ["9", "24:00", "09:60", "nine"])
def test_bad_start_times(text: str) -> None:
    with pytest.raises(InvalidInputError, match="'start' must be a time of day"):
        parse_start(text)


def test_start_time_parses() -> None:
    assert 9 * 60 + 5 == parse_start("9:05")


def test_the_lessons_emphasis_is_rendered_not_shown_raw() -> None:
    """Before: the page showed "*what did you do that shows it?*", asterisks and all."""
    lessons = read_lessons()
    guide = facilitator_guide(lessons)
    page = parse_page(guide_html(guide))
    emphasised = [em.text() for em in page.find_all("em")]
    assert "what did you do that shows it?" in emphasised
    strong = "*what did you do that shows it?*"
    assert [] == [p.text() for p in page.find_all("p") if strong in p.text()]
    assert f"*{emphasised[0]}*" in guide_markdown(guide)  # the Markdown keeps the emphasis


def test_every_real_note_prompt_and_objective_is_on_the_page() -> None:
    lessons = read_lessons()
    page = parse_page(guide_html(facilitator_guide(lessons)))
    shown = " ".join(" ".join(s.text().split()) for s in page.find_all("section"))
    for item in lessons:
        for text in (*item.lesson.discussion, *item.lesson.objectives):
            plain = " ".join(text.replace("*", "").replace("`", "").split())
            assert plain in shown


def test_the_page_shows_the_day_as_a_timeline(tmp_path: Path) -> None:
    for lesson in ("01", "02", "03"):  # 30 min each: a break before 03, then the pulse
        write_lesson(tmp_path, f"{lesson}-fixture.ipynb", lesson_meta(lesson, roleplay=""))
    guide = facilitator_guide(read_lessons(tmp_path), start="09:00", break_every=60)
    page = guide_html(guide)
    (timeline,) = parse_page(page).find_all("ol", "timeline")
    bars = [
        (
            li.attrs["class"],
            li.attrs.get("style", ""),
            [" ".join(child.text().split()) for child in li.walk()[1:]],
        )
        for li in timeline.find_all("li")
    ]
    lesson = "· Fixture lesson (10 teaching + 20 exercises)"
    assert [
        ("lesson", "--minutes:30", ["09:00", f"01 {lesson}", "30 min"]),
        ("lesson", "--minutes:30", ["09:30", f"02 {lesson}", "30 min"]),
        ("break", f"--minutes:{BREAK_MINUTES}", ["10:00", "Break", "15 min"]),
        ("lesson", "--minutes:30", ["10:15", f"03 {lesson}", "30 min"]),
        ("pulse", f"--minutes:{PULSE_MINUTES}", ["10:45", PULSE_TITLE, "15 min"]),
        ("end", "", ["11:00", "End of the day"]),
    ] == bars
    assert [] == page_problems(page)  # a timeline made with the shared stylesheet, no script


def test_a_hostile_lesson_title_is_text_in_the_timeline(tmp_path: Path) -> None:
    for n, text in enumerate(("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")):
        write_lesson(tmp_path, f"0{n + 1}-fixture.ipynb", lesson_meta(f"0{n + 1}", title=text))
    page = guide_html(facilitator_guide(read_lessons(tmp_path)))
    (timeline,) = parse_page(page).find_all("ol", "timeline")
    assert [] == live_markup(body_of(page))
    whats = [span.text() for span in timeline.find_all("span", "what")]
    assert whats[0].startswith("01 · <script>alert(1)</script>")
    assert whats[1].startswith("02 · <img src=x onerror=alert(1)>")
