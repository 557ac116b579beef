"""How diagrams look: shapes, lines, colours, sizes and the graph's own attributes.

Contract: constants and attribute dicts only, derived from the vocabulary
(:mod:`arguments.kinds`: each claim kind's shape, each relation kind's line),
so that every view, the legend and the app's text legend agree.  Node shape
shows the claim kind, fill colour the actor (Paul Tol's colour-blind-safe
"light" scheme, :data:`arguments.kinds.PALETTE`), edge colour, line and
arrowhead the relation kind: the kinds stay apart in greyscale print and for
colour-blind readers.
"""

from __future__ import annotations

from .. import fonts
from ..kinds import CLAIMS, OTHER_COLOUR, RELATIONS

FONT = fonts.FAMILY
OTHER = OTHER_COLOUR

#: claim kind -> node attributes, and how the legend names the shape
KIND_STYLE: dict[str, dict[str, str]] = {k.name: dict(k.shape) for k in CLAIMS}
SHAPE_WORD: dict[str, str] = {k.name: k.shape_word for k in CLAIMS}
#: relation kind -> edge attributes
RELATION_STYLE: dict[str, dict[str, str]] = {k.name: dict(k.style) for k in RELATIONS}
#: an arrowhead as the legend draws it: a glyph Source Sans Pro has
MARK = {
    "normal": "\u25b6",
    "tee": "|",
    "empty": "\u25b7",
    "vee": ">",
    "open": "\u203a",
    "diamond": "\u25c6",
    "odiamond": "\u25ca",
    "dot": "\u2022",
    "none": "",
}

MAX_LABEL = 220  # characters of a claim shown in its node (all of it in the tooltip)
BODY_PT, HEAD_PT = 14, 10.5  # node text; readable from the back of a seminar room
#: a PNG is kept under this many pixels (the whole essay map at 300 dpi would be 1.5
#: billion; 40 million is 7,300 x 5,500, sharp on a 4K projector even zoomed in);
#: SVG and PDF are vector and need no limit
MAX_PIXELS = 40_000_000
#: above this many relations between groups, they are drawn straight (routing each
#: around every node costs more than the rest of the layout); below, as curves
LINE_ROUTING_AT = 600
#: the compare view puts at most this many claims of one actor side by side in a row
COMPARE_ROW = 4
#: a map of this many nodes lays its groups out in parallel processes (from the command
#: line): starting two workers by fork takes about 10 ms; a fresh export of the essay map
#: went from 0.63 to 0.59 s with it, one of 1,000 claims from 0.79 to 0.71 s
PARALLEL_AT = 200
#: a group of more pieces than this is packed in rows (see :mod:`.grid`)
PACK_FIT_AT = 40

NODE_DEFAULTS = {
    "fontname": FONT,
    "fontsize": str(BODY_PT),
    "color": "#333333",
    "margin": "0.14,0.07",
}
EDGE_DEFAULTS = {"fontname": FONT, "fontsize": "12", "arrowsize": "0.9"}


def graph_attrs(rankdir: str, spacious: bool, tooltip: str) -> dict[str, str]:
    """The attributes of a diagram's graph (``tooltip`` already escaped for DOT)."""
    return {
        "rankdir": rankdir,
        "fontname": FONT,
        "nodesep": "0.5" if spacious else "0.3",
        "ranksep": "0.9" if spacious else "0.5",
        "pad": "0.4",
        "bgcolor": "white",
        "outputorder": "edgesfirst",
        "labelloc": "t",
        "labeljust": "l",
        "tooltip": tooltip,
    }


def cluster_attrs(label: str, k: float = 1.0) -> dict[str, str]:
    """A group's box (``label``: an HTML-like label, already escaped)."""
    return {
        "label": label,
        "fontsize": f"{20 * k:.1f}",
        "fontname": FONT,
        "style": "rounded,filled",
        "fillcolor": "#F4F4F4",
        "color": "#BBBBBB",
        "labeljust": "l",
        "margin": "16",
    }
