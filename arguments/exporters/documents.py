"""Document exports: handouts (the view's diagram and its claims) and tables."""

from __future__ import annotations

import pandas as pd

from ..formats import tables
from ..formats.handout import Sheet, entries, numbers
from ..formats.handout import html as handout_html_writer
from ..formats.handout import markdown as handout_md_writer
from ..formats.handout import pdf as handout_pdf_writer
from ..models import Map
from ..render import render
from ..views import View, select, selected


def _sheet(m: Map, view: View) -> tuple[Sheet, dict[str, int]]:
    sel = select(m, view)
    return Sheet(m, sel.map, sel.title), numbers(entries(m, sel.map))


def handout_html(m: Map, view: View) -> str:
    sheet, nums = _sheet(m, view)
    return handout_html_writer.write(sheet, render(m, view, "svg", numbers=nums))


def handout_markdown(m: Map, view: View) -> str:
    sheet, nums = _sheet(m, view)
    return handout_md_writer.write(sheet, render(m, view, "svg", numbers=nums))


def handout_pdf(m: Map, view: View) -> bytes:
    sheet, nums = _sheet(m, view)
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
