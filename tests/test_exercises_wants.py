"""Lesson 01 exercises driven through their widgets (no kernel): the frustration journal
and what later lessons read from it. The goal-areas exercise: test_exercises_goal_areas."""

from __future__ import annotations

from pathlib import Path

import pytest
from exercise_helpers import open_course, saved, shown

from offerkit.exercises.course import Course
from offerkit.exercises.goal_areas_exercises import GOAL_AREAS, build_goal_areas_exercise
from offerkit.exercises.wants_exercises import (
    JOURNAL,
    build_journal_exercise,
)
from offerkit.exercises.widgets import ExerciseWidget
from offerkit.rules.questions import interview_questions

SALARY_QUESTION = (
    "Ask about salary: How is pay made up here: monthly base, number of months a year, "
    "year-end bonus?"
)
TEAM_QUESTION = (
    "Ask about team atmosphere: How would the people on this team describe working "
    "together, and how do they settle a disagreement?"
)
GROWTH_QUESTION = (
    "Ask about growth and learning: What does someone in this role learn in the first "
    "year, and who helps them learn it?"
)


def add(widget: ExerciseWidget, experience: str, reason: str, areas: tuple[str, ...], n: str):
    controls = widget.entry_controls
    controls["experience"].value = experience
    controls["reason"].value = reason
    controls["areas"].value = areas
    controls["intensity"].value = n
    widget.add_button.click()


def fill_journal(widget: ExerciseWidget) -> None:
    add(widget, "Pay frozen for two years", "no salary reviews", ("salary",), "4")
    add(
        widget,
        "Meetings ended in blame",
        "nobody owned problems",
        ("team_atmosphere", "growth"),
        "2",
    )
    add(widget, "Raise refused again", "no budget", ("salary",), "2")


# ---------------------------------------------------------------- exercise 2: journal


def test_journal_gives_growth_areas_weights_and_questions(course: Course) -> None:
    widget = ExerciseWidget(JOURNAL, course)

    fill_journal(widget)

    assert [
        "3 entries. Growth areas by total intensity: Salary 6, Team atmosphere 2, "
        "Growth and learning 2.",
        "The weights your journal suggests (they add up to 100 %; confirm or adjust them in the "
        "next exercise):",
        "1. Salary — 60 % (2 entries, from the lesson)",
        "2. Team atmosphere — 20 % (1 entry, from the lesson)",
        "3. Growth and learning — 20 % (1 entry, beyond the lesson)",
        "In the interview, check whether the company can provide your top priorities:",
        SALARY_QUESTION,
        TEAM_QUESTION,
        GROWTH_QUESTION,
    ] == shown(widget)


def test_journal_entries_are_saved_and_the_text_boxes_cleared(course: Course) -> None:
    widget = ExerciseWidget(JOURNAL, course)

    fill_journal(widget)

    entries = saved(course)["01.journal"]["entries"]
    assert 3 == len(entries)
    assert {
        "experience": "Pay frozen for two years",
        "reason": "no salary reviews",
        "areas": ["salary"],
        "intensity": "4",
    } == entries[0]
    assert ["team_atmosphere", "growth"] == entries[1]["areas"]
    assert ("", "") == (
        widget.entry_controls["experience"].value,
        widget.entry_controls["reason"].value,
    )
    assert 3 == widget.entries_html.value.count("<tr><td>")


def test_journal_draws_the_priorities_chart(course: Course) -> None:
    widget = ExerciseWidget(JOURNAL, course)
    assert () == widget.chart.outputs

    fill_journal(widget)

    (output,) = widget.chart.outputs
    assert "display_data" == output["output_type"]
    assert "<offerkit chart: priorities>" == output["data"]["text/plain"]
    assert output["data"]["image/png"]


@pytest.mark.parametrize(
    ("experience", "reason", "areas", "expected"),
    [
        (
            "  ",
            "no planning",
            ("salary",),
            "Please check your input: “What happened” in entry 1 must be a few words on what "
            "happened (it is empty)",
        ),
        (
            "Overtime every week",
            "",
            ("salary",),
            "Please check your input: “Why it frustrated you” in entry 1 must be a few words "
            "on why it frustrated you (it is empty)",
        ),
        (
            "Overtime every week",
            "no planning",
            (),
            "Please check your input: “Area(s) you want to improve” in entry 1 must be at least "
            "one goal area (it is empty); which area would you like to improve?",
        ),
    ],
)
def test_an_invalid_entry_is_refused_kindly_and_nothing_is_saved(
    course: Course, experience: str, reason: str, areas: tuple[str, ...], expected: str
) -> None:
    widget = ExerciseWidget(JOURNAL, course)

    add(widget, experience, reason, areas, "3")

    assert [expected, "The entry was not added."] == shown(widget)
    assert "offerkit-error" in widget.feedback.value
    assert [] == widget.entries
    assert not course.store.path.exists()


