"""Rendering a comparison of two actors (rows from :func:`arguments.analysis.compare.compare`).

Contract: :func:`topic_table` turns one topic's rows of the compare frame into
an HTML table (escaped; long cells folded after their first claim);
:func:`side_by_side` shows each (topic, period)
row with both actors' claims and quotes and the relations behind the row's
relation word; :func:`chains` lists an actor's revisions.  Nothing here
decides a relation: the words come from the compare frame.
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd
import streamlit as st

from arguments.analysis.compare import JOINT
from arguments.models import Map

from . import claim as claim_ui
from . import state
from .text import md, short

RELATION_MARK = {
    "agree": "\u2714 agree",
    "adopt": "\u2714 adopt",
    "disagree": "\u2716 disagree",
    "contradict": "\u2716 contradict",
    "mixed": "\u00b1 mixed",
}


def link_sentence(m: Map, link: tuple[str, str, str]) -> str:
    """``Lenin (1917-04) adopts Trotsky (1906)`` for a (source, kind, target) triple;
    ``Lenin and Trotsky (1919-03): a joint act`` for a claim both hold."""
    s, kind, t = link
    a, b = m.claim(s), m.claim(t)
    if kind == JOINT:
        return f"{m.actors_named(a.actors)} ({a.date or 'undated'}): a joint act"
    return (
        f"{m.actors_named(a.actors)} ({a.date or 'undated'}) {kind} "
        f"{m.actors_named(b.actors)} ({b.date or 'undated'})"
    )


def _claim_line(m: Map, cid: str, joint: bool = False) -> str:
    c = m.claim(cid)
    mark = ' <span class="am-joint" title="held jointly">joint</span>' if joint else ""
    return (
        f'<div class="am-cmp-claim"><b>{html.escape(c.date or "undated")}</b> '
        f"{html.escape(short(c.text, 220))}{mark}</div>"
    )


def _cell(m: Map, ids: list[str], linked: set[str], joint: set[str]) -> str:
    """A side of a row, in date order: the first claim (or the first a relation names),
    then the others folded behind "n more"."""
    if not ids:
        return '<span class="am-none">\u2014</span>'
    first = next((c for c in ids if c in linked), ids[0])
    rest = [c for c in ids if c != first]
    out = _claim_line(m, first, first in joint)
    if rest:
        out += (
            f"<details><summary>{len(rest)} more</summary>"
            + "".join(_claim_line(m, c, c in joint) for c in rest)
            + "</details>"
        )
    return out


def _relation_cell(m: Map, row: Any) -> str:
    word = html.escape(RELATION_MARK.get(row.relation, row.relation))
    out = f'<div class="am-rel am-rel-{html.escape(row.relation.split()[0])}">{word}</div>'
    if row.links:
        out += "".join(
            f'<div class="am-basis">{html.escape(link_sentence(m, lk))}</div>' for lk in row.links
        )
    for qualifier in dict.fromkeys(q for q, _, _ in row.qualified):
        c = m.claim(qualifier)
        out += (
            f'<div class="am-qualified" title="{html.escape(c.text)}">qualified by '
            f"{html.escape(m.credited(c))}: \u201c{html.escape(short(c.text, 120))}"
            "\u201d</div>"
        )
    return out


def topic_table(m: Map, rows: pd.DataFrame, a: str, b: str) -> str:
    """One topic's rows as an HTML table: period, each side's claims (long cells folded),
    and the relation with what states it and who qualifies it.  Map text is escaped."""
    head = (
        f"<tr><th>Period</th><th>{html.escape(m.actor_name(a))}</th><th>Relation</th>"
        f"<th>{html.escape(m.actor_name(b))}</th></tr>"
    )
    body = []
    for row in rows.itertuples(index=False):
        linked = {x for s, _, t in row.links for x in (s, t)}
        joint = set(row.joint)
        body.append(
            f"<tr><td class='am-period'>{html.escape(row.period)}</td>"
            f"<td>{_cell(m, row.a_claims, linked, joint)}</td>"
            f"<td>{_relation_cell(m, row)}</td>"
            f"<td>{_cell(m, row.b_claims, linked, joint)}</td></tr>"
        )
    return f'<table class="am-cmp">{head}{"".join(body)}</table>'


def _claim_block(m: Map, cid: str, key: str) -> None:
    c = m.claim(cid)
    st.markdown(f"**{md(c.date or 'undated')}** \u00b7 {md(c.kind)}: {md(c.text)}")
    claim_ui.quotes(m, cid)
    st.button(
        "Open this claim",
        key=key,
        on_click=state.go,
        args=("claim", cid),
        type="tertiary",
        icon=":material/open_in_new:",
    )


def side_by_side(m: Map, df: pd.DataFrame, a: str, b: str, key: str) -> None:
    """Per topic, an expander with each period's positions of both actors and their quotes."""
    a_name, b_name = m.actor_name(a), m.actor_name(b)
    for ti, (_topic, rows) in enumerate(df.groupby("topic", sort=False)):
        label = rows["topic_label"].iloc[0]
        box = st.expander(
            f"{md(label)}: the claims with their quotes",
            key=f"{key}-topic-{ti}",
            on_change="rerun",
        )
        with box:
            if not box.open:  # drawn only when opened: the page stays quick
                continue
            for ri, row in enumerate(rows.itertuples()):
                st.markdown(
                    f"##### {md(row.period)} \u00b7 "
                    f"{md(RELATION_MARK.get(row.relation, row.relation))}"
                )
                for lk in row.links:
                    st.caption(md(link_sentence(m, lk)))
                sides = (("a", a_name, row.a_claims), ("b", b_name, row.b_claims))
                for col, (side, name, ids) in zip(st.columns(2, gap="medium"), sides):
                    with col:
                        st.markdown(f"**{md(name)}**")
                        for ci, cid in enumerate(ids):
                            _claim_block(m, cid, f"{key}-{ti}-{ri}-{side}-{ci}")
                        if not ids:
                            st.caption("no position in this period")


def chains(m: Map, actor: str, chains_: list[list[str]], key: str) -> None:
    st.markdown(f"**{md(m.actor_name(actor))}**")
    if not chains_:
        st.caption("The map records no revision of his own positions.")
        return
    for _i, chain in enumerate(chains_):
        lines = [
            f"{n + 1}. **{md(m.claim(c).date or 'undated')}** {md(m.claim(c).text)}"
            for n, c in enumerate(chain)
        ]
        st.markdown("\n".join(lines))
