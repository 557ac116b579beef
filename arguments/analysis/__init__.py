"""Analyses of a map: pure functions of a :class:`~arguments.models.Map` returning
plain data or pandas frames; nothing here renders or reads files.

- :mod:`.stats`: counts
- :mod:`.claims`: a claim's relations, reasons, objections and card
- :mod:`.trees`: what bears on a claim, as a tree
- :mod:`.timeline`: claims in time
- :mod:`.fate`: what became of a postulate
- :mod:`.search`: finding claims
- :mod:`.compare`: two actors side by side
- :mod:`.quotes`: are the quotes verbatim in the source?
"""
