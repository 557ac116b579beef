"""Search page: full text over claim texts and quotes, matches highlighted."""

import streamlit as st

from arguments.analysis.search import search
from components import page, state
from components.text import claim_label, highlight, md

loaded, m = page.need_map()
SHOW = 50

st.title("Search")
q = st.text_input(
    "Search claims and quotes",
    key="search_q",
    placeholder='e.g. permanent revolution, "democratic dictatorship", Kautsky',
    help="Every word must occur (at a word start, ignoring case and accents); "
    "put a phrase in double quotes.",
)
if not q.strip():
    st.caption(f"Searches the text and the quotes of all {len(m.claims)} claims.")
    st.stop()

hits = search(m, q)
by_claim: dict[str, list] = {}
for h in hits:
    by_claim.setdefault(h.claim, []).append(h)
n = len(by_claim)
st.markdown(
    f"**{n} claim{'s' if n != 1 else ''}** match{'es' if n == 1 else ''} \u201c{md(q)}\u201d."
    if n
    else f"No claim matches \u201c{md(q)}\u201d."
)
for i, (cid, hs) in enumerate(list(by_claim.items())[:SHOW]):
    c = m.claim(cid)
    with st.container(border=True, key=f"hit-{i}"):
        st.button(
            md(claim_label(m, cid, 140)),
            key=f"hit-open-{i}",
            on_click=state.go,
            args=("claim", cid),
            type="tertiary",
            icon=":material/open_in_new:",
        )
        for h in hs:
            where = "Claim" if h.field == "text" else h.field.capitalize()
            st.html(
                f'<div style="font-size:.95rem;line-height:1.5">'
                f'<span style="color:#666;font-size:.8rem;text-transform:uppercase;'
                f'letter-spacing:.04em">{where}</span><br/>{highlight(h.text, h.spans)}</div>'
            )
if n > SHOW:
    st.caption(f"Showing the first {SHOW} of {n} claims; add words to narrow the search.")
