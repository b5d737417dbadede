"""Lesson 06: the plan assembled from saved answers of every lesson, written to files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from exercise_helpers import open_course

from offerkit.exercises.course import Course
from offerkit.exercises.plan_exercises import assemble_plan, build_plan_exercise, plan_paths

OWN_LINE = "Thanks for asking: I'm looking for 342,000 to 360,000 a year, bonus included."


def _course(tmp_path: Path, headless: bool = False, **params: object) -> Course:
    """A course whose profile has previous pay and no posted range."""
    pay = {"previous_pay": "300000", "posted_range": ""}
    return open_course(tmp_path, headless, **{**pay, **params})


def _fill(course: Course) -> None:
    store = course.store
    store.save(
        "01.journal",
        {
            "entries": [
                {
                    "experience": "Stuck on one legacy system",
                    "reason": "no new projects",
                    "areas": ["project_experience"],
                    "intensity": "3",
                },
                {
                    "experience": "Paid below peers",
                    "reason": "no raise in two years",
                    "areas": ["salary"],
                    "intensity": "1",
                },
            ]
        },
    )
    store.save("01.goal-areas", {"areas": ["project_experience", "salary"]})
    store.save(
        "01.priorities",
        {"weights": {"project_experience": 6, "salary": 4}, "confirmed": True},
    )
    store.save(
        "02.strengths",
        {
            "entries": [
                {
                    "description": "Payments migration lead",
                    "evidence": "moved 2M users, zero downtime",
                    "kind": "hard",
                    "rare": True,
                },
                {"description": "Dependable", "evidence": "", "kind": "soft", "rare": False},
            ]
        },
    )
    store.save("04.doubts", {"items": ["months-per-year"], "own": ""})
    store.save(
        "04.opening",
        {"kind": "state-range", "company": "Acme", "role": "Data engineer", "line": OWN_LINE},
    )
    store.save("04.deadline", {"offer_date": "2026-03-02", "days": "5"})


def test_an_empty_course_lists_what_is_still_to_do(tmp_path: Path) -> None:
    plan = assemble_plan(_course(tmp_path))
    assert 342000.0 == plan.range_low and 360000.0 == plan.range_high
    assert any(item.startswith("Lesson 01") for item in plan.missing)
    assert any(item.startswith("Lesson 02") for item in plan.missing)


def test_unconfirmed_priorities_are_the_journal_suggestion_and_flagged(tmp_path: Path) -> None:
    course = _course(tmp_path)
    _fill(course)
    course.store.save("01.priorities", {"weights": {"salary": 10}, "confirmed": False})
    plan = assemble_plan(course)
    assert [("Project experience", 75), ("Salary", 25)] == [
        (p.area, p.percent) for p in plan.priorities
    ]
    assert "suggested by my journal, not confirmed yet" == plan.priorities_source
    assert ("Lesson 01: confirm your priorities (the plan shows the suggestion).",) == plan.missing


def test_a_complete_course_fills_every_part(tmp_path: Path) -> None:
    course = _course(tmp_path)
    _fill(course)
    plan = assemble_plan(course, "Email the recruiter")
    assert [("Project experience", 60), ("Salary", 40)] == [
        (p.area, p.percent) for p in plan.priorities
    ]
    assert all(p.question for p in plan.priorities)
    assert [
        ("Payments migration lead", "moved 2M users, zero downtime", "rare hard"),
        ("Dependable", "", "soft"),
    ] == [(s.description, s.evidence, s.tier) for s in plan.strengths]
    assert date(2026, 3, 7) == plan.decision_date
    assert "give you my answer by Saturday 7 March 2026?" in plan.extension_message
    assert OWN_LINE == plan.opening  # the learner's own words, nothing the kit drafted
    assert plan.doubts
    assert () == plan.missing
    assert "Email the recruiter" == plan.next_step


def test_the_widget_writes_markdown_and_html_next_to_the_answers(tmp_path: Path) -> None:
    course = _course(tmp_path)
    _fill(course)
    widget = build_plan_exercise(course)
    widget.controls["next_step"].value = "Ask about probation pay"
    markdown, html = plan_paths(course)
    assert tmp_path / "answers" / "ada-offer-plan.md" == markdown
    assert "- Ask about probation pay" in markdown.read_text("utf-8")
    assert "<h1>My offer plan — Ada</h1>" in html.read_text("utf-8")
    assert [] == [p.name for p in markdown.parent.glob("*.tmp")]


def test_headless_prints_the_plan_and_writes_only_with_an_answers_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_plan_exercise(_course(tmp_path, headless=True))
    out = capsys.readouterr().out
    assert "# My offer plan — Ada" in out
    assert not (tmp_path / "answers").exists()
    answers = tmp_path / "build" / "ada.answers.json"
    build_plan_exercise(_course(tmp_path, headless=True, answers_file=str(answers)))
    assert (tmp_path / "build" / "ada-offer-plan.html").exists()
