"""Diagrams of a view of the map: DOT built with ``graphviz``, drawn by pygraphviz.

Contract: :func:`select` cuts the claims and relations a :class:`View` shows
from the *whole* map (so an actor keeps his colour in every view);
:func:`build_dot` returns the DOT source of the view, with a header (title,
source line and legend) inside the picture; :func:`render` lays it out with
the Graphviz engine bundled in pygraphviz (no system Graphviz) and returns
SVG, PNG or PDF bytes (or the DOT source).  Node shape shows the claim kind,
fill colour the actor (Paul Tol's colour-blind-safe "light" scheme), edge
colour, line and arrowhead the relation kind.  Every label and tooltip is
escaped for DOT, HTML-like labels and SVG.  In SVG each claim is a
``<g id="claim-ID" class="node claim ...">`` so a page can catch clicks on it.
The diagram formats register themselves as exporters.

Layout: a view is laid out by ``dot`` in one piece, except the map view
grouped by chapter or actor, which is laid out group by group and composed:
each group (a chapter, in reading order) is laid out by ``dot`` on its own,
the groups are set out like the pages of a book, in rows, to a screen's
proportions, and the relations between groups are then routed across them
(``neato -n2`` keeps every position and every edge already drawn).  One
``dot`` run over a whole essay map puts the chapters side by side in one
long strip (183 x 61 inches for the bundled map) and its run time grows
faster than the map; the groups keep the picture about as wide as it is tall
and the time about linear in the size of the map.
"""
from __future__ import annotations

import contextlib
import functools
import html
import io
import math
import os
import sys
import re
import textwrap
import threading
import warnings
from dataclasses import dataclass, field, replace

import graphviz

from . import fonts
from .exporters import View, register
from .graph import Filters, build_graph, filter_map, neighbourhood, submap
from .models import Map

fonts.ensure_fontconfig()
FONT = fonts.FAMILY

#: claim kind -> node attributes
KIND_STYLE: dict[str, dict[str, str]] = {
    "thesis": {"shape": "box", "style": "filled,bold", "peripheries": "2", "penwidth": "2"},
    "postulate": {"shape": "box", "style": "filled,bold", "penwidth": "2.5"},
    "position": {"shape": "box", "style": "filled,rounded"},
    "prediction": {"shape": "hexagon", "style": "filled"},
    "event": {"shape": "note", "style": "filled"},
    "interpretation": {"shape": "ellipse", "style": "filled"},
    "verdict": {"shape": "octagon", "style": "filled,bold", "penwidth": "2"},
}
KIND_LABEL = {k: k for k in KIND_STYLE}
#: how the legend names each kind's shape
SHAPE_WORD = {"thesis": "double frame", "postulate": "bold frame", "position": "rounded box",
              "prediction": "hexagon", "event": "page with a folded corner",
              "interpretation": "ellipse", "verdict": "octagon"}

#: relation kind -> edge attributes (colour, line and arrowheads all differ, so
#: the kinds stay apart in greyscale print and for colour-blind readers)
RELATION_STYLE: dict[str, dict[str, str]] = {
    "supports": {"color": "#228833", "style": "solid", "arrowhead": "normal", "penwidth": "1.8"},
    "attacks": {"color": "#CC3311", "style": "solid", "arrowhead": "tee", "penwidth": "1.8"},
    "undercuts": {"color": "#AA3377", "style": "dashed", "arrowhead": "tee", "penwidth": "1.8"},
    "contradicts": {"color": "#CC3311", "style": "bold", "dir": "both", "arrowhead": "tee",
                    "arrowtail": "tee", "penwidth": "2.6"},
    "agrees": {"color": "#0077BB", "style": "bold", "dir": "both", "arrowhead": "dot",
               "arrowtail": "dot", "penwidth": "2.6"},
    "adopts": {"color": "#0077BB", "style": "solid", "arrowhead": "empty", "penwidth": "1.8"},
    "revises": {"color": "#555555", "style": "dashed", "arrowhead": "vee", "penwidth": "1.6"},
    "elaborates": {"color": "#777777", "style": "dotted", "arrowhead": "open", "penwidth": "1.8"},
    "confirms": {"color": "#228833", "style": "dashed", "arrowhead": "diamond", "penwidth": "1.8"},
    "disconfirms": {"color": "#CC3311", "style": "dashed", "arrowhead": "odiamond",
                    "penwidth": "1.8"},
}
#: an arrowhead as the legend draws it: a glyph Source Sans Pro has
_MARK = {"normal": "\u25b6", "tee": "|", "empty": "\u25b7", "vee": ">", "open": "\u203a",
         "diamond": "\u25c6", "odiamond": "\u25ca", "dot": "\u2022", "none": ""}

#: Paul Tol's "light" scheme (for fills under black text); the author first
PALETTE = ("#EEDD88", "#EE8866", "#77AADD", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33",
           "#AAAA00")
OTHER = "#DDDDDD"

#: kinds whose source is later than its target: drawn reversed so time runs downward
BACKWARD = frozenset({"adopts", "revises", "confirms", "disconfirms"})
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")
AUTO_CLUSTER_AT = 40   # claims: group larger selections into clusters
MAX_LABEL = 220        # characters of a claim shown in its node (all of it in the tooltip)
BODY_PT, HEAD_PT = 14, 10.5   # node text; readable from the back of a seminar room
#: a PNG is kept under this many pixels (the whole essay map at 300 dpi would be 1.5
#: billion; 40 million is 7,300 x 5,500, sharp on a 4K projector even zoomed in);
#: SVG and PDF are vector and need no limit
MAX_PIXELS = 40_000_000
#: above this many relations between groups, they are drawn straight (routing each
#: around every node costs more than the rest of the layout); below, as curves
LINE_ROUTING_AT = 600
#: the compare view puts at most this many claims of one actor side by side in a row
COMPARE_ROW = 4
#: a map of this many nodes lays its groups out in parallel processes
PARALLEL_AT = 1500
#: a group of more pieces than this is packed in rows (see _grid_layout)
PACK_FIT_AT = 40


