"""Diagram exports: the view drawn by :mod:`arguments.render`, on a page or a slide.

Every diagram function takes ``page`` (``a4``, ``a3``, ``letter``, ``slide`` or ``fit``:
one page the size of the drawing) and ``orientation`` (``landscape`` or ``portrait``).
A view whose body text would shrink below the legible size on that page is split into
pages (:func:`arguments.render.pages.plan`): a PDF holds them all; an SVG or PNG is one
page, chosen with ``part`` (1, 2, ...), and asking for none of a view of several pages
is a :class:`Paged` error that says how many there are.  An SVG carries its font
(``text_mode="text"``, the default) or draws its text as shapes (``text_mode="paths"``;
not ``text``, which names the map's source text for the formats that take it).
"""

from __future__ import annotations

from ..formats import pages as paged
from ..models import Map
from ..render import build_dot, render
from ..render.pages import SLIDE_PPI, Page, Paper, draw, paper, plan
from ..render.svgtext import embed_font, text_as_paths
from ..views import View, select
from . import TEXTS, Paged


def sheet_of(m: Map, view: View, p: Paper) -> paged.Sheet:
    return paged.Sheet(p.width, p.height, p.margin, select(m, view).title, m.source.author)


def page_count(m: Map, view: View, page: str = "fit", orientation: str = "landscape") -> int:
    """How many pages (or slides) the view takes on ``page``."""
    p = paper(page, orientation)
    return 1 if p is None else len(plan(m, view, p))


def _one(m: Map, view: View, p: Paper, part: int | None, fmt: str) -> tuple[Page, int, int]:
    pages = plan(m, view, p)
    if part is None:
        if len(pages) > 1:
            raise Paged(len(pages), fmt)
        part = 1
    if not 1 <= part <= len(pages):
        raise ValueError(f"part {part}: this view takes {len(pages)} page(s)")
    return pages[part - 1], part, len(pages)


def _text(svg_bytes: bytes, text: str) -> bytes:
    if text not in TEXTS:
        raise ValueError(f"unknown text mode {text!r}: text (the font embedded) or paths")
    return text_as_paths(svg_bytes) if text == "paths" else embed_font(svg_bytes)


def svg(
    m: Map,
    view: View,
    page: str = "fit",
    orientation: str = "landscape",
    text_mode: str = "text",
    part: int | None = None,
) -> bytes:
    p = paper(page, orientation)
    if p is None:
        return _text(render(m, view, "svg"), text_mode)
    pg, n, total = _one(m, view, p, part, "svg")
    return _text(paged.svg(sheet_of(m, view, p), draw(pg, "svg"), n, total), text_mode)


def png(
    m: Map,
    view: View,
    dpi: int = 150,
    page: str = "fit",
    orientation: str = "landscape",
    part: int | None = None,
) -> bytes:
    """``page="slide"`` is 1920 x 1080 pixels (144 per inch), whatever ``dpi``."""
    p = paper(page, orientation)
    if p is None:
        return render(m, view, "png", dpi=dpi)
    dpi = SLIDE_PPI if p.name == "slide" else dpi
    pg, n, total = _one(m, view, p, part, "png")
    drawing = draw(pg, "png", dpi, pg.scale(p))
    return paged.png(sheet_of(m, view, p), drawing, dpi, n, total)


def png300(
    m: Map,
    view: View,
    dpi: int = 300,
    page: str = "fit",
    orientation: str = "landscape",
    part: int | None = None,
) -> bytes:
    return png(m, view, dpi, page, orientation, part)


def dot(m: Map, view: View, page: str = "fit", orientation: str = "landscape") -> str:
    """The Graphviz source: the layout's input, which has no page (``page`` is accepted
    so that every diagram format takes the same options)."""
    paper(page, orientation)  # an unknown page is an error here too
    return build_dot(m, view).source
