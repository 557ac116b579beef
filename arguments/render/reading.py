"""The source text with the map on it, as HTML: the Read page's and the annotated text's.

Contract: :func:`chapter_html` gives one chapter of the text (heading,
numbered paragraphs, its notes) with each kept quote highlighted where its
anchor's spans are: background and underline in the colour of the claim's
actor (stripes of each colour where quotes overlap, a dotted underline for a
relation's quote), the claim kind's mark before the quote, a ``title`` naming
the claims, ``data-q`` holding the anchors' keys (:attr:`Anchor.key`).
Footnote markers link to their note (``#note-N``).  :func:`document_html`
gives the whole text as a standalone page with margin notes naming the
claims, for printing.  Every piece of text is escaped: the text, the claims
and the labels are data.
"""

from __future__ import annotations

import bisect
import html
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..analysis.anchors import Anchor, Anchors, quoted_paragraphs
from ..analysis.structure import Marker, Paragraph
from ..kinds import CLAIM_KIND, CLAIMS
from ..models import Map
from ..text import shorten

_HYPHEN_BREAK = re.compile(r"-[ \t]*\n\s*")
_WS = re.compile(r"\s+")

#: the Read page's and the annotated text's stylesheet (class names start with ``rd-``)
CSS = """
.rd-text{font-family:'Source Serif Pro','Source Serif 4',Georgia,'Times New Roman',serif;
 font-size:1.06rem;line-height:1.72;color:#1b1b1b;max-width:46rem}
.rd-text h2{font-family:'Source Sans Pro','Source Sans 3',sans-serif;font-size:1.35rem;
 margin:.2rem 0 1rem;font-weight:700;letter-spacing:.01em}
.rd-p{position:relative;margin:0 0 1rem;padding-left:.1rem}
.rd-pn{position:absolute;left:-2.3rem;width:1.9rem;text-align:right;color:#8a8a8a;
 font:600 .72rem/2.4 'Source Sans Pro',sans-serif;text-decoration:none}
.rd-q{background:var(--bg);border-bottom:2px solid var(--ul);padding:.05em 0;cursor:pointer;
 color:inherit;border-radius:2px;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.rd-q.rd-multi{border-bottom-style:double;border-bottom-width:3px}
.rd-q.rd-rel{border-bottom:2px dotted #555;background:transparent}
.rd-q:hover,.rd-q.rd-sel{outline:2px solid #1b1b1b;outline-offset:1px}
.rd-km{font-size:.62em;vertical-align:.3em;margin-right:.15em;color:#555}
.rd-fn a{font:700 .7em 'Source Sans Pro',sans-serif;color:#0b5cad;text-decoration:none;
 padding:0 .1em}
.rd-notes{border-top:1px solid #ccc;margin-top:2rem;padding-top:.6rem;font-size:.9rem;
 line-height:1.5;color:#333}
.rd-notes h3{font:700 .95rem 'Source Sans Pro',sans-serif;margin:0 0 .4rem}
.rd-notes li{margin:.15rem 0}
.rd-notes li.rd-missing{color:#777;font-style:italic}
.rd-unq-on .rd-p{opacity:.5}
.rd-unq-on .rd-p.rd-unq{opacity:1;border-left:4px solid #d9822b;padding-left:.6rem;
 background:#fff7ec}
.rd-unq-on .rd-p.rd-unq::after{content:'no claim quotes this paragraph';display:block;
 font:600 .72rem 'Source Sans Pro',sans-serif;color:#a65c00;text-transform:uppercase;
 letter-spacing:.04em}
@keyframes rd-flash{0%,40%{box-shadow:0 0 0 6px #ffd54a;background:#ffe88a}
 100%{box-shadow:0 0 0 0 transparent}}
.rd-flash{animation:rd-flash 1.6s ease-out 1}
"""


@dataclass(frozen=True)
class _Run:
    start: int
    end: int
    keys: tuple[str, ...]  # the anchors covering it, in map order
    marker: Marker | None = None


def display(raw: str) -> str:
    """Text as a paragraph shows it: lines joined, a line-end hyphen kept tight."""
    return _WS.sub(" ", _HYPHEN_BREAK.sub("-", raw))


def claim_title(m: Map, a: Anchor) -> str:
    """What hovering a highlight says: whose claim, when, what kind, what it says."""
    if a.claim is None:
        assert a.relation is not None
        src, kind, tgt = a.relation
        return f"Link: {shorten(m.claim(src).text, 60)} \u2014{kind}\u2192 {shorten(m.claim(tgt).text, 60)}"
    c = m.claim(a.claim)
    when = f", {c.date}" if c.date else ""
    return f"{m.credited(c)}{when} \u00b7 {c.kind}: {shorten(c.text, 140)}"


