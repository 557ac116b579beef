"""Our YAML: the format people write maps in by hand.

Contract: :func:`read` parses YAML text into position-keeping raw data
(:mod:`.reader`: libyaml's events, safe, with limits on depth and alias
expansion); :func:`write` gives YAML that reads back into an equal map
(:mod:`.writer`).  The loader (:mod:`arguments.loader`) turns raw data into a
:class:`~arguments.models.Map`; it first tries :func:`fast_map`, which reads a
valid map without positions (only a problem needs them).
"""

from __future__ import annotations

from pydantic import ValidationError

from ...models import Map
from .reader import (
    MAX_DEPTH,
    MAX_EXPANDED,
    SlowPath,
    YList,
    YMap,
    parse,
    parse_at,
    parse_plain,
    position,
)
from .writer import dumps as write

read = parse


def fast_map(text: str, filename: str = "<yaml>") -> Map | None:
    """The map of a valid YAML file, read without positions, else None: the loader then
    reads it with positions and reports every problem where it is (as the JSON, Argdown
    and AIF readers do).  A file that names its schema goes the full way, which checks
    the version."""
    try:
        data = parse_plain(text)
    except SlowPath:
        return None
    if not isinstance(data, dict) or "schema" in data:
        return None
    try:
        return Map.model_validate(data)
    except (ValidationError, ValueError, TypeError, RecursionError):
        return None


__all__ = [
    "MAX_DEPTH",
    "MAX_EXPANDED",
    "YList",
    "YMap",
    "fast_map",
    "parse",
    "parse_at",
    "parse_plain",
    "position",
    "read",
    "write",
]
