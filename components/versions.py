"""Around the editor: the user's name, undo and redo, the stale-edit notice, the history of
versions (open, compare, export, restore) and the share links (revoke, re-issue).

Contract: every button that writes names the version it was drawn on (its callback's
arguments), so it is refused as stale when the map moved on; the refusal and any other
message of the store show at the top of the Edit page.  Map text and names are escaped.
"""

from __future__ import annotations

import streamlit as st

from arguments.formats.json import write as json_text
from arguments.store import Opened, Stale, StoreError

from . import diffview, state, stored
from .editor import CONFIRM, PROBLEMS, STALE, keep_valid
from .text import md, short

ERROR = "ed_error"  # the last refusal that is not a form's (undo, restore, links)


def name_box() -> None:
    """Ask the user's name once (every version records who made it)."""
    name = stored.who()
    if name:
        st.caption(f"Editing as **{md(name)}** (recorded with each version).")
        return
    with st.form("who_form", border=True):
        st.text_input(
            "Your name (recorded with every version you make; asked once in this browser tab)",
            key="who_input",
            max_chars=80,
        )
        st.form_submit_button("Use this name", key="who_save", on_click=_save_name)


def _save_name() -> None:
    name = str(st.session_state.get("who_input") or "").strip()
    if name:
        stored.set_who(name)


def _run(action: str, base: int, version: int | None = None) -> None:
    """Undo, redo or restore on version ``base`` (a button's callback)."""
    s, name = stored.current(), stored.who()
    if s is None:
        return
    if not name:
        st.session_state[ERROR] = "Give your name first: every version records it."
        return
    store = stored.store()
    try:
        g = stored.grant(s)
        if action == "undo":
            saved = store.undo(g, base, name)
        elif action == "redo":
            saved = store.redo(g, base, name)
        else:
            assert version is not None
            saved = store.restore(g, base, version, name)
    except Stale as stale:
        st.session_state[STALE] = stale
        stored.open_version(None)
        return
    except StoreError as exc:
        st.session_state[ERROR] = str(exc)
        return
    for k in (STALE, ERROR, PROBLEMS, CONFIRM):
        st.session_state.pop(k, None)
    stored.open_version(None)
    st.toast(f"Saved as version {saved.version}: {md(saved.message)}", icon=":material/save:")


def notices() -> None:
    """The last refusal: a stale edit with what changed meanwhile, or the store's message."""
    err = st.session_state.get(ERROR)
    if err:
        st.error(md(str(err)), icon=":material/block:")
        st.button("Dismiss", key="ed_error_dismiss", on_click=lambda: st.session_state.pop(ERROR))
    stale = st.session_state.get(STALE)
    if isinstance(stale, Stale):
        with st.container(border=True, key="ed_stale_box"):
            st.warning(md(str(stale)), icon=":material/sync_problem:")
            st.caption(
                "Your input is still in the form below: check it against what changed, "
                "then save again (it applies to the latest version)."
            )
            diffview.listing(stale.changes, key="ed_stale_diff")
            st.button(
                "Dismiss", key="ed_stale_dismiss", on_click=lambda: st.session_state.pop(STALE)
            )


def toolbar(opened: Opened) -> None:
    """Which version is shown, and undo and redo."""
    s = stored.current()
    store = stored.store()
    can_undo, can_redo = (False, False)
    if s is not None and opened.latest:
        can_undo, can_redo = store.can_step(stored.grant(s), opened.version)
    with st.container(horizontal=True, vertical_alignment="center", key="ed_toolbar"):
        st.markdown(
            f"Version **{opened.version}** of {opened.head}"
            + (" (the latest)" if opened.latest else " \u2014 **not the latest**")
        )
        st.button(
            "Undo",
            key="ed_undo",
            on_click=_run,
            args=("undo", opened.version),
            disabled=not can_undo,
            icon=":material/undo:",
            help="A new version with the content before the last step",
        )
        st.button(
            "Redo",
            key="ed_redo",
            on_click=_run,
            args=("redo", opened.version),
            disabled=not can_redo,
            icon=":material/redo:",
            help="A new version with the step the last undo took back",
        )
        if not opened.latest:
            st.button(
                "Open the latest",
                key="ed_latest",
                on_click=stored.open_version,
                args=(None,),
                icon=":material/update:",
            )


