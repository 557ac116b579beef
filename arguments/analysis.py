"""Analyses of a map: counts, a claim's card, support trees, timelines, fates, search.

Contract: pure functions of a :class:`Map` (and plain arguments) returning
plain data or pandas frames; nothing here renders or reads files.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from .models import Map

INCOMING_TREE_KINDS = ("supports", "attacks", "undercuts", "confirms", "disconfirms")


# ----------------------------------------------------------------- counts
def stats(m: Map) -> dict:
    order = m.source.chapter_order
    chapters = Counter(c.chapter for c in m.claims)
    return {
        "claims": len(m.claims),
        "relations": len(m.relations),
        "quotes": m.quote_count,
        "actors": len(m.actors),
        "topics": len(m.topics),
        "by_kind": dict(Counter(c.kind for c in m.claims).most_common()),
        "by_actor": {m.actor_name(a): n for a, n in Counter(c.actor for c in m.claims)
                     .most_common()},
        "by_topic": {m.topic_label(t): n for t, n in Counter(t for c in m.claims
                                                                for t in c.topics).most_common()},
        "by_chapter": {k: chapters[k] for k in sorted(chapters, key=lambda k: order.get(k, 99))},
        "relations_by_kind": dict(Counter(r.kind for r in m.relations).most_common()),
    }


# ----------------------------------------------------------------- a claim
def quoted(text: str) -> str:
    """A quote between quotation marks, unless it opens with one of its own (the source's
    quotation marks stay as they are, and none is doubled)."""
    if text[:1] in "\u201c\"\u2018'":
        return text
    return f"\u201c{text}\u201d"


def relations_of(m: Map, claim_id: str) -> dict[str, dict[str, list[str]]]:
    """``{"out": {kind: [target ids]}, "in": {kind: [source ids]}}`` for a claim."""
    out: dict[str, list[str]] = {}
    inc: dict[str, list[str]] = {}
    for r in m.relations:
        if r.source == claim_id:
            out.setdefault(r.kind, []).append(r.target)
        if r.target == claim_id:
            inc.setdefault(r.kind, []).append(r.source)
        if r.reason == claim_id:
            inc.setdefault("undercut via", []).append(r.source)
    return {"out": out, "in": inc}


#: what speaks against a claim: relations into it, and a contradiction from either end
#: (``contradicts`` is symmetric); ``undercuts`` names the claim it defeats as ``target``
OBJECTING_KINDS = ("attacks", "undercuts", "disconfirms")


def reasons(m: Map, claim_id: str) -> list[str]:
    """The claims given as reasons for a claim (``supports`` into it), oldest first."""
    return _oldest_first(m, [r.source for r in m.relations
                             if r.target == claim_id and r.kind == "supports"])


def objections(m: Map, claim_id: str) -> list[str]:
    """The claims raised against a claim, oldest first: what attacks, undercuts or
    disconfirms it, and what contradicts it or it contradicts (either end of the
    symmetric relation), each once."""
    found = []
    for r in m.relations:
        if r.target == claim_id and r.kind in OBJECTING_KINDS:
            found.append(r.source)
        elif r.kind == "contradicts" and claim_id in (r.source, r.target):
            found.append(r.target if r.source == claim_id else r.source)
    return _oldest_first(m, found)


def _oldest_first(m: Map, ids: list[str]) -> list[str]:
    unique = list(dict.fromkeys(ids))
    dated = {i: m.claim(i).date for i in unique}
    return sorted(unique, key=lambda i: (dated[i] is None, dated[i] or ""))


def label(m: Map, claim_id: str) -> str:
    c = m.claim(claim_id)
    when = f", {c.date}" if c.date else ""
    return f"{m.credited(c)}{when}: {c.text}"


def describe_claim(m: Map, claim_id: str) -> str:
    """A plain-text card of a claim: what, who, when, quotes and relations."""
    c = m.claim(claim_id)
    lines = [f"{c.id}  [{c.kind}{' ' + str(c.number) if c.kind == 'postulate' else ''}]",
             f"  {c.text}",
             f"  actor:   {m.actor_name(c.actor)}",
             f"  date:    {c.date or '-'}",
             f"  chapter: {c.chapter} ({m.source.chapter_title(c.chapter)})",
             f"  topics:  {', '.join(m.topic_label(t) for t in c.topics)}",
             "  quotes:"]
    for q in c.quotes:
        who = f"{m.actor_name(q.speaker)}: " if q.speaker else ""
        cite = f"  [{q.cites}]" if q.cites else ""
        lines.append(f"    - {who}{quoted(q.text)}{cite}")
    rels = relations_of(m, claim_id)
    for direction, title in (("out", "this claim"), ("in", "towards this claim")):
        if rels[direction]:
            lines.append(f"  relations ({title}):")
            for kind, ids in rels[direction].items():
                for other in ids:
                    arrow = f"{kind} ->" if direction == "out" else f"<- {kind}"
                    lines.append(f"    {arrow} {other}: {m.claim(other).text}")
    return "\n".join(lines)


# ----------------------------------------------------------------- trees
@dataclass
class TreeNode:
    claim: str
    relation: str | None = None      # how this node bears on its parent
    children: list["TreeNode"] = field(default_factory=list)
    repeated: bool = False           # already shown higher in the tree

    def walk(self, depth: int = 0):
        yield depth, self
        for ch in self.children:
            yield from ch.walk(depth + 1)

    @property
    def size(self) -> int:
        return sum(1 for _ in self.walk())


def support_tree(m: Map, claim_id: str, max_depth: int = 5,
                 kinds: tuple[str, ...] = INCOMING_TREE_KINDS) -> TreeNode:
    """The claims that support, attack or undercut ``claim_id``, recursively.

    Each claim appears once in full; a later occurrence is marked ``repeated``
    and not expanded, so cycles end.
    """
    m.claim(claim_id)  # KeyError for an unknown id
    incoming: dict[str, list[tuple[str, str]]] = {}
    for r in m.relations:
        if r.kind in kinds:
            incoming.setdefault(r.target, []).append((r.source, r.kind))
    order = {c.id: i for i, c in enumerate(m.claims)}
    seen = {claim_id}

    def grow(node: TreeNode, depth: int) -> None:
        if depth >= max_depth:
            return
        for src, kind in sorted(incoming.get(node.claim, []),
                                key=lambda x: (INCOMING_TREE_KINDS.index(x[1])
                                               if x[1] in INCOMING_TREE_KINDS else 9,
                                               order[x[0]])):
            child = TreeNode(src, kind, repeated=src in seen)
            node.children.append(child)
            if not child.repeated:
                seen.add(src)
                grow(child, depth + 1)

    root = TreeNode(claim_id)
    grow(root, 0)
    return root


def outline(m: Map, tree: TreeNode) -> str:
    """A tree as an indented text outline (the accessible view of a tree diagram)."""
    lines = []
    for depth, node in tree.walk():
        c = m.claim(node.claim)
        rel = f"{node.relation}: " if node.relation else ""
        again = " (shown above)" if node.repeated else ""
        lines.append(f"{'  ' * depth}- {rel}{c.text} [{m.credited(c)}"
                     f"{', ' + c.date if c.date else ''}]{again}")
    return "\n".join(lines)


# ----------------------------------------------------------------- time
def timeline(m: Map) -> pd.DataFrame:
    """Every dated claim, oldest first: id, actor, actor_name, kind, date, start, text, chapter."""
    rows = []
    for c in m.claims:
        if not c.date:
            continue
        month = int(c.date[5:7]) if len(c.date) == 7 else 1
        rows.append({"id": c.id, "actor": c.actor, "actor_name": m.actor_name(c.actor),
                     "kind": c.kind, "date": c.date, "year": c.year,
                     "start": pd.Timestamp(year=c.year, month=month, day=1),
                     "precision": "month" if len(c.date) == 7 else "year",
                     "text": c.text, "chapter": c.chapter, "topics": list(c.topics)})
    df = pd.DataFrame(rows, columns=["id", "actor", "actor_name", "kind", "date", "year", "start",
                                     "precision", "text", "chapter", "topics"])
    return df.sort_values(["start", "actor"], kind="stable").reset_index(drop=True)


# ----------------------------------------------------------------- postulates
STAGES = ("stated", "adopted", "upheld", "strained", "altered", "rejected")


@dataclass(frozen=True)
class FateStep:
    date: str
    claim: str                 # the later claim that did something to it
    relation: str              # the relation kind that says what
    stage: str                 # one of STAGES
    via: str | None = None     # the part (a reason or elaboration) it touched, if not the claim


def postulates(m: Map) -> list:
    return sorted((c for c in m.claims if c.kind == "postulate"), key=lambda c: c.number)


def parts_of(m: Map, claim_id: str) -> list[str]:
    """The reasons and elaborations its actor gave with the claim: same actor, no later,
    ``supports`` or ``elaborates`` it (his later restatements are not parts)."""
    c = m.claim(claim_id)
    idx = m.claim_index
    return [r.source for r in m.relations
            if r.target == claim_id and r.kind in ("supports", "elaborates")
            and idx[r.source].actor == c.actor
            and idx[r.source].sort_date[:4] <= c.sort_date[:4]]


def fate(m: Map, claim_id: str) -> list[FateStep]:
    """What became of a claim through time, read off the relations of later claims.

    On the claim itself: ``adopts`` or ``agrees`` by another actor -> adopted;
    ``confirms``, or ``supports`` by another actor -> upheld; ``attacks``,
    ``undercuts``, ``disconfirms`` -> strained; ``revises`` by its own actor ->
    altered; ``contradicts`` -> rejected, or altered when the contradicting
    claim revises its actor's own adoption of the claim (the adopter changed
    the version he had taken over).  On its parts (see :func:`parts_of`):
    ``confirms`` -> upheld; ``attacks``, ``undercuts``, ``disconfirms``,
    ``contradicts`` or a revision by their own actor -> strained, with ``via``
    naming the part.  Steps come oldest first, after the claim's own statement.
    """
    c = m.claim(claim_id)
    idx = m.claim_index
    adopters = {r.source for r in m.relations if r.target == claim_id and r.kind == "adopts"}
    revised = {}
    for r in m.relations:
        if r.kind == "revises":
            revised.setdefault(r.source, set()).add(r.target)
    steps = [FateStep(c.date or "", c.id, "stated", "stated")]
    watched = {claim_id: None, **{p: p for p in parts_of(m, claim_id)}}
    for r in m.relations:
        for here in (r.target, r.source):
            if here not in watched or (r.target != here and r.kind not in (
                    "contradicts", "agrees")):
                continue
            other = idx[r.source if here == r.target else r.target]
            if not other.date or other.sort_date < c.sort_date or other.id in watched:
                continue
            stage = _stage(r.kind, other, c, watched[here] is not None,
                           bool(revised.get(other.id, set()) & adopters))
            if stage:
                steps.append(FateStep(other.date, other.id, r.kind, stage, watched[here]))
    return sorted(steps, key=lambda s: (s.date, STAGES.index(s.stage)))


def _stage(kind: str, other, c, on_part: bool, revises_adoption: bool) -> str | None:
    same_actor = other.actor == c.actor
    if on_part:
        if kind == "confirms":
            return "upheld"
        if kind in ("attacks", "undercuts", "disconfirms", "contradicts"):
            return "strained"
        if kind == "revises" and same_actor:
            return "strained"
        return None
    if kind in ("adopts", "agrees") and not same_actor:
        return "adopted"
    if kind == "confirms" or (kind == "supports" and not same_actor):
        return "upheld"
    if kind in ("attacks", "undercuts", "disconfirms"):
        return "strained"
    if kind == "revises" and same_actor:
        return "altered"
    if kind == "contradicts":
        return "altered" if revises_adoption else "rejected"
    return None


# ----------------------------------------------------------------- search
_WORD = re.compile(r"\w+", re.UNICODE)


def _fold(text: str) -> str:
    """Case- and accent-insensitive form, same length as the input."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFKD", ch)
        base = "".join(b for b in base if not unicodedata.combining(b)) or ch
        out.append(base[0].lower() if len(base[0].lower()) == 1 else ch)
    return "".join(out).translate(str.maketrans("\u2019\u2018\u201c\u201d\u2013\u2014",
                                                "''\"\"--"))


