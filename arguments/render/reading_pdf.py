"""The annotated text as PDF: the source text with the map's quotes highlighted and the
claims named in the margin, for close reading on paper.

Contract: :func:`annotated_pdf(m, found, keep=None, chapters=None)` returns the bytes
of an A4 portrait PDF: a header with the title, the actors' colours and the kinds'
marks; then each chapter (from a new page) with its numbered paragraphs set in a
column of 120 mm, each kept quote on a band of its actor's colour (two bands, one
above the other, where quotes overlap or a claim is joint) with the kind's mark
before it, and in the right margin a note for each claim whose quote begins in
the paragraph; the chapter's footnotes after it; "page x of y" at the foot.  Body
text is 10 pt, margin notes 7 pt.  The same map and text give the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable

from ..analysis.anchors import Anchor, Anchors
from ..formats.pdfdoc import FAMILY, Document
from ..kinds import CLAIM_KIND, CLAIMS
from ..models import Map
from ..text import shorten
from .reading import _runs, chapter_title, display, kept

LEFT, TEXT_W, GAP, NOTE_W = 20.0, 120.0, 6.0, 46.0
TOP, BOTTOM = 18.0, 282.0
BODY, LEADING = 10.0, 5.6
NOTE_SIZE, NOTE_LEADING = 7.0, 3.2
MARK = 1.8  # a kind's mark before a quote, mm


def _rgb(hex_colour: str, lighten: float = 0.0) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4)) if len(h) == 6 else (200, 200, 200)
    return tuple(round(c + (255 - c) * lighten) for c in (r, g, b))  # type: ignore[return-value]


def draw_mark(pdf: Document, mark: str, x: float, y: float, size: float) -> None:
    """A claim kind's mark (kinds.ClaimKind.mark) drawn as a shape, ``size`` mm wide, its
    box's top left at (x, y): no font needed, the same on every machine."""
    r = size / 2
    cx, cy = x + r, y + r
    shapes = {
        "square": [(x, y), (x + size, y), (x + size, y + size), (x, y + size)],
        "diamond": [(cx, y), (x + size, cy), (cx, y + size), (x, cy)],
        "triangle-up": [(cx, y), (x + size, y + size), (x, y + size)],
        "triangle-down": [(x, y), (x + size, y), (cx, y + size)],
        "triangle-right": [(x, y), (x + size, cy), (x, y + size)],
        "wedge": [(cx, y), (cx + r * 0.45, y + size), (cx - r * 0.45, y + size)],
    }
    if mark == "circle":
        pdf.circle(cx, cy, r * 0.9, style="F")
    elif mark == "cross":
        t = size * 0.28
        pdf.rect(cx - t / 2, y, t, size, style="F")
        pdf.rect(x, cy - t / 2, size, t, style="F")
    else:
        pdf.polygon(shapes.get(mark, shapes["square"]), style="F")


class _Pdf(Document):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 5, f"{self.title_line} \u00b7 page {self.page_no()} of {{nb}}", align="C")

    title_line = ""


