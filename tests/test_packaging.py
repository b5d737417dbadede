"""Packaging: pip and conda set up the same environment; the public API is whole and documented."""

from __future__ import annotations

import ast
import importlib
import inspect
import os
import re
import subprocess
import tomllib
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging.requirements import Requirement
from tool_helpers import load_tool

import offerkit
from offerkit.cli import main

pinned = load_tool("pinned")
ROOT = Path(__file__).resolve().parent.parent
PYPROJECT: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
ENVIRONMENT: dict[str, Any] = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))


def _name(name: str) -> str:
    """PEP 503 normalisation: case, dots, underscores and dashes do not matter."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _lower_bound(specifier: str) -> str:
    """``>=2.2`` and the exact pins ``==2.2`` (pip) or ``=3.11`` (conda) give ``2.2``."""
    bounds = re.findall(r"(?:>=|==?)\s*([\w.]+)", specifier)
    return bounds[0] if bounds else ""


def _pip_requirements(lines: list[str]) -> dict[str, str]:
    """``dask[distributed]>=2024.8`` counts as dask>=2024.8 and distributed>=2024.8."""
    found: dict[str, str] = {}
    for line in lines:
        requirement = Requirement(line)
        bound = _lower_bound(str(requirement.specifier))
        for name in [requirement.name, *requirement.extras]:
            found[_name(name)] = bound
    return found


def _conda_requirements(dependencies: list[Any]) -> dict[str, str]:
    found: dict[str, str] = {}
    for entry in dependencies:
        if not isinstance(entry, str):
            continue  # the pip: section, checked on its own
        match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", entry)
        assert match, entry
        found[_name(match.group(1))] = _lower_bound(match.group(2))
    return found


PIP = _pip_requirements(
    PYPROJECT["project"]["dependencies"] + PYPROJECT["project"]["optional-dependencies"]["test"]
)
CONDA = _conda_requirements(ENVIRONMENT["dependencies"])


# ---------------------------------------------------------------- pip and conda agree


def test_the_normalisation_handles_extras_case_and_underscores() -> None:
    assert {"dask": "2024.8", "distributed": "2024.8", "jupyter-client": "8.6"} == (
        _pip_requirements(["dask[distributed]>=2024.8", "Jupyter_Client>=8.6"])
    )


def test_conda_and_pip_list_the_same_packages() -> None:
    conda_only = sorted(set(CONDA) - set(PIP) - {"python", "pip"})
    pip_only = sorted(set(PIP) - set(CONDA))
    assert ([], []) == (conda_only, pip_only)


def test_conda_and_pip_agree_on_lower_bounds() -> None:
    assert {name: PIP[name] for name in PIP} == {name: CONDA.get(name) for name in PIP}


def test_every_dependency_has_a_lower_bound() -> None:
    bounds = {**PIP, **CONDA}
    assert [] == sorted(name for name, bound in bounds.items() if not bound and name != "pip")


def test_test_extras_are_in_the_conda_environment() -> None:
    extras = _pip_requirements(PYPROJECT["project"]["optional-dependencies"]["test"])
    assert [] == sorted(name for name in extras if name not in CONDA)
    assert {"pytest", "hypothesis"} <= set(extras)


def test_the_lesson_dependencies_are_listed() -> None:
    needed = {"jupyterlab", "ipywidgets", "pandas", "matplotlib", "nbval", "papermill"}
    assert [] == sorted(needed - set(PIP))


def test_the_bounds_read_pins_and_conda_minors() -> None:
    assert ["2.2", "0.17.6", "3.11", ""] == [
        _lower_bound(spec) for spec in (">=2.2", "==0.17.6", "=3.11", "")
    ]


def test_python_311_in_both() -> None:
    """conda gets an exact minor: repo2docker (Binder) builds that Python, and with only a
    lower bound it falls back to its default."""
    python = [e for e in ENVIRONMENT["dependencies"] if str(e).startswith("python")]
    assert (">=3.11", ["python=3.11"]) == (
        PYPROJECT["project"]["requires-python"],
        [entry.split("#")[0].strip() for entry in python],
    )


def test_the_checkers_are_pinned_alike_and_installed() -> None:
    """ruff, mypy, pandas-stubs, import-linter and pre-commit: one exact version in
    pyproject's test extra, the same in environment.yml, and that version installed."""
    pins = pinned.pyproject_pins()
    assert ([], sorted(pinned.TOOLS)) == (pinned.disagreements(), sorted(pins))


