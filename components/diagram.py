"""Diagrams on a page: the interactive SVG viewer, its download buttons, its cache.

Contract: :func:`show` draws a :class:`arguments.exporters.View` of the map as
SVG (laid out by :func:`arguments.render.render`, cached by map key and view
parameters) inside a components-v2 element with pan, zoom and fit; a click
on a claim selects it (``mode="select"``) or opens its detail page
(``mode="open"``) without reloading the page.  :func:`downloads` offers every
export that fits the view (:mod:`components.downloads`), made only when asked for.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from pathlib import Path

import streamlit as st

from arguments.graph import Filters
from arguments.models import Map
from arguments.render import render
from arguments.render.style import BODY_PT
from arguments.views import View, select

from . import source, state
from .downloads import exported, menu

_HERE = Path(__file__).resolve().parent
PANZOOM_VERSION = "9.4.4"  # components/vendor/panzoom (MIT): wheel, pinch, drag, keys
_VIEWER = st.components.v2.component(
    "argmap_svg_viewer",
    css=(_HERE / "svgview.css").read_text(encoding="utf-8"),
    # panzoom's UMD bundle sets window.panzoom; the viewer module uses it
    js=(_HERE / "vendor" / "panzoom" / "panzoom.min.js").read_text(encoding="utf-8")
    + "\n"
    + (_HERE / "svgview.js").read_text(encoding="utf-8"),
)
_SELECTION = st.components.v2.component(
    "argmap_svg_selection", js=(_HERE / "selection.js").read_text(encoding="utf-8")
)
_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TITLE = re.compile(r"<title>[^<]*</title>\n?")
_FONT = re.compile(r' font-family="[^"]*"')
_GEOMETRY = re.compile(r'( (?:points|d|x|y|cx|cy|rx|ry|transform)=")([^"]*)"')
_DECIMALS = re.compile(r"(\d\.\d)\d+")
_VIEWBOX = re.compile(r'viewBox="([-\d. ]+)"')
NATURAL = 96 / 72


# ------------------------------------------------------------------ view <-> plain tuple
def _freeze(value):
    if isinstance(value, Filters):
        return (
            "Filters",
            *tuple((f.name, _freeze(getattr(value, f.name))) for f in dataclasses.fields(value)),
        )
    if isinstance(value, (frozenset, set)):
        return tuple(sorted(value))
    if isinstance(value, list):
        return tuple(value)
    return value


def view_params(view: View) -> tuple:
    """A hashable, plain form of a View (cache keys), whatever fields View grows."""
    return tuple((f.name, _freeze(getattr(view, f.name))) for f in dataclasses.fields(view))


def view_from(params: tuple) -> View:
    kw = {}
    for name, value in params:
        if isinstance(value, tuple) and value[:1] == ("Filters",):
            value = Filters.make(
                **{
                    k: (list(v) if isinstance(v, tuple) and k != "years" else v)
                    for k, v in value[1:]
                }
            )
        kw[name] = value
    return View(**kw)


# ------------------------------------------------------------------ cached drawing
@st.cache_data(max_entries=256, show_spinner="Laying out the diagram…")
def drawn(map_key: str, params: tuple, _m: Map) -> dict:
    """The SVG of a view and facts about it; keyed on the map key and the view's params."""
    view = view_from(params)
    sel = select(_m, view)
    svg = render(_m, view, "svg").decode("utf-8")
    svg = compact(svg)
    box = _VIEWBOX.search(svg)
    w, h = (float(x) for x in box.group(1).split()[2:4]) if box else (800.0, 600.0)
    return {
        "svg": svg,
        "hash": hashlib.sha1(svg.encode()).hexdigest()[:16],
        "width": w,
        "height": h,
        "slug": sel.slug,
        "title": sel.title,
        "claims": [c.id for c in sel.map.claims],
        "relations": len(sel.map.relations),
    }


@st.cache_data(max_entries=256, show_spinner=False)
def outlined(map_key: str, params: tuple, _m: Map) -> str:
    """The text view (Markdown outline) of a view, grouped like its diagram."""
    from .outline import selection_outline

    view = view_from(params)
    sel = select(_m, view)
    group = sel.cluster if sel.cluster in ("chapter", "actor") else "chapter"
    return selection_outline(_m, sel.map, group, tuple(view.actors), dict(view.marks))


def compact(svg: str) -> str:
    """The SVG for the page: a third smaller, the same picture.

    Drops the XML prolog, comments and node titles (the viewer turns tooltips
    into titles itself), the per-text font-family (the viewer's CSS sets the
    same font list) and ``xml:space`` (CSS ``white-space: pre``), and rounds
    coordinates to a tenth of a point.  Claim texts are not touched.
    """
    svg = _COMMENT.sub("", _PROLOG.sub("", svg, count=1))
    svg = _TITLE.sub("", _FONT.sub("", svg)).replace(' xml:space="preserve"', "")
    return _GEOMETRY.sub(lambda mt: mt.group(1) + _DECIMALS.sub(r"\1", mt.group(2)) + '"', svg)


# ------------------------------------------------------------------ the viewer
def _on_click(key: str, mode: str) -> None:
    value = st.session_state.get(key) or {}
    cid = value.get("select") if hasattr(value, "get") else None
    if not cid:
        return
    if mode == "open":
        state.go("claim", cid)
    else:
        state.select(cid)


def show(
    m: Map,
    map_key: str,
    view: View,
    *,
    key: str,
    mode: str = "select",
    selected: str | None = None,
    max_height: int = 720,
    min_height: int = 220,
    label: str | None = None,
    shrink: bool = True,
    initial: str = "fit",
    centre: str | None = None,
) -> dict:
    """Draw ``view`` and return the facts of the drawing (slug, claims shown, ...).

    The diagram opens fitted to the width but never with body text under 11 px on
    screen; ``centre`` (by default a focus view's claim, else ``selected``) opens in the
    middle of the view."""
    info = drawn(map_key, view_params(view), m)
    natural = info["height"] * NATURAL + 8
    height = int(max(min_height, min(max_height, natural)))
    hint = "Drag to pan \u00b7 scroll to zoom \u00b7 Fit shows it all \u00b7 click a claim to " + (
        "select it" if mode == "select" else "open it"
    )
    _VIEWER(
        key=key,
        data={
            "id": key,
            "svg": info["svg"],
            "hash": info["hash"],
            "height": height,
            "hint": hint,
            "shrink": shrink,
            "minHeight": min_height,
            "initial": initial,
            "centre": centre or (view.claim if view.kind == "focus" else None),
            "bodyPt": BODY_PT,
            "fitWindow": initial == "readable",
            "label": label or f"Diagram: {info['title']}",
        },
        on_select_change=lambda: _on_click(key, mode),
    )
    # the selection in an element of its own: selecting a claim does not resend the SVG
    with st.container(key=f"amsel-{key}", height=1, border=False):
        _SELECTION(key=f"{key}-selection", data={"viewer": key, "selected": selected})
    return info


def downloads(m: Map, map_key: str, view: View, *, key: str, slug: str | None = None) -> None:
    """The view's download menu: every format that fits it (:mod:`components.downloads`)."""
    menu(
        m,
        view,
        key=key,
        slug=slug or drawn(map_key, view_params(view), m)["slug"],
        text=source.current().text,
    )


@st.cache_data(max_entries=32, show_spinner="Writing the handout…")
def handout_preview(map_key: str, params: tuple, _m: Map, options: tuple = ()) -> str:
    """The HTML handout of a view (the Handout page's preview), cached like the diagrams."""
    return exported(_m, view_from(params), "handout", **dict(options)).decode("utf-8")
