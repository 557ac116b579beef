"""Seminar handouts: a view's diagram and each of its claims with quotes and citations.

Contract: :func:`html.write`, :func:`markdown.write` and :func:`pdf.write`
turn a :class:`~.common.Sheet` (the whole map, the claims a view shows, its
title) and its diagram, drawn by the caller, into a document ready to print: the
title and source line, the diagram, then every claim of the view, chapter by
chapter in reading order, numbered, with its kind, actor and date, its
quotes (verbatim, with speaker and citation) and its relations to the other
claims shown.  Map text is data: the HTML escapes it everywhere; the diagram
is the SVG of :func:`arguments.render.render`, whose labels are escaped;
the Markdown escapes Markdown's own characters.

The diagram numbers each claim as the list does.  The HTML is self-contained
(the SVG inline, print styles for A4 and Letter:
the diagram on a landscape page of its own, claims never split across
pages); a claim in the diagram links to its entry.  The Markdown embeds the
diagram as an SVG data URI (shown by Pandoc, VS Code, Obsidian, Typora).
The PDF is made with fpdf2 (pure Python, no system libraries): the diagram
fitted to a landscape page at 220 dpi, the claims in Source Sans Pro, the font
the diagrams use.
"""

from __future__ import annotations

from .common import Sheet, entries, numbers

__all__ = ["Sheet", "entries", "numbers"]
