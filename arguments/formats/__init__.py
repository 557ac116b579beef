"""The formats a map is read from, one module (or subpackage) each.

Contract: :data:`READERS` is the one table of the formats the loader reads,
each named once with its file extensions and the module that reads it; a
format module is imported only when a file of its format is read (nothing
registers itself on import).  Each reading module has ``read(text, filename)``
returning raw data with positions (:class:`~arguments.formats.yaml.YMap`)
for :func:`arguments.loader.build`, and may have ``looks_like(text)`` for
files whose extension says nothing.  Writers are pure functions of a map in
the same modules; the export registry (:mod:`arguments.exporters`) names
them.

- :mod:`.decode`: bytes to text (size, encoding, binary checks)
- :mod:`.yaml`: our YAML (the position-keeping reader and the writer)
- :mod:`.json`: our JSON, ``argmap/2`` (``argmap/1`` is read too), and its JSON Schema
- :mod:`.argdown`: Argdown
- :mod:`.aif`, :mod:`.graphml`, :mod:`.kialo`, :mod:`.tables`,
  :mod:`.handout`: writers for other tools and for print
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import PurePath
from types import ModuleType


@dataclass(frozen=True)
class Reader:
    name: str
    extensions: tuple[str, ...]
    module: str  # relative to this package
    label: str  # how messages name it

    def load(self) -> ModuleType:
        return importlib.import_module(f"{__name__}.{self.module}")


READERS: dict[str, Reader] = {
    r.name: r
    for r in (
        Reader("yaml", (".yaml", ".yml"), "yaml", "our YAML (.yaml)"),
        Reader("json", (".json",), "json", "our JSON export (.json)"),
        Reader("argdown", (".argdown", ".ad"), "argdown", "Argdown (.argdown)"),
    )
}
EXTENSIONS: dict[str, str] = {ext: r.name for r in READERS.values() for ext in r.extensions}


def by_extension(filename: str) -> str | None:
    """The format a file's extension names, or None."""
    return EXTENSIONS.get(PurePath(filename).suffix.lower())


def detect(filename: str, text: str) -> str:
    """Which reader a file needs: from its extension, else from its first characters."""
    named = by_extension(filename)
    if named:
        return named
    if text.lstrip()[:1] in ("{", "["):
        return "json"
    if READERS["argdown"].load().looks_like(text):
        return "argdown"
    return "yaml"


def expected_formats() -> str:
    """What a map file may be, for messages: "our YAML (.yaml), ... or Argdown (.argdown)"."""
    labels = [r.label for r in READERS.values()]
    return ", ".join(labels[:-1]) + " or " + labels[-1]
