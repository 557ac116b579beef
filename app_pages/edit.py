"""Edit page: change a stored map, each edit saved as a new version at once."""

import streamlit as st

from components import editor, editor_items, stored, versions
from components.text import md

s = stored.current()
st.title("Edit")
if s is None:
    st.info(
        "The editor works on a stored map, kept with every version. Start one (empty, a "
        "copy of the essay or an upload) or open one by its link on **My maps**.",
        icon=":material/edit_note:",
    )
    st.page_link("app_pages/my_maps.py", label="My maps", icon=":material/folder_open:")
    st.stop()
if not s.can_edit:
    st.info(
        f"**{md(s.title)}** is open through its read-only link: it can be read, compared "
        "and exported, not changed. Ask for its edit link to change it.",
        icon=":material/visibility:",
    )
    st.stop()

try:
    opened = stored.store().open(stored.grant(s), s.version)
except stored.NoSuchMap:
    stored.close()
    st.error("No such map.", icon=":material/link_off:")
    st.stop()

st.caption(md(opened.title))
versions.name_box()
versions.notices()
versions.toolbar(opened)
SECTIONS = ["Claims", "Relations", "Actors", "Topics", "Source", "History", "Links"]
section = st.segmented_control(
    "What to edit", SECTIONS, key="ed_section", default="Claims", label_visibility="collapsed"
)
if section == "Relations":
    editor_items.relation_form(opened)
elif section == "Actors":
    editor_items.item_form(opened, "actors")
elif section == "Topics":
    editor_items.item_form(opened, "topics")
elif section == "Source":
    editor_items.source_form(opened)
elif section == "History":
    versions.history(opened, can_edit=True)
elif section == "Links":
    versions.links(opened)
else:
    editor.claim_form(opened)