def actor_colours(m: Map) -> dict[str, str]:
    """A fixed fill colour per actor, from the whole map: author, then by claim count."""
    counts: dict[str, int] = {}
    for c in m.claims:
        counts[c.actor] = counts.get(c.actor, 0) + 1
    authors = [a.id for a in m.actors if a.kind == "author" and a.id in counts]
    others = sorted((a for a in counts if a not in authors), key=lambda a: (-counts[a], a))
    colours = {a: PALETTE[0] for a in authors}
    for i, a in enumerate(others):
        colours[a] = PALETTE[i + 1] if i + 1 < len(PALETTE) else OTHER
    return colours


# ------------------------------------------------------------------ text
def clean(text: str) -> str:
    """Text without control characters (Graphviz and XML refuse most of them)."""
    return _CONTROL.sub(" ", text)


def esc(text: str) -> str:
    """Text for an HTML-like label: escaped, control characters dropped, and a word
    joiner after each backslash so that Graphviz shows \\N, \\G, \\L... as written."""
    return html.escape(clean(text), quote=True).replace("\\", "\\\u2060")


def attr(text: str) -> str:
    """Text for a plain DOT attribute such as a tooltip: a backslash stays a backslash
    (graphviz.escape is not enough: Graphviz still expands \\\\N to the node's name)."""
    return graphviz.nohtml(clean(text).replace("\\", "\\\\\u2060"))  # "<b>" is no HTML here


def wrap(text: str, width: int, limit: int = MAX_LABEL) -> list[str]:
    text = " ".join(clean(text).split())
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"
    return textwrap.wrap(text, width=width, break_long_words=True) or [""]


def _shorten(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"


# ------------------------------------------------------------------ selection
@dataclass(frozen=True)
class Selection:
    map: Map          # the claims and relations shown
    title: str
    rankdir: str
    cluster: str      # "chapter", "actor" or "none"
    slug: str         # a file name for the view, without extension


def _slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:80] or "view"


def select(m: Map, view: View) -> Selection:
    """The claims and relations a view shows, with its title and layout."""
    f = view.filters if isinstance(view.filters, Filters) else Filters()
    base = filter_map(m, f)
    cluster = view.cluster
    if view.kind == "map":
        title = m.source.title + (" (selection)" if f.active else "")
        sel, slug = base, "map-selection" if f.active else "map"
    elif view.kind == "focus":
        cid = _need_claim(m, view)
        g = build_graph(base if cid in base.claim_index else m)
        keep = neighbourhood(g, cid, view.depth)
        sel = submap(base if cid in base.claim_index else m, keep, f.relation_kinds)
        title = f"Around: {m.claim(cid).text}"
        slug = f"focus-{cid}-depth-{view.depth}"
    elif view.kind == "compare":
        if len(view.actors) != 2:
            raise ValueError("the compare view needs two actors")
        a, b = view.actors
        for actor in (a, b):
            if actor not in m.actor_index:
                raise ValueError(f"no actor has the id {actor!r}")
        keep = {c.id for c in base.claims if c.actor in (a, b)
                and (view.topic is None or view.topic in c.topics)}
        sel = submap(m, keep, f.relation_kinds)
        topic = f", {m.topic_label(view.topic)}" if view.topic else ""
        title = f"{m.actor_name(a)} and {m.actor_name(b)} compared{topic}"
        slug = _slug(f"{a}-vs-{b}" + (f"-{view.topic}" if view.topic else ""))
        cluster = cluster or "actor"
    elif view.kind == "postulate":
        from .analysis import fate   # analysis and compare import pandas: only when needed
        cid = _need_claim(m, view)
        c = m.claim(cid)
        keep = {s.claim for s in fate(m, cid)} | {cid}
        keep |= {r.source for r in m.relations if r.target == cid and r.kind == "supports"}
        sel = submap(m, keep)
        num = f" {c.number}" if c.kind == "postulate" else ""
        title = f"Postulate{num}: {c.text}" if c.kind == "postulate" else c.text
        slug = f"postulate-{c.number}" if c.kind == "postulate" else _slug(f"fate-{cid}")
        return Selection(sel, f"{title} - its fate", "LR", cluster or "none", slug)
    elif view.kind == "verdict":
        from .analysis import support_tree
        cid = _need_claim(m, view)
        tree = support_tree(m, cid)
        keep = {n.claim for _, n in tree.walk()}
        sel = submap(m, keep, frozenset({"supports", "attacks", "undercuts", "confirms",
                                         "disconfirms"}))
        title = f"What bears on: {m.claim(cid).text}"
        return Selection(sel, title, "BT", cluster or "none", _slug(f"verdict-{cid}"))
    else:
        raise ValueError(f"unknown view {view.kind!r}")
    if cluster is None:
        cluster = "chapter" if len(sel.claims) > AUTO_CLUSTER_AT else "none"
    return Selection(sel, title, view.direction, cluster, slug)


def _need_claim(m: Map, view: View) -> str:
    if not view.claim:
        raise ValueError(f"the {view.kind} view needs a claim")
    if view.claim not in m.claim_index:
        raise ValueError(f"no claim has the id {view.claim!r}")
    return view.claim


# ------------------------------------------------------------------ nodes and edges
@dataclass
class _Node:
    id: str
    attrs: dict
    group: str = ""          # the cluster it belongs to ("" = none)

    @property
    def line(self) -> str:
        """The node's DOT statement (quoted once: a 5,000-claim map is written twice)."""
        if not hasattr(self, "_line"):
            self._line = f"\t{_q(self.id)}{_alist(self.attrs)}"
        return self._line


@dataclass
class _Edge:
    tail: str
    head: str
    attrs: dict = field(default_factory=dict)

    def line(self, **extra) -> str:
        """The edge's DOT statement; ``extra`` attributes are added after (and win)."""
        if not hasattr(self, "_line"):
            self._line = f"\t{_q(self.tail)} -> {_q(self.head)}{_alist(self.attrs)}"
        return self._line + (_alist(extra) if extra else "")


#: graphviz's quoting rule, without its argument-checking wrapper (called 100,000 times
#: for a big map)
_quote = getattr(graphviz.quoting.quote, "__wrapped__", graphviz.quoting.quote)


def _q(name: str) -> str:
    return _quote(name)


@functools.lru_cache(maxsize=4096)
def _kv(key: str, value: str, html_ok: bool) -> str:
    v = value if html_ok else graphviz.nohtml(value)
    return f"{_quote(key)}={_quote(v)}"


