"""Shared pieces of the real-browser tests (JupyterLab and Voila in headless Chromium).

The recipe is the measured one in ``../shared/notes/browser-testing.md``: Debian's
``/usr/bin/chromium`` driven by Playwright for Python (never ``playwright install``), servers
on 127.0.0.1 with temporary config/runtime/settings folders, started in their own process
group and always stopped with ``os.killpg``. The Jupyter *data* dir is deliberately left
alone: it holds the ipywidgets lab extension, without which no widget renders.

The test modules import the fixtures from here (``from browser_support import ...``).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from offerkit.publish.pdf import CHROMIUM_ARGS as PUBLISH_CHROMIUM_ARGS

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
NOTEBOOK_00 = NOTEBOOKS / "00-start-here.ipynb"
NOTEBOOK_03 = NOTEBOOKS / "03-your-expected-salary.ipynb"
NOTEBOOK_04 = NOTEBOOKS / "04-talking-with-hr.ipynb"
NOTEBOOK_05 = NOTEBOOKS / "05-decide-and-reply.ipynb"
NOTEBOOK_06 = NOTEBOOKS / "06-my-offer-plan.ipynb"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = list(PUBLISH_CHROMIUM_ARGS)  # one list of flags for tests and PDF printing
SERVER_START_TIMEOUT = 60.0  # seconds until the server accepts TCP connections
KERNEL_IDLE_TIMEOUT = 60.0  # seconds until the notebook's kernel reports idle
EXERCISE_TITLE = "Your expected annual salary"  # the salary exercise's heading
WIDGET_TIMEOUT_MS = 60_000  # first widgets after Run All / page load
UPDATE_TIMEOUT_MS = 20_000  # one round trip browser → kernel → browser


def require_browser() -> None:
    """Skip (naming what is missing) unless Playwright and Debian's Chromium are there."""
    missing = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright Python package (pip install playwright)")
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        missing.append(f"{CHROMIUM} (apt-get install -y chromium)")
    if missing:
        pytest.skip("real-browser test needs " + " and ".join(missing))


def shots_dir(tmp_path: Path) -> Path:
    """Where screenshots go: ``$OFFERKIT_BROWSER_SHOTS`` if set (kept), else the test's tmp."""
    folder = Path(os.environ.get("OFFERKIT_BROWSER_SHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_env(base: Path) -> dict[str, str]:
    """The environment for a Jupyter/Voila server isolated under ``base``.

    Config, runtime, lab settings and workspaces go to temporary folders; the data dir is
    *not* moved (the widget extension lives there). ``OFFERKIT_HEADLESS`` is dropped so the
    kernel detects the real front end, and this checkout comes first on ``PYTHONPATH`` so
    the kernel runs the code under test.
    """
    env = {k: v for k, v in os.environ.items() if k != "OFFERKIT_HEADLESS"}
    dirs = {
        "JUPYTER_CONFIG_DIR": base / "config",
        "JUPYTER_RUNTIME_DIR": base / "runtime",
        "JUPYTERLAB_SETTINGS_DIR": base / "lab-settings",
        "JUPYTERLAB_WORKSPACES_DIR": base / "lab-workspaces",
        "IPYTHONDIR": base / "ipython",
        "MPLCONFIGDIR": base / "matplotlib",
    }
    for name, path in dirs.items():
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    settings = dirs["JUPYTERLAB_SETTINGS_DIR"]
    # The "get notified about Jupyter news?" toast: only this settings file stops it.
    _write_settings(
        settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings",
        {"fetchNews": "false", "checkForUpdates": False},
    )
    # Keep every cell's DOM attached (no virtual scrolling), so locators see the widgets.
    _write_settings(
        settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings",
        {"windowingMode": "none"},
    )
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p
    )
    env["PYTHONUNBUFFERED"] = "1"
    # The lessons judge dates against "today": fix it to the day after the offer date the tests
    # pick (Monday 2 March 2026), so the deadline is never past, whatever day the tests run.
    env["OFFERKIT_TODAY"] = "2026-03-03"
    return env


def lab_command(port: int, token: str, root: Path) -> list[str]:
    """The JupyterLab server command of a browser test: loopback, known token, ``root``."""
    return [
        *python_module("jupyterlab"),
        "--no-browser",
        "--allow-root",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
    ]


def _write_settings(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def copy_notebook(source: Path, folder: Path) -> Path:
    """A copy of ``source`` in ``folder`` (Lab writes checkpoints and autosaves)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    shutil.copy2(source, target)
    return target


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def log_tail(log: Path, chars: int = 4000) -> str:
    """The end of a server log, for failure messages."""
    try:
        return log.read_text(encoding="utf-8", errors="replace")[-chars:]
    except OSError:
        return "(no log)"


@contextlib.contextmanager
def running_server(
    cmd: list[str], *, cwd: Path, env: dict[str, str], port: int, log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """Run ``cmd`` in its own process group until the block ends (even on failure).

    Ready when 127.0.0.1:``port`` accepts a TCP connection (a GET would start work, e.g. a
    Voila kernel). The server's output goes to ``log``; its tail is printed on failure.
    """
    with log.open("wb") as out:
        proc = subprocess.Popen(
            cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while not _port_open(port):
            if proc.poll() is not None:
                raise AssertionError(
                    f"{cmd[2]} exited with {proc.returncode} before listening on {port}:\n"
                    + log_tail(log)
                )
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{cmd[2]} did not listen on {port} within {SERVER_START_TIMEOUT:.0f} s:\n"
                    + log_tail(log)
                )
            time.sleep(0.1)
        yield proc
    except BaseException:
        print(f"--- server log ({log}) ---\n{log_tail(log)}")
        raise
    finally:
        stop_server(proc)


def _children(pid: int) -> list[int]:
    """Direct children of ``pid`` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            # The command name may hold spaces: the fields after ")" are reliable.
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
    return found


def _descendants(pid: int) -> list[int]:
    result, todo = [], [pid]
    while todo:
        for child in _children(todo.pop()):
            result.append(child)
            todo.append(child)
    return result


def _alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting to be reaped counts as gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return False
    return fields[0] not in ("Z", "X")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """Stop the server, its process group and its kernels (they run in sessions of their own).

    SIGTERM first (the server shuts its kernels down), SIGKILL for whatever is left.
    """
    kernels = _descendants(proc.pid)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)  # stragglers of the server's own group
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in kernels) and time.monotonic() < deadline:
        time.sleep(0.1)
    for pid in kernels:
        if _alive(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def _kernels_api(port: int, token: str, path: str = "", method: str = "GET") -> Any:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/kernels{path}",
        headers={"Authorization": f"token {token}"},
        method=method,
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        body = response.read()
    return json.loads(body) if body else None


def wait_for_idle_kernel(
    port: int, token: str, timeout: float = KERNEL_IDLE_TIMEOUT, known: frozenset[str] = frozenset()
) -> str:
    """Poll the server's ``/api/kernels`` until a kernel not in ``known`` reports ``idle``."""
    deadline = time.monotonic() + timeout
    kernels: list[dict[str, Any]] = []
    while time.monotonic() < deadline:
        try:
            kernels = _kernels_api(port, token)
        except urllib.error.HTTPError:  # jupyter_server answers 500 while a kernel starts
            time.sleep(0.25)
            continue
        for kernel in kernels:
            if kernel.get("execution_state") == "idle" and kernel["id"] not in known:
                return str(kernel["id"])
        time.sleep(0.25)
    raise AssertionError(f"no kernel became idle within {timeout:.0f} s: {kernels}")


def shut_down_kernel(port: int, token: str, kernel_id: str) -> None:
    """Stop one kernel (a journey through several notebooks keeps one running at a time)."""
    _kernels_api(port, token, f"/{kernel_id}", method="DELETE")


@pytest.fixture
def browser_page() -> Iterator[Any]:
    """A Playwright page in headless Debian Chromium; the browser is always closed."""
    require_browser()
    from playwright.sync_api import expect, sync_playwright

    # expect() waits 5 s by default: too short for a kernel round trip on a busy CI box.
    expect.set_options(timeout=UPDATE_TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 1000})
            page = context.new_page()
            page.set_default_timeout(UPDATE_TIMEOUT_MS)
            yield page
        finally:
            browser.close()


