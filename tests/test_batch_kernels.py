"""Warm kernels for batch builds: a private folder, a spare booting, sliced polling, and
every kernel shut down. Tests that start real kernels are marked slow."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from queue import Empty
from typing import Any

import pytest
import zmq
import zmq.asyncio
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session
from test_batch_runner import kernels_left

from offerkit.batch import kernels
from offerkit.batch.kernels import KernelFactory, SlicedKernelClient, _SlicedChannel


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary directory as seen by the kernels module: this test's own folder."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def finished_pid() -> int:
    """The id of a process that has already exited."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_factory_folder_is_private_and_removed_on_close(private_tmp: Path) -> None:
    factory = KernelFactory(preload=())
    try:
        assert private_tmp == factory.folder.parent
        assert factory.folder.name.startswith(f"offerkit-kernels-{os.getpid()}-")
        assert factory.folder.is_dir()
    finally:
        factory.close()
    assert not factory.folder.exists()


def test_kernel_environment_is_headless_with_private_ipython(private_tmp: Path) -> None:
    factory = KernelFactory(preload=())
    try:
        env = factory._environment()
    finally:
        factory.close()
    expected = {
        "OFFERKIT_HEADLESS": "1",
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        "IPYTHONDIR": str(factory.folder / "ipython"),
        "MPLCONFIGDIR": str(private_tmp / f"offerkit-matplotlib-{os.getuid()}"),
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    }
    assert expected == {key: env[key] for key in expected}
    assert os.environ["PATH"] == env["PATH"]
    assert (private_tmp / f"offerkit-matplotlib-{os.getuid()}").is_dir()  # kept between builds


@pytest.mark.skipif(os.name != "posix", reason="folders are only tidied on POSIX")
def test_folders_of_killed_builds_are_removed_and_live_ones_kept(private_tmp: Path) -> None:
    dead = private_tmp / f"offerkit-kernels-{finished_pid()}-abc"
    alive = private_tmp / f"offerkit-kernels-{os.getpid()}-def"
    other = private_tmp / "offerkit-kernels-notapid-x"
    for folder in (dead, alive, other):
        (folder / "ipython").mkdir(parents=True)
    factory = KernelFactory(preload=())
    factory.close()
    assert (False, True, True) == (dead.exists(), alive.exists(), other.exists())


def test_discard_of_nothing_does_nothing() -> None:
    factory = KernelFactory(keep_spare=False)
    factory.discard(None)  # no error
    factory.close()


def test_client_class_polls_every_channel_in_slices() -> None:
    client = SlicedKernelClient()
    channels = (
        client.shell_channel_class,
        client.iopub_channel_class,
        client.stdin_channel_class,
        client.control_channel_class,
    )
    assert [_SlicedChannel] * 4 == list(channels)


def run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)


async def channel_exchange(wait_before_send: float) -> tuple[bool, dict[str, Any], bool]:
    """Through a real socket pair: does get_msg raise Empty when nothing comes, return a
    message sent later, and refuse once the channel is closed?"""
    context = zmq.asyncio.Context()
    sender = zmq.Context.shadow(context.underlying).socket(zmq.PAIR)
    receiver = context.socket(zmq.PAIR)
    receiver.bind("inproc://sliced-channel-test")
    sender.connect("inproc://sliced-channel-test")
    session = Session()
    channel = _SlicedChannel(receiver, session)
    try:
        try:
            await channel.get_msg(timeout=0.05)
            empty = False
        except Empty:
            empty = True
        waiting = asyncio.ensure_future(channel.get_msg(timeout=None))
        await asyncio.sleep(wait_before_send)
        session.send(sender, "status", {"execution_state": "idle"})
        message = await asyncio.wait_for(waiting, 30)
        channel.close()
        try:
            await channel.get_msg(timeout=1)
            refused = False
        except RuntimeError:
            refused = True
    finally:
        sender.close(linger=0)
        receiver.close(linger=0)
        context.term()
    return empty, message, refused


def test_sliced_channel_times_out_waits_through_slices_and_refuses_when_closed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(kernels, "POLL_SLICE", 0.01)
    empty, message, refused = run(channel_exchange(wait_before_send=0.1))  # ~10 slices
    assert (True, True) == (empty, refused)
    assert ("status", {"execution_state": "idle"}) == (
        message["header"]["msg_type"],
        message["content"],
    )


async def run_in(km: KernelManager, code: str) -> str:
    """Run ``code`` in ``km``'s kernel; its standard output."""
    client = km.client()
    assert isinstance(client, SlicedKernelClient)
    client.start_channels()
    printed: list[str] = []

    def keep(message: dict[str, Any]) -> None:
        if message["msg_type"] == "stream":
            printed.append(message["content"]["text"])

    try:
        await client.wait_for_ready(timeout=60)
        reply = await client.execute_interactive(code, timeout=60, output_hook=keep)
    finally:
        client.stop_channels()
    assert "ok" == reply["content"]["status"], reply["content"]
    return "".join(printed)


@pytest.fixture
def closing() -> Iterator[list[KernelFactory]]:
    """Factories a test makes; every one is closed (and its kernels gone) at the end."""
    made: list[KernelFactory] = []
    yield made
    for factory in made:
        factory.close()


@pytest.mark.slow
def test_taken_kernel_is_warm_headless_and_discarded(closing: list[KernelFactory]) -> None:
    factory = KernelFactory(preload=("warm = 6 * 7",), keep_spare=False, fork=False)
    closing.append(factory)
    km = factory.take()
    try:
        assert (True, None) == (km.is_alive(), factory._spare)
        code = "import os\nprint(warm, os.environ['OFFERKIT_HEADLESS'], os.getcwd())"
        assert f"42 1 {factory.folder}\n" == run(run_in(km, code))
    finally:
        factory.discard(km)
    assert not km.is_alive()
    assert not Path(km.connection_file).exists()
    factory.close()
    assert not factory.folder.exists()
    assert [] == kernels_left()


@pytest.mark.slow
def test_spare_is_handed_out_next_and_shut_down_on_close(closing: list[KernelFactory]) -> None:
    factory = KernelFactory(preload=(), keep_spare=True, fork=False)
    closing.append(factory)
    first = factory.take()
    spare = factory._spare
    try:
        assert spare is not None and spare is not first
        second = factory.take()
        try:
            assert spare is second
            assert factory._spare is not None and factory._spare not in (first, second)
            assert "ready\n" == run(run_in(second, "print('ready')"))
        finally:
            factory.discard(second)
    finally:
        factory.discard(first)
    last_spare = factory._spare
    factory.close()
    assert last_spare is not None and not last_spare.is_alive()
    assert (None, False) == (factory._spare, factory.folder.exists())
    assert [] == kernels_left()


@pytest.mark.slow
def test_dead_spare_is_replaced_and_discarding_a_dead_kernel_is_quiet(
    closing: list[KernelFactory],
) -> None:
    factory = KernelFactory(preload=(), keep_spare=True, fork=False)
    closing.append(factory)
    first = factory.take()
    factory.discard(first)
    dead = factory._spare
    assert dead is not None
    os.kill(dead.provisioner.process.pid, signal.SIGKILL)  # type: ignore[union-attr]
    deadline = time.monotonic() + 30
    while dead.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not dead.is_alive()
    replacement = factory.take()
    try:
        assert replacement is not dead
        assert replacement.is_alive()
    finally:
        factory.discard(replacement)
    factory.discard(dead)  # already gone: no error
    factory.close()
    assert [] == kernels_left()
