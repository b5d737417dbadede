"""Lesson 04 exercise: check the tone and the honesty of your own draft to HR (:data:`TONE`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from offerkit.exercises.common import (
    EXAMPLE_NOTE,
    held_offers_choices,
    other_dates_lines,
    tone_lines,
)
from offerkit.exercises.course import Course
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field, Level
from offerkit.learner.readers import whole_number
from offerkit.rules.honesty import check_draft_honesty, check_tone

__all__ = ["EXAMPLE_DRAFT", "TONE", "build_tone_exercise"]

EXAMPLE_DRAFT = (
    "Hi, thanks for the call. Your posting said 30k, so I expect 30k. Take it or leave it!!"
)


def _evaluate_tone(values: Mapping[str, Any], course: Course) -> Feedback:
    draft = str(values.get("draft") or "")
    lines: list[str] = []
    if not draft.strip() and course.headless:
        draft = EXAMPLE_DRAFT
        lines.append(EXAMPLE_NOTE.format(what=f"the draft {draft!r}"))
    report = check_tone(draft)
    lines += tone_lines(report)
    previous = course.state.profile.previous_pay
    held = whole_number(values.get("offers_held", "0"), "offers_held", 0, 5)
    issues = check_draft_honesty(draft, previous, held)
    lines += [f"Honesty: {issue.message}" for issue in issues]
    if not issues:
        pay = "no previous pay in your profile" if previous is None else previous.describe()
        lines.append(
            f"Honesty: consistent. Checked any previous pay you mention against your profile "
            f"({pay}) and any competing offer you mention against the {held} you hold."
        )
    other_dates = other_dates_lines(draft, course)
    lines += other_dates
    level: Level = "ok" if report.friendly and not issues and not other_dates else "warn"
    summary = {
        "friendly": report.friendly,
        "flags": [f.category for f in report.flags],
        "honesty_issues": [i.kind for i in issues],
    }
    return Feedback(tuple(lines), level, summary=summary)


def _held_default(course: Course) -> dict[str, Any]:
    """The offers entered in lesson 05, if any: never asked again."""
    state = course.state
    return {"offers_held": str(min(5, state.other_offers_held))} if state.offers else {}


TONE = ExerciseSpec(
    id="04.tone",
    title="Check the tone of your draft",
    prompt="Paste the message you plan to send to HR. Anything that may put them on the "
    "defensive is flagged with a friendlier way to say it; figures are checked for honesty.",
    fields=(
        Field(
            "draft",
            "Your draft message",
            "textarea",
            placeholder="Hi, thank you for the offer. Could you tell me more about …",
        ),
        Field("offers_held", "Other offers you hold", "choice", "0", held_offers_choices()),
    ),
    evaluate=_evaluate_tone,
    defaults=_held_default,
    hints=(
        "Read it as HR would: they have targets too and want you to say yes.",
        "'This is my final number, take it or leave it' closes the door; 'is there any "
        "flexibility on your side?' keeps it open.",
        "The example 'Your posting said 30k, take it or leave it' gets two flags: quoting the "
        "posted range, and an ultimatum. Friendlier: 'Based on my experience with …, I was "
        "hoping for an annual package around 400,000–420,000; is there any flexibility on your "
        "side?'",
    ),
)


def build_tone_exercise(course: Course) -> Any:
    """Lesson 04: the tone (and honesty) check on your own draft."""
    from offerkit.exercises.widgets import build_exercise

    return build_exercise(TONE, course)
