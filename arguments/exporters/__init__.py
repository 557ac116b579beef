"""The last stage of the pipeline: exporters, named once each in one table.

Contract: :data:`EXPORTERS` maps each format name to an :class:`Exporter`
whose ``run(map, view, **options)`` returns ``bytes`` (binary formats) or
``str``; it reads nothing but its arguments and writes nothing.  The CLI
(``export --format NAME``) and the app's download buttons both go through
this table, so a format added here is available everywhere.  Each entry
names its function as ``"module:function"`` within this package, imported
only when that format is exported (listing the formats imports nothing).

Formats by family (``Exporter.family``):

- ``diagram``: svg, png, png300, pdf, dot (:mod:`.diagrams`, drawn by
  :mod:`arguments.render`), each taking ``page`` and ``orientation`` (svg and png also
  ``part``, svg ``text_mode``: ``text`` with its font embedded, or ``paths``)
- ``document``: handout (HTML), handout-md, handout-pdf; annotated-text (HTML)
  and annotated-text-pdf (the source text with the quotes on it: these take the
  map's text as the option ``text=``, and the handouts take it with
  ``context=True`` to add each quote's sentence); pptx, slides-pdf (:mod:`.slides`);
  csv, relations-csv, compare-csv, xlsx (:mod:`.documents`, written by
  :mod:`arguments.formats`)
- ``interchange``: json (lossless, ours), argdown, aif, graphml, kialo
  (:mod:`.interchange`)

Every format but json exports the claims and relations the view selects (the
whole map by default); json is always the whole map, so that it round-trips.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..models import Map
from ..views import VIEW_HELP, VIEWS, View, selected

FAMILIES = ("diagram", "document", "interchange")
#: the diagram exporters' options: ``page``, ``orientation`` and (SVG) ``text``; stated
#: here so that listing them loads no drawing code (a test checks they match
#: :mod:`arguments.render.pages`)
PAGES = ("a4", "a3", "letter", "slide", "fit")
ORIENTATIONS = ("landscape", "portrait")
TEXTS = ("text", "paths")


class Paged(ValueError):
    """A view of several pages asked for as one image: pick one with ``part``."""

    def __init__(self, pages: int, fmt: str):
        self.pages = pages
        super().__init__(
            f"this view takes {pages} pages at a legible size; choose one with --part 1 to "
            f"{pages}, write them all to a folder (-o DIR/), or export the whole view as "
            f"pdf, slides-pdf or pptx (not {fmt})"
        )


@dataclass(frozen=True)
class Exporter:
    name: str
    extension: str
    mime: str
    family: str
    description: str
    target: str  # "module:function" in this package
    binary: bool = False
    #: "needs": it prints the map's source text (option ``text=``); "can": an option uses it
    text: str = ""

    @property
    def diagram(self) -> bool:
        """True when the output is a picture of a view."""
        return self.family == "diagram"

    @property
    def function(self) -> Callable[..., bytes | str]:
        module, name = self.target.split(":")
        return getattr(importlib.import_module(f"{__name__}.{module}"), name)

    def run(self, m: Map, view: View | None = None, **options: Any) -> bytes | str:
        return self.function(m, view or View(), **options)


_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter(
            "svg",
            "svg",
            "image/svg+xml",
            "diagram",
            "SVG diagram of the view (sharp at any size: projector, web page)",
            "diagrams:svg",
            binary=True,
        ),
        Exporter(
            "png",
            "png",
            "image/png",
            "diagram",
            "PNG diagram of the view at 150 dpi (slides)",
            "diagrams:png",
            binary=True,
        ),
        Exporter(
            "png300",
            "png",
            "image/png",
            "diagram",
            "PNG diagram of the view at 300 dpi (print)",
            "diagrams:png300",
            binary=True,
        ),
        Exporter(
            "pdf",
            "pdf",
            "application/pdf",
            "diagram",
            "PDF diagram of the view (vector, for handouts)",
            "pdfs:pdf",
            binary=True,
        ),
        Exporter(
            "dot",
            "dot",
            "text/vnd.graphviz",
            "diagram",
            "Graphviz DOT source of the view (to restyle or lay out again with Graphviz)",
            "diagrams:dot",
        ),
        Exporter(
            "handout",
            "html",
            "text/html",
            "document",
            "Handout (HTML, print-ready): the diagram, then each claim with its quotes, "
            "citations and relations",
            "documents:handout_html",
            text="can",
        ),
        Exporter(
            "handout-md",
            "md",
            "text/markdown",
            "document",
            "Handout (Markdown): the diagram (SVG inside) and each claim with quotes and citations",
            "documents:handout_markdown",
            text="can",
        ),
        Exporter(
            "handout-pdf",
            "pdf",
            "application/pdf",
            "document",
            "Handout (PDF): the diagram on a landscape page, then each claim with quotes and "
            "citations",
            "documents:handout_pdf",
            binary=True,
            text="can",
        ),
        Exporter(
            "annotated-text",
            "html",
            "text/html",
            "document",
            "The source text with the view's quotes highlighted in their actors' colours and "
            "the claims named in the margin (HTML, print-ready), for close reading",
            "documents:annotated_html",
            text="needs",
        ),
        Exporter(
            "annotated-text-pdf",
            "pdf",
            "application/pdf",
            "document",
            "The annotated text as an A4 PDF: highlighted quotes, the claims in the margin, "
            "the footnotes after each chapter",
            "documents:annotated_pdf",
            binary=True,
            text="needs",
        ),
        Exporter(
            "pptx",
            "pptx",
            _PPTX,
            "document",
            "Slide deck (PowerPoint, 16:9): a title slide, then a comparison topic by topic "
            "(both sides' key quotes in the speaker notes), a postulate's trajectory, a "
            "verdict's tree, or the map chapter by chapter",
            "slides:pptx",
            binary=True,
        ),
        Exporter(
            "slides-pdf",
            "pdf",
            "application/pdf",
            "document",
            "The same slides as a 16:9 PDF (vector), one slide a page",
            "slides:slides_pdf",
            binary=True,
        ),
        Exporter(
            "csv",
            "csv",
            "text/csv",
            "document",
            "CSV of the claims of the view: id, kind, actor, date, chapter, topics, text, "
            "quotes, citations",
            "documents:claims_csv",
        ),
        Exporter(
            "relations-csv",
            "csv",
            "text/csv",
            "document",
            "CSV of the relations of the view: source, kind, target, both texts, note, quote",
            "documents:relations_csv",
        ),
        Exporter(
            "compare-csv",
            "csv",
            "text/csv",
            "document",
            "CSV of the comparison of two actors (--actors A B, --topic T): per topic and "
            "period, each one's claims and how they relate",
            "documents:compare_csv",
        ),
        Exporter(
            "xlsx",
            "xlsx",
            _XLSX,
            "document",
            "Excel workbook: sheets Claims and Relations of the view, and Comparison when the "
            "view compares two actors",
            "documents:xlsx",
            binary=True,
        ),
        Exporter(
            "json",
            "json",
            "application/json",
            "interchange",
            "argmap/2 JSON: the whole map, lossless; `import --format json` reads it back",
            "interchange:json",
        ),
        Exporter(
            "argdown",
            "argdown",
            "text/plain",
            "interchange",
            "Argdown: statements with tags (actor, kind, date) and data (topics, quotes), "
            "support, attack, undercut, contradiction, a section per chapter; the Argdown "
            "tools read it and `import --format argdown` reads it back",
            "interchange:argdown",
        ),
        Exporter(
            "aif",
            "json",
            "application/json",
            "interchange",
            "AIF JSON for OVA and AIFdb: claims as I nodes, supports as RA, attacks and "
            "contradictions as CA, revisions as MA, actors as participants, quotes as "
            "locutions",
            "interchange:aif",
        ),
        Exporter(
            "graphml",
            "graphml",
            "application/graphml+xml",
            "interchange",
            "GraphML (networkx) for Gephi, yEd, Cytoscape: claims and relations with every "
            "field as an attribute",
            "interchange:graphml",
        ),
        Exporter(
            "kialo",
            "txt",
            "text/plain",
            "interchange",
            "Kialo discussion (plain text): the --claim (default: the thesis) and what "
            "supports (Pro) and attacks (Con) it, as a numbered tree",
            "interchange:kialo",
        ),
    )
}


def export(m: Map, fmt: str, view: View | None = None, **options: Any) -> bytes | str:
    """The file of format ``fmt`` for a view of ``m``; KeyError for an unknown format."""
    if fmt not in EXPORTERS:
        raise KeyError(fmt)
    return EXPORTERS[fmt].run(m, view or View(), **options)


__all__ = [
    "EXPORTERS",
    "FAMILIES",
    "ORIENTATIONS",
    "PAGES",
    "TEXTS",
    "VIEWS",
    "VIEW_HELP",
    "Exporter",
    "Paged",
    "View",
    "export",
    "selected",
]
