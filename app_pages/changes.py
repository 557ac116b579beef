"""Changes page: what changed between two versions of a stored map, or between the open map
and another (a student's map against the teacher's), as a list and as a diagram."""

import streamlit as st

from arguments.analysis.diff import diff
from arguments.documents import load_upload
from arguments.errors import MapError
from arguments.loader import UPLOAD_LIMIT
from arguments.store import StoreError, parse_ref
from arguments.store.check import canonical
from components import diffview, page, source, stored
from components.editor import keep_valid
from components.text import md

st.title("Changes")
loaded = source.current()
s = stored.current()
MODES = {"versions": "Two versions of this stored map", "other": "The open map and another"}
modes = list(MODES) if s is not None else ["other"]
keep_valid("chg_mode", modes)
mode = st.radio("Compare", modes, key="chg_mode", format_func=MODES.get, horizontal=True)

old_data = new_data = None
old_name = new_name = ""
if mode == "versions" and s is not None:
    g = stored.grant(s)
    head = stored.store().head(g)
    numbers = list(range(head, 0, -1))
    keep_valid("chg_old", numbers)
    keep_valid("chg_new", numbers)
    if "chg_old" not in st.session_state:
        st.session_state["chg_old"] = max(1, head - 1)
    left, right = st.columns(2)
    with left:
        old_n = st.selectbox("Older version", numbers, key="chg_old")
    with right:
        new_n = st.selectbox("Newer version", numbers, key="chg_new")
    old_data = stored.store().open(g, old_n).data
    new_data = stored.store().open(g, new_n).data
    old_name, new_name = f"version {old_n}", f"version {new_n}"
else:
    if loaded.map is None and not source.is_stored(loaded):
        page.need_map()
    base = stored.store().open(stored.grant(s)).data if s is not None else canonical(loaded.map)  # type: ignore[arg-type]
    st.caption(
        f"The open map, **{md(loaded.label)}**, is the older side (the teacher's); choose the "
        "newer side (a student's map, a corrected version): a file or a stored map's link."
    )
    files = st.file_uploader(
        "A map file (YAML, JSON or Argdown; with its text or as a .zip)",
        type=["yaml", "yml", "json", "argdown", "ad", "txt", "zip"],
        accept_multiple_files=True,
        key="chg_upload",
    )
    link = st.text_input("…or a stored map's link", key="chg_link", type="password")
    try:
        if files:
            doc = load_upload([(f.name, f.getvalue()) for f in files], limit=UPLOAD_LIMIT)
            new_data, new_name = canonical(doc.map), files[0].name
        elif link.strip():
            ref = parse_ref(link)
            if ref is None or ref.token is None:
                raise stored.NoSuchMap()
            other = stored.store().open(stored.store().grant(ref.token))
            new_data, new_name = other.data, other.title
    except MapError as err:
        st.error(f"**That map cannot be read: {md(err.summary())}.**", icon=":material/error:")
        st.code("\n".join(str(p) for p in err.problems), language=None, wrap_lines=True)
    except StoreError:
        st.error("No such map.", icon=":material/link_off:")
    old_data, old_name = base, loaded.label

if old_data is None or new_data is None:
    st.stop()
d = diff(old_data, new_data)
st.markdown(f"From **{md(old_name)}** to **{md(new_name)}**")
as_list, as_diagram = st.tabs(["List", "Diagram"], key="chg_tabs", on_change="rerun")
with as_list:
    diffview.listing(d, key="chg_list")
with as_diagram:
    if as_diagram.open:
        diffview.diagram(old_data, new_data, d, key="chg_diagram")
