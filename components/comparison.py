"""Rendering a comparison of two actors (rows from :func:`arguments.analysis.compare.compare`).

Contract: :func:`table` turns the compare frame into the displayed table
(escaped Markdown cells); :func:`side_by_side` shows each (topic, period)
row with both actors' claims and quotes and the relations behind the row's
relation word; :func:`chains` lists an actor's revisions.  Nothing here
decides a relation: the words come from the compare frame.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

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


def _claims_cell(m: Map, ids: list[str], linked: list[str] | None = None, most: int = 3) -> str:
    """A side of a row, short enough to scan: the claims the row's relations name first
    (in italics with an arrow when they belong to an earlier row), then up to ``most``
    others, then how many more the quotes section below holds."""
    linked = list(dict.fromkeys(linked or []))
    named = [c for c in ids if c in linked]
    rest = [c for c in ids if c not in linked]
    shown = named + rest[: max(0, most - len(named))]
    cells = [
        f"**{md(m.claim(c).date or 'undated')}** {md(short(m.claim(c).text, 150))}" for c in shown
    ]
    cells += [
        f"_\u21b3 {md(m.claim(c).date or 'undated')}: {md(short(m.claim(c).text, 110))}_"
        for c in linked
        if c not in ids
    ]
    hidden = len(ids) - len(shown)
    if hidden:
        cells.append(f"_and {hidden} more position{'s' if hidden > 1 else ''}, with quotes below_")
    return "; ".join(cells) or "\u2014"


def _linked(m: Map, links, actor: str) -> list[str]:
    return [c for s, _, t in links for c in (s, t) if m.claim(c).actor == actor]


def link_sentence(m: Map, link: tuple[str, str, str]) -> str:
    """``Lenin (1917-04) adopts Trotsky (1906)`` for a (source, kind, target) triple."""
    s, kind, t = link
    a, b = m.claim(s), m.claim(t)
    return (
        f"{m.actor_name(a.actor)} ({a.date or 'undated'}) {kind} "
        f"{m.actor_name(b.actor)} ({b.date or 'undated'})"
    )


def table(m: Map, df: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """The comparison as displayed: topic, period, each side's claims, relation, its basis."""
    a_name, b_name = m.actor_name(a), m.actor_name(b)
    return pd.DataFrame(
        {
            "Topic": [md(x) for x in df["topic_label"]],
            "Period": [md(x) for x in df["period"]],
            md(a_name): [
                _claims_cell(m, ids, _linked(m, links, a))
                for ids, links in zip(df["a_claims"], df["links"])
            ],
            "Relation": [RELATION_MARK.get(r, r) for r in df["relation"]],
            md(b_name): [
                _claims_cell(m, ids, _linked(m, links, b))
                for ids, links in zip(df["b_claims"], df["links"])
            ],
            "Stated by": [
                "; ".join(md(link_sentence(m, lk)) for lk in links) or "\u2014"
                for links in df["links"]
            ],
        }
    )


def _claim_block(m: Map, cid: str, key: str) -> None:
    c = m.claim(cid)
    st.markdown(f"**{md(c.date or 'undated')}** \u00b7 {md(c.kind)}: {md(c.text)}")
    st.html("".join(claim_ui.quote_block(m, q) for q in c.quotes))
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
        words = ", ".join(
            f"{p}: {r}"
            for p, r in zip(rows["period"], rows["relation"])
            if r != "no stated relation"
        )
        box = st.expander(
            f"{md(label)}" + (f" \u2014 {md(words)}" if words else ""),
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
