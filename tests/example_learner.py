"""The bundled example learner: one person through every exercise of lessons 00–06.

``data/example-learner.answers.json`` is *generated* by driving the real exercise widgets
(setting ``.value``, pressing "Add entry"), so the file has exactly the shapes the exercise
specs save. Regenerate it after changing an exercise::

    PYTHONPATH=. python tests/example_learner.py            # rewrites the data file
    PYTHONPATH=. python tests/example_learner.py --check    # exit 1 if it is out of date

The plan tests, ``offerkit plan`` (its default) and the README use this file.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
EXAMPLE_ANSWERS = REPO / "data" / "example-learner.answers.json"
SAVED_AT = "2026-03-03T08:30:00+00:00"  # every timestamp, so the file regenerates identically

PROFILE = {
    "learner_name": "Lin Mei",
    "currency": "CNY",
    "previous_pay": "25k x 14",
    "posted_range": "20-30K·15薪",
    "target_role": "Data engineer",
    "high_demand_role": False,
    "high_demand_reason": "",
}
WEIGHTS = {"project_experience": 8, "salary": 6, "growth": 4, "team_atmosphere": 2}
"""What Lin Mei confirms in lesson 01 after reading the journal's suggestion (40/30/20/10 %)."""
NEXT_STEP = "Email Acme's recruiter to confirm how many months are paid and the bonus basis."
OPENING_LINE = (
    "Thanks for asking. I don't know yet how Acme splits pay into months and bonus, so I'll "
    "give it as a year: I'm looking for 400,000 to 420,000 a year, and I'd be glad to hear "
    "how the bonus works."
)
"""What Lin Mei says when HR asks what she expects (lesson 04), in her own words."""
COUNTER_MESSAGE = (
    "Thank you for the offer, I'd really like to join the data team. I led the move of our "
    "payment data to a new warehouse without downtime, and I'd bring that to Acme, so I'd like "
    "to ask whether we could agree on 410,000 a year. I'll give you my answer by Monday "
    "9 March 2026."
)
"""Lin Mei's counter to Acme (lesson 05), in her own words."""

_JOURNAL = [
    {
        "experience": "I rebuilt the same monthly reports for two years and shipped nothing new.",
        "reason": "New projects always went to the platform team.",
        "areas": ("project_experience", "growth"),
        "intensity": "4",
    },
    {
        "experience": "My pay stayed at 25k while my team grew from three people to seven.",
        "reason": "There were no salary reviews and nobody owned them.",
        "areas": ("salary",),
        "intensity": "3",
    },
    {
        "experience": "Stand-ups often ended with people blaming the data team.",
        "reason": "Nobody owned a broken pipeline until a customer noticed.",
        "areas": ("team_atmosphere",),
        "intensity": "2",
    },
]
_STRENGTHS = [
    {
        "description": "Moved the company's payment data to a new warehouse without downtime",
        "evidence": "Led the six-month migration of 2 TB; nightly failures fell from 9 to 1 a "
        "month.",
        "kind": "hard",
        "rare": True,
    },
    {
        "description": "Five years of Python and SQL data pipelines",
        "evidence": "Built and ran 40 Airflow pipelines used by finance and sales.",
        "kind": "hard",
        "rare": False,
    },
    {
        "description": "Mentoring new analysts",
        "evidence": "",
        "kind": "hard",
        "rare": False,
    },
    {
        "description": "Calm under pressure",
        "evidence": "",
        "kind": "soft",
        "rare": False,
    },
]
_OFFERS = [
    {
        "name": "Acme",
        "pay": "28k x 15",
        "ratings": {"project_experience": 5, "salary": 4, "growth": 4, "team_atmosphere": 4},
        "must_haves": ("project_experience",),
    },
    {
        "name": "Globex",
        "pay": "32k x 14",
        "ratings": {"project_experience": 2, "salary": 5, "growth": 3, "team_atmosphere": 3},
        "must_haves": ("project_experience",),
    },
]


def _fill(widget: Any, values: Mapping[str, Any]) -> None:
    for name, value in values.items():
        widget.controls[name].value = value


def _set_weights(widget: Any, weights: Mapping[str, int]) -> None:
    """Move the weight controls: one value per area (sliders), or the typed ``area=n`` form
    while the exercise still shows a text box."""
    control = widget.controls["weights"]
    if isinstance(control.value, str):
        control.value = ", ".join(f"{area}={weight}" for area, weight in weights.items())
    else:
        control.value = {**control.value, **{a: 0 for a in control.value}, **weights}


def _add(widget: Any, entries: list[dict[str, Any]]) -> None:
    for entry in entries:
        for name, value in entry.items():
            widget.entry_controls[name].value = value
        widget.add_entry()


def _check(widget: Any) -> None:
    """Press "Check & save" (a value equal to its default fires no change) and insist."""
    widget.check_button.click()
    if "offerkit-error" in widget.feedback.value or "Saved at" not in widget.status.value:
        raise RuntimeError(f"{widget.spec.id}: the example was refused: {widget.feedback.value}")


