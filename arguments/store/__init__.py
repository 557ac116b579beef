"""Maps kept in a database, with every version, share links, edits and diffs.

- :mod:`.db`: which database (``ARGMAP_DB`` or a SQLite file), its engine and migrations
- :mod:`.schema`: the tables
- :mod:`.delta`: versions as JSON Patch deltas, packed
- :mod:`.tokens`: share-link tokens and the back-off for bad ones
- :mod:`.edits`: one edit of a map's data (put or delete an item)
- :mod:`.check`: the loader's checks on data about to be stored
- :mod:`.core`: :class:`Store`, the only way in (:mod:`.records`: what it hands out; :mod:`.sharing`: its links)
- :mod:`.links`: share URLs and the names of stored maps
- :mod:`.backup`: a whole database to a file and back, for either backend
"""

from __future__ import annotations

from .check import Checked, validate
from .core import (
    Created,
    Grant,
    MapInfo,
    NoSuchMap,
    Opened,
    ReadOnly,
    Saved,
    Stale,
    Store,
    StoreError,
    Version,
    clean_name,
)
from .edits import Edit, add_quote, goes_with, named_by, new_claim
from .links import parse_ref, share_url

__all__ = [
    "Checked",
    "Created",
    "Edit",
    "Grant",
    "MapInfo",
    "NoSuchMap",
    "Opened",
    "ReadOnly",
    "Saved",
    "Stale",
    "Store",
    "StoreError",
    "Version",
    "add_quote",
    "clean_name",
    "goes_with",
    "named_by",
    "new_claim",
    "parse_ref",
    "share_url",
    "validate",
]
