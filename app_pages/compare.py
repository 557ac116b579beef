"""Compare page: two actors side by side, topic by topic and period by period."""

import streamlit as st

from arguments.analysis.compare import (
    NO_RELATION,
    compare,
    convergence,
    revision_chains,
    topic_story,
)
from arguments.graph import used_actors
from arguments.views import View
from components import charts, comparison, diagram, page
from components.text import md

loaded, m = page.need_map()
actors = [a for a in used_actors(m) if m.actor_index[a].kind != "unattributed"]
if len(actors) < 2:
    st.title("Compare two actors")
    st.info(
        "This map names fewer than two actors, so there is no one to compare: the "
        "comparison sets two actors' claims side by side. A map made in another tool "
        "often names none; give its claims an `actor` to compare them.",
        icon=":material/group_off:",
    )
    st.stop()
ALL = "all"


def _default(name: str, fallback: str) -> str:
    return name if name in actors else fallback


def _swap() -> None:
    st.session_state["cmp_a"], st.session_state["cmp_b"] = (
        st.session_state.get("cmp_b"),
        st.session_state.get("cmp_a"),
    )


first = _default("trotsky", actors[0])
second = _default("lenin", next(a for a in actors if a != first))
for k in ("cmp_a", "cmp_b"):
    if k in st.session_state and st.session_state[k] not in actors:  # another map's actor
        del st.session_state[k]
    # the URL names an actor as the page shows him ("Lenin"); a link made with his id
    # (?cmp_a=lenin, as the Read page makes them) opens the same pair
    raw = st.query_params.get(k)
    if raw in actors and raw != m.actor_name(raw) and st.session_state.get(k) != raw:
        st.session_state[k] = raw

st.title("Compare two actors")
c1, c0, c2, c3 = st.columns([4, 1, 4, 5], vertical_alignment="bottom")
# bound to the URL (?cmp_a=…&cmp_b=…&cmp_topic=…&cmp_all=…): a comparison is a link
a = c1.selectbox(
    "First actor",
    actors,
    index=actors.index(first),
    key="cmp_a",
    format_func=m.actor_name,
    bind="query-params",
)
c0.button(
    "\u21c4",
    key="cmp_swap",
    on_click=_swap,
    help="Swap the two actors",
    width="stretch",
)
b = c2.selectbox(
    "Second actor",
    actors,
    index=actors.index(second),
    key="cmp_b",
    format_func=m.actor_name,
    bind="query-params",
)
# the topics either actor speaks to; a topic the new pair never touches falls back to all
spoken = {t for c in m.claims if {a, b} & set(c.actors) for t in c.topics}
topics = [ALL, *[t.id for t in m.topics if t.id in spoken]]
if st.session_state.get("cmp_topic", ALL) not in topics:
    st.session_state["cmp_topic"] = ALL
topic_choice = c3.selectbox(
    "Topic",
    topics,
    key="cmp_topic",
    format_func=lambda t: "All topics" if t == ALL else m.topic_label(t),
    bind="query-params",
)
topic = None if topic_choice == ALL else topic_choice
if a == b:
    st.warning("Pick two different actors.", icon=":material/group:")
    st.stop()
a_name, b_name = m.actor_name(a), m.actor_name(b)
every = st.toggle(
    "Also show where both spoke but the map links nothing",
    key="cmp_all",
    bind="query-params",
    help="By default only the topics and periods in which the map states a relation "
    "between the two.",
)
st.caption(
    f"Every relation below is read off the map's relations between a claim of "
    f"{md(a_name)} and a claim of {md(b_name)} (or a claim both hold, a joint act); a "
    "relation belongs to the period of the later of its two claims. Where another claim "
    "undercuts a relation (the author's own caveat, say), the row says who qualifies it."
)

df = compare(m, a, b, topic, related_only=not every)
conv = convergence(m, a, b) if topic is None else None

st.subheader("Convergence over time")
if conv is not None and (conv["agree"].sum() + conv["disagree"].sum()) > 0:
    st.altair_chart(
        charts.convergence_chart(conv, a_name, b_name), width="stretch", key="cmp_convergence"
    )
    notes = [
        f"{p}: {q} of the relations qualified"
        for p, q in zip(conv["period"], conv["qualified"])
        if q
    ]
    notes += [
        f"{p}: {j} joint act{'s' * (j > 1)}" for p, j in zip(conv["period"], conv["joint"]) if j
    ]
    if notes:
        st.caption(md(" \u00b7 ".join(notes)))
    figures = st.expander(
        "The chart's figures, as a table", key="cmp_conv_table", on_change="rerun"
    )
    with figures:
        if figures.open:
            st.table(conv.rename(columns=str.capitalize), hide_index=True)
elif conv is None:
    st.caption("The convergence chart counts every topic: choose \u201cAll topics\u201d to see it.")
else:
    st.caption(f"The map states no relation between {md(a_name)}'s and {md(b_name)}'s claims.")

st.subheader("Topic by topic")
if df.empty:
    st.info(
        "The map states no relation between the two on this topic."
        if not every
        else "Neither actor holds a position on this topic.",
        icon=":material/link_off:",
    )
else:
    stories = topic_story(df)
    for t, rows in df.groupby("topic", sort=False):
        with st.container(key=f"cmp-topic-{t}"):
            st.markdown(f"#### {md(rows['topic_label'].iloc[0])}")
            if stories.get(str(t)):
                st.caption(md(stories[str(t)]))
            st.html(comparison.topic_table(m, rows, a, b))
    if not every and (hidden := len(compare(m, a, b, topic)) - len(df)):
        st.caption(
            f"{hidden} more rows where both spoke but the map states no relation "
            f"(\u201c{NO_RELATION}\u201d): switch them on above."
        )
    st.markdown("**The claims with their quotes**")
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
