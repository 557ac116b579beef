"""Opening another map: the sidebar's map box, the upload, the way back to the essay.

Contract: :func:`sidebar` draws, on every page, which map is open (title, file
name, counts, bundled or uploaded), a "Reset to the essay" button while an
upload is open, and a file uploader for every format the loader reads
(:data:`arguments.formats.READERS`: our YAML and JSON, Argdown, AIF from OVA or
AIFdb, a Kialo discussion export as ``.txt``), recognised by extension and
content.  :func:`notice` shows the outcome of the last failed upload at
the top of the page (every problem as ``file:line:col [code] ... (got ...,
expected ...)``), until it is dismissed or another upload or reset replaces it.

An upload is handled in the uploader's callback, before the page runs, so the
page that follows already shows the result:

- over :data:`arguments.loader.UPLOAD_LIMIT` (2 MB; judged by the size the
  browser reports, before a byte is decoded): a message, nothing else changes;
- invalid: its problems are kept for :func:`notice`; the open map stays open;
- valid: :func:`components.source.from_upload` makes it a session map (key
  ``upload:<sha256>``) and :func:`components.source.open_upload` opens it; the
  selection is cleared and the filters go back to their defaults (the old
  map's ids mean nothing in the new one).

Nothing here writes a file: the bytes come from Streamlit's in-memory upload,
are parsed and dropped; the session keeps only the parsed map (the diagrams
reach Graphviz through memory too: tests/test_app_upload.py checks that no file
is opened for writing).  Everything derived from the map is cached under the
content digest, so another session sees its own upload only.  Reset removes the session's map (the bundled one shows
again).  Nothing here raises for bad input: an unexpected error while reading
an upload is logged on the server and told to the user in one calm sentence.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import streamlit as st

from arguments.errors import MapError, Problem
from arguments.formats import EXTENSIONS
from arguments.loader import UPLOAD_LIMIT
from arguments.models import Map

from . import filters, source, state
from .text import md, short

log = logging.getLogger(__name__)

#: the uploader's extensions: every reader's, .txt (a source text, or a Kialo export: its
#: content says) and .zip (a map with its text)
TYPES = (*(ext.lstrip(".") for ext in EXTENSIONS), "txt", "zip")
NOTICE = "upload_notice"  # the last failed upload (an Attempt), shown until dismissed
ROUND = "upload_round"  # names the uploader widget; a new name empties the widget
#: UI choices that name things of one map (claims, actors, topics): forgotten when
#: another map opens (the pages choose valid ones again).  The filters go back to
#: their defaults (filters.reset); layout choices and the search words stay.
MAP_KEYS = (
    "v_focus_claim",
    "cmp_a",
    "cmp_b",
    "cmp_topic",
    "verdict_pick",
    "claim_pick",
    state.VISITED,
)


@dataclass(frozen=True)
class Attempt:
    """A failed upload: what was tried and why it did not open."""

    filename: str
    size: int
    reason: str  # "too-large", "invalid" or "internal"
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    omitted: int = 0


def widget_key() -> str:
    return f"map_upload_{st.session_state.get(ROUND, 0)}"


def megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.2f} MB"


def reset_label() -> str:
    """The way back: "Reset to the essay", or to the file ARGMAP_MAP names."""
    path = source.map_path()
    default = source.ROOT / "claims.yaml"
    return "Reset to the essay" if path == default else f"Reset to {short(path.name, 40)}"


# ------------------------------------------------------------------ what the callbacks do
def _forget_selections(m: Map | None) -> None:
    """Start the map ``m`` afresh: no selection, no filter, no focus.

    Widget values shown in the sidebar are assigned their defaults, not deleted:
    after a deletion the browser would send the old value back on the next rerun.
    """
    if m is not None:
        filters.reset(m)
    st.session_state["v_focus"] = False
    for k in MAP_KEYS:
        st.session_state.pop(k, None)
    state.select(None)


#: for the stored maps (components.stored): a map opened by a link starts afresh too
forget_selections = _forget_selections


def _next_round() -> None:
    st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1


def read(files: list[tuple[str, bytes]]) -> source.Loaded | Attempt:
    """An upload's files as a session map, or the reasons they cannot be one."""
    filename = " + ".join(name for name, _ in files)
    size = sum(len(data) for _, data in files)
    try:
        return source.from_upload(files)
    except MapError as err:
        return Attempt(filename, size, "invalid", tuple(err.problems), err.omitted)
    except Exception:  # a bug, not the user's input: log it, tell the user calmly
        log.exception("reading the upload %r failed", filename)
        return Attempt(filename, size, "internal")


