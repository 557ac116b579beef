"""A claim's card: text, who and when, quotes with citations, relations, breadcrumb.

Contract: :func:`detail` renders one claim of a map (full on the Claim page,
compact in the Map's side panel); the related claims are buttons that select
them in place (no page reload).  :func:`breadcrumb` renders the trail of
claims visited in this session.  All map text is escaped (see
:mod:`components.text`).
"""

from __future__ import annotations

import html

import streamlit as st

from arguments.analysis.claims import relations_of
from arguments.kinds import RELATIONS
from arguments.models import Map, Relation
from arguments.text import quoted

from . import reading, state
from .text import claim_label, kind_label, md, short

OUT = {k.name: k.reads_out.capitalize() for k in RELATIONS}
IN = {
    **{k.name: k.reads_in.capitalize() for k in RELATIONS},
    "undercut via": "Its support undercut by",
}


def swatch(colour: str) -> str:
    return (
        f'<span style="display:inline-block;width:.8em;height:.8em;border-radius:.2em;'
        f"background:{html.escape(colour)};border:1px solid #555;"
        f'vertical-align:-.05em;margin-right:.35em"></span>'
    )


def meta_html(m: Map, cid: str) -> str:
    """One line: kind, actor (with colour), date, chapter, topics (escaped HTML)."""
    c = m.claim(cid)
    colours = "".join(swatch(m.colour_of(a)) for a in c.actors)
    bits = [
        f"<b>{html.escape(kind_label(c).upper())}</b>",
        f"{colours}{html.escape(m.credited(c))}" + (" (jointly)" if c.joint else ""),
        html.escape(c.date or "undated"),
        f"chapter {html.escape(c.chapter)}: "
        f"<i>{html.escape(m.source.chapter_title(c.chapter))}</i>",
    ]
    topics = ", ".join(html.escape(m.topic_label(t)) for t in c.topics)
    return (
        f'<div style="font-size:.9rem;color:#444;line-height:1.6">'
        f"{' &middot; '.join(bits)}<br/>Topics: {topics}</div>"
    )


def quote_block_text(text: str) -> str:
    """A passage of the source shown like a quote (escaped)."""
    return (
        f'<blockquote style="margin:.4rem 0;padding:.3rem .8rem;border-left:4px solid '
        f'#888;background:#F7F7F7;border-radius:.2rem">{html.escape(quoted(text))}</blockquote>'
    )


def quote_block(m: Map, q) -> str:
    who = f"{m.actor_name(q.speaker)}: " if q.speaker else ""
    cite = (
        f'<div style="font-size:.85rem;color:#555;margin-top:.2rem">{html.escape(q.cites)}</div>'
        if q.cites
        else ""
    )
    return (
        f'<blockquote style="margin:.4rem 0;padding:.3rem .8rem;border-left:4px solid '
        f'#0077BB;background:#F5F8FB;border-radius:.2rem">'
        f'<span style="font-weight:600">{html.escape(who)}</span>'
        f"{html.escape(quoted(q.text))}{cite}</blockquote>"
    )


def quotes(m: Map, cid: str, indices: list[int] | None = None) -> None:
    """The claim's quotes (or those at ``indices``), each with its "Read in context" link."""
    c = m.claim(cid)
    for j in indices if indices is not None else range(len(c.quotes)):
        st.html(quote_block(m, c.quotes[j]))
        reading.context_link(cid, j)


def _note(m: Map, src: str, kind: str, tgt: str) -> Relation | None:
    for r in m.relations:
        if r.source == src and r.target == tgt and r.kind == kind:
            return r
    return None


def relation_groups(m: Map, cid: str) -> list[tuple[str, list[tuple[str, Relation | None]]]]:
    """(heading, [(other claim id, relation or None)]) for each kind, outgoing first."""
    rels = relations_of(m, cid)
    groups = []
    for kind, ids in rels["out"].items():
        groups.append((OUT.get(kind, kind), [(o, _note(m, cid, kind, o)) for o in ids]))
    for kind, ids in rels["in"].items():
        groups.append((IN.get(kind, kind), [(o, _note(m, o, kind, cid)) for o in ids]))
    return groups


def _select(cid: str) -> None:
    state.select(cid)


def detail(m: Map, cid: str, *, key: str, compact: bool = False) -> None:
    """The card of claim ``cid``; related claims are buttons that select them."""
    c = m.claim(cid)
    st.html(meta_html(m, cid))
    if compact:
        st.html(f"<div class='am-claim-text'>{html.escape(' '.join(c.text.split()))}</div>")
    else:
        st.markdown(f"### {md(c.text)}")
    if c.quotes:  # a map made in another tool may quote nothing
        st.markdown(f"**Quote{'s' if len(c.quotes) > 1 else ''}**")
        quotes(m, cid, list(range(min(2, len(c.quotes)) if compact else len(c.quotes))))
    else:
        st.caption("No quote: the map gives none for this claim.")
    if compact and len(c.quotes) > 2:
        st.caption(f"and {len(c.quotes) - 2} more quotes on the claim's page")
    groups = relation_groups(m, cid)
    if not groups:
        st.caption("No relation links this claim to another.")
        return
    st.markdown("**Relations**")
    for gi, (heading, items) in enumerate(groups):
        st.caption(heading)
        for oi, (other, rel) in enumerate(items):
            st.button(
                md(claim_label(m, other, 80 if compact else 140)),
                key=f"{key}-rel-{gi}-{oi}",
                on_click=_select,
                args=(other,),
                type="tertiary",
                icon=":material/arrow_forward:",
            )
            if rel is not None and not compact and (rel.note or rel.quote or rel.reason):
                bits = []
                if rel.reason:
                    bits.append(
                        f"its support from \u201c{short(m.claim(rel.reason).text, 80)}\u201d"
                    )
                if rel.note:
                    bits.append(rel.note)
                if bits:
                    st.caption(md(" \u2014 ".join(bits)))
                if rel.quote:
                    st.html(quote_block(m, rel.quote))
                    reading.context_link(rel.source, f"link:{rel.kind}>{rel.target}")


def breadcrumb(m: Map, current: str | None, *, key: str) -> None:
    trail = [c for c in state.visited(m) if c != current]
    if not trail:
        return
    cols = st.columns([1] + [3] * min(len(trail), 4), vertical_alignment="center")
    cols[0].caption("Visited")
    for i, (col, cid) in enumerate(zip(cols[1:], trail[-4:])):
        col.button(
            md(short(m.claim(cid).text, 48)),
            key=f"{key}-crumb-{i}",
            on_click=_select,
            args=(cid,),
            type="tertiary",
            help=md(claim_label(m, cid, 200)),
            icon=":material/history:",
        )