def _alist(attrs: dict) -> str:
    """`` [k=v ...]``, quoted as the graphviz package does; the many repeated pairs
    (shapes, colours, styles) quoted once."""
    parts = []
    for k, v in attrs.items():
        plain = isinstance(v, graphviz.quoting.NoHtml)   # never read as an HTML label
        v = v if isinstance(v, str) else str(v)
        if len(v) > 40:   # labels and tooltips: each its own
            parts.append(f"{_quote(k)}={_quote(v)}")
        else:
            parts.append(_kv(k, str.__str__(v), not plain))
    return f" [{' '.join(parts)}]" if parts else ""


def _node_label(m: Map, c, width: int, number: int | None = None) -> str:
    head = KIND_LABEL[c.kind].upper()
    if c.kind == "postulate":
        head = f"POSTULATE {c.number}"
    bits = [head, _shorten(" ".join(m.credited(c).split()), 40)]  # one short line
    if c.date:
        bits.append(c.date)
    header = esc(" \u00b7 ".join(bits))
    if number is not None:   # the claim's number in a handout's list
        header = f'<B><FONT COLOR="#000000" POINT-SIZE="{BODY_PT}">{number}</FONT></B>  {header}'
    body = "<BR/>".join(esc(line) for line in wrap(c.text, width))
    return (f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
            f'<TR><TD><FONT POINT-SIZE="{HEAD_PT}" COLOR="#333333">{header}</FONT></TD></TR>'
            f"<TR><TD>{body}</TD></TR></TABLE>>")


def chapter_heading(m: Map, chapter: str) -> str:
    """"II: The Confirmation", or just "Preface" when the id is the title."""
    title = m.source.chapter_title(chapter)
    if chapter not in m.source.chapter_order or title.lower() == chapter.lower():
        return title
    return f"{chapter}: {title}"


def _groups(m: Map, view: View, sel: Selection) -> list[tuple[str, str]]:
    """The clusters of a view in display order: (key, title)."""
    if sel.cluster == "chapter":
        order = m.source.chapter_order
        keys = sorted({c.chapter for c in sel.map.claims}, key=lambda k: (order.get(k, 999), k))
        return [(k, chapter_heading(m, k)) for k in keys]
    if sel.cluster == "actor":
        count: dict[str, int] = {}
        for c in sel.map.claims:
            count[c.actor] = count.get(c.actor, 0) + 1
        keys = sorted(count, key=lambda a: (view.actors.index(a) if a in view.actors else 9,
                                            -count[a], a))
        return [(k, m.actor_name(k)) for k in keys]
    return []


def _items(m: Map, view: View, sel: Selection, numbers: dict[str, int] | None = None
           ) -> tuple[list[_Node], list[_Edge]]:
    """Every node and edge of a view, with its attributes and its group."""
    colours = actor_colours(m)
    width = 34 if view.spacing == "spacious" else 30
    key_of = (lambda c: c.chapter) if sel.cluster == "chapter" else \
        (lambda c: c.actor) if sel.cluster == "actor" else (lambda c: "")
    nodes = []
    for c in sel.map.claims:
        a = dict(KIND_STYLE[c.kind])
        a.update(label=_node_label(m, c, width, (numbers or {}).get(c.id)), fillcolor=colours.get(c.actor, OTHER),
                 id=f"claim-{c.id}", URL=f"#claim-{c.id}", tooltip=attr(_shorten(c.text, 600)),
                 target="_self")
        a["class"] = f"claim kind-{c.kind} actor-{c.actor}"
        if view.claim == c.id:
            a.update(penwidth="5", color="#000000")
        nodes.append(_Node(c.id, a, key_of(c)))
    group = {n.id: n.group for n in nodes}
    timed = sel.cluster == "actor" and view.kind == "compare"
    split = {(r.reason, r.target) for r in sel.map.relations if r.kind == "undercuts"}
    edges = []
    for r in sel.map.relations:
        a = dict(RELATION_STYLE[r.kind])
        if view.edge_labels:
            a.update(label=esc(r.kind), fontcolor=a["color"])
        if timed:
            a["constraint"] = "false"
        a["tooltip"] = attr(_shorten(f"{r.kind}: {r.note}", 400)) if r.note else r.kind
        a["class"] = f"relation rel-{r.kind}"
        if r.kind == "supports" and (r.source, r.target) in split:
            mid = _mid(r.source, r.target)
            same = group[r.source] if group[r.source] == group[r.target] else None
            nodes.append(_Node(mid, {"label": "", "shape": "point", "width": "0.08",
                                     "color": a["color"], "tooltip": a["tooltip"]},
                               same if same is not None else "\0between"))
            edges.append(_Edge(r.source, mid, {**a, "arrowhead": "none"}))
            edges.append(_Edge(mid, r.target, a))
        elif r.kind == "undercuts":
            edges.append(_Edge(r.source, _mid(r.reason, r.target), a))
        elif r.kind in BACKWARD:
            # a later claim pointing at an earlier one: laid out earlier-above-later
            a.update(dir="back", arrowtail=a.pop("arrowhead"), arrowhead="none")
            edges.append(_Edge(r.target, r.source, a))
        else:
            edges.append(_Edge(r.source, r.target, a))
    return nodes, edges


def _mid(a: str, b: str) -> str:
    return f"link--{a}--{b}"


# ------------------------------------------------------------------ the header
def _source_line(m: Map, sel: Map) -> str:
    order = m.source.chapter_order
    chapters = sorted({c.chapter for c in sel.claims}, key=lambda ch: order.get(ch, 99))
    if not chapters:
        where = ""
    elif len(chapters) == 1:
        where = f", chapter {chapters[0]}" if chapters[0] in order else f", {chapters[0]}"
    elif [order.get(ch) for ch in chapters] == list(range(len(order))):
        where = ", all chapters"
    else:
        where = ", chapters " + ", ".join(chapters)
    author = f" by {m.source.author}" if m.source.author and m.source.author != "unknown" else ""
    return f"after: {m.source.title}{author}{where}"


