"""Sessions: an upload belongs to the session that made it, and to no other.

Two AppTest sessions (one process, as two browser tabs share one server) and
two browser contexts against one ``streamlit run`` each upload a different map:
each sees only its own, a third sees the bundled map, and a reset in one does
not touch the other.
"""

from __future__ import annotations

import pytest
from apphelp import (
    MINI,
    PAGES,
    SCRIPT_IDLE,
    goto_page,
    needs_chromium,
    no_exception,
    open_app,
    page_text,
    shown_claims,
    upload_file,
)
from gen import make_data, make_map

from arguments.formats import json as json_format
from arguments.formats import yaml as yaml_format
from arguments.formats.argdown import write as to_argdown
from arguments.loader import load_map
from arguments.models import Map

A = make_map(20, 24, seed=11)
B = make_map(28, 36, seed=12)
MINI_TITLE = load_map(MINI).source.title


def _titled(seed: int, title: str, n: int = 20) -> bytes:
    data = make_data(n, n + 4, seed)
    data["source"]["title"] = title
    return yaml_format.write(Map.model_validate(data)).encode()


def ids(m) -> set[str]:
    return {c.id for c in m.claims}


def test_two_sessions_each_see_only_their_own_upload():
    one, two, three = open_app(MINI), open_app(MINI), open_app(MINI)
    one.file_uploader[0].set_value(("a.yaml", yaml_format.write(A).encode(), "text/yaml")).run()
    two.file_uploader[0].set_value(("b.json", json_format.write(B).encode(), "text/json")).run()
    for at in (one, two, three):
        at.run()
        no_exception(at)
    assert shown_claims(one, "map_view") == ids(A)
    assert shown_claims(two, "map_view") == ids(B)
    assert three.title[0].value == MINI_TITLE
    # every page of each session draws from its own map
    for page in PAGES[1:]:
        for at in (one, two):
            at.switch_page(f"app_pages/{page}.py").run()
            no_exception(at)
    one.switch_page("app_pages/claim.py").run()
    two.switch_page("app_pages/claim.py").run()
    assert set(one.selectbox(key="claim_pick").options) != set(
        two.selectbox(key="claim_pick").options
    )
    assert len(one.selectbox(key="claim_pick").options) == len(A.claims)
    assert len(two.selectbox(key="claim_pick").options) == len(B.claims)


def test_a_reset_or_a_broken_upload_in_one_session_leaves_the_other_alone():
    one, two = open_app(MINI), open_app(MINI)
    one.file_uploader[0].set_value(("a.argdown", to_argdown(A).encode(), "text/plain")).run()
    two.file_uploader[0].set_value(("b.yaml", yaml_format.write(B).encode(), "text/yaml")).run()
    two.button(key="upload_reset").click().run()
    one.run()
    assert two.title[0].value == MINI_TITLE
    assert shown_claims(one, "map_view") == ids(A)
    two.file_uploader[0].set_value(("bad.yaml", b"source: 1\n", "text/yaml")).run()
    one.run()
    assert two.error and not one.error
    assert "bad\\.yaml was not opened" not in page_text(one)


def test_the_same_file_in_two_sessions_is_still_two_sessions():
    data = yaml_format.write(A).encode()
    one, two = open_app(MINI), open_app(MINI)
    for at in (one, two):
        at.file_uploader[0].set_value(("a.yaml", data, "text/yaml")).run()
    one.multiselect(key="f_kinds").set_value(["prediction"]).run()
    two.run()
    assert shown_claims(two, "map_view") == ids(A)  # one's filter is one's own
    assert shown_claims(one, "map_view") == {c.id for c in A.claims if c.kind == "prediction"}


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
