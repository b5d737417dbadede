"""Fixtures shared by the test modules (the browser fixtures live in browser_support.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from exercise_helpers import open_course

from offerkit.exercises.course import Course


@pytest.fixture
def course(tmp_path: Path) -> Course:
    """A fresh course for learner 'ada', answers in the test's own folder, a person looking."""
    return open_course(tmp_path)
