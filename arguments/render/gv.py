"""Calls into the Graphviz engine bundled in pygraphviz: reading DOT, one layout at a time.

Contract: :func:`agraph` reads DOT source into a pygraphviz graph through
memory (never a file on disk); :func:`quiet` runs a Graphviz call under a
process-wide lock (Graphviz keeps global state and is not thread-safe; the
app serves sessions from threads) with its warnings kept from the user;
:func:`layout_and_draw` lays a graph out and draws it in one go.
"""

from __future__ import annotations

import contextlib
import io
import os
import threading
import warnings
from collections.abc import Callable
from typing import TypeVar

import pygraphviz
import pygraphviz.graphviz as gv

T = TypeVar("T")
_GRAPHVIZ = threading.Lock()  # Graphviz keeps global state: one layout at a time per process


def agraph(source: str) -> pygraphviz.AGraph:
    """A pygraphviz graph of DOT source, read from memory.

    ``AGraph(string=...)`` goes through a temporary file in /tmp (unnamed, but on disk):
    the text of a map someone uploaded should not.  On Linux the source goes through an
    anonymous in-memory file (``memfd_create``) instead."""
    data = source.encode("utf-8")
    if hasattr(os, "memfd_create"):
        try:
            fd = os.memfd_create("argmap-dot", getattr(os, "MFD_CLOEXEC", 0))
        except OSError:
            fd = -1
        if fd >= 0:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.lseek(fd, 0, os.SEEK_SET)
            g = pygraphviz.AGraph()
            g.read(os.fdopen(fd, "rb"))  # read() closes it
            return g
    return pygraphviz.AGraph(string=source)


def quiet(run: Callable[[], T]) -> T:
    """Run a Graphviz call, one at a time in this process, without its warnings reaching
    the user (they are about layout heuristics, e.g. falling back to straight lines, or
    pygraphviz's "graph has 5001 nodes...layout may take a long time", not about the map)."""
    with _GRAPHVIZ, warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
        warnings.simplefilter("ignore")
        return run()


def bb(value: str) -> tuple[float, float, float, float]:
    """A Graphviz bounding box ``"x0,y0,x1,y1"`` as numbers."""
    a, b, c, d = (float(x) for x in value.split(","))
    return a, b, c, d


def layout_and_draw(g: pygraphviz.AGraph, prog: str, fmt: str, positions: bool = True) -> bytes:
    """Lay ``g`` out with ``prog`` and draw it as ``fmt`` in one Graphviz context; the
    positions are also written into ``g``'s attributes, as :meth:`~pygraphviz.AGraph.layout`
    does (unless ``positions`` is false: nobody reads them).  (``g.layout()`` then
    ``g.draw()`` lays the graph out twice: pygraphviz's ``draw`` runs a ``nop2`` layout
    first, which measures every label again.)  Call it through :func:`quiet`."""
    gvc = gv.gvContextWithBuiltins()
    try:
        if gv.gvLayout(gvc, g.handle, prog.encode()) != 0:
            raise ValueError(f"Graphviz could not lay the graph out with {prog}")
        try:
            if positions:  # into the attributes
                gv.gvRender(gvc, g.handle, b"dot", None)
            err, out = gv.gvRenderData(gvc, g.handle, fmt.encode())
            if err:
                raise ValueError(f"Graphviz could not draw the graph as {fmt}")
        finally:
            gv.gvFreeLayout(gvc, g.handle)
    finally:
        gv.gvFreeContext(gvc)
    g.has_layout = positions
    return out
