"""argmap: typed argument maps with verbatim quotes.

The pipeline, one named stage each (see README, "How it is built"):
read (:mod:`.formats`: bytes to text to raw data with positions) -> model
(:mod:`.models`, :mod:`.crossref`, assembled by :mod:`.loader`) -> analyse
(:mod:`.graph`, :mod:`.views`, :mod:`.analysis`) -> draw (:mod:`.render`) ->
export (:mod:`.exporters`).  The vocabulary every stage reads is :mod:`.kinds`.
"""

from .errors import CODES, MapError, Problem
from .loader import load_bytes, load_map, load_text
from .models import Map

__all__ = ["CODES", "Map", "MapError", "Problem", "load_bytes", "load_map", "load_text"]
