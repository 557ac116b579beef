"""Timeline page: every dated claim on a time axis, one lane per actor; click a point."""

import streamlit as st

from arguments.analysis.timeline import timeline
from arguments.graph import filter_map
from components import charts, claim, filters, page, state

loaded, m = page.need_map()
f = filters.sidebar_filters(m, relations=False, map_key=loaded.key)
shown = filter_map(m, f)
df = timeline(shown)
cid = state.selected(m)

st.title("Timeline")
st.markdown(
    "Every dated claim of the map on a time axis, one lane per actor, filled with the "
    "actor's colour as in the diagrams; the shape gives the kind of claim. Click a "
    "point to read the claim below; scroll over the chart to zoom in on years, drag to "
    "move along them. The sidebar filters apply (the year slider narrows the axis)."
)
undated = sum(1 for c in shown.claims if not c.date)
if df.empty:
    st.info("No dated claim matches the current filters.", icon=":material/filter_alt_off:")
    st.stop()


def _picked() -> None:
    event = st.session_state.get("timeline_chart") or {}
    points = (event.get("selection") or {}).get("pick") or []
    ids = [p.get("id") for p in points if isinstance(p, dict) and p.get("id")]
    if ids:
        state.select(ids[0])


names = {a.id: a.name for a in m.actors}
chart = charts.timeline_chart(df, m.actor_colours, names, selected=cid)
st.altair_chart(
    chart, width="stretch", key="timeline_chart", on_select=_picked, selection_mode="pick"
)
st.caption(
    f"{len(df)} dated claims by {df['actor'].nunique()} actors, "
    f"{df['date'].min()} to {df['date'].max()}"
    + (f"; {undated} undated claims of the author are not on the axis." if undated else ".")
)

if cid:
    with st.container(border=True, key="timeline_panel"):
        claim.detail(m, cid, key="tl", compact=True)
        st.button(
            "Open the claim's page",
            key="tl_open",
            on_click=state.go,
            args=("claim", cid),
            icon=":material/open_in_new:",
        )

table = st.expander("Text view: the timeline as a table", key="timeline_table", on_change="rerun")
with table:
    if table.open:
        st.dataframe(
            df[["date", "actor_name", "kind", "text", "chapter"]].rename(
                columns={
                    "date": "Date",
                    "actor_name": "Actor",
                    "kind": "Kind",
                    "text": "Claim",
                    "chapter": "Chapter",
                }
            ),
            hide_index=True,
            width="stretch",
            key="timeline_df",
        )