def _line_sample(style: dict, k: float = 1.0) -> str:
    """A relation's line as a legend cell: the line itself (colour, dash, weight) and marks
    for its arrowheads, so the legend reads the way the edges look (``k`` scales it)."""
    width = str(max(1, round(float(style.get("penwidth", "1.5")) * k)))
    dash = {"dashed": ' STYLE="dashed"', "dotted": ' STYLE="dotted"'}.get(style["style"], "")
    colour = style["color"]
    w, h = round(38 * k), round(8 * k)
    line = (f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
            f'<TR><TD WIDTH="{w}" HEIGHT="{h}" FIXEDSIZE="TRUE"></TD></TR>'
            f'<TR><TD WIDTH="{w}" HEIGHT="{h}" FIXEDSIZE="TRUE" SIDES="T" BORDER="{width}"{dash} '
            f'COLOR="{colour}"></TD></TR></TABLE>')
    head = _MARK.get(style.get("arrowhead", "normal"), "")
    tail = _MARK.get(style.get("arrowtail", "none"), "") if style.get("dir") == "both" else ""
    mark = (lambda g: f'<FONT COLOR="{colour}" POINT-SIZE="{15 * k:.1f}"><B>{esc(g)}</B></FONT>'
            if g else "")
    return (f'<TD ALIGN="RIGHT" CELLPADDING="0">{mark(tail)}</TD><TD CELLPADDING="0">{line}</TD>'
            f'<TD ALIGN="LEFT" CELLPADDING="0">{mark(head)}</TD>')


def _legend(m: Map, sel: Map, colours: dict[str, str], k: float = 1.0) -> str:
    """The legend as one HTML-like table: who (fill), what (shape), how (line).

    One table, so the rows of the three sections line up; a long section runs on in a
    second column.  ``k`` scales it (a wall-sized map gets a legend one can read)."""
    kinds = [k_ for k_ in KIND_STYLE if any(c.kind == k_ for c in sel.claims)]
    rels = [r_ for r_ in RELATION_STYLE if any(r.kind == r_ for r in sel.relations)]
    actors = [a for a in m.actors if any(c.actor == a.id for c in sel.claims)]
    text = (lambda t, extra="": f'<FONT POINT-SIZE="{BODY_PT * k:.1f}"{extra}>{t}</FONT>')
    sections = []   # (heading, cells per item, items)
    if actors:
        swatch = (lambda colour: f'<TD WIDTH="{round(24 * k)}" HEIGHT="{round(16 * k)}" '
                  f'FIXEDSIZE="TRUE" BGCOLOR="{colour}" BORDER="1" COLOR="#555555"></TD>')
        coloured = [a for a in actors if colours.get(a.id, OTHER) != OTHER]
        grey = [a for a in actors if colours.get(a.id, OTHER) == OTHER]
        items = [swatch(colours[a.id]) + f'<TD ALIGN="LEFT">'
                 f'{text(esc(_shorten(" ".join(a.name.split()), 40)))}</TD>' for a in coloured]
        if len(grey) == 1:
            items.append(swatch(OTHER) + f'<TD ALIGN="LEFT">'
                         f'{text(esc(_shorten(" ".join(grey[0].name.split()), 40)))}</TD>')
        elif grey:   # the palette's colours are few: the rest share grey, named on each claim
            items.append(swatch(OTHER) + f'<TD ALIGN="LEFT">{text(f"{len(grey)} others")}'
                         f'{text(" (named on each claim)", " COLOR=" + chr(34) + "#444444" + chr(34))}'
                         "</TD>")
        sections.append(("Who (fill)", 2, items))
    if kinds:
        sections.append(("What (shape)", 2, [
            f'<TD ALIGN="LEFT">{text(f"<B>{esc(kd)}</B>")}</TD><TD ALIGN="LEFT">'
            f'{text(esc(SHAPE_WORD[kd]), " COLOR=" + chr(34) + "#444444" + chr(34))}</TD>'
            for kd in kinds]))
    if rels:
        sections.append(("How (line)", 4, [
            _line_sample(RELATION_STYLE[rk], k) + f'<TD ALIGN="LEFT">{text(esc(rk))}</TD>'
            for rk in rels]))
    per_column = max(5, min(8, max((len(items) for _, _, items in sections), default=0)))
    laid = []   # (heading, width in cells, rows of cells)
    for heading, span, items in sections:
        cols = max(1, math.ceil(len(items) / per_column))
        n_rows = math.ceil(len(items) / cols)
        rows = []
        for r in range(n_rows):
            cells = []
            for c in range(cols):
                i = c * n_rows + r
                cells.append(items[i] if i < len(items) else f'<TD COLSPAN="{span}"></TD>')
            rows.append(f'<TD WIDTH="{round(12 * k)}"></TD>'.join(cells))
        laid.append((heading, cols * span + cols - 1, rows))
    gap = f'<TD WIDTH="{round(28 * k)}"></TD>'
    out = ["<TR>" + gap.join(
        f'<TD COLSPAN="{w}" ALIGN="LEFT"><FONT POINT-SIZE="{13 * k:.1f}" COLOR="#444444">'
        f"<B>{h}</B></FONT></TD>" for h, w, _ in laid) + "</TR>"]
    for r in range(max((len(rows) for _, _, rows in laid), default=0)):
        out.append("<TR>" + gap.join(rows[r] if r < len(rows) else f'<TD COLSPAN="{w}"></TD>'
                                     for _, w, rows in laid) + "</TR>")
    return (f'<TABLE BORDER="1" COLOR="#BBBBBB" STYLE="rounded" CELLBORDER="0" '
            f'CELLSPACING="{round(2 * k)}" CELLPADDING="{round(3 * k)}">{"".join(out)}</TABLE>')


def _header(m: Map, sel: Selection, colours: dict[str, str], k: float = 1.0) -> str:
    """The title, the source line and the legend, as one HTML-like label (``k`` scales it)."""
    rows = [f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{30 * k:.1f}"><B>{esc(line)}</B></FONT>'
            f"</TD></TR>" for line in wrap(sel.title, 64, limit=300)[:3]]
    rows.append(f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{16 * k:.1f}" COLOR="#444444">'
                f"{esc(_source_line(m, sel.map))}</FONT></TD></TR>")
    if sel.map.claims:
        rows.append(f'<TR><TD ALIGN="LEFT">{_legend(m, sel.map, colours, k)}</TD></TR>')
    return (f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="{round(2 * k)}" CELLPADDING="1">'
            f'{"".join(rows)}</TABLE>>')