def _colours(m: Map, a: Anchor) -> list[str]:
    if a.claim is None:
        return ["#777777"]
    return [m.colour_of(x) for x in m.claim(a.claim).actors]


def _runs(
    found: Anchors, keep: list[Anchor], start: int, end: int, markers: Iterable[Marker]
) -> list[_Run]:
    """Cut ``[start, end)`` where a kept span or a marker begins or ends."""
    cuts = {start, end}
    covering: list[tuple[int, int, str]] = []
    for a in keep:
        for s, e in a.spans:
            if s < end and e > start:
                covering.append((max(s, start), min(e, end), a.key))
                cuts.update((max(s, start), min(e, end)))
    marks = [k for k in markers if start <= k.start < end]
    for k in marks:
        cuts.update((k.start, k.end))
    edges = sorted(cuts)
    by_start = {k.start: k for k in marks}
    order = {a.key: i for i, a in enumerate(keep)}
    out = []
    for lo, hi in itertools.pairwise(edges):
        if lo >= hi:
            continue
        keys = tuple(
            sorted({k for s, e, k in covering if s <= lo and hi <= e}, key=lambda k: order[k])
        )
        marker = by_start.get(lo)
        out.append(_Run(lo, hi, () if marker else keys, marker))
    return out


class _Writer:
    """Writes paragraphs and notes of one text with the kept anchors highlighted."""

    def __init__(
        self,
        m: Map,
        found: Anchors,
        keep: list[Anchor],
        selected: str | None,
        inline_titles: bool = True,
    ):
        self.m, self.found, self.keep, self.selected = m, found, keep, selected
        self.inline_titles = inline_titles
        self.by_key = {a.key: a for a in keep}
        self.first_start = {a.key: a.start for a in keep}
        self.titles = {a.key: claim_title(m, a) for a in keep}
        self.text = found.text
        st = found.structure
        self.markers = list(st.markers)
        self._marker_starts = [k.start for k in self.markers]

    def markers_between(self, a: int, b: int) -> list[Marker]:
        i = bisect.bisect_left(self._marker_starts, a)
        j = bisect.bisect_left(self._marker_starts, b)
        return self.markers[i:j]

    def piece(self, a: int, b: int) -> str:
        out: list[str] = []
        for run in _runs(self.found, self.keep, a, b, self.markers_between(a, b)):
            raw = self.text[run.start : run.end]
            if run.marker is not None:
                out.append(self.marker_html(run.marker))
                continue
            words = html.escape(display(raw))
            if not run.keys:
                out.append(words)
                continue
            glyphs = "".join(
                self.glyph(self.by_key[k]) for k in run.keys if self.first_start[k] == run.start
            )
            out.append(glyphs + self.mark(run.keys, words))
        return "".join(out)

    def glyph(self, a: Anchor) -> str:
        if a.claim is None:
            return ""
        kind = self.m.claim(a.claim).kind
        colour = _colours(self.m, a)[0]
        return (
            f'<span class="rd-km" style="--ul:{html.escape(colour)}" '
            f'title="{html.escape(kind)}" aria-hidden="true">{CLAIM_KIND[kind].glyph}</span>'
        )

    def mark(self, keys: tuple[str, ...], words: str) -> str:
        anchors = [self.by_key[k] for k in keys]
        colours: list[str] = []
        for a in anchors:
            for c in _colours(self.m, a):
                if c not in colours:
                    colours.append(c)
        classes = ["rd-q"]
        if len(anchors) > 1:
            classes.append("rd-multi")
        if all(a.claim is None for a in anchors):
            classes.append("rd-rel")
        if self.selected in keys:
            classes.append("rd-sel")
        if len(colours) == 1:
            bg = f"{colours[0]}99"
        else:
            stops = ",".join(f"{c}99 {i * 6}px {(i + 1) * 6}px" for i, c in enumerate(colours))
            bg = f"repeating-linear-gradient(135deg,{stops})"
        title = (
            ' title="' + html.escape("\n".join(self.titles[k] for k in keys)) + '"'
            if self.inline_titles
            else ""
        )
        return (
            f'<mark class="{" ".join(classes)}" data-q="{html.escape(" ".join(keys))}" '
            f'style="--bg:{html.escape(bg)};--ul:{html.escape(colours[0])}"{title}>{words}</mark>'
        )

    def marker_html(self, k: Marker) -> str:
        note = self.found.structure.notes.get(k.number)
        if note is not None:
            tip = shorten(display(" ".join(self.text[a:b] for a, b in note.pieces)), 200)
        else:
            tip = "The note's text is not in the source file."
        return (
            f'<sup class="rd-fn" id="ref-{k.number}"><a href="#note-{k.number}" '
            f'data-note="{k.number}" title="Note {k.number}: {html.escape(tip)}">'
            f"{k.number}</a></sup>"
        )

    def paragraph(self, p: Paragraph, quoted: bool, prefix: str = "") -> str:
        body = " ".join(self.piece(a, b) for a, b in p.pieces)
        cls = "rd-p" if quoted else "rd-p rd-unq"
        return (
            f'<p class="{cls}" id="{prefix}p-{p.number}" data-p="{p.number}">'
            f'<a class="rd-pn" href="#{prefix}p-{p.number}" title="Paragraph {p.number}">'
            f"{p.number}</a>{body}</p>"
        )

    def notes(self, chapter: str) -> str:
        st = self.found.structure
        numbers = sorted(
            {n for n, note in st.notes.items() if note.chapter == chapter}
            | {k.number for k in st.markers if (c := st.chapter_at(k.start)) and c.id == chapter}
        )
        if not numbers:
            return ""
        items = []
        for n in numbers:
            note = st.notes.get(n)
            back = f' <a class="rd-back" href="#ref-{n}" data-ref="{n}" title="Back to the text">\u21a9</a>'
            if note is None:
                items.append(
                    f'<li value="{n}" id="note-{n}" class="rd-missing">'
                    f"The note's text is not in the source file.{back}</li>"
                )
            else:
                body = " ".join(self.piece(a, b) for a, b in note.pieces)
                items.append(f'<li value="{n}" id="note-{n}">{body}{back}</li>')
        return f'<section class="rd-notes"><h3>Notes</h3><ol>{"".join(items)}</ol></section>'


