"""Lesson 07: rehearse the HR call — a chat with a rule-based HR counterpart.

The widget only renders (:mod:`offerkit.rules.rehearsal` plays HR and judges): a chat-like
transcript, a reply box, a figure box and a Send button; feedback on each reply and the
debrief are widget *state* (``HTML.value``), never ``with out:``. When the call ends the
debrief is saved under :data:`~offerkit.learner.schema.REHEARSAL`. Headless runs
(papermill, ``offerkit build``) play one scenario with :data:`SAMPLE_REPLIES` and print
the transcript.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from offerkit.errors import OfferkitError
from offerkit.exercises.course import Course
from offerkit.exercises.spec import ExerciseSpec, Feedback, Field
from offerkit.exercises.widgets import hint_ladder_html
from offerkit.learner import schema
from offerkit.learner.rehearsal import rehearsal_learner
from offerkit.rules.rehearsal import Rehearsal, reply_to, start_rehearsal
from offerkit.rules.rehearsal_debrief import Debrief, debrief
from offerkit.rules.rehearsal_scenarios import load_scenarios, scenario_by_id

__all__ = [
    "HEADLESS_SCENARIO",
    "REHEARSAL",
    "SAMPLE_REPLIES",
    "RehearsalWidget",
    "build_rehearsal_exercise",
    "debrief_answer",
    "play_sample",
]

HEADLESS_SCENARIO = "pay-history"
"""The scenario a headless run plays."""

SAMPLE_REPLIES: Mapping[str, tuple[str, str]] = {
    "expectations": (
        "Thank you! Before I answer: could you tell me how the bonus is paid? Based on the "
        "projects I've delivered, I'm looking for {range} a year.",
        "{range}",
    ),
    "current_pay": ("I currently earn {previous} a year, all in.", "{previous}"),
    "above_budget": (
        "I understand budgets are tight. I led two launches that cut costs by 20%, so I'd "
        "hope to stay close to {target}. Could a training budget help bridge the gap?",
        "{target}",
    ),
    "only_offer": (
        "Thanks for asking: I'm talking to other companies, but this is my first choice.",
        "",
    ),
    "low_offer": (
        "Thank you for the offer. Given the experience I bring, could you move closer to {target}?",
        "{target}",
    ),
    "no_base": ("I understand the grid. Could we add a pay review after six months?", ""),
    "deadline_48h": ("Could I have five days to decide? I'll answer by then.", ""),
    "closing": ("Thank you, yes: I accept the offer.", ""),
}
"""A scripted sample learner (friendly, sincere, with evidence), one reply per HR move."""


def _fill(template: str, learner: Any) -> str:
    previous = learner.previous_pay or learner.range_low / 1.2
    return template.format(
        range=f"{learner.range_low / 1000:.0f}k-{learner.range_high / 1000:.0f}k",
        target=f"{learner.range_low / 1000:.0f}k",
        previous=f"{previous:,.0f}",
    )


def play_sample(
    call: Rehearsal, replies: Mapping[str, tuple[str, str]] = SAMPLE_REPLIES
) -> Rehearsal:
    """Play the call to its end with scripted replies (at most 20 turns)."""
    for _ in range(20):
        if call.finished:
            break
        text, figure = replies[call.move]
        call = reply_to(call, _fill(text, call.learner), _fill(figure, call.learner))
    return call


def debrief_answer(summary: Debrief, scenario_id: str, seed: int) -> dict[str, Any]:
    """The debrief as the saved answer (JSON-ready, the schema's field names)."""
    return {
        "scenario": scenario_id,
        "seed": seed,
        "outcome": summary.outcome,
        "base": summary.base,
        "extras": list(summary.extras),
        "decision_date": summary.decision_date.isoformat() if summary.decision_date else "",
        "scores": dict(summary.scores),
        "costliest": summary.costliest,
        "try_instead": summary.try_instead,
        "transcript": list(summary.transcript),
    }


def _evaluate(values: Mapping[str, Any], course: Course) -> Feedback:
    """The saved debrief, as text (the rehearsal itself is played in the widget)."""
    if not values.get("outcome"):
        return Feedback(("No rehearsal saved yet: play one call to the end.",), "warn")
    scores = values.get("scores") or {}
    shown = ", ".join(f"{k} {v}" for k, v in scores.items()) if isinstance(scores, Mapping) else ""
    return Feedback((f"Last rehearsal: {values['outcome']}.", f"Scores: {shown}."))


REHEARSAL = ExerciseSpec(
    id=schema.REHEARSAL.id,
    title="Rehearse the call",
    prompt="Answer HR in your own words; add an annual figure or range when you name one.",
    fields=tuple(
        Field(name, name.replace("_", " ").capitalize()) for name in schema.REHEARSAL.fields
    ),
    evaluate=_evaluate,
    hints=(
        "Thank HR first, name an annual range with one piece of evidence, and confirm what is "
        "still unclear before you agree to anything.",
        'To "That\'s above our budget", a calm reply keeps the range and asks '
        'how to bridge the gap: "I understand. Given the migration I led, 360k–385k a year is '
        'where I am; is there room, or could a review after six months close the gap?"',
        'To "What are your salary expectations?" say thank you, "based on the two '
        "payment projects I led, I'm looking for 360k–385k a year\", and ask how the bonus is "
        "paid. To a low first offer: thank them, restate the range and ask if there is room — or, "
        "when base is fixed, ask for a trade from your priorities.",
    ),
)


def _bubble(speaker: str, text: str) -> str:
    mine = speaker == "You"
    style = "margin:4px 0;padding:6px 10px;border-radius:10px;max-width:80%;" + (
        "margin-left:auto;background:#e3f2fd;" if mine else "background:#f1f1f1;"
    )
    kind = "you" if mine else "hr"
    body = f"<b>{html.escape(speaker)}:</b> {html.escape(text)}"
    return f'<div class="offerkit-chat-{kind}" style="{style}">{body}</div>'


class RehearsalWidget:
    """The chat UI of one rehearsal; :meth:`send` and :meth:`play_again` drive it."""

    def __init__(self, course: Course, scenario_id: str = "friendly-start", seed: int = 0) -> None:
        import ipywidgets as widgets

        self.course = course
        self.learner = rehearsal_learner(course.state)
        choices = [(f"{s.level}. {s.title}", s.id) for s in load_scenarios()]
        self.scenario = widgets.Dropdown(options=choices, value=scenario_id, description="Scenario")
        self.persona = widgets.HTML()
        self.transcript = widgets.HTML()
        self.reply = widgets.Textarea(
            placeholder="Your reply to HR, in your own words", layout=widgets.Layout(width="95%")
        )
        self.figure = widgets.Text(
            placeholder="330k-350k",
            description=f"Figure ({self.learner.currency}/year)",
            style={"description_width": "initial"},  # the default 80 px cuts the label off
        )
        self.send_button = widgets.Button(
            description="Send", button_style="primary", icon="paper-plane"
        )
        self.again_button = widgets.Button(description="Play again (new seed)", icon="refresh")
        self.hint_button = widgets.Button(description="Show a hint", icon="lightbulb-o")
        self.hint_html = widgets.HTML()
        self._hints_shown = 0
        self.hint_button.on_click(lambda _b: self._safely(self.next_hint))
        self.feedback = widgets.HTML()
        self.debrief_html = widgets.HTML()
        self.status = widgets.Label()
        self.send_button.on_click(lambda _b: self._safely(self.send))
        self.again_button.on_click(lambda _b: self._safely(self.play_again))
        self.scenario.observe(lambda _c: self._safely(self.restart), names="value")
        self.seed = seed
        self.call = start_rehearsal(scenario_by_id(scenario_id), self.learner, seed)
        self.box = widgets.VBox(
            [
                widgets.HTML("<h4>Rehearse the call</h4>"),
                self.scenario,
                self.persona,
                self.transcript,
                self.reply,
                self.figure,
                widgets.HBox([self.send_button, self.again_button, self.hint_button]),
                self.hint_html,
                self.feedback,
                self.debrief_html,
                self.status,
            ]
        )
        self._render()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.box)  # type: ignore[no-untyped-call]

    def _safely(self, action: Any) -> None:
        try:
            action()
        except OfferkitError as exc:
            self.feedback.value = f"<p style='color:#c62828'>{html.escape(str(exc))}</p>"
        except Exception as exc:  # shown to the learner; JupyterLab would show it nowhere
            self.feedback.value = html.escape(
                f"Something unexpected went wrong ({type(exc).__name__}: {exc})."
            )

    def next_hint(self) -> None:
        """Reveal the next rung of the hint ladder (hint → worked example → answer)."""
        hints = REHEARSAL.hints
        self._hints_shown = min(len(hints), self._hints_shown + 1)
        self.hint_html.value = hint_ladder_html(hints, self._hints_shown)
        left = len(hints) - self._hints_shown
        self.hint_button.disabled = left == 0
        self.hint_button.description = f"Next hint ({left} left)" if left else "No more hints"

    def restart(self) -> None:
        """Start the chosen scenario again with the current seed."""
        self.call = start_rehearsal(
            scenario_by_id(str(self.scenario.value)), self.learner, self.seed
        )
        self.feedback.value = self.debrief_html.value = ""
        self._render()

    def play_again(self) -> None:
        """The same scenario with the next seed (HR's band and words move a little)."""
        self.seed += 1
        self.restart()

    def send(self) -> None:
        """Send the reply and the figure; show HR's answer and the judgement."""
        if self.call.finished:
            self.feedback.value = "<p>The call is over: press <b>Play again</b>.</p>"
            return
        self.call = reply_to(self.call, str(self.reply.value), str(self.figure.value))
        self.reply.value = self.figure.value = ""
        notes = self.call.turns[-1].judgement.notes or ("Nothing to note on that reply.",)
        self.feedback.value = (
            "<ul>" + "".join(f"<li>{html.escape(n)}</li>" for n in notes) + "</ul>"
        )
        if self.call.finished:
            self._finish()
        self._render()

    def _finish(self) -> None:
        summary = debrief(self.call)
        lines = "".join(f"<li>{html.escape(line)}</li>" for line in summary.lines)
        self.debrief_html.value = f"<h4>Debrief</h4><ul>{lines}</ul>"
        answer = debrief_answer(summary, self.call.scenario.id, self.seed)
        try:
            saved = self.course.store.save(REHEARSAL.id, answer)
        except OSError as exc:
            self.status.value = f"Not saved: {exc}"
            return
        self.status.value = "Debrief saved." if saved else "Not saved: " + self.course.store.warning

    def _render(self) -> None:
        scenario = self.call.scenario
        self.persona.value = f"<p><i>{html.escape(scenario.persona)}</i></p>"
        lines = (line.partition(": ") for line in debrief(self.call).transcript)
        bubbles = [_bubble(speaker, text) for speaker, _sep, text in lines]
        self.transcript.value = "".join(bubbles)
        self.send_button.disabled = self.call.finished


def build_rehearsal_exercise(
    course: Course, scenario: str = "friendly-start", seed: int = 0
) -> Any:
    """Lesson 07: the rehearsal widget; headless, one scripted call printed.

    Without an annual range yet (lesson 00 or 03), it says what is missing instead."""
    try:
        learner = rehearsal_learner(course.state)
    except OfferkitError as exc:
        message = f"The rehearsal needs your annual range first: {exc}"
        if course.headless:
            print(message)
            return None
        import ipywidgets as widgets

        return widgets.HTML(f"<p>{html.escape(message)}</p>")
    if course.headless:
        call = play_sample(start_rehearsal(scenario_by_id(HEADLESS_SCENARIO), learner, seed))
        summary = debrief(call)
        print(f"== Rehearse the call: {call.scenario.title} (scripted sample learner) ==")
        print("\n".join(summary.transcript))
        print("\n".join(f"- {line}" for line in summary.lines))
        return None
    return RehearsalWidget(course, scenario, seed)
