"""The header inside every diagram: title, source line and legend.

Contract: :func:`header` returns one HTML-like label (title, "after: ..." and
the legend of what the view shows: actors by fill, claim kinds by shape,
relations by line), escaped; ``k`` scales it for wall-sized maps.
"""

from __future__ import annotations

import math

from ..models import Map
from ..text import shorten
from ..views import Selection
from .labels import esc, wrap
from .style import BODY_PT, KIND_STYLE, MARK, OTHER, RELATION_STYLE, SHAPE_WORD


def line_sample(style: dict, k: float = 1.0) -> str:
    """A relation's line as a legend cell: the line itself (colour, dash, weight) and marks
    for its arrowheads, so the legend reads the way the edges look (``k`` scales it)."""
    width = str(max(1, round(float(style.get("penwidth", "1.5")) * k)))
    dash = {"dashed": ' STYLE="dashed"', "dotted": ' STYLE="dotted"'}.get(style["style"], "")
    colour = style["color"]
    w, h = round(38 * k), round(8 * k)
    line = (
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
        f'<TR><TD WIDTH="{w}" HEIGHT="{h}" FIXEDSIZE="TRUE"></TD></TR>'
        f'<TR><TD WIDTH="{w}" HEIGHT="{h}" FIXEDSIZE="TRUE" SIDES="T" BORDER="{width}"{dash} '
        f'COLOR="{colour}"></TD></TR></TABLE>'
    )
    head = MARK.get(style.get("arrowhead", "normal"), "")
    tail = MARK.get(style.get("arrowtail", "none"), "") if style.get("dir") == "both" else ""

    def mark(g):
        return (
            f'<FONT COLOR="{colour}" POINT-SIZE="{15 * k:.1f}"><B>{esc(g)}</B></FONT>' if g else ""
        )

    return (
        f'<TD ALIGN="RIGHT" CELLPADDING="0">{mark(tail)}</TD><TD CELLPADDING="0">{line}</TD>'
        f'<TD ALIGN="LEFT" CELLPADDING="0">{mark(head)}</TD>'
    )


Section = tuple[str, int, list[str]]  # (heading, cells per item, the items' cells)
_GREY = ' COLOR="#444444"'


def _text(t: str, k: float, extra: str = "") -> str:
    return f'<FONT POINT-SIZE="{BODY_PT * k:.1f}"{extra}>{t}</FONT>'


def _who(m: Map, sel: Map, k: float) -> Section | None:
    """Actors by fill colour; past the palette's eight, the rest share grey."""
    shown = {a for c in sel.claims for a in c.actors}
    actors = [a for a in m.actors if a.id in shown]
    if not actors:
        return None

    def swatch(colour: str) -> str:
        return (
            f'<TD WIDTH="{round(24 * k)}" HEIGHT="{round(16 * k)}" '
            f'FIXEDSIZE="TRUE" BGCOLOR="{colour}" BORDER="1" COLOR="#555555"></TD>'
        )

    grey = [a for a in actors if m.colour_of(a.id) == OTHER]
    named = [a for a in actors if a not in grey] + (grey if len(grey) == 1 else [])
    items = [
        swatch(m.colour_of(a.id)) + f'<TD ALIGN="LEFT">{_text(esc(shorten(a.name, 40)), k)}</TD>'
        for a in named
    ]
    if len(grey) > 1:  # the palette's colours are few: the rest share grey, named on each claim
        items.append(
            swatch(OTHER) + f'<TD ALIGN="LEFT">{_text(f"{len(grey)} others", k)}'
            f"{_text(' (named on each claim)', k, _GREY)}</TD>"
        )
    return ("Who (fill)", 2, items)


