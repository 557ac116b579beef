"""The store on both backends: versions, deltas, restore, undo and redo, stale edits, links,
refusals, drafts and the Read page's passage-to-claim calls."""

from __future__ import annotations

import copy

import pytest
import sqlalchemy as sa
from hostile import hostile_map_data
from storehelp import essay_data

from arguments.errors import MapError
from arguments.loader import load_map
from arguments.models import Map
from arguments.store import Edit, NoSuchMap, ReadOnly, Stale, Store, StoreError
from arguments.store import schema as tables
from arguments.store.check import canonical
from arguments.store.db import current_revision, head_revision

ROOT_MINI = "tests/fixtures/mini.yaml"


def mini() -> dict:
    return canonical(load_map(ROOT_MINI))


def claim_of(data: dict, cid: str) -> dict:
    return next(c for c in data["claims"] if c["id"] == cid)


def retext(data: dict, cid: str, text: str) -> Edit:
    return Edit.put("claims", {**claim_of(data, cid), "text": text}, cid)


def test_migrations_build_the_schema_from_an_empty_database(store):
    with store.engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        names = set(sa.inspect(conn).get_table_names())
    assert {t.name for t in tables.TABLES} <= names
    # the migration builds what the tables say
    with store.engine.connect() as conn:
        insp = sa.inspect(conn)
        for t in tables.TABLES:
            assert {c["name"] for c in insp.get_columns(t.name)} == set(t.c.keys()), t.name
    Store(store.url).close()  # a second start finds nothing to do


def test_import_open_and_versions_numbered_from_one(store):
    made = store.create(mini(), "Ann")
    assert made.version == 1
    g = store.grant(made.edit_token)
    opened = store.open(g)
    assert opened.version == opened.head == 1 and opened.map is not None
    assert opened.data == mini()
    saved = store.edit(g, 1, retext(opened.data, "l-april-theses", "All power!"), "Bob")
    assert saved.version == 2
    assert saved.message == "changed the text of l-april-theses"
    hist = store.history(g)
    assert [v.number for v in hist] == [1, 2]
    assert [v.author for v in hist] == ["Ann", "Bob"]
    assert hist[1].step == "edit" and hist[1].base == 1
    assert claim_of(store.open(g).data, "l-april-theses")["text"] == "All power!"
    assert claim_of(store.open(g, 1).data, "l-april-theses")["text"] == "All power to the Soviets."


def test_every_old_version_is_read_back_through_snapshots_and_deltas(store):
    data = mini()
    made = store.create(data, "Ann")
    g = store.grant(made.edit_token)
    expected = {1: copy.deepcopy(data)}
    for n in range(2, 112):
        data = store.open(g).data
        store.edit(g, n - 1, retext(data, "t-war-revolution", f"text number {n}"), "Ann")
        expected[n] = store.open(g).data
    fresh = Store(store.url)  # no cache: every version from the database
    g2 = fresh.owner(made.map_id)
    for n in (1, 2, 19, 20, 21, 49, 50, 51, 99, 100, 101, max(expected)):
        assert fresh.open(g2, n).data == expected[n], n
    with fresh.engine.connect() as conn:
        snaps = conn.execute(
            sa.select(tables.versions.c.number).where(tables.versions.c.snapshot.is_not(None))
        ).scalars()
        assert sorted(snaps) == [
            1,
            *range(tables.SNAPSHOT_EVERY, max(expected) + 1, tables.SNAPSHOT_EVERY),
        ]
    fresh.close()


def test_restore_makes_a_new_version(store):
    made = store.create(mini(), "Ann")
    g = store.grant(made.edit_token)
    store.edit(g, 1, retext(mini(), "l-april-theses", "changed"), "Ann")
    saved = store.restore(g, 2, 1, "Bob")
    assert saved.version == 3 and saved.message == "restored version 1"
    assert store.open(g).data == mini()
    assert [v.step for v in store.history(g)] == ["import", "edit", "restore"]


def test_undo_and_redo_step_through_versions(store):
    made = store.create(mini(), "Ann")
    g = store.grant(made.edit_token)
    contents = [mini()]
    for i in range(3):
        store.edit(g, i + 1, retext(store.open(g).data, "l-april-theses", f"v{i + 2}"), "Ann")
        contents.append(store.open(g).data)
    text = lambda: claim_of(store.open(g).data, "l-april-theses")["text"]  # noqa: E731
    assert store.undo(g, 4, "Ann").version == 5 and text() == "v3"
    assert store.undo(g, 5, "Ann").version == 6 and text() == "v2"
    assert store.redo(g, 6, "Ann").version == 7 and text() == "v3"
    assert store.redo(g, 7, "Ann").version == 8 and text() == "v4"
    with pytest.raises(StoreError, match="nothing to redo"):
        store.redo(g, 8, "Ann")
    assert store.undo(g, 8, "Ann").version == 9 and text() == "v3"
    store.edit(g, 9, retext(store.open(g).data, "l-april-theses", "new"), "Ann")
    assert store.can_step(g, 10) == (True, False)  # a new edit forgets what could be redone
    for n in range(10, 13):
        store.undo(g, n, "Ann")
    assert store.open(g).data == contents[0]
    with pytest.raises(StoreError, match="nothing to undo"):
        store.undo(g, 13, "Ann")
    assert store.history(g)[4].message.startswith("undo: changed the text of")


