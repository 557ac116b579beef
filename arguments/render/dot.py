"""The DOT source of a view: its nodes, edges, groups and header.

Contract: :func:`build_dot` returns the DOT graph of a view of the *whole*
map ``m`` (so that an actor keeps his colour in every view), ready to lay
out with ``dot``; :func:`items` gives the nodes and edges as data
(:class:`Node`, :class:`Edge`), which :mod:`.grid` lays out group by group
for a big map.  Every label and tooltip is escaped (:mod:`.labels`).  In SVG
each claim is a ``<g id="claim-ID" class="node claim ...">`` so that a page
can catch clicks on it.  Relations that point back in time
(:data:`arguments.kinds.BACKWARD`) are drawn reversed, so time runs downward.
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass, field
from typing import Any

import graphviz

from ..analysis.periods import PERIOD_LABELS, period_of
from ..kinds import RELATION
from ..models import ClaimT, Map
from ..text import shorten, slug
from ..views import Selection, View, select
from .labels import attr, esc, group_title, node_label
from .legend import header
from .style import (
    COMPARE_ROW,
    EDGE_DEFAULTS,
    KIND_STYLE,
    NODE_DEFAULTS,
    RELATION_STYLE,
    cluster_attrs,
    graph_attrs,
)

#: the group of the mid-point of a support that runs between two groups
BETWEEN = "\0between"


@dataclass
class Node:
    id: str
    attrs: dict
    group: str = ""  # the cluster it belongs to ("" = none)

    @property
    def line(self) -> str:
        """The node's DOT statement (quoted once: a 5,000-claim map is written twice)."""
        if not hasattr(self, "_line"):
            self._line = f"\t{_quote(self.id)}{alist(self.attrs)}"
        return self._line


@dataclass
class Edge:
    tail: str
    head: str
    attrs: dict = field(default_factory=dict)

    def line(self, **extra) -> str:
        """The edge's DOT statement; ``extra`` attributes are added after (and win)."""
        if not hasattr(self, "_line"):
            self._line = f"\t{_quote(self.tail)} -> {_quote(self.head)}{alist(self.attrs)}"
        return self._line + (alist(extra) if extra else "")


_gv_quote = getattr(graphviz.quoting.quote, "__wrapped__", graphviz.quoting.quote)
_ID = graphviz.quoting.ID.match
_KEYWORDS = graphviz.quoting.KEYWORDS


def _quote(text: str) -> str:
    """graphviz's quoting rule, the same output (a test compares them), without its
    whole-string regular expressions where they cannot change it (a final backslash,
    which it warns of, and HTML-like labels go through it): called 100,000 times for a
    map of 5,000 claims."""
    if text[:1] == "<" or text[-1:] == "\\":
        return str(_gv_quote(text))  # an HTML label, or a final backslash (a warning)
    if _ID(text) and text.lower() not in _KEYWORDS:
        return text
    return f'"{graphviz.quoting.ESCAPE_UNESCAPED_QUOTES(text)}"' if '"' in text else f'"{text}"'


@functools.lru_cache(maxsize=4096)
def _kv(key: str, value: str, html_ok: bool) -> str:
    v = value if html_ok else graphviz.nohtml(value)
    return f"{_quote(key)}={_quote(v)}"


def alist(attrs: dict) -> str:
    """`` [k=v ...]``, quoted as the graphviz package does; the many repeated pairs
    (shapes, colours, styles) quoted once."""
    parts = []
    for k, v in attrs.items():
        plain = isinstance(v, graphviz.quoting.NoHtml)  # never read as an HTML label
        v = v if isinstance(v, str) else str(v)
        if len(v) > 40:  # labels and tooltips: each its own
            parts.append(f"{_quote(k)}={_quote(v)}")
        else:
            parts.append(_kv(k, str.__str__(v), not plain))
    return f" [{' '.join(parts)}]" if parts else ""


