"""Fixtures of the browser tests: a tab, and the app served on the bundled map.

``page``: a fresh Chromium context at 1440 x 1000 (downloads accepted) whose page records
its script errors in ``page.errors`` and its dialogs in ``page.dialogs`` (each dismissed:
a test fails on them, it never blocks on one).  ``essay_url``: ``streamlit run`` on
claims.yaml, once per test module.  A module that needs more (an init script, console
errors) defines its own ``page``.
"""

from __future__ import annotations

import pytest
from apphelp import ROOT, server


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    pg = ctx.new_page()
    pg.errors, pg.dialogs = [], []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    ctx.close()


@pytest.fixture(scope="module")
def essay_url():
    with server(ROOT / "claims.yaml") as u:
        yield u
