"""Kernels forked from a warm server: a participant's kernel starts in a tenth of a second.

Starting a Python kernel and importing pandas, matplotlib, ipywidgets and offerkit costs
about two seconds of CPU. On two cores with a kernel per participant, that is most of a
small cohort's build. A build worker therefore starts one *fork server*
(``python -m offerkit.batch.forking SOCKET PARENT``): it imports all of that once, then
listens on a Unix socket; for each kernel the worker asks for, it forks a child that
becomes an ordinary ipykernel (``IPKernelApp``) on the connection file jupyter_client
wrote. Every child is a copy of the same freshly imported process, so no state crosses
participants: each participant still gets a new kernel process.

jupyter_client starts kernels through *provisioners*, its public extension point: the
worker's kernel spec names :class:`ForkedKernelProvisioner` (registered as the
``offerkit-forked`` entry point), which sends the launch command to the server instead of
calling ``Popen``. Everything else (connection files, shutdown, interrupts, restarts) is
jupyter_client's own code.

Nothing outlives the build: the server exits when its worker is gone (it checks every
:data:`WATCH_SECONDS`), and each kernel is killed by the kernel (``PR_SET_PDEATHSIG``) the
moment the server dies, and also watches the server itself (ipykernel's parent poller).
Linux only: elsewhere :func:`available` is False and kernels start the usual way.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import json
import os
import signal
import socket
import subprocess
import sys
import time
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.provisioning.local_provisioner import LocalProvisioner
from traitlets import Unicode

__all__ = [
    "PROVISIONER",
    "ForkServer",
    "ForkedKernelProvisioner",
    "available",
    "serve",
]

PROVISIONER = "offerkit-forked"
WATCH_SECONDS = 0.2
START_TIMEOUT = 60.0
PRELOAD = (
    "ipykernel.kernelapp",
    "pandas",
    "matplotlib",
    "matplotlib.pyplot",
    "matplotlib_inline.backend_inline",
    "ipywidgets",
    "IPython.display",
    "offerkit",
    "offerkit.learner.params",
    "offerkit.exercises",  # every lesson's first import: paid once per worker, not per kernel
)
_PR_SET_PDEATHSIG = 1


def available() -> bool:
    """True where kernels can be forked: Linux, with the provisioner's entry point
    installed (``pip install`` of offerkit registers it)."""
    if sys.platform != "linux":
        return False
    found = entry_points(group="jupyter_client.kernel_provisioners", name=PROVISIONER)
    return bool(list(found))


def kernel_spec(folder: Path, server: Path) -> Path:
    """Write a kernel spec under ``folder`` whose provisioner is the fork server at
    ``server``; return the folder to give ``KernelSpecManager.kernel_dirs``."""
    kernels = folder / "kernels"
    spec = kernels / PROVISIONER
    spec.mkdir(parents=True, exist_ok=True)
    description = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (offerkit, forked)",
        "language": "python",
        "metadata": {
            "kernel_provisioner": {
                "provisioner_name": PROVISIONER,
                "config": {"server": str(server)},
            }
        },
    }
    (spec / "kernel.json").write_text(json.dumps(description), encoding="utf-8")
    return kernels


class ForkServer:
    """The fork server of one build worker: started at once, ready when first used."""

    def __init__(self, folder: Path, env: dict[str, str]) -> None:
        self.path = folder / "fork.sock"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "offerkit.batch.forking", str(self.path), str(os.getpid())],
            env=env,
            cwd=str(folder),
            stdin=subprocess.DEVNULL,
        )

    def close(self) -> None:
        """Stop the server (its kernels die with it)."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


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
        pid = _ask(Path(self.server), request)
        self.process = _ForkedProcess(pid)  # type: ignore[assignment]  # a duck-typed Popen
        self.pid = self.pgid = pid  # the kernel leads its own session
        self.cwd = request["cwd"]
        return self.connection_info


def _ask(server: Path, request: dict[str, Any]) -> int:
    """Send ``request`` to the server; the new kernel's pid (waits for a booting server)."""
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
                conn.settimeout(START_TIMEOUT)
                conn.connect(str(server))
                conn.sendall(json.dumps(request).encode("utf-8") + b"\n")
                answer = json.loads(_read_line(conn))
            return int(answer["pid"])
        except (FileNotFoundError, ConnectionRefusedError):
            if time.monotonic() > deadline:
                raise RuntimeError(f"the kernel fork server at {server} did not start") from None
            time.sleep(0.02)


def _read_line(conn: socket.socket) -> bytes:
    data = b""
    while not data.endswith(b"\n"):
        chunk = conn.recv(65536)
        if not chunk:
            raise ConnectionError("the kernel fork server closed the connection")
        data += chunk
    return data


def serve(path: Path, parent: int) -> None:
    """Run the fork server: listen at ``path``, preload, fork a kernel per request, and
    exit when process ``parent`` is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the build to handle
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps its children itself
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    listener.listen(16)  # workers may connect now; they wait until the imports are done
    for module in PRELOAD:
        __import__(module)
    gc.collect()
    gc.freeze()  # the kernels share these pages instead of copying them on first collect
    listener.settimeout(WATCH_SECONDS)
    while os.getppid() == parent:
        try:
            conn, _ = listener.accept()
        except TimeoutError:
            continue
        with conn:
            conn.settimeout(START_TIMEOUT)
            request = json.loads(_read_line(conn))
            pid = os.fork()
            if pid == 0:
                listener.close()
                conn.close()
                _become_kernel(request)
            conn.sendall(json.dumps({"pid": pid}).encode("utf-8") + b"\n")


def _become_kernel(request: dict[str, Any]) -> None:
    """In the forked child: become the kernel ``request`` describes; never return."""
    status = 1
    try:
        os.setsid()  # a Ctrl-C in the build's terminal is the build's to pass on
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        server = os.getppid()
        if server == 1:  # the server died between fork and prctl
            os._exit(1)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        os.environ.clear()
        os.environ.update(request["env"])
        os.environ["JPY_PARENT_PID"] = str(server)
        os.chdir(request["cwd"])
        numpy = sys.modules.get("numpy")
        if numpy is not None:
            numpy.random.seed()  # a fork copies the server's random state; reseed as a new
            # process would (the random module reseeds itself after a fork)
        from ipykernel.kernelapp import IPKernelApp

        # ipykernel read JPY_PARENT_PID when the server imported it: say it again, so the
        # kernel watches the server (and prints no "Ctrl-C will not work" banner)
        argv = [*request["argv"], f"--IPKernelApp.parent_handle={server}"]
        IPKernelApp.launch_instance(argv=argv)
        status = 0
    except BaseException:  # anything: the child must never return
        import traceback

        traceback.print_exc()
    finally:
        os._exit(status)


if __name__ == "__main__":
    serve(Path(sys.argv[1]), int(sys.argv[2]))
