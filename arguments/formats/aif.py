"""AIF: the Argument Interchange Format, as JSON that OVA and AIFdb read.

Contract: :func:`write(map)` returns the map as one JSON document in the
layout OVA 3 saves and loads (``{"AIF": {...}, "OVA": {...}, "text": ...}``),
with the same ``nodes``, ``edges``, ``locutions`` and ``participants`` also at
the top level, where AIFdb's JSON import looks for them.  Pure: the same map
gives the same document.

The mapping:

- each claim is an ``I`` node (information), its text the claim's;
- ``supports`` and ``confirms`` are ``RA`` nodes (inference: premise -> RA ->
  conclusion); ``attacks`` and ``disconfirms`` are ``CA`` nodes (conflict);
  ``contradicts`` is two ``CA`` nodes, one each way (rebuttal is mutual);
  ``undercuts`` is a ``CA`` node whose conclusion is the ``RA`` node of the
  support it attacks (an undercutter in AIF);
- ``revises``, ``adopts``, ``agrees`` and ``elaborates`` are ``MA`` nodes
  (rephrase: the later or the other actor's claim restates, replaces or
  specifies the earlier one), from the earlier claim to the later;
- each actor is a participant; each quote is a locution: an ``L`` node whose
  text is "Speaker: quote", linked to its claim's ``I`` node by a ``YA`` node
  ("Asserting"), and listed in ``locutions`` with the speaker and the
  citation; the ``text`` field holds every quote, as OVA shows the analysed text.

Structural rules that hold (tested): no edge joins two I nodes, every RA and CA
node has at least one premise and one conclusion, every node id is unique and
every edge joins two existing nodes.
"""

from __future__ import annotations

import json
from typing import Any

from ..kinds import RELATION
from ..models import Map

SCHEME_TEXT = {
    "RA": "Default Inference",
    "CA": "Default Conflict",
    "MA": "Default Rephrase",
    "YA": "Asserting",
}


def _timestamp(date: str | None) -> str:
    if not date:
        return ""
    return f"{date}-01 00:00:00" if len(date) == 7 else f"{date}-01-01 00:00:00"


def _person(name: str) -> tuple[str, str]:
    parts = " ".join(name.split()).rsplit(" ", 1)
    return (parts[0], parts[1]) if len(parts) == 2 else (parts[0], "")


class _Document:
    """An AIF document being built: nodes, edges, locutions, and where OVA draws each node."""

    def __init__(self) -> None:
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        self.locutions: list[dict[str, Any]] = []
        self.participants: list[dict[str, Any]] = []
        self.ova_nodes: list[dict[str, Any]] = []
        self.text_lines: list[str] = []

    def node(
        self, text: str, kind: str, timestamp: str = "", at: tuple[float, float] = (0, 0)
    ) -> str:
        nid = str(len(self.nodes) + 1)
        self.nodes.append({"nodeID": nid, "text": text, "type": kind, "timestamp": timestamp})
        self.ova_nodes.append(
            {
                "nodeID": nid,
                "visible": True,
                "x": round(at[0]),
                "y": round(at[1]),
                "timestamp": timestamp,
            }
        )
        return nid

    def edge(self, a: str, b: str) -> None:
        self.edges.append(
            {"edgeID": str(len(self.edges) + 1), "fromID": a, "toID": b, "formEdgeID": None}
        )

    def scheme(self, kind: str, premise: str, conclusion: str, at: tuple[float, float]) -> str:
        """An RA, CA or MA node from ``premise`` to ``conclusion`` (node ids)."""
        s = self.node(SCHEME_TEXT[kind], kind, "", at)
        self.edge(premise, s)
        self.edge(s, conclusion)
        return s

    def as_data(self) -> dict[str, Any]:
        aif = {
            "nodes": self.nodes,
            "edges": self.edges,
            "schemefulfillments": [],
            "descriptorfulfillments": [],
            "participants": self.participants,
            "locutions": self.locutions,
        }
        ova_edges = [
            {"fromID": e["fromID"], "toID": e["toID"], "visible": True} for e in self.edges
        ]
        return {
            "AIF": aif,
            "OVA": {
                "firstname": "",
                "surname": "",
                "url": "",
                "nodes": self.ova_nodes,
                "edges": ova_edges,
            },
            "text": {"txt": "\n".join(self.text_lines)},
            "dialog": True,
            # the same lists again where AIFdb's JSON import reads them
            "nodes": self.nodes,
            "edges": self.edges,
            "locutions": self.locutions,
            "participants": self.participants,
        }


