"""pyproject.toml and requirements.txt name the same libraries, and each pin is in range;
the console script runs the CLI."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]


def pinned() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)", line).groups()
            pins[name.lower()] = version
    return pins


def declared() -> dict[str, Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    return {Requirement(r).name.lower(): Requirement(r) for r in project["dependencies"]}


def test_pyproject_and_requirements_name_the_same_libraries():
    assert set(pinned()) == set(declared())


@pytest.mark.parametrize("name", sorted(pinned()))
def test_each_pin_is_within_the_declared_range(name):
    assert declared()[name].specifier.contains(pinned()[name]), name


def test_the_console_script_runs_the_cli():
    script = Path(sys.executable).with_name("argmap")
    if not script.exists():
        pytest.skip("argmap is not installed in this environment (make setup installs it)")
    out = subprocess.run([str(script), "--help"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("usage: argmap")