def history(opened: Opened, *, can_edit: bool) -> None:
    """Every version: open one, compare it with the latest, export it, restore it."""
    s = stored.current()
    if s is None:
        return
    versions = stored.store().history(stored.grant(s))
    rows = [
        {
            "version": v.number,
            "when": v.created_at.strftime("%Y-%m-%d %H:%M:%S UTC"),
            "who": v.author,
            "what": v.message,
        }
        for v in reversed(versions)
    ]
    st.dataframe(rows, hide_index=True, key="ed_history_table", height=260)
    numbers = [v.number for v in reversed(versions)]
    keep_valid("ed_history_pick", numbers)
    pick = st.selectbox(
        "Version",
        numbers,
        key="ed_history_pick",
        format_func=lambda n: (
            f"{n}: {short(next(v.message for v in versions if v.number == n), 70)}"
        ),
    )
    with st.container(horizontal=True, key="ed_history_actions"):
        st.button(
            "Open",
            key="ed_history_open",
            on_click=stored.open_version,
            args=(pick,),
            icon=":material/history:",
            help="Show this version on every page (until you open the latest)",
        )
        st.button(
            "Compare with the latest",
            key="ed_history_compare",
            on_click=compare_with_latest,
            args=(pick, opened.head),
            icon=":material/difference:",
        )
        if can_edit:
            st.button(
                "Restore",
                key="ed_history_restore",
                on_click=_run,
                args=("restore", opened.head, pick),
                icon=":material/restore:",
                help="A new version with this version's content",
                disabled=pick == opened.head,
            )
        st.download_button(
            "Export (JSON)",
            data=lambda: _exported(pick),
            file_name=f"map-{opened.map_id}-v{pick}.json",
            mime="application/json",
            key="ed_history_export",
            on_click="ignore",
            icon=":material/download:",
        )


def _exported(number: int) -> str:
    s = stored.current()
    if s is None:
        return ""
    opened = stored.store().open(stored.grant(s), number)
    if opened.map is None:
        return "{}"
    return json_text(opened.map)


def compare_with_latest(old: int, new: int) -> None:
    st.session_state["chg_mode"] = "versions"
    st.session_state["chg_old"] = old
    st.session_state["chg_new"] = new
    state.go("changes")


def _reissue(access: str) -> None:
    s = stored.current()
    if s is None:
        return
    try:
        token = stored.store().reissue(stored.grant(s), access)
    except StoreError as exc:
        st.session_state[ERROR] = str(exc)
        return
    stored.remember_link(s.map_id, access, token)
    if access == "edit":  # this session's own link: follow it
        stored.open_version(None, token=token)
    st.toast(f"A new {access} link is made; the old one opens nothing any more.")


def _revoke(access: str) -> None:
    s = stored.current()
    if s is None:
        return
    try:
        stored.store().revoke(stored.grant(s), access)
    except StoreError as exc:
        st.session_state[ERROR] = str(exc)
        return
    stored.remember_link(s.map_id, access, None)
    if access == "edit":
        stored.close()
        st.session_state[stored.NOTICE] = "no such map"


def links(opened: Opened) -> None:
    """The map's share links: shown when this session knows them; revoke, re-issue."""
    s = stored.current()
    if s is None:
        return
    known = stored.known_links(s.map_id)
    live = stored.store().live_links(stored.grant(s))
    for access, what in (
        ("edit", "Edit link (anyone with it can change the map)"),
        ("view", "Read-only link"),
    ):
        st.markdown(f"**{what}**")
        token = known.get(access)
        if token and live[access]:
            st.code(stored.link(token, access), language=None, wrap_lines=True)
        elif live[access]:
            st.caption("Live, but not known in this tab: re-issue it to see a new one.")
        else:
            st.caption("Revoked: re-issue it to make a new one.")
        with st.container(horizontal=True, key=f"ed_links_{access}"):
            st.button(
                "Re-issue",
                key=f"ed_reissue_{access}",
                on_click=_reissue,
                args=(access,),
                icon=":material/autorenew:",
                help="A new link; the old one stops working",
            )
            st.button(
                "Revoke",
                key=f"ed_revoke_{access}",
                on_click=_revoke,
                args=(access,),
                icon=":material/link_off:",
                disabled=not live[access],
                help="The link stops working"
                + (" (this tab loses the map too)" if access == "edit" else ""),
            )
