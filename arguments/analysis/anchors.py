"""Anchors: where in the source text each quote of a map stands.

Contract: :func:`anchor(m, text)` returns :class:`Anchors`, one
:class:`Anchor` per quote of a claim and per quote of a relation, in map
order.  An anchor's ``spans`` are code-point offsets into ``text``: one span
for a plain quote, several for a quote with an elision (and a span breaks
where the text holds something the quote leaves out: a footnote number, the
source's own ``. . .``).  Matching forgives what quote checking forgives
(:mod:`.quotes`), but the spans cover exactly the quoted words:
``normalise(text[start:end])`` joined over the spans is the quote's words.

When a quote's words stand in the text more than once, the occurrence in the
claim's chapter wins; when that does not decide (none or several in that
chapter), the first is used and the anchor says ``ambiguous`` (the number of
occurrences), to be reported.  A quote not in the text has no spans.

Each anchor also names the chapter and paragraph it stands in (from
:mod:`.structure`), the footnote its quote cites (the marker right after it,
or the last marker inside it) and, for a quote taken from a note, that note.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from ..models import Map
from .quotes import Folded, normalise, quote_parts
from .structure import Structure, read_structure


@dataclass(frozen=True)
class Anchor:
    claim: str | None  # the claim whose quote it is (None for a relation's quote)
    relation: tuple[str, str, str] | None  # (source, kind, target) for a relation's quote
    index: int  # which quote of the claim (0 for a relation)
    text: str  # the quote as the map gives it
    spans: tuple[tuple[int, int], ...]
    chapter: str | None = None
    paragraph: int | None = None
    note: int | None = None  # the footnote it cites
    in_note: int | None = None  # the note whose text it quotes
    ambiguous: int = 0  # how many times its words stand in the text, when that is undecided

    @property
    def found(self) -> bool:
        return bool(self.spans)

    @property
    def start(self) -> int:
        return self.spans[0][0] if self.spans else -1

    @property
    def end(self) -> int:
        return self.spans[-1][1] if self.spans else -1

    @property
    def key(self) -> str:
        """A stable name for the Read page and the URL: ``claim-id:index`` or
        ``source>kind>target``."""
        if self.claim is not None:
            return f"{self.claim}:{self.index}"
        assert self.relation is not None
        return ">".join(self.relation)

    def as_json(self) -> dict:
        out: dict = {
            "claim": self.claim,
            "quote": self.index,
            "spans": [list(s) for s in self.spans],
            "chapter": self.chapter,
            "paragraph": self.paragraph,
        }
        if self.relation is not None:
            out["relation"] = {
                "source": self.relation[0],
                "kind": self.relation[1],
                "target": self.relation[2],
            }
        if self.note is not None:
            out["note"] = self.note
        if self.in_note is not None:
            out["in_note"] = self.in_note
        if self.ambiguous:
            out["ambiguous"] = self.ambiguous
        if not self.spans:
            out["found"] = False
        return out


@dataclass(frozen=True)
class Anchors:
    text: str
    structure: Structure
    items: tuple[Anchor, ...]

    @cached_property
    def by_key(self) -> dict[str, Anchor]:
        return {a.key: a for a in self.items}

    def of_claim(self, cid: str) -> list[Anchor]:
        return [a for a in self.items if a.claim == cid]

    @property
    def missing(self) -> list[Anchor]:
        return [a for a in self.items if not a.found]

    @property
    def ambiguous(self) -> list[Anchor]:
        return [a for a in self.items if a.ambiguous]

    def quoted(self) -> list[tuple[int, int]]:
        """The union of every span, sorted and merged."""
        return list(self._merged)

    @cached_property
    def _merged(self) -> tuple[tuple[int, int], ...]:
        spans = sorted(s for a in self.items for s in a.spans)
        out: list[tuple[int, int]] = []
        for a, b in spans:
            if out and a <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], b))
            else:
                out.append((a, b))
        return tuple(out)

    @cached_property
    def _merged_starts(self) -> list[int]:
        return [a for a, _ in self._merged]

    def quoted_chars(self, start: int, end: int) -> int:
        """How many characters of ``text[start:end]`` some quote covers (whitespace not
        counted, as :meth:`Paragraph.chars` counts)."""
        merged, n = self._merged, 0
        i = max(0, bisect.bisect_right(self._merged_starts, start) - 1)
        while i < len(merged) and merged[i][0] < end:
            lo, hi = max(start, merged[i][0]), min(end, merged[i][1])
            if lo < hi:
                n += len("".join(self.text[lo:hi].split()))
            i += 1
        return n


_KEY = 16  # the folded text's word starts are indexed by their first 16 characters


class _Finder:
    def __init__(self, text: str):
        self.folded = Folded(text, flat=True)
        self.flat = flat = self.folded.text
        # where each word starts, by its first characters: most quotes start at a word, and
        # a look-up there spares a scan of the whole text per quote
        self.starts: dict[str, list[int]] = {}
        for mt in re.finditer(r"(?<!\S)\S", flat):
            i = mt.start()
            self.starts.setdefault(flat[i : i + _KEY], []).append(i)

    def _first(self, part: str) -> list[int]:
        if len(part) >= _KEY:
            hits = [i for i in self.starts.get(part[:_KEY], ()) if self.flat.startswith(part, i)]
            if hits:
                return hits
        out, at = [], self.flat.find(part)
        while at >= 0:
            out.append(at)
            at = self.flat.find(part, at + 1)
        return out

    def occurrences(self, parts: list[str], limit: int = 50) -> list[list[tuple[int, int]]]:
        """Each place the parts stand in order, as a list of (start, end) in the folded
        text: every occurrence of the first part, each followed by the earliest of the rest."""
        found: list[list[tuple[int, int]]] = []
        for at in self._first(parts[0])[:limit]:
            places = [(at, at + len(parts[0]))]
            pos = at + len(parts[0])
            for part in parts[1:]:
                k = self.flat.find(part, pos)
                if k < 0:
                    places = []
                    break
                places.append((k, k + len(part)))
                pos = k + len(part)
            if not places:
                break
            found.append(places)
        return found

    def spans(self, places: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
        out: list[tuple[int, int]] = []
        for a, b in places:
            out.extend(self.folded.spans(a, b))
        return tuple(out)


def anchor(m: Map, text: str, structure: Structure | None = None) -> Anchors:
    """Anchor every quote of ``m`` in ``text`` (see the module doc)."""
    st = structure or read_structure(text, [(c.id, c.title) for c in m.source.chapters])
    finder = _Finder(text)
    items: list[Anchor] = []

    def place(quote: str, chapter: str | None) -> tuple[tuple[tuple[int, int], ...], int]:
        parts = quote_parts(quote)
        if not parts:
            return (), 0
        spans_of = [joined(finder.spans(p)) for p in finder.occurrences(parts)]
        spans_of = [s for s in spans_of if s]
        if not spans_of:
            return (), 0
        if len(spans_of) == 1:
            return spans_of[0], 0
        here = [s for s in spans_of if (c := st.chapter_at(s[0][0])) and c.id == chapter]
        if len(here) == 1:
            return here[0], 0
        return (here or spans_of)[0], len(here or spans_of)

    marker_starts = {k.start for k in st.markers}

    def joined(spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
        """Spans cut at a number that is no footnote marker ("100,000") joined again."""
        out: list[tuple[int, int]] = []
        for s, e in spans:
            if out:
                gap = text[out[-1][1] : s]
                if gap.strip().isdigit() and not any(
                    k in marker_starts for k in range(out[-1][1], s)
                ):
                    out[-1] = (out[-1][0], e)
                    continue
            out.append((s, e))
        return tuple(out)

    def make(claim, relation, index, quote, chapter) -> Anchor:
        spans, ambiguous = place(quote, chapter)
        if not spans:
            return Anchor(claim, relation, index, quote, ())
        start, end = spans[0][0], spans[-1][1]
        ch = st.chapter_at(start)
        para = st.paragraph_at(start)
        in_note = st.note_at(start) if para is None else None
        marker = st.marker_after(end)
        if marker is None:
            inside = st.markers_in(start, end)
            marker = inside[-1] if inside else None
        return Anchor(
            claim,
            relation,
            index,
            quote,
            spans,
            chapter=ch.id if ch else None,
            paragraph=para.number if para else None,
            note=marker.number if marker else None,
            in_note=in_note.number if in_note else None,
            ambiguous=ambiguous,
        )

    for c in m.claims:
        for j, q in enumerate(c.quotes):
            items.append(make(c.id, None, j, q.text, c.chapter))
    for r in m.relations:
        if r.quote is not None:
            src = m.claim_index.get(r.source)
            items.append(
                make(
                    None,
                    (r.source, r.kind, r.target),
                    0,
                    r.quote.text,
                    src.chapter if src else None,
                )
            )
    return Anchors(text, st, tuple(items))


def coverage(anchors: Anchors) -> dict:
    """Per chapter: paragraphs, those any quote touches, characters and quoted characters
    (whitespace not counted), with percentages; and the paragraphs no quote touches."""
    text, st = anchors.text, anchors.structure
    chapters = []
    unquoted = []
    for ch in st.chapters:
        paras = st.in_chapter(ch.id)
        if not paras:
            continue
        n_quoted = 0
        chars = 0
        q_chars = 0
        for p in paras:
            pc = sum(anchors.quoted_chars(a, b) for a, b in p.pieces)
            chars += p.chars(text)
            q_chars += pc
            if pc:
                n_quoted += 1
            else:
                first = " ".join(text[p.start : p.pieces[0][1]].split())
                unquoted.append(
                    {
                        "chapter": ch.id,
                        "paragraph": p.number,
                        "start": p.start,
                        "end": p.end,
                        "text": first[:120] + ("\u2026" if len(first) > 120 else ""),
                    }
                )
        chapters.append(
            {
                "chapter": ch.id,
                "title": ch.title,
                "paragraphs": len(paras),
                "quoted": n_quoted,
                "percent": round(100 * n_quoted / len(paras), 1),
                "characters": chars,
                "quoted_characters": q_chars,
                "characters_percent": round(100 * q_chars / chars, 1) if chars else 0.0,
            }
        )
    return {"chapters": chapters, "unquoted": unquoted}


# ------------------------------------------------------------------ a quote's sentence
_SENTENCE_END = re.compile(r"[.?!][\"'\u201d\u2019)\]]*\d{0,3}(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\bSt|\bMr|\bMrs|\bDr|\bvol|\bed|\bp|\bpp|\b\w\.\w)\.$")


def sentence_around(found: Anchors, a: Anchor) -> str | None:
    """The sentence (or sentences) of the text that hold the quote, lines joined; None
    when the quote is not in a paragraph or its sentence adds nothing to it."""
    if not a.found:
        return None
    text, st = found.text, found.structure
    p = st.paragraph_at(a.start)
    if p is None:
        return None
    # the paragraph as one string, with where each piece starts in the raw text
    joined, offsets = "", []
    for s, e in p.pieces:
        offsets.append((len(joined), s))
        joined += text[s:e] + " "

    def local(raw: int) -> int:
        for (j0, r0), (s, e) in zip(offsets, p.pieces, strict=True):
            if s <= raw <= e:
                return j0 + raw - r0
        return 0 if raw < p.start else len(joined)

    for k in st.markers_in(p.start, p.end):  # footnote numbers are no part of a sentence
        at = local(k.start)
        joined = joined[:at] + " " * (k.end - k.start) + joined[at + k.end - k.start :]
    qs, qe = local(a.start), local(a.end)
    start, end = 0, len(joined)
    for mt in _SENTENCE_END.finditer(joined):
        if _ABBREVIATION.search(joined[max(0, mt.start() - 6) : mt.start() + 1]):
            continue
        if mt.end() <= qs:
            start = mt.end()
        elif mt.end() >= qe:
            end = mt.end()
            break
    sentence = _display(joined[start:end])
    words = normalise(" ".join(text[s:e] for s, e in a.spans))
    return None if normalise(sentence).strip(" \"'") == words.strip(" \"'") else sentence


def _display(raw: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"-[ \t]*\n\s*", "-", raw)).strip()


def quoted_paragraphs(found: Anchors) -> set[tuple[str, int]]:
    """(chapter, number) of each paragraph some quote of the map touches (whatever is kept)."""
    paras = found.structure.paragraphs
    starts = [p.start for p in paras]
    out: set[tuple[str, int]] = set()
    for s, e in found.quoted():
        i = bisect.bisect_left(starts, e) - 1
        while i >= 0 and paras[i].end > s:
            p = paras[i]
            if any(x < e and s < y for x, y in p.pieces):
                out.add((p.chapter, p.number))
            i -= 1
    return out