# ---------------------------------------------------------------- an exercise's DOM
def exercise_box(page: Any, title: str) -> Any:
    """An exercise's widget box (the innermost VBox whose heading is its title)."""
    return (
        page.locator(".jp-OutputArea-output .widget-vbox")
        .filter(has=page.locator("h4", has_text=title))
        .last
    )


def salary_exercise(page: Any) -> Any:
    """The salary exercise's widget box."""
    return exercise_box(page, EXERCISE_TITLE)


def text_input(page: Any, exercise: Any, label: str) -> Any:
    """A Text widget's ``<input>`` found by its label: a description or a heading above.

    A money box sits in an HBox with its currency, so the heading's box is searched deep.
    """
    by_description = exercise.locator(".widget-text").filter(
        has=page.locator(".widget-label", has_text=label)
    )
    by_heading = (
        exercise.locator(".widget-vbox")
        .filter(has=page.locator(".widget-html", has_text=label))
        .locator(".widget-text")
    )
    return by_description.or_(by_heading).locator("input").first


def previous_pay_input(page: Any, exercise: Any) -> Any:
    """The previous-pay ``<input>``."""
    return text_input(page, exercise, "Previous pay")


def saved_answer(answers: Path, exercise_id: str) -> dict[str, Any]:
    """One exercise's saved value in an answers file ({} while there is none)."""
    if not answers.exists():
        return {}
    data = json.loads(answers.read_text(encoding="utf-8"))  # written atomically
    return dict(data.get("exercises", {}).get(exercise_id, {}).get("value", {}))


def run_all_cells(page: Any) -> None:
    """Run every cell from JupyterLab's menu."""
    page.locator(".lm-MenuBar-itemLabel").get_by_text("Run", exact=True).click()
    page.locator(".lm-Menu-itemLabel").get_by_text("Run All Cells", exact=True).click()


def chart_src(exercise: Any) -> str:
    """The ``src`` of the exercise's one chart image (a PNG data URL)."""
    image = exercise.locator(".widget-output img")
    image.first.wait_for(state="visible", timeout=UPDATE_TIMEOUT_MS)
    assert 1 == image.count(), "the salary exercise should show exactly one chart"
    return str(image.first.get_attribute("src"))


def wait_until(condition: Any, what: str, timeout: float = UPDATE_TIMEOUT_MS / 1000) -> None:
    """Poll ``condition`` (for things outside the page, e.g. files); fail naming ``what``."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.1)


def saved_salary_answer(answers: Path) -> dict[str, Any]:
    """The salary exercise's saved value in an answers file ({} while there is none)."""
    return saved_answer(answers, "03.salary")


def type_into(field: Any, text: str) -> None:
    """Replace a Text widget's value as a learner does: select all, type, Enter."""
    field.click()
    field.press("ControlOrMeta+a")
    field.press_sequentially(text)
    field.press("Enter")


def python_module(name: str) -> list[str]:
    """``python -m name`` with this interpreter (no reliance on PATH shims)."""
    return [sys.executable, "-m", name]
