"""A big map laid out group by group: each chapter on its own, the chapters in rows.

Contract: :func:`grid_layout` returns a pygraphviz graph with every node and
edge position set, ready to be drawn with ``nop2``.  Each group (a chapter,
in reading order) is laid out by ``dot`` on its own (in parallel processes
for a big map), the groups are set out like the pages of a book, in rows, to
a screen's proportions, and the relations between groups are then routed
across them (``neato -n2`` keeps every position already drawn).  One ``dot``
run over a whole essay map puts the chapters side by side in one long strip
(183 x 61 inches for the bundled map) and its run time grows faster than the
map; the groups keep the picture about as wide as it is tall and the time
about linear in the size of the map.

A laid-out group comes back as data (:class:`Block`: numbers, not Graphviz's
position strings), which is moved into place and written out once.

:func:`grid_svg` gives the same map as SVG without a Graphviz pass over the whole of it:
each group is drawn as SVG where it is laid out, and the composed map draws only the
groups' boxes, the relations between groups and the header, the groups' drawings moved
into their places.
"""

from __future__ import annotations

import concurrent.futures
import math
import multiprocessing
import os
import re
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import graphviz
import pygraphviz

from ..models import Map
from ..text import slug
from ..views import Selection, View
from . import svgedges
from .dot import (
    BETWEEN,
    Edge,
    Node,
    alist,
    groups,
    items,
    split_mid,
    stagger,
    view_graph_attrs,
)
from .gv import agraph, bb, layout_and_draw, quiet
from .labels import group_title
from .legend import header
from .style import (
    EDGE_DEFAULTS,
    FONT,
    LINE_ROUTING_AT,
    NODE_DEFAULTS,
    PACK_FIT_AT,
    PARALLEL_AT,
    cluster_attrs,
)
from .svgtext import drawing, fallback_fonts, merged, used_characters

Pt = tuple[float, float]
T = TypeVar("T")
R = TypeVar("R")
GAP = 48.0  # points between groups
ARC_BEND = 0.12  # how far a relation between groups bows out, as a share of its length


def _pt(text: str) -> Pt:
    x, y = text.split(",")[:2]
    return float(x), float(y)


def _fmt(p: Pt) -> str:
    return f"{p[0]:.2f},{p[1]:.2f}"


@dataclass(frozen=True)
class Spline:
    """An edge's path as Graphviz writes it: B-spline points and arrowhead tips."""

    points: tuple[Pt, ...]
    start: Pt | None = None  # the tip of an arrow at the tail ("s,x,y")
    end: Pt | None = None  # the tip of an arrow at the head ("e,x,y")

    @classmethod
    def parse(cls, text: str) -> Spline:
        start = end = None
        points = []
        for tok in text.split():
            if tok.startswith("s,"):
                start = _pt(tok[2:])
            elif tok.startswith("e,"):
                end = _pt(tok[2:])
            else:
                points.append(_pt(tok))
        return cls(tuple(points), start, end)

    def moved(self, dx: float, dy: float) -> Spline:
        def mv(p: Pt) -> Pt:
            return p[0] + dx, p[1] + dy

        return Spline(
            tuple(mv(p) for p in self.points),
            self.start and mv(self.start),
            self.end and mv(self.end),
        )

    def __str__(self) -> str:
        # Graphviz's order: the start point ("s,"), the end point ("e,"), then the points
        out = [f"s,{_fmt(self.start)}"] if self.start else []
        out += [f"e,{_fmt(self.end)}"] if self.end else []
        return " ".join(out + [_fmt(p) for p in self.points])


@dataclass(frozen=True)
class Placed:
    """A node laid out: its centre (points) and size (inches, as Graphviz gives it)."""

    at: Pt
    width: str
    height: str


_EDGE_POINTS = ("lp", "xlp", "head_lp", "tail_lp")  # label positions of an edge


