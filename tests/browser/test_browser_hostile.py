"""Hostile and oversized uploads in a real browser: `streamlit run` driven by headless Chromium.

The hostile map (tests/hostile.py, plus texts that would set ``window.__pwned``)
is uploaded through the sidebar's real file input; every page is visited and a
hostile claim selected.  No dialog opens, no script of the map runs, its text
shows as text, no page shows a Streamlit exception, and nothing the user
uploaded lands in a file on the server.  Oversized files are refused with a
clear message and the open map stays.  Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import re
import tempfile
import time
import uuid
from pathlib import Path

import pytest
import yaml
from apphelp import HEADINGS, MINI, ROOT, SCRIPT_IDLE, goto_page, needs_chromium, upload_file
from hostile import HOSTILE, hostile_map_data

ART = ROOT / "tests" / "artifacts"
EXCEPTION = '[data-testid="stException"]'
pytestmark = [
    pytest.mark.browser,
    needs_chromium(),
]
#: texts that would set window.__pwned if anything interpreted them as markup or script
PWN = {
    "script": "<script>window.__pwned = 'script'</script>",
    "img": "<img src=x onerror=\"window.__pwned = 'img'\">",
    "svg": "<svg><script>window.__pwned = 'svg'</script></svg>",
    "svg-onload": "<svg onload=\"window.__pwned = 'svg-onload'\"/>",
    "iframe": "<iframe srcdoc=\"<script>parent.__pwned = 'iframe'</script>\"></iframe>",
    "md-link": "[click me](javascript:window.__pwned='md-link')",
    "md-image": '![x](x "y" onerror="window.__pwned=\'md-image\'")',
    "style": "<style>body{display:none}</style><b onmouseover=\"window.__pwned='b'\">b</b>",
    "latex": "$\\href{javascript:window.__pwned='latex'}{x}$",
}
FILENAME = "<img src=x onerror=alert(7)> & 'quoted' {braces}.yaml"  # browsers send " as %22
PAGES = ["Map", "Claim", "Compare", "Postulates", "Verdicts", "Timeline", "Search"]
# every element's attributes, in the document and in open shadow roots, as [tag, name, value]
ATTRIBUTES_JS = """() => {
  const out = [];
  const walk = (root) => root.querySelectorAll('*').forEach((el) => {
    for (const a of el.attributes) out.push([el.tagName.toLowerCase(), a.name, a.value]);
    if (el.shadowRoot) walk(el.shadowRoot);
    if (el.tagName === 'SCRIPT') out.push(['script', '#text', el.textContent]);
  });
  walk(document);
  return out;
}"""
# every text of the page, shadow roots (the diagram) included
TEXT_JS = """() => {
  const parts = [document.body.innerText];
  const walk = (root) => root.querySelectorAll('*').forEach((el) => {
    if (el.shadowRoot) { parts.push(el.shadowRoot.textContent); walk(el.shadowRoot); }
  });
  walk(document);
  return parts.join('\\n');
}"""


def pwn_map(token: str = "") -> bytes:
    """tests/hostile.py's map plus a claim, note and actor for each PWN text, as YAML."""
    data = hostile_map_data()
    data["source"]["description"] = f"{HOSTILE['newlines']} {token}".strip()
    data["actors"].append(
        {"id": "pwn", "name": PWN["img"], "kind": "person", "description": PWN["script"]}
    )
    for i, (name, text) in enumerate(PWN.items()):
        data["claims"].append(
            {
                "id": f"pwn-{name}",
                "kind": "position",
                "actor": "pwn",
                "date": f"{1920 + i}",
                "text": text,
                "topics": ["topic-0"],
                "chapter": "II",
                "quotes": [{"text": text, "cites": PWN["md-link"], "speaker": "pwn"}],
            }
        )
        data["relations"].append(
            {"source": f"pwn-{name}", "target": "claim-0", "kind": "attacks", "note": text}
        )
    return (
        "# hostile\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    ).encode("utf-8")


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1440, "height": 1000})
    # a script the page did not mean to run would call these: record it, never block
    ctx.add_init_script("""
      for (const name of ['alert', 'confirm', 'prompt']) {
        const original = window[name];
        window[name] = function (...args) {
          window.__dialogs = (window.__dialogs || []).concat([name + ': ' + args.join(' ')]);
          return original.apply(window, args);
        };
      }""")
    pg = ctx.new_page()
    pg.dialogs, pg.errors, pg.console_errors = [], [], []
    pg.on("dialog", lambda d: (pg.dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
    yield pg
    ctx.close()


def shot(page, name: str) -> None:
    ART.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ART / f"{name}.png"), full_page=True)


