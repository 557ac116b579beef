"""Diagrams on paper as one PDF: each drawing on a page of its own, numbered.

Contract: :func:`write` sets one single-page PDF drawing (made by the caller) on each
page of a PDF of the :class:`~.pages.Sheet`'s size, shrunk to fit within the margins
(never enlarged) and centred, with the title and "page x of y" at the foot in Source
Sans Pro; vector throughout.  fpdf2 writes the pages and their foot; pikepdf (qpdf)
places each drawing on its page as a form, copied as it is (nothing is parsed: pypdf's
merge read every drawing's content, 4 s for the essay map).  The creation date is
:func:`~arguments.text.creation_date` and the file's identifier is made from its
content, so the same drawings give the same bytes.  With ``cover`` (a title and a line
under it) a title page comes first.
"""

from __future__ import annotations

import io

import pikepdf

from ..text import creation_date
from .pages import FOOT_PT, Sheet, fit
from .pdfdoc import FAMILY, Document


def write(sheet: Sheet, drawings: list[bytes], cover: tuple[str, str] | None = None) -> bytes:
    """A PDF of one page per drawing (each a one-page PDF), numbered at the foot; with
    ``cover`` (a title and a line under it), a title page first."""
    mm = 25.4 / 72
    frame = Document(
        sheet.title, sheet.author, page=(sheet.width * mm, sheet.height * mm), orientation="P"
    )
    frame.set_auto_page_break(False)
    if cover is not None:
        frame.add_page()
        frame.set_xy(sheet.margin * 2 * mm, sheet.height * 0.3 * mm)
        frame.set_font(FAMILY, "B", 32)
        frame.multi_cell((sheet.width - 4 * sheet.margin) * mm, 14, cover[0])
        frame.set_x(sheet.margin * 2 * mm)
        frame.set_font(FAMILY, "", 18)
        frame.set_text_color(68, 68, 68)
        frame.multi_cell((sheet.width - 4 * sheet.margin) * mm, 9, cover[1])
    total = len(drawings)
    for n in range(1, total + 1):
        frame.add_page()
        frame.set_font(FAMILY, "", FOOT_PT)
        frame.set_text_color(90, 90, 90)
        frame.set_xy(sheet.margin * mm, (sheet.height - sheet.margin - 10) * mm)
        frame.cell((sheet.width - 2 * sheet.margin) * mm, 4, sheet.foot(n, total), align="C")
    out = pikepdf.open(io.BytesIO(frame.finish()))
    for raw, drawing in zip(out.pages[1:] if cover else out.pages, drawings):
        src = pikepdf.open(io.BytesIO(drawing))
        x0, y0, x1, y1 = (float(v) for v in src.pages[0].mediabox)
        k, left, top = fit(sheet, x1 - x0, y1 - y0)
        # PDF's y grows upward: the drawing's box, in points from the page's bottom left
        bottom = sheet.height - top - (y1 - y0) * k
        form = out.copy_foreign(src.pages[0].as_form_xobject())
        # the drawing becomes a form placed on the page as it is (qpdf copies it; nothing
        # is parsed), under a fixed name (pikepdf's overlay names it at random)
        page = pikepdf.Page(raw)
        page.add_resource(form, pikepdf.Name.XObject, pikepdf.Name("/Drawing"))
        tx, ty = left - x0 * k, bottom - y0 * k
        page.contents_add(
            f"q {k:.5f} 0 0 {k:.5f} {tx:.3f} {ty:.3f} cm /Drawing Do Q\n".encode(), prepend=True
        )
    return _dated(out)


def _dated(pdf: pikepdf.Pdf) -> bytes:
    """The PDF's bytes, dated as every document of ours, with an identifier made from its
    content (not a random one), so that the same drawings give the same bytes."""
    stamp = creation_date().strftime("D:%Y%m%d%H%M%SZ")
    pdf.docinfo["/CreationDate"] = stamp
    pdf.docinfo["/ModDate"] = stamp
    pdf.docinfo["/Producer"] = "argmap"
    buf = io.BytesIO()
    pdf.save(buf, deterministic_id=True, compress_streams=True)
    return buf.getvalue()
