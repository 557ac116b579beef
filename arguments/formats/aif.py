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

SCHEME_TEXT = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase",
               "YA": "Asserting"}


def _timestamp(date: str | None) -> str:
    if not date:
        return ""
    return f"{date}-01 00:00:00" if len(date) == 7 else f"{date}-01-01 00:00:00"


def _person(name: str) -> tuple[str, str]:
    parts = " ".join(name.split()).rsplit(" ", 1)
    return (parts[0], parts[1]) if len(parts) == 2 else (parts[0], "")


def to_data(m: Map) -> dict[str, Any]:
    """The AIF document of a map, as plain JSON data."""
    nodes: list[dict] = []
    edges: list[dict] = []
    locutions: list[dict] = []
    ova_nodes: list[dict] = []
    counter = iter(range(1, 10**9))

    def node(text: str, kind: str, timestamp: str = "", x: float = 0, y: float = 0) -> str:
        nid = str(next(counter))
        nodes.append({"nodeID": nid, "text": text, "type": kind, "timestamp": timestamp})
        ova_nodes.append({"nodeID": nid, "visible": True, "x": round(x), "y": round(y),
                          "timestamp": timestamp})
        return nid

    def edge(a: str, b: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": a, "toID": b,
                      "formEdgeID": None})

    participants = []
    person_of: dict[str, int] = {}
    for a in m.actors:
        first, last = _person(a.name)
        person_of[a.id] = len(participants) + 1
        participants.append({"participantID": len(participants) + 1, "firstname": first,
                             "surname": last})

    order = m.chapter_rank
    i_node: dict[str, str] = {}
    place: dict[str, tuple[float, float]] = {}
    column: dict[str, int] = {}
    text_lines = []
    for c in m.claims:   # chapters as columns, claims down each, quotes to the right
        col = order.get(c.chapter, len(order))
        row = column.get(c.chapter, 0)
        column[c.chapter] = row + 1
        x, y = 100 + col * 900, 100 + row * 220
        place[c.id] = (x, y)
        i_node[c.id] = node(c.text, "I", _timestamp(c.date), x, y)
        for j, q in enumerate(c.quotes):
            speaker = q.speaker or c.actor
            who = m.actor_name(speaker)
            lnode = node(f"{who}: {q.text}", "L", _timestamp(c.date), x + 450, y + 60 * j)
            ya = node(SCHEME_TEXT["YA"], "YA", "", x + 250, y + 60 * j)
            edge(lnode, ya)
            edge(ya, i_node[c.id])
            locutions.append({"nodeID": lnode, "personID": person_of.get(speaker),
                              "timestamp": _timestamp(c.date), "start": None, "end": None,
                              "source": q.cites or ""})
            text_lines.append(f"{who}: \u201c{q.text}\u201d" + (f" ({q.cites})" if q.cites else ""))

    def between(a: str, b: str) -> tuple[float, float]:
        (x1, y1), (x2, y2) = place[a], place[b]
        return (x1 + x2) / 2, (y1 + y2) / 2 + 40

    ra_of: dict[tuple[str, str], str] = {}
    later = []
    for r in m.relations:
        kind = RELATION[r.kind]
        if kind.needs_reason:
            later.append(r)   # a CA on the RA of the support it attacks: after every RA
        elif kind.aif == "RA":
            s = node(SCHEME_TEXT["RA"], "RA", "", *between(r.source, r.target))
            edge(i_node[r.source], s)
            edge(s, i_node[r.target])
            ra_of[(r.source, r.target)] = s
        elif kind.aif == "CA":   # a conflict; a symmetric one both ways (rebuttal is mutual)
            pairs = [(r.source, r.target)] + ([(r.target, r.source)] if kind.symmetric else [])
            for a, b in pairs:
                s = node(SCHEME_TEXT["CA"], "CA", "", *between(a, b))
                edge(i_node[a], s)
                edge(s, i_node[b])
        else:   # MA: from the earlier claim to the one restating it
            a, b = (r.target, r.source) if kind.backward else (r.source, r.target)
            s = node(SCHEME_TEXT["MA"], "MA", "", *between(a, b))
            edge(i_node[a], s)
            edge(s, i_node[b])
    for r in later:
        target = ra_of.get((r.reason, r.target))
        if target is None:  # pragma: no cover - the model requires the support
            continue
        s = node(SCHEME_TEXT["CA"], "CA", "", *between(r.source, r.target))
        edge(i_node[r.source], s)
        edge(s, target)

    aif = {"nodes": nodes, "edges": edges, "schemefulfillments": [],
           "descriptorfulfillments": [], "participants": participants, "locutions": locutions}
    return {
        "AIF": aif,
        "OVA": {"firstname": "", "surname": "", "url": "", "nodes": ova_nodes,
                "edges": [{"fromID": e["fromID"], "toID": e["toID"], "visible": True}
                          for e in edges]},
        "text": {"txt": "\n".join(text_lines)},
        "dialog": True,
        # the same lists again where AIFdb's JSON import reads them
        "nodes": nodes, "edges": edges, "locutions": locutions, "participants": participants,
    }


def write(m: Map) -> str:
    return json.dumps(to_data(m), ensure_ascii=False, indent=1) + "\n"
