"""Reading AIF JSON, as OVA 3 and AIFdb write it, into the raw data of a map.

Contract: :func:`read(text, filename)` returns ``YMap``/``YList`` data with the
positions of the JSON it came from, for :func:`arguments.loader.build`; a document
whose nodes and edges do not make an argument raises
:class:`~arguments.errors.MapError` with the code ``aif-structure`` at the offending
node, edge or locution (an edge to a missing node, an unknown node type, a node
without an id, a cycle of scheme nodes, an inference or conflict without premise or
conclusion).  The nodes, edges, locutions and participants are read from ``AIF`` (OVA
3) or from the top level (AIFdb).  :func:`looks_like` tells AIF from our JSON.

The mapping:

- each ``I`` node is a claim (kind ``position``; ``prediction`` where a confirming
  or disconfirming inference points at it), all in one chapter;
- an ``RA`` node is ``supports`` from each premise to its conclusion; a ``CA`` node
  ``attacks`` from the conflicting claim to the one in conflict; an ``MA`` node
  ``elaborates`` from the premise to the rephrase; a scheme node whose text names one
  of our kinds ("Default Rephrase (revises)", as :mod:`.writer` writes) is that kind;
- a ``CA`` node pointing at a scheme node undercuts the link that node makes
  (``undercuts``, the link's source as ``reason``); an ``RA`` or ``MA`` node pointing
  at a scheme node bears on what that node concludes;
- each participant is an actor; an ``L`` node linked by a ``YA`` node to an ``I`` node
  is a quote of that claim, its speaker the locution's participant (the ``Name:``
  before the words dropped); the speakers of a claim's locutions are its actors (an
  ``L`` node that only repeats the claim's text names an actor, no quote);
- a claim's date is the earliest timestamp of its locutions (``YYYY-01-01 00:00:00``,
  midnight on New Year's day, reads as the year alone, any other as its month).

``TA`` (transitions) and ``PA`` (preferences) nodes, and ``YA`` nodes that do not
join a locution to a claim, have no counterpart in a map and are left out.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import Any

from pydantic import ValidationError

from ...errors import MapError, Problem, short
from ...kinds import RELATION, relation_key
from ...models import DATE_RE, Map
from ..json import read as read_json
from ..raw import Ids, append, items, put, record, slug
from ..yaml.reader import YList, YMap
from .writer import PLAIN

#: every node type of AIF (and AIFdb's dialogue extension)
NODE_TYPES = ("I", "L", "RA", "CA", "MA", "PA", "TA", "YA")
SCHEMES = ("RA", "CA", "MA")
_MARK = re.compile(r"\(([a-z]+)\)\s*$")
_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?")
_KEY = re.compile(r'(?<!\\)"(AIF|nodes|edges)"\s*:')
_OURS = re.compile(r'^\s*\{\s*"schema"\s*:\s*"argmap/')
MAIN = "main"
Pos = tuple[int, int]


def looks_like(text: str) -> bool:
    """True for AIF JSON: an object with ``AIF`` or ``nodes`` (not our ``argmap/`` JSON)."""
    head = text.lstrip("\ufeff")[:4096]
    return head.lstrip().startswith("{") and not _OURS.match(head) and bool(_KEY.search(head))


def read(text: str, filename: str = "<aif>") -> YMap:
    """The raw data of a map from AIF JSON, or MapError (see the module docstring)."""
    reader = _Reader(read_json(text, filename), filename)
    data = reader.build()
    if reader.problems:
        raise MapError(reader.problems)
    return data


def _at(container: Any, index: int) -> Pos:
    places = getattr(container, "itempos", None)
    return places[index] if places and index < len(places) else getattr(container, "pos", (1, 1))


def _key(value: Any) -> str | None:
    """A node or participant id as text (AIFdb writes numbers, OVA text)."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    return str(value)


class _Node:
    __slots__ = ("id", "ins", "outs", "pos", "text", "type")

    def __init__(self, nid: str, type_: str, text: Any, pos: Pos):
        self.id, self.type, self.text, self.pos = nid, type_, text, pos
        self.ins: list[str] = []  # ids of the nodes with an edge to this one
        self.outs: list[str] = []  # ids of the nodes this one has an edge to


