"""Stage 4 of the pipeline: stateless exporters, registered by name.

Contract: ``EXPORTERS[name]`` is an :class:`Exporter` whose ``run(map, view)``
returns ``bytes`` (for binary formats) or ``str``; it reads nothing but its
arguments and writes nothing.  The CLI (``export --format NAME``) and the app's
download buttons both go through this registry, so a format added here is
available everywhere.
"""
from __future__ import annotations

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


@dataclass(frozen=True)
class Exporter:
    name: str
    extension: str
    mime: str
    binary: bool
    description: str
    run: Callable[[Map, View], bytes | str]
    diagram: bool = False   # True when the output is a picture of a view


EXPORTERS: dict[str, Exporter] = {}


def register(name: str, extension: str, mime: str, description: str, *, binary: bool = False,
             diagram: bool = False) -> Callable:
    def wrap(func: Callable[[Map, View], bytes | str]) -> Callable:
        EXPORTERS[name] = Exporter(name, extension, mime, binary, description, func, diagram)
        return func
    return wrap


def export(m: Map, fmt: str, view: View | None = None) -> bytes | str:
    if fmt not in EXPORTERS:
        raise KeyError(fmt)
    return EXPORTERS[fmt].run(m, view or View())


@register("json", "json", "application/json",
          "argmap/1 JSON: the whole map, lossless; `import --format json` reads it back")
def _json(m: Map, view: View) -> str:
    from .jsonio import dumps
    return dumps(m)
