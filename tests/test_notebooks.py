"""Every lesson runs under papermill with non-default parameters, without error outputs,
and shows the learner's own numbers. (nbval runs them with the defaults: see pyproject.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import papermill
import pytest

from offerkit.rules.lessons import lesson_notebooks

pytestmark = pytest.mark.slow

LESSONS = lesson_notebooks()
OTHER_PARAMETERS = {
    # another currency, the job-board pay format, no posted range, a name to escape
    "usd-job-board": {
        "learner_id": "zoe-1",
        "learner_name": "Zoë <Test> & Co",
        "currency": "USD",
        "previous_pay": "25k·14薪",
        "posted_range": "",
        "high_demand_role": True,
        "high_demand_reason": "scarce skill",
    },
    # previous pay not disclosed: lesson 03 anchors on the posted range
    "not-disclosed": {
        "learner_id": "ren",
        "learner_name": "Ren",
        "previous_pay": "",
        "posted_range": "18k-24k x 13",
        "target_role": "Data analyst",
    },
}


def _stream_text(nb: nbformat.NotebookNode) -> str:
    return "".join(
        o.get("text", "")
        for c in nb.cells
        for o in c.get("outputs", [])
        if o.get("output_type") == "stream"
    )


def _errors(nb: nbformat.NotebookNode) -> list[str]:
    return [
        f"cell {i}: {o['ename']}: {o['evalue']}"
        for i, c in enumerate(nb.cells)
        for o in c.get("outputs", [])
        if o.get("output_type") == "error"
    ]


@pytest.mark.parametrize("case", sorted(OTHER_PARAMETERS))
@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.name[:2])
def test_lesson_runs_with_other_parameters(lesson: Path, case: str, tmp_path: Path) -> None:
    params = dict(OTHER_PARAMETERS[case], answers_file=str(tmp_path / "answers.json"))
    out = tmp_path / lesson.name
    papermill.execute_notebook(
        str(lesson),
        str(out),
        parameters=params,
        kernel_name="python3",
        cwd=str(tmp_path),
        progress_bar=False,
        execution_timeout=120,
    )
    nb = nbformat.read(out, as_version=4)
    assert [] == _errors(nb)
    text = _stream_text(nb)
    assert f"{params['learner_name']}: headless run" in text
    if lesson.name.startswith("03") and case == "usd-job-board":
        assert "25,000 × 14 = USD 350,000 a year" in text
        # high_demand_role with a reason: the exception ceiling (+30 %) is the top
        assert "Your annual range: USD 433,000–455,000 (target at the low end)" in text
    if lesson.name.startswith("03") and case == "not-disclosed":
        assert "Previous pay not disclosed: anchored on the posted range's middle" in text
    assert [] == list(tmp_path.glob("**/*.tmp"))


def test_papermill_command_line_works_as_documented(tmp_path: Path) -> None:
    lesson = next(p for p in LESSONS if p.name.startswith("03"))
    out = tmp_path / "out.ipynb"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "papermill",
            str(lesson),
            str(out),
            "-p",
            "previous_pay",
            "25k x 14",
            "-p",
            "learner_name",
            "Ada",
            "--cwd",
            str(tmp_path),
            "--no-progress-bar",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert 0 == result.returncode, result.stderr[-2000:]
    nb = nbformat.read(out, as_version=4)
    assert [] == _errors(nb)
    assert "Previous annual pay: 25,000 × 14 = CNY 350,000 a year" in _stream_text(nb)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert 1 == len(injected)
    assert {"previous_pay": "25k x 14", "learner_name": "Ada"} == json.loads(
        json.dumps(nb.metadata.papermill.parameters)
    )


def test_answers_survive_a_real_kernel_restart(tmp_path: Path) -> None:
    """A learner types in lesson 03, the kernel restarts, the lesson is run again."""
    from jupyter_client.manager import start_new_kernel

    setup = (
        "import os; os.environ['OFFERKIT_HEADLESS'] = '0'\n"
        "from offerkit.exercises import build_salary_exercise, start_course\n"
        "course = start_course({'learner_id': 'ada', 'learner_name': 'Ada'}, announce=False)\n"
        "widget = build_salary_exercise(course)\n"
    )
    km, kc = start_new_kernel(kernel_name="python3", cwd=str(tmp_path))
    try:
        for code in (setup, "widget.controls['previous_pay'].value = '40k x 13'"):
            assert "ok" == kc.execute_interactive(code, timeout=120)["content"]["status"]
        km.restart_kernel(now=True)
        kc.wait_for_ready(timeout=120)
        seen: list[str] = []
        reply = kc.execute_interactive(
            setup + "print(widget.controls['previous_pay'].value)",
            timeout=120,
            output_hook=lambda msg: seen.append(msg["content"].get("text", "")),
        )
        assert "ok" == reply["content"]["status"]
        assert "40k x 13" == "".join(seen).strip()
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