@dataclass(frozen=True)
class Hit:
    claim: str
    field: str                     # "text" or "quote 1", "quote 2", ...
    text: str                      # the whole text searched
    spans: tuple[tuple[int, int], ...]   # matched stretches, to highlight
    score: float


def parse_query(query: str) -> list[str]:
    """Terms of a query: quoted phrases stay whole, other words split."""
    terms = [p.strip() for p in re.findall(r'"([^"]+)"', query)]
    rest = re.sub(r'"[^"]*"', " ", query)
    terms += _WORD.findall(rest)
    return [_fold(t) for t in terms if t.strip()]


def search(m: Map, query: str, limit: int = 200) -> list[Hit]:
    """Claims whose text or quotes contain every term of ``query``.

    Matching ignores case and accents; a term matches at a word start, so
    "revolution" finds "revolutionary" but "evolution" does not find it.
    Hits are ranked by the number of matches, claim text before quotes; each
    span covers a whole matched word (or phrase), ready to highlight.
    """
    terms = parse_query(query)
    if not terms:
        return []
    # a match runs to the end of its word, so "revolution" highlights "revolutionary" whole
    patterns = [re.compile(r"(?<!\w)" + re.escape(t) + r"\w*") for t in terms]
    hits: list[Hit] = []
    for order, c in enumerate(m.claims):
        fields = [("text", c.text)] + [(f"quote {i + 1}", q.text) for i, q in enumerate(c.quotes)]
        folded = [(name, text, _fold(text)) for name, text in fields]
        whole = " ".join(f for _, _, f in folded)
        if not all(p.search(whole) for p in patterns):
            continue
        for name, text, f in folded:
            spans = sorted({(mt.start(), mt.end()) for p in patterns for mt in p.finditer(f)})
            if spans:
                bonus = 2.0 if name == "text" else 1.0
                hits.append(Hit(c.id, name, text, tuple(_merge(spans)),
                                len(spans) * bonus - order * 1e-6))
    hits.sort(key=lambda h: -h.score)
    return hits[:limit]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
