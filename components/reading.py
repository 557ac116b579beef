"""The source text in the app: anchors cached per map, the text view, "Read in context".

Contract: :func:`anchored` gives the session map's :class:`~arguments.analysis.anchors.Anchors`
(``None`` when the map came without its text), cached per map key.
:func:`text_view` draws one chapter with the map's quotes highlighted (a
components-v2 element: a click on a highlight calls ``on_pick`` with the
anchors' keys; footnote markers, paragraph numbers and the coverage strip
scroll within the page; ``flash`` names an anchor to scroll to and flash).
:func:`context_link` is the "Read in context" link every quote in the app
carries: it opens the Read page at the quote (``/read?claim=…&quote=…``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from arguments.analysis.anchors import Anchor, Anchors, anchor, quoted_paragraphs
from arguments.analysis.quotes import SourceText
from arguments.models import Map
from arguments.render.reading import (
    CSS,
    chapter_html,
    paragraph_shares,
    titles,
)

from . import source

_HERE = Path(__file__).resolve().parent
READ_PAGE = "app_pages/read.py"
QUOTE_KEY = "quote"  # ?quote=N (the claim's Nth quote, from 0) or ?quote=link:KIND>TARGET
_VIEW = st.components.v2.component(
    "argmap_read_view",
    css=(_HERE / "readview.css").read_text(encoding="utf-8") + CSS,
    js=(_HERE / "readview.js").read_text(encoding="utf-8"),
)


@st.cache_resource(max_entries=8, show_spinner="Finding every quote in the text…")
def _anchored(map_key: str, _m: Map, _text: str) -> Anchors:
    return anchor(_m, _text)


@st.cache_resource(max_entries=8)
def _source_text(map_key: str, _text: str) -> SourceText:
    return SourceText(_text)


def source_text(loaded: source.Loaded) -> SourceText | None:
    """The session map's text prepared for quote look-ups (cached per map key)."""
    return _source_text(loaded.key, loaded.text) if loaded.text is not None else None


def anchored(loaded: source.Loaded) -> Anchors | None:
    """The anchors of the session map's quotes in its text, or None without a text."""
    if loaded.map is None or loaded.text is None:
        return None
    return _anchored(loaded.key, loaded.map, loaded.text)


@st.cache_resource(max_entries=8)
def quoted_set(map_key: str, _found: Anchors) -> frozenset[tuple[str, int]]:
    """(chapter, number) of each paragraph some quote of the map touches."""
    return frozenset(quoted_paragraphs(_found))


@st.cache_data(max_entries=64, show_spinner=False)
def _chapter(
    map_key: str, chapter: str, keep: tuple[str, ...] | None, unquoted: bool, _m: Map, _f: Anchors
) -> dict:
    keys = None if keep is None else frozenset(keep)
    html = chapter_html(
        _m,
        _f,
        chapter,
        keep=None if keys is None else (lambda a: a.key in keys),
        unquoted=unquoted,
        quoted=set(quoted_set(map_key, _f)),
        inline_titles=False,
    )
    return {
        "html": html,
        "hash": hashlib.sha1(html.encode("utf-8")).hexdigest()[:16],
        "strip": [list(x) for x in paragraph_shares(_f, chapter)],
        "titles": titles(_m, _f, chapter),
    }


def text_view(
    loaded: source.Loaded,
    found: Anchors,
    chapter: str,
    *,
    keep: tuple[str, ...] | None,
    unquoted: bool,
    selected: str | None,
    flash: str | None,
    nonce: int,
    on_pick: Callable[[], None],
    key: str,
    on_passage: Callable[[], None] | None = None,
) -> None:
    assert loaded.map is not None
    drawn = _chapter(loaded.key, chapter, keep, unquoted, loaded.map, found)
    _VIEW(
        key=key,
        data={**drawn, "selected": selected, "flash": flash, "nonce": nonce},
        on_pick_change=on_pick,
        on_passage_change=on_passage or (lambda: None),
    )


def chapter_label(found: Anchors, ch_id: str) -> str:
    """How the Read page's chapter control (and so its URL, ``?rd_ch=``) names a chapter:
    a short id as it is ("II"), else the chapter's title ("Preface")."""
    c = found.structure.chapter(ch_id)
    return ch_id if ch_id and len(ch_id) <= 4 else (c.title if c and c.title else "Text")


def chapter_from_label(found: Anchors, label: str | None) -> str | None:
    """The chapter id a ``?rd_ch=`` value names (its label, or its id), if any."""
    for c in found.structure.chapters:
        if label in (c.id, chapter_label(found, c.id)):
            return c.id
    return None


def anchor_in_url(m: Map, found: Anchors) -> Anchor | None:
    """The anchor the URL names (``?claim=ID&quote=N``), if it is one of the map's."""
    cid = st.query_params.get("claim")
    q = st.query_params.get(QUOTE_KEY)
    if not cid or q is None or cid not in m.claim_index:
        return None
    if q.startswith("link:"):
        kind, _, target = q[5:].partition(">")
        return found.by_key.get(f"{cid}>{kind}>{target}")
    return found.by_key.get(f"{cid}:{q}") if q.isdigit() else None


def url_params(a: Anchor) -> dict[str, str]:
    """The query parameters that name an anchor."""
    if a.claim is not None:
        return {"claim": a.claim, QUOTE_KEY: str(a.index)}
    assert a.relation is not None
    src, kind, tgt = a.relation
    return {"claim": src, QUOTE_KEY: f"link:{kind}>{tgt}"}


def context_link(cid: str, index: int | str, *, label: str = "Read in context", where=None) -> None:
    """A link to the Read page at quote ``index`` of claim ``cid`` (or, with ``index``
    ``"link:KIND>TARGET"``, at the words of that relation); nothing when the session's map
    came without its text: there is no text to show."""
    loaded = source.current()
    if loaded.text is None:
        return
    (where or st).page_link(
        READ_PAGE,
        label=label,
        icon=":material/menu_book:",
        query_params={"claim": cid, QUOTE_KEY: str(index)},
        help="Open the source text at this quote, highlighted among the map's other quotes",
    )
