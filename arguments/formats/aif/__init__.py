"""AIF, the Argument Interchange Format, as JSON that OVA 3 and AIFdb write and read.

Contract: :func:`write(map)` (:mod:`.writer`) gives the map as one AIF document
(OVA 3's layout, with AIFdb's lists at the top level too); :func:`read(text,
filename)` (:mod:`.reader`) reads such a document, ours or one OVA or AIFdb saved,
into the raw data of a map for :func:`arguments.loader.build`; :func:`looks_like`
tells AIF from our own JSON.  Ours -> AIF -> ours keeps the claims' texts, actors,
dates and quotes, and the relations with their kinds.
"""

from .reader import fast_map, looks_like, read
from .writer import to_data, write

__all__ = ["fast_map", "looks_like", "read", "to_data", "write"]
