"""Comparing two actors: side by side, topic by topic and period by period.

Contract: every relation shown between the two actors is derived from the
map's relations, never typed by hand.  :func:`compare` gives one row per
(topic, period) in which either actor holds a dated claim or a relation links
them; :func:`convergence` counts, per period, the relations between the pair
that agree and those that disagree; :func:`revision_chains` follows an actor's
``revises`` relations from his earliest position to his latest.
A relation belongs to the period of the later of its two claims (that is when
the agreement or the break was stated) and to the topics both claims share.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
import pandas as pd

from ..models import Map
from .periods import (  # re-exported: the comparison's periods and links
    CATEGORY,
    JOINT,
    NO_RELATION,
    PERIOD_LABELS,
    PERIODS,
    Link,
    _holds,
    pair_links,
    period_of,
)

__all__ = [
    "CATEGORY",
    "COLUMNS",
    "JOINT",
    "NO_RELATION",
    "PERIODS",
    "PERIOD_LABELS",
    "Link",
    "compare",
    "convergence",
    "pair_links",
    "period_of",
    "revision_chains",
    "summarise",
    "topic_story",
]


def summarise(kinds: list[str]) -> str:
    """One word for the relations of a row: agree, adopt, disagree, contradict or mixed."""
    if not kinds:
        return NO_RELATION
    cats = {CATEGORY[k] for k in kinds}
    positive = cats & {"agree", "adopt"}
    negative = cats & {"disagree", "contradict"}
    if positive and negative:
        return "mixed"
    if negative:
        return "contradict" if "contradict" in negative else "disagree"
    return "adopt" if "adopt" in positive else "agree"


COLUMNS = [
    "topic",
    "topic_label",
    "period",
    "a_claims",
    "b_claims",
    "relation",
    "links",
    "joint",
    "qualified",
]


def compare(
    m: Map, actor_a: str, actor_b: str, topic: str | None = None, *, related_only: bool = False
) -> pd.DataFrame:
    """Rows (topic, period) with each actor's claims there and how they relate.

    Columns: ``topic``, ``topic_label``, ``period``, ``a_claims``, ``b_claims``
    (lists of claim ids, oldest first; a joint claim stands on both sides),
    ``relation`` (see :func:`summarise`), ``links`` (``(source, kind, target)``
    triples behind ``relation``; a joint act is ``(id, "joint", id)``), ``joint`` (the
    claims both hold) and ``qualified`` (``(qualifier, source, target)``: a claim that
    undercuts a link of the row).  ``related_only`` keeps only rows with a link.
    """
    for actor in (actor_a, actor_b):
        if actor not in m.actor_index:
            raise KeyError(f"no actor has the id {actor!r}")
    if topic is not None and topic not in m.topic_index:
        raise KeyError(f"no topic has the id {topic!r}")
    cells: dict[tuple[str, str], dict[str, list]] = defaultdict(
        lambda: {"a": [], "b": [], "links": [], "joint": [], "qualified": []}
    )
    for c in sorted(m.claims, key=lambda c: c.sort_date):
        for side, actor in (("a", actor_a), ("b", actor_b)):
            if _holds(c, actor):
                for t in c.topics:
                    cells[(t, period_of(c.year))][side].append(c.id)
    for link in pair_links(m, actor_a, actor_b):
        for t in link.topics:
            cell = cells[(t, link.period)]
            cell["links"].append(link.triple)
            if link.kind == JOINT:
                cell["joint"].append(link.source)
            cell["qualified"] += [(q, link.source, link.target) for q in link.qualified_by]
    order_t = {t.id: i for i, t in enumerate(m.topics)}
    order_p = {p: i for i, p in enumerate((*PERIOD_LABELS, "undated"))}
    rows = []
    for (t, period), cell in sorted(
        cells.items(), key=lambda kv: (order_t.get(kv[0][0], 999), order_p[kv[0][1]])
    ):
        if (topic is not None and t != topic) or (related_only and not cell["links"]):
            continue
        rows.append(
            {
                "topic": t,
                "topic_label": m.topic_label(t),
                "period": period,
                "a_claims": cell["a"],
                "b_claims": cell["b"],
                "relation": summarise([k for _, k, _ in cell["links"]]),
                "links": cell["links"],
                "joint": cell["joint"],
                "qualified": cell["qualified"],
            }
        )
    df = pd.DataFrame(rows, columns=COLUMNS)
    df.attrs["actors"] = (actor_a, actor_b)
    return df


#: how a row's relation word reads in a topic's one-line story
STORY_WORD = {
    "agree": "agree",
    "adopt": "adopt",
    "disagree": "disagree",
    "contradict": "contradict",
    "mixed": "dispute",
}


def topic_story(df: pd.DataFrame) -> dict[str, str]:
    """Per topic, the relation over time in one line, e.g. "disagree before 1914 · agree
    1917 · dispute 1918-1921" (rows without a stated relation are left out)."""
    out: dict[str, str] = {}
    for t, rows in df.groupby("topic", sort=False):
        bits = [
            f"{STORY_WORD.get(rel, rel)} {period}" + (" (qualified)" if q else "")
            for period, rel, q in zip(rows["period"], rows["relation"], rows["qualified"])
            if rel != NO_RELATION
        ]
        out[str(t)] = " \u00b7 ".join(bits)
    return out


