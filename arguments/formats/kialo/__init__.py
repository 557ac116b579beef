"""Kialo's plain-text discussion format, out (:mod:`.writer`) and in (:mod:`.reader`).

Contract: :func:`write(map, claim_id)` gives a Kialo discussion of a claim and what
supports and attacks it; :func:`read(text, filename)` reads Kialo's export (``1.``,
``1.1. Pro:``, ``1.1.1. Con:``) into the raw data of a map for
:func:`arguments.loader.build`; :func:`looks_like` tells it from other text.
"""

from .reader import looks_like, read
from .writer import MAX_CLAIM, default_claim, write

__all__ = ["MAX_CLAIM", "default_claim", "looks_like", "read", "write"]
