"""Search page: claims found by id, postulate number, actor, topic, text or quote, and
the paragraphs of the map's source text (its own tab), each linked to the Read page.

The query is in the URL (``?q=``), so Back and a shared link bring the search back."""

import streamlit as st

from arguments.analysis.search import Hit
from components import find, page, reading, state
from components.text import md

loaded, m = page.need_map()
SHOW = 60
SHOW_TEXT = 30


def _open(hit: Hit) -> None:
    state.go("claim", hit.id)


def _try(query: str) -> None:
    st.session_state["q"] = query


st.title("Search")
q = st.text_input(
    "Search claims, quotes and the text" if loaded.text is not None else "Search claims and quotes",
    key="q",
    bind="query-params",
    placeholder='e.g. postulate 4, Lenin, Brest-Litovsk, "democratic dictatorship"',
    help="Finds claims by id, by postulate number (postulate 4, P4, fourth postulate), by "
    "actor, by topic and by the words of their text and quotes, best first. Every word "
    "must occur (at a word start, ignoring case and accents); put a phrase in double "
    "quotes. The tab \u201cIn the text\u201d lists the paragraphs of the source text that "
    "hold the words, each linked to its place on the Read page.",
)
if not q.strip():
    paras = ""
    if loaded.text is not None and (anchored := reading.anchored(loaded)) is not None:
        paras = f", and the {len(anchored.structure.paragraphs)} paragraphs of the text"
    st.caption(
        f"Searches the ids, texts, quotes, actors and topics of all {len(m.claims)} claims{paras}."
    )
    examples = [f"postulate {c.number}" for c in m.claims if c.kind == "postulate"][:1]
    examples += [m.actor_name(c.actors[0]) for c in m.claims[:1]]
    examples += [t.label for t in m.topics[:1]]
    if examples:
        with st.container(horizontal=True, gap="small", key="search_examples"):
            st.caption("Try", width="content")
            for i, ex in enumerate(dict.fromkeys(examples)):
                st.button(ex, key=f"search-try-{i}", on_click=_try, args=(ex,), type="secondary")
    st.stop()

found = find.hits(loaded.key, q, m)
in_text = find.passages(loaded, q)
n = len(found)
if not n and not in_text:
    where = " or passage of the text" if loaded.text is not None else ""
    st.markdown(f"No claim{where} matches \u201c{md(q)}\u201d.")
    st.stop()


def _claims() -> None:
    if not n:
        st.markdown(f"No claim matches \u201c{md(q)}\u201d.")
        return
    partial = found[0].partial or (not found[0].exact and any(h.partial for h in found))
    st.markdown(
        f"**{n} claim{'s' if n != 1 else ''}** match{'es' if n == 1 else ''} \u201c{md(q)}\u201d"
        + (", best first, by kind." if n > 1 else ".")
    )
    if partial:
        st.caption("No claim holds every word of the query: these hold some of them.")
    find.results(m, found[:SHOW], key="hit", open_hit=_open)
    if n > SHOW:
        st.caption(f"Showing the best {SHOW} of {n} claims; add words to narrow the search.")


def _passages() -> None:
    k = len(in_text)
    unquoted = sum(h.unquoted for h in in_text)
    st.markdown(
        f"**{k} paragraph{'s' if k != 1 else ''}** of the text match{'es' if k == 1 else ''} "
        f"\u201c{md(q)}\u201d, best first"
        + (f"; {unquoted} of them quoted by no claim." if unquoted else ".")
    )
    if in_text[0].partial:
        st.caption("No paragraph holds every word of the query: these hold some of them.")
    find.passage_results(loaded, in_text[:SHOW_TEXT], key="passage")


if loaded.text is None:
    _claims()
else:
    labels = [f"Claims ({n})", f"In the text ({len(in_text)})"]
    claims_tab, text_tab = st.tabs(labels, key="search_tabs", default=labels[0 if n else 1])
    with claims_tab:
        _claims()
    with text_tab:
        if in_text:
            _passages()
        else:
            st.markdown(f"No paragraph of the text matches \u201c{md(q)}\u201d.")
