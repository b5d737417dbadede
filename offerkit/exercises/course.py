"""The course context a lesson opens: the learner's parameters, answers and run mode.

No widget imports here: the context is shared by the widget builders and by headless
(papermill / nbval) runs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from offerkit.errors import InvalidInputError
from offerkit.learner import schema
from offerkit.learner.answers import AnswersStore, default_answers_path
from offerkit.learner.params import PARAMETER_NAMES, PARAMETERS, learner_slug, validate_parameters
from offerkit.learner.state import LearnerState, learner_state

__all__ = [
    "PROFILE_ID",
    "Course",
    "has_frontend",
    "in_voila",
    "start_course",
    "voila_learner",
]

PROFILE_ID = schema.PROFILE.id


def in_voila() -> bool:
    """True inside a kernel Voila started (it sets these variables for its kernels)."""
    names = ("VOILA_KERNEL_ID", "VOILA_BASE_URL", "VOILA_SERVER_URL", "VOILA_REQUEST_URL")
    return any(name in os.environ for name in names)


def voila_learner() -> str:
    """The learner named in the app's address (``…/lesson.ipynb?learner=ada``), or ""."""
    query = parse_qs(os.environ.get("QUERY_STRING", ""))
    return (query.get("learner") or [""])[0].strip()


def has_frontend() -> bool:
    """True when a person is looking at the widgets (JupyterLab, Notebook, Voila).

    ``OFFERKIT_HEADLESS=1`` / ``0`` forces the answer. Otherwise: Voila sets its own
    environment variables; JupyterLab sends ``allow_stdin=True`` with each cell, while
    papermill, nbclient and nbval send ``False``; outside a kernel there is no front end.
    """
    forced = os.environ.get("OFFERKIT_HEADLESS", "").strip()
    if forced:
        return forced.lower() in {"0", "false", "no"}
    if in_voila():
        return True
    try:
        from IPython.core.getipython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with ipykernel
        return False
    shell = get_ipython()  # type: ignore[no-untyped-call]
    kernel = getattr(shell, "kernel", None)
    return bool(getattr(kernel, "_allow_stdin", False))


@dataclass
class Course:
    """What every exercise needs: the parameters, the answers store and the mode.

    ``awaiting_identity`` is true in a Voila app nobody has signed into yet (every visitor
    would otherwise be ``demo``): the exercises wait, hidden, until :meth:`identify` names
    the learner, then open that learner's own answers file.
    """

    params: dict[str, Any]
    store: AnswersStore
    headless: bool
    problems: tuple[str, ...] = field(default=())
    folder: Path | None = None
    awaiting_identity: bool = False
    _listeners: list[Callable[[], None]] = field(default_factory=list, repr=False)

    @property
    def learner_id(self) -> str:
        """The learner's id (from the parameters)."""
        return str(self.params["learner_id"])

    @property
    def state(self) -> LearnerState:
        """What the learner has decided so far, read afresh from the answers saved now
        (see :func:`offerkit.learner.state.learner_state`)."""
        return learner_state(self.params, self.store.all(), headless=self.headless)

    @property
    def profile(self) -> dict[str, Any]:
        """The learner's profile as parameter names (from :attr:`state`).

        In a headless run (a batch build) the parameters win: the roster is the source of
        truth. With a person at the widgets, what they saved in lesson 00 wins.
        """
        return self.state.profile.fields

    def status(self) -> str:
        """One line on whose answers these are and where they are kept, plus any problem
        with the parameters. The name is the saved profile's (lesson 00) when there is one."""
        saved = len(self.store.all())
        name, file = self.profile["learner_name"], self.store.path.name
        if not self.headless:
            first = f"{name}: answers are saved in {file} ({saved} saved so far)."
        elif saved:
            plural = "answer" if saved == 1 else "answers"
            first = f"{name}: headless run, summaries from your parameters and {saved} saved "
            first += f"{plural} in {file}."
        else:
            first = f"{name}: headless run, summaries from your parameters (no saved answers)."
        lines = [first]
        lines += [f"Note: {problem}" for problem in self.problems]
        return "\n".join(lines)

    def on_identity(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` once the learner has said who they are (see :meth:`identify`)."""
        self._listeners.append(listener)

    def identify(self, learner_id: str, name: str = "") -> Path:
        """Switch to learner ``learner_id``'s own answers file, ``answers/<slug>.answers.json``.

        Raises :class:`InvalidInputError` for an id that cannot be a file name (so nothing
        is ever written outside the answers folder). ``name`` becomes the name shown until
        the learner saves a profile. Returns the answers file's path.
        """
        slug = learner_slug(learner_id)
        self.params = {**self.params, "learner_id": slug, "answers_file": ""}
        if name.strip():
            self.params["learner_name"] = name.strip()
        self.store = AnswersStore(default_answers_path(slug, self.folder), slug)
        if self.store.warning:
            self.problems += (self.store.warning,)
        self.awaiting_identity = False
        for listener in self._listeners:
            listener()
        return self.store.path

    def answer(self, exercise_id: str, default: Any = None) -> Any:
        """The saved answer of another exercise (e.g. the strengths ledger)."""
        return self.store.get(exercise_id, default)


def start_course(
    namespace: Mapping[str, Any],
    *,
    headless: bool | None = None,
    folder: Path | None = None,
    announce: bool = True,
) -> Course:
    """Open the course for the learner whose parameters are in ``namespace``.

    Notebooks call ``course = start_course(globals())`` right after the parameters cell:
    the schema's names are picked out of the namespace (nothing else is read). Bad values
    do not stop the lesson: they are reported in ``course.problems`` and replaced by the
    defaults, so a learner can fix them in the profile exercise.
    """
    given = {name: namespace[name] for name in PARAMETER_NAMES if name in namespace}
    typed, problems = validate_parameters(given, partial=True)
    defaults = {p.name: p.default for p in PARAMETERS}
    for problem in problems:
        typed[problem.field] = defaults.get(problem.field, "")
    path = (
        Path(str(typed["answers_file"]))
        if typed["answers_file"]
        else default_answers_path(str(typed["learner_id"]), folder)
    )
    store = AnswersStore(path, str(typed["learner_id"]))
    notes = tuple(str(p) for p in problems)
    if store.warning:
        notes += (store.warning,)
    mode = (not has_frontend()) if headless is None else headless
    course = Course(typed, store, mode, notes, folder)
    if not mode and in_voila() and _is_default_learner(given):
        _open_voila_learner(course, announce)
    elif announce:
        print(course.status())
    return course


def _is_default_learner(given: Mapping[str, Any]) -> bool:
    """No learner was named: the id is the schema default and no answers file is set."""
    default = next(p.default for p in PARAMETERS if p.name == "learner_id")
    return given.get("learner_id", default) == default and not given.get("answers_file")


def _open_voila_learner(course: Course, announce: bool) -> None:
    """Voila: the learner named in the address, else ask (each learner, their own file)."""
    named = voila_learner()
    if named:
        try:
            course.identify(named)
        except InvalidInputError:
            named = ""
    if named:
        if announce:
            print(course.status())
        return
    course.awaiting_identity = True
    if announce:
        from IPython.display import display

        from offerkit.exercises.identity import identity_prompt

        display(identity_prompt(course))  # type: ignore[no-untyped-call]
