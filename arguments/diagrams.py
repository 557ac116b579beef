"""Diagrams of a view of the map: DOT built with ``graphviz``, drawn by pygraphviz.

Contract: :func:`select` cuts the claims and relations a :class:`View` shows
from the *whole* map (so an actor keeps his colour in every view);
:func:`build_dot` returns the DOT source, with a title, the source line and a
legend inside the picture; :func:`render` lays it out with the Graphviz engine
bundled in pygraphviz (no system Graphviz) and returns SVG, PNG or PDF bytes.
Node shape shows the claim kind, fill colour the actor (Paul Tol's
colour-blind-safe "light" scheme), edge colour, line and arrowhead the relation
kind.  Every label and tooltip is escaped for DOT, HTML-like labels and SVG.
In SVG each claim is a ``<g id="claim-ID" class="node claim ...">`` so a page
can catch clicks on it.  The diagram formats register themselves as exporters.
"""
from __future__ import annotations

import html
import re
import textwrap
from dataclasses import dataclass, replace

import graphviz

from . import fonts
from .analysis import fate, support_tree
from .compare import PERIOD_LABELS, period_of
from .exporters import View, register
from .graph import Filters, build_graph, filter_map, neighbourhood, submap
from .models import Map

fonts.ensure_fontconfig()
FONT = fonts.FAMILY

#: claim kind -> node attributes
KIND_STYLE: dict[str, dict[str, str]] = {
    "thesis": {"shape": "box", "style": "filled,bold", "peripheries": "2", "penwidth": "2"},
    "postulate": {"shape": "box", "style": "filled,bold", "penwidth": "2"},
    "position": {"shape": "box", "style": "filled,rounded"},
    "prediction": {"shape": "hexagon", "style": "filled"},
    "event": {"shape": "note", "style": "filled"},
    "interpretation": {"shape": "ellipse", "style": "filled"},
    "verdict": {"shape": "octagon", "style": "filled,bold", "penwidth": "2"},
}
KIND_LABEL = {"thesis": "thesis", "postulate": "postulate", "position": "position",
              "prediction": "prediction", "event": "event", "interpretation": "interpretation",
              "verdict": "verdict"}

#: relation kind -> edge attributes (colour, line and arrowheads all differ, so
#: the kinds stay apart in greyscale print and for colour-blind readers)
RELATION_STYLE: dict[str, dict[str, str]] = {
    "supports": {"color": "#228833", "style": "solid", "arrowhead": "normal", "penwidth": "1.6"},
    "attacks": {"color": "#CC3311", "style": "solid", "arrowhead": "tee", "penwidth": "1.6"},
    "undercuts": {"color": "#AA3377", "style": "dashed", "arrowhead": "tee", "penwidth": "1.6"},
    "contradicts": {"color": "#CC3311", "style": "bold", "dir": "both", "arrowhead": "tee",
                    "arrowtail": "tee", "penwidth": "2.4"},
    "agrees": {"color": "#0077BB", "style": "bold", "dir": "both", "arrowhead": "dot",
               "arrowtail": "dot", "penwidth": "2.4"},
    "adopts": {"color": "#0077BB", "style": "solid", "arrowhead": "empty", "penwidth": "1.6"},
    "revises": {"color": "#555555", "style": "dashed", "arrowhead": "vee", "penwidth": "1.4"},
    "elaborates": {"color": "#777777", "style": "dotted", "arrowhead": "open", "penwidth": "1.4"},
    "confirms": {"color": "#228833", "style": "dashed", "arrowhead": "diamond", "penwidth": "1.6"},
    "disconfirms": {"color": "#CC3311", "style": "dashed", "arrowhead": "odiamond",
                    "penwidth": "1.6"},
}

#: Paul Tol's "light" scheme (for fills under black text); the author first
PALETTE = ("#EEDD88", "#EE8866", "#77AADD", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33",
           "#AAAA00")
OTHER = "#DDDDDD"

#: kinds whose source is later than its target: drawn reversed so time runs downward
BACKWARD = frozenset({"adopts", "revises", "confirms", "disconfirms"})
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")
AUTO_CLUSTER_AT = 40   # nodes: group larger selections into clusters
MAX_LABEL = 220        # characters of a claim shown in its node (all of it in the tooltip)


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


# ------------------------------------------------------------------ DOT
def _node_label(m: Map, c, width: int, colour_badge: bool = False) -> str:
    head = KIND_LABEL[c.kind].upper()
    if c.kind == "postulate":
        head = f"POSTULATE {c.number}"
    bits = [head, _shorten(" ".join(m.actor_name(c.actor).split()), 40)]  # one short line
    if c.date:
        bits.append(c.date)
    header = esc(" \u00b7 ".join(bits))
    body = "<BR/>".join(esc(line) for line in wrap(c.text, width))
    return (f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
            f'<TR><TD><FONT POINT-SIZE="9" COLOR="#333333">{header}</FONT></TD></TR>'
            f"<TR><TD>{body}</TD></TR></TABLE>>")


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


