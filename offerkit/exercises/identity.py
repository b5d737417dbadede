"""Who is at the Voila app: a small prompt that asks for a name (and an id) once.

In JupyterLab each learner has their own notebooks and parameters. A Voila app serves the
same notebook to everyone, so without this every visitor would be ``demo`` and share one
answers file. The prompt turns the name into a file-safe id (or takes the id typed), and
:meth:`Course.identify` opens ``answers/<id>.answers.json``; the lesson's exercises, hidden
until then, open with that learner's own answers.
"""

from __future__ import annotations

import html
import re
import unicodedata

import ipywidgets as widgets

from offerkit.errors import InvalidInputError
from offerkit.exercises.course import Course

__all__ = ["IdentityPrompt", "identity_prompt", "learner_id_from_name"]

_STYLE = {"description_width": "160px"}


def learner_id_from_name(name: str) -> str:
    """A file-safe id for a name: ``"Ada Lovelace"`` → ``"ada-lovelace"`` ("" if none).

    Accents are dropped (``"Zoë"`` → ``"zoe"``); letters with no Latin form give ``""``,
    and the learner is asked for an id instead.
    """
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9_]+", "-", plain.lower()).strip("-_")[:64].strip("-_")


class IdentityPrompt(widgets.VBox):  # type: ignore[misc]
    """Name and id boxes and a Start button; ``start()`` opens the learner's own file."""

    def __init__(self, course: Course) -> None:
        self.course = course
        self.name_box = widgets.Text(
            description="Your name", placeholder="Ada Lovelace", style=_STYLE
        )
        self.id_box = widgets.Text(
            description="Id (optional)",
            placeholder="made from your name",
            style=_STYLE,
        )
        self.start_button = widgets.Button(
            description="Start", button_style="primary", icon="sign-in"
        )
        self.message = widgets.HTML(
            "<p>Who are you? Your answers are kept in a file of your own.</p>"
        )
        self.start_button.on_click(lambda _b: self.start())
        super().__init__(
            children=[
                widgets.HTML("<h4>Before you start</h4>"),
                self.name_box,
                self.id_box,
                self.start_button,
                self.message,
            ]
        )

    def start(self) -> bool:
        """Open the learner's answers file; a friendly message if name or id will not do."""
        name = self.name_box.value.strip()
        typed_id = self.id_box.value.strip()
        learner_id = typed_id or learner_id_from_name(name)
        if not name and not typed_id:
            return self._say("Please type your name first.")
        if not learner_id:
            return self._say(
                "Please add an id in Latin letters or digits (e.g. li-lei): it names your "
                "answers file."
            )
        try:
            path = self.course.identify(learner_id, name)
        except InvalidInputError as exc:
            return self._say(f"That id will not do as a file name: it must be {exc.expected}.")
        for box in (self.name_box, self.id_box, self.start_button):
            box.disabled = True
        slug = html.escape(self.course.learner_id)
        self.message.value = (
            f"<p>✔ {html.escape(self.course.status().splitlines()[0])}<br>"
            f"Your answers are kept in <code>answers/{html.escape(path.name)}</code>. Next "
            f"time, add <code>?learner={slug}</code> to this page's address to skip this "
            "step.</p>"
        )
        return True

    def _say(self, text: str) -> bool:
        self.message.value = f'<p style="color:#8a5300">! {html.escape(text)}</p>'
        return False


def identity_prompt(course: Course) -> IdentityPrompt:
    """The prompt shown at the top of a Voila lesson nobody has signed into yet."""
    return IdentityPrompt(course)
