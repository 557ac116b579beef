"""Claim page: one claim in full, its quotes, its relations, its neighbourhood."""

import streamlit as st

from arguments.views import View
from components import claim, diagram, find, page, state
from components.text import md

loaded, m = page.need_map()
cid = state.selected(m)

st.title("Claim")
with st.container(horizontal=True, key="claim_go", vertical_alignment="bottom"):
    find.claim_picker(
        m, loaded.key, key="claim_pick", label="Go to a claim", current=cid, on_pick=state.select
    )
cid = state.selected(m)
if bad := state.unknown_in_url(m):
    st.warning(
        f"The link names a claim this map does not have: {md(bad)}.", icon=":material/link_off:"
    )
if cid is None:
    st.info(
        "No claim is selected yet: choose one above, click one on the Map, or find one "
        "with Search.",
        icon=":material/touch_app:",
    )
    st.stop()

claim.breadcrumb(m, cid, key="trail")
left, right = st.columns([3, 2], gap="large")
with left:
    claim.detail(m, cid, key="detail")
with right:
    st.markdown("**Its neighbourhood**")
    view = View(kind="focus", claim=cid, depth=1)
    info = diagram.show(
        m, loaded.key, view, key="claim_view", selected=cid, max_height=560, min_height=300
    )
    diagram.downloads(m, loaded.key, view, key="claim", slug=info["slug"])
    text_view = st.expander(
        "Text view of the neighbourhood", key="claim_outline", on_change="rerun"
    )
    with text_view:
        if text_view.open:
            st.markdown(diagram.outlined(loaded.key, diagram.view_params(view), m))
state.sync_url(cid)
