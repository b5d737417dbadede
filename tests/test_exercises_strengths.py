"""Lesson 02 exercise driven through its widget (no kernel): the strength ledger."""

from __future__ import annotations

from pathlib import Path

import pytest
from exercise_helpers import open_course, saved, shown

from offerkit.exercises.course import Course
from offerkit.exercises.strengths_exercises import (
    STRENGTHS,
    build_strengths_exercise,
    strength_counts,
)
from offerkit.exercises.widgets import ExerciseWidget
from offerkit.rules.strengths import EXCEPTIONAL_RULE, strength

MIGRATION = "Migrated payments with zero downtime"
BACKEND = "Five years of backend work"
DEPENDABLE = "Dependable"


def add(widget: ExerciseWidget, description: str, evidence: str, kind: str, rare: bool) -> None:
    controls = widget.entry_controls
    controls["description"].value = description
    controls["evidence"].value = evidence
    controls["kind"].value = kind
    controls["rare"].value = rare
    widget.add_button.click()


def fill_ledger(widget: ExerciseWidget) -> None:
    add(widget, DEPENDABLE, "", "soft", False)
    add(widget, BACKEND, "", "hard", False)
    add(widget, MIGRATION, "outages down from 9 to 2 a year", "hard", True)


def test_an_empty_ledger_prompts_for_a_first_strength(course: Course) -> None:
    widget = ExerciseWidget(STRENGTHS, course)

    assert 1 == len(shown(widget))
    assert shown(widget)[0].startswith("No strengths yet:")
    assert () == widget.chart.outputs
    assert not course.store.path.exists()


def test_ledger_ranks_hard_and_rare_first_and_asks_for_evidence(course: Course) -> None:
    widget = ExerciseWidget(STRENGTHS, course)

    fill_ledger(widget)

    assert [
        "3 strength(s): 2 hard (1 of them rare), 1 soft.",
        f"In order of weight: 1. '{MIGRATION}' (rare hard); 2. '{BACKEND}' (hard); "
        f"3. '{DEPENDABLE}' (soft).",
        f"These carry weight — lead with them: '{MIGRATION}' (rare hard).",
        f"Add evidence to '{BACKEND}': the project, result or figure that shows it.",
        f"Add evidence to '{DEPENDABLE}': the project, result or figure that shows it.",
        f"Exceptional candidate? Supported: '{MIGRATION}' is rare hard experience backed by "
        "evidence, so you may ask above the +20 % guideline — but not too far.",
        f"Why: {EXCEPTIONAL_RULE}",
    ] == shown(widget)
    assert "offerkit-warn" in widget.feedback.value


def test_ledger_entries_are_saved_as_typed(course: Course) -> None:
    widget = ExerciseWidget(STRENGTHS, course)

    fill_ledger(widget)

    assert {
        "entries": [
            {"description": DEPENDABLE, "evidence": "", "kind": "soft", "rare": False},
            {"description": BACKEND, "evidence": "", "kind": "hard", "rare": False},
            {
                "description": MIGRATION,
                "evidence": "outages down from 9 to 2 a year",
                "kind": "hard",
                "rare": True,
            },
        ]
    } == saved(course)["02.strengths"]


def test_all_hard_with_evidence_is_ok(course: Course) -> None:
    widget = ExerciseWidget(STRENGTHS, course)

    add(widget, BACKEND, "shipped the billing API used by 2 million customers", "hard", False)

    assert "offerkit-ok" in widget.feedback.value
    assert (
        "Exceptional candidate? Not supported: none of your strengths is rare project or "
        "professional experience; stay within the +20 % guideline."
    ) == shown(widget)[-2]


def test_rare_hard_without_evidence_does_not_support_the_exception_yet(course: Course) -> None:
    widget = ExerciseWidget(STRENGTHS, course)

    add(widget, MIGRATION, "", "hard", True)

    lines = shown(widget)
    assert (
        "None of your strengths carries much weight yet: that takes hard experience "
        "(a project or professional experience) with evidence."
    ) == lines[2]
    assert (
        f"Exceptional candidate? Not yet: '{MIGRATION}' is rare hard experience but has no "
        "evidence; write down the project, result or figure that shows it."
    ) == lines[-2]


def test_a_soft_strength_marked_rare_stays_soft(course: Course) -> None:
    widget = ExerciseWidget(STRENGTHS, course)

    add(widget, "Unusually calm", "never raised my voice", "soft", True)

    lines = shown(widget)
    assert "1 strength(s): 0 hard (0 of them rare), 1 soft." == lines[0]
    assert (
        "'Unusually calm' is marked rare, but it is a soft strength: rarity raises only hard "
        "strengths (project or professional experience)."
    ) in lines
    assert lines[-2].startswith("Exceptional candidate? Not supported: only soft strengths")


