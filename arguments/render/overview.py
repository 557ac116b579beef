"""The overview page of a paged map: its chapters and how many relations run between them.

Contract: :func:`overview` returns a laid-out pygraphviz graph (draw it with ``nop2``):
the map's title and source line, a line saying what the page shows, then one box per
chapter in reading order (its heading, its claims and the pages it takes) and one line
between two chapters labelled with the number of relations between them (either way).
Every piece of map text is escaped (:mod:`.labels`).
"""

from __future__ import annotations

import math

import graphviz
import pygraphviz

from ..models import Map
from ..text import shorten, slug
from ..views import Selection
from .gv import agraph, quiet
from .labels import attr, esc
from .style import FONT, graph_attrs


def _pages(span: tuple[int, int] | None) -> str:
    if span is None:
        return ""
    lo, hi = span
    return f"page {lo}" if lo == hi else f"pages {lo}\u2013{hi}"


def overview(m: Map, sel: Selection, pages: dict[str, tuple[int, int]]) -> pygraphviz.AGraph:
    """The chapters of ``sel`` as boxes (with the pages each takes, ``pages``: chapter ->
    first and last page), joined by the number of relations between them."""
    shown = sel.map
    chapters = m.in_chapter_order(c.chapter for c in shown.claims)
    chapter_of = {c.id: c.chapter for c in shown.claims}
    count = dict.fromkeys(chapters, 0)
    for c in shown.claims:
        count[c.chapter] += 1
    between: dict[tuple[str, str], int] = {}
    rank = {ch: i for i, ch in enumerate(chapters)}
    for r in shown.relations:
        a, b = chapter_of[r.source], chapter_of[r.target]
        if a != b:
            key = (a, b) if rank[a] < rank[b] else (b, a)
            between[key] = between.get(key, 0) + 1
    g = graphviz.Graph("overview", engine="neato")
    g.attr(
        charset="UTF-8", **{**graph_attrs("TB", True, attr(sel.title[:200])), "splines": "false"}
    )
    g.attr(label=_header(m, sel, len(shown.relations), sum(between.values())))
    g.attr("node", fontname=FONT, shape="box", style="rounded,filled", fillcolor="#F4F4F4")
    g.attr("node", color="#888888", margin="0.2,0.12")
    g.attr("edge", fontname=FONT, color="#888888", fontcolor="#222222", fontsize="24")
    # the chapters clockwise round a circle from the top, in reading order: every pair
    # has a straight line of its own, labelled where it does not cross the others' labels
    radius = max(2.5, 0.7 * len(chapters))  # inches
    for i, ch in enumerate(chapters):
        angle = math.pi / 2 - 2 * math.pi * i / len(chapters)
        where = _pages(pages.get(ch))
        where = f" \u00b7 {where}" if where else ""
        g.node(
            f"chapter-{slug(ch)}",
            label=f'<<FONT POINT-SIZE="28"><B>{esc(shorten(m.chapter_heading(ch), 40))}</B>'
            f'</FONT><BR/><FONT POINT-SIZE="24">{count[ch]} claims{where}</FONT>>',
            pos=f"{radius * 1.5 * math.cos(angle):.1f},{radius * math.sin(angle):.1f}!",
        )
    for (a, b), n in sorted(between.items(), key=lambda kv: (rank[kv[0][0]], rank[kv[0][1]])):
        g.edge(
            f"chapter-{slug(a)}",
            f"chapter-{slug(b)}",
            label=f"<<B>{n}</B>>",
            penwidth=f"{min(9.0, 1 + n / 3):.1f}",
        )
    ag = agraph(g.source)
    quiet(lambda: ag.layout(prog="neato"))  # every node pinned: the lines drawn
    return ag


def _header(m: Map, sel: Selection, relations: int, across: int) -> str:
    rows = [
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="30"><B>{esc(shorten(sel.title, 120))}</B>'
        "</FONT></TD></TR>",
        '<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="22">Overview: the chapters and the relations '
        "between them</FONT></TD></TR>",
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="16" COLOR="#444444">'
        f"{esc(m.source_line(c.chapter for c in sel.map.claims))}</FONT></TD></TR>",
        '<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="18" COLOR="#444444">Each box is a chapter, '
        "with its claims and the pages that show them;</FONT></TD></TR>",
        '<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="18" COLOR="#444444">a line between two '
        f"chapters is labelled with the number of relations between them ({across} of the "
        f"{relations} relations run between chapters).</FONT></TD></TR>",
    ]
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2">{"".join(rows)}</TABLE>>'
