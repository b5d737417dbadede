"""The facilitator guide: schedule, objectives, prompts and notes, generated from the lessons.

Everything comes from the notebooks (``metadata.offerkit`` and the cells tagged
``instructor``), so the guide never drifts from the lessons::

    guide = facilitator_guide(read_lessons(), start="09:00", break_every=90)
    guide_markdown(guide); guide_html(guide)      # or: write_guide(Path("guide"))

The schedule puts a break (``break_minutes``) before any lesson that would run past
``break_every`` minutes since the last break (0: no breaks), and ends with a slot for the
pulse debrief (``offerkit pulse`` over the learners' exports; 0 minutes: none). Lessons whose
slot is shorter than the kit's timing rule (:mod:`offerkit.instructor.timing`) are listed
under "Timing warnings". ``offerkit guide`` writes ``facilitator-guide.md`` and
``facilitator-guide.html`` (the same Markdown rendered, after a timeline of the day) and
prints the warnings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from offerkit.errors import InvalidInputError
from offerkit.instructor.notebooks import INSTRUCTOR_TAG, LessonNotebook, read_lessons
from offerkit.instructor.timing import timing_warnings
from offerkit.learner.answers import atomic_write_text
from offerkit.rules.html import render_markdown, render_page
from offerkit.rules.lessons import Lesson
from offerkit.rules.markdown import escape_markdown, escape_markdown_except_emphasis

__all__ = [
    "FacilitatorGuide",
    "GuideLesson",
    "GuideSlot",
    "clock",
    "facilitator_guide",
    "guide_html",
    "guide_markdown",
    "parse_start",
    "write_guide",
    "write_guide_files",
]

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_NOTE_LEAD = re.compile(r"^\*\*Instructor notes?\.?\*\*\s*", re.IGNORECASE)


@dataclass(frozen=True)
class GuideLesson:
    """One lesson in the guide: its metadata, when it runs and the facilitator notes."""

    lesson: Lesson
    start: int  # minutes after midnight
    notes: tuple[str, ...]

    @property
    def end(self) -> int:
        """When the lesson ends (minutes after midnight)."""
        return self.start + self.lesson.minutes


@dataclass(frozen=True)
class GuideSlot:
    """A slot between or after lessons: a break or the pulse debrief."""

    title: str
    start: int  # minutes after midnight
    minutes: int

    @property
    def end(self) -> int:
        """When the slot ends (minutes after midnight)."""
        return self.start + self.minutes


@dataclass(frozen=True)
class FacilitatorGuide:
    """The whole workshop: lessons in order, from ``start``, with breaks and the debrief."""

    start: int
    lessons: tuple[GuideLesson, ...]
    slots: tuple[GuideSlot, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def end(self) -> int:
        """When the last lesson or slot ends."""
        ends = [item.end for item in self.lessons] + [slot.end for slot in self.slots]
        return max(ends, default=self.start)

    def schedule(self) -> tuple[GuideLesson | GuideSlot, ...]:
        """Lessons and slots in clock order."""
        return tuple(sorted((*self.lessons, *self.slots), key=lambda item: item.start))

    @property
    def teaching(self) -> int:
        """Total teaching minutes."""
        return sum(item.lesson.teaching for item in self.lessons)

    @property
    def exercises(self) -> int:
        """Total exercise minutes."""
        return sum(item.lesson.exercises for item in self.lessons)


def parse_start(text: str) -> int:
    """``"09:00"`` → minutes after midnight; raise InvalidInputError otherwise."""
    match = _TIME.match(text.strip()) if isinstance(text, str) else None
    if not match:
        raise InvalidInputError("start", "a time of day as HH:MM, e.g. 09:00", text)
    return int(match.group(1)) * 60 + int(match.group(2))


def clock(minutes: int) -> str:
    """Minutes after midnight as ``HH:MM`` (wrapping past midnight)."""
    hours, mins = divmod(minutes % (24 * 60), 60)
    return f"{hours:02d}:{mins:02d}"


def _duration(minutes: int) -> str:
    hours, mins = divmod(minutes, 60)
    return f"{hours} h {mins:02d} min" if hours else f"{mins} min"


def _note_text(source: str) -> str:
    return _NOTE_LEAD.sub("", source.strip()).strip()


BREAK_EVERY = 90
BREAK_MINUTES = 15
PULSE_MINUTES = 15
BREAK_TITLE = "Break"
PULSE_TITLE = "Pulse debrief (offerkit pulse over the exports)"


def _whole_minutes(name: str, value: int, low: int, allowed: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not (value == 0 or value >= low):
        raise InvalidInputError(name, allowed, value)
    if value > 240:
        raise InvalidInputError(name, allowed, value)
    return value


def facilitator_guide(
    lessons: Sequence[LessonNotebook],
    start: str = "09:00",
    *,
    break_every: int = BREAK_EVERY,
    break_minutes: int = BREAK_MINUTES,
    pulse_minutes: int = PULSE_MINUTES,
) -> FacilitatorGuide:
    """The guide for ``lessons`` (see :func:`read_lessons`) with a clock from ``start``,
    a break before any lesson that would run past ``break_every`` minutes since the last
    one, and the pulse debrief at the end."""
    _whole_minutes("break_every", break_every, 30, "whole minutes, 0 (no breaks) or 30–240")
    _whole_minutes("break_minutes", break_minutes, 1, "whole minutes, 0–240")
    _whole_minutes("pulse_minutes", pulse_minutes, 1, "whole minutes, 0–240")
    clock_at = first = parse_start(start)
    items, slots, since_break = [], [], 0
    for item in lessons:
        minutes = item.lesson.minutes
        if break_every and break_minutes and since_break and since_break + minutes > break_every:
            slots.append(GuideSlot(BREAK_TITLE, clock_at, break_minutes))
            clock_at, since_break = clock_at + break_minutes, 0
        notes = tuple(text for text in map(_note_text, item.sources(INSTRUCTOR_TAG)) if text)
        items.append(GuideLesson(item.lesson, clock_at, notes))
        clock_at, since_break = clock_at + minutes, since_break + minutes
    if pulse_minutes and items:
        slots.append(GuideSlot(PULSE_TITLE, clock_at, pulse_minutes))
    warnings = tuple(line for item in lessons for line in timing_warnings(item))
    return FacilitatorGuide(first, tuple(items), tuple(slots), warnings)


def _span(start: int, end: int) -> str:
    return f"{clock(start)}–{clock(end)}"


def _row(item: GuideLesson | GuideSlot) -> tuple[str, ...]:
    span = _span(item.start, item.end)
    if isinstance(item, GuideSlot):
        return ("", item.title, "", "", span)
    lesson = item.lesson
    return (lesson.id, lesson.title, str(lesson.teaching), str(lesson.exercises), span)


def _schedule_rows(guide: FacilitatorGuide) -> list[tuple[str, ...]]:
    rows = [_row(item) for item in guide.schedule()]
    total = f"{_span(guide.start, guide.end)} ({_duration(guide.end - guide.start)})"
    rows.append(("", "Total", str(guide.teaching), str(guide.exercises), total))
    return rows


_HEADER = ("#", "Lesson", "Teaching (min)", "Exercises (min)", "Clock")


def _sections(item: GuideLesson) -> list[tuple[str, tuple[str, ...], bool]]:
    """(heading, entries, as a list) for each part of a lesson that has content."""
    lesson = item.lesson
    parts = [
        ("Questions", lesson.questions, True),
        ("Objectives", lesson.objectives, True),
        ("Key points", lesson.keypoints, True),
        ("Discussion prompts", lesson.discussion, True),
        ("Pairs role-play", (lesson.roleplay,) if lesson.roleplay.strip() else (), False),
        ("Instructor notes", item.notes, False),
        ("Beyond the source lesson", lesson.beyond_lesson, True),
    ]
    return [part for part in parts if part[1]]


_INTRO = (
    "Generated by `offerkit guide` from the lesson notebooks; re-run it after editing a "
    "lesson rather than editing this file."
)


def _blocks(text: str) -> list[str]:
    return [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]


def _schedule_markdown(guide: FacilitatorGuide) -> list[str]:
    lines = ["| " + " | ".join(_HEADER) + " |", "|" + "---|" * len(_HEADER)]
    for row in _schedule_rows(guide):
        lines.append("| " + " | ".join(escape_markdown(cell) for cell in row) + " |")
    return lines


def _lesson_markdown(item: GuideLesson) -> list[str]:
    """A lesson's section. Its prose keeps the notebook's emphasis and code (the lesson's own
    Markdown) and nothing else: no link, image or HTML from a notebook is ever live."""
    title = f"{item.lesson.id} · {item.lesson.title} ({_span(item.start, item.end)})"
    lines = [f"## {escape_markdown(title)}", ""]
    lines.append(f"Teaching {item.lesson.teaching} min, exercises {item.lesson.exercises} min.")
    for heading, entries, as_list in _sections(item):
        lines += ["", f"### {escape_markdown(heading)}", ""]
        for entry in entries:
            if as_list:
                lines.append(f"- {escape_markdown_except_emphasis(entry)}")
            else:
                blocks = map(escape_markdown_except_emphasis, _blocks(entry))
                lines += [line for block in blocks for line in (block, "")]
    return lines


def guide_markdown(guide: FacilitatorGuide) -> str:
    """The guide as Markdown: the schedule table, then one section per lesson."""
    parts = [["# Facilitator guide", "", _INTRO, "", "## Schedule", "", *_schedule_markdown(guide)]]
    if guide.warnings:
        parts.append(["## Timing warnings", "", *_warning_lines(guide)])
    parts += [_lesson_markdown(item) for item in guide.lessons]
    return "\n\n".join("\n".join(part).strip() for part in parts) + "\n"


def _warning_lines(guide: FacilitatorGuide) -> list[str]:
    return [f"- {escape_markdown(line)}" for line in guide.warnings]


def _timeline(guide: FacilitatorGuide) -> list[dict[str, object]]:
    """The day at a glance: one bar per lesson, break and debrief, from its start time."""
    bars: list[dict[str, object]] = []
    for item in guide.schedule():
        if isinstance(item, GuideSlot):
            kind = "break" if item.title == BREAK_TITLE else "pulse"
            what, minutes = item.title, item.minutes
        else:
            lesson = item.lesson
            kind, what, minutes = "lesson", f"{lesson.id} · {lesson.title}", lesson.minutes
            what += f" ({lesson.teaching} teaching + {lesson.exercises} exercises)"
        bars.append({"kind": kind, "start": clock(item.start), "what": what, "minutes": minutes})
    return bars


def guide_html(guide: FacilitatorGuide) -> str:
    """The guide as a standalone, printable page: the day at a glance (a timeline), then the
    same Markdown as :func:`guide_markdown`, rendered."""
    return render_page(
        "guide.html.j2",
        title="Facilitator guide",
        intro=render_markdown(_INTRO),
        timeline=_timeline(guide),
        end=clock(guide.end),
        schedule=render_markdown("\n".join(_schedule_markdown(guide))),
        warnings=render_markdown("\n".join(_warning_lines(guide))),
        lessons=[render_markdown("\n".join(_lesson_markdown(item))) for item in guide.lessons],
    )


def write_guide_files(guide: FacilitatorGuide, out: Path) -> tuple[Path, Path]:
    """Write ``guide`` as ``facilitator-guide.md`` and ``.html`` into ``out`` (atomically)."""
    markdown_path = out / "facilitator-guide.md"
    html_path = out / "facilitator-guide.html"
    atomic_write_text(markdown_path, guide_markdown(guide))
    atomic_write_text(html_path, guide_html(guide))
    return markdown_path, html_path


def write_guide(
    out: Path,
    start: str = "09:00",
    folder: Path | None = None,
    *,
    break_every: int = BREAK_EVERY,
    pulse_minutes: int = PULSE_MINUTES,
) -> tuple[Path, Path]:
    """Build the guide from the lessons in ``folder`` and write it into ``out``; return
    both files. The timing warnings are in both."""
    guide = facilitator_guide(
        read_lessons(folder), start, break_every=break_every, pulse_minutes=pulse_minutes
    )
    return write_guide_files(guide, out)
