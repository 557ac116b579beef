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
- :mod:`.argdown`: Argdown, the whole language in, our export out
- :mod:`.aif`: AIF JSON as OVA 3 and AIFdb write it, in and out
- :mod:`.kialo`: Kialo's discussion text, in and out
- :mod:`.raw`: raw data with positions and ids, for the readers of other tools' formats
- :mod:`.graphml`, :mod:`.tables`, :mod:`.handout`: writers for other tools and for print

A format without an extension of its own (AIF saves ``.json`` like ours; Kialo
exports ``.txt``) is recognised by its content: :func:`detect`.
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
        Reader("aif", (), "aif", "AIF from OVA or AIFdb (.json)"),
        Reader("kialo", (), "kialo", "a Kialo discussion export (.txt)"),
    )
}
EXTENSIONS: dict[str, str] = {ext: r.name for r in READERS.values() for ext in r.extensions}


def by_extension(filename: str) -> str | None:
    """The format a file's extension names, or None."""
    return EXTENSIONS.get(PurePath(filename).suffix.lower())


def detect(filename: str, text: str) -> str:
    """Which reader a file needs: from its extension (a ``.json`` file may be AIF: its
    content says), else from its content: JSON (ours or AIF), a Kialo discussion,
    Argdown, else YAML."""
    named = by_extension(filename)
    if named not in (None, "json"):
        return named
    first = text.lstrip("\ufeff \t\r\n")[:1]
    if named == "json" or first == "{":
        return "aif" if READERS["aif"].load().looks_like(text) else "json"
    if READERS["kialo"].load().looks_like(text):
        return "kialo"
    if READERS["argdown"].load().looks_like(text):  # before JSON: `[title]: text` opens it
        return "argdown"
    return "json" if first == "[" else "yaml"


def expected_formats() -> str:
    """What a map file may be, for messages: "our YAML (.yaml), ... or a Kialo ..."."""
    labels = [r.label for r in READERS.values()]
    return ", ".join(labels[:-1]) + " or " + labels[-1]
