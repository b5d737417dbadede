"""Lesson 04 exercises: talk with HR as with a friend.

Confirm what is unclear first (:data:`DOUBTS`), then open the pay conversation in one of the
lesson's two ways, in your own words (:data:`OPENING`; the kit's example is the last hint),
check the tone and honesty of your own draft (:data:`TONE`, in
:mod:`~offerkit.exercises.tone_exercises`), and agree on a short time to decide
(:data:`DEADLINE`, in :mod:`~offerkit.exercises.deadline_exercises`). The helpers shared
with lesson 05 live in :mod:`~offerkit.exercises.common`; later lessons read the saved
answers from the learner's state (:mod:`offerkit.learner.state`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offerkit.errors import InvalidInputError
from offerkit.exercises.common import (
    expected_from_state,
    message_lines,
    not_written_line,
    paragraphs,
)
from offerkit.exercises.course import Course
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field, Level
from offerkit.learner import schema
from offerkit.rules.hr import (
    deadline_notes,
    deadline_warnings,
    doubts_checklist,
    draft_opening,
)
from offerkit.rules.pay import format_money
from offerkit.rules.salary import ExpectedSalary
from offerkit.rules.stated_pay import check_stated_pay

__all__ = [
    "DOUBTS",
    "OPENING",
    "build_doubts_exercise",
    "build_opening_exercise",
]

_OPENING_LABELS = {"state-range": "state your annual range", "ask-offer": "ask what they can offer"}


# ---------------------------------------------------------------- confirm your doubts


def _doubt_choices() -> tuple[tuple[str, str], ...]:
    return tuple(
        (f"{d.topic}" + ("" if d.source == "lesson" else " (beyond the lesson)"), d.id)
        for d in doubts_checklist()
    )


def _own_questions(values: Mapping[str, Any]) -> tuple[str, ...]:
    text = str(values.get("own") or "")
    return tuple(line.strip(" -*\t") for line in text.splitlines() if line.strip(" -*\t"))


def _evaluate_doubts(values: Mapping[str, Any], _course: Course) -> Feedback:
    picked = set(values.get("items") or ())
    items = [d for d in doubts_checklist() if d.id in picked]
    own = _own_questions(values)
    if not items and not own:
        raise InvalidInputError(
            "items",
            "at least one question to confirm",
            "nothing",
            "pick items from the list or write your own, one per line",
        )
    lines = [f"Your list: {len(items) + len(own)} question(s) to confirm before talking numbers."]
    for d in items:
        label = "lesson" if d.source == "lesson" else "beyond the lesson"
        lines.append(f"{d.topic} ({label}): {d.question} Why: {d.why}")
    lines += [f"Your own: {question}" for question in own]
    level: Level = "ok"
    if "decision-time" not in picked:
        level = "warn"
        lines.append(
            "Consider adding 'Time to decide': the lesson has both sides take some time to "
            "think, preferably no more than a week, so agree on a date."
        )
    summary = {"questions": [d.question for d in items] + list(own)}
    return Feedback(tuple(lines), level, summary=summary)


DOUBTS = ExerciseSpec(
    id=schema.DOUBTS.id,
    title="Confirm your doubts",
    prompt="Before you talk numbers, pick what you still need to confirm with HR, and add "
    "your own questions. Each item says why it matters.",
    fields=(
        Field(
            "items",
            "Questions to confirm",
            "multi",
            tuple(d.id for d in doubts_checklist() if d.source == "lesson"),
            _doubt_choices(),
        ),
        Field(
            "own",
            "Your own questions (one per line)",
            "textarea",
            placeholder="Is the team hiring for a new project or replacing someone?",
        ),
    ),
    evaluate=_evaluate_doubts,
    hints=(
        "Start with the items marked from the lesson: they decide what a monthly figure is worth.",
        "A recruiter says '30k a month': over 13 months that is 390,000 a year, over 16 it is "
        "480,000, and it may be before or after tax. Ask before you compare.",
        "Keep all five lesson items — Months of pay, Before or after tax, Year-end bonus, "
        "Allowances and Time to decide — and add what worries you personally, e.g. overtime or "
        "the probation period.",
    ),
)


# ---------------------------------------------------------------- the opening


def _role_default(course: Course) -> dict[str, Any]:
    return {"role": course.profile["target_role"]}


def _span(expected: ExpectedSalary) -> str:
    return f"{format_money(expected.range_low, expected.currency)}–{expected.range_high:,.0f}"


def _line_lines(
    line: str, kind: str, course: Course, expected: ExpectedSalary
) -> tuple[list[str], list[str]]:
    """The learner's own opening line judged: tone, honesty, dates, and its figures
    against the range of lesson 03 and the walk-away point of lesson 05. The lines, and
    what was flagged ("tone, honesty or dates" and each figure issue's kind)."""
    lines, clear = message_lines(line, course)
    walk_away = course.state.walk_away
    statement = check_stated_pay(
        line,
        expected,
        wants="range" if kind == "state-range" else "any",
        walk_away=None if walk_away is None else walk_away.amount,
    )
    lines += [f"Figures: {issue.message}" for issue in statement.issues]
    if statement.consistent and statement.figures:
        named = ", ".join(f"{figure.shown()} a year" for figure in statement.figures)
        lines.append(
            f"Figures: you name {named} — annual, and within your range from lesson 03, as "
            "the lesson advises when you don't know how the company pays."
        )
    elif statement.consistent:
        lines.append(
            f"Figures: you name none and ask HR first — the lesson's second opening. Keep "
            f"{_span(expected)} a year ready for when they ask you back."
        )
    flagged = ([] if clear else ["message"]) + [issue.kind for issue in statement.issues]
    return lines, flagged


def _evaluate_opening(values: Mapping[str, Any], course: Course) -> Feedback:
    state = course.state
    expected, source = expected_from_state(course)
    kind = str(values.get("kind") or "state-range")
    line = str(values.get("line") or "").strip()
    lines = [f"Your annual range, from {source}: {_span(expected)}, target at the low end."]
    if state.deadline is not None:
        lines.append(f"Your decision date, from Exercise 4: {state.deadline.wording}.")
        lines += deadline_notes(state.deadline, state.today)
    dated = state.deadline is not None and bool(deadline_warnings(state.deadline, state.today))
    summary: dict[str, Any] = {"kind": kind, "line": line, "issues": []}
    if not line and course.headless:
        lines.append(not_written_line("Your opening line"))
        return Feedback(tuple(lines), "warn", summary=summary)
    if not line:
        raise InvalidInputError(
            "line",
            "your opening line, in your own words",
            "",
            "write what you say when HR asks what you expect; the kit's example is the last "
            "hint, once you have tried",
        )
    judged, flagged = _line_lines(line, kind, course, expected)
    summary["issues"] = flagged
    level: Level = "ok" if not flagged and not dated else "warn"
    return Feedback(tuple(lines + judged), level, summary=summary)


def _opening_example(values: Mapping[str, Any], course: Course) -> str:
    """The kit's opening for this learner, from their range and decision date."""
    expected, _source = expected_from_state(course)
    deadline = course.state.deadline
    draft = draft_opening(
        values.get("kind") or "state-range",
        name=course.state.profile.name or "[your name]",
        role=str(values.get("role") or "") or course.state.profile.target_role,
        range_low=expected.range_low,
        range_high=expected.range_high,
        currency=expected.currency,
        company=str(values.get("company") or ""),
        answer_by=None if deadline is None else deadline.deadline,
    )
    return "The kit's example for you (put it in your own words): " + " ".join(paragraphs(draft))


OPENING = ExerciseSpec(
    id=schema.OPENING.id,
    title="Open the pay conversation",
    prompt="HR asks what you expect. Write what you would say, in your own words: state your "
    "annual range (from lesson 03), or ask what they can offer. Your line is checked for tone, "
    "honesty and its figures.",
    fields=(
        Field(
            "kind",
            "Opening",
            "choice",
            "state-range",
            tuple((label.capitalize(), kind) for kind, label in _OPENING_LABELS.items()),
        ),
        Field("company", "Company (optional)", placeholder="Acme Ltd"),
        Field("role", "Role", placeholder="Backend engineer"),
        Field(
            "line",
            "Your opening line, in your own words",
            "textarea",
            placeholder="What you say when HR asks what you expect…",
        ),
    ),
    evaluate=_evaluate_opening,
    defaults=_role_default,
    own_words="line",
    example_line=_opening_example,
    hints=(
        "Not sure how the company pays (months, bonus)? Then name an annual range, not a "
        "monthly figure, and say “a year” after it.",
        "Previous 300,000 a year: “Thanks for asking — I'm looking for 342,000–360,000 a year, "
        "and happy to talk through the whole package.” Your target is the low end, the top "
        "within +20 %.",
        "Default profile ('25k x 14', posted '20-30K·15薪'): previous pay is 350,000 a year, so "
        "state CNY 400,000–420,000 a year (the low end is your target); or pick 'Ask what they "
        "can offer' and keep that range ready for the reply.",
    ),
)


# ---------------------------------------------------------------- builders


def build_doubts_exercise(course: Course) -> Any:
    """Lesson 04: the confirm-your-doubts checklist."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(DOUBTS, course)


def build_opening_exercise(course: Course) -> Any:
    """Lesson 04: your own opening line, checked against your range."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(OPENING, course)
