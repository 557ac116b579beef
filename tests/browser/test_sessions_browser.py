"""Sessions in a real browser: two browser contexts against one ``streamlit run`` each
upload a different map and see only their own; a new map starts without the old filters."""

from __future__ import annotations

import pytest
from apphelp import MINI, SCRIPT_IDLE, goto_page, needs_chromium, upload_file
from gen import make_data, make_map

from arguments.formats import yaml as yaml_format
from arguments.loader import load_map
from arguments.models import Map

MINI_TITLE = load_map(MINI).source.title


def _titled(seed: int, title: str, n: int = 20) -> bytes:
    data = make_data(n, n + 4, seed)
    data["source"]["title"] = title
    return yaml_format.write(Map.model_validate(data)).encode()


# ------------------------------------------------------------------ in a real browser
chromium_only = needs_chromium()


def open_tab(browser, url: str):
    """A new browser context (a new Streamlit session) on the Map page."""
    pg = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    pg.goto(url)
    pg.wait_for_selector("g.node.claim", timeout=60_000)
    pg.wait_for_selector(SCRIPT_IDLE, timeout=60_000)
    return pg


def settle(pg) -> None:
    pg.wait_for_timeout(300)  # the rerun a click starts may not have begun yet
    pg.wait_for_selector(SCRIPT_IDLE, timeout=60_000)
    pg.wait_for_load_state("networkidle")


def actors_box(pg):
    return pg.locator(
        '[data-testid="stSidebar"] [data-testid="stMultiSelect"]', has_text="Actors"
    ).first


def pick_actor(pg, name: str) -> None:
    actors_box(pg).locator("input").click()
    pg.keyboard.type(name)
    pg.get_by_role("option", name=name, exact=True).click()
    pg.keyboard.press("Escape")
    settle(pg)


def click_claim(pg, cid: str) -> None:
    pg.locator('button[data-act="fit"]').first.click()
    pg.locator(f'g.node.claim[id="claim-{cid}"]').click()
    pg.wait_for_url(f"**claim={cid}", timeout=30_000)
    settle(pg)


@pytest.fixture
def tabs(browser):
    opened = []
    yield opened
    for pg in opened:
        pg.context.close()


@pytest.mark.browser
@chromium_only
def test_two_browser_sessions_against_one_server_each_see_their_own_map(browser, url, tabs):
    maps = {
        "a": ("Colleague A's map", _titled(21, "Colleague A's map")),
        "b": ("Colleague B's map", _titled(22, "Colleague B's map", 26)),
    }
    pages = {name: open_tab(browser, url) for name in ("a", "b", "c")}
    tabs += pages.values()
    for name, (_title, data) in maps.items():
        upload_file(pages[name], f"{name}.yaml", data)
    for name, (title, _) in maps.items():
        pages[name].get_by_role("heading", name=title, exact=True).wait_for(timeout=60_000)
    # each walks through a few pages; the others stay on their own map
    for title in ("Claim", "Compare", "Search", "Map"):
        for name in ("a", "b"):
            goto_page(pages[name], title)
        for name in ("a", "b"):
            settle(pages[name])
    for name, (title, _) in maps.items():
        pg = pages[name]
        pg.get_by_role("heading", name=title, exact=True).wait_for(timeout=60_000)
        other = maps["b" if name == "a" else "a"][0]
        assert pg.get_by_text(other).count() == 0
        assert pg.locator('[data-testid="stException"]').count() == 0
    pages["c"].reload()
    pages["c"].get_by_role("heading", name=MINI_TITLE, exact=True).wait_for(timeout=60_000)
    assert pages["c"].get_by_text("Colleague").count() == 0
    # a reset in one tab brings back the bundled map there only
    pages["a"].get_by_role("button", name="Reset to mini.yaml").click()
    pages["a"].get_by_role("heading", name=MINI_TITLE, exact=True).wait_for(timeout=60_000)
    goto_page(pages["b"], "Claim")
    settle(pages["b"])
    goto_page(pages["b"], "Map")
    pages["b"].get_by_role("heading", name=maps["b"][0], exact=True).wait_for(timeout=60_000)


@pytest.mark.browser
@chromium_only
def test_a_new_map_opens_without_the_old_filter_and_it_does_not_come_back(browser, url, tabs):
    pg = open_tab(browser, url)
    tabs.append(pg)
    pick_actor(pg, "Lenin")
    assert pg.locator("g.node.claim").count() == 2
    other = make_map(30, 40, seed=3)  # it has a Lenin too
    upload_file(pg, "other.yaml", yaml_format.write(other).encode())
    pg.get_by_role("heading", name=other.source.title, exact=True).wait_for(timeout=60_000)
    settle(pg)
    assert pg.locator("g.node.claim").count() == len(other.claims)
    assert "Lenin" not in actors_box(pg).inner_text()
    click_claim(pg, other.claims[3].id)  # the next rerun: the browser's values
    assert pg.locator("g.node.claim").count() == len(other.claims)
    assert "Lenin" not in actors_box(pg).inner_text()


@pytest.mark.browser
@chromium_only
def test_cleared_filters_stay_cleared_on_the_next_click(browser, url, tabs):
    pg = open_tab(browser, url)
    tabs.append(pg)
    pick_actor(pg, "Lenin")
    pg.get_by_role("button", name="Clear filters").click()
    settle(pg)
    assert pg.locator("g.node.claim").count() == 6
    click_claim(pg, "war-1914")
    assert pg.locator("g.node.claim").count() == 6
    assert "Lenin" not in actors_box(pg).inner_text()
