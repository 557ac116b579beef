"""Document exports: handouts (the view's diagram and its claims) and tables."""

from __future__ import annotations

import pandas as pd

from ..analysis.anchors import Anchor, anchor, sentence_around
from ..formats import tables
from ..formats.handout import Sheet, entries, numbers
from ..formats.handout import html as handout_html_writer
from ..formats.handout import markdown as handout_md_writer
from ..formats.handout import pdf as handout_pdf_writer
from ..models import Map
from ..render import render
from ..render.reading import document_html
from ..render.reading_pdf import annotated_pdf as _annotated_pdf
from ..views import View, select, selected


def _needs_text(text: str | None, what: str) -> str:
    if text is None:
        raise ValueError(
            f"{what} needs the map's source text: name it in the map (`text: FILE` under `source:`)"
        )
    return text


def _sheet(
    m: Map, view: View, text: str | None = None, context: bool = False
) -> tuple[Sheet, dict[str, int]]:
    sel = select(m, view)
    around: dict[tuple[str, int], str] = {}
    if context:
        found = anchor(m, _needs_text(text, "each quote's sentence (--context)"))
        shown = {c.id for c in sel.map.claims}
        for a in found.items:
            if a.claim in shown and (s := sentence_around(found, a)):
                around[(a.claim, a.index)] = s
    return Sheet(m, sel.map, sel.title, around), numbers(entries(m, sel.map))


def handout_html(m: Map, view: View, *, text: str | None = None, context: bool = False) -> str:
    sheet, nums = _sheet(m, view, text, context)
    return handout_html_writer.write(sheet, render(m, view, "svg", numbers=nums))


def handout_markdown(m: Map, view: View, *, text: str | None = None, context: bool = False) -> str:
    sheet, nums = _sheet(m, view, text, context)
    return handout_md_writer.write(sheet, render(m, view, "svg", numbers=nums))


def handout_pdf(m: Map, view: View, *, text: str | None = None, context: bool = False) -> bytes:
    sheet, nums = _sheet(m, view, text, context)
    return handout_pdf_writer.write(
        sheet, lambda fit, dpi: render(m, view, "png", dpi=dpi, fit=fit, numbers=nums)
    )


def claims_csv(m: Map, view: View) -> str:
    return tables.claims_csv(selected(m, view))


def relations_csv(m: Map, view: View) -> str:
    return tables.relations_csv(selected(m, view))


def _pair(m: Map, view: View) -> tuple[str, str]:
    if len(view.actors) != 2:
        raise ValueError("a comparison needs two actors (--actors A B)")
    for a in view.actors:
        if a not in m.actor_index:
            raise ValueError(f"no actor has the id {a!r}")
    return view.actors[0], view.actors[1]


def compare_csv(m: Map, view: View) -> str:
    a, b = _pair(m, view)
    return tables.comparison_csv(m, a, b, view.topic)


def xlsx(m: Map, view: View) -> bytes:
    sel = selected(m, view)
    sheets: dict[str, pd.DataFrame] = {
        "Claims": tables.claims_frame(sel),
        "Relations": tables.relations_frame(sel),
    }
    if len(view.actors) == 2:
        a, b = _pair(m, view)
        sheets["Comparison"] = tables.comparison_frame(m, a, b, view.topic)
    return tables.xlsx(sheets)


def _annotated(m: Map, view: View, text: str | None):
    found = anchor(m, _needs_text(text, "the annotated text"))
    sel = selected(m, view)
    ids = {c.id for c in sel.claims}

    def keep(a: Anchor) -> bool:
        if a.claim is not None:
            return a.claim in ids
        return a.relation is not None and a.relation[0] in ids and a.relation[2] in ids

    f = view.filters
    chapters = sorted(f.chapters) if f is not None and f.chapters else None
    return found, keep, chapters


def annotated_html(m: Map, view: View, *, text: str | None = None) -> str:
    found, keep, chapters = _annotated(m, view, text)
    return document_html(m, found, keep=keep, chapters=chapters)


def annotated_pdf(m: Map, view: View, *, text: str | None = None) -> bytes:
    found, keep, chapters = _annotated(m, view, text)
    return _annotated_pdf(m, found, keep=keep, chapters=chapters)