@dataclass(frozen=True)
class Block:
    """One group laid out by ``dot``: sent back from a worker process as plain data."""

    box: tuple[float, float, float, float]
    label_at: Pt
    label_size: tuple[str, str]  # lwidth, lheight (inches)
    nodes: dict[str, Placed]
    edges: tuple[tuple[int, Spline | None, dict[str, Pt]], ...]  # (edge index, path, labels)

    @property
    def size(self) -> tuple[float, float]:
        x0, y0, x1, y1 = self.box
        return x1 - x0, y1 - y0


def _layout_block(source: str) -> Block:
    """Lay out one group with dot (each edge carries its index in ``comment``)."""
    ag = agraph(source)
    quiet(lambda: ag.layout(prog="dot"))
    return _block_of(ag)


def _block_of(ag: pygraphviz.AGraph, tagged: bool = True) -> Block:
    """A laid-out group as data; its edges only when they carry their index (``tagged``)."""
    ga = ag.graph_attr
    nodes = {
        str(n): Placed(_pt(n.attr["pos"]), n.attr["width"], n.attr["height"]) for n in ag.nodes()
    }
    edges = []
    for e in ag.edges() if tagged else ():
        pos = e.attr.get("pos")
        labels = {k: _pt(e.attr[k]) for k in _EDGE_POINTS if e.attr.get(k)}
        edges.append((int(e.attr["comment"]), Spline.parse(pos) if pos else None, labels))
    return Block(
        bb(ga["bb"]),
        _pt(ga.get("lp") or "0,0"),
        (ga.get("lwidth") or "0", ga.get("lheight") or "0"),
        nodes,
        tuple(edges),
    )


#: the ids Graphviz numbers itself in SVG (``edge12``, ``a_edge12``, ``node3``...)
_SEQ_ID = re.compile(r'id="(a_)?(edge|node)(\d+)')
#: a gradient's id and the fill that names it (``claim-x_l_3``, ``url(#claim-x_l_3)``); an
#: ``id`` only where it starts a word (:func:`_renumber` checks: a ``\b`` in the pattern made
#: it six times slower, a fifth of the time of drawing a chapter)
_GRADIENT = re.compile(r'((?:id="|="url\(#)[^"()<>]*?_[lr]_)(\d+)')


def _renumber(body: str) -> str:
    """The gradients of one group's drawing numbered from 0 (see :func:`_draw_block`)."""
    if "_l_" not in body and "_r_" not in body:
        return body  # no gradient
    seen: dict[str, str] = {}

    def number(mt: re.Match[str]) -> str:
        at = mt.start()
        if mt[1][0] == "i" and at and (body[at - 1].isalnum() or body[at - 1] == "_"):
            return mt[0]  # "...id=" inside a longer word: not an id
        return mt[1] + seen.setdefault(mt[2], str(len(seen)))

    return _GRADIENT.sub(number, body)


def _draw_block(job: tuple[str, int, int]) -> tuple[Block, str]:
    """Lay out one group with dot and draw it as SVG in the same pass (in a worker
    process for a big map): the group as data, and its edges and nodes as SVG in its own
    coordinates, Graphviz's numbered ids moved past ``edge_base`` and ``node_base`` so
    that they stay unique in the composed map.  The group's title is left out: its box
    and title are drawn with the composed map (:func:`grid_svg`)."""
    source, edge_base, node_base = job
    ag = agraph(source)
    svg = quiet(lambda: layout_and_draw(ag, "dot", "svg")).decode("utf-8")
    block = _block_of(ag, tagged=False)
    # edges and nodes follow the background and the title, each after a comment naming it
    start = svg.find("\n<!-- ", svg.index("</title>")) + 1
    body = svg[start : svg.rindex("</g>\n</svg>")] if start else ""
    base = {"edge": edge_base, "node": node_base}
    body = _SEQ_ID.sub(lambda mt: f'id="{mt[1] or ""}{mt[2]}{int(mt[3]) + base[mt[2]]}', body)
    # Graphviz numbers gradients on from every drawing made before in the process: in
    # worker processes that depends on which worker drew what; counted from 0 in each
    # group (the claim's id before the number keeps them apart)
    return block, _renumber(body)