# ------------------------------------------------------------------ DOT
def _graph_attrs(view: View, sel: Selection, n_nodes: int) -> dict[str, str]:
    spacious = view.spacing == "spacious"
    return dict(rankdir=sel.rankdir, fontname=FONT, nodesep="0.5" if spacious else "0.3",
                ranksep="0.9" if spacious else "0.5", pad="0.4", bgcolor="white",
                outputorder="edgesfirst", labelloc="t", labeljust="l",
                tooltip=attr(sel.title[:200]))


def build_dot(m: Map, view: View, sel: Selection | None = None,
              numbers: dict[str, int] | None = None) -> graphviz.Digraph:
    """The DOT graph of a view of ``m`` (the whole map), ready to lay out with ``dot``.

    ``numbers`` (claim id -> number) prints a number on each claim, as a handout lists them."""
    sel = sel or select(m, view)
    nodes, edges = _items(m, view, sel, numbers)
    g = graphviz.Digraph("argmap", engine="dot")
    g.attr(charset="UTF-8", **_graph_attrs(view, sel, len(nodes)))
    g.attr(label=_header(m, sel, actor_colours(m)))
    g.attr("node", fontname=FONT, fontsize=str(BODY_PT), color="#333333", margin="0.14,0.07")
    g.attr("edge", fontname=FONT, fontsize="12", arrowsize="0.9")
    compare = sel.cluster == "actor" and view.kind == "compare"
    if compare:
        g.attr(newrank="true")  # rank=same across the two actors' clusters
        _rank_by_period(g, sel.map, view.actors)  # period labels first: the left column
    titles = dict(_groups(m, view, sel))
    for key in [k for k, _ in _groups(m, view, sel)] + [""]:
        members = [n for n in nodes if n.group == key or (key == "" and n.group not in titles)]
        if not members:
            continue
        if key:
            sub = graphviz.Digraph(f"cluster_{_slug(key)}")
            sub.attr(**_cluster_attrs(titles[key]))
        else:
            sub = g
        sub.body.extend(n.line + "\n" for n in members)
        if key:
            g.subgraph(sub)
    minlen = {} if compare else _stagger(edges)
    for e in edges:
        extra = {"minlen": str(minlen[id(e)])} if id(e) in minlen else {}
        g.body.append(e.line(**extra) + "\n")
    return g


def _cluster_attrs(title: str, k: float = 1.0) -> dict[str, str]:
    return dict(label=f'<<B>{esc(_shorten(title, 80))}</B>>', fontsize=f"{20 * k:.1f}",
                fontname=FONT,
                style="rounded,filled", fillcolor="#F4F4F4", color="#BBBBBB", labeljust="l",
                margin="16")


def _rank_by_period(g: graphviz.Digraph, sel: Map, actors: tuple[str, ...] = (),
                    per_row: int = COMPARE_ROW) -> None:
    """Line the two actors' columns up by period (the compare view).

    Each period is a band of rows; an actor's claims of that period fill its rows, at
    most ``per_row`` to a row, oldest first, so that an actor with forty claims in one
    period makes a column ten rows deep, not a row forty claims wide.  A period label
    in the left column starts each band; bands follow each other down the page."""
    from .compare import PERIOD_LABELS, period_of
    cells: dict[tuple[str, str], list] = {}
    for c in sorted(sel.claims, key=lambda c: c.sort_date):
        if c.date:
            cells.setdefault((period_of(c.year), c.actor), []).append(c.id)
    anchors = []
    for p in PERIOD_LABELS:
        order = {a: i for i, a in enumerate(actors)}
        columns = [ids for (period, a), ids in sorted(cells.items(),
                                                      key=lambda kv: order.get(kv[0][1], 9))
                   if period == p]
        if not columns:
            continue
        depth = max(math.ceil(len(ids) / per_row) for ids in columns)
        for row in range(depth):
            anchor = f"period--{_slug(p)}" + (f"--{row}" if row else "")
            anchors.append(anchor)
            if row == 0:
                g.node(anchor, label=f"<<B>{esc(p)}</B>>", shape="plaintext", fontsize="18",
                       fontcolor="#555555")
            else:
                g.node(anchor, label="", shape="point", style="invis", width="0.01")
            with g.subgraph() as same:
                same.attr(rank="same")
                same.node(anchor)
                for ids in columns:
                    for cid in ids[row * per_row:(row + 1) * per_row]:
                        same.node(cid)
            # the label, then the first actor's column, then the second's: left to right
            firsts = [anchor] + [ids[row * per_row] for ids in columns
                                 if len(ids) > row * per_row]
            for a, b in zip(firsts, firsts[1:]):
                g.edge(a, b, style="invis")
    for a, b in zip(anchors, anchors[1:]):
        g.edge(a, b, style="invis", weight="10")


# ------------------------------------------------------------------ layout
def _agraph(source: str):
    """A pygraphviz graph of DOT source, read from memory.

    ``AGraph(string=...)`` goes through a temporary file in /tmp (unnamed, but on disk):
    the text of a map someone uploaded should not.  On Linux the source goes through an
    anonymous in-memory file (``memfd_create``) instead."""
    import pygraphviz
    data = source.encode("utf-8")
    if hasattr(os, "memfd_create"):
        try:
            fd = os.memfd_create("argmap-dot", getattr(os, "MFD_CLOEXEC", 0))
        except OSError:
            fd = -1
        if fd >= 0:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.lseek(fd, 0, os.SEEK_SET)
            g = pygraphviz.AGraph()
            g.read(os.fdopen(fd, "rb"))   # read() closes it
            return g
    return pygraphviz.AGraph(string=source)


_GRAPHVIZ = threading.Lock()   # Graphviz keeps global state: one layout at a time per process


def _quiet(run):
    """Run a Graphviz call, one at a time in this process (the app serves sessions from
    threads and Graphviz is not thread-safe), without its warnings reaching the user (they
    are about layout heuristics, e.g. falling back to straight lines, or pygraphviz's
    "graph has 5001 nodes...layout may take a long time", not about the map)."""
    with _GRAPHVIZ, warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        return run()


