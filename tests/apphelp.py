"""Helpers for the AppTest tests of the Streamlit app (tests/test_app_*.py).

Contract: :func:`open_app` returns an ``AppTest`` of app.py on a given map
(through ``ARGMAP_MAP``) that has run once on the given page; :func:`shown_claims`
reads the claim ids drawn in a diagram (the SVG handed to the viewer
component); :func:`page_text` gathers the visible text of the page;
:func:`server` runs the real ``streamlit run app.py`` for the browser test and
the benchmarks.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
PAGES = (
    "map",
    "read",
    "claim",
    "compare",
    "postulates",
    "verdicts",
    "timeline",
    "search",
    "handout",
)
_CLAIM_ID = re.compile(r'<g id="claim&#45;([^"]+)" class="node claim')


def open_app(
    map_path: Path | str = MINI,
    page: str = "map",
    *,
    claim: str | None = None,
    state: dict | None = None,
    query: dict | None = None,
) -> AppTest:
    os.environ["ARGMAP_MAP"] = str(map_path)
    at = AppTest.from_file(str(APP), default_timeout=60)
    if claim:
        at.query_params["claim"] = claim
    for k, v in (query or {}).items():  # a link's query string
        at.query_params[k] = v
    for k, v in (state or {}).items():
        at.session_state[k] = v
    at.run()
    if page != "map":
        at.switch_page(f"app_pages/{page}.py").run()
    return at


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def viewer_data(at: AppTest, key: str) -> dict:
    """The data the page gave the diagram viewer mounted with ``key``, with the claim
    selected in it (which travels in an element of its own, ``key-selection``)."""
    found: dict | None = None
    selected = {}
    for el in at.get("bidi_component"):
        if el.proto.id.endswith(f"{key}-selection"):
            selected["selected"] = json.loads(el.proto.json)["selected"]
        elif el.proto.id.endswith(key) and found is None:
            found = json.loads(el.proto.json)
    if found is None:
        raise AssertionError(f"no diagram viewer {key!r} on the page")
    return {**found, **selected}


def shown_claims(at: AppTest, key: str) -> set[str]:
    """The claim ids drawn in the diagram ``key`` (read from its SVG)."""
    svg = viewer_data(at, key)["svg"]
    return {m.replace("&#45;", "-") for m in _CLAIM_ID.findall(svg)}


def page_text(at: AppTest) -> str:
    """All text of the page's Markdown, captions, HTML blocks, code and alerts."""
    out = []
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "code",
        "info",
        "warning",
        "error",
        "success",
    ):
        out += [str(e.value) for e in at.get(kind)]
    out += [e.proto.body for e in at.get("html")]
    out += [str(b.label) for b in at.button]
    return "\n".join(out)


def unescape_md(text: str) -> str:
    """Markdown-escaped map text back to plain text (components.text.md adds backslashes)."""
    return re.sub(r"\\(.)", r"\1", text)


# ---------------------------------------------------------------- a real server
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CHROMIUM = shutil.which("chromium")  # Debian's package; playwright's own download fails here


def needs_chromium():
    """The marker of a browser test: skipped, with the reason shown, when no chromium."""
    import pytest

    return pytest.mark.skipif(
        CHROMIUM is None,
        reason="no `chromium` on PATH: install Debian's chromium package to run the browser tests",
    )


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


#: the process of each running server, by URL (a test may kill one)
PROCESSES: dict[str, subprocess.Popen] = {}


@contextmanager
def server(map_path: Path | str, port: int | None = None, *, log=None, env=None):
    """``streamlit run app.py`` on a free port with ARGMAP_MAP=map_path; yields its URL.

    ``log``: a binary file to receive the server's output (to read it afterwards);
    ``env``: more environment variables (e.g. ``ARGMAP_DB``).
    """
    port = port or free_port()
    env = {**os.environ, "ARGMAP_MAP": str(map_path), **(env or {})}
    own_log = log is None
    log = tempfile.TemporaryFile() if own_log else log  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(APP),
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    PROCESSES[url] = proc
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError(
                    "streamlit did not start:\n" + log.read().decode(errors="replace")
                )
            time.sleep(0.2)
        yield url
    finally:
        PROCESSES.pop(url, None)
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        if own_log:
            log.close()


# ---------------------------------------------------------------- in the browser
UPLOAD_INPUT = '[data-testid="stSidebar"] input[type="file"]'
#: the heading each page shows once it has drawn (menu title -> heading)
HEADINGS = {
    "Claim": "Claim",
    "Compare": "Compare two actors",
    "Postulates": "The postulates",
    "Verdicts": "Thesis and verdicts",
    "Timeline": "Timeline",
    "Search": "Search",
}
SCRIPT_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def upload_file(page, name: str, data: bytes, mime: str = "application/octet-stream") -> None:
    """Give the sidebar's file input a file, as a user choosing it would."""
    page.set_input_files(UPLOAD_INPUT, files=[{"name": name, "mimeType": mime, "buffer": data}])


def goto_page(page, title: str) -> None:
    """Follow the sidebar's menu link ``title`` (in the same session: no reload)."""
    page.locator('[data-testid="stSidebarNav"] a', has_text=title).first.click()
