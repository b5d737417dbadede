"""Lesson 03 as an app under Voila, driven by headless Chromium (issues 5, 8 and 11).

Served the way the README says, from a folder ``offerkit init`` made, with the kit's Voila
template (``--template=offerkit``, found through ``JUPYTER_PATH``): the page asks no host
but the Voila server for anything, and every widget label is shown in full.

Code hidden, widgets working: the salary exercise renders as widgets (so offerkit saw a front
end: Voila puts ``VOILA_KERNEL_ID``/``VOILA_BASE_URL``/``VOILA_SERVER_URL`` in the kernel's
environment), and changing the previous pay changes the feedback and is saved. Nobody is
``demo``: the app asks each visitor for a name first, and two learners get two answers files.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browser_support import (
    EXERCISE_TITLE,
    NOTEBOOK_03,
    WIDGET_TIMEOUT_MS,
    browser_page,
    chart_src,
    free_port,
    previous_pay_input,
    python_module,
    running_server,
    salary_exercise,
    saved_salary_answer,
    server_env,
    shots_dir,
    text_input,
    type_into,
    wait_until,
)

from offerkit.instructor.selfstudy import VOILA_TEMPLATE, VOILA_TEMPLATE_DIR, init_course

__all__ = ["browser_page"]  # the fixture, imported for pytest

pytestmark = pytest.mark.browser

HEADLESS_SUMMARY = f"== {EXERCISE_TITLE} =="  # what offerkit prints when it sees no front end
LOCAL_HOSTS = {"127.0.0.1", "localhost"}

# Widget descriptions and labels whose text is wider than their box (cut off, or an ellipsis).
CUT_LABELS_JS = """() =>
  [...document.querySelectorAll('.widget-label, .widget-label-basic')]
    .filter(el => el.offsetParent !== null && el.textContent.trim())
    .filter(el => el.scrollWidth > el.clientWidth)
    .map(el => `${el.textContent.trim()} (${el.scrollWidth}px in ${el.clientWidth}px)`)