def _bb(value: str) -> tuple[float, float, float, float]:
    a, b, c, d = (float(x) for x in value.split(","))
    return a, b, c, d


def _shift(points: str, dx: float, dy: float) -> str:
    """A Graphviz position list (``e,x,y s,x,y x,y ...``) moved by dx, dy."""
    out = []
    for tok in points.split():
        pre = ""
        if tok[:2] in ("e,", "s,"):
            pre, tok = tok[:2], tok[2:]
        x, y = tok.split(",")[:2]
        out.append(f"{pre}{float(x) + dx:.2f},{float(y) + dy:.2f}")
    return " ".join(out)


def layout(m: Map, view: View, numbers: dict[str, int] | None = None):
    """The view laid out: a pygraphviz AGraph with every position set, ready to draw."""
    g, prog = _prepared(m, view, numbers)
    _quiet(lambda: g.layout(prog=prog))
    return g


def _prepared(m: Map, view: View, numbers: dict[str, int] | None = None):
    """The graph of a view and the Graphviz engine that lays it out: ``dot`` for one piece,
    ``nop2`` for the map composed group by group (whose positions are already set)."""
    sel = select(m, view)
    if view.kind == "map" and sel.cluster in ("chapter", "actor") and len(
            _groups(m, view, sel)) > 1:
        return _grid_layout(m, view, sel, numbers), "nop2"
    return _agraph(build_dot(m, view, sel, numbers).source), "dot"


def _grid_layout(m: Map, view: View, sel: Selection, numbers: dict[str, int] | None = None):
    """Each group laid out by dot on its own, set out in rows, relations between groups
    routed last (see the module docstring)."""
    nodes, edges = _items(m, view, sel, numbers)
    groups = _groups(m, view, sel)
    group = {n.id: n.group for n in nodes}
    gattrs = _graph_attrs(view, sel, len(nodes))
    node_defaults = dict(fontname=FONT, fontsize=str(BODY_PT), color="#333333",
                         margin="0.14,0.07")
    edge_defaults = dict(fontname=FONT, fontsize="12", arrowsize="0.9")

    # a wall-sized map gets a bigger header and chapter titles (292 claims: 1.7 times)
    scale = min(3.0, max(1.0, math.sqrt(len(sel.map.claims)) / 10))
    # 1. each group on its own
    sources: dict[str, str] = {}
    for key, title in groups:
        inner = [i for i, e in enumerate(edges)
                 if group.get(e.tail) == key and group.get(e.head) == key]
        members = [n.id for n in nodes if n.group == key]
        # many components (a big map's loose claims): packed in rows ("array"), 30 times
        # faster than fitted together like puzzle pieces ("graph"), a little less compact
        mode = "graph" if _components(members, [edges[i] for i in inner]) <= PACK_FIT_AT \
            else "array"
        g = graphviz.Digraph("group", engine="dot")
        g.attr(charset="UTF-8", **{**gattrs, "pack": "true", "packmode": mode})
        g.attr(label=f'<<B>{esc(_shorten(title, 80))}</B>>', fontsize=f"{20 * min(2, scale):.1f}")
        g.attr("node", **node_defaults)
        g.attr("edge", **edge_defaults)
        g.body.extend(n.line + "\n" for n in nodes if n.group == key)
        minlen = _stagger([edges[i] for i in inner])
        for i in inner:
            e = edges[i]
            extra = {"minlen": str(minlen[id(e)])} if id(e) in minlen else {}
            g.body.append(e.line(**extra, comment=str(i)) + "\n")
        sources[key] = g.source
    blocks = _layout_blocks(sources, len(nodes))
    # the header, measured as a node of its own; a wall-sized map gets a bigger one
    header = _header(m, sel, actor_colours(m), scale)
    head = graphviz.Digraph("header")
    head.attr(charset="UTF-8", fontname=FONT)
    head.node("legend--header", label=header, shape="plaintext", fontname=FONT, margin="0")
    hg = _agraph(head.source)
    _quiet(lambda: hg.layout(prog="dot"))
    hn = hg.get_node("legend--header")
    hw, hh = float(hn.attr["width"]) * 72, float(hn.attr["height"]) * 72

    # 2. the groups in rows, in order, to a 16:10 page
    gap = 48.0
    size = {}
    for key, b in blocks.items():
        x0, y0, x1, y1 = _bb(b["bb"])
        size[key] = (x1 - x0, y1 - y0)
    area = sum(w * h for w, h in size.values())
    width = max(max(w for w, _ in size.values()), hw, math.sqrt(area * 1.6) * 1.1)
    rows: list[list[str]] = [[]]
    x = 0.0
    for key, _ in groups:
        w = size[key][0]
        if rows[-1] and x + w > width:
            rows.append([])
            x = 0.0
        rows[-1].append(key)
        x += w + gap
    offset = {}
    top = -(hh + gap / 2)
    for row in rows:
        x = 0.0
        for key in row:
            offset[key] = (x, top - size[key][1])   # top-aligned; y grows upward
            x += size[key][0] + gap
        top -= max(size[k][1] for k in row) + gap

    # 3. one graph with every position fixed; edges between groups routed by neato -n2
    out = graphviz.Digraph("argmap")
    cross = [e for e in edges if not (group.get(e.tail) and group.get(e.tail) == group.get(e.head)
                                      and group.get(e.tail) != "\0between")]
    # between groups: gentle arcs (a router around every node falls back to straight lines
    # as soon as two nodes come near); straight lines for very many
    splines = "line" if len(cross) > LINE_ROUTING_AT else "curved"
    out.attr(charset="UTF-8", **{**gattrs, "splines": splines, "esep": "+2", "sep": "+4",
                                 "overlap": "true"})
    out.attr("node", **node_defaults)
    out.attr("edge", **edge_defaults)
    pos: dict[str, tuple[float, float]] = {}
    half: dict[str, tuple[float, float]] = {}   # half width and height, points
    boxes: list[tuple[float, float, float, float]] = []
    for key, title in groups:
        b = blocks[key]
        x0, y0, x1, y1 = _bb(b["bb"])
        dx, dy = offset[key][0] - x0, offset[key][1] - y0
        sub = graphviz.Digraph(f"cluster_{_slug(key)}")
        sub.attr(**_cluster_attrs(title, min(2, scale)))
        sub.attr(bb=f"{x0 + dx:.2f},{y0 + dy:.2f},{x1 + dx:.2f},{y1 + dy:.2f}",
                 lp=_shift(b["lp"], dx, dy), lwidth=b["lwidth"], lheight=b["lheight"])
        for n in nodes:
            if n.group != key:
                continue
            p0, w_in, h_in = b["nodes"][n.id]
            p = _shift(p0, dx, dy)
            x, y = (float(v) for v in p.split(","))
            pos[n.id] = (x, y)
            w, h = float(w_in) * 36, float(h_in) * 36
            half[n.id] = (w, h)
            boxes.append((x - w, y - h, x + w, y + h))
            sub.body.append(n.line + _alist({"pos": p, "width": w_in, "height": h_in}) + "\n")
        out.subgraph(sub)
        for i, attrs in b["edges"]:
            extra = {k: _shift(v, dx, dy) for k, v in attrs.items()}
            out.body.append(edges[i].line(**extra) + "\n")
    for n in nodes:
        if n.group == "\0between":   # the mid-point of a support between two groups
            tail, headn = _split_mid(n.id)
            x, y = _free_spot(pos[tail], pos[headn], boxes)
            pos[n.id] = (x, y)
            half[n.id] = (3.0, 3.0)
            out.body.append(n.line + _alist({"pos": f"{x:.2f},{y:.2f}"}) + "\n")
    out.node("legend--header", label=header, shape="plaintext",
             margin="0", pos=f"{hw / 2:.2f},{-hh / 2:.2f}", width=f"{hw / 72:.4f}",
             height=f"{hh / 72:.4f}")
    for e in cross:   # a shade lighter, so each group's own argument stands out
        extra = {"color": e.attrs["color"] + "B0"}
        if splines == "line":   # straight, from border to border: drawn here, not routed
            extra["pos"] = _straight(pos[e.tail], half[e.tail], pos[e.head], half[e.head],
                                     e.attrs)
        out.body.append(e.line(**extra) + "\n")
    right = max(max(offset[k][0] + size[k][0] for k in offset), hw)
    bottom = min(offset[k][1] for k in offset)
    out.attr(bb=f"0,{bottom:.2f},{right:.2f},0")
    return _agraph(out.source)   # every position set: "nop2" draws it as it stands


