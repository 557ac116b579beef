"""The app in a real browser: Back after a search, the URL of a view and Back through
views, a timeline click opening its claim beside the chart, a claim click's panel, and
diagrams that open readable with the chosen claim in the middle.  Screenshots go to
tests/artifacts/."""

from __future__ import annotations

import re

import pytest
from apphelp import ROOT, SCRIPT_IDLE, needs_chromium

ART = ROOT / "tests" / "artifacts"
ESSAY = ROOT / "claims.yaml"
pytestmark = [pytest.mark.browser, needs_chromium()]
READABLE_PX = 11


def settle(pg) -> None:
    pg.wait_for_timeout(300)  # the rerun a click starts may not have begun yet
    pg.wait_for_selector(SCRIPT_IDLE, timeout=60_000)


def shot(pg, name: str) -> None:
    ART.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ART / f"{name}.png"))


def search_box(pg):
    return pg.get_by_role("textbox", name=re.compile(r"^Search claims, quotes"))


def test_back_after_opening_a_search_result_returns_to_the_search(page, essay_url):
    page.goto(f"{essay_url}/search")
    search_box(page).wait_for(timeout=60_000)
    settle(page)
    search_box(page).fill("postulate 4")
    search_box(page).press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=postulate"), timeout=30_000)
    settle(page)
    first = page.get_by_role("button", name=re.compile("Having seized power")).first
    first.wait_for(timeout=30_000)
    first.click()
    page.wait_for_url(re.compile(r"/claim\?claim=postulate-4"), timeout=30_000)
    settle(page)
    page.go_back()
    page.wait_for_url(re.compile(r"/search\?q=postulate"), timeout=30_000)
    settle(page)
    assert search_box(page).input_value() == "postulate 4"
    page.get_by_role("button", name=re.compile("Having seized power")).first.wait_for()
    shot(page, "search-back")
    # the menu brings the search back too
    page.locator('[data-testid="stSidebarNav"] a', has_text="Claim").first.click()
    settle(page)
    page.locator('[data-testid="stSidebarNav"] a', has_text="Search").first.click()
    settle(page)
    assert search_box(page).input_value() == "postulate 4"
    assert not page.errors


def test_a_shared_search_link_opens_the_search(page, essay_url):
    page.goto(f"{essay_url}/search?q=Brest-Litovsk")
    page.get_by_role("button", name=re.compile("accept the German peace terms")).first.wait_for(
        timeout=60_000
    )
    assert search_box(page).input_value() == "Brest-Litovsk"


def test_filters_are_in_the_url_and_back_goes_to_the_previous_view(page, essay_url):
    page.goto(f"{essay_url}/?actor=lenin")
    page.wait_for_selector("g.node.claim", timeout=60_000)
    settle(page)
    lenin = page.locator("g.node.claim").count()
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]', has_text="Actors")
    assert "Lenin" in box.first.inner_text()
    page.get_by_text("Include undated author claims").click()
    page.wait_for_url(re.compile(r"undated=0"), timeout=30_000)
    settle(page)
    assert "actor=lenin" in page.url
    page.go_back()
    page.wait_for_url(re.compile(r"\?actor=lenin$"), timeout=30_000)
    settle(page)
    assert page.get_by_role("checkbox", name="Include undated author claims").is_checked()
    assert page.locator("g.node.claim").count() == lenin
    assert not page.errors


def test_clicking_a_timeline_point_opens_the_claim_beside_the_chart(page, essay_url):
    page.goto(f"{essay_url}/timeline")
    point = page.locator(
        '[data-testid="stVegaLiteChart"] g.mark-symbol path[aria-label*="The Treaty of Brest-Litovsk"]'
    ).first
    point.wait_for(timeout=60_000)
    settle(page)
    point.click()
    page.wait_for_url(re.compile(r"claim=brest-litovsk-treaty"), timeout=30_000)
    panel = page.locator(".st-key-timeline_panel")
    panel.get_by_text("cost Russia over a quarter of its population", exact=False).first.wait_for(
        timeout=30_000
    )
    chart = page.locator('[data-testid="stVegaLiteChart"]').first.bounding_box()
    box = panel.bounding_box()
    assert chart and box
    assert box["x"] >= chart["x"] + chart["width"] - 5, "the claim is beside the chart"
    assert box["y"] < 1000, "the claim is in view without scrolling"
    shot(page, "timeline-beside")
    assert not page.errors


def test_a_claim_click_shows_its_panel(page, essay_url):
    page.goto(f"{essay_url}/?focus=postulate-4")
    node = page.locator('g.node.claim[id="claim-postulate-4"]')
    node.wait_for(timeout=60_000)
    settle(page)
    node.click()
    page.wait_for_url(re.compile(r"claim=postulate-4"), timeout=30_000)
    page.locator(".st-key-map_panel").get_by_text("Having seized power").first.wait_for(
        timeout=30_000
    )


def body_text_px(pg, viewer: int = 0) -> float:
    """The on-screen size of a claim's body text in the ``viewer``-th diagram."""
    return (
        pg.locator(".am-view")
        .nth(viewer)
        .evaluate(
            """(view) => {
        const t = [...view.querySelectorAll('g.node.claim text')]
            .sort((a, b) => b.getBoundingClientRect().height - a.getBoundingClientRect().height)[0];
        const ctm = t.getScreenCTM();
        return parseFloat(t.getAttribute('font-size') || '14') * Math.hypot(ctm.a, ctm.b);
    }"""
        )
    )


def centre_offset(pg, cid: str, viewer: int = 0) -> tuple[float, float]:
    """How far claim ``cid`` sits from the middle of its diagram's view, as shares of it."""
    return (
        pg.locator(".am-view")
        .nth(viewer)
        .evaluate(
            """(view, cid) => {
        const v = view.getBoundingClientRect();
        const g = view.querySelector(`g.node.claim[id="claim-${cid}"]`).getBoundingClientRect();
        return [(g.left + g.width / 2 - v.left - v.width / 2) / v.width,
                (g.top + g.height / 2 - v.top - v.height / 2) / v.height];
    }""",
            cid,
        )
    )


@pytest.mark.parametrize(
    "path, centred",
    [
        ("claim?claim=lenin-accept-german-terms", "lenin-accept-german-terms"),
        ("?focus=postulate-4&depth=2", "postulate-4"),
        ("postulates?postulate=4", None),
        ("verdicts", None),
        ("compare", None),
        ("", None),
    ],
)
def test_diagrams_open_readable_with_the_chosen_claim_in_the_middle(page, essay_url, path, centred):
    page.goto(f"{essay_url}/{path}")
    page.wait_for_selector("g.node.claim", timeout=60_000)
    settle(page)
    page.wait_for_timeout(500)  # panzoom applies its transform on the next frame
    assert body_text_px(page) >= READABLE_PX - 0.05
    if centred:
        dx, dy = centre_offset(page, centred)
        assert abs(dx) < 0.1 and abs(dy) < 0.15, (dx, dy)
    shot(page, f"readable-{path.split('?')[0] or 'map'}")
