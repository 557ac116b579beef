"""The editor in AppTest: each form with valid and invalid input, deleting, undo and redo,
the stale-edit refusal, links (open, read-only, unknown), starting maps, diffs, and the
Read page's passage-to-claim actions."""

from __future__ import annotations

import hashlib
import time

import pytest
from apphelp import MINI, ROOT, no_exception, open_app, page_text, unescape_md
from hostile import hostile_map_data
from streamlit.testing.v1 import AppTest

from arguments.documents import load_document
from arguments.loader import load_map
from arguments.models import Map
from arguments.store import Store
from components import stored

BUNDLED = ROOT / "claims.yaml"


@pytest.fixture
def db(tmp_path, monkeypatch):
    """A fresh SQLite store for the app (the app's cached Store is dropped)."""
    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("ARGMAP_DB", url)
    stored.store.clear()
    s = Store(url)
    yield s
    s.close()
    stored.store.clear()


@pytest.fixture
def made(db):
    return db.create(load_map(MINI), "Teacher")


def editing(token: str, page: str = "edit", who: str | None = "Ann") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["map"] = token
    if who:
        at.session_state["who"] = who
    at.run()
    if page != "map":
        at.switch_page(f"app_pages/{page}.py").run()
    no_exception(at)
    return at


def errors(at: AppTest) -> str:
    return unescape_md("\n".join(str(e.value) for e in at.error))


def version(at: AppTest) -> int:
    return at.session_state["stored_map"].version


def test_a_link_opens_the_stored_map_on_every_page(made):
    at = editing(made.view_token, page="map")
    assert "stored, with every version" in page_text(at)
    assert at.session_state["stored_map"].access == "view"
    at.switch_page("app_pages/search.py").run()
    at.text_input(key="q").input("Soviets").run()
    assert "All power to the Soviets" in unescape_md(page_text(at))


