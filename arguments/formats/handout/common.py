"""What every handout holds: the claims of a view, numbered, chapter by chapter.

Contract: :func:`entries` lists the claims of a selection by chapter in reading
order, numbered from 1, each with its relations to the other claims shown (as
the vocabulary words them); the diagram the handout prints numbers each claim
the same way (:func:`numbers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...kinds import RELATION
from ...models import Map

_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


@dataclass(frozen=True)
class Sheet:
    """What a handout prints: the whole map (names, colours), the part shown, a title."""

    map: Map
    shown: Map
    title: str
    #: each quote's sentence in the source text, by (claim id, quote index), when asked for
    context: dict[tuple[str, int], str] = field(default_factory=dict)

    @property
    def source_line(self) -> str:
        return self.map.source_line(c.chapter for c in self.shown.claims)


class Entry:
    """One claim of the handout, numbered, with what it needs to be printed."""

    def __init__(self, n: int, claim, rels: list[tuple[str, str, str | None]]):
        self.n, self.claim, self.rels = n, claim, rels  # rels: (verb, other id, note)


def entries(m: Map, sel: Map) -> list[tuple[str, list[Entry]]]:
    """The claims of a selection, by chapter in reading order, numbered from 1."""
    by_chapter: dict[str, list] = {}
    for c in sel.claims:
        by_chapter.setdefault(c.chapter, []).append(c)
    chapters = m.in_chapter_order(by_chapter)
    out, n = [], 0
    for ch in chapters:
        items = []
        for c in by_chapter[ch]:
            n += 1
            rels = []
            for r in sel.relations:
                if r.source == c.id:
                    rels.append((RELATION[r.kind].reads_out, r.target, r.note))
                elif r.target == c.id:
                    rels.append((RELATION[r.kind].reads_in, r.source, r.note))
            items.append(Entry(n, c, rels))
        out.append((m.chapter_heading(ch), items))
    return out


def numbers(sections: list[tuple[str, list[Entry]]]) -> dict[str, int]:
    return {e.claim.id: e.n for _, items in sections for e in items}


def meta(m: Map, c) -> str:
    kind = f"postulate {c.number}" if c.kind == "postulate" else c.kind
    return " \u00b7 ".join([kind, m.credited(c)] + ([c.date] if c.date else []))


def inline_svg(svg_bytes: bytes) -> str:
    """A diagram's SVG, to be placed inside an HTML page (no prolog, no comments)."""
    svg = svg_bytes.decode("utf-8")
    svg = _COMMENT.sub("", _PROLOG.sub("", svg, count=1))
    # a claim in the diagram links to its entry (the diagram's own ids stay unique)
    return svg.replace('xlink:href="#claim-', 'xlink:href="#entry-')