class _Reader:
    """One pass over an AIF document (see the module docstring)."""

    def __init__(self, root: Any, filename: str):
        self.filename = filename
        self.problems: list[Problem] = []
        self.root = root
        doc = root.get("AIF") if isinstance(root, dict) else None
        self.doc = doc if isinstance(doc, dict) and "nodes" in doc else root
        self.nodes: dict[str, _Node] = {}
        self.claim_of: dict[str, str] = {}  # I node id -> claim id
        self.relations: YList = items((1, 1))
        self.seen: set[tuple] = set()
        #: scheme node -> the links it makes: (source, target, kind)
        self.links: dict[str, list[tuple[str, str, str]]] = {}
        self.predictions: set[str] = set()

    def fail(self, pos: Pos, message: str, got: Any = None, expected: Any = None) -> None:
        self.problems.append(
            Problem("aif-structure", message, self.filename, *pos, got=got, expected=expected)
        )

    def section(self, name: str) -> list:
        value = self.doc.get(name) if isinstance(self.doc, dict) else None
        if value is None:
            return YList((1, 1))
        if not isinstance(value, list):
            where = self.doc.valpos.get(name, (1, 1)) if isinstance(self.doc, YMap) else (1, 1)
            self.fail(where, f"`{name}` is a list", short(value), f"a list of {name}")
            return YList((1, 1))
        return value

    # ------------------------------------------------------------ the whole map
    def build(self) -> YMap:
        if not isinstance(self.root, dict) or not isinstance(self.doc, dict):
            self.fail(
                getattr(self.root, "pos", (1, 1)),
                "an AIF document is a JSON object with nodes and edges",
                short(self.root),
                '{"nodes": [...], "edges": [...]} (AIFdb) or {"AIF": {...}} (OVA)',
            )
            return YMap()
        self._nodes()
        self._edges()
        actors, person = self._participants()
        if self.problems:
            return YMap()
        self._cycles()
        if self.problems:
            return YMap()
        for node in self.nodes.values():
            if node.type in SCHEMES:
                self._scheme(node)
        out = YMap((1, 1))
        title = PurePath(self.filename).stem or "AIF document"
        put(out, "source", record((1, 1), title=title, chapters=self._chapters(title)), (1, 1))
        claims = self._claims(person)  # may meet participants the list lacks
        if actors:
            put(out, "actors", actors, actors.pos)
        put(out, "claims", claims, (1, 1))
        put(out, "relations", self.relations, (1, 1))
        return out

    @staticmethod
    def _chapters(title: str) -> YList:
        return items((1, 1), [(record((1, 1), id=MAIN, title=title), (1, 1))])

    # ------------------------------------------------------------ nodes and edges
    def _nodes(self) -> None:
        nodes = self.section("nodes")
        ids = Ids("claim")
        for i, n in enumerate(nodes):
            pos = _at(nodes, i)
            nid = _key(n.get("nodeID")) if isinstance(n, dict) else None
            type_ = n.get("type") if isinstance(n, dict) else None
            if nid is None:
                self.fail(pos, "a node needs an id", short(n), '{"nodeID": "1", ...}')
            elif nid in self.nodes:
                self.fail(pos, f"two nodes have the id {nid!r}", nid, "a unique nodeID")
            elif type_ not in NODE_TYPES:
                self.fail(
                    pos,
                    "a node of an unknown type",
                    short(type_),
                    "one of " + ", ".join(NODE_TYPES),
                )
            else:
                self.nodes[nid] = _Node(nid, type_, n.get("text"), pos)
                if type_ == "I":
                    text = n.get("text") if isinstance(n.get("text"), str) else ""
                    self.claim_of[nid] = ids.of(slug(text, 50) or "claim")

    def _edges(self) -> None:
        edges = self.section("edges")
        for i, e in enumerate(edges):
            pos = _at(edges, i)
            ends = [_key(e.get(k)) if isinstance(e, dict) else None for k in ("fromID", "toID")]
            missing = [end for end in ends if end not in self.nodes]
            if missing:
                self.fail(
                    pos,
                    "an edge to a missing node",
                    ", ".join(repr(m) for m in missing),
                    "the nodeID of a node of the document",
                )
                continue
            a, b = (self.nodes[end] for end in ends if end is not None)
            a.outs.append(b.id)
            b.ins.append(a.id)

    def _cycles(self) -> None:
        """Scheme nodes pointing at scheme nodes in a ring conclude nothing: a problem."""
        state: dict[str, int] = {}  # 1: on the path, 2: done
        for start in self.nodes.values():
            if start.type not in SCHEMES or start.id in state:
                continue
            path: list[str] = []
            stack = [(start.id, iter(self._next(start.id)))]
            state[start.id] = 1
            path.append(start.id)
            while stack:
                nid, rest = stack[-1]
                nxt = next(rest, None)
                if nxt is None:
                    stack.pop()
                    path.pop()
                    state[nid] = 2
                elif state.get(nxt) == 1:
                    ring = [*path[path.index(nxt) :], nxt]
                    self.fail(
                        self.nodes[nxt].pos,
                        "a cycle of scheme nodes: each concludes the next, none a claim",
                        " -> ".join(f"{self.nodes[n].type} {n}" for n in ring),
                        "inferences that end in an I node",
                    )
                    return
                elif nxt not in state:
                    state[nxt] = 1
                    path.append(nxt)
                    stack.append((nxt, iter(self._next(nxt))))

    def _next(self, nid: str) -> list[str]:
        return [o for o in self.nodes[nid].outs if self.nodes[o].type in SCHEMES]

    # ------------------------------------------------------------ scheme nodes
    def _kind(self, node: _Node) -> str:
        """The relation kind a scheme node's text names, else its plain reading."""
        found = _MARK.search(node.text) if isinstance(node.text, str) else None
        kind = found.group(1) if found else ""
        rk = RELATION.get(kind)
        if rk is not None and rk.aif == node.type and not rk.needs_reason:
            return kind
        return PLAIN[node.type]

    def add(self, source: str, target: str, kind: str, pos: Pos, reason: str | None = None) -> None:
        key = relation_key(source, target, kind, reason)
        if source == target or key in self.seen:
            return
        self.seen.add(key)
        if RELATION[kind].target_kind == "prediction":
            self.predictions.add(target)
        rel = record(pos, source=source, target=target, kind=kind, reason=reason)
        append(self.relations, rel, pos)

    def _scheme(self, node: _Node) -> list[tuple[str, str, str]]:
        """The links (source, target, kind) a scheme node makes, added as relations
        (cycles of scheme nodes are refused before this runs)."""
        if node.id in self.links:
            return self.links[node.id]
        self.links[node.id] = []
        premises = [self.claim_of[p] for p in node.ins if p in self.claim_of]
        targets = [self.claim_of[o] for o in node.outs if o in self.claim_of]
        schemes = [self.nodes[o] for o in node.outs if self.nodes[o].type in SCHEMES]
        if not premises or not (targets or schemes):
            self.fail(
                node.pos,
                f"an {node.type} node joins no premise to a conclusion",
                f"{len(premises)} premise(s), {len(targets) + len(schemes)} conclusion(s)",
                f"an edge from an I node to the {node.type} node and one from it onwards",
            )
            return []
        kind = self._kind(node)
        made: list[tuple[str, str, str]] = []
        if node.type == "CA":
            for p in premises:
                made += [(p, t, kind) for t in targets]
                for scheme in schemes:
                    for source, target, linked in self._scheme(scheme):
                        if RELATION[linked].needs_reason:  # an undercut of an undercut
                            made.append((p, source, "attacks"))
                        else:  # an undercutter: the link from source to target
                            made.append((p, target, "undercuts:" + source))
        else:
            concluded = targets + [t for s in schemes for _, t, _ in self._scheme(s)]
            # a rephrase runs from the earlier claim to the later (revises, adopts point back)
            backward = node.type == "MA" and RELATION[kind].backward
            made += [
                (t, p, kind) if backward else (p, t, kind) for p in premises for t in concluded
            ]
        out = []
        for source, target, marked in made:
            kind, _, reason = marked.partition(":")  # "undercuts:<reason>"
            self.add(source, target, kind, node.pos, reason or None)
            out.append((source, target, kind))
        self.links[node.id] = out
        return out

    # ------------------------------------------------------------ actors and claims
    def _participants(self) -> tuple[YList, dict[str, str]]:
        listed = self.section("participants")
        actors = items(getattr(listed, "pos", (1, 1)))
        person: dict[str, str] = {}  # participantID -> actor id
        self.names: dict[str, str] = {}  # actor id -> name
        self.actor_records: dict[str, YMap] = {}
        ids = self.actor_ids = Ids("participant")
        ids.taken.add("unattributed")  # the map's own actor for claims no one asserts
        for i, p in enumerate(listed):
            pos = _at(listed, i)
            pid = _key(p.get("participantID")) if isinstance(p, dict) else None
            if pid is None or pid in person:
                self.fail(pos, "a participant needs an id of its own", short(p), "participantID")
                continue
            name = " ".join(f"{p.get('firstname') or ''} {p.get('surname') or ''}".split())
            name = name or f"Participant {pid}"
            person[pid] = self._actor(actors, name, pos)
        self.actors = actors
        return actors, person

    def _actor(self, actors: YList, name: str, pos: Pos) -> str:
        aid = self.actor_ids.of(slug(name, 40) or "participant")
        self.names[aid] = name
        rec = self.actor_records[aid] = record(pos, id=aid, name=name, kind="person")
        append(actors, rec, pos)
        return aid

    def _locutions(self, person: dict[str, str]) -> dict[str, tuple[str | None, Any, Any]]:
        """Each L node's speaker (an actor id), timestamp and source."""
        listed = self.section("locutions")
        out: dict[str, tuple[str | None, Any, Any]] = {}
        for i, loc in enumerate(listed):
            pos = _at(listed, i)
            nid = _key(loc.get("nodeID")) if isinstance(loc, dict) else None
            pid = _key(loc.get("personID")) if isinstance(loc, dict) else None
            if nid not in self.nodes:
                self.fail(pos, "a locution of a missing node", short(nid), "an L node's nodeID")
                continue
            if pid is not None and pid not in person:  # tools write these: a participant still
                person[pid] = self._actor(self.actors, f"Participant {pid}", pos)
            out[nid] = (person.get(pid or ""), loc.get("timestamp"), loc.get("source"))
        return out

    def _said(self, lnode: _Node, located: dict) -> tuple[str | None, str, Any, Any]:
        """An L node's speaker, words (without "Name: "), timestamp and citation."""
        text = lnode.text if isinstance(lnode.text, str) else ""
        speaker, when, cites = located.get(lnode.id, (None, None, None))
        names = [(speaker, self.names[speaker])] if speaker else list(self.names.items())
        for aid, name in names:
            for sep in (": ", " : "):
                if text.startswith(name + sep):
                    return aid, text[len(name) + len(sep) :], when, cites
        return speaker, text, when, cites

    def _claims(self, person: dict[str, str]) -> YList:
        located = self._locutions(person)
        claims = items((1, 1))
        undated: set[str] = set()
        for nid, cid in self.claim_of.items():  # in the document's order
            node = self.nodes[nid]
            said = [
                self._said(self.nodes[lnode], located)
                for ya in node.ins
                if self.nodes[ya].type == "YA"
                for lnode in self.nodes[ya].ins
                if self.nodes[lnode].type == "L"
            ]
            c = record(
                node.pos, id=cid, kind="prediction" if cid in self.predictions else "position"
            )
            if isinstance(node.text, str):
                put(c, "text", node.text, node.pos)
            put(c, "chapter", MAIN, node.pos)
            actors, quotes = _actors_and_quotes(node.text, said)
            if actors:
                put(c, "actors", items(node.pos, ((a, node.pos) for a in actors)), node.pos)
            dates = sorted(d for d in (_date(w) for _, _, w, _ in said) if d)
            if dates:
                put(c, "date", dates[0], node.pos)
            else:
                undated.update(actors)
            if quotes:
                rows = (
                    (record(node.pos, text=t, speaker=s, cites=_text(ci)), node.pos)
                    for t, s, ci in quotes
                )
                put(c, "quotes", items(node.pos, rows), node.pos)
            append(claims, c, node.pos)
        if not claims:
            self.fail((1, 1), "the AIF document holds no I node (no claim)", "no I node", "I nodes")
        if any("date" in c for c in claims):  # undated claims need an actor whose may be so
            for aid in undated:
                self.actor_records[aid]["kind"] = "author"
        return claims


