"""Edges drawn in SVG as Graphviz draws them, without a Graphviz pass over each of them.

Contract: :func:`edge_svg` returns the SVG of one edge whose path is set (its B-spline
points and arrow tips) exactly as Graphviz's ``nop2``
pass draws it: the same elements, attributes, ids, title and tooltip, the same numbers
(to a hundredth of a point), or None when Graphviz would rewrite its text in a way not
reproduced here (a backslash, an entity, unusual white space in the tooltip): such an
edge is left to Graphviz.  The arrowheads are Graphviz's own: each edge style is drawn
once by Graphviz (:func:`_template`), and its arrowheads turned to each edge's direction.
A big map has thousands of relations between its groups (:mod:`.grid`); parsing,
placing and drawing them in Graphviz took a tenth of a 5,000-claim export.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from .dot import Edge, Node, alist
from .gv import agraph, layout_and_draw, quiet

Pt = tuple[float, float]


@dataclass(frozen=True)
class Path:
    """An edge's B-spline points and the tips of its arrows, in the drawing's points."""

    points: tuple[Pt, ...]
    start: Pt | None = None  # the tip of an arrow at the tail
    end: Pt | None = None  # the tip of an arrow at the head


def num(v: float) -> str:
    """A number as Graphviz writes it in SVG: two decimals at most, no trailing zeros,
    and never "-0"."""
    if -0.005 < v < 0.005:
        return "0"
    text = f"{v:.2f}".rstrip("0")
    return text[:-1] if text.endswith(".") else text


def points(pts: list[Pt] | tuple[Pt, ...], sx: float, sy: float) -> str:
    """Points as Graphviz reads them (two decimals) moved by ``sx`` right and ``sy``
    down, written as it writes them ("x,y x,y", each number as :func:`num` writes it)."""
    out = []
    for x, y in pts:
        a, b = f"{round(x, 2) + sx:.2f}", f"{sy - round(y, 2):.2f}"
        if a[-1] == "0":  # "1.50" -> "1.5", "1.00" -> "1", "-0.00" -> "0"
            a = a[:-1] if a[-2] != "0" else ("0" if a == "-0.00" else a[:-3])
        if b[-1] == "0":
            b = b[:-1] if b[-2] != "0" else ("0" if b == "-0.00" else b[:-3])
        out.append(f"{a},{b}")
    return " ".join(out)


#: what Graphviz escapes in ids, titles and tooltips (a space after a space: &#160;)
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "-": "&#45;"}
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")


def xml(text: str) -> str | None:
    """``text`` escaped as Graphviz escapes it for SVG, or None where it would do more
    (turn escape sequences, keep an entity as written, treat odd white space)."""
    if "\\" in text or ("&" in text and _ENTITY.search(text)) or not text.isprintable():
        return None  # (a space is the only printable white space)
    out = text
    for ch, entity in _ESCAPES.items():  # "&" first; a few scans beat a translate table
        if ch in out:
            out = out.replace(ch, entity)
    return _SECOND_SPACE.sub("&#160;", out) if "  " in out else out


#: a space after a space (the escapes add no space, so the text's spaces stay in place)
_SECOND_SPACE = re.compile("(?<= ) ")


@dataclass(frozen=True)
class _Shape:
    """One element of an arrowhead: its tag's text around the coordinates, and the
    coordinates relative to the arrow's tip, pointing the template's way."""

    head: str  # '<polygon fill=... points="' or '<ellipse ... cx="'
    tail: str  # '"/>' or '" rx="3.6" ry="3.6"/>'
    ellipse: bool
    points: tuple[Pt, ...]  # (dx, dy) from the tip, y up


@dataclass(frozen=True)
class _Template:
    path_head: str  # '<path fill="none" stroke=... d="'
    start: tuple[_Shape, ...]  # the arrowhead at the tail
    end: tuple[_Shape, ...]  # the arrowhead at the head


_ELEMENT = re.compile(r"<(path|polygon|polyline|ellipse) [^\n]*/>")
_NUM = re.compile(r"-?\d+(?:\.\d+)?")
#: the template edge: from a tip at (0, 0) to a tip at (100, 0)
_FROM, _TO = (0.0, 0.0), (100.0, 0.0)


@functools.lru_cache(maxsize=64)
def _template(
    attrs: tuple[tuple[str, str], ...], defaults: tuple[tuple[str, str], ...]
) -> _Template:
    """An edge of these attributes drawn by Graphviz, from left to right, taken apart."""
    style = dict(attrs)
    path = _template_path(style)
    spline = " ".join(
        ([f"s,{path.start[0]},{path.start[1]}"] if path.start else [])
        + ([f"e,{path.end[0]},{path.end[1]}"] if path.end else [])
        + [f"{x},{y}" for x, y in path.points]
    )
    source = (
        "digraph t {\n"
        f"\tedge{alist(dict(defaults))}\n"
        + Node("a", {"pos": "0,0", "style": "invis"}).line
        + "\n"
        + Node("b", {"pos": "100,0", "style": "invis"}).line
        + "\n"
        + Edge("a", "b", {**style, "pos": spline}).line()
        + "\n}\n"
    )
    svg = quiet(lambda: layout_and_draw(agraph(source), "nop2", "svg", positions=False))
    drawn = svg.decode("utf-8")
    elements = [mt[0] for mt in _ELEMENT.finditer(drawn, drawn.index('class="edge'))]
    drawn_path, arrows = elements[0], elements[1:]
    d = drawn_path.index(' d="') + 4
    mx, my = (float(v) for v in _NUM.findall(drawn_path[d:])[:2])
    ox, oy = mx - path.points[0][0], my + path.points[0][1]  # svg = (x + ox, -y + oy)
    start: list[_Shape] = []
    end: list[_Shape] = []
    for el in arrows:
        ellipse = el.startswith("<ellipse")
        key = ' cx="' if ellipse else ' points="'
        cut = el.index(key) + len(key)
        if ellipse:
            values = [float(v) for v in _NUM.findall(el[cut : el.index('"', cut + 1)])]
            cy_at = el.index(' cy="', cut)
            cy = float(el[cy_at + 5 : el.index('"', cy_at + 5)])
            pts = [(values[0] - ox, -(cy - oy))]
            tail = el[el.index('"', cy_at + 5) :]
        else:
            stop = el.index('"', cut)
            values = [float(v) for v in _NUM.findall(el[cut:stop])]
            pts = [(values[i] - ox, -(values[i + 1] - oy)) for i in range(0, len(values), 2)]
            tail = el[stop:]
        near_start = math.dist(pts[0], _FROM) < math.dist(pts[0], _TO)
        tip = _FROM if near_start else _TO
        shape = _Shape(el[:cut], tail, ellipse, tuple((x - tip[0], y - tip[1]) for x, y in pts))
        (start if near_start else end).append(shape)
    return _Template(drawn_path[:d], tuple(start), tuple(end))


def _template_path(style: dict[str, str]) -> Path:
    """The template edge's path: straight from (0, 0) to (100, 0), with the arrow tips
    its style draws (as :func:`~arguments.render.grid._arc` sets them)."""
    arrow = 10 * float(style.get("arrowsize", 0.9))
    direction = style.get("dir", "forward")
    tailed = direction in ("back", "both") and style.get("arrowtail", "none") != "none"
    headed = direction in ("forward", "both") and style.get("arrowhead", "normal") != "none"
    a = arrow if tailed else 0.0
    b = 100.0 - (arrow if headed else 0.0)
    pts = ((a, 0.0), (a + (b - a) / 3, 0.0), (a + 2 * (b - a) / 3, 0.0), (b, 0.0))
    return Path(pts, _FROM if tailed else None, _TO if headed else None)


Texts = tuple[str, str, str]  # an edge's title, tooltip and class, escaped for SVG


def drawable(tail: str, head: str, attrs: dict[str, str]) -> Texts | None:
    """The texts :func:`edge_svg` writes for this edge (its title, tooltip and class) when
    it draws it as Graphviz would, else None (Graphviz must)."""
    if {"label", "id", "URL", "href", "headlabel", "taillabel", "xlabel"} & attrs.keys():
        return None
    title = xml(f"{tail}->{head}")
    tip = xml(attrs.get("tooltip", ""))
    cls = xml(attrs.get("class", ""))
    if title is None or tip is None or cls is None:
        return None
    return title, tip, cls


def edge_svg(
    number: int,
    tail: str,
    head: str,
    attrs: dict[str, str],
    defaults: dict[str, str],
    path: Path,
    shift: Pt,
    texts: Texts | None = None,
) -> str:
    """The SVG of edge ``tail`` -> ``head`` (Graphviz's ``edge{number}``) with ``attrs``
    (``class`` and ``tooltip`` among them), drawn along ``path`` in a drawing whose points
    are moved by ``shift`` (x right, y down); ``texts``: what :func:`drawable` gave."""
    texts = texts or drawable(tail, head, attrs)
    if texts is None:
        raise ValueError(f"the edge {tail} -> {head} is not drawable here")
    title, tip, cls = texts
    style = tuple(sorted((k, str(v)) for k, v in attrs.items() if k not in ("tooltip", "class")))
    t = _template(style, tuple(sorted(defaults.items())))
    sx, sy = shift
    p = path.points
    lines = [
        f"<!-- {title} -->",
        f'<g id="edge{number}" class="edge{" " + cls if cls else ""}">',
        f"<title>{title}</title>",
        f'<g id="a_edge{number}"><a xlink:title="{tip}">',
        f'{t.path_head}M{points(p[:1], sx, sy)}C{points(p[1:], sx, sy)}"/>',
    ]
    for shapes, at, toward, angle0 in (
        (t.start, path.start, p[0], 0.0),
        (t.end, path.end, p[-1], math.pi),
    ):
        if not shapes or at is None:
            continue
        turn = math.atan2(toward[1] - at[1], toward[0] - at[0]) - angle0
        c, s = math.cos(turn), math.sin(turn)
        for sh in shapes:
            moved = [(at[0] + c * dx - s * dy, at[1] + s * dx + c * dy) for dx, dy in sh.points]
            if sh.ellipse:
                x, y = moved[0]
                lines.append(f'{sh.head}{num(x + sx)}" cy="{num(sy - y)}{sh.tail}')
            else:
                lines.append(sh.head + points(moved, sx, sy) + sh.tail)
    lines += ["</a>", "</g>", "</g>", ""]
    return "\n".join(lines)