def test_a_stale_edit_is_refused_with_what_changed(store):
    made = store.create(mini(), "Ann")
    g = store.grant(made.edit_token)
    base = store.open(g).data
    store.edit(g, 1, retext(base, "l-april-theses", "Bob's text"), "Bob")
    with pytest.raises(Stale) as err:
        store.edit(g, 1, retext(base, "t-war-revolution", "Ann's text"), "Ann")
    stale = err.value
    assert (stale.base, stale.head, stale.by) == (1, 2, ("Bob",))
    assert [c.id for c in stale.changes.claims.changed] == ["l-april-theses"]
    assert "changed since you opened version 1" in str(stale)
    assert store.open(g).version == 2  # nothing written
    for call in (
        lambda: store.undo(g, 1, "Ann"),
        lambda: store.restore(g, 1, 1, "Ann"),
        lambda: store.save(g, base, "Ann", base=1),
    ):
        with pytest.raises(Stale):
            call()


def test_a_view_token_cannot_write_through_any_call(store):
    made = store.create(mini(), "Ann")
    view = store.grant(made.view_token)
    assert view.access == "view" and not view.can_edit
    data = mini()
    writes = [
        lambda: store.edit(view, 1, retext(data, "l-april-theses", "x"), "Eve"),
        lambda: store.save(view, data, "Eve"),
        lambda: store.restore(view, 1, 1, "Eve"),
        lambda: store.undo(view, 1, "Eve"),
        lambda: store.redo(view, 1, "Eve"),
        lambda: store.reissue(view, "edit"),
        lambda: store.revoke(view, "edit"),
        lambda: store.add_quote(made.map_id, made.view_token, 1, "l-april-theses", "x", "Eve"),
        lambda: store.new_claim(made.map_id, made.view_token, 1, {"id": "x"}, "x", "Eve"),
    ]
    for write in writes:
        with pytest.raises(ReadOnly):
            write()
    assert store.open(view).version == 1
    assert len(store.history(store.owner(made.map_id))) == 1


def test_unknown_forged_and_revoked_tokens_find_no_map(store):
    made = store.create(mini(), "Ann")
    other = store.create(mini(), "Bob")
    guesses = [
        "",
        "x",
        made.edit_token[:-1] + ("A" if made.edit_token[-1] != "A" else "B"),
        made.edit_token.upper(),
        "A" * 43,
        "../../etc/passwd",
        "' OR 1=1 --",
        made.map_id,
    ]
    for token in guesses:
        with pytest.raises(NoSuchMap, match=r"^no such map$"):
            store.grant(token)
    with pytest.raises(NoSuchMap):  # a real token of another map
        store.grant(other.edit_token, made.map_id)
    g = store.grant(made.edit_token)
    new_view = store.reissue(g, "view")
    with pytest.raises(NoSuchMap):
        store.grant(made.view_token)
    assert store.grant(new_view).access == "view"
    store.revoke(g, "edit")
    with pytest.raises(NoSuchMap):
        store.grant(made.edit_token)
    assert store.live_links(store.owner(made.map_id)) == {"edit": False, "view": True}
    with pytest.raises(NoSuchMap):
        store.owner("nosuchmap")


def test_tokens_are_kept_only_as_hashes(store):
    made = store.create(mini(), "Ann")
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(tables.links)).all()
    dump = repr(rows)
    assert made.edit_token not in dump and made.view_token not in dump
    assert all(len(r.token_hash) == 64 for r in rows)


def count_rows(store: Store) -> tuple[int, int]:
    with store.engine.connect() as conn:
        return (
            conn.execute(sa.select(sa.func.count()).select_from(tables.maps)).scalar_one(),
            conn.execute(sa.select(sa.func.count()).select_from(tables.versions)).scalar_one(),
        )


def test_an_invalid_map_is_refused_in_the_loaders_words_and_stores_nothing(store):
    bad = mini()
    bad["claims"][0]["actors"] = ["lenni"]
    with pytest.raises(MapError) as err:
        store.create(bad, "Ann", filename="bad.json")
    assert err.value.codes == ["unknown-actor"]
    assert "no actor has the id 'lenni'" in str(err.value)
    assert count_rows(store) == (0, 0)
    made = store.create(mini(), "Ann")
    g = store.grant(made.edit_token)
    with pytest.raises(MapError) as err:
        store.edit(g, 1, retext(mini(), "l-april-theses", "   "), "Ann")
    assert err.value.problems[0].path.endswith(".text")
    assert err.value.codes == ["empty-text"]
    assert count_rows(store) == (1, 1)


