"""View state in the URL: a copied link restores the view, Back returns to the last one.

Contract: a page lists its view's :class:`Param` records (the widget's session key, the
URL's name, the default, how to write and read the value), calls :func:`restore` before
drawing the widgets and :func:`publish` after.  ``restore`` takes the view from the URL
when the URL names any of it (a shared link, or Back, forward); when it names none and
the reader has just come from another page (the menu clears the query string), the
session's view stays and is written back into the URL; on the same page, an URL without
the view's parameters is the default view (Back to where it began).  ``publish`` writes
the values that differ from their defaults, in a fixed order, so each change of view is
one entry in the browser's history.  Map ids are slugs, so lists are comma-separated.

(Streamlit's ``bind="query-params"`` does this for one widget on one page; the filters
are shared by the Map and the Timeline, whose bound values do not cross pages.)
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

import streamlit as st

LAST_PAGE = "url_last_page"
PUBLISHED = "url_published_"  # + page: what the page last wrote into the URL


@dataclass(frozen=True)
class Param:
    key: str  # the widget's session-state key
    name: str  # the URL's parameter
    default: Any
    write: Callable[[Any], str]
    read: Callable[[str], Any]  # raises ValueError (or returns None) for an invalid value


def words(valid: Collection[str], key: str, name: str) -> Param:
    """A list of ids (a multiselect), ``a,b,c``; unknown ids are dropped."""

    def read(text: str) -> list[str]:
        return [v for v in text.split(",") if v in valid]

    return Param(key, name, [], lambda v: ",".join(v), read)


def choice(valid: Collection, key: str, name: str, default: Any, kind: type = str) -> Param:
    """One value of ``valid`` (a select box, a radio, segmented control, a number)."""

    def read(text: str) -> Any:
        value = kind(text)
        if value not in valid:
            raise ValueError(text)
        return value

    return Param(key, name, default, str, read)


def flag(key: str, name: str, default: bool) -> Param:
    return Param(key, name, default, lambda v: "1" if v else "0", lambda t: t == "1")


def span(key: str, name: str, default: tuple[int, int], lo: int, hi: int) -> Param:
    """A pair of years, ``1917-1921``, kept within ``lo``..``hi``."""

    def read(text: str) -> tuple[int, int]:
        a, b = (int(x) for x in text.split("-", 1))
        a, b = max(lo, min(a, hi)), min(hi, max(b, lo))
        if a > b:
            raise ValueError(text)
        return (a, b)

    return Param(key, name, default, lambda v: f"{v[0]}-{v[1]}", read)


def _from_url(p: Param) -> tuple[bool, Any]:
    raw = st.query_params.get(p.name)
    if raw is None:
        return False, None
    try:
        value = p.read(raw)
    except (ValueError, TypeError):
        return False, None
    return value is not None, value


def _named(params: list[Param]) -> dict[str, str]:
    return {p.name: st.query_params[p.name] for p in params if p.name in st.query_params}


def restore(params: list[Param], page: str) -> None:
    """Before the widgets: set their values from the URL, or keep the session's.

    The URL leads when it changed behind the page's back (a link, Back, forward);
    when it holds what this page last wrote, the widgets lead (a widget was changed
    and the URL is about to follow).
    """
    arrived = st.session_state.get(LAST_PAGE) != page
    st.session_state[LAST_PAGE] = page
    named = _named(params)
    if not named and arrived:
        return  # from the menu: the session's view stays; publish() puts it in the URL
    if not arrived and named == st.session_state.get(PUBLISHED + page, {}):
        return  # the URL is ours: the widgets lead
    for p in params:
        ok, value = _from_url(p)
        target = value if ok else p.default
        if not _same(st.session_state.get(p.key, p.default), target):
            st.session_state[p.key] = target


def publish(params: list[Param], page: str, values: dict[str, Any] | None = None) -> None:
    """After the widgets: the view's values that differ from their defaults, in the URL."""
    for p in params:
        value = (values or {}).get(p.key, st.session_state.get(p.key, p.default))
        if value is None or _same(value, p.default):
            if p.name in st.query_params:
                del st.query_params[p.name]
            continue
        text = p.write(value)
        if st.query_params.get(p.name) != text:
            st.query_params[p.name] = text
    st.session_state[PUBLISHED + page] = _named(params)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return list(a) == list(b)
    return bool(a == b)
