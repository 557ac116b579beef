"""Timeline page: every dated claim on a time axis, one lane per actor; click a point to
read its claim beside the chart.  The years shown (1903-1930 by default, the essay's
story) and the filters are in the URL (``?range=1917-1921&actor=lenin``)."""

from typing import cast

import streamlit as st

from arguments.analysis.timeline import timeline
from arguments.graph import Filters, filter_map
from arguments.views import View
from components import charts, claim, diagram, downloads, filters, page, state, urlstate

loaded, m = page.need_map()
if not any(c.date for c in m.claims):
    st.title("Timeline")
    st.info(
        "This map dates none of its claims, so there is no timeline: the timeline sets each "
        "claim at the date its actor held or stated it. A map made in another tool (Argdown, "
        "Kialo, AIF without timestamps) often has no dates; give its claims a `date` (YYYY or "
        "YYYY-MM) to see them here.",
        icon=":material/event_busy:",
    )
    st.stop()
lo, hi = filters.year_bounds(m)
STORY = (max(lo, min(1903, hi)), min(hi, max(1930, lo)))  # the essay's story, if it fits
URL = [
    *filters.url_params(m, relations=False, years=False),
    urlstate.span("tl_years", "range", STORY, lo, hi),
]
urlstate.restore(URL, "timeline")
st.session_state.setdefault("tl_years", STORY)
f = filters.sidebar_filters(m, relations=False, years_shown=False, map_key=loaded.key)
cid = state.selected(m)

st.title("Timeline")
st.markdown(
    "Every dated claim of the map on a time axis, one lane per actor, filled with the "
    "actor's colour as in the diagrams; the shape gives the kind of claim. Click a point "
    "to read its claim beside the chart; scroll over the chart to zoom in on years, drag "
    "to move along them, double-click to clear the selection."
)
years = cast(
    tuple[int, int],
    st.slider(
        "Years shown",
        lo,
        hi,
        key="tl_years",
        help=f"The essay's story runs {STORY[0]}-{STORY[1]}; widen it to see every dated "
        f"claim ({lo}-{hi}).",
    ),
)
urlstate.publish(URL, "timeline")
shown = filter_map(m, f)
whole = timeline(shown)
df = whole[(whole["year"] >= years[0]) & (whole["year"] <= years[1])]
undated = sum(1 for c in shown.claims if not c.date)
outside = whole["id"].nunique() - df["id"].nunique()
if df.empty:
    st.info(
        "No dated claim matches the current filters in these years.",
        icon=":material/filter_alt_off:",
    )
    st.stop()


def _picked() -> None:
    event = st.session_state.get("timeline_chart") or {}
    points = (event.get("selection") or {}).get("pick") or []
    ids = [p.get("id") for p in points if isinstance(p, dict) and p.get("id")]
    if ids:
        state.select(ids[0])


@st.cache_data(max_entries=64, show_spinner=False)
def _spec(map_key: str, view: tuple, years: tuple[int, int], cid: str | None, _df) -> dict:
    """The chart as a Vega-Lite spec, made once per map, filters, years and selection
    (building and validating it with Altair costs more than drawing the rest)."""
    names = {a.id: a.name for a in m.actors}
    return charts.timeline_chart(_df, m.actor_colours, names, selected=cid, years=years).to_dict()


left, right = st.columns([5, 2], gap="medium")
with left:
    spec = _spec(loaded.key, diagram.view_params(View(filters=f)), years, cid, df)
    st.vega_lite_chart(
        spec, width="stretch", key="timeline_chart", on_select=_picked, selection_mode="pick"
    )
    st.caption(
        f"{df['id'].nunique()} dated claims by {df['actor'].nunique()} actors, "
        f"{df['date'].min()} to {df['date'].max()}"
        + (f"; {outside} more outside {years[0]}-{years[1]}" if outside else "")
        + (f"; {undated} undated claims of the author are not on the axis." if undated else ".")
    )
    # what the timeline shows, to take away: the filters and the years as a view of the map
    shown_view = View(
        filters=Filters.make(
            actors=f.actors,
            kinds=f.kinds,
            topics=f.topics,
            chapters=f.chapters,
            years=years,
            include_undated=False,
        )
    )
    downloads.menu(m, shown_view, key="tl", text=loaded.text)
# the panel follows the reader down the tall chart
with right, st.container(border=True, key="timeline_panel"):
    if cid:
        claim.detail(m, cid, key="tl", compact=True)
        st.button(
            "Open the claim's page",
            key="tl_open",
            on_click=state.go,
            args=("claim", cid),
            icon=":material/open_in_new:",
        )
    else:
        st.info("Click a point to read its claim here.", icon=":material/touch_app:")

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