#: what :func:`_draw_group` reads, set by :func:`grid_svg` before its worker processes
#: start (they inherit it when forked): a group's labels and DOT text are made in the
#: process that lays it out, not all of them first in this one (a sixth of a 5,000-claim
#: map's time in the main process)
_SHARED: dict[str, Any] = {}


def _draw_group(job: tuple[str, int, int]) -> tuple[Block, bytes, dict[tuple[str, str], str]]:
    """:func:`_draw_block` of the group named in ``job`` (key, edge base, node base): the
    group as data, its drawing as UTF-8 and the characters its text sets."""
    key, edge_base, node_base = job
    s = _SHARED
    nodes, inner = s["members"][key]
    source = _group_source(
        s["titles"][key], nodes, inner, s["edges"], s["gattrs"], s["scale"], tagged=False
    )
    block, body = _draw_block((source, edge_base, node_base))
    return block, fallback_fonts(body).encode("utf-8"), used_characters(body)


def _size(members: tuple[list[Node], list[int]]) -> int:
    """How big a group's job is: its nodes and its edges."""
    return len(members[0]) + len(members[1])


def _in_processes(
    fn: Callable[[T], R], jobs: dict[str, T], n_nodes: int, size: Callable[[T], int]
) -> dict[str, R]:
    """``fn`` of every job; a big map's side by side on the machine's cores (separate
    processes: Graphviz is not thread-safe), the biggest jobs (by ``size``) handed out
    first, so that no worker is left with a big one at the end while the others wait."""
    workers = min(len(jobs), os.cpu_count() or 1, 4)
    # forking is safe only from a single-threaded process (the CLI), not from the app
    if (
        n_nodes >= PARALLEL_AT
        and workers > 1
        and sys.platform.startswith("linux")
        and threading.active_count() == 1
    ):
        try:
            with concurrent.futures.ProcessPoolExecutor(
                workers, mp_context=multiprocessing.get_context("fork")
            ) as pool:
                keys = sorted(jobs, key=lambda k: -size(jobs[k]))  # stable: ties in order
                done = dict(zip(keys, pool.map(fn, [jobs[k] for k in keys])))
                return {k: done[k] for k in jobs}
        except (OSError, RuntimeError, concurrent.futures.process.BrokenProcessPool):
            pass  # no processes here: one after the other
    return {k: fn(job) for k, job in jobs.items()}


def _layout_blocks(sources: dict[str, str], n_nodes: int) -> dict[str, Block]:
    """Every group laid out; a big map's groups side by side on the machine's cores."""
    return _in_processes(_layout_block, sources, n_nodes, size=len)


def _group_sources(
    nodes: list[Node],
    edges: list[Edge],
    titles: list[tuple[str, str]],
    gattrs: dict[str, str],
    scale: float,
    tagged: bool = True,
) -> dict[str, str]:
    """The DOT source of each group on its own (its nodes and the edges inside it; each
    edge carries its index in ``comment`` when ``tagged``)."""
    members = _members(nodes, edges, titles)
    return {
        key: _group_source(title, *members[key], edges, gattrs, scale, tagged)
        for key, title in titles
    }


def _members(
    nodes: list[Node], edges: list[Edge], titles: list[tuple[str, str]]
) -> dict[str, tuple[list[Node], list[int]]]:
    """Each group's nodes and the indices of the edges inside it, in the map's order."""
    group = {n.id: n.group for n in nodes}
    out: dict[str, tuple[list[Node], list[int]]] = {key: ([], []) for key, _ in titles}
    for n in nodes:
        if n.group in out:
            out[n.group][0].append(n)
    for i, e in enumerate(edges):
        key = group.get(e.tail)
        if key is not None and key in out and group.get(e.head) == key:
            out[key][1].append(i)
    return out


