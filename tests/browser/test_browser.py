"""The app in a real browser: `streamlit run app.py` driven by headless Chromium.

Opens every page, clicks a claim node of the map and sees its detail (without a
page reload), follows a relation, searches, downloads a diagram, and checks that
no page shows a Streamlit exception.  Screenshots go to tests/artifacts/.
Skipped, with the reason shown, only when no `chromium` is on the PATH.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from apphelp import ROOT, needs_chromium

ART = ROOT / "tests" / "artifacts"
pytestmark = [
    pytest.mark.browser,
    needs_chromium(),
]
PAGES = {
    "": "A small test map",
    "claim": "Claim",
    "compare": "Compare two actors",
    "postulates": "The postulates",
    "verdicts": "Thesis and verdicts",
    "timeline": "Timeline",
    "search": "Search",
}
EXCEPTION = '[data-testid="stException"]'


def expect(locator):
    from playwright.sync_api import expect as _expect

    return _expect(locator)


def shot(page, name: str) -> None:
    ART.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ART / f"{name}.png"), full_page=True)


def open_page(page, url: str, path: str = "", heading: str | None = None) -> None:
    page.goto(f"{url}/{path}")
    page.wait_for_selector("h1", timeout=60_000)
    if heading:
        page.get_by_role("heading", name=heading, exact=True).wait_for(timeout=60_000)
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_opens_without_an_exception(page, url, path):
    open_page(page, url, path, PAGES[path])
    if path in ("", "compare", "postulates", "verdicts"):
        page.wait_for_selector("g.node.claim", timeout=60_000)
    page.wait_for_timeout(500)
    shot(page, f"page-{path or 'map'}")
    assert page.locator(EXCEPTION).count() == 0
    assert not page.errors


def test_clicking_a_node_selects_it_and_shows_its_detail(page, url):
    open_page(page, url, "", PAGES[""])
    node = page.locator('g.node.claim[id="claim-war-1914"]')
    node.wait_for(timeout=60_000)
    page.evaluate("window.__sameDocument = true")
    node.click()
    page.wait_for_url(re.compile(r"[?&]claim=war-1914"), timeout=30_000)
    page.get_by_text(
        "World War One permanently divided the international labor movement", exact=False
    ).first.wait_for(timeout=30_000)
    assert page.evaluate("window.__sameDocument === true"), "the click reloaded the page"
    assert "am-selected" in (node.get_attribute("class") or "")
    shot(page, "map-selected")
    # the selection is in the URL: opening it again shows the same claim
    page.reload()
    page.get_by_text("World War One permanently divided", exact=False).first.wait_for(
        timeout=60_000
    )
    assert page.locator(EXCEPTION).count() == 0
    assert not page.errors


def inside(page) -> bool:
    """Whether the whole drawing lies inside the first diagram's view."""
    return page.locator(".am-view").first.evaluate(
        """(view) => {
        const v = view.getBoundingClientRect();
        const d = view.querySelector('g.am-scene').getBoundingClientRect();
        return d.left >= v.left - 1 && d.right <= v.right + 1 && d.top >= v.top - 1
            && d.bottom <= v.bottom + 1;
    }"""
    )


def test_zoom_controls_change_the_scale(page, url):
    open_page(page, url, "", PAGES[""])
    page.wait_for_selector("g.node.claim", timeout=60_000)
    label = page.locator(".am-zoom").first
    before = label.inner_text()
    page.locator('button[data-act="in"]').first.click()
    expect(label).not_to_have_text(before)
    page.locator('button[data-act="actual"]').first.click()
    expect(label).to_have_text("100%")
    page.locator('button[data-act="fit"]').first.click()
    page.wait_for_timeout(300)
    assert inside(page)
    # the mouse wheel zooms (panzoom)
    page.locator(".am-view svg").first.hover()
    fitted = label.inner_text()
    page.mouse.wheel(0, -400)
    expect(label).not_to_have_text(fitted)


def test_a_relation_leads_to_the_related_claim(page, url):
    open_page(page, url, "claim?claim=l-april-theses", "Claim")
    page.get_by_role("button", name=re.compile(r"Lenin, 1905: The revolution")).first.click()
    page.wait_for_url(re.compile(r"claim=l-democratic-dictatorship"), timeout=30_000)
    page.get_by_text(
        "democratic dictatorship of the proletariat and the peasantry"
    ).first.wait_for()
    shot(page, "claim-followed")
    assert page.locator(EXCEPTION).count() == 0


def test_search_highlights_and_opens_a_claim(page, url):
    open_page(page, url, "search", "Search")
    box = page.get_by_role("textbox", name="Search claims and quotes")
    box.fill("soviets")
    box.press("Enter")
    page.locator("mark", has_text="Soviets").first.wait_for(timeout=30_000)
    shot(page, "search-soviets")
    page.get_by_role("button", name=re.compile("All power to the Soviets")).first.click()
    page.wait_for_url(re.compile(r"/claim\?claim=l-april-theses"), timeout=30_000)
    assert page.locator(EXCEPTION).count() == 0


def test_a_diagram_downloads_as_a_named_svg_file(page, url):
    open_page(page, url, "", PAGES[""])
    page.wait_for_selector("g.node.claim", timeout=60_000)
    page.get_by_role("button", name=re.compile("Download")).first.click()
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=re.compile(r"SVG$")).first.click()
    download = info.value
    assert download.suggested_filename == "map.svg"
    data = Path(download.path()).read_bytes()
    assert b"<svg" in data and b"claim&#45;war&#45;1914" in data
    # a table and a file for another tool, from the same menu, named after the view
    for label, name, head in [
        ("Claims (CSV)", "map-claims.csv", b"\xef\xbb\xbfid,"),
        ("Argdown", "map.argdown", b""),
    ]:
        with page.expect_download(timeout=60_000) as info:
            page.get_by_role("button", name=re.compile(re.escape(label) + "$")).first.click()
        assert info.value.suggested_filename == name
        assert Path(info.value.path()).read_bytes().startswith(head)


def test_clicking_a_point_of_the_timeline_shows_its_claim(page, url):
    open_page(page, url, "timeline", "Timeline")
    point = page.locator(
        '[data-testid="stVegaLiteChart"] g.mark-symbol path[aria-label*="The war broke out"]'
    ).first
    point.wait_for(timeout=60_000)
    point.click()
    page.wait_for_url(re.compile(r"claim=war-1914"), timeout=30_000)
    page.get_by_text("World War One permanently divided", exact=False).first.wait_for(
        timeout=30_000
    )
    shot(page, "timeline-selected")
    assert page.locator(EXCEPTION).count() == 0
