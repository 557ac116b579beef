"""Searching claim texts and quotes.

Contract: :func:`search` is a pure function of a map and a query returning ranked
:class:`Hit` records with spans to highlight.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..models import Map

_WORD = re.compile(r"\w+", re.UNICODE)


def _fold(text: str) -> str:
    """Case- and accent-insensitive form, same length as the input."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFKD", ch)
        base = "".join(b for b in base if not unicodedata.combining(b)) or ch
        out.append(base[0].lower() if len(base[0].lower()) == 1 else ch)
    return "".join(out).translate(str.maketrans("\u2019\u2018\u201c\u201d\u2013\u2014", "''\"\"--"))


@dataclass(frozen=True)
class Hit:
    claim: str
    field: str  # "text" or "quote 1", "quote 2", ...
    text: str  # the whole text searched
    spans: tuple[tuple[int, int], ...]  # matched stretches, to highlight
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
                hits.append(
                    Hit(c.id, name, text, tuple(_merge(spans)), len(spans) * bonus - order * 1e-6)
                )
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
