"""The periods of a comparison and the links between two actors, without tables.

Contract: :data:`PERIODS` are the essay's periods (label, first and last year);
:func:`period_of` names a year's; :func:`pair_links` gives every :class:`Link` between
two actors (a relation with one end held by each, or a claim both hold).  Kept apart
from :mod:`.compare` (which builds pandas tables of them) so that drawing a diagram
does not load pandas.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kinds import RELATION, RELATIONS
from ..models import ClaimT, Map

#: Periods of the essay's story, (label, first year, last year).
PERIODS: tuple[tuple[str, int, int], ...] = (
    ("before 1914", 0, 1913),
    ("1914-1916", 1914, 1916),
    ("1917", 1917, 1917),
    ("1918-1921", 1918, 1921),
    ("1922-1923", 1922, 1923),
    ("1924-1927", 1924, 1927),
    ("1928 and after", 1928, 9999),
)
PERIOD_LABELS = tuple(p[0] for p in PERIODS)

#: how a relation kind reads in the comparison's relation column (kinds without a word,
#: such as `revises`, never link two actors' claims in a comparison)
#: a claim both actors hold: one joint act or position, counted once as their agreement
JOINT = "joint"
CATEGORY = {**{k.name: k.compare_word for k in RELATIONS if k.compare_word}, JOINT: "agree"}
NO_RELATION = "no stated relation"


def period_of(year: int | None) -> str:
    if year is None:
        return "undated"
    for label, lo, hi in PERIODS:
        if lo <= year <= hi:
            return label
    return PERIODS[-1][0]  # pragma: no cover - PERIODS covers every year


@dataclass(frozen=True)
class Link:
    """What links the pair in one period: a relation between a claim of each, or a claim
    both hold (a joint act, kind ``joint``), with the author's qualifications of it."""

    source: str
    kind: str  # a relation kind, or JOINT
    target: str
    period: str
    topics: tuple[str, ...]
    qualified_by: tuple[str, ...] = ()  # claims that undercut this link

    @property
    def triple(self) -> tuple[str, str, str]:
        return (self.source, self.kind, self.target)

    @property
    def agreement(self) -> bool:
        return self.kind == JOINT or RELATION[self.kind].agreement


def _holds(c: ClaimT, actor: str) -> bool:
    return actor in c.actors


def pair_links(m: Map, a: str, b: str) -> list[Link]:
    """Every link between the pair: relations with one end held by ``a`` and the other by
    ``b`` (either direction; a relation within one joint claim's actors is no link), and
    each claim both hold, once.  A link belongs to the period of the later of its claims
    and to the topics both claims share; an undercut of it qualifies it."""
    if a == b:
        return []
    idx = m.claim_index
    qualifiers: dict[tuple[str, str], list[str]] = {}
    for r in m.relations:
        if RELATION[r.kind].needs_reason and r.reason:
            qualifiers.setdefault((r.reason, r.target), []).append(r.source)
    out = []
    for r in m.relations:
        if r.kind not in CATEGORY:
            continue
        s, t = idx[r.source], idx[r.target]
        if not ((_holds(s, a) and _holds(t, b)) or (_holds(s, b) and _holds(t, a))):
            continue
        if s.joint and t.joint and {a, b} <= set(s.actors) & set(t.actors):
            continue
        later = max((s, t), key=lambda c: c.sort_date)
        shared = [x for x in s.topics if x in t.topics] or list(
            dict.fromkeys([*s.topics, *t.topics])
        )
        by = qualifiers.get((r.source, r.target), [])
        if RELATION[r.kind].symmetric:
            by = by + qualifiers.get((r.target, r.source), [])
        out.append(
            Link(
                r.source,
                r.kind,
                r.target,
                period_of(later.year),
                tuple(shared),
                tuple(dict.fromkeys(by)),
            )
        )
    for c in m.claims:
        if _holds(c, a) and _holds(c, b):
            out.append(Link(c.id, JOINT, c.id, period_of(c.year), tuple(c.topics)))
    return out
