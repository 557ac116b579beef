"""Finding claims: the one search behind the Search page, Focus and "Go to a claim".

Contract: :func:`hits` is :func:`arguments.analysis.search.search`, cached by map key
and query.  :func:`claim_picker` draws a search box and a list of claims: empty, every
claim in map order; with a query, the claims it finds, best first, and the best one is
picked as soon as the query is entered ("postulate 4", an id, Lenin, Brest-Litovsk).
:func:`results` draws ranked hits grouped like :func:`arguments.analysis.search.grouped`,
whatever the groups are, each hit a button that opens it.  :func:`passages` finds the
paragraphs of the map's source text (none when the map came without one) and
:func:`passage_results` draws them, each with a link to it on the Read page.  All map
text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import streamlit as st

from arguments.analysis.search import Hit, group_title, grouped, search, search_text
from arguments.models import Map

from . import reading, source
from .claim import meta_html
from .text import claim_label, highlight, md

PICK_LIMIT = 40
PLACEHOLDER = 'an id, "postulate 4", Lenin, Brest-Litovsk, words of a quote…'


@st.cache_data(max_entries=512, show_spinner=False)
def hits(map_key: str, query: str, _m: Map, limit: int = 200) -> list[Hit]:
    """Ranked hits of ``query`` in the map named by ``map_key``."""
    return search(_m, query, limit)


def claim_picker(
    m: Map,
    map_key: str,
    *,
    key: str,
    label: str,
    current: str | None,
    on_pick: Callable[[str], None],
    where=st,
    bind: bool = False,
) -> str | None:
    """A search box and the claims it finds; returns the picked claim id.

    ``key`` is the select box's key (its query box is ``key + "_q"``); ``on_pick`` is
    called with the claim picked (from the box or by entering a query).  With ``bind``
    the picked claim is in the URL under ``key``.
    """
    qkey = f"{key}_q"

    def _entered() -> None:
        q = st.session_state.get(qkey, "")
        found = hits(map_key, q, m, PICK_LIMIT) if q.strip() else []
        if found:
            st.session_state[key] = found[0].id
            on_pick(found[0].id)

    def _chosen() -> None:
        cid = st.session_state.get(key)
        if cid:
            on_pick(cid)

    query = where.text_input(
        "Find a claim",
        key=qkey,
        placeholder=PLACEHOLDER,
        on_change=_entered,
        help="Finds claims by id, postulate number (postulate 4, P4, fourth postulate), "
        "actor, topic, text or quote; the best match is picked when you press Enter.",
    )
    found = hits(map_key, query, m, PICK_LIMIT) if query.strip() else []
    ids = [h.id for h in found] if found else [c.id for c in m.claims]
    # the box shows the current claim; a query that does not find it shows its best match
    desired = current if current in ids or (current is None and not found) else ids[0]
    if key not in st.session_state or st.session_state[key] != desired:
        st.session_state[key] = desired
    if query.strip():
        n = len(found)
        where.caption(
            f"{n} match{'es' if n != 1 else ''}, best first" if n else "No claim matches."
        )
    options: dict = {"bind": "query-params"} if bind else {}
    return where.selectbox(
        label,
        ids,
        key=key,
        on_change=_chosen,
        format_func=lambda c: claim_label(m, c, 110),
        placeholder="Choose a claim…",
        **options,
    )


@st.cache_data(max_entries=256, show_spinner=False)
def _passages(map_key: str, query: str, _loaded: source.Loaded, limit: int) -> list[Hit]:
    found = reading.anchored(_loaded)
    if found is None:
        return []
    return search_text(found.structure, query, reading.quoted_set(map_key, found), limit)


def passages(loaded: source.Loaded, query: str, limit: int = 50) -> list[Hit]:
    """Ranked paragraphs of the source text of the loaded map for ``query``."""
    if loaded.text is None or not query.strip():
        return []
    return _passages(loaded.key, query, loaded, limit)


# ------------------------------------------------------------------ the results page
_FIELD = {"text": "Claim", "id": "Id", "kind": "Kind", "actors": "Actor", "topics": "Topic"}


def _field_name(name: str) -> str:
    return _FIELD.get(name, name.capitalize())


def results(m: Map, found: list[Hit], *, key: str, open_hit: Callable[[Hit], None]) -> None:
    """Ranked hits, grouped; each hit's button calls ``open_hit`` with it."""
    for gi, (group, group_hits) in enumerate(grouped(found)):
        st.markdown(f"#### {md(group_title(group, len(group_hits)))} ({len(group_hits)})")
        for hi, h in enumerate(group_hits):
            with st.container(border=True, key=f"{key}-{gi}-{hi}"):
                if h.id in m.claim_index:
                    st.button(
                        md(claim_label(m, h.id, 140)),
                        key=f"{key}-open-{gi}-{hi}",
                        on_click=open_hit,
                        args=(h,),
                        type="tertiary",
                        icon=":material/open_in_new:",
                    )
                    st.html(meta_html(m, h.id))
                if h.exact:
                    st.caption(f"Named by the query: {md(h.why)}")
                for x in h.matches:
                    if x.field == "id":
                        continue
                    st.html(
                        '<div class="am-hit"><span class="am-hit-field">'
                        f"{html.escape(_field_name(x.field))}</span><br/>"
                        f"{highlight(x.text, x.spans)}</div>"
                    )
                    number = x.field.removeprefix("quote ")
                    if number != x.field and number.isdigit() and h.id in m.claim_index:
                        reading.context_link(h.id, int(number) - 1)  # nothing without a text


def passage_results(loaded: source.Loaded, found: list[Hit], *, key: str) -> None:
    """Passages of the text, best first: chapter and paragraph, the words around what
    matched, whether the map quotes it, and a link to it on the Read page."""
    anchors = reading.anchored(loaded)
    for i, h in enumerate(found):
        chapter = anchors.structure.chapter(h.chapter) if anchors is not None else None
        label = reading.chapter_label(anchors, h.chapter) if anchors is not None else h.chapter
        title = (chapter.title if chapter and chapter.title else "") or label
        where = f"Chapter {label}: {title}" if label != title else title
        with st.container(border=True, key=f"{key}-{i}"):
            head = st.container(horizontal=True, gap="small", vertical_alignment="center")
            head.markdown(f"**{md(where)}**, paragraph {h.paragraph}", width="content")
            if h.unquoted:
                head.badge("no claim quotes it", color="orange", icon=":material/format_quote:")
            match = h.matches[0] if h.matches else None
            if match is not None:
                st.html(f'<div class="am-hit">{highlight(match.text, match.spans)}</div>')
            st.page_link(
                reading.READ_PAGE,
                label="Read it in the text",
                icon=":material/menu_book:",
                query_params={"rd_ch": label, "para": str(h.paragraph)},
                help="Open the Read page at this paragraph, among the map's highlighted quotes",
            )