def groups(m: Map, view: View, sel: Selection) -> list[tuple[str, str]]:
    """The clusters of a view in display order: (key, title)."""
    if sel.cluster == "chapter":
        keys = m.in_chapter_order(c.chapter for c in sel.map.claims)
        return [(k, m.chapter_heading(k)) for k in keys]
    if sel.cluster == "actor":
        count: dict[str, int] = {}
        for c in sel.map.claims:
            count[c.actor] = count.get(c.actor, 0) + 1
        keys = sorted(
            count, key=lambda a: (view.actors.index(a) if a in view.actors else 9, -count[a], a)
        )
        return [(k, m.actor_name(k)) for k in keys]
    return []


class _Label:
    """A claim's label written when first read as text (:func:`node_label`)."""

    __slots__ = ("args",)

    def __init__(self, *args: Any) -> None:
        self.args = args

    def __str__(self) -> str:
        return node_label(*self.args)


def items(
    m: Map,
    view: View,
    sel: Selection,
    numbers: dict[str, int] | None = None,
    lazy_labels: bool = False,
) -> tuple[list[Node], list[Edge]]:
    """Every node and edge of a view, with its attributes and its group; each claim's
    label written only when its node's DOT text is (``lazy_labels``: where its group is
    laid out, see :func:`~.grid.grid_svg`)."""
    width = 34 if view.spacing == "spacious" else 30
    key_of = (
        (lambda c: c.chapter)
        if sel.cluster == "chapter"
        else (lambda c: c.actor)
        if sel.cluster == "actor"
        else (lambda c: "")
    )
    nodes = []
    marked = dict(view.marks)
    for c in sel.map.claims:
        a: dict[str, Any] = dict(KIND_STYLE[c.kind])  # the label may be a _Label
        a.update(
            label=(_Label if lazy_labels else node_label)(m, c, width, (numbers or {}).get(c.id)),
            fillcolor=fill(m, c),
            id=f"claim-{c.id}",
            URL=f"#claim-{c.id}",
            tooltip=attr(shorten(c.text, 600, collapse=False)),
            target="_self",
        )
        a["class"] = f"claim kind-{c.kind} " + " ".join(f"actor-{x}" for x in c.actors)
        if c.joint and a["shape"] in STRIPED:  # each actor's colour, side by side
            # stripes fill the box themselves; "filled" with a list of colours would also
            # ask for a gradient, which warns on every drawing for three colours or more
            styles = [x for x in a["style"].split(",") if x != "filled"]
            a["style"] = ",".join([*styles, "striped"])
        if view.claim == c.id:
            a.update(penwidth="5", color="#000000")
        mark = marked.get(c.id)
        if mark is not None:  # a diff's mark: the outline's colour and dash say which
            a.update(DIFF_STYLE[mark])
            if mark == "removed":
                a["style"] = a["style"].replace(",bold", "") + ",dashed"
            a["class"] += f" diff-{mark}"
            a["tooltip"] = attr(f"{mark}: " + shorten(c.text, 590, collapse=False))
        nodes.append(Node(c.id, a, key_of(c)))
    group = {n.id: n.group for n in nodes}
    timed = sel.cluster == "actor" and view.kind == "compare"
    # the links an undercut attacks: drawn through a mid-point it can point at
    split = {(r.reason, r.target) for r in sel.map.relations if RELATION[r.kind].needs_reason}
    edges = []
    for r in sel.map.relations:
        kind = RELATION[r.kind]
        a = dict(RELATION_STYLE[r.kind])
        if view.edge_labels:
            a.update(label=esc(r.kind), fontcolor=a["color"])
        if timed:
            a["constraint"] = "false"
        a["tooltip"] = (
            attr(shorten(f"{r.kind}: {r.note}", 400, collapse=False)) if r.note else r.kind
        )
        a["class"] = f"relation rel-{r.kind}"
        if kind.needs_reason:
            edges.append(Edge(r.source, mid_point(r.reason or "", r.target), a))
            continue
        if kind.backward:
            # a later claim pointing at an earlier one: laid out earlier-above-later
            a.update(dir="back", arrowtail=a.pop("arrowhead"), arrowhead="none")
            tail, head = r.target, r.source
        else:
            tail, head = r.source, r.target
        undercut = next(
            (
                k
                for k in ((r.source, r.target), (r.target, r.source))
                if k in split and (k == (r.source, r.target) or kind.symmetric)
            ),
            None,
        )
        if undercut is None:
            edges.append(Edge(tail, head, a))
            continue
        mid = mid_point(*undercut)
        same = group[tail] if group[tail] == group[head] else None
        nodes.append(
            Node(
                mid,
                {
                    "label": "",
                    "shape": "point",
                    "width": "0.08",
                    "color": a["color"],
                    "tooltip": a["tooltip"],
                },
                same if same is not None else BETWEEN,
            )
        )
        # the line runs on through the point; each half keeps the arrow at its own end
        edges.append(Edge(tail, mid, {**a, "arrowhead": "none"}))
        edges.append(Edge(mid, head, {**a, "arrowtail": "none"}))
    return nodes, edges