def test_an_unknown_token_gets_no_such_map(db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["map"] = "A" * 43
    at.run()
    no_exception(at)
    assert "No such map." in errors(at)
    assert "stored_map" not in at.session_state


def test_a_read_only_link_shows_no_edit_control(made):
    at = editing(made.view_token)
    keys = [
        w.key for kind in ("button", "text_input", "text_area", "selectbox") for w in at.get(kind)
    ]
    assert not [k for k in keys if k and k.startswith("ed_")]
    assert "read-only link" in page_text(at)


def test_the_claim_form_changes_adds_and_refuses_in_the_loaders_words(made):
    at = editing(made.edit_token)
    at.selectbox(key="ed_claim_pick").select("l-april-theses").run()
    assert at.text_area(key="ed_claim_text").value == "All power to the Soviets."
    at.text_area(key="ed_claim_text").input("All power to the Soviets, now.")
    at.button(key="ed_claim_save").click().run()
    no_exception(at)
    assert version(at) == 2
    # invalid: the problem beside its field, in the loader's words; nothing saved
    at.text_input(key="ed_claim_id").input("War 1914")
    at.button(key="ed_claim_save").click().run()
    assert "[bad-id] claims[2].id: an id is a slug" in errors(at)
    assert version(at) == 2
    assert at.text_input(key="ed_claim_id").value == "War 1914"  # the input stays
    # a new claim
    at.selectbox(key="ed_claim_pick").select("__new__").run()
    at.text_input(key="ed_claim_id").input("l-new-claim")
    at.selectbox(key="ed_claim_kind").select("position")
    at.multiselect(key="ed_claim_actors").select("lenin")
    at.text_input(key="ed_claim_date").input("1917-05")
    at.text_input(key="ed_claim_chapter").input("II")
    at.text_area(key="ed_claim_text").input("A new claim.")
    at.button(key="ed_claim_save").click().run()
    no_exception(at)
    assert version(at) == 3
    assert at.session_state["ed_claim_pick"] == "l-new-claim"
    hist = stored.store().history(stored.store().owner(made.map_id))
    assert hist[-1].message == "added the claim l-new-claim" and hist[-1].author == "Ann"
    # a date written wrong
    at.text_input(key="ed_claim_date").input("1917-05-01")
    at.button(key="ed_claim_save").click().run()
    assert "[bad-date]" in errors(at) and "YYYY or YYYY-MM" in errors(at)


def test_the_relation_form(made):
    at = editing(made.edit_token)
    at.segmented_control(key="ed_section").set_value("Relations").run()
    at.selectbox(key="ed_rel_source").select("war-1914")
    at.selectbox(key="ed_rel_kind").select("supports")
    at.selectbox(key="ed_rel_target").select("war-1914")
    at.button(key="ed_rel_save").click().run()
    assert "[self-relation]" in errors(at)
    at.selectbox(key="ed_rel_target").select("l-april-theses")
    at.text_area(key="ed_rel_note").input("The war made it urgent.")
    at.button(key="ed_rel_save").click().run()
    no_exception(at)
    assert version(at) == 2
    assert at.session_state["ed_rel_pick"] == "war-1914 supports l-april-theses"


def test_the_actor_topic_and_source_forms(made):
    at = editing(made.edit_token)
    at.segmented_control(key="ed_section").set_value("Actors").run()
    at.text_input(key="ed_actor_id").input("Kautsky!")
    at.text_input(key="ed_actor_name").input("Karl Kautsky")
    at.button(key="ed_actor_save").click().run()
    assert "[bad-id] actors[3].id" in errors(at)
    at.text_input(key="ed_actor_id").input("kautsky")
    at.button(key="ed_actor_save").click().run()
    assert version(at) == 2
    at.segmented_control(key="ed_section").set_value("Topics").run()
    at.text_input(key="ed_topic_id").input("peasantry")
    at.text_input(key="ed_topic_label").input(" ")
    at.button(key="ed_topic_save").click().run()
    assert "[empty-text] topics[2].label" in errors(at)
    at.text_input(key="ed_topic_label").input("The peasantry")
    at.button(key="ed_topic_save").click().run()
    assert version(at) == 3
    at.segmented_control(key="ed_section").set_value("Source").run()
    at.text_input(key="ed_src_title").input("A renamed map")
    at.button(key="ed_src_save").click().run()
    assert version(at) == 4
    assert at.session_state["stored_map"].title == "A renamed map"


def test_deleting_a_claim_asks_first_and_names_its_relations(made):
    at = editing(made.edit_token)
    at.selectbox(key="ed_claim_pick").select("l-april-theses").run()
    at.button(key="ed_claim_delete").click().run()
    text = unescape_md(page_text(at))
    assert "Delete the claim `l-april-theses`?" in text
    assert (
        "l-april-theses agrees t-proletarian-dictatorship" in text
        or "relation(s) go with it" in text
    )
    assert version(at) == 1  # asked, not done
    at.button(key="ed_confirm_no_claims").click().run()
    assert "Delete the claim" not in page_text(at)
    at.button(key="ed_claim_delete").click().run()
    at.button(key="ed_confirm_yes_claims").click().run()
    no_exception(at)
    assert version(at) == 2
    assert "l-april-theses" not in at.selectbox(key="ed_claim_pick").options


def test_undo_and_redo(made):
    at = editing(made.edit_token)
    assert at.button(key="ed_undo").disabled
    at.selectbox(key="ed_claim_pick").select("war-1914").run()
    at.text_area(key="ed_claim_text").input("Changed.")
    at.button(key="ed_claim_save").click().run()
    at.button(key="ed_undo").click().run()
    assert version(at) == 3
    data = stored.store().open(stored.store().owner(made.map_id)).data
    assert next(c for c in data["claims"] if c["id"] == "war-1914")["text"] != "Changed."
    at.button(key="ed_redo").click().run()
    assert version(at) == 4
    data = stored.store().open(stored.store().owner(made.map_id)).data
    assert next(c for c in data["claims"] if c["id"] == "war-1914")["text"] == "Changed."
    assert at.button(key="ed_redo").disabled


def test_a_stale_edit_is_refused_with_the_diff_and_the_input_stays(made):
    ann = editing(made.edit_token, who="Ann")
    bob = editing(made.edit_token, who="Bob")
    for at in (ann, bob):
        at.selectbox(key="ed_claim_pick").select("war-1914").run()
    ann.text_area(key="ed_claim_text").input("Ann's words.")
    ann.button(key="ed_claim_save").click().run()
    assert version(ann) == 2
    bob.text_area(key="ed_claim_text").input("Bob's words.")
    bob.button(key="ed_claim_save").click().run()
    no_exception(bob)
    text = unescape_md(page_text(bob))
    assert "not saved: the map changed since you opened version 1" in text
    assert "by Ann" in text and "war-1914" in text
    assert bob.text_area(key="ed_claim_text").value == "Bob's words."  # nothing lost
    assert stored.store().head(stored.store().owner(made.map_id)) == 2
    assert version(bob) == 2  # Bob now sees the latest
    bob.button(key="ed_claim_save").click().run()  # saved again, on purpose, on the latest
    assert version(bob) == 3


def test_a_name_is_asked_once(made):
    at = editing(made.edit_token, who=None)
    at.selectbox(key="ed_claim_pick").select("war-1914").run()
    at.text_area(key="ed_claim_text").input("x y z")
    at.button(key="ed_claim_save").click().run()
    assert "Give your name first" in errors(at)
    at.text_input(key="who_input").input("Cleo")
    at.button(key="who_save").click().run()
    at.button(key="ed_claim_save").click().run()
    assert version(at) == 2


def test_history_restore_and_changes(made):
    at = editing(made.edit_token)
    at.selectbox(key="ed_claim_pick").select("war-1914").run()
    at.text_area(key="ed_claim_text").input("Changed.")
    at.button(key="ed_claim_save").click().run()
    at.segmented_control(key="ed_section").set_value("History").run()
    at.selectbox(key="ed_history_pick").select(1).run()
    at.button(key="ed_history_restore").click().run()
    no_exception(at)
    assert version(at) == 3
    at.switch_page("app_pages/changes.py").run()
    no_exception(at)
    at.selectbox(key="chg_old").select(1)
    at.selectbox(key="chg_new").select(2).run()
    text = unescape_md(page_text(at))
    assert "claims: 0 added, 0 removed, 1 changed" in text and "war-1914" in text


def test_starting_maps_never_writes_the_bundled_file(db):
    before = hashlib.sha256(BUNDLED.read_bytes()).hexdigest()
    at = open_app(page="my_maps", state={"who": "Ann"})
    at.text_input(key="maps_title").input("Seminar map")
    at.button(key="maps_start_empty").click().run()
    no_exception(at)
    s = at.session_state["stored_map"]
    assert s.title == "Seminar map" and s.access == "edit"
    at.switch_page("app_pages/edit.py").run()
    at.segmented_control(key="ed_section").set_value("Actors").run()
    at.text_input(key="ed_actor_id").input("me")
    at.text_input(key="ed_actor_name").input("Me")
    at.button(key="ed_actor_save").click().run()
    assert version(at) == 2
    at.switch_page("app_pages/my_maps.py").run()
    at.button(key="maps_start_essay").click().run()
    no_exception(at)
    assert at.session_state["stored_map"].title.startswith("Trotsky")
    at.switch_page("app_pages/edit.py").run()
    at.selectbox(key="ed_claim_pick").select("postulate-4").run()
    at.text_area(key="ed_claim_text").input("Edited in the copy.")
    at.button(key="ed_claim_save").click().run()
    no_exception(at)
    assert version(at) == 2
    assert len(at.session_state["my_maps"]) == 2
    assert hashlib.sha256(BUNDLED.read_bytes()).hexdigest() == before


def test_a_student_map_against_the_teachers(db):
    at = open_app(page="changes")  # the teacher's map is open (mini.yaml)
    assert at.radio(key="chg_mode").options == ["The open map and another"]
    student = MINI.read_text("utf-8").replace("All power to the Soviets.", "Power to the Soviets.")
    at.file_uploader(key="chg_upload").set_value([("student.yaml", student.encode(), "text/yaml")])
    at.run()
    no_exception(at)
    text = unescape_md(page_text(at))
    assert "claims: 0 added, 0 removed, 1 changed" in text
    assert "l-april-theses" in text and "Power to the Soviets." in text


def test_quote_actions_for_the_read_page(db):
    doc = load_document(BUNDLED)
    made = db.create(doc.map, "Teacher", text=doc.text)
    passage = doc.text[2000:2060].strip()

    def read_page(passage: str, token: str) -> None:
        import streamlit as st

        from components import editor, stored

        if "stored_map" not in st.session_state:
            stored.open_token(token)
        editor.quote_actions(passage, key="q")

    at = AppTest.from_function(read_page, args=(passage, made.edit_token), default_timeout=60)
    at.session_state["who"] = "Ann"
    at.run()
    no_exception(at)
    at.selectbox(key="q_claim").select("postulate-4")
    at.button(key="q_add_save").click().run()
    no_exception(at)
    opened = db.open(db.owner(made.map_id))
    assert opened.version == 2
    quotes = next(c for c in opened.data["claims"] if c["id"] == "postulate-4")["quotes"]
    assert quotes[-1] == {"text": passage}
    at.text_input(key="q_id").input("from-a-passage")
    at.multiselect(key="q_actors").select("author")
    at.text_input(key="q_chapter").input("I")
    at.text_area(key="q_text").input("What the passage says.")
    at.button(key="q_new_save").click().run()
    no_exception(at)
    opened = db.open(db.owner(made.map_id))
    assert opened.version == 3
    new = next(c for c in opened.data["claims"] if c["id"] == "from-a-passage")
    assert new["quotes"] == [{"text": passage}]


def test_edit_and_rerender_time_is_printed(made):
    """Not asserted (speed is for bench/): a sanity check that saving stays interactive."""
    at = editing(made.edit_token)
    at.selectbox(key="ed_claim_pick").select("war-1914").run()
    at.text_area(key="ed_claim_text").input("Timed.")
    t = time.perf_counter()
    at.button(key="ed_claim_save").click().run()
    print(f"save and rerun: {time.perf_counter() - t:.3f} s")
    assert version(at) == 2


def test_a_stored_copy_of_the_essay_reads_with_its_text(db):
    doc = load_document(BUNDLED)
    made = db.create(doc.map, "Teacher", text=doc.text)
    at = editing(made.view_token, page="read")
    text = unescape_md(page_text(at))
    assert "699 quotes highlighted" in text or "quotes highlighted" in text
    assert "names no source text" not in text


def test_repeated_bad_links_in_one_session_are_slowed_down(db, monkeypatch):
    slept: list[float] = []
    monkeypatch.setattr(stored.throttle(), "_sleep", slept.append)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for i in range(6):
        at.query_params["map"] = f"{'B' * 42}{i}"
        at.run()
        assert "No such map." in errors(at)
    assert len(slept) == 3 and slept == sorted(slept) and slept[0] > 0


def test_hostile_text_is_stored_and_shown_as_text(db):
    data = hostile_map_data()
    made = db.create(Map.model_validate(data), "<b>Mallory</b>")
    at = editing(made.edit_token)
    cid = data["claims"][0]["id"]
    at.selectbox(key="ed_claim_pick").select(cid).run()
    no_exception(at)
    assert at.text_area(key="ed_claim_text").value == data["claims"][0]["text"]
    at.text_area(key="ed_claim_text").input("<img src=x onerror=alert(1)> and **bold**")
    at.button(key="ed_claim_save").click().run()
    no_exception(at)
    at.segmented_control(key="ed_section").set_value("History").run()
    no_exception(at)
    at.switch_page("app_pages/changes.py").run()
    no_exception(at)
    text = unescape_md(page_text(at))
    assert "<img src=x onerror=alert(1)> and **bold**" in text  # escaped: shown as written