def test_a_map_too_big_is_refused_and_stores_nothing(store):
    big = mini()
    big["claims"] = [
        {**big["claims"][1], "id": f"claim-{i}", "text": "x" * 19_000} for i in range(600)
    ]
    with pytest.raises(MapError) as err:
        store.create(big, "Ann")
    assert err.value.codes == ["file-too-large"]
    assert count_rows(store) == (0, 0)


def test_the_essay_keeps_its_text_and_quotes_are_checked_against_it(store):
    data, text = essay_data()
    made = store.create(data, "Ann", text=text)
    g = store.grant(made.edit_token)
    opened = store.open(g)
    assert opened.text == text and opened.data == data
    cid = data["claims"][5]["id"]
    with pytest.raises(MapError) as err:
        store.add_quote(made.map_id, made.edit_token, 1, cid, "words the essay never wrote", "Ann")
    assert err.value.codes == ["quote-not-in-source"]
    passage = text[1000:1080].strip()
    saved = store.add_quote(made.map_id, made.edit_token, 1, cid, passage, "Ann")
    assert saved.message == f"added a quote to {cid}"
    assert claim_of(store.open(g).data, cid)["quotes"][-1] == {"text": passage}
    fields = {
        "id": "a-new-claim",
        "kind": "interpretation",
        "actors": [data["claims"][5]["actors"][0]],
        "chapter": data["claims"][5]["chapter"],
        "date": data["claims"][5].get("date"),
        "text": "A new claim made from a passage.",
    }
    saved = store.new_claim(made.map_id, made.edit_token, 2, fields, passage, "Ann")
    assert saved.version == 3 and saved.message == "added the claim a-new-claim"
    assert claim_of(store.open(g).data, "a-new-claim")["quotes"] == [{"text": passage}]
    with pytest.raises(NoSuchMap):  # the token must be this map's
        store.add_quote("otherid", made.edit_token, 3, cid, passage, "Ann")


def test_hostile_text_is_stored_and_read_back_as_it_is(store):
    data = canonical(load_map_data(hostile_map_data()))
    made = store.create(data, "<script>alert('who')</script>")
    g = store.grant(made.edit_token)
    assert store.open(g).data == data
    assert store.history(g)[0].author == "<script>alert('who')</script>"
    c = data["claims"][0]
    store.edit(g, 1, Edit.put("claims", {**c, "text": "'; DROP TABLE maps; --"}, c["id"]), "x")
    assert claim_of(store.open(g).data, c["id"])["text"] == "'; DROP TABLE maps; --"
    assert count_rows(store)[0] == 1


def load_map_data(data: dict) -> Map:
    return Map.model_validate(data)


def test_a_map_starts_empty_and_grows_claim_by_claim(store):
    empty = {"source": {"title": "A new map"}, "actors": [], "topics": [], "claims": []}
    made = store.create(empty, "Ann")
    g = store.grant(made.edit_token)
    assert store.open(g).map is None
    store.edit(g, 1, Edit.put("actors", {"id": "ann", "name": "Ann", "kind": "person"}), "Ann")
    with pytest.raises(MapError) as err:  # a draft is checked like a map
        store.edit(g, 2, Edit.put("topics", {"id": "Bad Id", "label": "x"}), "Ann")
    assert err.value.codes == ["bad-id"]
    claim = {"id": "c1", "kind": "position", "actors": ["ann"], "chapter": "1", "text": "A claim"}
    store.edit(g, 2, Edit.put("claims", claim), "Ann")
    opened = store.open(g)
    assert opened.map is not None and opened.map.claims[0].id == "c1"
    store.edit(g, 3, Edit.delete("claims", "c1"), "Ann")
    assert store.open(g).map is None


def test_renaming_and_deleting_keep_the_map_whole(store):
    made = store.create(mini(), "Ann")
    g = store.grant(made.edit_token)
    data = store.open(g).data
    old = claim_of(data, "l-april-theses")
    store.edit(g, 1, Edit.put("claims", {**old, "id": "lenin-april"}, "l-april-theses"), "Ann")
    data = store.open(g).data
    ends = [(r["source"], r["target"], r.get("reason")) for r in data["relations"]]
    assert not any("l-april-theses" in e for e in ends)
    n = sum("lenin-april" in e for e in ends)
    assert n > 0
    saved = store.edit(g, 2, Edit.delete("claims", "lenin-april"), "Ann")
    assert saved.message == f"deleted the claim lenin-april and {n} relation{'s' if n > 1 else ''}"
    with pytest.raises(MapError) as err:  # an actor that claims still name
        store.edit(g, 3, Edit.delete("actors", "trotsky"), "Ann")
    assert set(err.value.codes) == {"unknown-actor"}


def test_a_name_is_required(store):
    with pytest.raises(StoreError, match="give your name"):
        store.create(mini(), "  \t ")
