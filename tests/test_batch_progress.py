"""The progress bars of a local build: one overall, one per running participant."""

from __future__ import annotations

import threading

from offerkit.batch.progress import progress_bars


def test_bars_are_made_at_the_first_event_and_count_participants() -> None:
    threads = threading.active_count()
    overall, on_progress = progress_bars(True, 2)
    assert ([], threads) == (overall, threading.active_count())  # nothing before workers fork
    on_progress("start", "ada", "2")
    on_progress("lesson", "ada", "00-start.ipynb")
    on_progress("done", "ada", "")
    on_progress("done", "zoe", "")
    assert 2 == overall[0].n
    overall[0].close()
