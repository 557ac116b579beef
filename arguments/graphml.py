"""GraphML through networkx, for Gephi, yEd, Cytoscape and graph libraries.

Contract: :func:`to_graph(map)` is a ``networkx.MultiDiGraph`` with one node
per claim and one edge per relation, every field kept as a GraphML attribute
(plain strings and numbers; lists joined with " | "; absent values left out);
:func:`to_graphml(map)` writes it with ``networkx.write_graphml``, so
``networkx.read_graphml`` (or any GraphML reader) gets back the same nodes,
edges and attributes.  Node attributes: ``label`` (the text, what yEd and
Gephi show), ``kind``, ``number`` (postulates), ``actor``, ``actor_name``,
``date``, ``year``, ``chapter``, ``chapter_title``, ``topics``, ``text``,
``quotes``, ``cites``, ``colour`` (the diagrams' fill).  Edge attributes:
``kind``, ``reason``, ``note``, ``quote``.  Graph attributes: ``title``,
``author``.
"""
from __future__ import annotations

import io

import networkx as nx

from .exporters import View, register, selected
from .models import Map

SEP = " | "


def to_graph(m: Map) -> nx.MultiDiGraph:
    from .diagrams import OTHER, actor_colours
    colours = actor_colours(m)
    g = nx.MultiDiGraph(title=m.source.title, author=m.source.author)
    for c in m.claims:
        attrs = {"label": c.text, "kind": c.kind, "actor": c.actor,
                 "actor_name": m.actor_name(c.actor), "chapter": c.chapter,
                 "chapter_title": m.source.chapter_title(c.chapter),
                 "topics": SEP.join(c.topics), "text": c.text,
                 "quotes": SEP.join(q.text for q in c.quotes),
                 "cites": SEP.join(q.cites or "" for q in c.quotes),
                 "colour": colours.get(c.actor, OTHER)}
        if c.kind == "postulate":
            attrs["number"] = c.number
        if c.date:
            attrs.update(date=c.date, year=c.year)
        g.add_node(c.id, **attrs)
    for r in m.relations:
        attrs = {"kind": r.kind}
        if r.reason:
            attrs["reason"] = r.reason
        if r.note:
            attrs["note"] = r.note
        if r.quote:
            attrs["quote"] = r.quote.text
        g.add_edge(r.source, r.target, key=r.kind, **attrs)
    return g


def to_graphml(m: Map) -> str:
    buf = io.BytesIO()
    nx.write_graphml(to_graph(m), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue().decode("utf-8")


@register("graphml", "graphml", "application/graphml+xml",
          "GraphML (networkx) for Gephi, yEd, Cytoscape: claims and relations with every "
          "field as an attribute")
def _export(m: Map, view: View) -> str:
    return to_graphml(selected(m, view))
