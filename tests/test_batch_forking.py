"""Kernels forked from a warm fork server: ready fast, fresh per participant, and gone when
their server or worker is gone. Tests that start real kernels are marked slow."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from jupyter_client.manager import KernelManager

from offerkit.batch import forking, forkserver
from offerkit.batch.kernels import KernelFactory

pytestmark = pytest.mark.skipif(
    not forkserver.available(), reason="kernels are forked only on Linux with offerkit installed"
)


@pytest.fixture
def factory() -> Iterator[KernelFactory]:
    kernels = KernelFactory(keep_spare=True)
    yield kernels
    kernels.close()


def output(km: KernelManager, code: str) -> tuple[str, list[str]]:
    """What ``code`` prints in ``km``'s kernel, and the MIME types it displays."""
    client = km.blocking_client()
    client.start_channels()
    text, kinds = [], []
    try:
        client.wait_for_ready(timeout=60)

        def hear(message: dict[str, object]) -> None:
            content = message["content"]
            assert isinstance(content, dict)
            if message["msg_type"] == "stream":
                text.append(str(content["text"]))
            if message["msg_type"] == "error":
                text.append(f"{content['ename']}: {content['evalue']}")
            if message["msg_type"] == "display_data":
                kinds.extend(dict(content["data"]))

        client.execute_interactive(code, timeout=60, output_hook=hear)
    finally:
        client.stop_channels()
    return "".join(text), kinds


def test_the_kernel_spec_names_the_provisioner_and_its_server(tmp_path: Path) -> None:
    kernels = forking.kernel_spec(tmp_path, tmp_path / "fork.sock")
    spec = json.loads((kernels / forkserver.PROVISIONER / "kernel.json").read_text("utf-8"))
    stanza = {
        "provisioner_name": forkserver.PROVISIONER,
        "config": {"server": str(tmp_path / "fork.sock")},
    }
    assert stanza == spec["metadata"]["kernel_provisioner"]
    assert ["-m", "ipykernel_launcher", "-f", "{connection_file}"] == spec["argv"][1:]


def test_a_finished_process_polls_as_ended() -> None:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    forked = forking._ForkedProcess(process.pid)
    assert 0 == forked.poll() == forked.wait(timeout=1)
    forked.kill()  # no error for a process that is gone


@pytest.mark.slow
def test_forked_kernels_are_fresh_warm_processes_with_inline_charts(
    factory: KernelFactory,
) -> None:
    assert factory.forked and not factory.keep_spare  # forking needs no spare
    first, second = factory.take(), factory.take()
    try:
        code = (
            "import os, sys, numpy\n"
            "print(os.getppid(), 'pandas' in sys.modules, numpy.random.randint(10**9))\n"
            "print(globals().get('leak', 'fresh'))\n"
            "leak = 'crossed'\n"
            "import matplotlib.pyplot as plt; plt.plot([1, 2]); plt.show()\n"
        )
        one, kinds = output(first, code)
        two, _ = output(second, code)
    finally:
        factory.discard(first)
        factory.discard(second)
    server = factory._own_server
    assert server is not None
    (parent, preloaded, draw_one), state_one = (line.split() for line in one.splitlines())
    (_, _, draw_two), state_two = (line.split() for line in two.splitlines())
    assert (str(server.process.pid), "True") == (parent, preloaded)
    assert ["fresh"] == state_one == state_two  # nothing crossed between kernels
    assert draw_one != draw_two  # each kernel reseeded numpy, as a new process would
    assert "image/png" in kinds  # %matplotlib inline was hooked up after the fork
    assert first.provisioner is not None and first.provisioner.pid != second.provisioner.pid


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