def _layout_block(source: str) -> dict:
    """Lay out one group with dot; return what composing needs (plain strings, so that
    a worker process can send it back)."""
    ag = _agraph(source)
    _quiet(lambda: ag.layout(prog="dot"))
    ga = ag.graph_attr
    out = {"bb": ga["bb"], "lp": ga.get("lp") or "0,0", "lwidth": ga.get("lwidth") or "0",
           "lheight": ga.get("lheight") or "0", "nodes": {}, "edges": []}
    for n in ag.nodes():
        out["nodes"][str(n)] = (n.attr["pos"], n.attr["width"], n.attr["height"])
    for e in ag.edges():
        out["edges"].append((int(e.attr["comment"]),
                             {k: e.attr[k] for k in ("pos", "lp", "xlp", "head_lp", "tail_lp")
                              if e.attr.get(k)}))
    return out


def _layout_blocks(sources: dict[str, str], n_nodes: int) -> dict[str, dict]:
    """Every group laid out; a big map's groups side by side on the machine's cores
    (separate processes: Graphviz is not thread-safe)."""
    workers = min(len(sources), os.cpu_count() or 1, 4)
    # forking is safe only from a single-threaded process (the CLI), not from the app
    if (n_nodes >= PARALLEL_AT and workers > 1 and sys.platform.startswith("linux")
            and threading.active_count() == 1):
        import concurrent.futures
        import multiprocessing
        try:
            with concurrent.futures.ProcessPoolExecutor(
                    workers, mp_context=multiprocessing.get_context("fork")) as pool:
                keys = list(sources)
                return dict(zip(keys, pool.map(_layout_block, [sources[k] for k in keys])))
        except (OSError, RuntimeError, concurrent.futures.process.BrokenProcessPool):
            pass   # no processes here: one after the other
    return {k: _layout_block(src) for k, src in sources.items()}


