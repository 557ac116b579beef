"""Fixtures shared by the browser tests: one headless Chromium for the whole run,
and a `streamlit run` server on the small map for each test module."""
from __future__ import annotations

import pytest

from apphelp import CHROMIUM, CHROMIUM_ARGS, MINI, server


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
