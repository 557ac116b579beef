"""A stored map as the session's map: opened by a share link, kept current, listed in 'my maps'.

Contract: :func:`store` is the process's :class:`~arguments.store.Store` (the database of
``ARGMAP_DB``, migrated on first use).  :func:`sync`, called by ``app.py`` on every run before
the pages, follows the share link in the address (``?map=TOKEN``): it opens that map as the
session's map (a :class:`~components.source.Loaded` with key ``store:ID@N``, so every page
shows it and every cache keys on the version), keeps the token in the address (the menu
clears it; a reload must find it), and brings the map up to the latest version when another
editor has saved one (unless the user opened an older version on purpose).  An unknown or
revoked token gets "no such map" and nothing else; bad tokens from one session are slowed
down (:class:`~arguments.store.tokens.Throttle`).

The session keeps :data:`STORED` (which map, through which token, which version), the list
of the maps it opened or made (:data:`MY_MAPS`, with their links: there are no accounts),
and the user's display name (:data:`WHO`), asked once and recorded with every version.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urlsplit

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from arguments.store import Grant, NoSuchMap, Opened, Store, share_url
from arguments.store.links import QUERY_KEY, URL_VAR
from arguments.store.tokens import Throttle

from . import source, state, upload

STORED = "stored_map"
MY_MAPS = "my_maps"
WHO = "who"
NOTICE = "stored_notice"  # a message for the top of the page (no such map, updated)


@dataclass(frozen=True)
class Session:
    """The stored map this session shows."""

    map_id: str
    token: str
    access: str  # "edit" or "view"
    version: int
    title: str
    pinned: bool = False  # an older version opened on purpose: not moved to the latest

    @property
    def can_edit(self) -> bool:
        return self.access == "edit"


@st.cache_resource(show_spinner="Opening the database…")
def store() -> Store:
    return Store()


@st.cache_resource
def throttle() -> Throttle:
    return Throttle()


def session_id() -> str:
    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else "no-session"


def current() -> Session | None:
    s = st.session_state.get(STORED)
    return s if isinstance(s, Session) else None


def grant(s: Session) -> Grant:
    """The session's grant, checked again (a revoked link stops working at once)."""
    return store().grant(s.token, s.map_id)


def who() -> str | None:
    name = st.session_state.get(WHO)
    return name if isinstance(name, str) and name.strip() else None


def base_url() -> str:
    """Where the app is served, for the links it shows: ``ARGMAP_URL`` or the page's own."""
    env = os.environ.get(URL_VAR)
    if env:
        return env.rstrip("/")
    try:
        parts = urlsplit(st.context.url or "")
    except Exception:  # no browser (AppTest): the default address
        parts = urlsplit("")
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else "http://localhost:8501"


def link(token: str, access: str) -> str:
    return share_url(token, access, base_url())


# ------------------------------------------------------------------ opening
def install(opened: Opened, token: str, *, pinned: bool = False) -> None:
    """Make this version the session's map (every page shows it)."""
    before = current()
    st.session_state[STORED] = Session(
        opened.map_id, token, opened.access, opened.version, opened.title, pinned
    )
    label = f"{opened.title} (stored, version {opened.version})"
    named_text = opened.map is not None and opened.map.source.text is not None
    source.open_upload(
        source.Loaded(
            opened.key,
            label,
            opened.map,
            text=opened.text,
            text_missing=named_text and opened.text is None,
        )
    )
    if before is None or before.map_id != opened.map_id:
        # another map: the old one's selections mean nothing, but a claim the link names stays
        named = st.query_params.get(state.QUERY_KEY)
        upload.forget_selections(opened.map)
        if named and opened.map is not None and named in opened.map.claim_index:
            state.select(named)
    remember(opened.map_id, opened.title, token, opened.access)
    if st.query_params.get(QUERY_KEY) != token:
        st.query_params[QUERY_KEY] = token


