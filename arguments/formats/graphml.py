"""GraphML through networkx, for Gephi, yEd, Cytoscape and graph libraries.

Contract: :func:`to_graph(map)` is a ``networkx.MultiDiGraph`` with one node
per claim and one edge per relation, every field kept as a GraphML attribute
(plain strings and numbers; lists joined with " | "; absent values left out);
:func:`write(map)` writes it with ``networkx.write_graphml``, so
``networkx.read_graphml`` (or any GraphML reader) gets back the same nodes,
edges and attributes.  Node attributes: ``label`` (the text, what yEd and
Gephi show), ``kind``, ``number`` (postulates), ``actor``, ``actor_name``,
``date``, ``year``, ``chapter``, ``chapter_title``, ``topics``, ``text``,
``quotes``, ``cites``, ``colour`` (the diagrams' fill; ``actor`` lists a joint claim's
actors joined by " | ").  Edge attributes: ``kind``, ``reason``, ``note``, ``quote``,
``fate``.  Graph attributes: ``title``,
``author``.

GraphML is XML 1.0, which cannot hold most control characters: each one is
written as U+FFFD (the replacement character), see :func:`xml_text`; and XML
readers turn a carriage return before a line feed into a line feed.
"""

from __future__ import annotations

import io
import re

import networkx as nx

from ..models import Map

SEP = " | "
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text XML 1.0 can hold: each character it cannot, as U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def to_graph(m: Map) -> nx.MultiDiGraph:
    """The map as a networkx graph with GraphML-safe attributes (see the module doc)."""
    g = nx.MultiDiGraph(title=xml_text(m.source.title), author=xml_text(m.source.author))
    for c in m.claims:
        attrs: dict[str, str | int] = {
            "label": c.text,
            "kind": c.kind,
            "actor": SEP.join(c.actors),
            "actor_name": m.actors_named(c.actors),
            "chapter": c.chapter,
            "chapter_title": m.source.chapter_title(c.chapter),
            "topics": SEP.join(c.topics),
            "text": c.text,
            "quotes": SEP.join(q.text for q in c.quotes),
            "cites": SEP.join(q.cites or "" for q in c.quotes),
            "colour": m.colour_of(c.actor),
        }
        if c.kind == "postulate":
            attrs["number"] = c.number
        if c.date:
            attrs.update(date=c.date, year=int(c.date[:4]))
        g.add_node(c.id, **{k: xml_text(v) if isinstance(v, str) else v for k, v in attrs.items()})
    for r in m.relations:
        rel: dict[str, str] = {"kind": r.kind}
        if r.reason:
            rel["reason"] = r.reason
        if r.note:
            rel["note"] = r.note
        if r.quote:
            rel["quote"] = r.quote.text
        if r.fate:
            rel["fate"] = r.fate
        g.add_edge(
            r.source,
            r.target,
            key=f"{r.kind}:{r.reason}" if r.reason else r.kind,
            **{k: xml_text(v) for k, v in rel.items()},
        )
    return g


def write(m: Map) -> str:
    buf = io.BytesIO()
    # the standard library writer, whether lxml is installed or not (networkx picks lxml when
    # it is, which writes a line end as &#13; where the other writes it as is)
    nx.write_graphml_xml(to_graph(m), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue().decode("utf-8")
