"""Kernels forked from a warm fork server through jupyter_client's provisioner API: ready
fast and fresh per participant. Tests that start real kernels are marked slow."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

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
