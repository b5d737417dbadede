"""tools/pinned.py: the checkers' exact pins agree in pyproject, environment.yml and here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tool_helpers import TOOLS, load_tool

pinned = load_tool("pinned")

PYPROJECT = """\
[project.optional-dependencies]
test = [{pins}]
"""
ENVIRONMENT = """\
dependencies:
  - python=3.11
{pins}
  - pip:
      - -e .
"""


def _write(root: Path, versions: dict[str, str]) -> Path:
    pip = ", ".join(f'"{name}=={v}"' for name, v in versions.items())
    conda = "\n".join(f"  - {name}=={v}" for name, v in versions.items())
    (root / "pyproject.toml").write_text(PYPROJECT.format(pins=pip), encoding="utf-8")
    (root / "environment.yml").write_text(ENVIRONMENT.format(pins=conda), encoding="utf-8")
    return root


def _installed() -> dict[str, str]:
    return {tool: pinned.installed_version(tool) for tool in pinned.TOOLS}


def test_exact_pins_reads_pip_and_conda_spellings_and_skips_bounds() -> None:
    entries = ["Import_Linter==2.17", "ruff == 0.17.6", "pytest>=8.3", "python=3.11", {"pip": []}]
    assert {"import-linter": "2.17", "ruff": "0.17.6"} == pinned.exact_pins(entries)


def test_matching_pins_and_installed_versions_agree(tmp_path: Path) -> None:
    assert [] == pinned.disagreements(_write(tmp_path, _installed()))


def test_a_pin_that_differs_in_environment_yml_is_named(tmp_path: Path) -> None:
    root = _write(tmp_path, _installed())
    text = (root / "environment.yml").read_text(encoding="utf-8")
    ruff = pinned.installed_version("ruff")
    (root / "environment.yml").write_text(
        text.replace(f"ruff=={ruff}", "ruff==0.0.1"), encoding="utf-8"
    )
    assert [f"ruff: pyproject.toml {ruff}, environment.yml 0.0.1, installed {ruff}"] == (
        pinned.disagreements(root)
    )


def test_a_tool_pinned_to_another_version_than_installed_is_named(tmp_path: Path) -> None:
    versions = dict(_installed(), mypy="0.1")
    mypy = pinned.installed_version("mypy")
    assert [f"mypy: pyproject.toml 0.1, environment.yml 0.1, installed {mypy}"] == (
        pinned.disagreements(_write(tmp_path, versions))
    )


def test_a_missing_pin_is_named(tmp_path: Path) -> None:
    versions = {k: v for k, v in _installed().items() if k != "pre-commit"}
    lines = pinned.disagreements(_write(tmp_path, versions))
    assert [True] == ["pre-commit: pyproject.toml not pinned" in line for line in lines]


@pytest.mark.parametrize(("root", "status"), [(None, 0), ("mismatch", 1)])
def test_the_script_exits_1_on_a_disagreement(
    root: str | None, status: int, tmp_path: Path
) -> None:
    script = TOOLS / "pinned.py"
    if root:
        # a copy of the script beside mismatched files: ROOT is the script's parent's parent
        (tmp_path / "tools").mkdir()
        (tmp_path / "tools" / "pinned.py").write_text(script.read_text(encoding="utf-8"))
        _write(tmp_path, dict(_installed(), ruff="0.0.1"))
        script = tmp_path / "tools" / "pinned.py"
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=False
    )
    assert (status, status == 1) == (result.returncode, "ruff: " in result.stdout), result.stdout