def kept(found: Anchors, keep: Callable[[Anchor], bool] | None = None) -> list[Anchor]:
    """The anchors to highlight: found ones that ``keep`` accepts."""
    return [a for a in found.items if a.found and (keep is None or keep(a))]


def chapter_title(found: Anchors, chapter: str) -> str:
    c = found.structure.chapter(chapter)
    if c is None or not c.id:
        return "Text"
    heading = display(found.text[c.heading[0] : c.heading[1]]).strip()
    number = re.match(r"(CHAPTER|PART|BOOK)\s+(\S+)", heading, re.I)
    return f"Chapter {number.group(2)}: {c.title}" if number else c.title


def chapter_html(
    m: Map,
    found: Anchors,
    chapter: str,
    *,
    keep: Callable[[Anchor], bool] | None = None,
    unquoted: bool = False,
    selected: str | None = None,
    quoted: set[tuple[str, int]] | None = None,
    inline_titles: bool = True,
) -> str:
    """One chapter as HTML (see the module doc); ``unquoted`` marks the paragraphs no
    quote touches and dims the rest; ``selected`` outlines one anchor's highlights;
    without ``inline_titles`` the marks carry no ``title`` (the page sets it on hover from
    :func:`titles`, a third of the size to send)."""
    w = _Writer(m, found, kept(found, keep), selected, inline_titles)
    quoted = quoted if quoted is not None else quoted_paragraphs(found)
    paras = found.structure.in_chapter(chapter)
    body = "".join(w.paragraph(p, (p.chapter, p.number) in quoted) for p in paras)
    cls = "rd-text rd-unq-on" if unquoted else "rd-text"
    return (
        f'<article class="{cls}" data-chapter="{html.escape(chapter)}">'
        f"<h2>{html.escape(chapter_title(found, chapter))}</h2>{body}{w.notes(chapter)}</article>"
    )


def titles(m: Map, found: Anchors, chapter: str) -> dict[str, str]:
    """What hovering each highlight of a chapter says, by anchor key."""
    return {a.key: claim_title(m, a) for a in found.items if a.found and a.chapter == chapter}


def paragraph_shares(found: Anchors, chapter: str) -> list[tuple[int, int, float]]:
    """(paragraph number, its characters, the share of them quoted) for the coverage strip."""
    text = found.text
    out = []
    for p in found.structure.in_chapter(chapter):
        total = p.chars(text)
        q = sum(found.quoted_chars(a, b) for a, b in p.pieces)
        out.append((p.number, total, q / total if total else 0.0))
    return out


