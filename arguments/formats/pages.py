"""Diagrams on paper: pages drawn by the caller set on pages of a given size, numbered.

Contract: pure functions of drawings made by the caller (:mod:`arguments.render.pages`
draws them) and a page size in points:

- :func:`pdf` sets one single-page PDF drawing on each page of a PDF, shrunk to fit
  within the margins (never enlarged), centred, with "page x of y" and the title at the
  foot in Source Sans Pro; vector throughout (pypdf places each drawing as it is, fpdf2
  writes the page and its foot); the creation date is
  :func:`~arguments.text.creation_date` and the file's identifier is derived from its
  content, so the same drawings give the same bytes (pikepdf: qpdf places each drawing
  as a form, copied as it is, in milliseconds);
- :func:`png` sets one PNG drawing on a white image of the page's size in pixels, with
  its foot;
- :func:`svg` sets one SVG drawing inside an SVG of the page's size, with its foot.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pikepdf
from PIL import Image, ImageDraw, ImageFont

from .. import fonts
from ..text import creation_date, html, shorten
from .pdfdoc import FAMILY, Document

FOOT_PT = 8.5  # the size of the foot line's text


@dataclass(frozen=True)
class Sheet:
    """A page: its size (points), margin (points) and the foot line's title."""

    width: float
    height: float
    margin: float
    title: str
    author: str = ""

    def foot(self, n: int, total: int) -> str:
        where = f"page {n} of {total}"
        return f"{shorten(self.title, 110)} \u00b7 {where}" if self.title else where

    @property
    def box(self) -> tuple[float, float, float, float]:
        """x, y (from the top), width and height of the drawing's room (points)."""
        m = self.margin
        return m, m, self.width - 2 * m, self.height - 2 * m - 14


def _fit(sheet: Sheet, w: float, h: float) -> tuple[float, float, float]:
    """Scale and top-left corner (points, from the top) of a w x h drawing on the sheet."""
    x, y, bw, bh = sheet.box
    k = min(1.0, bw / w, bh / h)
    return k, x + (bw - w * k) / 2, y + (bh - h * k) / 2


def pdf(sheet: Sheet, drawings: list[bytes], cover: tuple[str, str] | None = None) -> bytes:
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
        k, left, top = _fit(sheet, x1 - x0, y1 - y0)
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


def png(sheet: Sheet, drawing: bytes, dpi: float, n: int = 1, total: int = 1) -> bytes:
    """The PNG drawing (drawn at the page's scale) centred on a white page of the sheet's
    size at ``dpi``, with its foot when the view takes more than one page."""
    px = dpi / 72
    page = Image.new("RGB", (round(sheet.width * px), round(sheet.height * px)), "white")
    with Image.open(io.BytesIO(drawing)) as im:
        art = im.convert("RGB")
    x, y, bw, bh = (v * px for v in sheet.box)
    k = min(1.0, bw / art.width, bh / art.height)
    if k < 1.0:  # a drawing a pixel or two too large after rounding
        art = art.resize((int(art.width * k), int(art.height * k)), Image.Resampling.LANCZOS)
    page.paste(art, (round(x + (bw - art.width) / 2), round(y + (bh - art.height) / 2)))
    if total > 1:
        font = ImageFont.truetype(str(fonts.font_file("Regular")), round(FOOT_PT * 1.4 * px))
        text = sheet.foot(n, total)
        width = ImageDraw.Draw(page).textlength(text, font=font)
        ImageDraw.Draw(page).text(
            ((page.width - width) / 2, (sheet.height - sheet.margin - 10) * px),
            text,
            fill=(90, 90, 90),
            font=font,
        )
    out = io.BytesIO()
    page.save(out, "PNG", dpi=(dpi, dpi), optimize=False)
    return out.getvalue()


_ROOT = re.compile(rb"<svg\b[^>]*>", re.S)
_PROLOG = re.compile(rb"\A.*?(?=<svg\b)", re.S)
_SIZE = re.compile(rb'\b(width|height)="([\d.]+)pt"')


def svg(sheet: Sheet, drawing: bytes, n: int = 1, total: int = 1) -> bytes:
    """The SVG drawing centred in an SVG of the sheet's size (in points), with its foot
    when the view takes more than one page."""
    body = _PROLOG.sub(b"", drawing, count=1)
    root = _ROOT.search(body)
    if root is None:
        raise ValueError("not an SVG drawing")
    size = dict(_SIZE.findall(root.group(0)))
    w, h = float(size[b"width"]), float(size[b"height"])
    k, left, top = _fit(sheet, w, h)
    inner = (
        root.group(0)
        .replace(b'width="%spt"' % size[b"width"], f'x="{left:.2f}" width="{w * k:.2f}"'.encode())
        .replace(b'height="%spt"' % size[b"height"], f'y="{top:.2f}" height="{h * k:.2f}"'.encode())
    )
    foot = ""
    if total > 1:
        foot = (
            f'<text x="{sheet.width / 2:.2f}" y="{sheet.height - sheet.margin:.2f}" '
            f'text-anchor="middle" font-family="{html(fonts.SVG_FAMILY)}" '
            f'font-size="{FOOT_PT}" fill="#5a5a5a">{html(sheet.foot(n, total))}</text>'
        )
    head = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="{sheet.width:.2f}pt" height="{sheet.height:.2f}pt" '
        f'viewBox="0 0 {sheet.width:.2f} {sheet.height:.2f}">\n'
        f'<rect width="100%" height="100%" fill="white"/>\n'
    )
    return head.encode() + inner + body[root.end() :] + f"\n{foot}</svg>\n".encode()
