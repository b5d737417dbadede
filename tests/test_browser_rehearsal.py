"""Lesson 07 in a real JupyterLab, driven by headless Chromium: one full rehearsal.

Opens a copy of ``07-rehearse-the-call.ipynb``, runs all cells from the menu, then plays
the friendly call to its end by typing replies and figures and pressing Send, and checks on
the widget DOM that HR answers, the judgement and the debrief appear, and that the debrief
was saved next to the notebook.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from browser_support import (
    REPO,
    WIDGET_TIMEOUT_MS,
    browser_page,
    copy_notebook,
    free_port,
    lab_command,
    run_all_cells,
    running_server,
    server_env,
    wait_for_idle_kernel,
    wait_until,
)

__all__ = ["browser_page"]  # the fixture, imported for pytest

TOKEN = "offerkit-browser-test"
NOTEBOOK_07 = REPO / "notebooks" / "07-rehearse-the-call.ipynb"
REPLIES = (
    ("Thanks! Could you tell me how the bonus works? I'm looking for 400k-420k.", "400k-420k"),
    ("Thank you. With the projects I led, could you move closer to 400k?", "400k"),
    ("Yes, I accept the offer. Thank you!", ""),
)

pytestmark = pytest.mark.browser


def _saved(answers: Path) -> dict[str, Any]:
    if not answers.exists():
        return {}
    data = json.loads(answers.read_text(encoding="utf-8"))
    return dict(data.get("exercises", {}).get("07.rehearsal", {}).get("value", {}))


def test_one_full_rehearsal_in_jupyterlab(browser_page: Any, tmp_path: Path) -> None:
    page = browser_page
    course_dir = tmp_path / "course"
    notebook = copy_notebook(NOTEBOOK_07, course_dir)
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
        if dialog.count():
            dialog.first.click()
        run_all_cells(page)

        box = (
            page.locator(".jp-OutputArea-output .widget-vbox")
            .filter(has=page.locator("h4", has_text="Rehearse the call"))
            .last
        )
        box.wait_for(state="attached", timeout=WIDGET_TIMEOUT_MS)
        box.scroll_into_view_if_needed()
        expect(box.locator(".offerkit-chat-hr").first).to_contain_text("salary expectations")
        send = box.locator(".widget-button", has_text="Send")
        for turn, (text, figure) in enumerate(REPLIES, start=1):
            box.locator(".widget-textarea textarea").fill(text)
            box.locator(".widget-text input").fill(figure)
            send.click()
            expect(box.locator(".offerkit-chat-you")).to_have_count(turn)
        expect(box).to_contain_text("Debrief")
        expect(box).to_contain_text("Outcome: deal.")
        expect(send).to_be_disabled()
        page.screenshot(path=str(tmp_path / "rehearsal.png"), full_page=True)
    wait_until(lambda: "deal" == _saved(answers).get("outcome"), "the saved debrief")
    assert 4 == len(_saved(answers)["scores"])
