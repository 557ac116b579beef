"""Postulates page: the five postulates, their reasons, objections and fate through time."""

import streamlit as st

from arguments.analysis.claims import objections, reasons
from arguments.analysis.fate import fate, postulates
from arguments.views import View
from components import claim, diagram, page, state, urlstate
from components.text import claim_label, md

loaded, m = page.need_map()
posts = postulates(m)
st.title("The postulates")
st.markdown(
    "The theory reduced to its postulates. For each: the reasons given for it, the "
    "objections raised against it, and what became of it, read off the map's "
    "relations (adopted, upheld, strained, altered, rejected)."
)
if not posts:
    st.info("This map has no postulates.")
    st.stop()
ALL = "all"
numbers = [str(p.number) for p in posts]
URL = [urlstate.choice([ALL, *numbers], "post_show", "postulate", ALL)]  # ?postulate=4
urlstate.restore(URL, "postulates")
st.session_state.setdefault("post_show", ALL)
show = st.segmented_control(
    "Show",
    [ALL, *numbers],
    key="post_show",
    format_func=lambda n: "All postulates" if n == ALL else f"Postulate {n}",
    label_visibility="collapsed",
)
urlstate.publish(URL, "postulates")
if show not in (None, ALL):
    posts = [p for p in posts if str(p.number) == show]

STAGE_ICON = {
    "stated": "\u25cf",
    "adopted": "\u2714",
    "upheld": "\u2714",
    "strained": "\u26a0",
    "altered": "\u21bb",
    "rejected": "\u2716",
}


def _links(title: str, ids: list[str], key: str) -> None:
    st.markdown(f"**{title}** ({len(ids)})")
    if not ids:
        st.caption("none in the map")
    for i, other in enumerate(ids):
        st.button(
            md(claim_label(m, other, 110)),
            key=f"{key}-{i}",
            on_click=state.go,
            args=("claim", other),
            type="tertiary",
            icon=":material/arrow_forward:",
        )


for p in posts:
    with st.container(border=True, key=f"post-card-{p.number}"):
        st.markdown(f"### Postulate {p.number}")
        st.html(claim.meta_html(m, p.id))
        st.markdown(f"#### {md(p.text)}")
        claim.quotes(m, p.id, [0] if p.quotes else [])  # another tool's map may quote nothing
        left, right = st.columns([2, 3], gap="large")
        with left:
            _links("Reasons", reasons(m, p.id), f"post-{p.number}-why")
            _links("Objections", objections(m, p.id), f"post-{p.number}-obj")
            st.markdown("**Fate through time**")
            steps = fate(m, p.id)
            st.markdown(
                "  \n".join(
                    f"{STAGE_ICON.get(s.stage, '')} **{md(s.date or 'undated')}** "
                    f"_{md(s.word)}_"
                    + (
                        ""
                        if s.claim == p.id
                        else f" ({md(s.relation)}): {md(claim_label(m, s.claim, 110))}"
                    )
                    for s in steps
                )
            )
        with right:
            view = View(kind="postulate", claim=p.id)
            info = diagram.show(
                m,
                loaded.key,
                view,
                key=f"post-view-{p.number}",
                mode="open",
                selected=p.id,
                max_height=420,
                min_height=220,
            )
            diagram.downloads(m, loaded.key, view, key=f"post-{p.number}", slug=info["slug"])