def _group_source(
    title: str,
    members: list[Node],
    inner: list[int],
    edges: list[Edge],
    gattrs: dict[str, str],
    scale: float,
    tagged: bool,
) -> str:
    """The DOT source of one group: its ``members`` and the edges of index ``inner``."""
    pieces = _pieces([n.id for n in members], [(edges[i].tail, edges[i].head) for i in inner])
    # many components (a big map's loose claims): packed in rows ("array"), 30 times
    # faster than fitted together like puzzle pieces ("graph"), a little less compact
    mode = "graph" if pieces <= PACK_FIT_AT else "array"
    g = graphviz.Digraph("group", engine="dot")
    g.attr(charset="UTF-8", **{**gattrs, "pack": "true", "packmode": mode})
    g.attr(label=group_title(title), fontsize=f"{20 * min(2, scale):.1f}")
    g.attr("node", **NODE_DEFAULTS)
    g.attr("edge", **EDGE_DEFAULTS)
    g.body.extend(n.line + "\n" for n in members)
    minlen = stagger([edges[i] for i in inner])
    for i in inner:
        e = edges[i]
        extra = {"minlen": str(minlen[id(e)])} if id(e) in minlen else {}
        if tagged:
            extra["comment"] = str(i)
        g.body.append(e.line(**extra) + "\n")
    return g.source


def _pieces(members: list[str], links: list[tuple[str, str]]) -> int:
    """How many pieces (weakly connected components) the members and links make."""
    parent = {m: m for m in members}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pieces = len(parent)
    for a, b in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[ra] = rb
            pieces -= 1
    return pieces


def _measure(label: str) -> tuple[float, float]:
    """The width and height (points) of an HTML-like label, measured as a node of its own."""
    head = graphviz.Digraph("header")
    head.attr(charset="UTF-8", fontname=FONT)
    head.node("legend--header", label=label, shape="plaintext", fontname=FONT, margin="0")
    hg = agraph(head.source)
    quiet(lambda: hg.layout(prog="dot"))
    hn = hg.get_node("legend--header")
    return float(hn.attr["width"]) * 72, float(hn.attr["height"]) * 72


def _arrange(
    order: list[str], size: dict[str, tuple[float, float]], head: tuple[float, float]
) -> dict[str, Pt]:
    """Where each group's top-left corner goes: in rows, in order, to a 16:10 page,
    below the header (y grows upward, so everything is below zero)."""
    area = sum(w * h for w, h in size.values())
    width = max(max(w for w, _ in size.values()), head[0], math.sqrt(area * 1.6) * 1.1)
    rows: list[list[str]] = [[]]
    x = 0.0
    for key in order:
        if rows[-1] and x + size[key][0] > width:
            rows.append([])
            x = 0.0
        rows[-1].append(key)
        x += size[key][0] + GAP
    offset = {}
    top = -(head[1] + GAP / 2)
    for row in rows:
        x = 0.0
        for key in row:
            offset[key] = (x, top - size[key][1])  # top-aligned
            x += size[key][0] + GAP
        top -= max(size[k][1] for k in row) + GAP
    return offset


def grid_layout(
    m: Map, view: View, sel: Selection, numbers: dict[str, int] | None = None
) -> pygraphviz.AGraph:
    """Each group laid out by dot on its own, set out in rows, relations between groups
    routed last (see the module docstring)."""
    nodes, edges = items(m, view, sel, numbers)
    titles = groups(m, view, sel)
    gattrs = view_graph_attrs(view, sel)
    scale = _scale(sel)
    blocks = _layout_blocks(_group_sources(nodes, edges, titles, gattrs, scale), len(nodes))
    label = header(m, sel, scale)
    head = _measure(label)
    offset = _arrange([k for k, _ in titles], {k: b.size for k, b in blocks.items()}, head)
    return agraph(_compose(nodes, edges, titles, blocks, offset, gattrs, scale, label, head)[0])


