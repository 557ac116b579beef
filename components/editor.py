"""The editor's forms: claims and relations, the passage-to-claim actions, and what every
form shares (saving an edit, its problems beside their fields, the stale-edit refusal).

Contract: each form edits the session's stored map (:mod:`components.stored`) through
:meth:`arguments.store.Store.edit`, naming the version the form was drawn from (bound into
the submit button's callback, so a form filled in while someone else saved is refused, not
silently applied).  A refused edit changes nothing and keeps the user's input in the form:

- invalid: each problem shows beside its field, in the loader's words
  (``[code] claims[3].text: message (got ..., expected ...)``); problems elsewhere in the map
  above the form;
- stale: :data:`STALE` holds the refusal, shown at the top of the Edit page with the diff of
  what changed in the meantime;
- a view link or a revoked one: the store's message (the Edit page shows no form then).

A saved edit moves the session to the new version at once.  Deleting a claim asks first and
names the relations that go with it.  :func:`quote_actions` is for the Read page: a passage
of the source made a new claim's quote, or added to a claim, verbatim (as selected).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from arguments.analysis.diff import item_id
from arguments.errors import MapError, Problem
from arguments.kinds import CLAIM_KINDS
from arguments.store import (
    Edit,
    NoSuchMap,
    Opened,
    Saved,
    Stale,
    StoreError,
    goes_with,
)
from arguments.store.edits import apply

from . import stored
from .text import code, md, short

NEW = "__new__"
PROBLEMS = "ed_problems"  # {form: {field: [words]}}
STALE = "ed_stale"  # the last edit refused as stale (a Stale)
CONFIRM = "ed_confirm"  # (section, id) of a delete waiting for its confirmation
GENERAL = ""  # the field name of problems that are not one field's


# ------------------------------------------------------------------ saving and problems
def words(p: Problem) -> str:
    """A problem as the loader words it, without the file position."""
    where = f"{p.file}:{p.line}:{p.column} "
    text = str(p)
    return text[len(where) :] if text.startswith(where) else text


def by_field(problems: list[Problem], section: str, index: int | None) -> dict[str, list[str]]:
    """The problems of the edited item, by field (``text``, ``quotes``...); the rest under
    :data:`GENERAL`."""
    out: dict[str, list[str]] = {}
    prefix = f"{section}[{index}]" if index is not None else section
    for p in problems:
        field = GENERAL
        if section == "source" and p.path.startswith("source."):
            field = p.path.split(".")[1].split("[")[0]
        elif index is not None and p.path.startswith(prefix + "."):
            field = p.path[len(prefix) + 1 :].split(".")[0].split("[")[0]
        out.setdefault(field, []).append(words(p))
    return out


def _index_after(data: dict[str, Any], edit: Edit) -> int | None:
    if edit.item is None or edit.section == "source":
        return None
    try:
        after = apply(data, edit)
    except MapError:
        return None
    ident = item_id(edit.section, edit.item)
    for i, item in enumerate(after.get(edit.section) or []):
        if item_id(edit.section, item) == ident:
            return i
    return None


def set_problems(form: str, found: dict[str, list[str]]) -> None:
    st.session_state[PROBLEMS] = {form: found}


def problems_of(form: str) -> dict[str, list[str]]:
    got = st.session_state.get(PROBLEMS) or {}
    return got.get(form, {}) if isinstance(got, dict) else {}


def show_problems(form: str, field: str) -> None:
    """A field's problems, right under it (or the form's general ones)."""
    for text in problems_of(form).get(field, []):
        st.error(md(text), icon=":material/error:")


def commit(form: str, base: int, edit: Edit, data: dict[str, Any]) -> Saved | None:
    """Save one edit made on version ``base`` of the session's map; None when refused."""
    s = stored.current()
    name = stored.who()
    if s is None:
        set_problems(form, {GENERAL: ["no stored map is open"]})
        return None
    if not name:
        set_problems(form, {GENERAL: ["Give your name first (above): every version records it."]})
        return None
    try:
        saved = stored.store().edit(stored.grant(s), base, edit, name)
    except MapError as err:
        set_problems(form, by_field(err.problems, edit.section, _index_after(data, edit)))
        return None
    except Stale as stale:
        st.session_state[STALE] = stale
        st.session_state.pop(PROBLEMS, None)
        stored.open_version(None)  # show the latest; the form keeps what was typed
        return None
    except (NoSuchMap, StoreError) as exc:
        set_problems(form, {GENERAL: [str(exc)]})
        return None
    st.session_state.pop(PROBLEMS, None)
    st.session_state.pop(STALE, None)
    st.session_state.pop(CONFIRM, None)
    stored.open_version(None)
    st.toast(f"Saved as version {saved.version}: {md(saved.message)}", icon=":material/save:")
    return saved


