"""Drawing a view: laid out by the Graphviz engine bundled in pygraphviz, as SVG, PNG or PDF.

Contract: :func:`render` lays out a view of the map (one ``dot`` run, or the
grid of groups of :mod:`.grid` for a big map) and returns SVG, PNG or PDF bytes,
or the DOT source; no system Graphviz is needed and nothing is written to
disk.  :func:`layout` returns the laid-out graph itself.
"""

from __future__ import annotations

import math
import re
import struct
import zlib

import pygraphviz

from .. import fonts
from ..models import Map
from ..text import creation_date
from ..views import Selection, View, select
from .dot import build_dot, groups
from .grid import grid_layout, grid_svg
from .gv import agraph, bb, quiet
from .style import FONT, MAX_PIXELS

fonts.ensure_fontconfig()  # before the first drawing in this process

FORMATS = ("svg", "png", "pdf", "dot")


def layout(m: Map, view: View, numbers: dict[str, int] | None = None) -> pygraphviz.AGraph:
    """The view laid out: a pygraphviz AGraph with every position set, ready to draw."""
    g, prog = _prepared(m, view, numbers)
    quiet(lambda: g.layout(prog=prog))
    return g


def _prepared(
    m: Map, view: View, numbers: dict[str, int] | None = None, sel: Selection | None = None
) -> tuple[pygraphviz.AGraph, str]:
    """The graph of a view and the Graphviz engine that lays it out: ``dot`` for one piece,
    ``nop2`` for the map composed group by group (whose positions are already set)."""
    sel = sel or select(m, view)
    if _grid(m, view, sel):
        return grid_layout(m, view, sel, numbers), "nop2"
    return agraph(build_dot(m, view, sel, numbers).source), "dot"


def render(
    m: Map,
    view: View,
    fmt: str,
    dpi: int = 150,
    fit: tuple[float, float] | None = None,
    numbers: dict[str, int] | None = None,
) -> bytes:
    """Lay out and draw a view: ``fmt`` is svg, png, pdf or dot.

    ``fit`` (width, height in inches) shrinks the drawing to fit that box (a page);
    ``numbers`` (claim id -> number) prints each claim's number, as a handout lists them."""
    if fmt == "dot":
        return build_dot(m, view, numbers=numbers).source.encode("utf-8")
    if fmt not in FORMATS:
        raise ValueError(f"unknown diagram format {fmt!r}")
    sel = select(m, view)
    if fmt == "svg" and fit is None and _grid(m, view, sel):
        # each group drawn as it is laid out (see grid_svg)
        return grid_svg(m, view, sel, numbers)  # its fonts named as svg_font does
    g, w_in, h_in = laid_out(m, view, numbers, sel)
    k = 1.0
    if fit:
        k = min(k, fit[0] / w_in, fit[1] / h_in)
    return draw(g, fmt, (w_in, h_in), dpi, k)


def _grid(m: Map, view: View, sel: Selection) -> bool:
    """Whether the view is laid out group by group (:mod:`.grid`)."""
    return (
        view.kind == "map" and sel.cluster in ("chapter", "actor") and len(groups(m, view, sel)) > 1
    )


def svg_font(svg: bytes) -> bytes:
    """The SVG's font named with the fonts to fall back on where it is not installed."""
    return svg.replace(
        f'font-family="{FONT}"'.encode(), f'font-family="{fonts.SVG_FAMILY}"'.encode()
    )


def laid_out(
    m: Map, view: View, numbers: dict[str, int] | None = None, sel: Selection | None = None
) -> tuple[pygraphviz.AGraph, float, float]:
    """The view laid out, ready to :func:`draw`, and its size in inches (padding included);
    ``sel``: the view's selection, when it is at hand."""
    g, prog = _prepared(m, view, numbers, sel)
    if prog == "dot":  # the size is known only once laid out
        quiet(lambda: g.layout(prog="dot"))
    x0, y0, x1, y1 = bb(g.graph_attr["bb"])
    pad = 2 * float(g.graph_attr.get("pad") or 0.4)
    return g, (x1 - x0) / 72 + pad, (y1 - y0) / 72 + pad


def draw(
    g: pygraphviz.AGraph, fmt: str, size: tuple[float, float], dpi: int = 150, k: float = 1.0
) -> bytes:
    """A laid-out graph (of :func:`laid_out`, ``size`` in inches) drawn as svg, png or pdf,
    shrunk by ``k``; a PNG also within :data:`~.style.MAX_PIXELS`."""
    w_in, h_in = size
    if fmt == "png":
        g.graph_attr["dpi"] = str(dpi)
        pixels = w_in * h_in * dpi * dpi * k * k
        if pixels > MAX_PIXELS:
            k *= math.sqrt(MAX_PIXELS / pixels)
    if k < 1.0:
        g.graph_attr["size"] = f"{w_in * k:.3f},{h_in * k:.3f}"
    # one pass: Graphviz sizes every label each time it lays a graph out, so the composed
    # map is drawn straight from its positions, not laid out first and then drawn
    out: bytes = quiet(lambda: g.draw(format=fmt, prog="nop2"))
    if fmt == "png":
        out = png_with_dpi(out, dpi)
    if fmt == "pdf":
        out = fixed_pdf_date(out)
    if fmt == "svg":
        out = svg_font(out)
    return out


_CAIRO_DATE = re.compile(rb"/CreationDate \(D:\d{14}Z\)")


def fixed_pdf_date(pdf: bytes) -> bytes:
    """The PDF with its creation date set to :func:`~arguments.text.creation_date`
    (``SOURCE_DATE_EPOCH``, else fixed), which the bundled cairo does not honour: the same
    map gives the same file.  The date keeps its length, so no offset moves."""
    stamp = creation_date().strftime("D:%Y%m%d%H%M%SZ").encode()
    return _CAIRO_DATE.sub(b"/CreationDate (" + stamp + b")", pdf, count=1)


def png_with_dpi(png: bytes, dpi: int) -> bytes:
    """The PNG with its resolution recorded (a pHYs chunk), which cairo leaves out: image
    programs and printers then print it at the intended size."""
    sig, pos = png[:8], 8
    chunks = []
    while pos < len(png):
        n = struct.unpack(">I", png[pos : pos + 4])[0]
        chunks.append(png[pos : pos + 12 + n])
        pos += 12 + n
    ppm = round(dpi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", ppm, ppm, 1)
    phys = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    kept = [c for c in chunks if c[4:8] != b"pHYs"]
    return sig + kept[0] + phys + b"".join(kept[1:])  # right after IHDR
