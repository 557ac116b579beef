"""Argdown out and back: the subset of Argdown that argmap writes and reads.

Contract: :func:`write(map)` writes an ``.argdown`` file that the
Argdown tools (``@argdown/cli``, the VS Code extension, the Argdown sandbox)
parse without error, and :func:`read(text, filename)` reads it back
into the raw data of a map (``YMap``/``YList`` that remember line and column,
for :func:`arguments.loader.build`), so that export -> import gives the same
claims, relations, actors, dates and quotes.  Lines outside the subset raise
:class:`~arguments.errors.MapError` with the code ``argdown-syntax`` and the
exact line and column.

The subset, as written::

    ===                                   front matter (YAML): source, actors,
    title: ...                            topics, and Argdown settings (actor
    argmap: {source: ..., actors: ...}    colours as tag colours, text labels)
    ===

    # I: A Vision {chapter: "I"}          one section per chapter

    [claim-id]: The claim's text. #trotsky #position #1917-04
      {"topics": [...], "quotes": [{"text": ..., "cites": ..., "speaker": ...}]}
      +> [other]                          supports
      -> [other]                          attacks
      >< [other]                          contradicts
      _> <reason supports target>         undercuts (the support, as an argument)

    <reason supports target>              a support that is undercut, as an
                                          argument with premise and conclusion
    (1) [reason]
    ----
    (2) [target]

Tags carry the actor (its id), the kind and the date; the statement's data
(JSON, which is YAML flow style) carries topics, quotes, a postulate's number
and the relations Argdown has no syntax for (``agrees``, ``adopts``,
``revises``, ``elaborates``), plus the kind (``confirms``, ``disconfirms``),
note and quote of the relations it has.  A relation deleted in Argdown is
gone on import even when the data still mentions it; one added in Argdown
comes back as supports, attacks, contradicts or undercuts.

The reader also accepts what people write by hand in Argdown: relations
nested under relations (``+ [a]`` under ``[b]`` means a supports b, ``+>``
means b supports a), statements defined inside relations, incoming relations
(``+``, ``-``, ``<+``, ``<-``), text continued on the next line, ``//``
comments and ``<!-- -->`` on one line.
"""

from .reader import looks_like, read
from .writer import escape_text, write

__all__ = ["escape_text", "looks_like", "read", "write"]
