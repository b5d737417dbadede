"""The instructor kit: facilitator guide, learner/instructor builds, anonymised exports and
the workshop pulse. Charts live in :mod:`offerkit.instructor.pulse_charts` (matplotlib is
imported only there); the CLI glue in :mod:`offerkit.instructor.cli`."""

from offerkit.instructor.export import read_export
from offerkit.instructor.guide import facilitator_guide, guide_html, guide_markdown, write_guide
from offerkit.instructor.notebooks import read_lessons
from offerkit.instructor.pulse import ClassPulse, class_pulse, read_exports
from offerkit.instructor.pulse_report import pulse_html, pulse_markdown, write_pulse
from offerkit.instructor.release import release_lessons, release_notebook

__all__ = [
    "ClassPulse",
    "class_pulse",
    "facilitator_guide",
    "guide_html",
    "guide_markdown",
    "pulse_html",
    "pulse_markdown",
    "read_export",
    "read_exports",
    "read_lessons",
    "release_lessons",
    "release_notebook",
    "write_guide",
    "write_pulse",
]
