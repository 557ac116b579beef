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
- a scheme node of a kind other than the node's plain reading (supports for RA,
  attacks for CA, elaborates for MA) names it after the scheme:
  "Default Inference (confirms)", "Default Conflict (contradicts)", "Default
  Rephrase (revises)", so that :mod:`.reader` reads the same kind back;
- each actor is a participant (no one for the unattributed); each quote is a
  locution: an ``L`` node whose text is "Speaker: quote", linked to its claim's
  ``I`` node by a ``YA`` node ("Asserting"), and listed in ``locutions`` with the
  speaker, the claim's date and the citation.  A quote the map gives no speaker
  is a locution of each actor of the claim; but where some quote of a claim has a
  speaker of its own (or is the claim's very text), each actor asserts the claim's
  text in an ``L`` node of its own and a quote without a speaker is a locution of no
  one (the source's words).  The ``text`` field holds every quote, as OVA shows the analysed text.

Structural rules that hold (tested): no edge joins two I nodes, every RA and CA
node has at least one premise and one conclusion, every node id is unique and
every edge joins two existing nodes.
"""

from __future__ import annotations

import json
from typing import Any

from ...kinds import RELATION
from ...models import Map

SCHEME_TEXT = {
    "RA": "Default Inference",
    "CA": "Default Conflict",
    "MA": "Default Rephrase",
    "YA": "Asserting",
}
#: the kind each scheme node reads as when its text names no other
PLAIN = {"RA": "supports", "CA": "attacks", "MA": "elaborates"}


def scheme_text(kind: str) -> str:
    """The text of the scheme node of a relation kind: "Default Rephrase (revises)"."""
    node = RELATION[kind].aif
    plain = kind == PLAIN[node] or RELATION[kind].needs_reason  # an undercut: by its place
    return SCHEME_TEXT[node] if plain else f"{SCHEME_TEXT[node]} ({kind})"


def _timestamp(date: str | None) -> str:
    """A year as midnight on its first day, a month as noon on its first day (so that the
    reader tells January 1917 from 1917)."""
    if not date:
        return ""
    return f"{date}-01 12:00:00" if len(date) == 7 else f"{date}-01-01 00:00:00"


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

    def scheme(
        self, kind: str, premise: str, conclusion: str, at: tuple[float, float], text: str = ""
    ) -> str:
        """An RA, CA, MA or YA node from ``premise`` to ``conclusion`` (node ids)."""
        s = self.node(text or SCHEME_TEXT[kind], kind, "", at)
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
        for j, (text, speaker, cites) in enumerate(_locutions(c, person_of)):
            who = m.actor_name(speaker) if speaker else ""
            said = f"{who}: {text}" if who else text
            lnode = doc.node(said, "L", when, (x + 450, y + 60 * j))
            doc.scheme("YA", lnode, i_node[c.id], (x + 250, y + 60 * j))
            doc.locutions.append(
                {
                    "nodeID": lnode,
                    "personID": person_of.get(speaker) if speaker else None,
                    "timestamp": when,
                    "start": None,
                    "end": None,
                    "source": cites or "",
                }
            )
            cite = f" ({cites})" if cites else ""
            doc.text_lines.append(f"{who or m.source.title}: \u201c{text}\u201d{cite}")
    return i_node, place


def _locutions(c: Any, person_of: dict[str, int]) -> list[tuple[str, str | None, str | None]]:
    """A claim's locutions: (text, speaker, citation) (see the module docstring)."""
    actors = [a for a in c.actors if a in person_of]
    if not actors:
        return [(q.text, q.speaker, q.cites) for q in c.quotes]
    plain = not any(q.speaker or q.text == c.text for q in c.quotes)
    if c.quotes and plain:  # the actors' words: each quote a locution of each actor
        return [(q.text, who, q.cites) for q in c.quotes for who in actors]
    asserted: list[tuple[str, str | None, str | None]] = [(c.text, a, None) for a in actors]
    return asserted + [(q.text, q.speaker, q.cites) for q in c.quotes]


def to_data(m: Map) -> dict[str, Any]:
    """The AIF document of a map, as plain JSON data."""
    doc = _Document()
    person_of: dict[str, int] = {}
    for actor in m.actors:
        if actor.kind == "unattributed":
            continue  # no one: its claims have no locution
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
            link[(r.source, r.target)] = doc.scheme(
                "MA", i_node[a], i_node[b], between(a, b), scheme_text(r.kind)
            )
        elif kind.aif == "RA":
            link[(r.source, r.target)] = doc.scheme(
                "RA",
                i_node[r.source],
                i_node[r.target],
                between(r.source, r.target),
                scheme_text(r.kind),
            )
        else:  # a conflict; a symmetric one both ways (rebuttal is mutual)
            for a, b in [(r.source, r.target)] + [(r.target, r.source)] * kind.symmetric:
                link[(a, b)] = doc.scheme(
                    "CA", i_node[a], i_node[b], between(a, b), scheme_text(r.kind)
                )
    for r in m.relations:
        target = link.get((r.reason or "", r.target)) if RELATION[r.kind].needs_reason else None
        if target is not None:
            doc.scheme("CA", i_node[r.source], target, between(r.source, r.target))
    return doc.as_data()


def write(m: Map) -> str:
    return json.dumps(to_data(m), ensure_ascii=False, indent=1) + "\n"