def grid_svg(m: Map, view: View, sel: Selection, numbers: dict[str, int] | None = None) -> bytes:
    """The map of :func:`grid_layout` drawn as SVG without drawing it whole: each group is
    laid out and drawn in one pass (in parallel processes for a big map), and only the
    groups' boxes and titles, the relations between groups and the header are drawn
    with the composed map; each group's drawing goes in moved into its place.  Graphviz
    measures every label again when it draws a whole map from its positions, which took
    longer than laying the groups out.  The picture is the one the composed graph draws,
    but for the order in which overlapping lines are painted (the relations between groups
    under those inside one; every claim stays above every line)."""
    # the claims' labels are written where their group is drawn (see _draw_group)
    nodes, edges = items(m, view, sel, numbers, lazy_labels=True)
    titles = groups(m, view, sel)
    gattrs = view_graph_attrs(view, sel)
    scale = _scale(sel)
    members = _members(nodes, edges, titles)
    cross = _cross(nodes, edges)
    # Graphviz numbers edges and nodes without an id of their own: each group's numbers
    # start past the composed map's and the groups before it
    jobs: dict[str, tuple[str, int, int]] = {}
    edge_base, node_base = len(cross), len(nodes) + 1
    for key, _ in titles:
        jobs[key] = (key, edge_base, node_base)
        edge_base += len(members[key][1])
        node_base += len(members[key][0])
    _SHARED.update(titles=dict(titles), members=members, edges=edges, gattrs=gattrs, scale=scale)
    try:
        drawn = _in_processes(
            _draw_group, jobs, len(nodes), size=lambda job: _size(members[job[0]])
        )
    finally:
        _SHARED.clear()
    blocks = {k: b for k, (b, _, _) in drawn.items()}
    label = header(m, sel, scale)
    head = _measure(label)
    offset = _arrange([k for k, _ in titles], {k: b.size for k, b in blocks.items()}, head)
    source, apart = _compose(
        nodes, edges, titles, blocks, offset, gattrs, scale, label, head, frame=True
    )
    frame = agraph(source)
    svg = quiet(lambda: layout_and_draw(frame, "nop2", "svg", positions=False)).decode("utf-8")
    # the frame's invisible stand-ins for the claims leave only a comment each
    svg = _STAND_IN.sub("", svg)
    # Graphviz moves a drawing so that its corner is at the origin: the groups' drawings
    # move as the first group's box did (its outline touches the box on every side)
    first = _BOX.search(svg)
    if first is None:
        raise RuntimeError("Graphviz drew no box around the first group")
    box = [float(v) for v in _NUMBER.findall(first[1])]
    corner = offset[titles[0][0]]  # its lower left corner
    tx, ty = min(box[0::2]) - corner[0], max(box[1::2]) + corner[1]
    # the edges between groups drawn here, as Graphviz would have drawn them in the frame
    lines = [
        svgedges.edge_svg(
            i + 1,
            e.tail,
            e.head,
            {**e.attrs, "color": e.attrs["color"] + "B0"},
            EDGE_DEFAULTS,
            svgedges.Path(arc.points, arc.start, arc.end),
            (tx, ty),
            texts,
        )
        for i, e, arc, texts in apart
    ]
    # (the edges set no text: the frame's text is the header's and the groups' titles)
    characters = merged(used_characters(svg), *(chars for _, _, chars in drawn.values()))
    svg = fallback_fonts(svg)
    clusters = svg.rfind('class="cluster">')
    at = svg.find("\n<!-- ", clusters) + 1 or svg.rindex("</g>\n</svg>")
    end = svg.rindex("</g>\n</svg>")
    parts = [svg[:at].encode(), "".join(lines).encode(), svg[at:end].encode()]
    for key, _ in titles:
        bx0, by0, _, _ = blocks[key].box
        dx, dy = offset[key][0] - bx0, offset[key][1] - by0
        parts.append(f'<g transform="translate({dx + tx:.2f},{ty - dy:.2f})">\n'.encode())
        parts.append(drawn[key][1])
        parts.append(b"</g>\n")
    parts.append(svg[end:].encode())
    return drawing(b"".join(parts), characters)


