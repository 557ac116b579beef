"""Diagrams on paper: pages drawn by the caller set on pages of a given size, numbered.

Contract: pure functions of drawings made by the caller (:mod:`arguments.render.pages`
draws them) and a page size in points:

- :class:`Sheet`: a page's size, margins and foot line ("title · page x of y");
- :func:`png` sets one PNG drawing on a white image of the page's size in pixels, with
  its foot;
- :func:`svg` sets one SVG drawing inside an SVG of the page's size, with its foot.

A PDF of such pages is :func:`arguments.formats.pagedpdf.write`.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from .. import fonts
from ..text import html, shorten

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


def fit(sheet: Sheet, w: float, h: float) -> tuple[float, float, float]:
    """Scale and top-left corner (points, from the top) of a w x h drawing on the sheet."""
    x, y, bw, bh = sheet.box
    k = min(1.0, bw / w, bh / h)
    return k, x + (bw - w * k) / 2, y + (bh - h * k) / 2


def png(sheet: Sheet, drawing: bytes, dpi: float, n: int = 1, total: int = 1) -> bytes:
    """The PNG drawing (drawn at the page's scale) centred on a white page of the sheet's
    size at ``dpi``, with its foot when the view takes more than one page."""
    from PIL import Image, ImageDraw, ImageFont  # only here: an SVG or PDF needs no Pillow

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
    k, left, top = fit(sheet, w, h)
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
