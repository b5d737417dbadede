"""Kernels forked from a warm server, through jupyter_client's provisioner API.

Starting a Python kernel and importing pandas, matplotlib, ipywidgets and offerkit costs
about two seconds of CPU; on two cores with a kernel per participant, that was most of a
small cohort's build. A build therefore starts one fork server
(:mod:`offerkit.batch.forkserver`) that imports all of that once and forks a fresh kernel
process per participant, ready in a few tenths of a second.

jupyter_client starts kernels through *provisioners*, its public extension point: the
build's kernel spec (:func:`kernel_spec`) names :class:`ForkedKernelProvisioner`
(registered as the ``offerkit-forked`` entry point), which sends the launch command to the
server instead of calling ``Popen``. Everything else (connection files, shutdown,
interrupts, restarts) is jupyter_client's own code. Linux only: elsewhere
:func:`offerkit.batch.forkserver.available` is False and kernels start the usual way.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.provisioning.local_provisioner import LocalProvisioner
from traitlets import Unicode

from offerkit.batch import forkserver

__all__ = ["ForkedKernelProvisioner", "kernel_spec"]


def kernel_spec(folder: Path, server: Path) -> Path:
    """Write a kernel spec under ``folder`` whose provisioner is the fork server at
    ``server``; return the folder to give ``KernelSpecManager.kernel_dirs``."""
    kernels = folder / "kernels"
    spec = kernels / forkserver.PROVISIONER
    spec.mkdir(parents=True, exist_ok=True)
    description = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (offerkit, forked)",
        "language": "python",
        "metadata": {
            "kernel_provisioner": {
                "provisioner_name": forkserver.PROVISIONER,
                "config": {"server": str(server)},
            }
        },
    }
    (spec / "kernel.json").write_text(json.dumps(description), encoding="utf-8")
    return kernels


class _ForkedProcess:
    """What jupyter_client's local provisioner needs of a ``Popen``, for a kernel that is the
    fork server's child (the server reaps it; this side can only signal and look)."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                self.returncode = 0
            except PermissionError:  # the pid was reused by someone else's process
                self.returncode = 0
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout or 0.0)
            time.sleep(0.02)
        return self.returncode or 0

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


class ForkedKernelProvisioner(LocalProvisioner):
    """jupyter_client's local provisioner, launching by asking the fork server."""

    server = Unicode("", config=True, help="The fork server's Unix socket.")

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        """Start the kernel ``cmd`` describes as a child of the fork server."""
        try:
            start = cmd.index("ipykernel_launcher") + 1
        except ValueError:
            raise RuntimeError(f"not an ipykernel command: {cmd!r}") from None
        request = {
            "argv": cmd[start:],
            "env": dict(kwargs.get("env") or os.environ),
            "cwd": str(kwargs.get("cwd") or os.getcwd()),
        }
        pid = forkserver.ask(Path(self.server), request)
        self.process = _ForkedProcess(pid)  # type: ignore[assignment]  # a duck-typed Popen
        self.pid = self.pgid = pid  # the kernel leads its own session
        self.cwd = request["cwd"]
        return self.connection_info