def _received(key: str) -> None:
    """The uploader's callback: check the file, open it or keep its problems."""
    uploads = st.session_state.get(key) or []
    if not isinstance(uploads, list):
        uploads = [uploads]
    if not uploads:  # the user removed the files from the widget: nothing to do
        return
    _next_round()  # the next run shows an empty uploader, ready for another file
    name = " + ".join(u.name for u in uploads)
    for u in uploads:
        if u.size > UPLOAD_LIMIT:  # before reading or decoding a byte of it
            st.session_state[NOTICE] = Attempt(u.name, u.size, "too-large")
            return
    result = read([(u.name, u.getvalue()) for u in uploads])
    if isinstance(result, Attempt):
        st.session_state[NOTICE] = result
        return
    st.session_state.pop(NOTICE, None)
    source.open_upload(result)
    _forget_selections(result.map)
    m = result.map
    assert m is not None  # a Loaded from an upload always holds its map
    text = (
        " with its text"
        if result.text is not None
        else " (its text was not given)"
        if result.text_missing
        else ""
    )
    st.toast(
        f"Opened **{md(short(name, 60))}**{text}: {len(m.claims)} claims, "
        f"{len(m.relations)} relations.",
        icon=":material/upload_file:",
    )


def reset() -> None:
    """Back to the bundled map (a callback of the reset button)."""
    source.close_upload()
    st.session_state.pop(NOTICE, None)
    _next_round()
    _forget_selections(source.current().map)


def dismiss() -> None:
    st.session_state.pop(NOTICE, None)


# ------------------------------------------------------------------ drawing
def sidebar(loaded: source.Loaded) -> None:
    """The open map, the reset button and the uploader, in the sidebar."""
    uploaded = source.is_upload(loaded)
    kept = source.is_stored(loaded)
    with st.sidebar.container(key="open_map"):
        if loaded.map is not None:
            m = loaded.map
            st.markdown(f"**{md(short(m.source.title, 90))}**")
            st.caption(
                f"{md(short(loaded.label, 60))} \u00b7 {len(m.claims)} claims \u00b7 "
                f"{len(m.relations)} relations \u00b7 "
                + (
                    "uploaded, open in this browser tab only"
                    if uploaded
                    else "stored, with every version"
                    if kept
                    else "the bundled map"
                )
            )
        elif kept:
            st.caption(f"**{md(short(loaded.label, 90))}** \u00b7 no claims yet")
        else:
            st.caption(f"Map: **{md(loaded.label)}** \u00b7 not loaded")
        if uploaded or kept:
            st.button(
                reset_label(),
                key="upload_reset",
                on_click=reset,
                icon=":material/restart_alt:",
                width="stretch",
                help="Close the "
                + ("stored" if kept else "uploaded")
                + " map and show the bundled one again.",
            )
        key = widget_key()
        if uploaded and loaded.text_missing:
            st.caption(
                f":material/warning: The map names a source text "
                f"({md(short(loaded.map.source.text or '', 40)) if loaded.map else ''}) "
                "that was not uploaded with it: its quotes are not checked and the Read "
                "page cannot show it. Choose the map and its .txt together, or one .zip."
            )
        st.file_uploader(
            "Open another map",
            type=list(TYPES),
            key=key,
            on_change=_received,
            args=(key,),
            accept_multiple_files=True,
            help="Our YAML (.yaml, .yml) or JSON export (.json), any Argdown file "
            "(.argdown, .ad), AIF as OVA or AIFdb save it (.json), or a Kialo discussion "
            "export (.txt); up to 2 MB. Choose a map's source text (.txt) with it, or "
            "upload one .zip holding both, to read the map beside its text. It opens for "
            "you only, in this browser tab, until "
            "you reset or reload; nothing is saved on the server.",
        )
        # the dropzone's own line names the server's hard cap (3 MB): say the real limit
        st.html(f"<style>{_HIDE_CAP}</style>")
        st.caption("YAML, JSON, Argdown, AIF or Kialo, with its .txt or in a .zip · up to 2 MB")


_HIDE_CAP = '.st-key-open_map [data-testid="stFileUploaderDropzoneInstructions"] {display: none}'


def notice(loaded: source.Loaded) -> None:
    """The last failed upload, at the top of the page, with a button to dismiss it."""
    attempt = st.session_state.get(NOTICE)
    if not isinstance(attempt, Attempt):
        return
    name = md(short(attempt.filename, 80))
    stays = (
        f"The map that was open, {md(short(loaded.label, 60))}, stays open."
        if loaded.map is not None
        else "Nothing else changed."
    )
    with st.container(key="upload_notice_box"):
        if attempt.reason == "too-large":
            st.error(
                f"**{name} was not opened: it is {megabytes(attempt.size)} "
                f"({attempt.size:,} bytes), over the 2 MB limit for uploads "
                f"({UPLOAD_LIMIT:,} bytes).** Split the map or leave out what it does "
                f"not need. {stays}",
                icon=":material/error:",
            )
        elif attempt.reason == "internal":
            st.error(
                f"**{name} could not be read because of an error in argmap, not in "
                f"your file.** It has been logged. {stays}",
                icon=":material/error:",
            )
        else:
            n = len(attempt.problems) + attempt.omitted
            more = (
                f" The first {len(attempt.problems):,} are listed; fix them and upload "
                "again to see the rest."
                if attempt.omitted
                else ""
            )
            st.error(
                f"**{name} was not opened: {n:,} problem{'s' if n != 1 else ''}.** "
                "Each line gives the file, line and column, the problem's code, what "
                f"was found and what was expected.{more} {stays}",
                icon=":material/error:",
            )
            st.code("\n".join(str(p) for p in attempt.problems), language=None, wrap_lines=True)
        st.button("Dismiss", key="upload_dismiss", on_click=dismiss, icon=":material/close:")
