"""The browser's Back button: one history entry per view.

Contract: :func:`install` mounts an invisible element whose script (``history.js``)
merges the two history entries Streamlit pushes when it opens a page with query
parameters into one, so that Back after opening a claim from the search returns to the
search.  Mount it once per run (``app.py`` does).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

_JS = (Path(__file__).resolve().parent / "history.js").read_text(encoding="utf-8")
_COMPONENT = st.components.v2.component("argmap_history", js=_JS)


def install() -> None:
    with st.container(key="argmap_history", height=1, border=False):
        _COMPONENT(key="argmap_history_script")