#: the outline of the first group's box in the frame, and the numbers in it
_BOX = re.compile(r'class="cluster">.*?<path [^>]*\bd="([^"]+)"', re.S)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
#: the comment Graphviz writes for a node it then does not draw (an invisible stand-in)
_STAND_IN = re.compile(r"<!-- [^\n]* -->\n(?=<!-- |</g>\n</svg>)")


def _scale(sel: Selection) -> float:
    """How much bigger a wall-sized map's header and titles are (292 claims: 1.7 times)."""
    return min(3.0, max(1.0, math.sqrt(len(sel.map.claims)) / 10))


def _cluster(key: str) -> str:
    return f"cluster_{slug(key)}"


def _cross(nodes: list[Node], edges: list[Edge]) -> list[Edge]:
    """The edges between groups (and those through a mid-point between groups)."""
    group = {n.id: n.group for n in nodes}
    return [
        e
        for e in edges
        if not (
            group.get(e.tail)
            and group.get(e.tail) == group.get(e.head)
            and group.get(e.tail) != BETWEEN
        )
    ]


def _compose(
    nodes: list[Node],
    edges: list[Edge],
    titles: list[tuple[str, str]],
    blocks: dict[str, Block],
    offset: dict[str, Pt],
    gattrs: dict[str, str],
    scale: float,
    label: str,
    head: tuple[float, float],
    frame: bool = False,
) -> tuple[str, list[tuple[int, Edge, Spline, svgedges.Texts]]]:
    """The DOT source of one graph with every position fixed; the edges between groups
    drawn last.  A ``frame`` holds only the groups' boxes, their mid-points, the header
    and the edges between groups that :mod:`.svgedges` cannot draw: those it can come
    back apart (their number, the edge, its path, its texts), in the order Graphviz
    draws them; each claim an edge of the frame ends at stands in it as an invisible
    node (the groups are drawn on their own)."""
    cross = _cross(nodes, edges)
    # between groups: gentle arcs, straight lines for very many; drawn here from border to
    # border, never routed by Graphviz (its "curved" router took 20 s on some maps of 80
    # claims, and a router around every node falls back to straight lines anyway)
    bend = 0.0 if len(cross) > LINE_ROUTING_AT else ARC_BEND
    out = graphviz.Digraph("argmap")
    out.attr(
        charset="UTF-8",
        **{**gattrs, "splines": "true", "esep": "+2", "sep": "+4", "overlap": "true"},
    )
    out.attr("node", **NODE_DEFAULTS)
    out.attr("edge", **EDGE_DEFAULTS)
    placed = _Placed()
    texts = (
        {i: svgedges.drawable(e.tail, e.head, e.attrs) for i, e in enumerate(cross)}
        if frame
        else {}
    )
    apart = {i for i, t in texts.items() if t is not None}
    ends = (
        {e.tail for i, e in enumerate(cross) if i not in apart}
        | {e.head for i, e in enumerate(cross) if i not in apart}
        if frame
        else None
    )
    for key, title in titles:
        _place_group(out, key, title, nodes, edges, blocks[key], offset[key], scale, placed, ends)
    for n in nodes:
        if n.group == BETWEEN:  # the mid-point of a support between two groups
            tail, headn = split_mid(n.id)
            placed.pos[n.id] = _free_spot(placed.pos[tail], placed.pos[headn], placed.boxes.clear)
            placed.half[n.id] = (3.0, 3.0)
            out.body.append(n.line + alist({"pos": _fmt(placed.pos[n.id])}) + "\n")
    hw, hh = head
    out.node(
        "legend--header",
        label=label,
        shape="plaintext",
        margin="0",
        pos=f"{hw / 2:.2f},{-hh / 2:.2f}",
        width=f"{hw / 72:.4f}",
        height=f"{hh / 72:.4f}",
    )
    pos, half = placed.pos, placed.half
    later: list[tuple[int, Edge, Spline, svgedges.Texts]] = []
    for i, e in enumerate(cross):  # a shade lighter, so each group's own argument stands out
        arc = _arc(pos[e.tail], half[e.tail], pos[e.head], half[e.head], e.attrs, bend)
        t = texts.get(i)
        if t is not None:
            later.append((i, e, arc, t))
            continue
        extra = {"color": e.attrs["color"] + "B0", "pos": str(arc)}
        if frame:  # numbered as in a frame of every edge
            extra["id"] = f"edge{i + 1}"
        out.body.append(e.line(**extra) + "\n")
    if later:  # the page takes in the paths drawn apart too: one invisible edge spans them
        pts = [p for _, _, arc, _ in later for p in (*arc.points, arc.start, arc.end) if p]
        x0, y0 = min(x for x, _ in pts), min(y for _, y in pts)
        x1, y1 = max(x for x, _ in pts), max(y for _, y in pts)
        span = f"{x0:.2f},{y0:.2f} {x0:.2f},{y0:.2f} {x1:.2f},{y1:.2f} {x1:.2f},{y1:.2f}"
        out.edge("legend--header", "legend--header", style="invis", pos=span)
    right = max(max(offset[k][0] + blocks[k].size[0] for k in offset), hw)
    bottom = min(offset[k][1] for k in offset)
    out.attr(bb=f"0,{bottom:.2f},{right:.2f},0")
    # Graphviz draws edges by their tail, then by their head, in the order the nodes were
    # made (the claims group by group, then the mid-points between groups)
    rank = {key: k for k, (key, _) in enumerate(titles)}
    made = {
        n.id: k for k, n in enumerate(sorted(nodes, key=lambda n: rank.get(n.group, len(rank))))
    }
    later.sort(key=lambda item: (made[item[1].tail], made[item[1].head], item[0]))
    return out.source, later  # every position set: "nop2" draws it as it stands


