"""My maps: start a stored map (empty, a copy of the essay, an upload), open one by its link,
and the maps this browser tab has opened, with their links."""

import logging

import streamlit as st

from arguments.documents import load_document, load_upload
from arguments.errors import MapError
from arguments.loader import UPLOAD_LIMIT
from arguments.store import StoreError, parse_ref
from components import source, state, stored, versions
from components.text import md, short

log = logging.getLogger(__name__)
st.title("My maps")
st.markdown(
    "Maps kept on the server with every version: edit them, share them, compare their "
    "versions. Each has an **edit link** and a **read-only link**; keep them, as there "
    "are no accounts: this list lives only in this browser tab."
)
versions.name_box()
RESULT = "maps_result"  # the outcome of the last start (problems, or a message)


def _created(made, title: str) -> None:
    stored.remember(made.map_id, title, made.view_token, "view")
    stored.remember(made.map_id, title, made.edit_token, "edit")
    if stored.open_token(made.edit_token):
        st.session_state.pop(RESULT, None)
        state.go("edit")


def _start(kind: str) -> None:
    name = stored.who()
    if not name:
        st.session_state[RESULT] = "Give your name first: every version records it."
        return
    store = stored.store()
    try:
        if kind == "empty":
            title = str(st.session_state.get("maps_title") or "").strip() or "An untitled map"
            data = {"source": {"title": title}, "actors": [], "topics": [], "claims": []}
            _created(store.create(data, name, message="started empty"), title)
        elif kind == "essay":
            doc = load_document(source.ROOT / "claims.yaml")
            made = store.create(doc.map, name, text=doc.text, message="a copy of the essay")
            _created(made, doc.map.source.title)
        else:
            files = st.session_state.get("maps_upload") or []
            if not files:
                st.session_state[RESULT] = "Choose the map's file first (and its text, if any)."
                return
            if any(f.size > UPLOAD_LIMIT for f in files):
                st.session_state[RESULT] = "A file is over the 2 MB limit for uploads."
                return
            doc = load_upload([(f.name, f.getvalue()) for f in files], limit=UPLOAD_LIMIT)
            made = store.create(
                doc.map,
                name,
                text=doc.text,
                filename=files[0].name,
                message=f"uploaded {files[0].name}",
            )
            _created(made, doc.map.source.title)
    except MapError as err:
        st.session_state[RESULT] = err
    except StoreError as exc:
        st.session_state[RESULT] = str(exc)
    except Exception:  # a bug, not the user's input: logged, told calmly
        log.exception("starting a stored map failed")
        st.session_state[RESULT] = "The map could not be stored because of an error in argmap."


def _open_link() -> None:
    ref = parse_ref(str(st.session_state.get("maps_link") or ""))
    if ref is None or ref.token is None or not stored.open_token(ref.token):
        st.session_state[RESULT] = "no such map"
        return
    st.session_state.pop(RESULT, None)
    state.go("map")


def _open_mine(token: str) -> None:
    if stored.open_token(token):
        state.go("map")


result = st.session_state.get(RESULT)
if isinstance(result, MapError):
    st.error(
        "**The map was not stored: " + md(result.summary()) + ".** Nothing was saved.",
        icon=":material/error:",
    )
    st.code("\n".join(str(p) for p in result.problems), language=None, wrap_lines=True)
elif result:
    st.error(md(str(result)), icon=":material/error:")

st.subheader("Start a map")
empty, essay, upload = st.tabs(["Empty", "A copy of the essay", "From a file"], key="maps_tabs")
with empty:
    st.text_input("Title", key="maps_title", placeholder="e.g. My reading of chapter II")
    st.button("Start an empty map", key="maps_start_empty", on_click=_start, args=("empty",))
with essay:
    st.caption("A copy of the bundled map and its text; the bundled file is never changed.")
    st.button(
        "Start from a copy of the essay", key="maps_start_essay", on_click=_start, args=("essay",)
    )
with upload:
    st.file_uploader(
        "A map (YAML, JSON or Argdown), with its text (.txt) or as one .zip",
        type=["yaml", "yml", "json", "argdown", "ad", "txt", "zip"],
        accept_multiple_files=True,
        key="maps_upload",
    )
    st.button("Store this map", key="maps_start_upload", on_click=_start, args=("upload",))

st.subheader("Open a map by its link")
st.text_input("A share link (or its token)", key="maps_link", type="password")
st.button("Open", key="maps_open", on_click=_open_link, icon=":material/link:")

st.subheader("Opened in this tab")
mine = stored.mine()
if not mine:
    st.caption("None yet.")
for i, m in enumerate(mine):
    with st.container(border=True, key=f"maps_mine_{i}"):
        st.markdown(f"**{md(short(m['title'], 120))}**")
        for access, what in (("edit", "Edit link"), ("view", "Read-only link")):
            token = m["links"].get(access)
            if token:
                st.caption(what)
                st.code(stored.link(token, access), language=None, wrap_lines=True)
        token = m["links"].get("edit") or m["links"].get("view")
        if token:
            st.button("Open", key=f"maps_mine_open_{i}", on_click=_open_mine, args=(token,))