def test_ledger_draws_the_strengths_chart(course: Course) -> None:
    widget = ExerciseWidget(STRENGTHS, course)

    fill_ledger(widget)

    (output,) = widget.chart.outputs
    assert "<offerkit chart: strengths>" == output["data"]["text/plain"]
    assert output["data"]["image/png"]


def test_strength_counts_split_tiers_by_evidence() -> None:
    ledger = [
        strength(MIGRATION, "figures", rare=True),
        strength(BACKEND),
        strength("Calm", "", "soft", rare=True),
        strength("Kind", "volunteer mentor", "soft"),
    ]

    assert {
        "rare hard": {"with evidence": 1, "needs evidence": 0},
        "hard": {"with evidence": 0, "needs evidence": 1},
        "soft": {"with evidence": 1, "needs evidence": 1},
    } == strength_counts(ledger)


def test_an_empty_description_is_refused_and_nothing_saved(course: Course) -> None:
    widget = ExerciseWidget(STRENGTHS, course)

    add(widget, "   ", "some evidence", "hard", True)

    assert [
        "Please check your input: “Strength” in entry 1 must be a few words saying what "
        "the strength is (it is empty)",
        "The entry was not added.",
    ] == shown(widget)
    assert "offerkit-error" in widget.feedback.value
    assert [] == widget.entries
    assert not course.store.path.exists()


def test_a_bad_second_entry_keeps_the_first_saved(course: Course) -> None:
    widget = ExerciseWidget(STRENGTHS, course)
    add(widget, BACKEND, "billing API", "hard", False)

    add(widget, "", "", "soft", False)

    assert shown(widget)[0].startswith("Please check your input: “Strength” in entry 2")
    assert [BACKEND] == [e["description"] for e in saved(course)["02.strengths"]["entries"]]


def test_remove_last_saves_at_once(course: Course) -> None:
    widget = ExerciseWidget(STRENGTHS, course)
    fill_ledger(widget)

    widget.remove_button.click()

    assert [DEPENDABLE, BACKEND] == [
        e["description"] for e in saved(course)["02.strengths"]["entries"]
    ]
    assert shown(widget)[-2].startswith("Exceptional candidate? Not supported:")


def test_the_ledger_is_restored_after_a_kernel_restart(tmp_path: Path) -> None:
    first = ExerciseWidget(STRENGTHS, open_course(tmp_path))
    fill_ledger(first)

    again = ExerciseWidget(STRENGTHS, open_course(tmp_path))

    assert first.entries == again.entries
    assert shown(first) == shown(again)


def test_headless_run_prints_the_worked_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = build_strengths_exercise(open_course(tmp_path, headless=True))

    printed = capsys.readouterr().out
    assert result is None
    assert printed.startswith(
        "== Your strength ledger ==\n"
        "(Worked example: nothing saved yet. Open the lesson in JupyterLab to add your own.)\n"
        "- 3 strength(s): 2 hard (1 of them rare), 1 soft.\n"
    )
    assert "- Exceptional candidate? Supported: '(Example) Moved a payment system" in printed
    assert "<offerkit chart: strengths>" in printed


def test_headless_run_shows_the_learners_own_ledger(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add(ExerciseWidget(STRENGTHS, open_course(tmp_path)), BACKEND, "", "hard", False)
    capsys.readouterr()

    build_strengths_exercise(open_course(tmp_path, headless=True))

    printed = capsys.readouterr().out
    assert "Worked example" not in printed
    assert "- 1 strength(s): 1 hard (0 of them rare), 0 soft.\n" in printed


def test_strengths_from_answers(course: Course) -> None:
    assert () == course.state.strengths.ranked

    fill_ledger(ExerciseWidget(STRENGTHS, course))
    summary = course.state.strengths

    assert [MIGRATION, BACKEND, DEPENDABLE] == [s.description for s in summary.ranked]
    assert summary.exceptional_supported
    assert {"soft": 1, "hard": 2, "rare": 1} == dict(summary.counts)


def test_strengths_from_answers_skips_an_entry_that_no_longer_reads(course: Course) -> None:
    entries = [{"description": "", "kind": "hard"}, {"description": BACKEND, "kind": "weird"}]
    course.store.save(
        STRENGTHS.id, {"entries": [*entries, {"description": DEPENDABLE, "kind": "soft"}]}
    )

    summary = course.state.strengths

    assert [DEPENDABLE] == [s.description for s in summary.ranked]