def _what(sel: Map, k: float) -> Section | None:
    """Claim kinds by shape."""
    kinds = [kd for kd in KIND_STYLE if any(c.kind == kd for c in sel.claims)]
    return (
        (
            "What (shape)",
            2,
            [
                f'<TD ALIGN="LEFT">{_text(f"<B>{esc(kd)}</B>", k)}</TD><TD ALIGN="LEFT">'
                f"{_text(esc(SHAPE_WORD[kd]), k, _GREY)}</TD>"
                for kd in kinds
            ],
        )
        if kinds
        else None
    )


def _how(sel: Map, k: float) -> Section | None:
    """Relation kinds by line."""
    rels = [rk for rk in RELATION_STYLE if any(r.kind == rk for r in sel.relations)]
    return (
        (
            "How (line)",
            4,
            [
                line_sample(RELATION_STYLE[rk], k) + f'<TD ALIGN="LEFT">{_text(esc(rk), k)}</TD>'
                for rk in rels
            ],
        )
        if rels
        else None
    )


def legend(m: Map, sel: Map, k: float = 1.0) -> str:
    """The legend as one HTML-like table: who (fill), what (shape), how (line).

    One table, so the rows of the three sections line up; a long section runs on in a
    second column.  ``k`` scales it (a wall-sized map gets a legend one can read)."""
    sections = [s for s in (_who(m, sel, k), _what(sel, k), _how(sel, k)) if s]
    per_column = max(5, min(8, max((len(items) for _, _, items in sections), default=0)))
    laid = []  # (heading, width in cells, rows of cells)
    for heading, span, items in sections:
        cols = max(1, math.ceil(len(items) / per_column))
        n_rows = math.ceil(len(items) / cols)
        rows = []
        for r in range(n_rows):
            cells = [
                items[i] if (i := c * n_rows + r) < len(items) else f'<TD COLSPAN="{span}"></TD>'
                for c in range(cols)
            ]
            rows.append(f'<TD WIDTH="{round(12 * k)}"></TD>'.join(cells))
        laid.append((heading, cols * span + cols - 1, rows))
    gap = f'<TD WIDTH="{round(28 * k)}"></TD>'
    out = [
        "<TR>"
        + gap.join(
            f'<TD COLSPAN="{w}" ALIGN="LEFT"><FONT POINT-SIZE="{13 * k:.1f}" COLOR="#444444">'
            f"<B>{h}</B></FONT></TD>"
            for h, w, _ in laid
        )
        + "</TR>"
    ]
    for r in range(max((len(rows) for _, _, rows in laid), default=0)):
        out.append(
            "<TR>"
            + gap.join(
                rows[r] if r < len(rows) else f'<TD COLSPAN="{w}"></TD>' for _, w, rows in laid
            )
            + "</TR>"
        )
    return (
        f'<TABLE BORDER="1" COLOR="#BBBBBB" STYLE="rounded" CELLBORDER="0" '
        f'CELLSPACING="{round(2 * k)}" CELLPADDING="{round(3 * k)}">{"".join(out)}</TABLE>'
    )


def header(m: Map, sel: Selection, k: float = 1.0) -> str:
    """The title, the source line and the legend, as one HTML-like label (``k`` scales it)."""
    rows = [
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{30 * k:.1f}"><B>{esc(line)}</B></FONT></TD></TR>'
        for line in wrap(sel.title, 64, limit=300)[:3]
    ]
    if sel.part:  # a page of a paged view: which part of it this page shows
        rows.append(
            f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{22 * k:.1f}">'
            f"{esc(shorten(sel.part, 120))}</FONT></TD></TR>"
        )
    rows.append(
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{16 * k:.1f}" COLOR="#444444">'
        f"{esc(m.source_line(c.chapter for c in sel.map.claims))}</FONT></TD></TR>"
    )
    if sel.map.claims:
        rows.append(f'<TR><TD ALIGN="LEFT">{legend(m, sel.map, k)}</TD></TR>')
    return (
        f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="{round(2 * k)}" CELLPADDING="1">'
        f"{''.join(rows)}</TABLE>>"
    )
