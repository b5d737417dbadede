"""Progress bars of a local build: one overall bar, one bar per running participant (tqdm,
on stderr), made at the first event so no tqdm thread exists before workers fork."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

__all__ = ["progress_bars"]


def progress_bars(enabled: bool, total: int) -> tuple[list[Any], Callable[[str, str, str], None]]:
    """The overall bar (in a list, once made) and a callback that keeps one bar per running
    participant (tqdm, on stderr)."""
    from tqdm import tqdm

    bars: dict[str, Any] = {}
    overall: list[Any] = []  # made at the first event: no tqdm thread before workers fork

    def on_progress(event: str, slug: str, detail: str) -> None:
        if not overall:
            overall.append(
                tqdm(
                    total=total,
                    desc="participants",
                    unit="p",
                    file=sys.stderr,
                    disable=not enabled,
                    position=0,
                )
            )
        if event == "start" and slug in bars:  # another part of the same participant
            bars[slug].total += int(detail)
            bars[slug].refresh()
        elif event in {"start", "retry"}:
            if slug in bars:
                bars.pop(slug).close()
            desc = f"{slug} (retry)" if event == "retry" else slug
            bars[slug] = tqdm(
                total=int(detail),
                desc=desc,
                unit="lesson",
                leave=False,
                disable=not enabled,
                file=sys.stderr,
            )
        elif event == "lesson" and slug in bars:
            bars[slug].update(1)
        elif event == "done":
            if slug in bars:
                bars.pop(slug).close()
            overall[0].update(1)

    return overall, on_progress
