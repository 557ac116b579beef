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

from ..kinds import RELATION, RELATIONS
from ..models import Map

#: Periods of the essay's story, (label, first year, last year).
PERIODS: tuple[tuple[str, int, int], ...] = (
    ("before 1914", 0, 1913),
    ("1914-1916", 1914, 1916),
    ("1917", 1917, 1917),
    ("1918-1921", 1918, 1921),
    ("1922-1923", 1922, 1923),
    ("1924-1927", 1924, 1927),
    ("1928 and after", 1928, 9999),
)
PERIOD_LABELS = tuple(p[0] for p in PERIODS)

#: how a relation kind reads in the comparison's relation column (kinds without a word,
#: such as `revises`, never link two actors' claims in a comparison)
CATEGORY = {k.name: k.compare_word for k in RELATIONS if k.compare_word}
NO_RELATION = "no stated relation"


def period_of(year: int | None) -> str:
    if year is None:
        return "undated"
    for label, lo, hi in PERIODS:
        if lo <= year <= hi:
            return label
    return PERIODS[-1][0]  # pragma: no cover - PERIODS covers every year


def _pair_links(m: Map, a: str, b: str):
    """Relations with one end by ``a`` and the other by ``b`` (either direction)."""
    idx = m.claim_index
    for r in m.relations:
        if r.kind not in CATEGORY:
            continue
        s, t = idx[r.source], idx[r.target]
        if {s.actor, t.actor} == {a, b} and a != b:
            later = max((s, t), key=lambda c: c.sort_date)
            shared = [x for x in s.topics if x in t.topics] or list(
                dict.fromkeys([*s.topics, *t.topics])
            )
            yield r, period_of(later.year), shared


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


def compare(m: Map, actor_a: str, actor_b: str, topic: str | None = None) -> pd.DataFrame:
    """Rows (topic, period) with each actor's claims there and how they relate.

    Columns: ``topic``, ``topic_label``, ``period``, ``a_claims``, ``b_claims``
    (lists of claim ids, oldest first), ``relation`` (see :func:`summarise`)
    and ``links`` (``(source, kind, target)`` triples behind ``relation``).
    """
    for actor in (actor_a, actor_b):
        if actor not in m.actor_index:
            raise KeyError(f"no actor has the id {actor!r}")
    if topic is not None and topic not in m.topic_index:
        raise KeyError(f"no topic has the id {topic!r}")
    cells: dict[tuple[str, str], dict[str, list]] = defaultdict(
        lambda: {"a": [], "b": [], "links": []}
    )
    for c in sorted(m.claims, key=lambda c: c.sort_date):
        side = "a" if c.actor == actor_a else "b" if c.actor == actor_b else None
        if side is None:
            continue
        for t in c.topics:
            cells[(t, period_of(c.year))][side].append(c.id)
    for r, period, topics in _pair_links(m, actor_a, actor_b):
        for t in topics:
            cells[(t, period)]["links"].append((r.source, r.kind, r.target))
    order_t = {t.id: i for i, t in enumerate(m.topics)}
    order_p = {p: i for i, p in enumerate((*PERIOD_LABELS, "undated"))}
    rows = []
    for (t, period), cell in sorted(
        cells.items(), key=lambda kv: (order_t.get(kv[0][0], 999), order_p[kv[0][1]])
    ):
        if topic is not None and t != topic:
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
            }
        )
    df = pd.DataFrame(
        rows,
        columns=["topic", "topic_label", "period", "a_claims", "b_claims", "relation", "links"],
    )
    df.attrs["actors"] = (actor_a, actor_b)
    return df


def convergence(m: Map, actor_a: str, actor_b: str) -> pd.DataFrame:
    """Per period: how many relations between the pair agree and how many disagree.

    Every period of :data:`PERIODS` is present (with zeros), in order, so a
    chart of it reads as a story.  Each relation counts once, whatever its topics.
    """
    counts = {p: {"agree": 0, "disagree": 0} for p in PERIOD_LABELS}
    for r, period, _ in _pair_links(m, actor_a, actor_b):
        bucket = counts.setdefault(period, {"agree": 0, "disagree": 0})
        bucket["agree" if RELATION[r.kind].agreement else "disagree"] += 1
    df = pd.DataFrame(
        [{"period": p, **v} for p, v in counts.items()], columns=["period", "agree", "disagree"]
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
        if r.kind == "revises" and idx[r.source].actor == actor == idx[r.target].actor:
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
