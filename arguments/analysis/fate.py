"""What became of a claim (a postulate) through time, read off the relations of later claims.

Contract: :func:`fate` is a pure function of a map and a claim id.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kinds import RELATION
from ..models import Map

STAGES = ("stated", "adopted", "upheld", "strained", "altered", "rejected")


@dataclass(frozen=True)
class FateStep:
    date: str
    claim: str  # the later claim that did something to it
    relation: str  # the relation kind that says what
    stage: str  # one of STAGES
    via: str | None = None  # the part (a reason or elaboration) it touched, if not the claim
    word: str = ""  # how the source words it (the relation's `fate`), else the stage

    def __post_init__(self) -> None:
        if not self.word:
            object.__setattr__(self, "word", self.stage)


def postulates(m: Map) -> list:
    return sorted((c for c in m.claims if c.kind == "postulate"), key=lambda c: c.number)


def parts_of(m: Map, claim_id: str) -> list[str]:
    """The reasons and elaborations its actor gave with the claim: same actor, no later,
    ``supports`` or ``elaborates`` it (his later restatements are not parts)."""
    c = m.claim(claim_id)
    idx = m.claim_index
    return [
        r.source
        for r in m.relations
        if r.target == claim_id
        and r.kind in ("supports", "elaborates")
        and set(idx[r.source].actors) & set(c.actors)
        and idx[r.source].sort_date[:4] <= c.sort_date[:4]
    ]


def fate(m: Map, claim_id: str) -> list[FateStep]:
    """What became of a claim through time, read off the relations of later claims.

    Each step says how the source words it where the relation gives the word (``fate:
    altered``); else the stage, read as follows.

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
    revised: dict[str, set[str]] = {}
    for r in m.relations:
        if r.kind == "revises":
            revised.setdefault(r.source, set()).add(r.target)
    steps = [FateStep(c.date or "", c.id, "stated", "stated")]
    watched = {claim_id: None, **{p: p for p in parts_of(m, claim_id)}}
    for r in m.relations:
        for here in (r.target, r.source):
            if here not in watched or (
                r.target != here and r.kind not in ("contradicts", "agrees")
            ):
                continue
            other = idx[r.source if here == r.target else r.target]
            if not other.date or other.sort_date < c.sort_date or other.id in watched:
                continue
            stage = _stage(
                r.kind,
                other,
                c,
                watched[here] is not None,
                bool(revised.get(other.id, set()) & adopters),
            )
            if stage:
                # the source's own word, else the kind's (a part is "strained" whatever did it)
                word = (
                    r.fate
                    if r.fate and watched[here] is None
                    else (
                        stage
                        if watched[here] is not None or stage == "altered"
                        else RELATION[r.kind].fate or stage
                    )
                )
                steps.append(FateStep(other.date, other.id, r.kind, stage, watched[here], word))
    return sorted(steps, key=lambda s: (s.date, STAGES.index(s.stage)))


def _stage(kind: str, other, c, on_part: bool, revises_adoption: bool) -> str | None:
    same_actor = bool(set(other.actors) & set(c.actors))
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