def test_conda_installs_the_package_itself_with_pip() -> None:
    sections = [entry for entry in ENVIRONMENT["dependencies"] if isinstance(entry, dict)]
    assert ([{"pip": ["-e ."]}], True) == (sections, "pip" in CONDA)


def test_conda_uses_conda_forge() -> None:
    assert ("offerkit", ["conda-forge"]) == (ENVIRONMENT["name"], ENVIRONMENT["channels"])


PACKAGE_DATA: list[str] = PYPROJECT["tool"]["setuptools"]["package-data"]["offerkit"]


@pytest.mark.parametrize(
    ("link", "source", "pattern"),
    [
        ("data", "data", "*"),
        ("notebooks", "notebooks", "*.ipynb"),
        ("instructor-notebooks", "instructor", "*.ipynb"),
    ],
)
def test_the_package_folders_link_to_the_one_source(link: str, source: str, pattern: str) -> None:
    """Every committed data file and notebook is matched by a package-data pattern, through
    the package's link to the repository folder (no second copy)."""
    folder = ROOT / "offerkit" / link
    shipped = sorted(
        path.name
        for path in folder.glob(pattern)
        if any(path.match(f"offerkit/{glob}") for glob in PACKAGE_DATA)
    )
    committed = sorted(path.name for path in (ROOT / source).glob(pattern))
    assert (True, f"../{source}", committed) == (folder.is_symlink(), os.readlink(folder), shipped)


def test_the_license_file_matches_pyproject() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert ("MIT", ["LICENSE"], "MIT License") == (
        PYPROJECT["project"]["license"],
        PYPROJECT["project"]["license-files"],
        text.splitlines()[0],
    )


# ---------------------------------------------------------------- the console script


def test_console_script_entry_point() -> None:
    assert {"offerkit": "offerkit.cli:main"} == PYPROJECT["project"]["scripts"]
    installed = entry_points(group="console_scripts", name="offerkit")
    assert ["offerkit.cli:main"] == [e.value for e in installed]
    assert main is next(iter(installed)).load()


def test_pytest_is_strict() -> None:
    options = PYPROJECT["tool"]["pytest"]["ini_options"]
    assert ("error", True, True, True) == (
        options["filterwarnings"][0],
        options["xfail_strict"],
        "--strict-markers" in options["addopts"],
        "--strict-config" in options["addopts"],
    )


# ---------------------------------------------------------------- the public API


def test_version_matches_pyproject() -> None:
    assert PYPROJECT["project"]["version"] == offerkit.__version__


def test_every_name_in_all_exists_once() -> None:
    names = offerkit.__all__
    assert ([], len(set(names))) == ([n for n in names if not hasattr(offerkit, n)], len(names))


def _public_callables() -> list[tuple[str, Any]]:
    return [
        (name, getattr(offerkit, name))
        for name in offerkit.__all__
        if callable(getattr(offerkit, name))
    ]


def _documented(name: str, obj: Any) -> bool:
    doc = obj.__doc__ or ""
    # a dataclass without a docstring gets its signature, "Name(field: type, ...)"
    return bool(doc.strip()) and not doc.startswith(f"{obj.__name__}(")


def test_every_public_callable_has_a_docstring() -> None:
    assert [] == [name for name, obj in _public_callables() if not _documented(name, obj)]


def test_every_public_method_and_property_has_a_docstring() -> None:
    missing = []
    for name, obj in _public_callables():
        if not inspect.isclass(obj) or issubclass(obj, BaseException):
            continue
        for attr, member in vars(obj).items():
            if attr.startswith("_"):
                continue
            target = member.fget if isinstance(member, property) else member
            if inspect.isfunction(target) and not (target.__doc__ or "").strip():
                missing.append(f"{name}.{attr}")
    assert [] == missing


def test_the_rules_are_reachable_from_the_public_api() -> None:
    rules = [
        "parse_pay",
        "parse_pay_range",
        "annual_pay",
        "expected_salary_range",
        "check_ask",
        "decode_posted_range",
        "summarise_strengths",
        "rank_priorities",
        "interview_questions",
        "check_tone",
        "check_honesty",
        "decision_deadline",
        "compare_offers",
        "validate_parameters",
    ]
    assert [] == [name for name in rules if name not in offerkit.__all__]


RULE_MODULES = [
    *sorted(
        f"{path.parent.name}.{path.stem}"
        for folder in ("rules", "learner")
        for path in (ROOT / "offerkit" / folder).glob("*.py")
        if path.stem != "__init__"
    ),
    "errors",
]


