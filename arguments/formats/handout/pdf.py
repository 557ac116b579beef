"""The handout as a PDF, made with fpdf2 (pure Python, no system libraries).

Contract: :func:`write` returns PDF bytes: the diagram fitted to a landscape page
at 220 dpi (drawn by the caller's ``draw``), then the claims in Source Sans Pro,
the font the diagrams use, each with the actor's colour down its left edge.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from PIL import Image

from ...models import Map
from ...text import quoted, shorten
from ..pdfdoc import FAMILY, Document
from .common import Entry, Sheet, entries, meta, numbers

PDF_DPI = 220


def write(sheet: Sheet, draw: Callable[[tuple[float, float], int], bytes]) -> bytes:
    """The handout as a PDF; ``draw(fit, dpi)`` returns the diagram as a PNG fitted to
    ``fit`` (width, height in inches) at ``dpi``, drawn with the handout's numbers."""
    pdf = Document(sheet.title, sheet.map.source.author)
    pdf.set_auto_page_break(True, margin=16)
    pdf.set_margins(16, 16, 16)
    _diagram_page(pdf, sheet, draw)
    _claims(pdf, sheet)
    return pdf.finish()


def _diagram_page(
    pdf: Document, sheet: Sheet, draw: Callable[[tuple[float, float], int], bytes]
) -> None:
    """Page 1: the title, the source line and the diagram, fitted to a landscape page."""
    pdf.add_page(orientation="L")
    pdf.set_font(FAMILY, "B", 16)
    pdf.multi_cell(0, 7, sheet.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 10)
    pdf.set_text_color(68, 68, 68)
    pdf.multi_cell(0, 5, sheet.source_line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    top = pdf.get_y() + 2
    box_w, box_h = pdf.w - 32, pdf.h - top - 12
    png = draw((box_w / 25.4, box_h / 25.4), PDF_DPI)
    with Image.open(io.BytesIO(png)) as im:
        w_px, h_px = im.size
    scale = min(box_w / (w_px / PDF_DPI * 25.4), box_h / (h_px / PDF_DPI * 25.4), 1.0)
    w, h = w_px / PDF_DPI * 25.4 * scale, h_px / PDF_DPI * 25.4 * scale
    pdf.image(io.BytesIO(png), x=16 + (box_w - w) / 2, y=top, w=w, h=h)


def _claims(pdf: Document, sheet: Sheet) -> None:
    """Then the claims, chapter by chapter, each with the actor's colour down its edge."""
    m = sheet.map
    sections = entries(m, sheet.shown)
    num = numbers(sections)
    pdf.add_page(orientation="P")
    for title, items in sections:
        pdf.set_font(FAMILY, "B", 14)
        pdf.para(16, 7, title)
        pdf.ln(1)
        for it in items:
            if pdf.get_y() > pdf.h - 50:
                pdf.add_page()
            y0 = pdf.get_y()
            _entry(pdf, m, it, num, sheet.context)
            y1 = pdf.get_y()
            colour = m.colour_of(it.claim.actor).lstrip("#")
            pdf.set_fill_color(*(int(colour[i : i + 2], 16) for i in (0, 2, 4)))
            if y1 > y0:  # the actor's colour down the left edge (on this page)
                pdf.rect(16, y0, 2, y1 - y0, style="F")
            pdf.ln(3)


def _entry(
    pdf: Document, m: Map, it: Entry, num: dict[str, int], context: dict | None = None
) -> None:
    c = it.claim
    pdf.set_font(FAMILY, "", 8.5)
    pdf.set_text_color(60, 60, 60)
    pdf.para(20, 4, f"{it.n}.  {meta(m, c).upper()}")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(FAMILY, "B", 11)
    pdf.para(20, 5.2, c.text)
    for j, q in enumerate(c.quotes):
        pdf.set_font(FAMILY, "I", 10)
        who = f"{m.actor_name(q.speaker)}: " if q.speaker else ""
        pdf.para(24, 4.8, f"{who}{quoted(q.text)}")
        if q.cites:
            pdf.set_font(FAMILY, "", 9)
            pdf.para(24, 4.4, f"\u2014 {q.cites}")
        if ctx := (context or {}).get((c.id, j)):
            pdf.set_font(FAMILY, "", 8.5)
            pdf.set_text_color(80, 80, 80)
            pdf.para(24, 4.2, f"In context: {ctx}")
            pdf.set_text_color(0, 0, 0)
    if it.rels:
        pdf.set_font(FAMILY, "", 9)
        pdf.set_text_color(50, 50, 50)
        for verb, other, note in it.rels:
            line = f"{verb} {num[other]}. {shorten(m.claim(other).text, 80)}"
            pdf.para(24, 4.4, line + (f" \u2014 {note}" if note else ""))
        pdf.set_text_color(0, 0, 0)
