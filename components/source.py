"""Where the app's current map comes from: the one place every page asks.

Contract: :func:`current` returns a :class:`Loaded` record for this session:
the map (or ``None``) and the problems found while loading it, plus a
``key`` string that names the map's content (path and modification time for
a file).  Cached computations elsewhere take that key as their cache key and
the map itself as an un-hashed ``_m`` argument, so they work for any source.

The bundled source is the file named by the ``ARGMAP_MAP`` environment
variable, by default ``claims.yaml`` next to ``app.py``.  A session-only map
(an upload) plugs in here: :func:`from_upload` reads an upload's files (a map, or a map and its text,
or one zip holding both) into a
:class:`Loaded` (key ``upload:<sha256>``, so caches never mix two sessions'
maps), :func:`open_upload` puts it under ``st.session_state[SESSION_MAP]`` and
every page shows it instead; :func:`close_upload` returns to the bundled map.
Nothing here writes a file: an upload lives in its session only.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from arguments.documents import load_document, load_upload
from arguments.errors import MapError, Problem
from arguments.loader import UPLOAD_LIMIT
from arguments.models import Map

ROOT = Path(__file__).resolve().parent.parent
ENV_VAR = "ARGMAP_MAP"
SESSION_MAP = "session_map"  # a Loaded put there replaces the bundled map for this session
UPLOAD = "upload:"  # the key prefix of an uploaded map
STORED = "store:"  # the key prefix of a stored map's version (components.stored)


@dataclass(frozen=True)
class Loaded:
    key: str  # names the content: cache key of everything derived
    label: str  # what to call it on screen (a file name)
    map: Map | None
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    text: str | None = None  # the source text the map names, when it came with it
    text_missing: bool = False  # the map names a text that did not come with it

    @property
    def ok(self) -> bool:
        return self.map is not None


def map_path() -> Path:
    """The bundled map's path: ``$ARGMAP_MAP`` or ``claims.yaml`` next to app.py."""
    env = os.environ.get(ENV_VAR)
    return Path(env).expanduser() if env else ROOT / "claims.yaml"


@st.cache_data(show_spinner="Reading the map…", max_entries=16)
def load_file(path: str, mtime_ns: int) -> tuple[Map | None, str | None, tuple[Problem, ...]]:
    """The map at ``path`` and the text it names (``mtime_ns`` only keys the cache), or
    its problems (a quote not verbatim in the text among them)."""
    try:
        doc = load_document(path)
    except MapError as err:
        return None, None, tuple(err.problems)
    return doc.map, doc.text, ()


def current() -> Loaded:
    """This session's map: an uploaded one if the session has it, else the bundled file."""
    session = st.session_state.get(SESSION_MAP)
    if isinstance(session, Loaded):
        return session
    path = map_path()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        problem = Problem(
            "file-unreadable",
            f"cannot open the map file: {exc.strerror}",
            str(path),
            1,
            1,
            got=str(path),
            expected=f"a map file (set {ENV_VAR} to choose one)",
        )
        return Loaded(f"missing:{path}", path.name, None, (problem,))
    m, text, problems = load_file(str(path), mtime)
    return Loaded(f"file:{path}:{mtime}", path.name, m, problems, text)


# ------------------------------------------------------------------ a session's upload
def from_upload(files: list[tuple[str, bytes]]) -> Loaded:
    """An upload's files as a session map; raises MapError listing its problems.

    The files are one map, a map and its ``.txt`` text, or one ``.zip`` holding
    them (:func:`arguments.documents.load_upload`).  A file over
    :data:`~arguments.loader.UPLOAD_LIMIT` is refused before it is decoded.  The
    key is the SHA-256 of the names' extensions and the bytes.
    """
    for filename, data in files:
        if len(data) > UPLOAD_LIMIT:
            raise MapError(
                [
                    Problem(
                        "file-too-large",
                        "the file is too large to upload",
                        filename,
                        1,
                        1,
                        got=f"{len(data):,} bytes",
                        expected=f"at most {UPLOAD_LIMIT:,} bytes (2 MB)",
                    )
                ]
            )
    doc = load_upload(files, limit=UPLOAD_LIMIT)
    digest = hashlib.sha256()
    for filename, data in sorted(files):
        digest.update(Path(filename).suffix.lower().encode() + b"\0" + data + b"\0")
    names = [Path(n).name for n, _ in files]
    return Loaded(
        f"{UPLOAD}{digest.hexdigest()}",
        " + ".join(names),
        doc.map,
        text=doc.text,
        text_missing=doc.text_missing,
    )


def is_upload(loaded: Loaded) -> bool:
    return loaded.key.startswith(UPLOAD)


def is_stored(loaded: Loaded) -> bool:
    """A map from the store (key ``store:ID@N``; see components.stored)."""
    return loaded.key.startswith(STORED)


def open_upload(loaded: Loaded) -> None:
    """Show ``loaded`` instead of the bundled map, in this session only."""
    st.session_state[SESSION_MAP] = loaded


def close_upload() -> None:
    """Back to the bundled map in this session."""
    st.session_state.pop(SESSION_MAP, None)
