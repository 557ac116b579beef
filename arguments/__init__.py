"""argmap: typed argument maps with verbatim quotes.

Pipeline: read/parse (:mod:`.yamlsrc`) -> model (:mod:`.models`) -> map
(:mod:`.graph`, :mod:`.compare`, :mod:`.analysis`) -> export (:mod:`.exporters`).
"""
from .errors import CODES, MapError, Problem
from .loader import load_bytes, load_map, load_text
from .models import Map

__all__ = ["CODES", "Map", "MapError", "Problem", "load_bytes", "load_map", "load_text"]