def ask_delete(section: str, ident: str) -> None:
    st.session_state[CONFIRM] = (section, ident)


def cancel_delete() -> None:
    st.session_state.pop(CONFIRM, None)


def text_of(key: str) -> str:
    return str(st.session_state.get(key) or "")


def keep_valid(key: str, options: list[Any], many: bool = False) -> None:
    """Drop a remembered choice the map no longer offers (a widget refuses those)."""
    value = st.session_state.get(key)
    if many and isinstance(value, list):
        st.session_state[key] = [v for v in value if v in options]
    elif not many and key in st.session_state and value not in options:
        st.session_state[key] = options[0] if options else None


# ------------------------------------------------------------------ quotes as text
def quotes_text(quotes: list[dict[str, Any]]) -> str:
    """Quotes as the form shows them: one paragraph each, then ``speaker:`` and ``cites:``."""
    blocks = []
    for q in quotes or []:
        lines = [q.get("text", "")]
        if q.get("speaker"):
            lines.append(f"speaker: {q['speaker']}")
        if q.get("cites"):
            lines.append(f"cites: {q['cites']}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def parse_quotes(text: str) -> list[dict[str, Any]]:
    out = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        if not block.strip():
            continue
        quote: dict[str, Any] = {}
        body: list[str] = []
        for line in block.split("\n"):
            head, _, rest = line.partition(":")
            if head.strip() in ("speaker", "cites") and rest.strip() and body:
                quote[head.strip()] = rest.strip()
            else:
                body.append(line)
        quote = {"text": "\n".join(body).strip(), **quote}
        out.append(quote)
    return out


# ------------------------------------------------------------------ claims
CLAIM_FIELDS = ("id", "kind", "number", "actors", "date", "chapter", "topics", "text", "quotes")


def claim_label(data: dict[str, Any]) -> Callable[[str], str]:
    texts = {c["id"]: c.get("text", "") for c in data.get("claims") or []}
    return lambda cid: (
        "\u2795 a new claim" if cid == NEW else f"{cid}: {short(texts.get(cid, ''), 70)}"
    )


def load_claim(data: dict[str, Any], cid: str | None = None) -> None:
    """Fill the claim form with a claim (or blanks for a new one)."""
    cid = cid or st.session_state.get("ed_claim_pick") or NEW
    c = next((x for x in data.get("claims") or [] if x["id"] == cid), None) or {}
    ss = st.session_state
    ss["ed_claim_id"] = c.get("id", "")
    ss["ed_claim_kind"] = c.get("kind", "position")
    ss["ed_claim_number"] = c.get("number")
    ss["ed_claim_actors"] = list(c.get("actors") or [])
    ss["ed_claim_date"] = str(c.get("date") or "")
    ss["ed_claim_chapter"] = str(c.get("chapter") or "")
    ss["ed_claim_topics"] = list(c.get("topics") or [])
    ss["ed_claim_text"] = c.get("text", "")
    ss["ed_claim_quotes"] = quotes_text(c.get("quotes") or [])
    ss.pop(PROBLEMS, None)


def claim_item() -> dict[str, Any]:
    """The claim the form describes, as data (empty optional fields left out)."""
    ss = st.session_state
    item: dict[str, Any] = {
        "id": text_of("ed_claim_id").strip(),
        "kind": ss.get("ed_claim_kind") or "position",
        "actors": list(ss.get("ed_claim_actors") or []),
        "text": text_of("ed_claim_text"),
        "chapter": text_of("ed_claim_chapter").strip(),
    }
    if item["kind"] == "postulate" and ss.get("ed_claim_number") is not None:
        item["number"] = ss.get("ed_claim_number")
    if text_of("ed_claim_date").strip():
        item["date"] = text_of("ed_claim_date").strip()
    if ss.get("ed_claim_topics"):
        item["topics"] = list(ss["ed_claim_topics"])
    quotes = parse_quotes(text_of("ed_claim_quotes"))
    if quotes:
        item["quotes"] = quotes
    return item


def _save_claim(base: int, old: str, data: dict[str, Any]) -> None:
    edit = Edit.put("claims", claim_item(), None if old == NEW else old)
    saved = commit("claim", base, edit, data)
    if saved is not None:
        st.session_state["ed_claim_pick"] = edit.item["id"] if edit.item else NEW


def _delete(base: int, section: str, ident: str, data: dict[str, Any], pick_key: str) -> None:
    saved = commit(section, base, Edit.delete(section, ident), data)
    if saved is not None:
        st.session_state[pick_key] = NEW
        st.session_state.pop(CONFIRM, None)


def confirm_delete(opened: Opened, section: str, ident: str, pick_key: str, what: str) -> None:
    """The question before a delete, naming what goes with it."""
    if st.session_state.get(CONFIRM) != (section, ident):
        return
    extra = ""
    if section == "claims":
        gone = goes_with(opened.data, ident)
        if gone:
            names = "\n".join(f"- {code(item_id('relations', r))}" for r in gone)
            extra = f" These {len(gone)} relation(s) go with it:\n\n{names}"
        else:
            extra = " No relation goes with it."
    with st.container(border=True, key=f"ed_confirm_{section}"):
        st.warning(f"Delete the {what} {code(ident)}?{extra}", icon=":material/warning:")
        with st.container(horizontal=True, key=f"ed_confirm_row_{section}"):
            st.button(
                f"Delete the {what}",
                key=f"ed_confirm_yes_{section}",
                type="primary",
                on_click=_delete,
                args=(opened.version, section, ident, opened.data, pick_key),
                icon=":material/delete:",
            )
            st.button("Cancel", key=f"ed_confirm_no_{section}", on_click=cancel_delete)


def claim_form(opened: Opened) -> None:
    """Add, change or delete a claim."""
    data = opened.data
    ids = [c["id"] for c in data.get("claims") or []]
    keep_valid("ed_claim_pick", [NEW, *ids])
    pick = st.selectbox(
        "Claim to change (type to search), or a new one",
        [NEW, *ids],
        key="ed_claim_pick",
        format_func=claim_label(data),
        on_change=lambda: load_claim(data),
    )
    if "ed_claim_id" not in st.session_state:
        load_claim(data, pick)
    actors = [a["id"] for a in data.get("actors") or []]
    topics = [t["id"] for t in data.get("topics") or []]
    keep_valid("ed_claim_actors", actors, many=True)
    keep_valid("ed_claim_topics", topics, many=True)
    chapters = ", ".join(c["id"] for c in (data.get("source") or {}).get("chapters") or [])
    show_problems("claim", GENERAL)
    with st.form("ed_claim_form", border=True, clear_on_submit=False):
        st.text_input("Id (a slug: lower-case letters, digits, hyphens)", key="ed_claim_id")
        show_problems("claim", "id")
        left, right = st.columns(2)
        with left:
            st.selectbox("Kind", CLAIM_KINDS, key="ed_claim_kind")
            show_problems("claim", "kind")
        with right:
            st.selectbox(
                "Number (postulates only)",
                [None, 1, 2, 3, 4, 5],
                key="ed_claim_number",
                format_func=lambda n: "\u2014" if n is None else str(n),
            )
            show_problems("claim", "number")
        st.multiselect("Actors (several for a joint act)", actors, key="ed_claim_actors")
        show_problems("claim", "actors")
        show_problems("claim", "actor")
        left, right = st.columns(2)
        with left:
            st.text_input("Date (YYYY or YYYY-MM)", key="ed_claim_date")
            show_problems("claim", "date")
        with right:
            st.text_input(
                "Chapter",
                key="ed_claim_chapter",
                help=f"The source's chapters: {chapters or 'none declared'}",
            )
            show_problems("claim", "chapter")
        st.multiselect("Topics", topics, key="ed_claim_topics")
        show_problems("claim", "topics")
        st.text_area("Text", key="ed_claim_text", height=100)
        show_problems("claim", "text")
        st.text_area(
            "Quotes: one paragraph each (a blank line between), verbatim from the source; "
            "optional lines 'speaker: ID' and 'cites: ...' after a quote",
            key="ed_claim_quotes",
            height=140,
        )
        show_problems("claim", "quotes")
        st.form_submit_button(
            "Add the claim" if pick == NEW else "Save the claim",
            key="ed_claim_save",
            type="primary",
            on_click=_save_claim,
            args=(opened.version, pick, data),
            icon=":material/save:",
        )
    if pick != NEW:
        st.button(
            "Delete this claim\u2026",
            key="ed_claim_delete",
            on_click=ask_delete,
            args=("claims", pick),
            icon=":material/delete:",
        )
        confirm_delete(opened, "claims", pick, "ed_claim_pick", "claim")


# ------------------------------------------------------------------ the Read page's actions
def _save_from_read(form: str, write: Callable[[Any, str], Saved]) -> None:
    """Make a version from the Read page: ``write(opened, name)`` saves it; a refusal shows
    beside the form (the loader's problems, another's newer version, a read-only link)."""
    s, name = stored.current(), stored.who()
    if s is None or not name:
        set_problems(form, {GENERAL: ["Give your name and open a map with its edit link first."]})
        return
    try:
        saved = write(s, name)
    except MapError as err:
        set_problems(form, {GENERAL: [words(p) for p in err.problems]})
        return
    except Stale as stale:
        st.session_state[STALE] = stale
        stored.open_version(None)
        return
    except StoreError as exc:
        set_problems(form, {GENERAL: [str(exc)]})
        return
    _done(saved)


def _quote_to_claim(key: str, base: int, passage: str) -> None:
    ss = st.session_state
    _save_from_read(
        f"{key}_add",
        lambda s, name: stored.store().add_quote(
            s.map_id,
            s.token,
            base,
            ss[f"{key}_claim"],
            passage,
            name,
            speaker=ss.get(f"{key}_speaker") or None,
            cites=text_of(f"{key}_cites").strip() or None,
        ),
    )


def _quote_new_claim(key: str, base: int, passage: str) -> None:
    ss = st.session_state
    fields = {
        "id": text_of(f"{key}_id").strip(),
        "kind": ss.get(f"{key}_kind") or "position",
        "actors": list(ss.get(f"{key}_actors") or []),
        "chapter": text_of(f"{key}_chapter").strip(),
        "date": text_of(f"{key}_date").strip() or None,
        "text": text_of(f"{key}_text"),
    }
    _save_from_read(
        f"{key}_new",
        lambda s, name: stored.store().new_claim(s.map_id, s.token, base, fields, passage, name),
    )


def _done(saved: Saved) -> None:
    st.session_state.pop(PROBLEMS, None)
    st.session_state.pop(STALE, None)
    stored.open_version(None)
    st.toast(f"Saved as version {saved.version}: {md(saved.message)}", icon=":material/save:")


def quote_actions(passage: str, *, key: str = "quote") -> None:
    """For the Read page: put a selected passage of the source into the map.

    Draws two small forms, "Add to a claim" (the claim found by search, an optional speaker
    and citation) and "New claim with this quote" (id, kind, actors, chapter, date, text).
    Either saves through the store like every edit (checked, versioned, refused when stale
    or read-only), with the passage as the quote exactly as given, so it is verbatim by
    construction and found in the text at once.  Without a stored map open through its edit
    link, or without the user's name, it says what is missing instead.  ``key`` prefixes
    every widget key (one call per passage on a page).
    """
    s = stored.current()
    if s is None or not s.can_edit:
        st.caption(
            "To put this passage into the map, open a stored map with its edit link "
            "(My maps: a copy of the essay, an upload or an empty map)."
        )
        return
    if not stored.who():
        st.caption("Give your name on the Edit page first: every version records it.")
        return
    try:
        opened = stored.store().open(stored.grant(s))
    except StoreError as exc:
        st.error(str(exc))
        return
    data = opened.data
    claims = [c["id"] for c in data.get("claims") or []]
    actors = [a["id"] for a in data.get("actors") or []]
    add, new = st.tabs(["Add to a claim", "New claim with this quote"], key=f"{key}_tabs")
    with add:
        show_problems(f"{key}_add", GENERAL)
        with st.form(f"{key}_add_form", border=False):
            st.selectbox(
                "Claim (type to search)", claims, key=f"{key}_claim", format_func=claim_label(data)
            )
            st.selectbox(
                "Speaker (when the source quotes someone)", [None, *actors], key=f"{key}_speaker"
            )
            st.text_input("Cites (the source's footnote)", key=f"{key}_cites")
            st.form_submit_button(
                "Add the quote",
                key=f"{key}_add_save",
                on_click=_quote_to_claim,
                args=(key, opened.version, passage),
                disabled=not claims,
            )
    with new:
        show_problems(f"{key}_new", GENERAL)
        with st.form(f"{key}_new_form", border=False):
            st.text_input("Id", key=f"{key}_id")
            st.selectbox("Kind", CLAIM_KINDS, key=f"{key}_kind", index=2)
            st.multiselect("Actors", actors, key=f"{key}_actors")
            st.text_input("Chapter", key=f"{key}_chapter")
            st.text_input("Date (YYYY or YYYY-MM)", key=f"{key}_date")
            st.text_area("Text (the claim in your words)", key=f"{key}_text", height=80)
            st.form_submit_button(
                "Add the claim",
                key=f"{key}_new_save",
                on_click=_quote_new_claim,
                args=(key, opened.version, passage),
            )
