"""SIGTERM behaves like Ctrl-C, and neither lands in the middle of a commit.

:func:`interrupts_as_exceptions` turns SIGINT into :class:`KeyboardInterrupt` and SIGTERM
into :class:`BuildTerminated` (a ``KeyboardInterrupt`` too, so every ``finally`` runs and
the workers are stopped) while a build runs; :func:`critical` defers either signal until a
set of renames (a participant's files and the manifest) is complete. Exit statuses:
130 for Ctrl-C, 143 for SIGTERM.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

__all__ = ["BuildTerminated", "critical", "interrupts_as_exceptions"]


class BuildTerminated(KeyboardInterrupt):
    """The build received SIGTERM."""


_STATE: dict[str, Any] = {"critical": 0, "pending": None}


def _raise_for(signum: int) -> None:
    if signum == signal.SIGTERM:
        raise BuildTerminated("terminated (SIGTERM)")
    raise KeyboardInterrupt


def _handler(signum: int, frame: FrameType | None) -> None:
    if _STATE["critical"]:
        _STATE["pending"] = signum
        return
    _raise_for(signum)


@contextmanager
def interrupts_as_exceptions() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise (see the module docstring)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.signal(s, _handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


@contextmanager
def critical() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block is done, then act on them."""
    _STATE["critical"] += 1
    try:
        yield
    finally:
        _STATE["critical"] -= 1
        pending = _STATE["pending"]
        if pending is not None and not _STATE["critical"]:
            _STATE["pending"] = None
            _raise_for(pending)