def remember(map_id: str, title: str, token: str, access: str) -> None:
    """Put a map in this session's 'my maps', with the link it was opened by."""
    mine = [m for m in st.session_state.get(MY_MAPS, []) if m["map"] != map_id]
    old = next((m for m in st.session_state.get(MY_MAPS, []) if m["map"] == map_id), None)
    known = dict(old["links"]) if old else {}
    known[access] = token
    mine.insert(0, {"map": map_id, "title": title, "links": known})
    st.session_state[MY_MAPS] = mine


def remember_link(map_id: str, access: str, token: str | None) -> None:
    """A link of a map in 'my maps' made anew (or revoked: None)."""
    for m in st.session_state.get(MY_MAPS, []):
        if m["map"] == map_id:
            m["links"][access] = token


def known_links(map_id: str) -> dict[str, str | None]:
    """The links of a map this session knows: {"edit": token or None, "view": ...}."""
    for m in st.session_state.get(MY_MAPS, []):
        if m["map"] == map_id:
            return dict(m["links"])
    return {}


def mine() -> list[dict]:
    """This session's maps, the latest opened first: {"map", "title", "links"}."""
    return list(st.session_state.get(MY_MAPS, []))


def open_token(token: str, version: int | None = None) -> bool:
    """Open the map a token names (slowed down after repeated misses)."""
    who_key = session_id()
    throttle().wait(who_key)
    try:
        g = store().grant(token)
        opened = store().open(g, version)
    except NoSuchMap:
        throttle().missed(who_key)
        st.session_state[NOTICE] = "no such map"
        return False
    throttle().passed(who_key)
    install(opened, token, pinned=version is not None and version != opened.head)
    return True


def close() -> None:
    """Stop showing the stored map (back to the bundled one)."""
    st.session_state.pop(STORED, None)
    source.close_upload()
    if QUERY_KEY in st.query_params:
        del st.query_params[QUERY_KEY]


def open_version(version: int | None, token: str | None = None) -> None:
    """Show another version of the session's map (None: the latest, and follow it);
    ``token``: the session's link was re-issued, this is the new one."""
    s = current()
    if s is None:
        return
    token = token or s.token
    try:
        opened = store().open(store().grant(token, s.map_id), version)
    except NoSuchMap:
        close()
        st.session_state[NOTICE] = "no such map"
        return
    install(opened, token, pinned=version is not None and opened.version != opened.head)


def sync() -> None:
    """Follow the address's link, keep the session's map current (see the module doc)."""
    s = current()
    loaded = st.session_state.get(source.SESSION_MAP)
    if s is not None and not (
        isinstance(loaded, source.Loaded) and loaded.key.startswith(f"store:{s.map_id}@")
    ):
        # the user opened an upload or went back to the essay: the stored map is closed
        st.session_state.pop(STORED, None)
        if st.query_params.get(QUERY_KEY) == s.token:
            del st.query_params[QUERY_KEY]
        s = None
    token = st.query_params.get(QUERY_KEY)
    if token and (s is None or token != s.token):
        if not open_token(token):
            del st.query_params[QUERY_KEY]
        return
    if s is None:
        return
    if st.query_params.get(QUERY_KEY) != s.token:
        st.query_params[QUERY_KEY] = s.token
    try:
        g = grant(s)
        head = store().head(g)
    except NoSuchMap:  # the link was revoked meanwhile
        close()
        st.session_state[NOTICE] = "no such map"
        return
    if head != s.version and not s.pinned:
        opened = store().open(g)
        install(opened, s.token)
        st.session_state[NOTICE] = f"The map was changed: now version {head}."


def notice() -> None:
    """The stored map's message for the top of the page, once."""
    text = st.session_state.pop(NOTICE, None)
    if text == "no such map":
        st.error("No such map.", icon=":material/link_off:")
    elif text:
        st.toast(text, icon=":material/sync:")


def set_who(name: str) -> None:
    st.session_state[WHO] = " ".join(name.split())[:80]