class _Layout:
    def __init__(self, pdf: _Pdf, m: Map, found: Anchors, anchors: list[Anchor]):
        self.pdf, self.m, self.found, self.anchors = pdf, m, found, anchors
        self.by_key = {a.key: a for a in anchors}
        self.first = {a.key: a.start for a in anchors}
        self.widths: dict[tuple[str, float, str], float] = {}
        self.chars: dict[str, dict[str, float]] = {}
        self.y = TOP
        self.note_y = TOP  # where the margin is free on this page

    def width(self, word: str, style: str = "", size: float = BODY) -> float:
        """A word's width in mm: the sum of its characters' widths, each measured once
        (fpdf2's get_string_width costs 0.3 ms a call; the text has 30,000 words)."""
        key = (style, size, word)
        w = self.widths.get(key)
        if w is None:
            chars = self.chars.get(style)
            if chars is None:
                chars = self.chars[style] = {}
            total = 0.0
            for ch in word:
                cw = chars.get(ch)
                if cw is None:  # at 1 pt; fpdf2 measures a fallback font's glyph too
                    self.pdf.set_font(FAMILY, style, 1)
                    cw = chars[ch] = self.pdf.get_string_width(ch)
                total += cw
            w = self.widths[key] = total * size
        return w

    def new_page(self) -> None:
        self.pdf.add_page()
        self.y = TOP
        self.note_y = TOP

    def need(self, h: float) -> None:
        if self.y + h > BOTTOM:
            self.new_page()

    def colours(self, keys: tuple[str, ...]) -> list[tuple[int, int, int]]:
        out: list[str] = []
        for k in keys:
            a = self.by_key[k]
            actors = self.m.claim(a.claim).actors if a.claim else []
            for x in actors or ["#999999"]:
                c = self.m.colour_of(x) if actors else x
                if c not in out:
                    out.append(c)
        return [_rgb(c, 0.35) for c in out]

    # ------------------------------------------------------------ running text
    def tokens(self, start: int, end: int) -> list[list[tuple[str, tuple[str, ...], str]]]:
        """Words as lists of pieces (text, keys, kind: "t" text, "g" mark, "n" note number)."""
        words: list[list[tuple[str, tuple[str, ...], str]]] = [[]]
        st = self.found.structure
        for run in _runs(self.found, self.anchors, start, end, st.markers_in(start, end)):
            raw = self.found.text[run.start : run.end]
            if run.marker is not None:
                words[-1].append((str(run.marker.number), (), "n"))
                continue
            for k in run.keys:
                a = self.by_key[k]
                if self.first[k] == run.start and a.claim:
                    mark = CLAIM_KIND[self.m.claim(a.claim).kind].mark
                    if words[-1]:
                        words.append([])
                    words[-1].append((mark, run.keys, "g"))
                    words.append([])
            text = display(raw)
            parts = text.split(" ")
            for i, part in enumerate(parts):
                if i > 0:
                    words.append([])
                if part:
                    words[-1].append((part, run.keys, "t"))
        return [w for w in words if w]

    def piece_width(self, piece: tuple[str, tuple[str, ...], str]) -> float:
        text, _, kind = piece
        if kind == "n":
            return self.width(text, "B", 6.5)
        if kind == "g":
            return MARK + 0.8
        return self.width(text)

    def paragraph(self, number: int, pieces: tuple[tuple[int, int], ...]) -> None:
        pdf = self.pdf
        words = [w for a, b in pieces for w in self.tokens(a, b)]
        space = self.width(" ")
        lines: list[list[list[tuple[str, tuple[str, ...], str]]]] = [[]]
        used = 0.0
        for w in words:
            ww = sum(self.piece_width(p) for p in w)
            if lines[-1] and used + space + ww > TEXT_W:
                lines.append([])
                used = 0.0
            used = used + space + ww if lines[-1] else ww
            lines[-1].append(w)
        self.need(LEADING * min(2, len(lines)))
        top = self.y
        pdf.set_font(FAMILY, "B", 7)
        pdf.set_text_color(130, 130, 130)
        pdf.set_xy(LEFT - 9, self.y + 0.6)
        pdf.cell(7, 4, str(number), align="R")
        for line in lines:
            self.need(LEADING)
            self.draw_line(line, space)
            self.y += LEADING
        self.margin_notes(top, number, pieces)
        self.y += 2.2

    def draw_line(self, line: list[list[tuple[str, tuple[str, ...], str]]], space: float) -> None:
        """One line: the bands under the quotes first (merged where they touch), then the
        text in as few runs as possible, then the marks and note numbers."""
        pdf = self.pdf
        placed: list[tuple[float, float, tuple[str, tuple[str, ...], str]]] = []
        bands: list[list] = []  # [x0, x1, keys]
        x = LEFT
        for i, w in enumerate(line):
            if i:
                prev, nxt = line[i - 1][-1][1], w[0][1]
                shared = tuple(k for k in prev if k in nxt)
                if shared:
                    self._band(bands, x, x + space, shared)
                x += space
            for piece in w:
                pw = self.piece_width(piece)
                if piece[2] == "t" and piece[1]:
                    self._band(bands, x, x + pw, piece[1])
                placed.append((x, pw, piece))
                x += pw
        for x0, x1, keys in bands:
            cols = self.colours(keys)
            h = LEADING - 0.9
            part = h / len(cols)
            for i, c in enumerate(cols):
                pdf.set_fill_color(*c)
                pdf.rect(x0, self.y + 0.5 + i * part, x1 - x0, part, style="F")
        pdf.set_font(FAMILY, "", BODY)
        pdf.set_text_color(20, 20, 20)
        run_x, run = 0.0, ""
        end: float | None = None
        for x, pw, (text, _, kind) in placed:
            if kind == "t":
                if run and end is not None and abs(x - end - space) < 0.01:
                    run += " " + text
                elif run and end is not None and abs(x - end) < 0.01:
                    run += text
                else:
                    if run:
                        pdf.text(run_x, self.y + 4.1, run)
                    run_x, run = x, text
                end = x + pw
        if run:
            pdf.text(run_x, self.y + 4.1, run)
        for x, _pw, (text, _, kind) in placed:
            if kind == "n":
                pdf.set_font(FAMILY, "B", 6.5)
                pdf.set_text_color(11, 92, 173)
                pdf.text(x, self.y + 2.6, text)
            elif kind == "g":
                pdf.set_fill_color(70, 70, 70)
                draw_mark(pdf, text, x + 0.2, self.y + 1.0, MARK)

    @staticmethod
    def _band(bands: list[list], x0: float, x1: float, keys: tuple[str, ...]) -> None:
        if bands and bands[-1][2] == keys and abs(bands[-1][1] - x0) < 0.01:
            bands[-1][1] = x1
        else:
            bands.append([x0, x1, keys])

    # ------------------------------------------------------------ the margin
    def margin_notes(self, top: float, number: int, pieces: tuple[tuple[int, int], ...]) -> None:
        lo, hi = pieces[0][0], pieces[-1][1]
        starting = [
            a
            for a in self.anchors
            if a.claim and lo <= a.start < hi and any(s <= a.start < e for s, e in pieces)
        ]
        seen: set[str] = set()
        pdf = self.pdf
        x = LEFT + TEXT_W + GAP
        y = max(top, self.note_y) if self.note_y > top and self.note_y < self.y else top
        if self.y < top:  # the paragraph ran onto a new page
            y = TOP
        for a in starting:
            if a.claim in seen or a.claim is None:
                continue
            seen.add(a.claim)
            c = self.m.claim(a.claim)
            when = f", {c.date}" if c.date else ""
            head = f"{self.m.credited(c)}{when} \u00b7 {c.kind}"
            body = shorten(c.text, 120)
            lines = self._wrap(head, "B") + self._wrap(body, "")
            pdf.set_fill_color(70, 70, 70)
            draw_mark(pdf, CLAIM_KIND[c.kind].mark, x - 0.2, y + 0.9, 1.9)
            h = len(lines) * NOTE_LEADING + 1.2
            if y + h > BOTTOM:
                break
            pdf.set_fill_color(*_rgb(self.m.colour_of(c.actors[0]), 0.0))
            pdf.rect(x - 1.6, y + 0.4, 0.9, h - 1.2, style="F")
            for i, (line, style) in enumerate(lines):
                pdf.set_font(FAMILY, style, NOTE_SIZE)
                shade = 30 if style else 70
                pdf.set_text_color(shade, shade, shade)
                pdf.set_xy(x + (2.2 if i == 0 else 0), y + 0.4 + i * NOTE_LEADING)
                pdf.cell(NOTE_W, NOTE_LEADING, line)
            y += h
        self.note_y = y

    def _wrap(self, text: str, style: str) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        line = ""
        for word in text.split():
            trial = f"{line} {word}".strip()
            room = NOTE_W - (2.2 if style and not out else 0)
            if line and self.width(trial, style, NOTE_SIZE) > room:
                out.append((line, style))
                line = word
            else:
                line = trial
        if line:
            out.append((line, style))
        return out

    # ------------------------------------------------------------ chapters and notes
    def heading(self, text: str) -> None:
        self.need(16)
        pdf = self.pdf
        pdf.set_font(FAMILY, "B", 15)
        pdf.set_text_color(0, 0, 0)
        pdf.set_xy(LEFT, self.y)
        pdf.cell(TEXT_W, 8, text)
        self.y += 12
        self.note_y = self.y

    def notes(self, chapter: str) -> None:
        st = self.found.structure
        numbers = sorted(
            {n for n, note in st.notes.items() if note.chapter == chapter}
            | {k.number for k in st.markers if (c := st.chapter_at(k.start)) and c.id == chapter}
        )
        if not numbers:
            return
        pdf = self.pdf
        self.need(12)
        pdf.set_draw_color(170, 170, 170)
        pdf.line(LEFT, self.y + 1, LEFT + 50, self.y + 1)
        self.y += 3
        for n in numbers:
            note = st.notes.get(n)
            text = (
                display(" ".join(self.found.text[a:b] for a, b in note.pieces))
                if note
                else "The note's text is not in the source file."
            )
            pdf.set_font(FAMILY, "I" if note is None else "", 8)
            pdf.set_text_color(60, 60, 60)
            lines = []
            line = f"{n}."
            for word in text.split():
                trial = f"{line} {word}"
                if self.width(trial, "I" if note is None else "", 8) > TEXT_W:
                    lines.append(line)
                    line = "   " + word
                else:
                    line = trial
            lines.append(line)
            for ln in lines:
                self.need(3.8)
                pdf.set_font(FAMILY, "I" if note is None else "", 8)
                pdf.text(LEFT, self.y + 3, ln)
                self.y += 3.8
            self.y += 0.6


