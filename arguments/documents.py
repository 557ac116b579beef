"""A map together with its source text: from a file on disk, or from an upload.

Contract: :func:`load_document` reads a map file and, when the map names its
source text (``source.text``, a path relative to the map file), that text too,
and checks every quote against it; :func:`load_upload` does the same for the
files of one upload (a map, a map and a ``.txt`` chosen together, or one
``.zip`` holding both).  Both return a :class:`Document` or raise
:class:`~arguments.errors.MapError` whose problems name file, line and column:
``source-unreadable`` where the map names a text that cannot be read,
``quote-not-in-source`` at each quote that is not verbatim in it.  An upload
that names a text but brings none still opens, without the text
(``Document.text_missing``), so that the rest of the app works.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from . import formats
from .analysis.quotes import QuoteFailure, SourceText, check_quotes
from .errors import MapError, Problem
from .formats.archive import Archive, unpack
from .formats.decode import MAX_BYTES, read_text
from .formats.yaml import position
from .loader import detect_format, load_map, load_text
from .models import Map

#: the largest source text read (the essay is 166 KB)
TEXT_LIMIT = 5 * 1024 * 1024


@dataclass(frozen=True)
class Document:
    """A map and the source text it names (``None`` when it names none, or none came)."""

    map: Map
    text: str | None = None
    text_missing: bool = False  # the map names a text that was not given with it

    @property
    def source(self) -> SourceText | None:
        return SourceText(self.text) if self.text is not None else None


def load_document(path: str | os.PathLike, fmt: str | None = None) -> Document:
    """The map at ``path`` and the text it names, every quote checked against the text."""
    m = load_map(path, fmt)
    if m.source.text is None:
        return Document(m)
    name = str(path)
    where = Path(path).parent / m.source.text
    try:
        data = where.read_bytes() if where.stat().st_size <= TEXT_LIMIT else None
    except OSError as exc:
        raise MapError([_unreadable(m, name, fmt, f"{exc.strerror or exc}: {where}")]) from None
    if data is None:
        raise MapError([_unreadable(m, name, fmt, f"over {TEXT_LIMIT:,} bytes: {where}")])
    text = _decoded(m, name, fmt, data, str(where))
    check_text(m, text, name, lambda: Path(path).read_text("utf-8"), fmt)
    return Document(m, text)


def load_upload(files: list[tuple[str, bytes]], limit: int = MAX_BYTES) -> Document:
    """The map of an upload and its text: one map file, or a map and one ``.txt``, or one
    ``.zip`` holding them (see :func:`arguments.formats.archive.unpack` for its limits)."""
    archive: Archive = unpack(files, limit)
    name, data = archive.map
    map_text = read_text(data, name, limit=limit)
    m = load_text(map_text, name)
    if m.source.text is None:
        return Document(m)
    if archive.text is None:
        return Document(m, text_missing=True)
    text_name, text_data = archive.text
    text = _decoded(m, name, None, text_data, text_name, map_text)
    check_text(m, text, name, lambda: map_text, None)
    return Document(m, text)


def check_text(
    m: Map,
    text: str,
    filename: str,
    map_text: object,
    fmt: str | None,
    failures: list[QuoteFailure] | None = None,
) -> None:
    """Raise MapError with a ``quote-not-in-source`` problem at each quote of ``m`` that is
    not verbatim in ``text``; ``map_text()`` gives the map file's text, read again only to
    find the quotes' positions when there are failures.  ``failures``: found already (the
    store checks only the quotes an edit brings)."""
    if failures is None:
        failures = check_quotes(m, text)
    if not failures:
        return
    raw = _raw(map_text, filename, fmt)
    problems = []
    for f in failures:
        loc = _loc(f.path)
        line, col = position(raw, loc) if raw is not None else (1, 1)
        near = f.nearest[:120] + ("..." if len(f.nearest) > 120 else "")
        problems.append(
            Problem(
                "quote-not-in-source",
                f"the quote of {f.claim} is not verbatim in the source text",
                filename,
                line,
                col,
                f.path,
                got=repr(f.quote[:120]),
                expected=f"the words of the text, e.g. {near!r}" if near else "words of the text",
            )
        )
    raise MapError(problems)


def _loc(path: str) -> tuple:
    """``claims[3].quotes[0]`` as a location tuple."""
    out: list[str | int] = []
    for part in path.replace("]", "").split("."):
        name, _, index = part.partition("[")
        out.append(name)
        if index:
            out.append(int(index))
    return (*out, "text")


def _raw(map_text: object, filename: str, fmt: str | None) -> object | None:
    try:
        text = map_text() if callable(map_text) else str(map_text)
        reader = formats.READERS[fmt or detect_format(filename, text)].load()
        return reader.read(text, filename)
    except (MapError, OSError, UnicodeDecodeError, KeyError):
        return None


def _unreadable(
    m: Map, filename: str, fmt: str | None, why: str, map_text: str | None = None
) -> Problem:
    raw = _raw(
        map_text if map_text is not None else lambda: Path(filename).read_text("utf-8"),
        filename,
        fmt,
    )
    line, col = position(raw, ("source", "text")) if raw is not None else (1, 1)
    return Problem(
        "source-unreadable",
        f"cannot read the source text the map names ({why})",
        filename,
        line,
        col,
        "source.text",
        got=repr(m.source.text),
        expected="a UTF-8 text file, at that path relative to the map file",
    )


def _decoded(
    m: Map, filename: str, fmt: str | None, data: bytes, text_name: str, map_text: str | None = None
) -> str:
    try:
        return read_text(data, text_name, limit=TEXT_LIMIT)
    except MapError as err:
        reason = err.problems[0].message if err.problems else "unreadable"
        raise MapError(
            [_unreadable(m, filename, fmt, f"{reason}: {text_name}", map_text)]
        ) from None


def text_name(m: Map) -> str | None:
    """The file name of the map's text, without its folders (for messages)."""
    return PurePosixPath(m.source.text).name if m.source.text else None