def _straight(a: tuple[float, float], ha: tuple[float, float], b: tuple[float, float],
              hb: tuple[float, float], attrs: dict) -> str:
    """A straight edge from the border of box a to the border of box b, as Graphviz
    writes an edge's position (a cubic B-spline, with its arrowhead tips ``s,`` and
    ``e,``).  Used for the many relations between groups of a very big map, where asking
    Graphviz to route each one costs more than the rest of the layout."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length

    def border(c, h, sign):   # where the ray from the centre leaves the box
        t = min(h[0] / abs(ux) if ux else math.inf, h[1] / abs(uy) if uy else math.inf)
        return c[0] + sign * ux * t, c[1] + sign * uy * t

    p0, p3 = border(a, ha, 1), border(b, hb, -1)
    arrow = 10 * float(attrs.get("arrowsize", 0.9))
    direction = attrs.get("dir", "forward")
    tail = direction in ("back", "both") and attrs.get("arrowtail", "none") != "none"
    head = direction in ("forward", "both") and attrs.get("arrowhead", "normal") != "none"
    start = (p0[0] + ux * arrow, p0[1] + uy * arrow) if tail else p0
    end = (p3[0] - ux * arrow, p3[1] - uy * arrow) if head else p3
    pts = [start, *((start[0] + (end[0] - start[0]) * k / 3,
                     start[1] + (end[1] - start[1]) * k / 3) for k in (1, 2)), end]
    out = [f"s,{p0[0]:.2f},{p0[1]:.2f}"] if tail else []
    out += [f"e,{p3[0]:.2f},{p3[1]:.2f}"] if head else []
    return " ".join(out + [f"{x:.2f},{y:.2f}" for x, y in pts])


def _components(nodes: list[str], edges: list[_Edge]) -> int:
    """How many pieces (weakly connected components) the nodes and edges make."""
    parent = {n: n for n in nodes}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for e in edges:
        a, b = root(e.tail), root(e.head)
        if a != b:
            parent[a] = b
    return len({root(n) for n in nodes})


def _stagger(edges: list[_Edge], many: int = 8) -> dict[int, int]:
    """Longer minimum lengths that fold a very wide rank (what Graphviz's ``unflatten``
    does for leaves): when more than ``many`` claims of a group only point at others (in
    ``dot``'s terms, sources), they all sit in one rank, side by side; spread over
    one more rank for each ``many`` of them (up to five), siblings apart, the group is
    that many times narrower.  The
    same for claims that are only pointed at (sinks).  Returns ``id(edge) -> minlen``."""
    ins: dict[str, list[_Edge]] = {}
    outs: dict[str, list[_Edge]] = {}
    for e in edges:
        outs.setdefault(e.tail, []).append(e)
        ins.setdefault(e.head, []).append(e)
    out: dict[int, int] = {}
    sources = sorted((n for n in outs if n not in ins and not n.startswith("link--")),
                     key=lambda n: (sorted(e.head for e in outs[n]), n))
    sinks = sorted((n for n in ins if n not in outs and not n.startswith("link--")),
                   key=lambda n: (sorted(e.tail for e in ins[n]), n))
    for nodes, edges_of in ((sources, outs), (sinks, ins)):
        levels = min(5, math.ceil(len(nodes) / many))
        if levels > 1:
            for i, n in enumerate(nodes):
                for e in edges_of[n]:
                    out[id(e)] = max(out.get(id(e), 1), 1 + i % levels)
    return out


def _free_spot(a: tuple[float, float], b: tuple[float, float], boxes: list) -> tuple[float, float]:
    """A point on the segment a-b, as near its middle as possible, clear of every box."""
    for t in (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82):
        x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        if not any(x0 - 6 < x < x1 + 6 and y0 - 6 < y < y1 + 6 for x0, y0, x1, y1 in boxes):
            return x, y
    return (a[0] + b[0]) / 2, (a[1] + b[1]) / 2


def _split_mid(mid: str) -> tuple[str, str]:
    """The two claims a ``link--A--B`` mid-point joins (ids hold single hyphens only)."""
    rest = mid[len("link--"):]
    i = rest.index("--")
    return rest[:i], rest[i + 2:]


# ------------------------------------------------------------------ render
def render(m: Map, view: View, fmt: str, dpi: int = 150,
           fit: tuple[float, float] | None = None,
           numbers: dict[str, int] | None = None) -> bytes:
    """Lay out and draw a view: ``fmt`` is svg, png, pdf or dot.

    ``fit`` (width, height in inches) shrinks the drawing to fit that box (a page);
    ``numbers`` (claim id -> number) prints each claim's number, as a handout lists them."""
    if fmt == "dot":
        return build_dot(m, view, numbers=numbers).source.encode("utf-8")
    if fmt not in ("svg", "png", "pdf"):
        raise ValueError(f"unknown diagram format {fmt!r}")
    g, prog = _prepared(m, view, numbers)
    if prog == "dot":   # the size is known only once laid out
        _quiet(lambda: g.layout(prog="dot"))
        prog = "nop2"
    x0, y0, x1, y1 = _bb(g.graph_attr["bb"])
    pad = 2 * float(g.graph_attr.get("pad") or 0.4)
    w_in, h_in = (x1 - x0) / 72 + pad, (y1 - y0) / 72 + pad
    k = 1.0
    if fit:
        k = min(k, fit[0] / w_in, fit[1] / h_in)
    if fmt == "png":
        g.graph_attr["dpi"] = str(dpi)
        pixels = w_in * h_in * dpi * dpi * k * k
        if pixels > MAX_PIXELS:
            k *= math.sqrt(MAX_PIXELS / pixels)
    if k < 1.0:
        g.graph_attr["size"] = f"{w_in * k:.3f},{h_in * k:.3f}"
    # one pass: Graphviz sizes every label each time it lays a graph out, so the composed
    # map is drawn straight from its positions, not laid out first and then drawn
    out = _quiet(lambda: g.draw(format=fmt, prog=prog))
    if fmt == "png":
        out = png_with_dpi(out, dpi)
    if fmt == "svg":
        out = out.replace(f'font-family="{FONT}"'.encode(),
                          f'font-family="{fonts.SVG_FAMILY}"'.encode())
    return out


def png_with_dpi(png: bytes, dpi: int) -> bytes:
    """The PNG with its resolution recorded (a pHYs chunk), which cairo leaves out: image
    programs and printers then print it at the intended size."""
    import struct
    import zlib
    sig, pos = png[:8], 8
    chunks = []
    while pos < len(png):
        n = struct.unpack(">I", png[pos:pos + 4])[0]
        chunks.append(png[pos:pos + 12 + n])
        pos += 12 + n
    ppm = round(dpi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", ppm, ppm, 1)
    phys = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    kept = [c for c in chunks if c[4:8] != b"pHYs"]
    return sig + kept[0] + phys + b"".join(kept[1:])   # right after IHDR


def _diagram(fmt: str, dpi: int = 150):
    def run(m: Map, view: View) -> bytes:
        return render(m, view, fmt, dpi)
    return run


register("svg", "svg", "image/svg+xml", "SVG diagram of the view (sharp at any size: projector, "
         "web page)", binary=True, diagram=True)(_diagram("svg"))
register("png", "png", "image/png", "PNG diagram of the view at 150 dpi (slides)",
         binary=True, diagram=True)(_diagram("png", 150))
register("png300", "png", "image/png", "PNG diagram of the view at 300 dpi (print)",
         binary=True, diagram=True)(_diagram("png", 300))
register("pdf", "pdf", "application/pdf", "PDF diagram of the view (vector, for handouts)",
         binary=True, diagram=True)(_diagram("pdf"))
register("dot", "dot", "text/vnd.graphviz", "Graphviz DOT source of the view (to restyle or "
         "lay out again with Graphviz)", diagram=True)(lambda m, view: build_dot(m, view).source)


def view_slug(m: Map, view: View) -> str:
    return select(m, view).slug


__all__ = ["KIND_STYLE", "RELATION_STYLE", "Selection", "actor_colours", "build_dot", "layout",
           "render", "select", "view_slug", "replace"]
