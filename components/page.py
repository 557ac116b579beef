"""What every page starts with: the current map, or a calm stop when there is none.

Contract: :func:`need_map` returns ``(loaded, map)`` for the session's map, or
tells the user there is nothing to show (the problems themselves are listed
once, by ``app.py``) and stops the page, never raising.
:func:`problems` renders a list of load problems, each with file:line:col.
"""

from __future__ import annotations

import streamlit as st

from arguments.errors import Problem
from arguments.models import Map

from . import source
from .text import md


def need_map() -> tuple[source.Loaded, Map]:
    loaded = source.current()
    if loaded.map is None and source.is_stored(loaded):
        st.info(
            "This stored map has no claims yet: add its actors and claims on the Edit page "
            "(with the map's edit link).",
            icon=":material/edit_note:",
        )
        st.stop()
    if loaded.map is None:
        st.info(
            "Nothing to show on this page until the map loads: see the problems above. "
            "The other pages are still here; fix the file and they fill in on the next "
            "rerun.",
            icon=":material/info:",
        )
        st.stop()
    return loaded, loaded.map


def problems(label: str, items: tuple[Problem, ...]) -> None:
    n = len(items)
    st.error(
        f"**The map {md(label)} cannot be loaded: {n} problem{'s' if n != 1 else ''}.** "
        "Each line gives the file, line and column, the problem's code, what was found "
        "and what was expected.",
        icon=":material/error:",
    )
    st.code("\n".join(str(p) for p in items), language=None, wrap_lines=True)