@dataclass
class _Placed:
    """Where the nodes went: centres, half sizes (points) and the boxes to keep clear of."""

    pos: dict[str, Pt] = field(default_factory=dict)
    half: dict[str, Pt] = field(default_factory=dict)
    boxes: _Boxes = field(default_factory=lambda: _Boxes())


def _place_group(
    out: graphviz.Digraph,
    key: str,
    title: str,
    nodes: list[Node],
    edges: list[Edge],
    b: Block,
    corner: Pt,
    scale: float,
    placed: _Placed,
    ends: set[str] | None = None,
) -> None:
    """One laid-out group moved to ``corner``: its box, its nodes and its own edges; or,
    given the ``ends`` of the edges between groups, its box and an invisible stand-in for
    each of its nodes among them (at least one, so that the box is drawn)."""
    x0, y0, x1, y1 = b.box
    dx, dy = corner[0] - x0, corner[1] - y0
    sub = graphviz.Digraph(_cluster(key))
    sub.attr(**cluster_attrs(group_title(title), min(2, scale)))
    sub.attr(
        bb=f"{x0 + dx:.2f},{y0 + dy:.2f},{x1 + dx:.2f},{y1 + dy:.2f}",
        lp=_fmt((b.label_at[0] + dx, b.label_at[1] + dy)),
        lwidth=b.label_size[0],
        lheight=b.label_size[1],
    )
    if ends is not None:
        sub.attr("node", label="", shape="box", style="invis")
    first = True
    for n in nodes:
        if n.group != key:
            continue
        p = b.nodes[n.id]
        x, y = placed.pos[n.id] = (p.at[0] + dx, p.at[1] + dy)
        w, h = placed.half[n.id] = (float(p.width) * 36, float(p.height) * 36)
        placed.boxes.add((x - w, y - h, x + w, y + h))
        at = {"pos": _fmt((x, y)), "width": p.width, "height": p.height}
        if ends is None:
            sub.body.append(n.line + alist(at) + "\n")
        elif n.id in ends or first:
            sub.body.append(Node(n.id, {"pos": at["pos"]}).line + "\n")
        first = False
    out.subgraph(sub)
    if ends is not None:
        return
    for i, path, labels in b.edges:
        extra = {k: _fmt((v[0] + dx, v[1] + dy)) for k, v in labels.items()}
        if path is not None:
            extra["pos"] = str(path.moved(dx, dy))
        out.body.append(edges[i].line(**extra) + "\n")


