"""Our YAML: the format people write maps in by hand.

Contract: :func:`read` parses YAML text into position-keeping raw data
(:mod:`.reader`: libyaml's events, safe, with limits on depth and alias
expansion); :func:`write` gives YAML that reads back into an equal map
(:mod:`.writer`).  The loader (:mod:`arguments.loader`) turns raw data into a
:class:`~arguments.models.Map`.
"""

from __future__ import annotations

from .reader import MAX_DEPTH, MAX_EXPANDED, YList, YMap, parse, parse_at, position
from .writer import dumps as write

read = parse

__all__ = [
    "MAX_DEPTH",
    "MAX_EXPANDED",
    "YList",
    "YMap",
    "parse",
    "parse_at",
    "position",
    "read",
    "write",
]
