"""The kernel fork server: started early and handed over once, and nothing outlives it —
its kernels die with it, and it dies with the process that started it. Tests that start
real kernels are marked slow."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from offerkit.batch import forkserver
from offerkit.batch.kernels import KernelFactory

pytestmark = pytest.mark.skipif(
    not forkserver.available(), reason="kernels are forked only on Linux with offerkit installed"
)


@pytest.fixture
def factory() -> Iterator[KernelFactory]:
    kernels = KernelFactory()
    yield kernels
    kernels.close()


def test_the_kernels_environment_is_headless_with_inline_charts(tmp_path: Path) -> None:
    env = forkserver.kernel_environment(tmp_path)
    assert ("1", str(tmp_path / "ipython")) == (env["OFFERKIT_HEADLESS"], env["IPYTHONDIR"])
    assert "module://matplotlib_inline.backend_inline" == env["MPLBACKEND"]


@pytest.mark.slow
def test_an_early_server_is_handed_over_once_and_removed_on_close() -> None:
    forkserver.start_early()
    server = forkserver.claim()
    try:
        assert server is not None and server.process.poll() is None
        assert server.folder.name.startswith(f"{forkserver.FOLDER_PREFIX}{os.getpid()}-")
        assert forkserver.claim() is None  # once
    finally:
        if server is not None:
            server.close()
    assert server is not None and not server.folder.exists()
    assert server.process.poll() is not None


@pytest.mark.slow
def test_kernels_die_with_their_server_and_the_server_with_its_worker(tmp_path: Path) -> None:
    # A worker process (here: a child python) starts a factory, takes a kernel, prints the
    # kernel's and the server's pids, then waits to be killed.
    script = (
        "import sys, time\n"
        "from offerkit.batch.kernels import KernelFactory\n"
        "f = KernelFactory()\n"
        "km = f.take()\n"
        "print(km.provisioner.pid, f._own_server.process.pid, flush=True)\n"
        "time.sleep(600)\n"
    )
    worker = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert worker.stdout is not None
        kernel_pid, server_pid = map(int, worker.stdout.readline().split())
        kernel, server = psutil.Process(kernel_pid), psutil.Process(server_pid)
        assert server_pid == kernel.ppid()
        deadline = time.monotonic() + 10  # the child calls setsid() as it starts
        while os.getpgid(kernel.pid) != kernel.pid and time.monotonic() < deadline:
            time.sleep(0.02)
        assert kernel.pid == os.getpgid(kernel.pid)  # its own session: Ctrl-C is the build's
    finally:
        worker.kill()  # SIGKILL: the worker gets no chance to clean up
        worker.wait()
        if worker.stdout is not None:
            worker.stdout.close()
    _, alive = psutil.wait_procs([server, kernel], timeout=10)
    assert [] == alive, "the fork server or its kernel outlived the worker"


@pytest.mark.slow
def test_a_killed_server_takes_its_kernels_with_it(factory: KernelFactory) -> None:
    km = factory.take()
    assert km.provisioner is not None
    kernel = psutil.Process(km.provisioner.pid)
    server = factory._own_server
    assert server is not None
    os.kill(server.process.pid, signal.SIGKILL)
    _, alive = psutil.wait_procs([kernel], timeout=5)
    assert [] == alive
    started = time.monotonic()
    while km.is_alive() and time.monotonic() - started < 5:
        time.sleep(0.05)
    assert not km.is_alive()
    factory.discard(km)  # no error for a kernel that is gone


def test_asking_a_server_that_never_listens_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(forkserver, "LISTEN_TIMEOUT", 0.2)
    with pytest.raises(RuntimeError, match=r"fork server at .*fork\.sock did not start"):
        forkserver.ask(tmp_path / "fork.sock", {"argv": [], "env": {}, "cwd": str(tmp_path)})
