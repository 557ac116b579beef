"""The session's UI selections: the selected claim, the visited trail, page requests.

Contract: the selected claim lives in ``st.query_params["claim"]`` (so a URL
shares it) and is mirrored in ``st.session_state`` (so moving between pages
through the menu, which clears the query string, keeps it).  Callbacks may
call :func:`select` and :func:`go`; ``app.py`` performs a requested page
switch (callbacks cannot switch pages themselves).  Nothing here reads a file.
"""

from __future__ import annotations

import streamlit as st

from arguments.models import Map

SELECTED = "selected_claim"
VISITED = "visited_claims"
GOTO = "goto_page"
QUERY_KEY = "claim"
TRAIL = 8  # claims kept in the breadcrumb
RUN = "run_number"  # counts the session's script runs (a page can tell it was just entered)


def selected(m: Map | None) -> str | None:
    """The selected claim id, if it is a claim of ``m``; URL first, then the session."""
    if m is None:
        return None
    cid = st.query_params.get(QUERY_KEY) or st.session_state.get(SELECTED)
    return cid if cid in m.claim_index else None


def unknown_in_url(m: Map | None) -> str | None:
    """A claim id named in the URL that the map does not have (to tell the user)."""
    cid = st.query_params.get(QUERY_KEY)
    return cid if m is not None and cid and cid not in m.claim_index else None


def select(cid: str | None) -> None:
    """Select a claim (or clear the selection), remembering the trail of visits."""
    if cid is None:
        st.session_state.pop(SELECTED, None)
        if QUERY_KEY in st.query_params:
            del st.query_params[QUERY_KEY]
        return
    st.session_state[SELECTED] = cid
    if st.query_params.get(QUERY_KEY) != cid:
        st.query_params[QUERY_KEY] = cid
    trail = st.session_state.get(VISITED, [])
    if not trail or trail[-1] != cid:
        st.session_state[VISITED] = ([c for c in trail if c != cid] + [cid])[-TRAIL:]


def sync_url(cid: str | None) -> None:
    """Put the shown claim into the URL (the menu clears it) and into the trail."""
    if cid:
        select(cid)


def visited(m: Map) -> list[str]:
    return [c for c in st.session_state.get(VISITED, []) if c in m.claim_index]


def go(page: str, cid: str | None = None) -> None:
    """Ask app.py to switch to ``page`` (a name in app.PAGES), selecting ``cid`` first."""
    if cid is not None:
        select(cid)
    st.session_state[GOTO] = page


def take_goto() -> str | None:
    return st.session_state.pop(GOTO, None)


def tick() -> None:
    """Count a script run (app.py calls it once per run)."""
    st.session_state[RUN] = st.session_state.get(RUN, 0) + 1


def run_number() -> int:
    return st.session_state.get(RUN, 0)
