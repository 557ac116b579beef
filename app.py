"""argmap, the app: ``streamlit run app.py`` (or ``make run``).

Contract: this entry point only wires things together: page configuration,
the session's map (:func:`components.source.current`, cached by path and
modification time; ``$ARGMAP_MAP`` names the file; an upload from the sidebar,
:mod:`components.upload`, or a stored map opened by its link, :mod:`components.stored`,
replaces it for one session), the list of problems when
the map is invalid, and the pages (``app_pages/``) through ``st.navigation``.
A page switch requested by a callback (``components.state.go``) happens here.
"""

from __future__ import annotations

import streamlit as st

from components import filters, history, page, source, state, stored, upload

st.set_page_config(
    page_title="argmap",
    layout="wide",
    page_icon=str(source.ROOT / "components" / "icon.png"),
    initial_sidebar_state="expanded",
)
st.html(f"<style>{(source.ROOT / 'components' / 'app.css').read_text(encoding='utf-8')}</style>")

PAGES = {
    "map": st.Page("app_pages/map.py", title="Map", icon=":material/account_tree:", default=True),
    "read": st.Page(
        "app_pages/read.py", title="Read", icon=":material/menu_book:", url_path="read"
    ),
    "claim": st.Page(
        "app_pages/claim.py", title="Claim", icon=":material/article:", url_path="claim"
    ),
    "compare": st.Page(
        "app_pages/compare.py",
        title="Compare",
        icon=":material/compare_arrows:",
        url_path="compare",
    ),
    "postulates": st.Page(
        "app_pages/postulates.py",
        title="Postulates",
        icon=":material/format_list_numbered:",
        url_path="postulates",
    ),
    "verdicts": st.Page(
        "app_pages/verdicts.py", title="Verdicts", icon=":material/gavel:", url_path="verdicts"
    ),
    "timeline": st.Page(
        "app_pages/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"
    ),
    "search": st.Page(
        "app_pages/search.py", title="Search", icon=":material/search:", url_path="search"
    ),
    "handout": st.Page(
        "app_pages/handout.py", title="Handout", icon=":material/print:", url_path="handout"
    ),
    "maps": st.Page(
        "app_pages/my_maps.py", title="My maps", icon=":material/folder_open:", url_path="maps"
    ),
    "edit": st.Page("app_pages/edit.py", title="Edit", icon=":material/edit:", url_path="edit"),
    "changes": st.Page(
        "app_pages/changes.py", title="Changes", icon=":material/difference:", url_path="changes"
    ),
}
nav = st.navigation(list(PAGES.values()))

state.tick()
goto = state.take_goto()
if goto in PAGES:
    cid = st.session_state.get(state.SELECTED)
    st.switch_page(PAGES[goto], query_params={state.QUERY_KEY: cid} if cid else None)

stored.sync()  # a share link in the address opens its stored map; keeps it current
loaded = source.current()
history.install()  # Back returns to the previous view, in one step
filters.keep()
upload.sidebar(loaded)  # which map is open, the uploader, the way back
upload.notice(loaded)  # a failed upload's problems; the open map stays
stored.notice()  # "no such map", or that another editor saved a version
if loaded.problems:
    page.problems(loaded.label, loaded.problems)

nav.run()
