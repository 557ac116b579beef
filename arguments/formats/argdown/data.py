"""YAML data inside an Argdown document (its front matter, ``{data}``), with positions.

Contract: :func:`load_data` reads a piece of YAML that stands at a given line and
column of the document into position-keeping data (:func:`arguments.formats.yaml.
parse_at`: safe, limited in depth and alias expansion), reporting a broken piece at
its exact spot; :func:`fast_data` reads a piece that is plain JSON (what our own
export writes) without positions, for the fast path of a valid document, and gives
None for anything else; :func:`merged` merges two occurrences' data as the CLI does.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ...errors import MapError, short
from ..yaml.reader import YMap, parse_at

#: report(message, line, column, got=None, expected=None, code="argdown-syntax")
Report = Callable[..., None]
#: the YAML reader's own codes that say more than "argdown-syntax" would
_YAML_CODES = ("duplicate-key", "too-deep", "alias-bomb")


def load_data(source: str, at: tuple[int, int], report: Report, what: str, filename: str) -> Any:
    """YAML (front matter or `{data}`) standing at ``at`` in the file, read safely into
    position-keeping data (:func:`arguments.formats.yaml.parse_at`); a problem at the exact
    spot and None when it is broken."""
    try:
        return parse_at(source, filename, *at)
    except MapError as exc:
        for p in exc.problems:
            code = p.code if p.code in _YAML_CODES else "argdown-syntax"
            message = p.message.removeprefix("cannot parse: ")
            line, column = p.line, p.column
            if "expected ',' or '}'" in message and f"starts at {at[0]}:{at[1]})" in message:
                # the block runs on, through the lines below, to the next '}': say where it opens
                message = f"it is never closed ({message})"
                line, column = at
            report(
                f"{what} is not valid YAML: {message}",
                line,
                column,
                short(source.strip(), 40),
                p.expected or "YAML",
                code=code,
            )
        return None


def merged(old: Any, new: Any) -> Any:
    """Two occurrences' data, the later winning, positions kept (as the CLI merges them)."""
    if not isinstance(old, YMap):
        return new
    out = YMap(old.pos)
    for source in (old, new):
        for key, value in source.items():
            out.pop(key, None)
            out[key] = value
            out.keypos[key] = source.keypos[key]
            out.valpos[key] = source.valpos[key]
    return out


def fast_data(source: str, at: tuple[int, int]) -> Any:
    """A ``{data}`` piece that is plain JSON, as mappings standing at ``at`` (no position
    of their own); None when it is not JSON, holds a key twice or nests too deep (the
    position-keeping reader then reads it, and says what is wrong)."""

    def mapping(pairs: list[tuple[str, Any]]) -> YMap:
        out = YMap(at)
        for key, value in pairs:
            if key in out:
                raise ValueError("a key twice")
            out[key] = value
        return out

    try:
        data = json.loads(source, object_pairs_hook=mapping)
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, YMap) else None
