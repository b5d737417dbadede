"""Where the kit's bundled files are: the catalogues, the lessons, the instructor notebooks.

Each is a folder inside the package, found with :mod:`importlib.resources`, so the same
code works in a clone and in an installed wheel:

* ``offerkit/data/`` — the CSV catalogues, the example roster and the example learner;
* ``offerkit/notebooks/`` — the lesson notebooks;
* ``offerkit/instructor-notebooks/`` — the instructor's workshop-pulse notebook;
* ``offerkit/voila-template/`` — the Voila template ``offerkit init`` copies (a real folder).

In the repository these folders are symbolic links to ``data/``, ``notebooks/`` and
``instructor/``, which stay the one source: a wheel copies what the links point at. Where a
checkout has no symbolic links (they arrive as small text files), the repository's folder
next to the package is used. ``$OFFERKIT_DATA`` and ``$OFFERKIT_NOTEBOOKS`` override the
first two (tests and instructors with their own lessons use them).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from offerkit.errors import DataFileError

__all__ = [
    "EXAMPLE_LEARNER",
    "EXAMPLE_ROSTER",
    "PULSE_NOTEBOOK",
    "bundled_folder",
    "example_learner",
    "example_roster",
    "pulse_notebook",
]

EXAMPLE_ROSTER = "roster-example.csv"  # in the data folder
EXAMPLE_LEARNER = "example-learner.answers.json"  # in the data folder
PULSE_NOTEBOOK = "workshop-pulse.ipynb"  # in the instructor-notebooks folder

# folder in the package -> (the variable that overrides it, the repository's folder)
_FOLDERS: dict[str, tuple[str, str]] = {
    "data": ("OFFERKIT_DATA", "data"),
    "notebooks": ("OFFERKIT_NOTEBOOKS", "notebooks"),
    "instructor-notebooks": ("", "instructor"),
    "voila-template": ("", "offerkit/voila-template"),  # no link: it lives in the package
}


def _package_root() -> Path:
    root = resources.files("offerkit")
    if not isinstance(root, Path):  # a zip import: papermill and Jupyter need real files
        raise DataFileError(
            "offerkit's lessons and catalogues must be files on disk, not inside a zip "
            f"archive (found {root}); install offerkit with pip",
        )
    return root


def bundled_folder(name: str) -> Path:
    """The folder ``name`` (``data``, ``notebooks``, ``instructor-notebooks`` or
    ``voila-template``): its environment variable if set, else the package's copy, else
    the repository's folder."""
    if name not in _FOLDERS:
        raise DataFileError(f"no bundled folder {name!r}; expected one of {sorted(_FOLDERS)}")
    variable, in_repository = _FOLDERS[name]
    override = os.environ.get(variable) if variable else None
    if override:
        return Path(override)
    root = _package_root()
    packaged = root / name
    if packaged.is_dir():
        return packaged.resolve()  # in a clone: the repository's folder, as messages name it
    return root.resolve().parent / in_repository


def example_roster() -> Path:
    """The bundled example roster (the default of ``offerkit build``)."""
    return bundled_folder("data") / EXAMPLE_ROSTER


def example_learner() -> Path:
    """The bundled example learner's answers file (the default of ``offerkit plan``)."""
    return bundled_folder("data") / EXAMPLE_LEARNER


def pulse_notebook() -> Path:
    """The instructor's workshop-pulse notebook."""
    return bundled_folder("instructor-notebooks") / PULSE_NOTEBOOK