"""


def _offline(page: Any, origin: str) -> list[str]:
    """Let requests to the Voila server through and abort, and record, every other one."""
    attempted: list[str] = []

    def route(route: Any) -> None:
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            attempted.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    return attempted


def _sign_in(page: Any, name: str) -> None:
    """The identity prompt: the exercises wait, hidden, until a name is given."""
    from playwright.sync_api import expect

    prompt = (
        page.locator(".widget-vbox").filter(has=page.locator("h4", has_text="Before you start"))
    ).last
    prompt.wait_for(state="visible", timeout=WIDGET_TIMEOUT_MS)
    expect(salary_exercise(page)).to_be_hidden()
    type_into(text_input(page, prompt, "Your name"), name)
    prompt.locator(".widget-button", has_text="Start").click()
    expect(prompt.locator(".widget-button", has_text="Start")).to_be_disabled()


def _voila_on_a_course(tmp_path: Path, target: str, port: int) -> Any:
    """``offerkit init tmp_path/course``, then Voila on ``target`` in it as the README says:
    ``JUPYTER_PATH=share/jupyter voila --template=offerkit TARGET`` from the course folder."""
    course_dir = tmp_path / "course"
    init_course(course_dir)  # the learner build and the kit's Voila template
    cmd = [
        *python_module("voila"),
        target,
        f"--template={VOILA_TEMPLATE}",
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
        f"--Voila.root_dir={course_dir}",
    ]
    env = server_env(tmp_path / "jupyter")
    env["JUPYTER_PATH"] = str(Path(VOILA_TEMPLATE_DIR).parents[2])  # share/jupyter, relative
    return running_server(cmd, cwd=course_dir, env=env, port=port, log=tmp_path / "voila.log")


def _rendered(page: Any) -> int:
    """Wait until Voila has run every cell (its spinner is gone) and the number of widget
    labels stops changing; return that number."""
    page.wait_for_function("() => !document.getElementById('loading')", timeout=WIDGET_TIMEOUT_MS)
    count, previous = -1, -2
    while count != previous:
        previous = count
        page.wait_for_timeout(700)
        count = page.locator(".widget-label, .widget-label-basic").count()
    return int(count)


def test_every_lesson_under_voila_offline_shows_whole_labels(
    browser_page: Any, tmp_path: Path
) -> None:
    """Each lesson of the learner build, served from one course folder: it renders widgets,
    asks no other host for anything, and no widget label is cut off."""
    page = browser_page
    lessons = sorted(p.name for p in NOTEBOOK_03.parent.glob("[0-9][0-9]-*.ipynb"))
    port = free_port()
    shots = shots_dir(tmp_path)
    found: dict[str, tuple[bool, list[str]]] = {}
    with _voila_on_a_course(tmp_path, ".", port):
        origin = f"http://127.0.0.1:{port}"
        attempted = _offline(page, origin)
        for lesson in lessons:
            page.goto(f"{origin}/voila/render/{lesson}?learner=ada", timeout=WIDGET_TIMEOUT_MS)
            labels = _rendered(page)
            found[lesson] = (labels > 0, page.evaluate(CUT_LABELS_JS))
            page.screenshot(path=str(shots / f"voila-offline-{lesson[:2]}.png"), full_page=True)
    assert ({lesson: (True, []) for lesson in lessons}, []) == (found, attempted)


def test_lesson_03_under_voila_two_learners_two_answers_files(
    browser_page: Any, tmp_path: Path
) -> None:
    page = browser_page
    started = time.monotonic()
    course_dir = tmp_path / "course"
    notebook = course_dir / NOTEBOOK_03.name
    answers = course_dir / "answers"
    port = free_port()
    shots = shots_dir(tmp_path)
    with _voila_on_a_course(tmp_path, notebook.name, port):
        from playwright.sync_api import expect

        origin = f"http://127.0.0.1:{port}"
        attempted = _offline(page, origin)
        page.goto(origin + "/", timeout=WIDGET_TIMEOUT_MS)
        headless_note = page.get_by_text(HEADLESS_SUMMARY)
        prompt_heading = page.locator("h4", has_text="Before you start")
        prompt_heading.or_(headless_note).first.wait_for(state="visible", timeout=WIDGET_TIMEOUT_MS)
        if headless_note.count():
            pytest.fail(
                "offerkit ran the lesson headless under Voila (it printed its text summary "
                "instead of widgets): has_frontend() found none of VOILA_KERNEL_ID, "
                "VOILA_BASE_URL, VOILA_SERVER_URL in the kernel's environment"
            )
        page.screenshot(path=str(shots / "voila-identity-prompt.png"), full_page=False)

        # App mode: no code anywhere on the page.
        (tmp_path / "voila-page.html").write_text(page.content(), encoding="utf-8")  # artefact
        expect(page.locator(".jp-CodeCell .jp-InputArea")).to_have_count(0)
        expect(page.locator(".jp-CodeMirrorEditor, .CodeMirror, .jp-InputPrompt")).to_have_count(0)
        assert "build_salary_exercise(course)" not in page.locator("body").inner_text()
        assert "start_course(globals())" not in page.content()

        # Learner 1 signs in; the exercise opens, is judged and saved in their own file.
        _sign_in(page, "Ada Lovelace")
        exercise = salary_exercise(page)
        expect(exercise).to_be_visible()
        expect(exercise.locator(".widget-button", has_text="Check & save")).to_be_visible()
        pay = previous_pay_input(page, exercise)
        expect(pay).to_have_count(1)
        expect(pay).to_have_value("25k x 14")
        feedback = exercise.locator(".offerkit-feedback")
        expect(feedback).to_contain_text("CNY 350,000")
        page.screenshot(path=str(shots / "voila-offline-lesson-03.png"), full_page=True)
        assert [] == attempted, f"the page asked other hosts for: {attempted}"
        assert [] == page.evaluate(CUT_LABELS_JS), "widget labels cut off"
        first_chart = chart_src(exercise)
        type_into(pay, "40k x 13")
        expect(feedback).to_contain_text("CNY 520,000")
        expect(feedback).not_to_have_class("offerkit-error")
        wait_until(lambda: chart_src(exercise) != first_chart, "the chart to be redrawn")
        ada = answers / "ada-lovelace.answers.json"
        wait_until(
            lambda: saved_salary_answer(ada).get("previous_pay") == "40k x 13",
            "Ada's previous pay in her own answers file",
        )
        exercise.locator(".widget-output img").scroll_into_view_if_needed()  # in the shot
        page.screenshot(path=str(shots / "voila-lesson-03-ada.png"), full_page=True)

        type_into(pay, "-5")
        expect(exercise.locator(".offerkit-feedback.offerkit-error")).to_contain_text(
            "must be a positive amount"
        )
        assert "Traceback" not in page.locator("body").inner_text()
        assert "40k x 13" == saved_salary_answer(ada)["previous_pay"]

        # Learner 2, a new visit (a new kernel): asked again, starts clean, own file.
        page.goto(origin + "/", timeout=WIDGET_TIMEOUT_MS)
        _sign_in(page, "Grace Hopper")
        exercise = salary_exercise(page)
        pay = previous_pay_input(page, exercise)
        expect(pay).to_have_value("25k x 14")  # not Ada's 40k x 13
        type_into(pay, "30k x 12")
        grace = answers / "grace-hopper.answers.json"
        wait_until(
            lambda: saved_salary_answer(grace).get("previous_pay") == "30k x 12",
            "Grace's previous pay in her own answers file",
        )
        assert "40k x 13" == saved_salary_answer(ada)["previous_pay"]
        assert ["ada-lovelace.answers.json", "grace-hopper.answers.json"] == sorted(
            p.name for p in answers.glob("*.answers.json")
        )
        assert [] == attempted, f"the page asked other hosts for: {attempted}"
    print(f"screenshots in {shots} ({time.monotonic() - started:.1f} s)")