def test_remove_last_saves_the_shorter_journal(course: Course) -> None:
    widget = ExerciseWidget(JOURNAL, course)
    fill_journal(widget)

    widget.remove_button.click()

    entries = saved(course)["01.journal"]["entries"]
    assert ["Pay frozen for two years", "Meetings ended in blame"] == [
        e["experience"] for e in entries
    ]
    assert "1. Salary — 50 % (1 entry, from the lesson)" == shown(widget)[2]


def test_the_journal_is_restored_after_a_kernel_restart(tmp_path: Path) -> None:
    first = ExerciseWidget(JOURNAL, open_course(tmp_path))
    fill_journal(first)

    again = ExerciseWidget(JOURNAL, open_course(tmp_path))

    assert first.entries == again.entries
    assert shown(first) == shown(again)
    assert 3 == again.entries_html.value.count("<tr><td>")


def test_journal_notes_an_area_picked_above_but_missing_from_it(course: Course) -> None:
    ExerciseWidget(GOAL_AREAS, course).controls["areas"].value = ("salary", "commute")
    widget = ExerciseWidget(JOURNAL, course)

    fill_journal(widget)

    assert (
        "You picked Commute above, but no journal entry points to it: if it matters, add "
        "the experience that shows why."
    ) == shown(widget)[-1]


# ---------------------------------------------------------------- headless runs


def test_headless_journal_prints_the_worked_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = build_journal_exercise(open_course(tmp_path, headless=True))

    printed = capsys.readouterr().out
    assert result is None
    assert printed.startswith(
        "== Your frustration journal ==\n"
        "(Worked example: nothing saved yet. Open the lesson in JupyterLab to add your own.)\n"
        "- 3 entries. Growth areas by total intensity: Salary 4, Project experience 3, "
        "Growth and learning 3, Team atmosphere 2.\n"
    )
    assert "- 1. Salary — 33 % (1 entry, from the lesson)\n" in printed
    assert "- 4. Team atmosphere — 17 % (1 entry, from the lesson)\n" in printed
    assert "<offerkit chart: priorities>" in printed


def test_headless_run_shows_the_learners_own_journal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill_journal(ExerciseWidget(JOURNAL, open_course(tmp_path)))
    capsys.readouterr()

    build_journal_exercise(open_course(tmp_path, headless=True))

    printed = capsys.readouterr().out
    assert "Worked example" not in printed
    assert "- 1. Salary — 60 % (2 entries, from the lesson)\n" in printed


def test_builders_return_the_widget_when_someone_is_looking(course: Course) -> None:
    assert isinstance(build_goal_areas_exercise(course), ExerciseWidget)
    assert isinstance(build_journal_exercise(course), ExerciseWidget)


# ---------------------------------------------------------------- for later lessons


def test_priorities_from_answers_is_empty_when_nothing_is_saved(course: Course) -> None:
    assert course.state.priorities.priorities.is_empty
    assert () == course.state.questions


def test_priorities_fall_back_to_the_goal_areas_then_old_typed_weights(course: Course) -> None:
    widget = ExerciseWidget(GOAL_AREAS, course)
    widget.controls["areas"].value = ("salary", "growth")
    assert {"salary": 0.5, "growth": 0.5} == course.state.priorities.priorities.weights

    # weights typed next to the areas by the first release (schema 1) count as confirmed
    course.store.save(
        GOAL_AREAS.id, {"areas": ["salary", "growth"], "weights": "salary=1, growth=3"}
    )

    assert ({"growth": 0.75, "salary": 0.25}, "confirmed") == (
        course.state.priorities.priorities.weights,
        course.state.priorities.source,
    )


def test_priorities_from_answers_prefers_the_journal(course: Course) -> None:
    ExerciseWidget(GOAL_AREAS, course).controls["areas"].value = ("commute",)
    fill_journal(ExerciseWidget(JOURNAL, course))

    priorities = course.state.priorities.priorities

    assert {"salary": 0.6, "team_atmosphere": 0.2, "growth": 0.2} == pytest.approx(
        priorities.weights
    )
    assert 1.0 == pytest.approx(sum(priorities.weights.values()))


def test_priorities_from_answers_skips_an_entry_that_no_longer_reads(course: Course) -> None:
    good = {"experience": "Overtime", "reason": "no planning", "areas": ["work_life_balance"]}
    course.store.save(JOURNAL.id, {"entries": [{"experience": "", "areas": []}, good]})

    assert {"work_life_balance": 1.0} == course.state.priorities.priorities.weights


def test_interview_questions_from_answers_asks_one_per_top_priority(course: Course) -> None:
    fill_journal(ExerciseWidget(JOURNAL, course))

    questions = interview_questions(course.state.priorities.priorities, top=2)

    assert ["salary", "team_atmosphere"] == [q.area.id for q in questions]
    assert SALARY_QUESTION.removeprefix("Ask about salary: ") == questions[0].question
