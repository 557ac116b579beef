"""Map page: the argument graph, filtered and laid out from the sidebar; click a claim."""

import streamlit as st

from components import claim, diagram, filters, outline, page, state
from components.text import md

loaded, m = page.need_map()
cid = state.selected(m)
url = filters.url_params(m, layout=True)
filters.restore(m, "map", url)  # a link's or Back's view, before the widgets
f = filters.sidebar_filters(m, map_key=loaded.key)
view = filters.sidebar_layout(m, f, cid, loaded.key)
filters.publish("map", url)  # the view into the URL: one history entry per change


def _focus(target: str) -> None:
    st.session_state["v_focus"] = True
    st.session_state["v_focus_claim"] = target


st.title(m.source.title)
by = f" by {md(m.source.author)}" if m.source.author and m.source.author != "unknown" else ""
st.markdown(
    f"An argument map of *{md(m.source.title)}*{by}: each box is a claim taken from the "
    "text, with a verbatim quote; each line says how one claim bears on another (supports, "
    "attacks, contradicts, adopts, revises and more). Fill colour shows who holds a claim, "
    "the shape what kind of claim it is, and the line style the relation. Filter and lay it "
    "out from the sidebar; click a claim to read its quotes and follow its relations."
)
if m.source.description:
    st.caption(md(m.source.description))
if bad := state.unknown_in_url(m):
    st.warning(
        f"The link names a claim this map does not have: {md(bad)}.", icon=":material/link_off:"
    )

left, right = st.columns([7, 3], gap="medium")
with left:
    # lazy tabs and expanders: hidden text views cost nothing until they are opened
    tab_d, tab_t = st.tabs(["Diagram", "Text view"], key="map_tabs", on_change="rerun")
    with tab_d:
        info = diagram.show(
            m,
            loaded.key,
            view,
            key="map_view",
            selected=cid,
            min_height=420,
            max_height=900,
            initial="readable",
        )
        if not info["claims"]:
            st.info("No claim matches the current filters.", icon=":material/filter_alt_off:")
        diagram.downloads(m, loaded.key, view, key="map", slug=info["slug"])
    with tab_t:
        if tab_t.open:
            st.markdown(diagram.outlined(loaded.key, diagram.view_params(view), m))
with right:
    if cid:
        with st.container(border=True, key="map_panel"):
            with st.container(horizontal=True, gap="small", key="panel_actions"):
                st.button(
                    "Open",
                    key="panel_open",
                    on_click=state.go,
                    args=("claim", cid),
                    icon=":material/open_in_new:",
                    help="The claim's page: every quote and relation",
                )
                st.button(
                    "Focus",
                    key="panel_focus",
                    on_click=_focus,
                    args=(cid,),
                    icon=":material/center_focus_strong:",
                    help="Show only this claim and its neighbours",
                )
                st.button(
                    "Clear",
                    key="panel_clear",
                    on_click=state.select,
                    args=(None,),
                    icon=":material/close:",
                    help="Clear the selection",
                )
            claim.detail(m, cid, key="panel", compact=True)
    else:
        st.info(
            "Click a claim in the diagram to see its quotes and relations here.",
            icon=":material/touch_app:",
        )
    legend = st.expander("Legend", key="map_legend", on_change="rerun", icon=":material/palette:")
    with legend:
        if legend.open:
            outline.legend(m)
state.sync_url(cid)