def build_dot(m: Map, view: View, sel: Selection | None = None) -> graphviz.Digraph:
    """The DOT graph of a view of ``m`` (the whole map), ready to lay out."""
    sel = sel or select(m, view)
    colours = actor_colours(m)
    spacious = view.spacing == "spacious"
    width = 34 if spacious else 28
    g = graphviz.Digraph("argmap", engine="dot")
    g.attr(rankdir=sel.rankdir, newrank="true", compound="true", fontname=FONT,
           nodesep="0.45" if spacious else "0.25", ranksep="0.8" if spacious else "0.45",
           pad="0.3", labelloc="t", labeljust="l", bgcolor="white",
           outputorder="edgesfirst", charset="UTF-8", tooltip=attr(sel.title[:200]))
    g.attr(label=(f'<<FONT POINT-SIZE="24"><B>{esc(_shorten(sel.title, 140))}</B></FONT>'
                  f'<BR ALIGN="LEFT"/><FONT POINT-SIZE="13" COLOR="#444444">'
                  f'{esc(_source_line(m, sel.map))}</FONT><BR ALIGN="LEFT"/>>'))
    g.attr("node", fontname=FONT, fontsize="12", color="#333333", margin="0.12,0.06")
    g.attr("edge", fontname=FONT, fontsize="10", arrowsize="0.8")

    order = m.source.chapter_order
    groups: dict[str, list] = {}
    for c in sel.map.claims:
        key = c.chapter if sel.cluster == "chapter" else c.actor if sel.cluster == "actor" else ""
        groups.setdefault(key, []).append(c)
    if sel.cluster == "chapter":
        keys = sorted(groups, key=lambda k: order.get(k, 99))
    elif sel.cluster == "actor" and view.actors:
        keys = sorted(groups, key=lambda k: view.actors.index(k) if k in view.actors else 9)
    else:
        keys = list(groups)

    if sel.cluster == "actor" and view.kind == "compare":
        _rank_by_period(g, sel.map)  # period labels first: they form the left column
    for key in keys:
        target = g
        if key:
            name = f"cluster_{_slug(key)}"
            title = (f"{key}: {m.source.chapter_title(key)}" if sel.cluster == "chapter"
                     and key in order else m.actor_name(key))
            sub = graphviz.Digraph(name)
            sub.attr(label=f'<<B>{esc(_shorten(title, 80))}</B>>', fontsize="15",
                     style="rounded,filled", fillcolor="#F6F6F6", color="#BBBBBB",
                     labeljust="l", margin="14")
            target = sub
        for c in groups[key]:
            attrs = dict(KIND_STYLE[c.kind])
            attrs.update(fillcolor=colours.get(c.actor, OTHER),
                         id=f"claim-{c.id}", URL=f"#claim-{c.id}",
                         tooltip=attr(_shorten(c.text, 600)),
                         target="_self")
            attrs["class"] = f"claim kind-{c.kind} actor-{c.actor}"
            if view.claim == c.id:
                attrs.update(penwidth="4", color="#000000")
            target.node(c.id, label=_node_label(m, c, width), **attrs)
        if key:
            g.subgraph(target)

    timed = sel.cluster == "actor" and view.kind == "compare"
    split = {(r.reason, r.target) for r in sel.map.relations if r.kind == "undercuts"}
    for r in sel.map.relations:
        attrs = dict(RELATION_STYLE[r.kind])
        if view.edge_labels:
            attrs.update(label=esc(r.kind), fontcolor=attrs["color"])
        if timed:
            attrs["constraint"] = "false"
        if r.note:
            attrs["tooltip"] = attr(_shorten(f"{r.kind}: {r.note}", 400))
        else:
            attrs["tooltip"] = r.kind
        attrs["class"] = f"relation rel-{r.kind}"
        if r.kind == "supports" and (r.source, r.target) in split:
            mid = _mid(r.source, r.target)
            g.node(mid, label="", shape="point", width="0.07", color=attrs["color"])
            g.edge(r.source, mid, **{**attrs, "arrowhead": "none"})
            g.edge(mid, r.target, **attrs)
        elif r.kind == "undercuts":
            g.edge(r.source, _mid(r.reason, r.target), **attrs)
        elif r.kind in BACKWARD:
            # a later claim pointing at an earlier one: lay it out earlier-above-later
            attrs.update(dir="back", arrowtail=attrs.pop("arrowhead"), arrowhead="none")
            g.edge(r.target, r.source, **attrs)
        else:
            g.edge(r.source, r.target, **attrs)

    _legend(g, m, sel.map, colours)
    return g


def _mid(a: str, b: str) -> str:
    return f"link--{a}--{b}"


