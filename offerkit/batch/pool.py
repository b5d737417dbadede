"""Where participants run: a local process pool, or a Dask cluster.

Both call :func:`offerkit.batch.runner.run_participant` once per participant and hand each
:class:`~offerkit.batch.runner.ParticipantResult` to ``on_result`` in the parent as soon as
it arrives (the parent writes the files, so workers need no shared disk).

* Local: ``jobs`` worker processes (forked on Linux), each keeping a warm spare kernel; lesson
  progress comes back over a queue for the progress bars. A worker never outlives the build:
  it watches its parent process and, when that is gone (even by ``kill -9``) or when it is
  told to stop (SIGTERM), kills its kernels and exits. On Ctrl-C or SIGTERM of the build,
  the build stops its workers at once instead of waiting for them.
* Dask: ``client.submit`` per participant to the scheduler at ``address``; a worker starts
  a warm kernel per participant (no spare) and returns the texts. A scheduler that does
  not answer within ``connect_timeout`` seconds ends the build with one line.

A worker that dies (or a Dask task that errors) becomes a failed result, never a crash of
the build.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from multiprocessing.util import Finalize
from pathlib import Path
from typing import Any

from offerkit.batch import forkserver
from offerkit.batch.jobs import CellFailure, ParticipantJob, ParticipantResult
from offerkit.batch.kernels import KernelFactory
from offerkit.batch.runner import run_participant
from offerkit.errors import BuildEnvironmentError

__all__ = ["run_dask", "run_local"]

OnResult = Callable[[ParticipantResult], None]
OnProgress = Callable[[str, str, str], None]

WATCH_SECONDS = 0.5
_FACTORY: KernelFactory | None = None
_EVENTS: Any = None


def _crashed(job: ParticipantJob, exc: BaseException) -> ParticipantResult:
    failure = CellFailure("", -1, "", type(exc).__name__, str(exc) or "the worker stopped")
    return ParticipantResult(job.slug, "failed", failure=failure, part=job.part)


def _start_method() -> str:
    """``fork`` where it is safe (Linux, no other thread yet): the workers then start with
    papermill and nbclient already imported, which takes seconds per process otherwise;
    else ``spawn``."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _init_worker(events: Any, parent: int, server: str | None) -> None:
    """Process-pool initializer: one kernel factory per worker (forking from the build's
    fork server at ``server``, or with a spare booting), and a worker that never outlives
    its build (see :func:`_watch_parent`)."""
    global _FACTORY, _EVENTS
    _EVENTS = events
    _FACTORY = KernelFactory(keep_spare=True, server=Path(server) if server else None)
    Finalize(_FACTORY, _FACTORY.close, exitpriority=10)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the build stops its workers
    signal.signal(signal.SIGTERM, _stop_now)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _stop_now(signum: int = signal.SIGTERM, frame: Any = None) -> None:
    """Kill this worker's kernels and end the worker at once (nothing to write: the
    build process writes every file)."""
    if _FACTORY is not None:
        _FACTORY.kill_all()
    os._exit(128 + signum)


def _watch_parent(parent: int) -> None:
    """End the worker (and its kernels) within :data:`WATCH_SECONDS` of the build process
    going away, even by ``kill -9``."""
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    _stop_now(signal.SIGTERM)


def _send(event: str, slug: str, detail: str) -> None:
    if _EVENTS is not None:
        _EVENTS.put((event, slug, detail))


def _pool_run(job: ParticipantJob) -> ParticipantResult:
    return run_participant(job, _FACTORY, _send)


def _drain(events: Any, on_progress: OnProgress) -> None:
    while True:
        try:
            event = events.get_nowait()
        except queue.Empty:
            return
        on_progress(*event)


