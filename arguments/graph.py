"""Stage 3 of the pipeline: the map as a graph, and the views cut from it.

Contract: pure functions, graph first where there is one.
:func:`build_graph` turns a :class:`Map` into a ``networkx.MultiDiGraph``
(one node per claim, one edge per relation, keyed by relation kind);
:func:`neighbourhood` gives the claims within ``depth`` steps of a claim,
whatever the edge direction; :func:`filter_map` and :func:`submap` cut a
smaller, still consistent :class:`Map` (relations are kept only when both
ends, and an undercut's reason, are kept).  Nothing here mutates its input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .models import Map, Relation

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True)
class Filters:
    """What to keep. An empty selection means "all"."""

    actors: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    relation_kinds: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    chapters: frozenset[str] = frozenset()
    years: tuple[int, int] | None = None
    include_undated: bool = True

    @classmethod
    def make(cls, **kw: Any) -> Filters:
        """Filters from plain values (lists, sets, a (from, to) pair); None is "all"."""
        values: dict[str, Any] = {}
        for k, v in kw.items():
            if v is None:
                continue
            if isinstance(v, (list, set, frozenset, tuple)):
                v = tuple(v) if k == "years" else frozenset(v)
            values[k] = v
        return cls(**values)

    @property
    def active(self) -> bool:
        return (
            any(
                (
                    self.actors,
                    self.kinds,
                    self.relation_kinds,
                    self.topics,
                    self.chapters,
                    self.years,
                )
            )
            or not self.include_undated
        )


def edge_key(r: Relation) -> str:
    """The key of a relation's edge: its kind, and an undercut's reason (several undercuts
    of one claim, each of another link, are several edges)."""
    return f"{r.kind}:{r.reason}" if r.reason else r.kind


def build_graph(m: Map) -> nx.MultiDiGraph:
    """One node per claim (attributes: kind, actor, date, chapter, text)."""
    import networkx as nx  # a tenth of a second to import: only for the views that need it

    g = nx.MultiDiGraph(title=m.source.title)
    for c in m.claims:
        g.add_node(
            c.id,
            kind=c.kind,
            actor=c.actor,
            actors=tuple(c.actors),
            date=c.date or "",
            chapter=c.chapter,
            text=c.text,
            topics=tuple(c.topics),
        )
    for r in m.relations:
        g.add_edge(
            r.source,
            r.target,
            key=edge_key(r),
            kind=r.kind,
            note=r.note or "",
            reason=r.reason or "",
        )
    return g


def neighbourhood(g: nx.MultiDiGraph, claim_id: str, depth: int = 1) -> set[str]:
    """Claims within ``depth`` relations of ``claim_id`` (either direction), itself included.

    An undercut also reaches the reason whose support it attacks, and that
    reason reaches its undercutters.
    """
    import networkx as nx

    if claim_id not in g:
        raise nx.NodeNotFound(f"claim {claim_id!r} is not in the map")
    steps = nx.Graph(g.edges())
    steps.add_nodes_from(g)
    steps.add_edges_from(
        (src, data["reason"]) for src, _, data in g.edges(data=True) if data.get("reason")
    )
    return set(nx.single_source_shortest_path_length(steps, claim_id, cutoff=max(0, depth)))


def submap(
    m: Map, keep: set[str] | frozenset[str], relation_kinds: frozenset[str] = frozenset()
) -> Map:
    """The map restricted to the claims in ``keep`` (and relations among them).

    With ``relation_kinds``, only relations of those kinds are kept, plus the
    support each kept undercut attacks (an undercut means nothing without it).
    """
    claims = [c for c in m.claims if c.id in keep]
    among = [r for r in m.relations if r.source in keep and r.target in keep]
    wanted = {
        (r.reason, r.target)
        for r in among
        if r.kind == "undercuts" and (not relation_kinds or "undercuts" in relation_kinds)
    }
    rels = [
        r
        for r in among
        if not relation_kinds
        or r.kind in relation_kinds
        or (r.kind == "supports" and (r.source, r.target) in wanted)
    ]
    kept_supports = {(r.source, r.target) for r in rels if r.kind == "supports"}
    rels = [r for r in rels if r.kind != "undercuts" or (r.reason, r.target) in kept_supports]
    return Map.model_construct(
        source=m.source, actors=m.actors, topics=m.topics, claims=claims, relations=rels
    )


def matches(claim, f: Filters) -> bool:
    if f.actors and not f.actors.intersection(claim.actors):
        return False
    if f.kinds and claim.kind not in f.kinds:
        return False
    if f.topics and not f.topics.intersection(claim.topics):
        return False
    if f.chapters and claim.chapter not in f.chapters:
        return False
    if claim.date is None:
        return f.include_undated
    return not (f.years and not f.years[0] <= claim.year <= f.years[1])


def filter_map(m: Map, f: Filters) -> Map:
    """The claims that pass every filter, and the relations of the chosen kinds among them."""
    if not f.active:
        return m
    keep = {c.id for c in m.claims if matches(c, f)}
    return submap(m, keep, f.relation_kinds)


def used_actors(m: Map) -> list[str]:
    seen = {a for c in m.claims for a in c.actors}
    return [a.id for a in m.actors if a.id in seen]
