"""The editor in a real browser: two people editing one map at once (the second is refused,
keeps their input and sees what changed), a read-only link (no edit control; a write the
page no longer allows is refused by the store), two servers sharing one database, and the
server killed (SIGKILL) in the middle of a stream of edits."""

from __future__ import annotations

import os
import signal

import pytest
from apphelp import MINI, PROCESSES, SCRIPT_IDLE, needs_chromium, server
from storehelp import backends, fresh_url

from arguments.loader import load_map
from arguments.store import Store

chromium_only = needs_chromium()
EDIT_CONTROLS = ".st-key-ed_claim_save, .st-key-ed_claim_text, .st-key-ed_undo, .st-key-ed_section"


def settle(pg) -> None:
    pg.wait_for_timeout(300)  # the rerun a click starts may not have begun yet
    pg.wait_for_selector(SCRIPT_IDLE, timeout=60_000)


def open_page(browser, url: str, ready: str):
    pg = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    pg.goto(url)
    pg.wait_for_selector(ready, timeout=60_000)
    settle(pg)
    return pg


def give_name(pg, name: str) -> None:
    pg.locator(".st-key-who_input input").fill(name)
    pg.locator(".st-key-who_save button").click()
    settle(pg)


def pick(pg, key: str, text: str) -> None:
    """Choose an option of a selectbox by typing part of it (the search a user does)."""
    pg.locator(f".st-key-{key} input").click()
    pg.keyboard.type(text)
    pg.get_by_role("option").filter(has_text=text).first.click()
    settle(pg)


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'browser.db'}"
    s = Store(url)
    yield url, s
    s.close()


@pytest.fixture
def pages():
    opened = []
    yield opened
    for pg in opened:
        pg.context.close()


@pytest.mark.browser
@chromium_only
def test_two_editors_at_once_the_second_is_refused_and_keeps_their_input(
    browser, db, pages, tmp_path
):
    url_db, store = db
    made = store.create(load_map(MINI), "Teacher")
    log = (tmp_path / "server.log").open("w+b")
    with server(MINI, env={"ARGMAP_DB": url_db}, log=log) as url:
        ann = open_page(browser, f"{url}/edit?map={made.edit_token}", ".st-key-who_input")
        bob = open_page(browser, f"{url}/edit?map={made.edit_token}", ".st-key-who_input")
        pages += [ann, bob]
        for pg, name in ((ann, "Ann"), (bob, "Bob")):
            give_name(pg, name)
            pick(pg, "ed_claim_pick", "war-1914")
        ann.locator(".st-key-ed_claim_text textarea").fill("Ann's words.")
        ann.locator(".st-key-ed_claim_save button").click()
        settle(ann)
        ann.get_by_text("Version 2 of 2").wait_for(timeout=30_000)
        bob.locator(".st-key-ed_claim_text textarea").fill("Bob's words.")
        bob.locator(".st-key-ed_claim_save button").click()
        settle(bob)
        bob.get_by_text("the map changed since you opened version 1").wait_for(timeout=30_000)
        assert bob.locator(".st-key-ed_stale_box").inner_text().count("war-1914") >= 1
        assert bob.locator(".st-key-ed_claim_text textarea").input_value() == "Bob's words."
        assert store.head(store.owner(made.map_id)) == 2
        bob.screenshot(path=str(tmp_path / "stale.png"))
    log.seek(0)
    text = log.read().decode(errors="replace")
    assert made.edit_token not in text and made.view_token not in text  # never in a log