# ------------------------------------------------------------------ the annotated text
PRINT_CSS = """
@page{size:A4;margin:18mm 14mm 18mm 16mm}
body{margin:0;font-family:'Source Sans Pro','Source Sans 3',Arial,sans-serif;color:#1b1b1b}
header.rd-head{margin:0 0 1.2rem;border-bottom:2px solid #333;padding-bottom:.5rem}
header.rd-head h1{font-size:1.5rem;margin:0}
header.rd-head p{margin:.2rem 0 0;color:#444;font-size:.9rem}
.rd-chapter{break-before:page}
.rd-chapter:first-of-type{break-before:auto}
.rd-row{display:grid;grid-template-columns:minmax(0,1fr) 15rem;gap:1.2rem;break-inside:avoid-page}
.rd-text{max-width:none}
.rd-margin{font-size:.74rem;line-height:1.3;color:#333}
.rd-margin div{border-left:3px solid var(--ul);padding:.05rem 0 .05rem .35rem;margin:0 0 .35rem}
.rd-margin b{font-weight:700}
.rd-pn{left:-1.9rem}
.rd-legend{font-size:.8rem;color:#333;margin:.4rem 0 1rem}
.rd-legend span{display:inline-block;margin-right:.9rem}
@media print{.rd-q{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"""


def _margin_note(m: Map, a: Anchor) -> str:
    c = m.claim(a.claim) if a.claim else None
    colour = _colours(m, a)[0]
    if c is None:
        return ""
    when = f", {c.date}" if c.date else ""
    glyph = CLAIM_KIND[c.kind].glyph
    return (
        f'<div style="--ul:{html.escape(colour)}"><b>{glyph} {html.escape(m.credited(c))}'
        f"{html.escape(when)}</b> \u00b7 {html.escape(c.kind)}<br>"
        f"{html.escape(shorten(c.text, 110))} <i>[{html.escape(c.id)}]</i></div>"
    )


def document_html(
    m: Map,
    found: Anchors,
    *,
    keep: Callable[[Anchor], bool] | None = None,
    chapters: list[str] | None = None,
    fonts_css: str = "",
) -> str:
    """The whole text (or the named chapters) as a printable page: each paragraph with,
    in its margin, the claims whose quotes begin in it."""
    anchors = kept(found, keep)
    w = _Writer(m, found, anchors, None)
    quoted = quoted_paragraphs(found)
    st = found.structure
    starts: dict[tuple[str, int], list[Anchor]] = {}
    for a in anchors:
        p = st.paragraph_at(a.start)
        if p is not None and a.claim is not None:
            starts.setdefault((p.chapter, p.number), []).append(a)
    parts = []
    for c in st.chapters:
        if chapters is not None and c.id not in chapters:
            continue
        rows = []
        for p in st.in_chapter(c.id):
            notes = "".join(_margin_note(m, a) for a in starts.get((p.chapter, p.number), []))
            rows.append(
                f'<div class="rd-row"><div class="rd-text">'
                f"{w.paragraph(p, (p.chapter, p.number) in quoted, prefix=f'{c.id}-')}</div>"
                f'<aside class="rd-margin">{notes}</aside></div>'
            )
        parts.append(
            f'<section class="rd-chapter"><div class="rd-text"><h2>'
            f"{html.escape(chapter_title(found, c.id))}</h2></div>{''.join(rows)}"
            f'<div class="rd-text">{w.notes(c.id)}</div></section>'
        )
    actors = sorted({x for a in anchors if a.claim for x in m.claim(a.claim).actors})
    legend = "".join(
        f'<span><mark class="rd-q" style="--bg:{html.escape(m.colour_of(x))}99;'
        f'--ul:{html.escape(m.colour_of(x))}">&nbsp;{html.escape(m.actor_name(x))}&nbsp;</mark></span>'
        for x in actors
    )
    kinds = "".join(
        f"<span>{k.glyph} {html.escape(k.name)}</span>"
        for k in CLAIMS
        if any(a.claim and m.claim(a.claim).kind == k.name for a in anchors)
    )
    by = f" by {m.source.author}" if m.source.author and m.source.author != "unknown" else ""
    title = f"{m.source.title}{by}"
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(m.source.title)} \u2014 annotated</title>"
        f"<style>{fonts_css}{CSS}{PRINT_CSS}</style></head><body>"
        f'<header class="rd-head"><h1>{html.escape(title)}</h1>'
        f"<p>The text with the argument map's {len(anchors)} quotes highlighted, in the colour "
        "of whose claim it is; the margin names each claim whose quote begins in the "
        "paragraph.</p>"
        f'<div class="rd-legend">{legend}</div><div class="rd-legend">{kinds}</div></header>'
        f"{''.join(parts)}</body></html>"
    )
