"""One claim: its relations, its reasons and objections, its card.

Contract: pure functions of a :class:`Map` and a claim id, returning plain
data or text; what counts as a reason or an objection is read from
:mod:`arguments.kinds`.
"""

from __future__ import annotations

from ..kinds import RELATION
from ..models import Map
from ..text import quoted


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


def reasons(m: Map, claim_id: str) -> list[str]:
    """The claims given as reasons for a claim (a reason kind into it, see
    :data:`arguments.kinds.RELATIONS`), oldest first."""
    return _oldest_first(
        m, [r.source for r in m.relations if r.target == claim_id and RELATION[r.kind].reason]
    )


def objections(m: Map, claim_id: str) -> list[str]:
    """The claims raised against a claim, oldest first: what attacks, undercuts or
    disconfirms it, and what contradicts it or it contradicts (either end of a
    symmetric objection), each once; an undercut names the claim it defeats as target."""
    found = []
    for r in m.relations:
        kind = RELATION[r.kind]
        if not kind.objection:
            continue
        if r.target == claim_id:
            found.append(r.source)
        elif kind.symmetric and r.source == claim_id:
            found.append(r.target)
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
    lines = [
        f"{c.id}  [{c.kind}{' ' + str(c.number) if c.kind == 'postulate' else ''}]",
        f"  {c.text}",
        f"  actor:   {m.actors_named(c.actors)}{' (jointly)' if c.joint else ''}",
        f"  date:    {c.date or '-'}",
        f"  chapter: {c.chapter} ({m.source.chapter_title(c.chapter)})",
        f"  topics:  {', '.join(m.topic_label(t) for t in c.topics)}",
        "  quotes:",
    ]
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
