"""Maps other tools make, uploaded in a real browser: `streamlit run` driven by headless Chromium.

A real Argdown document (tests/data/argdown), an AIF document as OVA saves it and a Kialo
discussion export (.txt) go through the sidebar's real file input: each opens, the map
draws its claims, every page runs without an exception, and Compare and the Timeline say
in a sentence what the map lacks.  An Argdown document full of texts that would set
``window.__pwned`` runs nothing.  Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import pytest
from apphelp import HEADINGS, ROOT, SCRIPT_IDLE, goto_page, needs_chromium, upload_file
from gen import make_map

from arguments.formats.aif import write as to_aif
from arguments.formats.argdown import escape_text
from arguments.formats.kialo import write as to_kialo
from arguments.loader import load_bytes, load_map

ART = ROOT / "tests" / "artifacts"
EXCEPTION = '[data-testid="stException"]'
pytestmark = [pytest.mark.browser, needs_chromium()]
OTHER = make_map(24, 30, seed=7)
UPLOADS = {
    "argdown": ("populism.argdown", (ROOT / "tests/data/argdown/populism.argdown").read_bytes()),
    "aif": ("ova-analysis.json", to_aif(OTHER).encode("utf-8")),
    "kialo": ("discussion.txt", to_kialo(load_map(ROOT / "claims.yaml")).encode("utf-8")),
}
PWN = [
    "<script>window.__pwned = 'script'</script>",
    "<img src=x onerror=\"window.__pwned = 'img'\">",
    "[click me](javascript:window.__pwned='md-link')",
    "<svg onload=\"window.__pwned = 'svg'\"/>",
]


def idle(page) -> None:
    page.wait_for_selector(SCRIPT_IDLE, timeout=60_000)
    page.wait_for_load_state("networkidle")


def shot(page, name: str) -> None:
    ART.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ART / f"{name}.png"), full_page=True)


def opened(page, url: str, name: str, data: bytes) -> None:
    page.goto(url)
    page.wait_for_selector("g.node.claim", timeout=60_000)
    idle(page)
    upload_file(page, name, data)
    page.locator('[data-testid="stSidebar"]', has_text=name).wait_for(timeout=60_000)
    page.wait_for_selector("g.node.claim", timeout=60_000)
    idle(page)


@pytest.mark.parametrize("fmt", list(UPLOADS))
def test_a_map_another_tool_made_opens_in_the_browser(page, url, fmt):
    name, data = UPLOADS[fmt]
    m = load_bytes(data, name)
    opened(page, url, name, data)
    from playwright.sync_api import expect

    side = page.locator('[data-testid="stSidebar"]')
    expect(side).to_contain_text(f"{len(m.claims)} claims", timeout=60_000)
    assert "uploaded" in side.inner_text()
    expect(page.locator("g.node.claim")).to_have_count(len(m.claims), timeout=60_000)
    shot(page, f"foreign-{fmt}-map")
    for title, heading in HEADINGS.items():
        goto_page(page, title)
        page.get_by_role("heading", name=heading, exact=True).wait_for(timeout=60_000)
        idle(page)
        text = page.locator("body").inner_text()
        if title == "Compare" and fmt != "aif":
            assert "This map names fewer than two actors" in text
        if title == "Timeline" and fmt != "aif":
            assert "This map dates none of its claims" in text
        shot(page, f"foreign-{fmt}-{title.lower()}")
        assert page.locator(EXCEPTION).count() == 0, title
    assert page.errors == [] and page.dialogs == []


def test_hostile_argdown_runs_nothing_and_shows_as_text(page, url):
    heading = escape_text("<i>Section</i> <img src=x onerror=\"window.__pwned = 'h'\">")
    lines = ["===", "title: '<b>Hostile</b> debate'", "===", "", f"# {heading}", ""]
    for i, text in enumerate(PWN):
        lines.append(f"[t{i}]: {escape_text(text)} #(on{i})")
        if i:
            lines.append(f"  - [t{i - 1}]")
        lines.append("")
    data = "\n".join(lines).encode("utf-8")
    assert len(load_bytes(data, "hostile.argdown").claims) == len(PWN)
    opened(page, url, "hostile.argdown", data)
    page.locator('g.node.claim[id="claim-t0"]').click()
    page.locator(".st-key-map_panel").wait_for(timeout=30_000)
    idle(page)
    assert PWN[0] in page.locator(".st-key-map_panel").inner_text()
    for title in ("Claim", "Search"):
        goto_page(page, title)
        idle(page)
    shot(page, "foreign-hostile")
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == [] and page.errors == []
    assert page.locator(EXCEPTION).count() == 0