def _shorten(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def _rank_by_period(g: graphviz.Digraph, sel: Map) -> None:
    """Line the two actors' columns up by period (the compare view)."""
    by_period: dict[str, list[str]] = {}
    for c in sel.claims:
        if c.date:
            by_period.setdefault(period_of(c.year), []).append(c.id)
    anchors = []
    for p in PERIOD_LABELS:
        if p in by_period:
            anchor = f"period--{_slug(p)}"
            anchors.append(anchor)
            g.node(anchor, label=esc(p), shape="plaintext", fontsize="13", fontcolor="#555555")
            with g.subgraph() as same:
                same.attr(rank="same")
                same.node(anchor)
                for cid in by_period[p]:
                    same.node(cid)
    for a, b in zip(anchors, anchors[1:]):
        g.edge(a, b, style="invis")


def _legend(g: graphviz.Digraph, m: Map, sel: Map, colours: dict[str, str]) -> None:
    """A legend cluster: actors' colours, the claim kinds' shapes, the relations' lines."""
    kinds = [k for k in KIND_STYLE if any(c.kind == k for c in sel.claims)]
    rels = [k for k in RELATION_STYLE if any(r.kind == k for r in sel.relations)]
    actors = [a for a in m.actors if any(c.actor == a.id for c in sel.claims)]
    leg = graphviz.Digraph("cluster_legend")
    leg.attr(label="<<B>Legend</B>>", fontsize="14", style="rounded", color="#999999",
             labeljust="l", margin="10")
    rows = "".join(
        f'<TR><TD WIDTH="18" HEIGHT="12" BGCOLOR="{colours.get(a.id, OTHER)}" BORDER="1" '
        f'COLOR="#555555"></TD><TD ALIGN="LEFT">{esc(_shorten(a.name, 40))}</TD></TR>'
        for a in actors)
    leg.node("legend--actors", shape="plaintext", fontsize="11",
             label=f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2">'
                   f'<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Actors (fill)</B></TD></TR>{rows}</TABLE>>')
    rows_of_items: list[list[str]] = []
    kind_row = []
    for k in kinds:
        attrs = dict(KIND_STYLE[k])
        attrs.update(fillcolor="white", fontsize="10", margin="0.08,0.03")
        name = f"legend--kind-{k}"
        leg.node(name, label=esc(k), **attrs)
        kind_row.append(name)
    for i in range(0, len(kind_row), 4):
        rows_of_items.append(kind_row[i:i + 4])
    for i in range(0, len(rels), 3):
        row = []
        for k in rels[i:i + 3]:
            a, b = f"legend--rel-{k}-a", f"legend--rel-{k}-b"
            leg.node(a, label="", shape="point", width="0.05", color="#999999")
            leg.node(b, label=esc(k), shape="plaintext", fontsize="10")
            leg.edge(a, b, minlen="2", **RELATION_STYLE[k])
            row += [a, b]
        rows_of_items.append(row)
    prev = "legend--actors"
    for row in rows_of_items:
        with leg.subgraph() as same:
            same.attr(rank="same")
            for name in row:
                same.node(name)
        leg.edge(prev, row[0], style="invis")
        prev = row[0]
    g.subgraph(leg)


# ------------------------------------------------------------------ render
def render(m: Map, view: View, fmt: str, dpi: int = 150) -> bytes:
    """Lay out and draw a view: ``fmt`` is svg, png, pdf or dot."""
    dot = build_dot(m, view)
    if fmt == "dot":
        return dot.source.encode("utf-8")
    import pygraphviz
    if fmt == "png":
        dot.attr(dpi=str(dpi))
    agraph = pygraphviz.AGraph(string=dot.source)
    out = agraph.draw(format=fmt, prog="dot")
    if fmt == "svg":
        out = out.replace(f'font-family="{FONT}"'.encode(),
                          f'font-family="{fonts.SVG_FAMILY}"'.encode())
    return out


def _diagram(fmt: str, dpi: int = 150):
    def run(m: Map, view: View) -> bytes:
        return render(m, view, fmt, dpi)
    return run


register("svg", "svg", "image/svg+xml", "SVG diagram of the view (scales for a projector)",
         binary=True, diagram=True)(_diagram("svg"))
register("png", "png", "image/png", "PNG diagram of the view at 150 dpi",
         binary=True, diagram=True)(_diagram("png", 150))
register("png300", "png", "image/png", "PNG diagram of the view at 300 dpi (print)",
         binary=True, diagram=True)(_diagram("png", 300))
register("pdf", "pdf", "application/pdf", "PDF diagram of the view (vector, for handouts)",
         binary=True, diagram=True)(_diagram("pdf"))
register("dot", "dot", "text/vnd.graphviz", "Graphviz DOT source of the view",
         diagram=True)(lambda m, view: build_dot(m, view).source)


def view_slug(m: Map, view: View) -> str:
    return select(m, view).slug


__all__ = ["KIND_STYLE", "RELATION_STYLE", "Selection", "actor_colours", "build_dot", "render",
           "select", "view_slug", "replace"]
