"""A slide deck: a title slide, then one diagram a slide, as PowerPoint or a 16:9 PDF.

Contract: pure functions of a :class:`Deck` (title, source line, and the slides with
their diagrams drawn by the caller, as PNG for PowerPoint and as one-page PDF for the
PDF):

- :func:`pptx` writes a 16:9 deck with python-pptx: the title slide (title, source
  line), then each slide's heading and its diagram fitted below it, the slide's speaker
  notes (each side's key quotes) in its notes page.  The same deck gives the same bytes:
  the package's dates are :func:`~arguments.text.creation_date`, and its zip members
  carry that date too;
- :func:`pdf` writes the same slides as a PDF of 16:9 pages (13.333 x 7.5 in), vector
  (:func:`arguments.formats.pagedpdf.write`), the notes left out.

Map text is data: python-pptx writes it as text runs (XML-escaped), fpdf2 as text.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from PIL import Image
from pptx import Presentation
from pptx.util import Emu, Inches, Pt

from ..text import clean, creation_date, shorten
from . import pagedpdf, pages

WIDTH_IN, HEIGHT_IN = 40 / 3, 7.5  # 16:9
#: the deck as pages: 16:9, margins as a slide's
SHEET = (WIDTH_IN * 72, HEIGHT_IN * 72, 18.0)


@dataclass(frozen=True)
class Slide:
    heading: str
    png: bytes = b""  # the diagram for PowerPoint (its dpi recorded)
    pdf: bytes = b""  # the same diagram as a one-page PDF
    notes: str = ""


@dataclass(frozen=True)
class Deck:
    title: str
    source_line: str
    author: str = ""
    slides: list[Slide] = field(default_factory=list)


def pptx(deck: Deck) -> bytes:
    """The deck as a .pptx file (see the module docstring)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(WIDTH_IN), Inches(HEIGHT_IN)
    cover = prs.slides.add_slide(prs.slide_layouts[0])  # title and subtitle
    title, sub = cover.shapes.title, cover.placeholders[1]
    # the template's places are for a 4:3 slide: set across the 16:9 one, the title above
    # the source line, its size by its length (a postulate's title is a sentence)
    for shape, top, height in ((title, 1.2, 3.3), (sub, 4.7, 1.6)):
        shape.left, shape.top = Inches(0.9), Inches(top)
        shape.width, shape.height = Inches(WIDTH_IN - 1.8), Inches(height)
    title.text = clean(shorten(deck.title, 300))
    size = 40 if len(deck.title) <= 60 else 32 if len(deck.title) <= 140 else 24
    title.text_frame.paragraphs[0].runs[0].font.size = Pt(size)
    sub.text = clean(deck.source_line)
    sub.text_frame.paragraphs[0].runs[0].font.size = Pt(20)
    blank = prs.slide_layouts[6]
    for s in deck.slides:
        slide = prs.slides.add_slide(blank)
        box = slide.shapes.add_textbox(
            Inches(0.3), Inches(0.12), Inches(WIDTH_IN - 0.6), Inches(0.55)
        )
        box.text_frame.word_wrap = True  # a long heading wraps inside the slide
        box.text_frame.text = clean(s.heading)
        run = box.text_frame.paragraphs[0].runs[0]
        run.font.size, run.font.bold = Pt(18), True
        if s.png:
            _picture(slide, s.png)
        if s.notes:
            slide.notes_slide.notes_text_frame.text = clean(s.notes)
    when = creation_date().replace(tzinfo=None)
    props = prs.core_properties
    props.title, props.author, props.revision = clean(deck.title)[:250], deck.author, 1
    props.created = props.modified = props.last_printed = when
    buf = io.BytesIO()
    prs.save(buf)
    return _dated_zip(buf.getvalue())


def _picture(slide, png: bytes) -> None:
    """The diagram fitted below the heading, centred, never enlarged past its dpi."""
    with Image.open(io.BytesIO(png)) as im:
        (w_px, h_px), dpi = im.size, float(im.info.get("dpi", (144, 144))[0])
    top, room_w, room_h = 0.75, WIDTH_IN - 0.4, HEIGHT_IN - 0.75 - 0.2
    k = min(room_w / (w_px / dpi), room_h / (h_px / dpi), 1.0)
    w, h = w_px / dpi * k, h_px / dpi * k
    slide.shapes.add_picture(
        io.BytesIO(png),
        Emu(Inches((WIDTH_IN - w) / 2)),
        Emu(Inches(top + (room_h - h) / 2)),
        Emu(Inches(w)),
        Emu(Inches(h)),
    )


def _dated_zip(data: bytes) -> bytes:
    """The package's zip with every member dated :func:`~arguments.text.creation_date`
    (python-pptx stamps them with the time of writing)."""
    stamp = creation_date().timetuple()[:6]
    stamp = (max(1980, stamp[0]), *stamp[1:])
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def pdf(deck: Deck) -> bytes:
    """The slides as a 16:9 PDF: the title slide, then one diagram a page."""
    w, h, margin = SHEET
    sheet = pages.Sheet(w, h, margin, deck.title, deck.author)
    return pagedpdf.write(sheet, [s.pdf for s in deck.slides], cover=(deck.title, deck.source_line))
