"""Sidebar controls: what to show (filters) and how to lay it out.

Contract: :func:`sidebar_filters` draws the filter widgets and returns an
:class:`arguments.graph.Filters`; :func:`sidebar_layout` draws focus and layout
controls and returns the :class:`arguments.views.View` they describe.
Widget values persist across pages (see :func:`keep`), so the Map and the
Timeline share one selection.
"""

from __future__ import annotations

from typing import cast

import streamlit as st

from arguments.graph import Filters, used_actors
from arguments.kinds import CLAIM_KINDS, RELATION_KINDS
from arguments.models import Map
from arguments.views import View

from .text import claim_label

YEARS = (1903, 1940)
KEYS = (
    "f_actors",
    "f_kinds",
    "f_relations",
    "f_topics",
    "f_chapters",
    "f_years",
    "f_undated",
    "v_focus",
    "v_focus_claim",
    "v_depth",
    "v_direction",
    "v_spacing",
    "v_labels",
    "v_cluster",
    "cmp_a",
    "cmp_b",
    "cmp_topic",
    "verdict_pick",
    "search_q",
)
DIRECTIONS = {"TB": "Top-down", "LR": "Left-right"}
SPACINGS = {"compact": "Compact", "spacious": "Spacious"}
CLUSTERS = {"auto": "Automatic", "chapter": "By chapter", "actor": "By actor", "none": "None"}


def keep() -> None:
    """Keep filter and layout values when a page without those widgets runs.

    Streamlit forgets a widget's value when a run does not draw it; writing the
    value back into session state makes it a plain value that survives.
    """
    for k in KEYS:
        if k in st.session_state:
            st.session_state[k] = st.session_state[k]


def year_bounds(m: Map) -> tuple[int, int]:
    years = [c.year for c in m.claims if c.year is not None]
    return (min([YEARS[0], *years]), max([YEARS[1], *years]))


def reset(m: Map) -> None:
    """Clear the filters (not the layout, nor other pages' choices).

    The defaults are assigned, not the keys deleted: after a deletion the browser
    still holds the old value and sends it back with the next rerun.
    """
    for k in ("f_actors", "f_kinds", "f_relations", "f_topics", "f_chapters"):
        st.session_state[k] = []
    st.session_state["f_years"] = year_bounds(m)
    st.session_state["f_undated"] = True


def sidebar_filters(m: Map, *, relations: bool = True) -> Filters:
    """The filter widgets (in the sidebar); returns the Filters they describe."""
    sb = st.sidebar
    sb.subheader("Filters")
    actors = used_actors(m)
    chapters = [c.id for c in m.source.chapters] or sorted({c.chapter for c in m.claims})
    sel_actors = sb.multiselect(
        "Actors", actors, key="f_actors", format_func=m.actor_name, placeholder="All actors"
    )
    kinds = sb.multiselect(
        "Claim kinds",
        [k for k in CLAIM_KINDS if any(c.kind == k for c in m.claims)],
        key="f_kinds",
        placeholder="All kinds",
    )
    rel_kinds = []
    if relations:
        rel_kinds = sb.multiselect(
            "Relation kinds",
            [k for k in RELATION_KINDS if any(r.kind == k for r in m.relations)],
            key="f_relations",
            placeholder="All relations",
        )
    topics = sb.multiselect(
        "Topics",
        [t.id for t in m.topics],
        key="f_topics",
        format_func=m.topic_label,
        placeholder="All topics",
    )
    chaps = sb.multiselect(
        "Chapters",
        chapters,
        key="f_chapters",
        format_func=lambda ch: f"{ch}: {m.source.chapter_title(ch)}",
        placeholder="All chapters",
    )
    lo, hi = year_bounds(m)
    if "f_years" in st.session_state:  # a map with other bounds may have replaced the old one
        a, b = st.session_state["f_years"]
        st.session_state["f_years"] = (max(lo, min(a, hi)), min(hi, max(b, lo)))
    st.session_state.setdefault("f_years", (lo, hi))
    st.session_state.setdefault("f_undated", True)
    # a (from, to) pair: the session holds a pair, so the slider is a range slider
    years = cast(tuple[int, int], sb.slider("Years", lo, hi, key="f_years"))
    undated = sb.checkbox(
        "Include undated author claims",
        key="f_undated",
        help="The author's own claims (thesis, verdicts, readings) "
        "have no date; untick to keep only dated claims.",
    )
    f = Filters.make(
        actors=sel_actors,
        kinds=kinds,
        relation_kinds=rel_kinds,
        topics=topics,
        chapters=chaps,
        years=None if tuple(years) == (lo, hi) else tuple(years),
        include_undated=undated,
    )
    if f.active:
        sb.button("Clear filters", key="f_clear", on_click=reset, args=(m,), width="stretch")
    return f


def sidebar_layout(m: Map, f: Filters, selected: str | None) -> View:
    """Focus and layout widgets (in the sidebar); returns the map View to draw."""
    sb = st.sidebar
    sb.subheader("Focus")
    focus = sb.toggle(
        "Focus on one claim",
        key="v_focus",
        help="Show only a claim and the claims within a few relations of it.",
    )
    claim = depth = None
    if focus:
        ids = [c.id for c in m.claims]
        if st.session_state.get("v_focus_claim") not in ids:
            st.session_state["v_focus_claim"] = selected or ids[0]
        claim = sb.selectbox(
            "Claim", ids, key="v_focus_claim", format_func=lambda c: claim_label(m, c, 70)
        )
        st.session_state.setdefault("v_depth", 1)
        depth = sb.slider("Depth (relations away)", 1, 3, key="v_depth")
    sb.subheader("Layout")
    st.session_state.setdefault("v_direction", "TB")
    st.session_state.setdefault("v_spacing", "compact")
    direction = (
        sb.segmented_control(
            "Direction", list(DIRECTIONS), format_func=DIRECTIONS.__getitem__, key="v_direction"
        )
        or "TB"
    )
    spacing = (
        sb.segmented_control(
            "Spacing", list(SPACINGS), format_func=SPACINGS.__getitem__, key="v_spacing"
        )
        or "compact"
    )
    cluster = sb.selectbox(
        "Group nodes",
        list(CLUSTERS),
        format_func=CLUSTERS.__getitem__,
        key="v_cluster",
        help="Automatic groups large selections by chapter.",
    )
    labels = sb.toggle("Edge labels", key="v_labels")
    return View(
        kind="focus" if focus else "map",
        claim=claim,
        depth=depth or 1,
        filters=f,
        direction=direction,
        spacing=spacing,
        edge_labels=labels,
        cluster=None if cluster == "auto" else cluster,
    )
