"""Text views of diagrams: everything a picture shows, as an outline and a legend.

Contract: :func:`selection_outline` renders the claims and relations of a cut
of the map (what :func:`arguments.views.select` chose) as a Markdown list
grouped like the diagram; :func:`tree_outline` renders an
:class:`arguments.analysis.trees.TreeNode`; :func:`legend` shows the colours, shapes
and line styles the diagrams use.  Map text is escaped.
"""

from __future__ import annotations

import html

import streamlit as st

from arguments.analysis.trees import TreeNode
from arguments.kinds import CLAIMS, OTHER_COLOUR, RELATIONS
from arguments.models import Map

from .claim import swatch
from .text import kind_label, md


def _line(m: Map, c) -> str:
    when = f", {c.date}" if c.date else ""
    return f"**{md(kind_label(c))}** \u00b7 {md(m.credited(c) + when)}: {md(c.text)}"


def selection_outline(
    m: Map,
    shown: Map,
    group: str = "chapter",
    order: tuple[str, ...] = (),
    marks: dict[str, str] | None = None,
) -> str:
    """Markdown: the shown claims grouped by chapter or actor, each with its relations;
    ``marks`` (claim id -> added, removed or changed, from a diff) prefixes marked claims."""
    marks = marks or {}
    if not shown.claims:
        return "_No claim matches the current filters._"
    by_id = shown.claim_index
    out_rel: dict[str, list] = {}
    for r in shown.relations:
        out_rel.setdefault(r.source, []).append(r)
    groups: dict[str, list] = {}
    for c in shown.claims:
        k = c.chapter if group == "chapter" else c.actor if group == "actor" else ""  # first actor
        groups.setdefault(k, []).append(c)
    if group == "chapter":
        keys = m.in_chapter_order(groups)
    elif group == "actor":
        keys = sorted(groups, key=lambda k: (order.index(k) if k in order else 99, m.actor_name(k)))
    else:
        keys = list(groups)
    lines = [f"{len(shown.claims)} claims, {len(shown.relations)} relations."]
    for k in keys:
        if group == "chapter":
            lines.append(f"\n**Chapter {md(k)}: {md(m.source.chapter_title(k))}**\n")
        elif group == "actor":
            lines.append(f"\n**{md(m.actor_name(k))}**\n")
        for c in sorted(groups[k], key=lambda c: c.sort_date):
            mark = f"**[{marks[c.id]}]** " if c.id in marks else ""
            lines.append(f"- {mark}{_line(m, c)}")
            for r in out_rel.get(c.id, []):
                t = by_id[r.target]
                when = f", {t.date}" if t.date else ""
                via = (
                    f" (its support from \u201c{md(by_id[r.reason].text)}\u201d)"
                    if r.reason and r.reason in by_id
                    else ""
                )
                lines.append(
                    f"    - _{md(r.kind)}_{via} \u2192 {md(m.credited(t) + when)}: {md(t.text)}"
                )
    return "\n".join(lines)


def tree_outline(m: Map, tree: TreeNode) -> str:
    """Markdown nested list of a support tree (the accessible view of the tree diagram)."""
    lines = []
    for depth, node in tree.walk():
        c = m.claim(node.claim)
        rel = f"_{md(node.relation)}_: " if node.relation else ""
        again = " _(shown above)_" if node.repeated else ""
        lines.append(f"{'    ' * depth}- {rel}{_line(m, c)}{again}")
    return "\n".join(lines)


def legend(m: Map, shown: Map | None = None) -> None:
    """Colours (actors), shapes (claim kinds) and lines (relation kinds), as in the diagrams."""
    shown = shown or m
    colours = m.actor_colours
    held = {a for c in shown.claims for a in c.actors}
    actors = [a for a in m.actors if a.id in held]
    kinds = [k for k in CLAIMS if any(c.kind == k.name for c in shown.claims)]
    rels = [k for k in RELATIONS if any(r.kind == k.name for r in shown.relations)]
    own = [a for a in actors if colours.get(a.id, OTHER_COLOUR) != OTHER_COLOUR]
    rest = [a for a in actors if colours.get(a.id, OTHER_COLOUR) == OTHER_COLOUR]
    rows = "".join(f"<li>{swatch(colours[a.id])}{html.escape(a.name)}</li>" for a in own)
    if rest:
        names = ", ".join(html.escape(a.name) for a in rest)
        rows += (
            f'<li title="{names}">{swatch(OTHER_COLOUR)}'
            f"{'Other actors' if own else 'Actors'} ({len(rest)})<br/>"
            f'<span style="font-size:.8rem;color:#666">{names}</span></li>'
        )
    shapes = "".join(
        f"<li><b>{html.escape(k.name)}</b>: {html.escape(k.shape_word)}</li>" for k in kinds
    )
    lines = "".join(
        f'<li><span style="display:inline-block;width:2.2em;border-top:3px '
        f"{_css_line(k.style)} {k.style['color']};vertical-align:middle;"
        f'margin-right:.4em"></span>{html.escape(k.name)}</li>'
        for k in rels
    )
    ul = 'style="list-style:none;padding-left:0;margin:.2rem 0 .6rem 0;font-size:.9rem"'
    st.html(
        f"<div><b>Actors</b> (fill colour)<ul {ul}>{rows}</ul>"
        f"<b>Claim kinds</b> (shape)<ul {ul}>{shapes}</ul>"
        f"<b>Relations</b> (line)<ul {ul}>{lines}</ul></div>"
    )


def _css_line(style: dict[str, str]) -> str:
    s = style.get("style", "solid")
    return "dashed" if "dashed" in s else "dotted" if "dotted" in s else "solid"
