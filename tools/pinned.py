"""Check that the pinned development tools agree: pyproject's ``test`` extra, environment.yml
and the versions installed here.

    python tools/pinned.py

The checkers (ruff, mypy with pandas-stubs, import-linter, pre-commit) are pinned to one
exact version, so a new release cannot turn a clean tree red overnight. To move a pin, change
it in both files, install, run the checks, and commit the three together. Exits 1 and names
each tool whose pins disagree.
"""

from __future__ import annotations

import re
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ("ruff", "mypy", "pandas-stubs", "import-linter", "pre-commit")
_PIN = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*==\s*([\w.]+)\s*$")


def _name(name: str) -> str:
    """PEP 503 normalisation: case, dots, underscores and dashes do not matter."""
    return re.sub(r"[-_.]+", "-", name).lower()


def exact_pins(requirements: list[Any]) -> dict[str, str]:
    """``{name: version}`` for each ``name==version`` entry (pip or conda spelling)."""
    pins: dict[str, str] = {}
    for entry in requirements:
        match = _PIN.match(entry) if isinstance(entry, str) else None
        if match:
            pins[_name(match.group(1))] = match.group(2)
    return pins


def pyproject_pins(root: Path = ROOT) -> dict[str, str]:
    """The exact pins in pyproject.toml's ``test`` extra."""
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    return exact_pins(data["project"]["optional-dependencies"]["test"])


def environment_pins(root: Path = ROOT) -> dict[str, str]:
    """The exact pins in environment.yml."""
    data = yaml.safe_load((root / "environment.yml").read_text(encoding="utf-8"))
    return exact_pins(data["dependencies"])


def installed_version(name: str) -> str:
    """The installed version of ``name``, or ``"not installed"``."""
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def disagreements(root: Path = ROOT) -> list[str]:
    """One line per tool whose pyproject pin, environment.yml pin and installed version differ."""
    pip, conda = pyproject_pins(root), environment_pins(root)
    lines = []
    for tool in TOOLS:
        found = (pip.get(tool, "not pinned"), conda.get(tool, "not pinned"))
        installed = installed_version(tool)
        if len({*found, installed}) != 1:
            lines.append(
                f"{tool}: pyproject.toml {found[0]}, environment.yml {found[1]}, "
                f"installed {installed}"
            )
    return lines


def main() -> int:
    lines = disagreements()
    for line in lines:
        print(line)
    if lines:
        print('pin one version in both files, then `pip install -e ".[test]"`')
        return 1
    print(f"pinned and installed alike: {', '.join(TOOLS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
