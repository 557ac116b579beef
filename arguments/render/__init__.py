"""Diagrams of a view of the map: DOT built with ``graphviz``, drawn by pygraphviz.

- :mod:`.style`: shapes, lines, colours and sizes, from the vocabulary
- :mod:`.labels`: text in diagrams, escaped for DOT and HTML-like labels
- :mod:`.legend`: the title, source line and legend inside every diagram
- :mod:`.dot`: the DOT source of a view (nodes, edges, groups)
- :mod:`.grid`: a big map laid out group by group
- :mod:`.gv`: calls into the Graphviz engine (from memory, one at a time)
- :mod:`.engine`: drawing a view as SVG, PNG or PDF
"""

from __future__ import annotations

from .dot import build_dot
from .engine import layout, render

__all__ = ["build_dot", "layout", "render"]