def idle(page) -> None:
    """The script run is over and the page has settled."""
    page.wait_for_selector(SCRIPT_IDLE, timeout=60_000)
    page.wait_for_load_state("networkidle")


def open_app(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("g.node.claim", timeout=60_000)
    idle(page)


def nothing_ran(page) -> None:
    assert page.dialogs == []
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("window.__dialogs") is None
    assert page.errors == []
    assert page.console_errors == []
    assert page.locator(EXCEPTION).count() == 0
    for tag, name, value in page.evaluate(ATTRIBUTES_JS):
        assert not (name.startswith("on") and ("__pwned" in value or "alert(" in value)), (
            tag,
            name,
            value,
        )
        assert not (
            name in ("href", "src", "xlink:href")
            and value.strip().lower().startswith("javascript:")
        ), (tag, name, value)
        if tag == "script" and name == "#text":
            assert "__pwned" not in value and "alert(1)" not in value


def test_a_hostile_map_runs_nothing_and_shows_as_text(page, url):
    open_app(page, url)
    upload_file(page, FILENAME, pwn_map())
    page.get_by_role("heading", name=HOSTILE["script"], exact=False).first.wait_for(timeout=60_000)
    page.wait_for_selector('g.node.claim[id="claim-claim-0"]', timeout=60_000)
    idle(page)
    side = page.locator('[data-testid="stSidebar"]').inner_text()
    assert FILENAME in side and "uploaded" in side
    shot(page, "hostile-map")
    nothing_ran(page)
    # select a hostile claim in the diagram: its text shows in the side panel, as text
    page.locator('g.node.claim[id="claim-claim-0"]').click()
    page.wait_for_url(re.compile(r"[?&]claim=claim-0"), timeout=30_000)
    page.locator(".st-key-map_panel").wait_for(timeout=30_000)
    idle(page)
    panel = page.locator(".st-key-map_panel").inner_text()
    assert HOSTILE["script"] in panel
    shot(page, "hostile-map-selected")
    nothing_ran(page)
    for title in PAGES[1:]:
        goto_page(page, title)
        page.get_by_role("heading", name=HEADINGS[title], exact=True).wait_for(timeout=60_000)
        idle(page)
        page.wait_for_timeout(300)  # components and charts draw after the run
        shot(page, f"hostile-{title.lower()}")
        nothing_ran(page)
        if title == "Claim":  # the selected claim stays selected across the menu
            assert HOSTILE["script"] in page.locator("h3").first.inner_text()
    box = page.get_by_role("textbox", name="Search claims and quotes")
    box.fill("window")
    box.press("Enter")
    page.locator("mark", has_text="window").first.wait_for(timeout=30_000)
    idle(page)
    shot(page, "hostile-search")
    nothing_ran(page)
    goto_page(page, "Map")
    page.wait_for_selector('g.node.claim[id="claim-pwn-svg"]', timeout=60_000)
    idle(page)
    text = page.evaluate(TEXT_JS)
    for literal in (
        "<script>alert(1)</script>",
        PWN["script"],
        "<img src=x onerror=alert(2)>",
        "[click me](javascript:window.__pwned='md-link')",
    ):
        assert literal in text, literal
    nothing_ran(page)


@pytest.mark.parametrize(
    "name", ["long", "emoji", "rtl", "braces", "ampersand", "backslash", "newlines", "graphviz"]
)
def test_a_selected_hostile_claim_shows_its_whole_text(page, url, name):
    open_app(page, url)
    upload_file(page, "hostile.yaml", pwn_map())
    page.get_by_role("heading", name=HOSTILE["script"], exact=False).first.wait_for(timeout=60_000)
    idle(page)
    page.locator('button[data-act="fit"]').first.click()
    cid = f"claim-{list(HOSTILE).index(name)}"
    page.locator(f'g.node.claim[id="claim-{cid}"]').click()
    page.wait_for_url(re.compile(rf"[?&]claim={cid}$"), timeout=30_000)
    page.locator(".st-key-map_panel").wait_for(timeout=30_000)
    idle(page)
    panel = " ".join(page.locator(".st-key-map_panel").inner_text().split())
    assert " ".join(HOSTILE[name].split()) in panel
    if name == "long":
        shot(page, "hostile-long-label")
    nothing_ran(page)


def new_files_holding(token: bytes, roots: list[Path], since: float) -> list[Path]:
    found = []
    for root in roots:
        for path in root.rglob("*"):
            if any(part in (".git", ".venv", "node_modules") for part in path.parts):
                continue
            try:
                if (
                    path.is_file()
                    and path.stat().st_mtime >= since
                    and path.stat().st_size < 50_000_000
                    and token in path.read_bytes()
                ):
                    found.append(path)
            except OSError:
                continue
    return found


def test_the_server_keeps_an_upload_in_memory_only(page, url):
    token = f"upload-token-{uuid.uuid4().hex}"
    since = time.time() - 1
    open_app(page, url)
    upload_file(page, "colleague.yaml", pwn_map(token))
    page.get_by_text(token).first.wait_for(timeout=60_000)
    idle(page)
    for title in ("Claim", "Compare", "Map"):
        goto_page(page, title)
        idle(page)
    assert new_files_holding(token.encode(), [ROOT, Path(tempfile.gettempdir())], since) == []


def test_an_upload_between_2_and_3_mb_gets_the_apps_message(page, url):
    open_app(page, url)
    upload_file(page, "big.yaml", b"# padding\n" * 250_000)  # 2.4 MB
    alert = page.locator('[data-testid="stAlertContentError"]').first
    alert.wait_for(timeout=60_000)
    text = alert.inner_text()
    assert "big.yaml was not opened" in text and "over the 2 MB limit" in text
    assert "2,500,000 bytes" in text and "mini.yaml, stays open" in text
    # the map that stays open is still shown (the alert can come before its rerun ends)
    from playwright.sync_api import expect

    expect(page.get_by_role("heading", name="A small test map")).to_have_count(1, timeout=30_000)
    shot(page, "upload-too-large")
    nothing_ran(page)


def test_an_upload_over_3_mb_is_refused_before_it_reaches_the_app(page, url):
    open_app(page, url)
    upload_file(page, "huge.yaml", b"# padding\n" * 400_000)  # 4 MB
    page.get_by_text(re.compile(r"File must be 3(\.0)?\s?MB or smaller")).wait_for(timeout=30_000)
    idle(page)
    assert page.get_by_role("heading", name="A small test map").count() == 1
    assert "uploaded" not in page.locator('[data-testid="stSidebar"]').inner_text()
    nothing_ran(page)


def test_a_broken_upload_lists_its_problems_and_the_map_stays(page, url):
    open_app(page, url)
    text = MINI.read_text(encoding="utf-8")
    broken = (
        text.replace("actor: lenin\n", "actor: lenim\n", 1)
        .replace("date: 1914-08", "date: 1914-13")
        .replace("A small test map", "<b>not bold</b>", 1)
    )
    upload_file(page, "colleague's map.yaml", broken.encode())
    page.locator('[data-testid="stAlertContentError"]').first.wait_for(timeout=60_000)
    idle(page)
    listing = page.locator('[data-testid="stCode"]').first.inner_text()
    assert "colleague's map.yaml:31:12 [unknown-actor]" in listing
    assert "colleague's map.yaml:59:11 [bad-date]" in listing
    assert "did you mean 'lenin'?" in listing
    assert page.get_by_role("heading", name="A small test map").count() == 1
    shot(page, "upload-problems")
    page.get_by_role("button", name="Dismiss").click()
    page.locator('[data-testid="stAlertContentError"]').first.wait_for(
        state="detached", timeout=30_000
    )
    nothing_ran(page)