#: the outline of a claim a diff marks: added, removed or changed (Tol's vibrant scheme)
DIFF_STYLE = {
    "added": {"color": "#009988", "penwidth": "5"},
    "removed": {"color": "#CC3311", "penwidth": "5"},
    "changed": {"color": "#EE7733", "penwidth": "5"},
}

#: shapes Graphviz fills in stripes (one per colour of a joint claim's actors); other
#: shapes take a gradient across the same colours
STRIPED = frozenset({"box", "rect", "rectangle", "square"})


def fill(m: Map, c: ClaimT) -> str:
    """A claim's fill: its actor's colour, or each of a joint claim's actors' in turn."""
    if not c.joint:
        return m.colour_of(c.actor)
    share = 1 / len(c.actors)
    return ":".join(f"{m.colour_of(a)};{share:.2f}" for a in c.actors)


def mid_point(a: str, b: str) -> str:
    """The id of the point on a support from ``a`` to ``b`` where an undercut meets it."""
    return f"link--{a}--{b}"


def split_mid(mid: str) -> tuple[str, str]:
    """The two claims a ``link--A--B`` mid-point joins (ids hold single hyphens only)."""
    rest = mid[len("link--") :]
    i = rest.index("--")
    return rest[:i], rest[i + 2 :]


def view_graph_attrs(view: View, sel: Selection) -> dict[str, str]:
    return graph_attrs(sel.rankdir, view.spacing == "spacious", attr(sel.title[:200]))


def build_dot(
    m: Map, view: View, sel: Selection | None = None, numbers: dict[str, int] | None = None
) -> graphviz.Digraph:
    """The DOT graph of a view of ``m`` (the whole map), ready to lay out with ``dot``.

    ``numbers`` (claim id -> number) prints a number on each claim, as a handout lists them."""
    sel = sel or select(m, view)
    nodes, edges = items(m, view, sel, numbers)
    g = graphviz.Digraph("argmap", engine="dot")
    g.attr(charset="UTF-8", **view_graph_attrs(view, sel))
    g.attr(label=header(m, sel))
    g.attr("node", **NODE_DEFAULTS)
    g.attr("edge", **EDGE_DEFAULTS)
    compare = sel.cluster == "actor" and view.kind == "compare"
    if compare:
        g.attr(newrank="true")  # rank=same across the two actors' clusters
        rank_by_period(g, sel.map, view.actors)  # period labels first: the left column
    titles = dict(groups(m, view, sel))
    for key in [*titles, ""]:
        members = [n for n in nodes if n.group == key or (key == "" and n.group not in titles)]
        if not members:
            continue
        if key:
            sub = graphviz.Digraph(f"cluster_{slug(key)}")
            sub.attr(**cluster_attrs(group_title(titles[key])))
        else:
            sub = g
        sub.body.extend(n.line + "\n" for n in members)
        if key:
            g.subgraph(sub)
    minlen = {} if compare else stagger(edges)
    for e in edges:
        extra = {"minlen": str(minlen[id(e)])} if id(e) in minlen else {}
        g.body.append(e.line(**extra) + "\n")
    return g


