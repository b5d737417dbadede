"""The kernel fork server: one warm process that forks a fresh kernel per request.

``python -m offerkit.batch.forkserver SOCKET PARENT`` imports ipykernel, pandas,
matplotlib, ipywidgets and offerkit once (:data:`PRELOAD`), then listens on a Unix socket.
For each request (a kernel's command-line arguments, environment and folder) it forks a
child that becomes an ordinary ipykernel on the connection file jupyter_client wrote, and
answers with the child's pid. Every child is a copy of the same freshly imported process,
so no state crosses participants. :mod:`offerkit.batch.forking` is the jupyter_client
side (the provisioner); this module imports nothing heavy, so a build can start the
server before its own imports (:func:`start_early`).

Nothing outlives the build: the server exits when the process that started it is gone (it
checks every :data:`WATCH_SECONDS`); each kernel is killed by the kernel
(``PR_SET_PDEATHSIG``) the moment the server dies, and ipykernel's parent poller watches
the server too. Linux only.
"""

from __future__ import annotations

import ctypes
import gc
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

__all__ = [
    "FOLDER_PREFIX",
    "PRELOAD",
    "PROVISIONER",
    "ForkServer",
    "ask",
    "available",
    "claim",
    "kernel_environment",
    "matplotlib_cache",
    "serve",
    "start_early",
]

PROVISIONER = "offerkit-forked"  # the entry point of offerkit.batch.forking's provisioner
FOLDER_PREFIX = "offerkit-kernels-"
WATCH_SECONDS = 0.2
START_TIMEOUT = 60.0  # for a request: the server may still be importing
LISTEN_TIMEOUT = 20.0  # for the server to listen, which it does before importing
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
    "offerkit.exercises",  # every lesson's first import: paid once per build, not per kernel
)
_PR_SET_PDEATHSIG = 1


def available() -> bool:
    """True where kernels can be forked: Linux, with the provisioner's entry point
    installed (``pip install`` of offerkit registers it)."""
    if sys.platform != "linux":
        return False
    found = entry_points(group="jupyter_client.kernel_provisioners", name=PROVISIONER)
    return bool(list(found))


class ForkServer:
    """A fork server owned by this process: started at once, ready when first used.

    It lives in a private folder (its socket, and the kernels' ``IPYTHONDIR``) named like
    the kernel factories' folders, so a killed build's folder is cleaned up by the next.
    """

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-"))
        self.path = self.folder / "fork.sock"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "offerkit.batch.forkserver", str(self.path), str(os.getpid())],
            env=kernel_environment(self.folder),
            cwd=str(self.folder),
            stdin=subprocess.DEVNULL,
        )

    def close(self) -> None:
        """Stop the server (its kernels die with it) and remove its folder."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


_EARLY: ForkServer | None = None


def start_early() -> None:
    """Start this process's fork server now, so that it imports while the build imports
    and reads its roster; :func:`claim` hands it over."""
    global _EARLY
    if _EARLY is None and available():
        _EARLY = ForkServer()


def claim() -> ForkServer | None:
    """The server :func:`start_early` started (once), or None."""
    global _EARLY
    server, _EARLY = _EARLY, None
    return server


def matplotlib_cache() -> Path:
    """A per-user matplotlib folder in the temporary directory, kept between builds: its
    font cache takes seconds to build, so a fresh folder per kernel would cost that each
    time."""
    user = getattr(os, "getuid", lambda: 0)()
    folder = Path(tempfile.gettempdir()) / f"offerkit-matplotlib-{user}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def kernel_environment(folder: Path) -> dict[str, str]:
    """The environment of a build's kernels: headless, inline charts, and IPython's and
    matplotlib's folders out of the learner's home."""
    env = dict(os.environ)
    env.update(
        OFFERKIT_HEADLESS="1",
        MPLBACKEND="module://matplotlib_inline.backend_inline",
        IPYTHONDIR=str(folder / "ipython"),
        MPLCONFIGDIR=str(matplotlib_cache()),
        PYDEVD_DISABLE_FILE_VALIDATION="1",
    )
    return env


def ask(server: Path, request: dict[str, Any]) -> int:
    """Send ``request`` to the server; the new kernel's pid. A booting server listens at
    once and answers when its imports are done; one that never listens is an error after
    :data:`LISTEN_TIMEOUT` seconds."""
    deadline = time.monotonic() + LISTEN_TIMEOUT
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
                raise RuntimeError(
                    f"the kernel fork server at {server} did not start within "
                    f"{LISTEN_TIMEOUT:g} s (its error, if any, is printed above)"
                ) from None
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