def _claims(
    doc: _Document, m: Map, person_of: dict[str, int]
) -> tuple[dict[str, str], dict[str, tuple[float, float]]]:
    """An I node per claim and an L node per quote (with its YA); chapters as columns,
    claims down each, quotes to the right.  Returns the I node and the place of each claim."""
    order = m.chapter_rank
    i_node: dict[str, str] = {}
    place: dict[str, tuple[float, float]] = {}
    column: dict[str, int] = {}
    for c in m.claims:
        row = column[c.chapter] = column.get(c.chapter, -1) + 1
        x, y = 100 + order.get(c.chapter, len(order)) * 900, 100 + row * 220
        place[c.id] = (x, y)
        when = _timestamp(c.date)
        i_node[c.id] = doc.node(c.text, "I", when, (x, y))
        # each quote is a locution of its speaker, or of each actor of a joint claim
        said = [(q, who) for q in c.quotes for who in ([q.speaker] if q.speaker else c.actors)]
        for j, (q, speaker) in enumerate(said):
            who = m.actor_name(speaker)
            lnode = doc.node(f"{who}: {q.text}", "L", when, (x + 450, y + 60 * j))
            doc.scheme("YA", lnode, i_node[c.id], (x + 250, y + 60 * j))
            doc.locutions.append(
                {
                    "nodeID": lnode,
                    "personID": person_of.get(speaker),
                    "timestamp": when,
                    "start": None,
                    "end": None,
                    "source": q.cites or "",
                }
            )
            cite = f" ({q.cites})" if q.cites else ""
            doc.text_lines.append(f"{who}: \u201c{q.text}\u201d{cite}")
    return i_node, place


def to_data(m: Map) -> dict[str, Any]:
    """The AIF document of a map, as plain JSON data."""
    doc = _Document()
    person_of: dict[str, int] = {}
    for actor in m.actors:
        first, last = _person(actor.name)
        person_of[actor.id] = len(doc.participants) + 1
        doc.participants.append(
            {"participantID": person_of[actor.id], "firstname": first, "surname": last}
        )
    i_node, place = _claims(doc, m, person_of)

    def between(a: str, b: str) -> tuple[float, float]:
        (x1, y1), (x2, y2) = place[a], place[b]
        return (x1 + x2) / 2, (y1 + y2) / 2 + 40

    # the scheme node of each link (source, target), for the undercuts that attack it
    link: dict[tuple[str, str], str] = {}
    for r in m.relations:
        kind = RELATION[r.kind]
        if kind.needs_reason:
            continue  # a CA on the scheme node of the link it attacks: after every link
        if kind.aif == "MA":  # from the earlier claim to the one restating it
            a, b = (r.target, r.source) if kind.backward else (r.source, r.target)
            link[(r.source, r.target)] = doc.scheme("MA", i_node[a], i_node[b], between(a, b))
        elif kind.aif == "RA":
            link[(r.source, r.target)] = doc.scheme(
                "RA", i_node[r.source], i_node[r.target], between(r.source, r.target)
            )
        else:  # a conflict; a symmetric one both ways (rebuttal is mutual)
            for a, b in [(r.source, r.target)] + [(r.target, r.source)] * kind.symmetric:
                link[(a, b)] = doc.scheme("CA", i_node[a], i_node[b], between(a, b))
    for r in m.relations:
        target = link.get((r.reason or "", r.target)) if RELATION[r.kind].needs_reason else None
        if target is not None:
            doc.scheme("CA", i_node[r.source], target, between(r.source, r.target))
    return doc.as_data()


def write(m: Map) -> str:
    return json.dumps(to_data(m), ensure_ascii=False, indent=1) + "\n"
