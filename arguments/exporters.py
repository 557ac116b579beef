"""Stage 4 of the pipeline: stateless exporters, registered by name.

Contract: ``EXPORTERS[name]`` is an :class:`Exporter` whose ``run(map, view)``
returns ``bytes`` (for binary formats) or ``str``; it reads nothing but its
arguments and writes nothing.  The CLI (``export --format NAME``) and the app's
download buttons both go through this registry, so a format added here is
available everywhere.  Every format module registers itself on import;
:func:`load_all` imports them all and returns the complete registry (call it
before listing formats; importing a single module, e.g. :mod:`arguments.diagrams`,
registers only its own).

Formats by family (``EXPORTERS[name].family``):

- ``diagram``: svg, png, png300, pdf, dot (:mod:`arguments.diagrams`)
- ``document``: handout (HTML), handout-md, handout-pdf (:mod:`arguments.handout`);
  csv, relations-csv, compare-csv, xlsx (:mod:`arguments.tables`)
- ``interchange``: json (lossless, ours), argdown (:mod:`arguments.argdown`),
  aif (:mod:`arguments.aif`), graphml (:mod:`arguments.graphml`), kialo
  (:mod:`arguments.kialo`)

Every format but json exports the claims and relations the view selects (the
whole map by default); json is always the whole map, so that it round-trips.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from .models import Map


@dataclass(frozen=True)
class View:
    """What part of the map an export shows.

    ``kind`` is one of :data:`VIEWS`; ``claim`` names the focus claim, the
    postulate or the verdict; ``actors`` the pair compared; ``filters`` a
    filtered selection; ``depth`` the focus radius; ``direction`` and
    ``spacing`` the layout.
    """

    kind: str = "map"
    claim: str | None = None
    actors: tuple[str, ...] = ()
    topic: str | None = None
    depth: int = 1
    filters: object | None = None  # an arguments.graph.Filters
    direction: str = "TB"
    spacing: str = "compact"
    edge_labels: bool = False
    cluster: str | None = None      # None = automatic, "chapter", "actor" or "none"


VIEWS = ("map", "focus", "compare", "postulate", "verdict")
#: what each view shows (for --help and the app)
VIEW_HELP = {
    "map": "the whole map, or the claims the filters keep",
    "focus": "a claim (--claim) and its neighbours to --depth relations",
    "compare": "two actors (--actors A B) side by side, lined up by period",
    "postulate": "a postulate's (or any claim's) fate through time (--claim)",
    "verdict": "what supports and attacks a verdict or thesis (--claim), as a tree",
}
FAMILIES = ("diagram", "document", "interchange")


@dataclass(frozen=True)
class Exporter:
    name: str
    extension: str
    mime: str
    binary: bool
    description: str
    run: Callable[[Map, View], bytes | str]
    diagram: bool = False   # True when the output is a picture of a view
    family: str = "interchange"


EXPORTERS: dict[str, Exporter] = {}


def register(name: str, extension: str, mime: str, description: str, *, binary: bool = False,
             diagram: bool = False, family: str | None = None) -> Callable:
    def wrap(func: Callable[[Map, View], bytes | str]) -> Callable:
        EXPORTERS[name] = Exporter(name, extension, mime, binary, description, func, diagram,
                                   family or ("diagram" if diagram else "interchange"))
        return func
    return wrap


def export(m: Map, fmt: str, view: View | None = None) -> bytes | str:
    if fmt not in EXPORTERS:
        raise KeyError(fmt)
    return EXPORTERS[fmt].run(m, view or View())


def selected(m: Map, view: View) -> Map:
    """The claims and relations a view shows, as a map (the whole map for the default view)."""
    if view == View():
        return m
    from .diagrams import select
    return select(m, view).map


@register("json", "json", "application/json",
          "argmap/1 JSON: the whole map, lossless; `import --format json` reads it back")
def _json(m: Map, view: View) -> str:
    from .jsonio import dumps
    return dumps(m)


#: the modules that register formats, in the order --help lists them
FORMAT_MODULES = ("diagrams", "handout", "tables", "argdown", "aif", "graphml", "kialo")
#: which module registers each format, so that one export imports one module (a test
#: checks this against what the modules register)
FORMAT_MODULE = {"svg": "diagrams", "png": "diagrams", "png300": "diagrams", "pdf": "diagrams",
                 "dot": "diagrams", "handout": "handout", "handout-md": "handout",
                 "handout-pdf": "handout", "csv": "tables", "relations-csv": "tables",
                 "compare-csv": "tables", "xlsx": "tables", "argdown": "argdown", "aif": "aif",
                 "graphml": "graphml", "kialo": "kialo", "json": "exporters"}


def load_all() -> dict[str, Exporter]:
    """Import every format module (each registers its formats); return the registry."""
    for name in FORMAT_MODULES:
        importlib.import_module(f"{__package__}.{name}")
    return EXPORTERS


def load(fmt: str) -> Exporter | None:
    """The exporter of one format, importing only its module; None for an unknown format."""
    if fmt not in EXPORTERS and fmt in FORMAT_MODULE:
        importlib.import_module(f"{__package__}.{FORMAT_MODULE[fmt]}")
    return EXPORTERS.get(fmt)
