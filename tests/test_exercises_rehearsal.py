"""Lesson 07's rehearsal widget driven through its API (no kernel), and its headless run."""

from __future__ import annotations

from pathlib import Path

import pytest
from exercise_helpers import open_course, saved

from offerkit.exercises.course import Course
from offerkit.exercises.rehearsal_exercises import (
    REHEARSAL,
    SAMPLE_REPLIES,
    RehearsalWidget,
    build_rehearsal_exercise,
    play_sample,
)
from offerkit.learner.rehearsal import rehearsal_learner
from offerkit.rules.rehearsal import start_rehearsal
from offerkit.rules.rehearsal_scenarios import load_scenarios, scenario_by_id


@pytest.fixture
def ada(tmp_path: Path) -> Course:
    return open_course(tmp_path, previous_pay="300000", posted_range="300k-400k")


def test_the_widget_opens_with_hrs_first_line(ada: Course) -> None:
    widget = build_rehearsal_exercise(ada)
    assert isinstance(widget, RehearsalWidget)
    assert "salary expectations" in widget.transcript.value
    assert "offerkit-chat-hr" in widget.transcript.value
    assert not widget.send_button.disabled


def test_the_figure_box_shows_its_whole_label(ada: Course) -> None:
    """Its label, "Figure (CNY/year)", is wider than the default 80 px (measured in Voila)."""
    widget = RehearsalWidget(ada, "friendly-start", seed=1)
    assert ("Figure (CNY/year)", "initial") == (
        widget.figure.description,
        widget.figure.style.description_width,
    )


def test_send_shows_the_reply_hrs_answer_and_the_judgement(ada: Course) -> None:
    widget = RehearsalWidget(ada, "friendly-start", seed=1)
    widget.reply.value = "Thanks! I'm looking for <b>360k</b>-380k a year."
    widget.figure.value = "360k-380k"
    widget.send_button.click()
    assert "offerkit-chat-you" in widget.transcript.value
    assert "&lt;b&gt;360k&lt;/b&gt;" in widget.transcript.value  # the learner's text, escaped
    assert "we can offer" in widget.transcript.value
    assert "Deal +1" in widget.feedback.value
    assert "" == widget.reply.value and "" == widget.figure.value


def test_a_whole_call_ends_in_a_saved_debrief(ada: Course) -> None:
    widget = RehearsalWidget(ada, "friendly-start", seed=2)
    for text, figure in (
        ("Thanks! Could you tell me how the bonus works? I'm looking for 360k-380k.", "360k-380k"),
        ("Thank you. With the projects I led, could you move to 360k?", "360k"),
        ("Yes, I accept the offer. Thank you!", ""),
    ):
        widget.reply.value, widget.figure.value = text, figure
        widget.send_button.click()
    assert widget.call.finished and widget.send_button.disabled
    assert "Debrief" in widget.debrief_html.value
    answer = saved(ada)[REHEARSAL.id]
    assert "deal" == answer["outcome"]
    assert {"deal", "relationship", "honesty", "clarity"} == set(answer["scores"])
    assert answer["transcript"][0].startswith("HR: ")
    assert "Debrief saved." == widget.status.value


def test_play_again_uses_the_next_seed_and_a_new_scenario_restarts(ada: Course) -> None:
    widget = RehearsalWidget(ada, "friendly-start", seed=0)
    widget.reply.value = "Thanks, 360k-380k a year."
    widget.send_button.click()
    widget.again_button.click()
    assert 1 == widget.seed and 0 == len(widget.call.turns)
    widget.scenario.value = "hard-call"
    assert "hard-call" == widget.call.scenario.id
    assert "Viktor" in widget.persona.value


def test_sending_after_the_end_says_so(ada: Course) -> None:
    widget = RehearsalWidget(ada, "friendly-start", seed=0)
    widget.call = play_sample(widget.call)
    widget.send()
    assert "Play again" in widget.feedback.value


def test_the_headless_run_prints_one_scripted_call(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    course = open_course(tmp_path, headless=True, previous_pay="300000", posted_range="300k-400k")
    assert build_rehearsal_exercise(course) is None
    out = capsys.readouterr().out
    assert "== Rehearse the call: The pay-history question" in out
    assert out.count("HR: ") >= 5 and out.count("You: ") >= 5
    assert "Outcome: deal." in out


@pytest.mark.parametrize("scenario", load_scenarios(), ids=lambda s: s.id)
def test_the_sample_learner_covers_every_move_and_ends_each_scenario(
    ada: Course, scenario: object
) -> None:
    call = play_sample(start_rehearsal(scenario, rehearsal_learner(ada.state), 0))  # type: ignore[arg-type]
    assert call.finished and "deal" == call.outcome
    assert set(scenario.moves) <= set(SAMPLE_REPLIES)  # type: ignore[attr-defined]


def test_an_unknown_scenario_is_shown_kindly(ada: Course) -> None:
    widget = RehearsalWidget(ada, "friendly-start", seed=0)
    widget._safely(lambda: scenario_by_id("nope"))
    assert "no scenario" in widget.feedback.value


def test_without_a_range_it_says_what_is_missing(tmp_path: Path) -> None:
    course = open_course(tmp_path, previous_pay="", posted_range="")
    widget = build_rehearsal_exercise(course)
    assert "needs your annual range first" in widget.value


def test_the_saved_debrief_and_walk_away_reach_the_plan(ada: Course) -> None:
    from offerkit.learner.plan import offer_plan

    ada.store.save("05.walk-away", {"walk_away": "320k", "why": "my current job"})
    widget = RehearsalWidget(ada, "friendly-start", seed=0)
    widget.call = play_sample(widget.call)
    widget._finish()
    plan = offer_plan(ada.state)
    assert plan.rehearsal.startswith("deal (deal ")
    assert 320_000.0 == plan.walk_away