def _answer_quiz(lesson: str, course: Any) -> None:
    from offerkit.exercises.quiz import build_quiz, quiz_questions

    widget = build_quiz(lesson, course)
    _fill(widget, {q.id: str(q.answer) for q in quiz_questions(lesson)})
    _check(widget)


def _lessons_00_to_02(course: Any) -> None:
    from offerkit.exercises import goal_areas_exercises as goals
    from offerkit.exercises import priorities_exercises as priorities
    from offerkit.exercises import start_exercises as start
    from offerkit.exercises import strengths_exercises as strengths
    from offerkit.exercises import wants_exercises as wants

    pay = start.build_pay_formats_exercise(course)
    _fill(pay, {"pay": PROFILE["previous_pay"]})
    profile = start.build_profile_exercise(course)
    _fill(profile, PROFILE)
    areas = goals.build_goal_areas_exercise(course)
    _fill(areas, {"areas": tuple(WEIGHTS)})
    journal = wants.build_journal_exercise(course)
    _add(journal, _JOURNAL)
    confirm = priorities.build_priorities_exercise(course)
    _set_weights(confirm, WEIGHTS)
    _fill(confirm, {"confirmed": True})
    ledger = strengths.build_strengths_exercise(course)
    _add(ledger, _STRENGTHS)
    for widget in (pay, profile, areas, journal, confirm, ledger):
        _check(widget)


def _lessons_03_to_04(course: Any) -> None:
    from offerkit.exercises import deadline_exercises as deadline
    from offerkit.exercises import hr_exercises as hr
    from offerkit.exercises import salary_exercises as salary
    from offerkit.exercises import tone_exercises as tone

    posted = salary.build_posted_range_exercise(course)
    _fill(posted, {"ask": "380000"})
    expected = salary.build_salary_exercise(course)
    _fill(expected, {"ask": "410000"})
    doubts = hr.build_doubts_exercise(course)
    _fill(doubts, {"own": "Is the role new, or am I replacing someone?"})
    opening = hr.build_opening_exercise(course)
    _fill(opening, {"kind": "state-range", "company": "Acme", "line": OPENING_LINE})
    draft = tone.build_tone_exercise(course)
    _fill(
        draft,
        {
            "draft": "Hi, thank you for the offer. Could you tell me how many months are paid "
            "each year and how the bonus is decided?",
            "offers_held": "1",
        },
    )
    decide = deadline.build_deadline_exercise(course)
    _fill(decide, {"offer_date": date(2026, 3, 2), "days": "7", "company": "Acme"})
    for widget in (posted, expected, doubts, opening, draft, decide):
        _check(widget)


def _lessons_05_to_06(course: Any) -> None:
    from offerkit.exercises import decide_exercises as decide
    from offerkit.exercises import offers_exercises as offers
    from offerkit.exercises import plan_exercises as plan

    compare = offers.build_offers_exercise(course)
    _add(compare, _OFFERS)
    honesty = decide.build_honesty_exercise(course)
    _fill(honesty, {"told_previous": "25k x 14"})
    reply = decide.build_reply_exercise(course)
    _fill(
        reply,
        {"kind": "counter", "company": "Acme", "amount": "410000", "message": COUNTER_MESSAGE},
    )
    page = plan.build_plan_exercise(course)
    _fill(page, {"next_step": NEXT_STEP})
    for widget in (compare, honesty, reply, page):
        _check(widget)


def example_answers() -> dict[str, Any]:
    """The example learner's answers document, made by driving every exercise."""
    from exercise_helpers import open_course

    with tempfile.TemporaryDirectory() as folder:
        course = open_course(Path(folder), learner_id="lin-mei", learner_name="Lin Mei")
        _lessons_00_to_02(course)
        _answer_quiz("00", course)
        for lesson in ("01", "02"):
            _answer_quiz(lesson, course)
        _lessons_03_to_04(course)
        _answer_quiz("03", course)
        _answer_quiz("04", course)
        _lessons_05_to_06(course)
        _answer_quiz("05", course)
        _answer_quiz("06", course)
        document: dict[str, Any] = json.loads(course.store.path.read_text(encoding="utf-8"))
    document["updated"] = SAVED_AT
    for entry in document["exercises"].values():
        entry["saved"] = SAVED_AT
    return document


def example_text() -> str:
    """The data file's text (as written by the answers store, timestamps fixed)."""
    return json.dumps(example_answers(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write (or ``--check``) ``data/example-learner.answers.json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    text = example_text()
    if args.check:
        current = EXAMPLE_ANSWERS.read_text(encoding="utf-8") if EXAMPLE_ANSWERS.exists() else ""
        if current != text:
            print(f"{EXAMPLE_ANSWERS} is out of date: run python tests/example_learner.py")
            return 1
        return 0
    EXAMPLE_ANSWERS.write_text(text, encoding="utf-8")
    print(f"wrote {EXAMPLE_ANSWERS}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