def _actors_and_quotes(
    claim_text: Any, said: list[tuple[str | None, str, Any, Any]]
) -> tuple[list[str], list[tuple[str, str | None, Any]]]:
    """A claim's actors and quotes from its locutions (see the module docstring)."""
    words = " ".join(str(claim_text).split())
    asserted = [s for s, text, _, _ in said if s and " ".join(text.split()) == words]
    if asserted:
        rest = [(t, s, c) for s, t, _, c in said if not (s and " ".join(t.split()) == words)]
        return list(dict.fromkeys(asserted)), rest
    actors = list(dict.fromkeys(s for s, _, _, _ in said if s))
    groups: dict[tuple[str, Any], list[str | None]] = {}
    for s, t, _, c in said:
        groups.setdefault((t, c), []).append(s)
    quotes: list[tuple[str, str | None, Any]] = []
    for (t, c), speakers in groups.items():
        if actors and set(speakers) == set(actors):
            quotes.append((t, None, c))  # the words of every actor of the claim
        else:
            quotes += [(t, s, c) for s in dict.fromkeys(speakers)]
    return actors, quotes


def _date(stamp: Any) -> str | None:
    """``YYYY`` or ``YYYY-MM`` of a timestamp (``YYYY-01-01 00:00:00``: the year alone)."""
    found = _TIME.match(stamp) if isinstance(stamp, str) else None
    if not found:
        return None
    year, month, day, *clock = found.groups()
    whole_year = month == day == "01" and all(x in (None, "00") for x in clock)
    date = year if whole_year else f"{year}-{month}"
    return date if DATE_RE.match(date) else None


def _text(value: Any) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def fast_map(text: str, filename: str = "<aif>") -> Map | None:
    """The map of a valid AIF document, read by json alone (positions only a problem
    needs: libyaml's position-keeping pass takes most of the time), else None: the loader
    then reads it with positions and reports every problem."""

    def unique(pairs: list[tuple[str, Any]]) -> dict:
        found = dict(pairs)
        if len(found) != len(pairs):
            raise ValueError("a key twice")
        return found

    try:
        reader = _Reader(json.loads(text, object_pairs_hook=unique), filename)
        data = reader.build()
        if reader.problems:
            return None
        return Map.model_validate(data)
    except (ValidationError, ValueError, TypeError, RecursionError):
        return None
