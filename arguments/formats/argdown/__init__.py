"""Argdown (https://argdown.org) out and back: the whole language in, our export out.

Contract: :func:`read(text, filename)` reads any Argdown document into the raw
data of a map (``YMap``/``YList`` that remember line and column, for
:func:`arguments.loader.build`): the text is parsed with a Lark grammar of the whole
language (:mod:`.syntax`: statements, arguments, premise-conclusion structures,
every relation in both directions at any depth, comments, headings, tags, links,
mentions, emphasis, front matter, data, Windows line endings), modelled as the
Argdown CLI models it (:mod:`.model`), and mapped into a map (:mod:`.reader`,
:mod:`.links`).  :func:`write(map)` writes an ``.argdown`` file that the Argdown
tools parse without error and that :func:`read` gives back as the same map.
Problems are :class:`~arguments.errors.MapError` with the code ``argdown-syntax`` and
the exact line and column.

Our export, as written::

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

    <argument-id>: A claim of kind argument. #unattributed #argument
      {...}
      +> [its-conclusion]

    <reason supports target>              a support that is undercut, as an
                                          argument with premise and conclusion
    (1) [reason]
    ----
    (2) [target]

Tags carry the actor (its id), the kind and the date; the statement's data
(JSON, which is YAML flow style) carries topics, quotes, a postulate's number
and the relations Argdown has no syntax for (``agrees``, ``adopts``,
``revises``, ``elaborates``, a contradiction with an argument), plus the kind
(``confirms``, ``disconfirms``), note, quote and fate of the relations it has.  A
relation deleted in Argdown is gone on import even when the data still mentions
it; one added in Argdown comes back as supports, attacks, contradicts or undercuts.

A document without ``argmap:`` in its front matter is anyone's Argdown: see
:mod:`.reader` for how its statements, arguments, relations, tags and sections
become a map.
"""

from .reader import fast_map, looks_like, read
from .writer import escape_text, write

__all__ = ["escape_text", "fast_map", "looks_like", "read", "write"]
