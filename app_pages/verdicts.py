"""Verdicts page: the author's thesis and verdicts, each with what supports or undercuts it."""

import streamlit as st

from arguments.analysis.trees import support_tree
from arguments.kinds import CLAIM_KIND
from arguments.views import View
from components import claim, diagram, outline, page, urlstate
from components.text import md, short

loaded, m = page.need_map()
judged = sorted(
    (c for c in m.claims if CLAIM_KIND[c.kind].judgement),
    key=lambda c: (c.kind != "thesis", m.chapter_rank.get(c.chapter, 99)),
)
st.title("Thesis and verdicts")
st.markdown(
    "The author's central contention and verdicts. For each, the tree of claims that "
    "bear on it: what supports it, what attacks it, what undercuts a support, and "
    "what confirms or disconfirms a prediction it rests on."
)
if not judged:
    st.info("This map has no thesis and no verdict.")
    st.stop()

ids = [c.id for c in judged]
URL = [urlstate.choice(ids, "verdict_pick", "verdict", ids[0])]  # ?verdict=ID: a link to it
urlstate.restore(URL, "verdicts")
if st.session_state.get("verdict_pick") not in ids:
    st.session_state["verdict_pick"] = ids[0]
pick = st.radio(
    "Judgement",
    ids,
    key="verdict_pick",
    label_visibility="collapsed",
    format_func=lambda c: (
        ("Thesis: " if m.claim(c).kind == "thesis" else "Verdict: ")
        + md(short(m.claim(c).text, 110))
    ),
)
urlstate.publish(URL, "verdicts")
c = m.claim(pick)
tree = support_tree(m, pick)
with st.container(border=True, key="verdict-card"):
    st.html(claim.meta_html(m, pick))
    st.markdown(f"### {md(c.text)}")
    claim.quotes(m, pick)
    counts: dict[str, int] = {}
    for _, n in tree.walk():
        if n.relation:
            counts[n.relation] = counts.get(n.relation, 0) + 1
    st.caption(
        f"{tree.size - 1} claims bear on it"
        + (": " + ", ".join(f"{v} {k}" for k, v in counts.items()) if counts else "")
    )
tab_d, tab_t = st.tabs(["Tree diagram", "Outline"], key="verdict_tabs", on_change="rerun")
with tab_d:
    view = View(kind="verdict", claim=pick)
    info = diagram.show(
        m, loaded.key, view, key="verdict_view", mode="open", selected=pick, max_height=760
    )
    diagram.downloads(m, loaded.key, view, key="verdict", slug=info["slug"])
with tab_t:
    if tab_t.open:
        st.markdown(outline.tree_outline(m, tree))
