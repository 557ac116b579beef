"""The diagram as a PDF: A4 landscape by default, a view of many pages split into legible
pages (:func:`arguments.render.pages.plan`), each placed by
:func:`arguments.formats.pagedpdf.write`.  Apart from :mod:`.diagrams` so that an SVG
or PNG export does not load the PDF libraries (fpdf2, pikepdf)."""

from __future__ import annotations

from ..formats import pagedpdf
from ..models import Map
from ..render import render
from ..render.pages import draw, paper, plan
from ..views import View
from .diagrams import sheet_of


def pdf(m: Map, view: View, page: str = "a4", orientation: str = "landscape") -> bytes:
    """Every page of the view, vector, fonts embedded; ``fit``: one page, the drawing's size."""
    p = paper(page, orientation)
    if p is None:
        return render(m, view, "pdf")
    pages = plan(m, view, p)
    return pagedpdf.write(sheet_of(m, view, p), [draw(pg, "pdf") for pg in pages])