def test_the_layers_are_folders() -> None:
    assert {"rules.pay", "rules.salary", "learner.params", "learner.answers"} <= set(RULE_MODULES)


@pytest.mark.parametrize("module", RULE_MODULES)
def test_rule_and_learner_modules_are_pure(module: str) -> None:
    source = (ROOT / "offerkit" / f"{module.replace('.', '/')}.py").read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
            imported.add(node.module)
    banned = {"ipywidgets", "IPython", "matplotlib"}
    upward = {
        name
        for name in imported
        if name.startswith(("offerkit.exercises", "offerkit.batch", "offerkit.instructor"))
    }
    assert (set(), set()) == (imported & banned, upward)


@pytest.mark.parametrize("module", RULE_MODULES)
def test_rule_modules_list_all_and_have_a_docstring(module: str) -> None:
    loaded = importlib.import_module(f"offerkit.{module}")
    assert (True, []) == (
        bool((loaded.__doc__ or "").strip()),
        [name for name in loaded.__all__ if not hasattr(loaded, name)],
    )


def test_the_import_linter_contracts_hold() -> None:
    result = subprocess.run(
        ["lint-imports", "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert (0, "2 kept, 0 broken") == (
        result.returncode,
        re.search(r"\d+ kept, \d+ broken", result.stdout).group(0),  # type: ignore[union-attr]
    ), result.stdout[-2000:]


@pytest.mark.parametrize(
    "path",
    [
        "build/ada-n/03-your-expected-salary.ipynb",
        "build/manifest.json",
        "notebooks/answers/ada.answers.json",
        "notebooks/answers/ada-offer-plan.html",
        "notebooks/answers/ada.offerkit-export.json",
        "exports/x.offerkit-export.json",
        "guide/facilitator-guide.md",
        "release/learners/00-start-here.ipynb",
        "pulse/pulse.html",
    ],
)
def test_personal_and_generated_files_stay_out_of_git(path: str) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: .git is missing, so .gitignore cannot be checked")
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", "-q", path], cwd=ROOT, check=False
    )
    assert 0 == result.returncode, f"{path} is not git-ignored"


# ---------------------------------------------------------------- the installed wheel


@pytest.mark.slow
def test_the_installed_wheel_works_from_outside_the_repository(tmp_path: Path) -> None:
    """.ci/wheel-check: `pip wheel .`, a clean virtual environment, then build, guide,
    release, plan, export-answers, pulse, init and papermill from another folder (minutes:
    the dependencies are installed from the registry)."""
    if os.environ.get("OFFERKIT_WHEEL_CHECKED"):
        pytest.skip(".ci/run has just run .ci/wheel-check")
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the wheel is built from the files git knows")
    result = subprocess.run(
        ["bash", str(ROOT / ".ci" / "wheel-check"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert (0, True) == (
        result.returncode,
        "wheel-check: the installed wheel works" in result.stdout,
    ), (result.stdout[-3000:], result.stderr[-3000:])


def test_conda_and_pip_agree_on_upper_bounds() -> None:
    """The batch build's use of papermill, nbclient, jupyter_client and ipykernel is pinned
    to the ranges it was tested with, the same in both files."""

    def uppers(lines: list[str]) -> dict[str, list[str]]:
        return {
            _name(re.split(r"[<>=\[ ]", line, maxsplit=1)[0]): re.findall(r"<\s*([\w.]+)", line)
            for line in lines
            if "<" in line
        }

    dependencies = PYPROJECT["project"]["dependencies"]
    pip = uppers(dependencies)
    conda = uppers([e for e in ENVIRONMENT["dependencies"] if isinstance(e, str)])
    assert {"ipykernel", "papermill", "nbclient", "jupyter-client"} <= set(pip)
    assert pip == conda


@pytest.mark.parametrize(
    ("path", "stopped"),
    [
        ("data/example-learner.answers.json", False),  # made up, shipped with the kit
        ("notebooks/answers/ada.answers.json", True),
        ("data/ada.answers.json", True),
        ("exports/x.offerkit-export.json", True),
        ("notebooks/answers/ada-offer-plan.html", True),
    ],
)
def test_the_hook_stops_personal_files_but_not_the_example_learner(
    path: str, stopped: bool
) -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    hook = next(hook for hook in hooks if hook["id"] == "no-personal-outputs")
    matched = bool(re.search(hook["files"], path))
    excluded = bool(re.search(hook.get("exclude", "^$"), path))
    assert ("fail", stopped) == (hook["language"], matched and not excluded)