def run_local(
    jobs: Sequence[ParticipantJob], workers: int, on_result: OnResult, on_progress: OnProgress
) -> None:
    """Run ``jobs`` on ``workers`` local processes; report results and lesson progress."""
    if not jobs:
        return
    context = multiprocessing.get_context(_start_method())
    events = context.Queue()
    count = max(1, min(workers, len(jobs)))
    # one fork server for all workers: it imports once for the build (maybe started
    # early, while the build itself was importing)
    server = forkserver.claim() or (forkserver.ForkServer() if forkserver.available() else None)
    address = str(server.path) if server is not None else None
    pool = ProcessPoolExecutor(count, context, _init_worker, (events, os.getpid(), address))
    try:
        _run_pool(pool, jobs, events, on_result, on_progress)
    finally:
        if server is not None:
            server.close()


def _run_pool(
    pool: ProcessPoolExecutor,
    jobs: Sequence[ParticipantJob],
    events: Any,
    on_result: OnResult,
    on_progress: OnProgress,
) -> None:
    try:
        pending: dict[Future[ParticipantResult], ParticipantJob] = {
            pool.submit(_pool_run, job): job for job in jobs
        }
        while pending:
            done, _ = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
            _drain(events, on_progress)
            for future in done:
                job = pending.pop(future)
                try:
                    result = future.result()
                except Exception as exc:  # a worker process that died (BrokenProcessPool)
                    result = _crashed(job, exc)
                on_result(result)
    except BaseException:
        _stop_workers(pool)
        raise
    pool.shutdown(wait=True)
    _drain(events, on_progress)
    events.close()
    events.join_thread()


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Stop every worker now (SIGTERM: each kills its kernels), then forget the pool."""
    processes: dict[int, Any] = dict(getattr(pool, "_processes", None) or {})
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes.values():
        process.terminate()
    for process in processes.values():
        process.join(5)
        if process.is_alive():
            process.kill()


async def _identity(address: str, timeout: float) -> Any:
    """Ask the scheduler at ``address`` who it is (Dask's own ``identity`` request)."""
    from distributed.comm.core import connect

    comm = await connect(address, timeout=timeout)  # type: ignore[no-untyped-call]
    try:
        await comm.write({"op": "identity", "reply": True})
        return await comm.read()
    finally:
        comm.abort()


def _connect(address: str, connect_timeout: float) -> Any:
    """A Dask client for ``address``, or one line if no scheduler answers in time.

    ``distributed.Client(timeout=…)`` bounds the TCP connection but not the handshake (a
    peer that accepts and never answers hangs it), so the scheduler is asked first, under
    a wall-clock bound."""
    import distributed

    client_class: Callable[..., Any] = distributed.Client
    try:
        asyncio.run(asyncio.wait_for(_identity(address, connect_timeout), connect_timeout))
        return client_class(address, timeout=connect_timeout)
    except (OSError, TimeoutError, ValueError) as exc:
        raise BuildEnvironmentError(
            f"no Dask scheduler answered at {address} within {connect_timeout:g} s "
            f"(--connect-timeout): {type(exc).__name__}; check the address and that "
            "'dask scheduler' is running there"
        ) from None


def run_dask(
    jobs: Sequence[ParticipantJob],
    address: str,
    on_result: OnResult,
    connect_timeout: float = 10.0,
) -> None:
    """Run ``jobs`` on the Dask cluster whose scheduler is at ``address``."""
    if not jobs:
        return
    import distributed

    completed: Callable[..., Any] = distributed.as_completed
    run = uuid.uuid4().hex[:8]  # keys unique per build: two builds never share results
    with _connect(address, connect_timeout) as client:
        futures = {
            client.submit(run_participant, job, key=f"offerkit-{run}-{job.slug}", pure=False): job
            for job in jobs
        }
        for future in completed(list(futures)):
            job = futures.pop(future)  # held no longer: the cluster can drop the result
            try:
                result = future.result()
            except Exception as exc:  # the task raised or its worker was lost
                result = _crashed(job, exc)
            del future
            on_result(result)
