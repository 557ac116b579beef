"""Sidebar controls: what to show (filters) and how to lay it out.

Contract: :func:`sidebar_filters` draws the filter widgets and returns an
:class:`arguments.graph.Filters`; :func:`sidebar_layout` draws focus and layout
controls and returns the :class:`arguments.views.View` they describe.
Widget values persist across pages (see :func:`keep`), so the Map and the
Timeline share one selection.  :func:`url_params` lists the URL parameters of
these values (``?actor=lenin&topic=war&years=1917-1921&focus=postulate-4&depth=2``,
see :mod:`components.urlstate`): a page restores them before drawing the widgets and
publishes them after, so a copied link restores the view and Back returns to the last.
"""

from __future__ import annotations

from typing import cast

import streamlit as st

from arguments.graph import Filters, used_actors
from arguments.kinds import CLAIM_KINDS, RELATION_KINDS
from arguments.models import Map
from arguments.views import View

from . import find, urlstate

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
)
DIRECTIONS = {"TB": "Top-down", "LR": "Left-right"}
SPACINGS = {"compact": "Compact", "spacious": "Spacious"}
CLUSTERS = {"auto": "Automatic", "chapter": "By chapter", "actor": "By actor", "none": "None"}
SEEN_MAP = "filters_map"  # the map the filters were last drawn for


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


def chapter_ids(m: Map) -> list[str]:
    return [c.id for c in m.source.chapters] or sorted({c.chapter for c in m.claims})


def url_params(
    m: Map, *, relations: bool = True, years: bool = True, layout: bool = False
) -> list[urlstate.Param]:
    """The URL parameters of the filters (and of focus and layout, with ``layout``)."""
    out = [
        urlstate.words(used_actors(m), "f_actors", "actor"),
        urlstate.words(CLAIM_KINDS, "f_kinds", "kind"),
        urlstate.words(m.topic_index, "f_topics", "topic"),
        urlstate.words(chapter_ids(m), "f_chapters", "chapter"),
        urlstate.flag("f_undated", "undated", True),
    ]
    if relations:
        out.append(urlstate.words(RELATION_KINDS, "f_relations", "relation"))
    if years:
        lo, hi = year_bounds(m)
        out.append(urlstate.span("f_years", "years", (lo, hi), lo, hi))
    if layout:
        out += [
            urlstate.choice(m.claim_index, "v_focus_claim", "focus", None),
            urlstate.choice((1, 2, 3), "v_depth", "depth", 1, int),
            urlstate.choice(DIRECTIONS, "v_direction", "direction", "TB"),
            urlstate.choice(SPACINGS, "v_spacing", "spacing", "compact"),
            urlstate.choice(CLUSTERS, "v_cluster", "group", "auto"),
            urlstate.flag("v_labels", "labels", False),
        ]
    return out


def restore(m: Map, page: str, params: list[urlstate.Param]) -> None:
    """The URL's view (or the session's, arriving from another page) into the widgets;
    focus is on exactly when the URL names a focus claim."""
    urlstate.restore(params, page)
    if any(p.key == "v_focus_claim" for p in params):
        if st.query_params.get("focus") in m.claim_index:
            st.session_state["v_focus"] = True
        elif any(p.name in st.query_params for p in params):
            st.session_state["v_focus"] = False


def publish(page: str, params: list[urlstate.Param]) -> None:
    focus = st.session_state.get("v_focus")
    urlstate.publish(
        params, page, {"v_focus_claim": st.session_state.get("v_focus_claim") if focus else None}
    )


def reset(m: Map) -> None:
    """Clear the filters (not the layout, nor other pages' choices).

    The defaults are assigned, not the keys deleted: after a deletion the browser
    still holds the old value and sends it back with the next rerun.
    """
    for k in ("f_actors", "f_kinds", "f_relations", "f_topics", "f_chapters"):
        st.session_state[k] = []
    st.session_state["f_years"] = year_bounds(m)
    st.session_state["f_undated"] = True


def sidebar_filters(
    m: Map, *, relations: bool = True, years_shown: bool = True, map_key: str | None = None
) -> Filters:
    """The filter widgets (in the sidebar); returns the Filters they describe.

    ``years_shown=False`` leaves out the year slider (a page with its own range control).
    When ``map_key`` names another map than the last run's (an upload replaced it), the
    filters start afresh: the old map's choices mean nothing in the new one.
    """
    sb = st.sidebar
    seen = st.session_state.get(SEEN_MAP)
    if map_key and seen and seen != map_key:
        reset(m)
        st.session_state["v_focus"] = False
    if map_key:
        st.session_state[SEEN_MAP] = map_key
    sb.subheader("Filters")
    actors = used_actors(m)
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
        chapter_ids(m),
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
    years = (lo, hi)
    if years_shown:
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


def sidebar_layout(m: Map, f: Filters, selected: str | None, map_key: str = "") -> View:
    """Focus and layout widgets (in the sidebar); returns the map View to draw.

    The focus claim is found with the app's search (:func:`components.find.claim_picker`):
    "postulate 4", an id, an actor or a topic picks the best match."""
    sb = st.sidebar
    sb.subheader("Focus")
    focus = sb.toggle(
        "Focus on one claim",
        key="v_focus",
        help="Show only a claim and the claims within a few relations of it.",
    )
    claim = depth = None
    if focus:
        current = st.session_state.get("v_focus_claim")
        if current not in m.claim_index:
            current = selected or m.claims[0].id
        claim = find.claim_picker(
            m,
            map_key or f"map:{id(m)}",
            key="v_focus_claim",
            label="Claim",
            current=current,
            on_pick=lambda cid: None,  # the picker's own key holds the focus claim
            where=sb,
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


def current_view(m: Map) -> View:
    """The Map page's view as the session holds it (filters, focus, layout), without
    drawing a widget: what "the current view" means on other pages."""
    ss = st.session_state
    lo, hi = year_bounds(m)
    years = tuple(ss.get("f_years", (lo, hi)))
    f = Filters.make(
        actors=[a for a in ss.get("f_actors", []) if a in m.actor_index],
        kinds=ss.get("f_kinds", []),
        relation_kinds=ss.get("f_relations", []),
        topics=[t for t in ss.get("f_topics", []) if t in m.topic_index],
        chapters=ss.get("f_chapters", []),
        years=None if years == (lo, hi) else years,
        include_undated=ss.get("f_undated", True),
    )
    focus = ss.get("v_focus") and ss.get("v_focus_claim") in m.claim_index
    cluster = ss.get("v_cluster", "auto")
    return View(
        kind="focus" if focus else "map",
        claim=ss.get("v_focus_claim") if focus else None,
        depth=ss.get("v_depth", 1) if focus else 1,
        filters=f,
        direction=ss.get("v_direction") or "TB",
        spacing=ss.get("v_spacing") or "compact",
        edge_labels=bool(ss.get("v_labels")),
        cluster=None if cluster == "auto" else cluster,
    )