def _arc(a: Pt, ha: Pt, b: Pt, hb: Pt, attrs: dict, bend: float = 0.0) -> Spline:
    """An edge from the border of box a to the border of box b, as a Graphviz spline with
    its arrowhead tips: straight, or bowed to the side by ``bend`` times its length (a
    gentle arc, as Graphviz's "curved" draws, without asking Graphviz to route it)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length

    def border(c: Pt, h: Pt, sign: int) -> Pt:  # where the ray from the centre leaves the box
        t = min(h[0] / abs(ux) if ux else math.inf, h[1] / abs(uy) if uy else math.inf)
        return c[0] + sign * ux * t, c[1] + sign * uy * t

    p0, p3 = border(a, ha, 1), border(b, hb, -1)
    arrow = 10 * float(attrs.get("arrowsize", 0.9))
    direction = attrs.get("dir", "forward")
    tail = direction in ("back", "both") and attrs.get("arrowtail", "none") != "none"
    headed = direction in ("forward", "both") and attrs.get("arrowhead", "normal") != "none"
    start = (p0[0] + ux * arrow, p0[1] + uy * arrow) if tail else p0
    end = (p3[0] - ux * arrow, p3[1] - uy * arrow) if headed else p3
    # the control points a third and two thirds along, pushed sideways (to the left of the
    # direction of travel) by the bend
    nx_, ny_ = -uy * bend * length, ux * bend * length
    pts = (
        start,
        *(
            (
                start[0] + (end[0] - start[0]) * k / 3 + nx_,
                start[1] + (end[1] - start[1]) * k / 3 + ny_,
            )
            for k in (1, 2)
        ),
        end,
    )
    return Spline(pts, p0 if tail else None, p3 if headed else None)


class _Boxes:
    """Boxes to keep clear of, filed by the squares of a grid they touch: a point is
    checked against the few boxes of its square, not all of a big map's.  They are filed
    when first checked: a map without a mid-point between groups never is."""

    CELL = 256.0  # points

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}
        self.unfiled: list[tuple[float, float, float, float]] = []

    def add(self, box: tuple[float, float, float, float]) -> None:
        self.unfiled.append(box)

    def _file(self) -> None:
        for box in self.unfiled:
            x0, y0, x1, y1 = box[0] - 6, box[1] - 6, box[2] + 6, box[3] + 6  # with a margin
            for i in range(math.floor(x0 / self.CELL), math.floor(x1 / self.CELL) + 1):
                for j in range(math.floor(y0 / self.CELL), math.floor(y1 / self.CELL) + 1):
                    self.cells.setdefault((i, j), []).append((x0, y0, x1, y1))
        self.unfiled.clear()

    def clear(self, x: float, y: float) -> bool:
        """Whether (x, y) is more than 6 points outside every box."""
        if self.unfiled:
            self._file()
        cell = self.cells.get((math.floor(x / self.CELL), math.floor(y / self.CELL)), ())
        return not any(x0 < x < x1 and y0 < y < y1 for x0, y0, x1, y1 in cell)


def _free_spot(a: Pt, b: Pt, clear: Callable[[float, float], bool]) -> Pt:
    """A point on the segment a-b, as near its middle as possible, ``clear`` of every box."""
    for t in (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82):
        x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        if clear(x, y):
            return x, y
    return (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
