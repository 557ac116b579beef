"""The handout as a PDF, made with fpdf2 (pure Python, no system libraries).

Contract: :func:`write` returns PDF bytes: the diagram fitted to a landscape page
at 220 dpi (drawn by the caller's ``draw``), then the claims in Source Sans Pro,
the font the diagrams use, each with the actor's colour down its left edge.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from pathlib import Path

from fpdf import FPDF
from PIL import Image

from ... import fonts
from ...text import quoted, shorten
from .common import Sheet, entries, meta, numbers

PDF_DPI = 220
FALLBACK_FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                  "/usr/share/fonts/dejavu/DejaVuSans.ttf",
                  "/usr/share/fonts/TTF/DejaVuSans.ttf")


def write(sheet: Sheet, draw: Callable[[tuple[float, float], int], bytes]) -> bytes:
    """The handout as a PDF; ``draw(fit, dpi)`` returns the diagram as a PNG fitted to
    ``fit`` (width, height in inches) at ``dpi``, drawn with the handout's numbers."""
    m = sheet.map
    sections = entries(m, sheet.shown)

    pdf = FPDF(unit="mm", format="A4")
    pdf.set_title(sheet.title)
    pdf.set_author(m.source.author)
    pdf.set_creator("argmap")
    for style, name in (("", "Regular"), ("B", "Bold"), ("I", "It"), ("BI", "BoldIt")):
        pdf.add_font("SSP", style, str(fonts.font_file(name)))
    fallback = next((p for p in FALLBACK_FONTS if Path(p).exists()), None)
    if fallback:   # characters Source Sans Pro lacks (arrows, Cyrillic extensions...)
        pdf.add_font("Fallback", "", fallback)
        pdf.set_fallback_fonts(["Fallback"], exact_match=False)
    pdf.set_auto_page_break(True, margin=16)
    pdf.set_margins(16, 16, 16)
    widths: dict[tuple[str, float, str], float] = {}

    def para(x: float, h: float, text: str) -> None:
        """Text from x to the right margin, wrapped at spaces (fpdf2's multi_cell measures
        each line over and over: 4 s for the essay map; measuring each word once: 0.3 s)."""
        room = pdf.w - pdf.r_margin - x
        key = (pdf.font_family + pdf.font_style, pdf.font_size_pt)
        space = widths.setdefault((*key, " "), pdf.get_string_width(" "))
        line: list[str] = []
        used = 0.0
        for word in text.split():
            w = widths.get((*key, word))
            if w is None:
                w = widths[(*key, word)] = pdf.get_string_width(word)
            if line and used + space + w > room:
                pdf.set_x(x)
                pdf.cell(room, h, " ".join(line), new_x="LMARGIN", new_y="NEXT")
                line, used = [], 0.0
            used = used + space + w if line else w
            line.append(word)
        pdf.set_x(x)
        pdf.cell(room, h, " ".join(line), new_x="LMARGIN", new_y="NEXT")

    # page 1: the diagram, fitted to a landscape page
    pdf.add_page(orientation="L")
    pdf.set_font("SSP", "B", 16)
    pdf.multi_cell(0, 7, sheet.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("SSP", "", 10)
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

    # then the claims
    num = numbers(sections)
    pdf.add_page(orientation="P")
    for title, items in sections:
        pdf.set_font("SSP", "B", 14)
        para(16, 7, title)
        pdf.ln(1)
        for it in items:
            c = it.claim
            if pdf.get_y() > pdf.h - 50:
                pdf.add_page()
            y0 = pdf.get_y()
            pdf.set_font("SSP", "", 8.5)
            pdf.set_text_color(60, 60, 60)
            para(20, 4, f"{it.n}.  {meta(m, c).upper()}")
            pdf.set_text_color(0, 0, 0)
            pdf.set_font("SSP", "B", 11)
            para(20, 5.2, c.text)
            for q in c.quotes:
                pdf.set_font("SSP", "I", 10)
                who = f"{m.actor_name(q.speaker)}: " if q.speaker else ""
                para(24, 4.8, f"{who}{quoted(q.text)}")
                if q.cites:
                    pdf.set_font("SSP", "", 9)
                    para(24, 4.4, f"\u2014 {q.cites}")
            if it.rels:
                pdf.set_font("SSP", "", 9)
                pdf.set_text_color(50, 50, 50)
                for verb, other, note in it.rels:
                    line = f"{verb} {num[other]}. {shorten(m.claim(other).text, 80)}"
                    para(24, 4.4, line + (f" \u2014 {note}" if note else ""))
                pdf.set_text_color(0, 0, 0)
            y1 = pdf.get_y()
            colour = m.colour_of(c.actor).lstrip("#")
            pdf.set_fill_color(*(int(colour[i:i + 2], 16) for i in (0, 2, 4)))
            if y1 > y0:   # the actor's colour down the left edge (on this page)
                pdf.rect(16, y0, 2, y1 - y0, style="F")
            pdf.ln(3)
    # a glyph neither font has (an emoji...) is left out; say nothing about it on stderr
    log = logging.getLogger("fpdf.output")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        return bytes(pdf.output())
    finally:
        log.setLevel(level)
