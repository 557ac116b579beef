"""Helpers for the AppTest tests of the Streamlit app (tests/test_app_*.py).

Contract: :func:`open_app` returns an ``AppTest`` of app.py on a given map
(through ``ARGMAP_MAP``) that has run once on the given page; :func:`shown_claims`
reads the claim ids drawn in a diagram (the SVG handed to the viewer
component); :func:`page_text` gathers the visible text of the page.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
PAGES = ("map", "claim", "compare", "postulates", "verdicts", "timeline", "search")
_CLAIM_ID = re.compile(r'<g id="claim&#45;([^"]+)" class="node claim')


def open_app(map_path: Path | str = MINI, page: str = "map", *, claim: str | None = None,
             state: dict | None = None) -> AppTest:
    os.environ["ARGMAP_MAP"] = str(map_path)
    at = AppTest.from_file(str(APP), default_timeout=60)
    if claim:
        at.query_params["claim"] = claim
    for k, v in (state or {}).items():
        at.session_state[k] = v
    at.run()
    if page != "map":
        at.switch_page(f"app_pages/{page}.py").run()
    return at


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def viewer_data(at: AppTest, key: str) -> dict:
    """The data the page gave the diagram viewer mounted with ``key``."""
    for el in at.get("bidi_component"):
        if el.proto.id.endswith(key) or f"-{key}" in el.proto.id:
            return json.loads(el.proto.json)
    raise AssertionError(f"no diagram viewer {key!r} on the page")


def shown_claims(at: AppTest, key: str) -> set[str]:
    """The claim ids drawn in the diagram ``key`` (read from its SVG)."""
    svg = viewer_data(at, key)["svg"]
    return {m.replace("&#45;", "-") for m in _CLAIM_ID.findall(svg)}


def page_text(at: AppTest) -> str:
    """All text of the page's Markdown, captions, HTML blocks, code and alerts."""
    out = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "code", "info",
                 "warning", "error", "success"):
        out += [str(e.value) for e in at.get(kind)]
    out += [e.proto.body for e in at.get("html")]
    out += [str(b.label) for b in at.button]
    return "\n".join(out)


def unescape_md(text: str) -> str:
    """Markdown-escaped map text back to plain text (components.text.md adds backslashes)."""
    return re.sub(r"\\(.)", r"\1", text)
