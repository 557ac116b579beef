"""The editor's other forms: relations, actors, topics and the source.

Contract: like the claim form (:mod:`components.editor`, which saves, shows problems beside
their fields and refuses stale edits for all of them): each form loads an item when it is
picked, keeps what the user typed until it is saved, and names the version it was drawn
from.  A relation's claims are picked by search; an actor or topic renamed is renamed
wherever the map names it; deleting asks first.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from arguments.analysis.diff import item_id
from arguments.kinds import ACTOR_KINDS, RELATION_KINDS
from arguments.store import Edit, Opened, named_by

from .editor import (
    GENERAL,
    NEW,
    PROBLEMS,
    ask_delete,
    claim_label,
    commit,
    confirm_delete,
    keep_valid,
    show_problems,
    text_of,
)
from .text import md


# ------------------------------------------------------------------ relations
def _rel_ids(data: dict[str, Any]) -> list[str]:
    return [item_id("relations", r) for r in data.get("relations") or []]


def load_relation(data: dict[str, Any], rid: str | None = None) -> None:
    rid = rid or st.session_state.get("ed_rel_pick") or NEW
    r = next((x for x in data.get("relations") or [] if item_id("relations", x) == rid), None) or {}
    ss = st.session_state
    first = (data.get("claims") or [{}])[0].get("id")
    ss["ed_rel_source"] = r.get("source", first)
    ss["ed_rel_kind"] = r.get("kind", "supports")
    ss["ed_rel_target"] = r.get("target", first)
    ss["ed_rel_reason"] = r.get("reason")
    ss["ed_rel_note"] = r.get("note", "")
    ss["ed_rel_fate"] = r.get("fate", "")
    ss["ed_rel_quote"] = (r.get("quote") or {}).get("text", "")
    ss.pop(PROBLEMS, None)


def relation_item() -> dict[str, Any]:
    ss = st.session_state
    item: dict[str, Any] = {
        "source": ss.get("ed_rel_source"),
        "target": ss.get("ed_rel_target"),
        "kind": ss.get("ed_rel_kind"),
    }
    if ss.get("ed_rel_reason"):
        item["reason"] = ss["ed_rel_reason"]
    for field in ("note", "fate"):
        if text_of(f"ed_rel_{field}").strip():
            item[field] = text_of(f"ed_rel_{field}")
    if text_of("ed_rel_quote").strip():
        item["quote"] = {"text": text_of("ed_rel_quote")}
    return item


def _save_relation(base: int, old: str, data: dict[str, Any]) -> None:
    item = relation_item()
    if saved := commit(
        "relation", base, Edit.put("relations", item, None if old == NEW else old), data
    ):
        st.session_state["ed_rel_pick"] = item_id("relations", item)
        del saved


def relation_form(opened: Opened) -> None:
    """Add, change or delete a relation; its claims picked by search."""
    data = opened.data
    claims = [c["id"] for c in data.get("claims") or []]
    if len(claims) < 2:
        st.info("A relation links two claims: add claims first.", icon=":material/info:")
        return
    rids = _rel_ids(data)
    keep_valid("ed_rel_pick", [NEW, *rids])
    pick = st.selectbox(
        "Relation to change (type to search), or a new one",
        [NEW, *rids],
        key="ed_rel_pick",
        format_func=lambda r: "\u2795 a new relation" if r == NEW else r,
        on_change=lambda: load_relation(data),
    )
    if "ed_rel_source" not in st.session_state:
        load_relation(data, pick)
    for k in ("ed_rel_source", "ed_rel_target"):
        keep_valid(k, claims)
    keep_valid("ed_rel_reason", [None, *claims])
    label = claim_label(data)
    show_problems("relation", GENERAL)
    with st.form("ed_rel_form", border=True, clear_on_submit=False):
        st.selectbox(
            "From (source claim; type to search)", claims, key="ed_rel_source", format_func=label
        )
        show_problems("relation", "source")
        st.selectbox("Kind", RELATION_KINDS, key="ed_rel_kind")
        show_problems("relation", "kind")
        st.selectbox(
            "To (target claim; type to search)", claims, key="ed_rel_target", format_func=label
        )
        show_problems("relation", "target")
        st.selectbox(
            "Reason (undercuts only: the claim whose link to the target it attacks)",
            [None, *claims],
            key="ed_rel_reason",
            format_func=lambda c: "\u2014" if c is None else label(c),
        )
        show_problems("relation", "reason")
        st.text_area("Note", key="ed_rel_note", height=68)
        show_problems("relation", "note")
        st.text_input("Fate (the source's own word, e.g. altered)", key="ed_rel_fate")
        show_problems("relation", "fate")
        st.text_area("Quote (verbatim from the source)", key="ed_rel_quote", height=68)
        show_problems("relation", "quote")
        st.form_submit_button(
            "Add the relation" if pick == NEW else "Save the relation",
            key="ed_rel_save",
            type="primary",
            on_click=_save_relation,
            args=(opened.version, pick, data),
            icon=":material/save:",
        )
    if pick != NEW:
        st.button(
            "Delete this relation\u2026",
            key="ed_rel_delete",
            on_click=ask_delete,
            args=("relations", pick),
            icon=":material/delete:",
        )
        confirm_delete(opened, "relations", pick, "ed_rel_pick", "relation")


# ------------------------------------------------------------------ actors and topics
#: section -> (noun, [(field, label, widget)]); widget: input, area or kind
SIMPLE: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "actors": (
        "actor",
        [
            ("id", "Id (a slug: lower-case letters, digits, hyphens)", "input"),
            ("name", "Name", "input"),
            ("kind", "Kind", "kind"),
            ("description", "Description", "area"),
        ],
    ),
    "topics": (
        "topic",
        [
            ("id", "Id (a slug: lower-case letters, digits, hyphens)", "input"),
            ("label", "Label", "input"),
            ("description", "Description", "area"),
        ],
    ),
}


def load_item(data: dict[str, Any], section: str, ident: str | None = None) -> None:
    noun, fields = SIMPLE[section]
    ident = ident or st.session_state.get(f"ed_{noun}_pick") or NEW
    item = next((x for x in data.get(section) or [] if x.get("id") == ident), None) or {}
    for field, _, widget in fields:
        default = ACTOR_KINDS[0] if widget == "kind" else ""
        st.session_state[f"ed_{noun}_{field}"] = item.get(field, default)
    st.session_state.pop(PROBLEMS, None)


def simple_item(section: str) -> dict[str, Any]:
    noun, fields = SIMPLE[section]
    item: dict[str, Any] = {}
    for field, _, _ in fields:
        value = text_of(f"ed_{noun}_{field}")
        if field == "id":
            value = value.strip()
        if value or field != "description":
            item[field] = value
    return item


def _save_item(base: int, section: str, old: str, data: dict[str, Any]) -> None:
    noun, _ = SIMPLE[section]
    item = simple_item(section)
    if commit(noun, base, Edit.put(section, item, None if old == NEW else old), data):
        st.session_state[f"ed_{noun}_pick"] = item["id"]


def item_form(opened: Opened, section: str) -> None:
    """Add, change or delete an actor or a topic."""
    noun, fields = SIMPLE[section]
    data = opened.data
    ids = [x["id"] for x in data.get(section) or []]
    key = f"ed_{noun}"
    keep_valid(f"{key}_pick", [NEW, *ids])
    pick = st.selectbox(
        f"{noun.capitalize()} to change, or a new one",
        [NEW, *ids],
        key=f"{key}_pick",
        format_func=lambda i: f"\u2795 a new {noun}" if i == NEW else i,
        on_change=lambda: load_item(data, section),
    )
    if f"{key}_id" not in st.session_state:
        load_item(data, section, pick)
    show_problems(noun, GENERAL)
    with st.form(f"{key}_form", border=True, clear_on_submit=False):
        for field, label, widget in fields:
            if widget == "kind":
                keep_valid(f"{key}_{field}", list(ACTOR_KINDS))
                st.selectbox(label, ACTOR_KINDS, key=f"{key}_{field}")
            elif widget == "area":
                st.text_area(label, key=f"{key}_{field}", height=80)
            else:
                st.text_input(label, key=f"{key}_{field}")
            show_problems(noun, field)
        st.form_submit_button(
            f"Add the {noun}" if pick == NEW else f"Save the {noun}",
            key=f"{key}_save",
            type="primary",
            on_click=_save_item,
            args=(opened.version, section, pick, data),
            icon=":material/save:",
        )
    if pick == NEW:
        return
    users = named_by(data, pick) if section == "actors" else []
    if users:
        st.caption(
            f"{len(users)} claim(s) name this actor ({md(', '.join(users[:8]))}"
            f"{'…' if len(users) > 8 else ''}): change or delete them before deleting it."
        )
        return
    st.button(
        f"Delete this {noun}\u2026",
        key=f"{key}_delete",
        on_click=ask_delete,
        args=(section, pick),
        icon=":material/delete:",
    )
    confirm_delete(opened, section, pick, f"{key}_pick", noun)


# ------------------------------------------------------------------ the source
def load_source(data: dict[str, Any]) -> None:
    src = data.get("source") or {}
    ss = st.session_state
    ss["ed_src_title"] = src.get("title", "")
    ss["ed_src_author"] = src.get("author", "unknown")
    ss["ed_src_description"] = src.get("description", "")
    ss["ed_src_chapters"] = "\n".join(
        f"{c.get('id')}: {c.get('title')}" for c in src.get("chapters") or []
    )


def source_item(data: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {
        "title": text_of("ed_src_title"),
        "author": text_of("ed_src_author") or "unknown",
        "description": text_of("ed_src_description"),
    }
    chapters = []
    for line in text_of("ed_src_chapters").splitlines():
        if line.strip():
            ident, _, title = line.partition(":")
            chapters.append({"id": ident.strip(), "title": title.strip()})
    if chapters:
        item["chapters"] = chapters
    text = (data.get("source") or {}).get("text")
    if text:
        item["text"] = text
    return item


def _save_source(base: int, data: dict[str, Any]) -> None:
    commit("source", base, Edit.source(source_item(data)), data)


def source_form(opened: Opened) -> None:
    """The source's title, author, description and chapters."""
    data = opened.data
    if "ed_src_title" not in st.session_state:
        load_source(data)
    show_problems("source", GENERAL)
    with st.form("ed_src_form", border=True, clear_on_submit=False):
        st.text_input("Title", key="ed_src_title")
        show_problems("source", "title")
        st.text_input("Author", key="ed_src_author")
        show_problems("source", "author")
        st.text_area("Description", key="ed_src_description", height=80)
        show_problems("source", "description")
        st.text_area(
            "Chapters, in reading order: one per line, 'ID: Title'",
            key="ed_src_chapters",
            height=120,
        )
        show_problems("source", "chapters")
        st.form_submit_button(
            "Save the source",
            key="ed_src_save",
            type="primary",
            on_click=_save_source,
            args=(opened.version, data),
            icon=":material/save:",
        )
    text = (data.get("source") or {}).get("text")
    if text:
        st.caption(
            f"The source's text ({md(text)}) is kept with the map: every quote is checked "
            "against it."
        )