def rank_by_period(
    g: graphviz.Digraph, sel: Map, actors: tuple[str, ...] = (), per_row: int = COMPARE_ROW
) -> None:
    """Line the two actors' columns up by period (the compare view).

    Each period is a band of rows; an actor's claims of that period fill its rows, at
    most ``per_row`` to a row, oldest first, so that an actor with forty claims in one
    period makes a column ten rows deep, not a row forty claims wide.  A period label
    in the left column starts each band; bands follow each other down the page."""
    cells: dict[tuple[str, str], list] = {}
    for c in sorted(sel.claims, key=lambda c: c.sort_date):
        if c.date:
            cells.setdefault((period_of(c.year), c.actor), []).append(c.id)
    anchors = []
    for p in PERIOD_LABELS:
        order = {a: i for i, a in enumerate(actors)}
        columns = [
            ids
            for (period, a), ids in sorted(cells.items(), key=lambda kv: order.get(kv[0][1], 9))
            if period == p
        ]
        if not columns:
            continue
        depth = max(math.ceil(len(ids) / per_row) for ids in columns)
        for row in range(depth):
            anchor = f"period--{slug(p)}" + (f"--{row}" if row else "")
            anchors.append(anchor)
            if row == 0:
                g.node(
                    anchor,
                    label=f"<<B>{esc(p)}</B>>",
                    shape="plaintext",
                    fontsize="18",
                    fontcolor="#555555",
                )
            else:
                g.node(anchor, label="", shape="point", style="invis", width="0.01")
            with g.subgraph() as same:
                same.attr(rank="same")
                same.node(anchor)
                for ids in columns:
                    for cid in ids[row * per_row : (row + 1) * per_row]:
                        same.node(cid)
            # the label, then the first actor's column, then the second's: left to right
            firsts = [anchor] + [ids[row * per_row] for ids in columns if len(ids) > row * per_row]
            for a, b in itertools.pairwise(firsts):
                g.edge(a, b, style="invis")
    for a, b in itertools.pairwise(anchors):
        g.edge(a, b, style="invis", weight="10")


def stagger(edges: list[Edge], many: int = 8) -> dict[int, int]:
    """Longer minimum lengths that fold a very wide rank (what Graphviz's ``unflatten``
    does for leaves): when more than ``many`` claims of a group only point at others (in
    ``dot``'s terms, sources), they all sit in one rank, side by side; spread over
    one more rank for each ``many`` of them (up to five), siblings apart, the group is
    that many times narrower.  The
    same for claims that are only pointed at (sinks).  Returns ``id(edge) -> minlen``."""
    ins: dict[str, list[Edge]] = {}
    outs: dict[str, list[Edge]] = {}
    for e in edges:
        outs.setdefault(e.tail, []).append(e)
        ins.setdefault(e.head, []).append(e)
    out: dict[int, int] = {}
    sources = sorted(
        (n for n in outs if n not in ins and not n.startswith("link--")),
        key=lambda n: (sorted(e.head for e in outs[n]), n),
    )
    sinks = sorted(
        (n for n in ins if n not in outs and not n.startswith("link--")),
        key=lambda n: (sorted(e.tail for e in ins[n]), n),
    )
    for nodes, edges_of in ((sources, outs), (sinks, ins)):
        levels = min(5, math.ceil(len(nodes) / many))
        if levels > 1:
            for i, n in enumerate(nodes):
                for e in edges_of[n]:
                    out[id(e)] = max(out.get(id(e), 1), 1 + i % levels)
    return out
