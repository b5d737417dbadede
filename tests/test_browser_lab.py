"""The lessons in a real JupyterLab, driven by headless Chromium (issues 3 and 8).

Lesson 03: opens a copy of ``03-your-expected-salary.ipynb``, runs all cells from the menu,
changes the previous pay in the salary exercise and checks, on the widget DOM, that the
feedback and the salary-ladder chart follow, that bad input gets the friendly error (no
traceback), and that the answer was really saved next to the notebook.

The journey 00 → 04 → 05 → 06 (one server): a name typed into the profile, a date picked in
the date picker, a rating slider moved, each round-tripping through the kernel and saved;
then the plan in lesson 06 and every status line carry the saved name.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from browser_support import (
    NOTEBOOK_00,
    NOTEBOOK_03,
    NOTEBOOK_04,
    NOTEBOOK_05,
    NOTEBOOK_06,
    WIDGET_TIMEOUT_MS,
    browser_page,
    chart_src,
    copy_notebook,
    exercise_box,
    free_port,
    lab_command,
    previous_pay_input,
    run_all_cells,
    running_server,
    salary_exercise,
    saved_answer,
    saved_salary_answer,
    server_env,
    shots_dir,
    shut_down_kernel,
    text_input,
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
    cmd = lab_command(port, TOKEN, course_dir)
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

        run_all_cells(page)

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


def _open_and_run(page: Any, port: int, notebook: Path, previous: str = "") -> str:
    """Open ``notebook`` (stopping the previous one's kernel), run all cells; its kernel id."""
    if previous:
        shut_down_kernel(port, TOKEN, previous)
    page.goto(
        f"http://127.0.0.1:{port}/lab/tree/{notebook.name}?reset&token={TOKEN}",
        timeout=WIDGET_TIMEOUT_MS,
    )
    page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=WIDGET_TIMEOUT_MS)
    kernel = wait_for_idle_kernel(port, TOKEN, known=frozenset({previous}))
    dialog = page.locator(".jp-Dialog .jp-mod-accept")
    if dialog.count():
        dialog.first.click()
    run_all_cells(page)
    return kernel


def test_journey_profile_date_picker_slider_and_plan_in_jupyterlab(
    browser_page: Any, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    page = browser_page
    started = time.monotonic()
    course_dir = tmp_path / "course"
    notebooks = [copy_notebook(nb, course_dir) for nb in (NOTEBOOK_00, NOTEBOOK_04)]
    notebooks += [copy_notebook(nb, course_dir) for nb in (NOTEBOOK_05, NOTEBOOK_06)]
    answers = course_dir / "answers" / "demo.answers.json"
    port = free_port()
    cmd = lab_command(port, TOKEN, course_dir)
    env = server_env(tmp_path / "jupyter")
    shots = shots_dir(tmp_path)
    with running_server(cmd, cwd=course_dir, env=env, port=port, log=tmp_path / "lab.log"):
        # 00: type a name into the profile; saved, and the widget says so only then.
        kernel = _open_and_run(page, port, notebooks[0])
        profile = exercise_box(page, "Your profile")
        profile.wait_for(state="attached", timeout=WIDGET_TIMEOUT_MS)
        name = text_input(page, profile, "Your name")
        expect(name).to_have_value("Sam Example", timeout=WIDGET_TIMEOUT_MS)
        type_into(name, "Ada Lovelace")
        wait_until(
            lambda: saved_answer(answers, "00.profile").get("learner_name") == "Ada Lovelace",
            "the name in the answers file",
        )
        expect(profile.locator(".widget-label", has_text="Saved at")).to_have_count(1)

        # 04: the deadline opens with its prompt (no red error); a date picked is saved as ISO.
        kernel = _open_and_run(page, port, notebooks[1], kernel)
        deadline = exercise_box(page, "Your time to decide")
        deadline.wait_for(state="attached", timeout=WIDGET_TIMEOUT_MS)
        expect(deadline.locator(".offerkit-prompt")).to_have_count(1, timeout=WIDGET_TIMEOUT_MS)
        expect(deadline.locator(".offerkit-error")).to_have_count(0)
        picker = deadline.locator(".widget-datepicker input[type=date]")
        expect(picker).to_have_count(1)
        picker.fill("2026-03-02")
        picker.press("Enter")
        expect(deadline.locator(".offerkit-feedback.offerkit-ok")).to_contain_text(
            "Monday 2 March 2026"
        )
        wait_until(
            lambda: saved_answer(answers, "04.deadline").get("offer_date") == "2026-03-02",
            "the picked date in the answers file",
        )
        deadline.scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "lab-04-date-picker.png"), full_page=False)

        # 05: one slider per goal area; a moved slider round-trips and is saved as an int.
        kernel = _open_and_run(page, port, notebooks[2], kernel)
        offers = exercise_box(page, "Compare your offers")
        offers.wait_for(state="attached", timeout=WIDGET_TIMEOUT_MS)
        sliders = offers.locator(".widget-slider")
        expect(sliders.first).to_be_visible(timeout=WIDGET_TIMEOUT_MS)
        assert sliders.count() >= 5, "one rating slider per goal area"
        salary = sliders.filter(has=page.locator(".widget-label", has_text="Salary"))
        pay = text_input(page, offers, "Pay (any format)")
        beside = offers.locator(".widget-hbox").filter(has=page.locator(".widget-text"))
        expect(beside.locator("> .widget-label")).to_have_text("CNY")  # currency by the box
        type_into(text_input(page, offers, "Company"), "Acme")
        type_into(pay, "28k x 15")
        handle = salary.locator(".noUi-handle")
        handle.focus()
        for _step in range(4):
            handle.press("ArrowRight")
        expect(salary.locator(".widget-readout")).to_have_text("4")
        offers.locator(".widget-button", has_text="Add entry").click()
        expect(offers.locator("table.offerkit-entries td", has_text="Salary 4")).to_have_count(1)
        wait_until(
            lambda: (
                [
                    e.get("ratings", {}).get("salary")
                    for e in saved_answer(answers, "05.offers").get("entries", [])
                ]
                == [4]
            ),
            "the slider's rating in the answers file",
        )
        salary.scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "lab-05-sliders.png"), full_page=False)

        # 06: the status line and the plan carry the saved name.
        _open_and_run(page, port, notebooks[3], kernel)
        plan = exercise_box(page, "My offer plan")
        plan.wait_for(state="attached", timeout=WIDGET_TIMEOUT_MS)
        expect(plan.locator(".offerkit-feedback li").first).to_contain_text(
            "Range:", timeout=WIDGET_TIMEOUT_MS
        )
        status = page.locator(".jp-OutputArea-output").filter(has_text="answers are saved in")
        expect(status.first).to_contain_text("Ada Lovelace: answers are saved in demo.answers")
        written = course_dir / "answers" / "demo-offer-plan.md"
        wait_until(written.exists, "the plan file")
        assert "Ada Lovelace" in written.read_text(encoding="utf-8")
        assert "Sam Example" not in written.read_text(encoding="utf-8")
        plan.scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "lab-06-plan.png"), full_page=False)
    print(f"screenshots in {shots} ({time.monotonic() - started:.1f} s)")
