"""Compare page: two actors side by side, topic by topic and period by period."""

import streamlit as st

from arguments.analysis.compare import compare, convergence, revision_chains
from arguments.graph import used_actors
from arguments.views import View
from components import charts, comparison, diagram, page
from components.text import md

loaded, m = page.need_map()
actors = used_actors(m)
if len(actors) < 2:
    st.info("This map has claims by only one actor: there is no one to compare.")
    st.stop()


def _default(name: str, fallback: str) -> str:
    return name if name in actors else fallback


first = _default("trotsky", actors[0])
second = _default("lenin", next(a for a in actors if a != first))
for k in ("cmp_a", "cmp_b"):
    if k in st.session_state and st.session_state[k] not in actors:  # another map's actor
        del st.session_state[k]
if st.session_state.get("cmp_topic") not in [None, *[t.id for t in m.topics]]:
    del st.session_state["cmp_topic"]

st.title("Compare two actors")
c1, c2, c3 = st.columns([2, 2, 3])
# bound to the URL (?cmp_a=…&cmp_b=…&cmp_topic=…), so a comparison can be shared as a link
a = c1.selectbox(
    "First actor",
    actors,
    index=actors.index(first),
    key="cmp_a",
    format_func=m.actor_name,
    bind="query-params",
)
b = c2.selectbox(
    "Second actor",
    actors,
    index=actors.index(second),
    key="cmp_b",
    format_func=m.actor_name,
    bind="query-params",
)
topic = c3.selectbox(
    "Topic",
    [None, *[t.id for t in m.topics]],
    key="cmp_topic",
    format_func=lambda t: "All topics" if t is None else m.topic_label(t),
    bind="query-params",
)
if a == b:
    st.warning("Pick two different actors.", icon=":material/group:")
    st.stop()
a_name, b_name = m.actor_name(a), m.actor_name(b)
st.caption(
    f"Every relation below is read off the map's relations between a claim of "
    f"{md(a_name)} and a claim of {md(b_name)}; a relation belongs to the period of the "
    "later of its two claims. Rows without a stated relation show where both spoke "
    "but the map links nothing."
)

df = compare(m, a, b, topic)
conv = convergence(m, a, b) if topic is None else None

st.subheader("Convergence over time")
if conv is not None and (conv["agree"].sum() + conv["disagree"].sum()) > 0:
    st.altair_chart(
        charts.convergence_chart(conv, a_name, b_name), width="stretch", key="cmp_convergence"
    )
    figures = st.expander(
        "The chart's figures, as a table", key="cmp_conv_table", on_change="rerun"
    )
    with figures:
        if figures.open:
            st.table(
                conv.rename(
                    columns={
                        "period": "Period",
                        "agree": "Agree",
                        "disagree": "Disagree",
                        "balance": "Balance",
                    }
                ),
                hide_index=True,
            )
elif conv is None:
    st.caption("The convergence chart counts every topic: choose “All topics” to see it.")
else:
    st.caption(f"The map states no relation between {md(a_name)}'s and {md(b_name)}'s claims.")

st.subheader("Positions side by side")
if df.empty:
    st.info("Neither actor holds a position on this topic.")
else:
    st.table(comparison.table(m, df, a, b), hide_index=True, border="horizontal")
    st.markdown("**With their quotes**")
    comparison.side_by_side(m, df, a, b, key="cmp")

st.subheader("How each revised his own positions")
ra, rb = st.columns(2, gap="large")
with ra:
    comparison.chains(m, a, revision_chains(m, a), key="cmp_chain_a")
with rb:
    comparison.chains(m, b, revision_chains(m, b), key="cmp_chain_b")

st.subheader("The comparison as a diagram")
view = View(kind="compare", actors=(a, b), topic=topic)
info = diagram.show(m, loaded.key, view, key="cmp_view", mode="open", max_height=760)
diagram.downloads(m, loaded.key, view, key="cmp", slug=info["slug"])
text_view = st.expander("Text view of the diagram", key="cmp_outline", on_change="rerun")
with text_view:
    if text_view.open:
        st.markdown(diagram.outlined(loaded.key, diagram.view_params(view), m))
