"""Shared fixtures: the essay (../shared/source/essay.txt, always beside the repository
in CI), one headless Chromium for the whole run, and a `streamlit run` server on the
small map for each browser test module."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from apphelp import CHROMIUM, CHROMIUM_ARGS, MINI, ROOT, server

from arguments.analysis.quotes import SourceText
from arguments.loader import load_map
from arguments.models import Map

ESSAY = ROOT.parent / "shared" / "source" / "essay.txt"


@pytest.fixture(scope="session")
def essay_path() -> Path:
    """The essay's path; in CI its absence is a failure, elsewhere a visible skip."""
    if not ESSAY.exists():
        if os.environ.get("CI"):
            pytest.fail(f"the essay must be present in CI at {ESSAY}")
        pytest.skip(f"the essay is not at {ESSAY} (a clone outside the project folder)")
    return ESSAY


@pytest.fixture(scope="session")
def essay(essay_path) -> SourceText:
    return SourceText(essay_path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def essay_map() -> Map:
    """The bundled map, claims.yaml, loaded once for the whole run."""
    return load_map(ROOT / "claims.yaml")


@pytest.fixture(scope="session")
def mini_map() -> Map:
    """The small test map, tests/fixtures/mini.yaml."""
    return load_map(MINI)


@pytest.fixture
def a_map(request: pytest.FixtureRequest) -> Map:
    """The map a test is parametrized with by name (``indirect=["a_map"]``): "essay",
    "mini", or a fixture's name."""
    name = {"essay": "essay_map", "mini": "mini_map"}.get(request.param, request.param)
    return request.getfixturevalue(name)


@pytest.fixture(scope="module")
def url():
    with server(MINI) as u:
        yield u


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