def convergence(m: Map, actor_a: str, actor_b: str) -> pd.DataFrame:
    """Per period: how many links between the pair agree and how many disagree.

    Every period of :data:`PERIODS` is present (with zeros), in order, so a
    chart of it reads as a story.  Each link counts once, whatever its topics; a joint
    act counts once as an agreement (``joint`` counts them); ``qualified`` counts the
    links the author (or another claim) undercuts.
    """
    counts = {p: {"agree": 0, "disagree": 0, "joint": 0, "qualified": 0} for p in PERIOD_LABELS}
    for link in pair_links(m, actor_a, actor_b):
        bucket = counts.setdefault(
            link.period, {"agree": 0, "disagree": 0, "joint": 0, "qualified": 0}
        )
        bucket["agree" if link.agreement else "disagree"] += 1
        bucket["joint"] += link.kind == JOINT
        bucket["qualified"] += bool(link.qualified_by)
    df = pd.DataFrame(
        [{"period": p, **v} for p, v in counts.items()],
        columns=["period", "agree", "disagree", "joint", "qualified"],
    )
    df["balance"] = df["agree"] - df["disagree"]
    df.attrs["actors"] = (actor_a, actor_b)
    return df


def revision_chains(m: Map, actor: str) -> list[list[str]]:
    """The actor's positions linked by ``revises``, each chain oldest first.

    A chain runs from a position nothing earlier revises to one nothing later
    revises; where two lines of thought meet (two earlier positions revised by
    one later one) each line is its own chain, sharing that later position.
    Chains sort by their first position's date.
    """
    idx = m.claim_index
    g = nx.DiGraph()
    for r in m.relations:
        if r.kind == "revises" and actor in idx[r.source].actors and actor in idx[r.target].actors:
            g.add_edge(r.target, r.source)  # earlier -> later
    chains: list[list[str]] = []
    for comp in nx.weakly_connected_components(g):
        sub = g.subgraph(comp)
        if not nx.is_directed_acyclic_graph(sub):  # equal dates can loop: keep it whole
            chains.append(sorted(comp, key=lambda n: idx[n].sort_date))
            continue
        starts = [n for n in sub if sub.in_degree(n) == 0]
        ends = [n for n in sub if sub.out_degree(n) == 0]
        for a in starts:
            for b in ends:
                chains.extend(nx.all_simple_paths(sub, a, b) if a != b else [])
    return sorted(chains, key=lambda ch: (idx[ch[0]].sort_date, ch))
