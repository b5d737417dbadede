"""Kernels for batch builds: started warm, polled in short slices, always shut down.

A build worker takes a new kernel per participant with pandas, matplotlib, ipywidgets and
offerkit already imported, so each lesson only pays for its own cells. On Linux the kernel
is forked from the build's fork server (:mod:`offerkit.batch.forkserver`, through the
provisioner in :mod:`offerkit.batch.forking`); elsewhere it is started with those imports
as ``IPKernelApp.exec_lines``, and while one participant runs the *next* kernel boots in
the background (a "spare"), so start-up overlaps with work.

Two measures against the headless stall in ``shared/notes/stack.md``:

* :class:`SlicedKernelClient` waits for messages in slices of at most
  :data:`POLL_SLICE` seconds, so a lost ZMQ wake-up costs a fraction of a second, not
  the whole cell timeout (or forever);
* callers always pass a per-cell timeout and treat a timed-out cell as a stall.

Kernels use the ``ipc`` transport (no TCP warning, no port race) and a private temporary
folder for connection files, ``IPYTHONDIR`` and ``MPLCONFIGDIR``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import time
import uuid
from pathlib import Path
from queue import Empty
from typing import Any

from jupyter_client.asynchronous.client import AsyncKernelClient
from jupyter_client.channels import AsyncZMQSocketChannel
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from traitlets import Type

from offerkit.batch import forking, forkserver

__all__ = ["POLL_SLICE", "PRELOAD", "KernelFactory", "SlicedKernelClient"]

POLL_SLICE = 0.2
PRELOAD = (
    "import pandas, matplotlib, matplotlib.pyplot, ipywidgets, IPython.display",
    "import offerkit, offerkit.learner.params",
)
_KERNEL_ARGUMENTS = ["--HistoryManager.hist_file=:memory:"]


class _SlicedChannel(AsyncZMQSocketChannel):
    """A channel that polls its socket in short slices (see the module docstring)."""

    async def get_msg(self, timeout: float | None = None) -> dict[str, Any]:  # type: ignore[override]
        """The next message; raise :class:`queue.Empty` after ``timeout`` seconds."""
        if self.socket is None:
            raise RuntimeError("the channel is closed")
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            wait = POLL_SLICE
            if deadline is not None:
                wait = min(wait, max(0.0, deadline - time.monotonic()))
            if await self.socket.poll(int(wait * 1000)):
                message: dict[str, Any] = await self._recv()
                return message
            if deadline is not None and time.monotonic() >= deadline:
                raise Empty


class SlicedKernelClient(AsyncKernelClient):
    """An asynchronous kernel client whose channels poll in short slices."""

    shell_channel_class = Type(_SlicedChannel)
    iopub_channel_class = Type(_SlicedChannel)
    stdin_channel_class = Type(_SlicedChannel)
    control_channel_class = Type(_SlicedChannel)


_FOLDER_PREFIX = forkserver.FOLDER_PREFIX


def _remove_abandoned_folders() -> None:
    """Remove kernel folders of worker processes that no longer exist (a killed build)."""
    if os.name != "posix":  # os.kill(pid, 0) would end the process on Windows
        return
    for folder in Path(tempfile.gettempdir()).glob(f"{_FOLDER_PREFIX}*-*"):
        pid = folder.name.removeprefix(_FOLDER_PREFIX).split("-", 1)[0]
        if pid.isdigit() and not _process_exists(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but belongs to someone else
        return True
    return True


class KernelFactory:
    """Starts warm kernels for one worker process.

    Where kernels can be forked (:func:`offerkit.batch.forkserver.available`), they are
    forked from a fork server: ``server`` (the socket of one the build shares between its
    workers) or, without one, a server of this factory's own (``fork=False`` never forks).
    Otherwise each kernel is a new process with ``preload`` lines run at start-up, and
    ``keep_spare`` starts the next one booting as soon as one is taken. :meth:`close`
    shuts everything down and removes the private folder.
    """

    def __init__(
        self,
        preload: tuple[str, ...] = PRELOAD,
        *,
        keep_spare: bool = True,
        fork: bool | None = None,
        server: Path | None = None,
    ) -> None:
        self.preload = preload
        _remove_abandoned_folders()
        self.folder = Path(tempfile.mkdtemp(prefix=f"{_FOLDER_PREFIX}{os.getpid()}-"))
        self._spare: KernelManager | None = None
        self._live: list[KernelManager] = []
        self._own_server: forkserver.ForkServer | None = None
        self._specs: KernelSpecManager | None = None
        if forkserver.available() if fork is None else fork:
            if server is None:
                self._own_server = forkserver.ForkServer()
                server = self._own_server.path
            kernels = forking.kernel_spec(self.folder, server)
            self._specs = KernelSpecManager(kernel_dirs=[str(kernels)], ensure_native_kernel=False)
        # a forked kernel is ready in a few tenths of a second: a spare would only cost memory
        self.keep_spare = keep_spare and self._specs is None

    @property
    def forked(self) -> bool:
        """True when kernels are forked from a fork server."""
        return self._specs is not None

    def _environment(self) -> dict[str, str]:
        return forkserver.kernel_environment(self.folder)

    def _launch(self) -> KernelManager:
        name = f"k-{uuid.uuid4().hex[:12]}"
        settings: dict[str, Any] = {"kernel_name": "python3"}
        lines = [f"--IPKernelApp.exec_lines={line}" for line in self.preload]
        if self._specs is not None:
            settings = {"kernel_name": forkserver.PROVISIONER, "kernel_spec_manager": self._specs}
            # the server imported everything already; pyplot was imported before this
            # kernel's shell existed, so hook inline charts up
            lines = ["--IPKernelApp.exec_lines=%matplotlib inline"]
        km = KernelManager(
            **settings,
            transport="ipc",
            ip=str(self.folder / name),
            connection_file=str(self.folder / f"{name}.json"),
            client_class="offerkit.batch.kernels.SlicedKernelClient",
        )
        km.start_kernel(
            extra_arguments=[*_KERNEL_ARGUMENTS, *lines],
            env=self._environment(),
            cwd=str(self.folder),
        )
        self._live.append(km)
        return km

    def take(self) -> KernelManager:
        """A started kernel (the spare if one is booting); start the next spare."""
        km = self._spare if self._spare is not None and self._spare.is_alive() else None
        if km is None:
            self.discard(self._spare)
            km = self._launch()
        self._spare = self._launch() if self.keep_spare else None
        return km

    def discard(self, km: KernelManager | None) -> None:
        """Kill ``km``'s kernel at once and remove its files; never raises for a dead one."""
        if km is None:
            return
        if km in self._live:
            self._live.remove(km)
        try:
            if km.has_kernel:
                km.shutdown_kernel(now=True)
        except RuntimeError:  # "No kernel is running!" when it died on its own
            pass
        finally:
            km.cleanup_resources()

    def kill_all(self) -> None:
        """SIGKILL every kernel this factory started and remove the private folder, without
        talking to the kernels: for a worker that must stop now (its build is gone)."""
        for km in list(self._live):
            pid = getattr(km.provisioner, "pid", None)
            if isinstance(pid, int) and pid > 0:
                with contextlib.suppress(OSError):  # already gone
                    os.kill(pid, signal.SIGKILL)
        self._live.clear()
        if self._own_server is not None:
            self._own_server.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def close(self) -> None:
        """Shut down the spare kernel and the fork server; remove the private folder."""
        self.discard(self._spare)
        self._spare = None
        if self._own_server is not None:
            self._own_server.close()
        shutil.rmtree(self.folder, ignore_errors=True)
