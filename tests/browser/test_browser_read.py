"""The Read page in a real browser: click a highlight, open its claim, come back.

A reader clicks a highlighted passage of the essay, sees the claims that quote
it beside the text, opens one on the Claim page and follows its "Read in
context" link back: the Read page opens at that passage, scrolled into view
and flashed.  A footnote marker scrolls to its note.  Screenshots go to
tests/artifacts/.
"""

from __future__ import annotations

import pytest
from apphelp import ROOT, needs_chromium

ART = ROOT / "tests" / "artifacts"
pytestmark = [pytest.mark.browser, needs_chromium()]
EXCEPTION = '[data-testid="stException"]'


def in_view(page, selector: str) -> bool:
    """Is the element on screen? (The text lives in the component's shadow root, which
    Playwright's locators reach and ``document.querySelector`` does not.)"""
    return page.locator(selector).first.evaluate(
        """(el) => { const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight; }"""
    )


def test_click_a_highlight_open_the_claim_and_read_it_in_context_again(page, essay_url):
    page.goto(f"{essay_url}/read?rd_ch=II")
    page.wait_for_selector(".rv-body mark.rd-q", timeout=60_000)
    mark = page.locator('mark.rd-q[data-q~="lenin-april-theses:0"]').first
    mark.scroll_into_view_if_needed()
    mark.hover()
    assert "Lenin" in (mark.get_attribute("title") or "")  # hovering names the claim
    mark.click()
    panel = page.locator(".st-key-read_panel")
    panel.get_by_text("this passage").wait_for(timeout=20_000)
    assert "claim=lenin-april-theses" in page.url and "quote=0" in page.url
    ART.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ART / "read-panel.png"))

    panel.get_by_role("link", name="Claim").first.click()
    page.get_by_role("heading", name="Claim", exact=True).wait_for(timeout=30_000)
    links = page.get_by_role("link", name="Read in context")
    links.first.wait_for(timeout=30_000)
    links.nth(1).click()  # the claim's second quote
    page.wait_for_selector('mark.rd-q.rd-flash[data-q~="lenin-april-theses:1"]', timeout=20_000)
    assert "quote=1" in page.url
    assert in_view(page, 'mark.rd-q[data-q~="lenin-april-theses:1"]')
    page.screenshot(path=str(ART / "read-in-context.png"))
    assert not page.locator(EXCEPTION).count()
    assert not page.errors


def test_a_footnote_marker_opens_its_note(page, essay_url):
    page.goto(f"{essay_url}/read?rd_ch=I")
    page.wait_for_selector(".rv-body mark.rd-q", timeout=60_000)
    page.locator('a[data-note="5"]').click()
    page.wait_for_timeout(300)
    assert in_view(page, "#note-5")
    assert "Harcave" in page.locator("#note-5").inner_text()
    assert not page.errors


def test_selecting_words_of_the_text_offers_to_put_them_into_the_map(page, essay_url):
    page.goto(f"{essay_url}/read?rd_ch=Introduction")
    page.wait_for_selector(".rv-body mark.rd-q", timeout=60_000)
    page.locator('.rv-body p[data-p="1"]').click(click_count=3)  # select the paragraph
    panel = page.locator(".st-key-read_panel")
    panel.get_by_text("Selected passage").wait_for(timeout=20_000)
    assert "The Russian revolutionary movement" in panel.inner_text()
    # the bundled map is no stored map: the panel says how to edit one
    panel.get_by_text("open a stored map with its edit link").wait_for(timeout=20_000)
    panel.get_by_role("button", name="Clear the selection").click()
    panel.get_by_text("Selected passage").wait_for(state="detached", timeout=20_000)
    assert not page.errors


def test_a_search_hit_in_the_text_opens_its_paragraph_on_the_read_page(page, essay_url):
    page.goto(f"{essay_url}/search?q=Helphand")
    tab = page.get_by_role("tab", name="In the text (1)")
    tab.wait_for(timeout=60_000)
    tab.click()
    hit = page.locator(".st-key-passage-0")
    hit.get_by_text("Helphand").first.wait_for(timeout=20_000)
    ART.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ART / "search-in-text.png"))
    hit.get_by_role("link", name="Read it in the text").click()
    page.wait_for_selector("#p-16.rd-flash", timeout=30_000)
    assert "para=16" in page.url
    assert in_view(page, "#p-16")
    assert "Helphand" in page.locator("#p-16").inner_text()
    page.screenshot(path=str(ART / "read-paragraph.png"))
    page.go_back()  # Back returns to the search, query and all
    page.get_by_role("tab", name="In the text (1)").wait_for(timeout=30_000)
    assert "q=Helphand" in page.url
    assert not page.locator(EXCEPTION).count()
    assert not page.errors