@pytest.mark.browser
@chromium_only
def test_a_read_only_link_shows_no_edit_control_and_a_forged_write_is_refused(browser, db, pages):
    url_db, store = db
    made = store.create(load_map(MINI), "Teacher")
    with server(MINI, env={"ARGMAP_DB": url_db}) as url:
        viewer = open_page(browser, f"{url}/edit?map={made.view_token}", "h1")
        pages.append(viewer)
        viewer.get_by_text("read-only link").first.wait_for(timeout=30_000)
        assert viewer.locator(EDIT_CONTROLS).count() == 0
        assert viewer.locator('[data-testid="stMain"] textarea').count() == 0
        # a forged edit token finds no map, and shows nothing of it
        forged = made.view_token[:-3] + ("abc" if not made.view_token.endswith("abc") else "xyz")
        guess = open_page(browser, f"{url}/edit?map={forged}", "h1")
        pages.append(guess)
        guess.get_by_text("No such map.").wait_for(timeout=30_000)
        assert guess.locator(EDIT_CONTROLS).count() == 0
        # a tab whose edit link is revoked while its form is open: the store refuses the save
        editor = open_page(browser, f"{url}/edit?map={made.edit_token}", ".st-key-who_input")
        pages.append(editor)
        give_name(editor, "Eve")
        pick(editor, "ed_claim_pick", "war-1914")
        editor.locator(".st-key-ed_claim_text textarea").fill("Should not be saved.")
        store.revoke(store.owner(made.map_id), "edit")
        editor.locator(".st-key-ed_claim_save button").click()
        settle(editor)
        editor.get_by_text("No such map.").first.wait_for(timeout=30_000)
        assert store.head(store.owner(made.map_id)) == 1
        assert editor.locator(EDIT_CONTROLS).count() == 0


@pytest.mark.browser
@chromium_only
@pytest.mark.parametrize("backend", backends())
def test_two_servers_on_one_database_see_each_others_edits(browser, backend, pages, tmp_path):
    url_db = fresh_url(backend, tmp_path)
    store = Store(url_db)
    made = store.create(load_map(MINI), "Teacher")
    with (
        server(MINI, env={"ARGMAP_DB": url_db}) as one,
        server(MINI, env={"ARGMAP_DB": url_db}) as two,
    ):
        assert one != two
        reader = open_page(browser, f"{two}/claim?claim=war-1914&map={made.view_token}", "h1")
        editor = open_page(browser, f"{one}/edit?map={made.edit_token}", ".st-key-who_input")
        pages += [reader, editor]
        give_name(editor, "Ann")
        pick(editor, "ed_claim_pick", "war-1914")
        editor.locator(".st-key-ed_claim_text textarea").fill("Edited on the first server.")
        editor.locator(".st-key-ed_claim_save button").click()
        settle(editor)
        editor.get_by_text("Version 2 of 2").wait_for(timeout=30_000)
        # the second server, on its next run, shows the new version
        reader.goto(f"{two}/claim?claim=war-1914&map={made.view_token}")
        reader.get_by_text("Edited on the first server.").first.wait_for(timeout=30_000)
    store.close()


@pytest.mark.browser
@chromium_only
def test_killing_the_server_mid_stream_loses_no_saved_version(browser, db, pages):
    url_db, store = db
    made = store.create(load_map(MINI), "Teacher")
    reported: list[int] = []
    with server(MINI, env={"ARGMAP_DB": url_db}) as url:
        pg = open_page(browser, f"{url}/edit?map={made.edit_token}", ".st-key-who_input")
        pages.append(pg)
        give_name(pg, "Ann")
        pick(pg, "ed_claim_pick", "war-1914")
        for i in range(6):
            pg.locator(".st-key-ed_claim_text textarea").fill(f"Edit number {i}.")
            pg.locator(".st-key-ed_claim_save button").click()
            if i == 5:  # in the middle of the stream: the last save is on its way
                os.kill(PROCESSES[url].pid, signal.SIGKILL)
                break
            pg.get_by_text(f"Version {i + 2} of {i + 2}").wait_for(timeout=30_000)
            reported.append(i + 2)
            settle(pg)
    after = Store(url_db)
    g = after.owner(made.map_id)
    hist = after.history(g)
    assert [v.number for v in hist] == list(range(1, len(hist) + 1))
    assert hist[-1].number >= reported[-1] == 6
    for n in reported:
        text = next(c for c in after.open(g, n).data["claims"] if c["id"] == "war-1914")["text"]
        assert text == f"Edit number {n - 2}."
    with after.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    after.close()
