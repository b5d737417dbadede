"""Lesson 03 in a real JupyterLab, driven by headless Chromium (issue 3).

Opens a copy of ``03-your-expected-salary.ipynb``, runs all cells from the menu, changes the
previous pay in the salary exercise and checks, on the widget DOM, that the feedback and the
salary-ladder chart follow, that bad input gets the friendly error (no traceback), and that
the answer was really saved next to the notebook.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from browser_support import (
    NOTEBOOK_03,
    WIDGET_TIMEOUT_MS,
    browser_page,
    chart_src,
    copy_notebook,
    free_port,
    previous_pay_input,
    python_module,
    running_server,
    salary_exercise,
    saved_salary_answer,
    server_env,
    type_into,
    wait_for_idle_kernel,
    wait_until,
)

__all__ = ["browser_page"]  # the fixture, imported for pytest

TOKEN = "offerkit-browser-test"
ERROR_OUTPUT = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]'
STDERR_OUTPUT = '.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]'

pytestmark = pytest.mark.browser


def test_lesson_03_salary_exercise_in_jupyterlab(browser_page: Any, tmp_path: Path) -> None:
    page = browser_page
    started = time.monotonic()
    course_dir = tmp_path / "course"
    notebook = copy_notebook(NOTEBOOK_03, course_dir)
    answers = course_dir / "answers" / "demo.answers.json"
    port = free_port()
    cmd = [
        *python_module("jupyterlab"),
        "--no-browser",
        "--allow-root",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={TOKEN}",
        f"--ServerApp.root_dir={course_dir}",
    ]
    env = server_env(tmp_path / "jupyter")
    with running_server(cmd, cwd=course_dir, env=env, port=port, log=tmp_path / "lab.log"):
        from playwright.sync_api import expect

        page.goto(
            f"http://127.0.0.1:{port}/lab/tree/{notebook.name}?reset&token={TOKEN}",
            timeout=WIDGET_TIMEOUT_MS,
        )
        page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=WIDGET_TIMEOUT_MS)
        wait_for_idle_kernel(port, TOKEN)
        dialog = page.locator(".jp-Dialog .jp-mod-accept")
        if dialog.count():  # "Select Kernel" (the notebook ships a kernelspec; just in case)
            dialog.first.click()

        page.locator(".lm-MenuBar-itemLabel").get_by_text("Run", exact=True).click()
        page.locator(".lm-Menu-itemLabel").get_by_text("Run All Cells", exact=True).click()

        # The widgets render (the extension is found): not just their text repr.
        exercise = salary_exercise(page)
        exercise.wait_for(state="attached", timeout=WIDGET_TIMEOUT_MS)
        exercise.scroll_into_view_if_needed()
        expect(exercise.locator(".widget-button", has_text="Check & save")).to_be_visible()
        pay = previous_pay_input(page, exercise)
        expect(pay).to_have_count(1)
        expect(pay).to_have_value("25k x 14")
        feedback = exercise.locator(".offerkit-feedback")
        expect(feedback).to_contain_text("CNY 350,000", timeout=WIDGET_TIMEOUT_MS)
        first_chart = chart_src(exercise)

        # A new previous pay: the kernel judges it, the feedback and chart follow, it is saved.
        type_into(pay, "40k x 13")
        expect(feedback).to_contain_text("CNY 520,000")
        expect(feedback).to_contain_text("CNY 624,000")  # the +20 % cap
        expect(feedback).not_to_have_class("offerkit-error")
        wait_until(lambda: chart_src(exercise) != first_chart, "the chart to be redrawn")
        wait_until(
            lambda: saved_salary_answer(answers).get("previous_pay") == "40k x 13",
            "the new previous pay in the answers file",
        )
        expect(exercise.locator(".widget-label", has_text="Saved at")).to_have_count(1)
        exercise.locator(".widget-output img").scroll_into_view_if_needed()  # in the shot
        shots = [tmp_path / "lab-lesson-03-updated.png", tmp_path / "lab-lesson-03-error.png"]
        page.screenshot(path=str(shots[0]), full_page=True)

        # Bad input: a friendly message in the widget, no traceback, nothing saved.
        type_into(pay, "-5")
        expect(exercise.locator(".offerkit-feedback.offerkit-error")).to_contain_text(
            "must be a positive amount"
        )
        expect(exercise.locator(".widget-output img")).to_have_count(0)
        expect(page.locator(STDERR_OUTPUT).filter(has_text="Traceback")).to_have_count(0)
        expect(page.locator(ERROR_OUTPUT)).to_have_count(0)
        assert "40k x 13" == saved_salary_answer(answers)["previous_pay"]

        exercise.scroll_into_view_if_needed()
        page.screenshot(path=str(shots[1]), full_page=True)
        print(f"screenshots: {', '.join(map(str, shots))}  ({time.monotonic() - started:.1f} s)")
