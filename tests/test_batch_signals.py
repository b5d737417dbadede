"""SIGTERM behaves like Ctrl-C, and neither lands in the middle of a commit."""

from __future__ import annotations

import os
import signal

import pytest

from offerkit.batch.signals import BuildTerminated, critical, interrupts_as_exceptions


def test_sigterm_raises_build_terminated_a_keyboard_interrupt() -> None:
    with pytest.raises(BuildTerminated), interrupts_as_exceptions():
        os.kill(os.getpid(), signal.SIGTERM)
    assert issubclass(BuildTerminated, KeyboardInterrupt)
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # restored


def test_a_signal_during_a_commit_waits_until_it_is_complete() -> None:
    steps: list[str] = []
    with pytest.raises(KeyboardInterrupt), interrupts_as_exceptions():
        with critical():
            os.kill(os.getpid(), signal.SIGINT)
            steps.append("renamed the first file")
            steps.append("renamed the second file")
        steps.append("never reached")
    assert ["renamed the first file", "renamed the second file"] == steps
