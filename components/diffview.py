"""A diff on a page: as a list (added, removed, changed, field by field) and as a diagram.

Contract: :func:`listing` renders a :class:`~arguments.analysis.diff.MapDiff` as Markdown
lists per section (claims, relations, actors, topics, and the source), every map text
escaped; :func:`diagram` draws the newer map with the removed claims put back, each added,
removed and changed claim outlined in its colour (green, red dashed, orange), with a text
view that marks the same claims in words (on a big map, by default, only the changed claims
and their neighbours); :func:`legend` says which colour is which.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import streamlit as st
from pydantic import ValidationError

from arguments.analysis.diff import SECTIONS, MapDiff, item_id, marks, union
from arguments.graph import build_graph, neighbourhood, submap
from arguments.models import Map
from arguments.views import View

from . import diagram as diagrams
from .text import code, md, short

_WHAT = {"claims": "Claims", "relations": "Relations", "actors": "Actors", "topics": "Topics"}
COLOURS = {"added": "#009988", "removed": "#CC3311", "changed": "#EE7733"}
#: above this many claims the diagram shows only what changed and its neighbours (a toggle)
AROUND_AT = 40


def _value(v: Any) -> str:
    if v is None:
        return "_(none)_"
    text = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
    return f"\u201c{md(short(text, 300))}\u201d"


def _gist(section: str, item: dict[str, Any]) -> str:
    text = {
        "claims": item.get("text"),
        "actors": item.get("name"),
        "topics": item.get("label"),
        "relations": item.get("note"),
    }[section]
    return f": {md(short(str(text), 200))}" if text else ""


def summary(d: MapDiff) -> str:
    parts = []
    for name in SECTIONS:
        c = d.counts()[name]
        if any(c.values()):
            parts.append(
                f"{_WHAT[name].lower()}: {c['added']} added, {c['removed']} removed, "
                f"{c['changed']} changed"
            )
    if d.source:
        parts.append("the source changed")
    return "; ".join(parts) if parts else "no differences"


def listing(d: MapDiff, *, key: str) -> None:
    """The diff as lists, section by section."""
    if d.empty:
        st.success("No differences.", icon=":material/check:")
        return
    st.markdown(f"**{md(summary(d))}**")
    if d.source:
        lines = [
            f"- ~ **{md(k)}**: {_value(o)} \u2192 {_value(n)}" for k, (o, n) in d.source.items()
        ]
        st.markdown("**Source**\n\n" + "\n".join(lines))
    for name in SECTIONS:
        s = d.section(name)
        if not s:
            continue
        lines = [f"- :green[**+ added**] {code(item_id(name, i))}{_gist(name, i)}" for i in s.added]
        lines += [
            f"- :red[**\u2212 removed**] {code(item_id(name, i))}{_gist(name, i)}"
            for i in s.removed
        ]
        for ch in s.changed:
            lines.append(f"- :orange[**~ changed**] {code(ch.id)}")
            lines += [
                f"    - {md(field)}: {_value(o)} \u2192 {_value(n)}"
                for field, (o, n) in ch.fields.items()
            ]
        with st.container(key=f"{key}-{name}"):
            st.markdown(f"**{_WHAT[name]}**\n\n" + "\n".join(lines))


def legend() -> None:
    st.html(
        '<div style="font-size:.9rem">'
        + " \u00b7 ".join(
            f'<span style="display:inline-block;width:1.6em;height:.9em;border:3px '
            f"{'dashed' if k == 'removed' else 'solid'} {c};vertical-align:middle;"
            f'margin-right:.3em"></span>{k}'
            for k, c in COLOURS.items()
        )
        + "</div>"
    )


def _union_map(old: dict[str, Any], new: dict[str, Any]) -> Map | None:
    for data in (union(old, new), new):
        try:
            return Map.model_validate(data) if data.get("claims") else None
        except ValidationError:
            continue
    return None


def diagram(old: dict[str, Any], new: dict[str, Any], d: MapDiff, *, key: str) -> None:
    """The newer map (with the removed claims put back), the changes outlined in colour."""
    m = _union_map(old, new)
    if m is None:
        st.info("Neither map has claims to draw.", icon=":material/info:")
        return
    marked = tuple(sorted((c, k) for c, k in marks(d).items() if c in m.claim_index))
    only = False
    if marked and len(m.claims) > AROUND_AT:
        only = st.toggle(
            "Only the changed claims and their neighbours",
            value=True,
            key=f"{key}-only",
            help="A big map's few changes are lost in the whole; off: the whole map",
        )
    if only:
        g = build_graph(m)
        keep: set[str] = set()
        for cid, _ in marked:
            keep |= neighbourhood(g, cid, 1)
        m = submap(m, keep)
    digest = hashlib.sha256(
        json.dumps([old, new, only], sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()[:24]
    map_key = f"diff:{digest}"
    view = View(marks=marked)
    legend()
    tab_d, tab_t = st.tabs(["Diagram", "Text view"], key=f"{key}-tabs", on_change="rerun")
    with tab_d:
        diagrams.show(m, map_key, view, key=f"{key}-view", min_height=360, max_height=800)
    with tab_t:
        if tab_t.open:
            st.markdown(diagrams.outlined(map_key, diagrams.view_params(view), m))