def annotated_pdf(
    m: Map,
    found: Anchors,
    *,
    keep: Callable[[Anchor], bool] | None = None,
    chapters: list[str] | None = None,
) -> bytes:
    """The annotated text as PDF bytes (see the module doc)."""
    anchors = kept(found, keep)
    pdf = _Pdf(f"{m.source.title} \u2014 annotated", m.source.author)
    pdf.title_line = shorten(m.source.title, 70)
    pdf.set_auto_page_break(False)
    pdf.set_margins(LEFT, TOP, 210 - LEFT - TEXT_W)
    lay = _Layout(pdf, m, found, anchors)
    lay.new_page()
    # the header: title, what the colours and marks mean
    pdf.set_font(FAMILY, "B", 17)
    pdf.set_xy(LEFT, lay.y)
    pdf.multi_cell(TEXT_W + GAP + NOTE_W, 8, m.source.title)
    lay.y = pdf.get_y() + 1
    pdf.set_font(FAMILY, "", 9)
    pdf.set_text_color(70, 70, 70)
    pdf.set_xy(LEFT, lay.y)
    pdf.multi_cell(
        TEXT_W + GAP + NOTE_W,
        4.4,
        f"The text with the argument map's {len(anchors)} quotes on it: each quote on a band "
        "in the colour of whose claim it is (two bands where quotes overlap or a claim is "
        "joint), the kind of claim marked before it; the margin names each claim whose "
        "quote begins in the paragraph.",
    )
    lay.y = pdf.get_y() + 2
    actors = sorted({x for a in anchors if a.claim for x in m.claim(a.claim).actors})
    x = LEFT
    pdf.set_font(FAMILY, "", 8)
    for aid in actors:
        name = shorten(m.actor_name(aid), 40)
        w = lay.width(name, "", 8) + 7
        if x + w > LEFT + TEXT_W + GAP + NOTE_W:
            x, lay.y = LEFT, lay.y + 5
        pdf.set_fill_color(*_rgb(m.colour_of(aid), 0.35))
        pdf.rect(x, lay.y + 0.8, 4, 3.2, style="F")
        pdf.set_text_color(40, 40, 40)
        pdf.set_font(FAMILY, "", 8)
        pdf.text(x + 5, lay.y + 3.6, name)
        x += w
    lay.y += 6
    x = LEFT
    for k in CLAIMS:
        if not any(a.claim and m.claim(a.claim).kind == k.name for a in anchors):
            continue
        pdf.set_fill_color(70, 70, 70)
        draw_mark(pdf, k.mark, x, lay.y + 1.2, 2.6)
        pdf.set_font(FAMILY, "", 8)
        pdf.set_text_color(40, 40, 40)
        pdf.text(x + 3.6, lay.y + 3.6, k.name)
        x += lay.width(k.name, "", 8) + 8
    lay.y += 9
    st = found.structure
    for i, c in enumerate(st.chapters):
        if chapters is not None and c.id not in chapters:
            continue
        paras = st.in_chapter(c.id)
        if not paras:
            continue
        if i and lay.y > TOP + 40:
            lay.new_page()
        lay.heading(chapter_title(found, c.id))
        for p in paras:
            lay.paragraph(p.number, p.pieces)
        lay.notes(c.id)
    return pdf.finish()
