"""The download menu: every export that fits a view, made only when it is asked for.

Contract: :func:`menu` draws a "Download" popover listing, by family, every format of
:data:`arguments.exporters.EXPORTERS` that fits the view (a comparison's table only for
a comparison; everything else for any view), each a ``st.download_button`` whose file
is written by a callable when the button is clicked (never on a rerun), named after the
view (:func:`arguments.views.view_slug`).  Formats another module adds to the table
appear by themselves; options (the PDF's page size and orientation) are offered to the
exporters whose function takes them.  :func:`exported` runs one exporter.
"""

from __future__ import annotations

import functools
import inspect
from typing import Any

import streamlit as st

from arguments.exporters import EXPORTERS, Exporter
from arguments.models import Map
from arguments.views import View, view_slug

#: how the menu groups the formats (by what a reader does with them), in order
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Diagram", ("svg", "png", "png300", "pdf", "dot")),
    ("Handout", ("handout", "handout-pdf", "handout-md")),
    ("Slides", ("pptx", "slides-pdf")),
    ("Source text", ("annotated-text", "annotated-text-pdf")),
    ("Tables", ("csv", "relations-csv", "compare-csv", "xlsx")),
    ("For other tools", ("argdown", "aif", "kialo", "graphml", "json")),
)
LABELS = {
    "svg": "SVG",
    "png": "PNG",
    "png300": "PNG 300 dpi",
    "pdf": "PDF",
    "dot": "DOT",
    "handout": "Handout (HTML)",
    "handout-md": "Handout (Markdown)",
    "handout-pdf": "Handout (PDF)",
    "annotated-text": "Annotated text (HTML)",
    "annotated-text-pdf": "Annotated text (PDF)",
    "pptx": "Slides (PowerPoint)",
    "slides-pdf": "Slides (PDF)",
    "csv": "Claims (CSV)",
    "relations-csv": "Relations (CSV)",
    "compare-csv": "Comparison (CSV)",
    "xlsx": "Excel",
    "json": "argmap JSON (whole map)",
    "argdown": "Argdown",
    "aif": "AIF (OVA, AIFdb)",
    "graphml": "GraphML",
    "kialo": "Kialo",
}
#: added to the view's name where two formats share an extension
SUFFIX = {
    "png300": "-300dpi",
    "handout": "-handout",
    "handout-md": "-handout",
    "handout-pdf": "-handout",
    "slides-pdf": "-slides",
    "annotated-text": "-annotated",
    "annotated-text-pdf": "-annotated",
    "csv": "-claims",
    "relations-csv": "-relations",
    "compare-csv": "-comparison",
    "aif": "-aif",
    "kialo": "-kialo",
}
PAGE_NAMES = {"a4": "A4", "a3": "A3", "letter": "Letter", "slide": "Slide 16:9", "fit": "Fit"}


def fits(exp: Exporter, view: View, has_text: bool = False) -> bool:
    """Whether a format fits a view (a comparison's table needs two actors; the annotated
    text needs the map's source text)."""
    if exp.name == "compare-csv":
        return view.kind == "compare"
    if getattr(exp, "text", "") == "needs":
        return has_text
    return True


@functools.cache
def takes(fmt: str) -> frozenset[str]:
    """The options an exporter's function takes (``page``, ``orientation``, ...)."""
    try:
        params = inspect.signature(EXPORTERS[fmt].function).parameters
    except (ImportError, ValueError, TypeError):  # pragma: no cover - a broken entry
        return frozenset()
    return frozenset(list(params)[2:])


PLAIN = {"svg", "png", "pdf", "dot", "xlsx", "json", "argdown", "graphml", "pptx"}


def file_name(slug: str, fmt: str) -> str:
    """``slug.ext``, with a suffix where formats share an extension (a format added to the
    table later gets its own name as the suffix)."""
    exp = EXPORTERS[fmt]
    base = "map" if fmt == "json" else slug  # json is always the whole map
    suffix = SUFFIX.get(fmt, "" if fmt in PLAIN else f"-{fmt}")
    return f"{base}{suffix}.{exp.extension}"


PAPER = ("page", "orientation")  # the PDF's page: the menu's choice goes to PDFs only


def options_for(fmt: str, options: dict[str, Any]) -> dict[str, Any]:
    """The options of ``options`` that format ``fmt`` takes (the page size only to a PDF:
    an SVG or PNG of a view too large for one page would be one page of several)."""
    pdf = EXPORTERS[fmt].extension == "pdf"
    return {
        k: v
        for k, v in options.items()
        if k in takes(fmt) and v is not None and (pdf or k not in PAPER)
    }


def exported(m: Map, view: View, fmt: str, **options: Any) -> bytes:
    """The file of one format (runs when its button is clicked, outside the script)."""
    out = EXPORTERS[fmt].run(m, view, **options_for(fmt, options))
    return out.encode("utf-8") if isinstance(out, str) else out


def formats(view: View, has_text: bool = False) -> list[tuple[str, list[Exporter]]]:
    """The formats that fit ``view``, grouped; a format no group names goes under the
    group of its family ("diagram", "document", "interchange")."""
    named = {f for _, fs in GROUPS for f in fs}
    family = {"Diagram": "diagram", "Tables": "document", "For other tools": "interchange"}
    out: list[tuple[str, list[Exporter]]] = []
    for title, names in GROUPS:
        exps = [
            EXPORTERS[n] for n in names if n in EXPORTERS and fits(EXPORTERS[n], view, has_text)
        ]
        extra = [
            e
            for e in EXPORTERS.values()
            if e.name not in named and e.family == family.get(title) and fits(e, view, has_text)
        ]
        if exps or extra:
            out.append((title, exps + extra))
    return out


def page_choice(key: str, fmts: tuple[str, ...] = ("pdf",)) -> dict[str, Any]:
    """The page size and orientation of the PDF (when one of ``fmts`` takes them)."""
    if not any(f in EXPORTERS and "page" in takes(f) for f in fmts):
        return {}
    cols = st.columns(2)
    page = cols[0].selectbox(
        "PDF page",
        list(PAGE_NAMES),
        format_func=PAGE_NAMES.__getitem__,
        key=f"{key}-page",
        help="A4 landscape by default; a view too large to read on one page is split into "
        "pages that keep the text legible. Fit: one page the size of the drawing.",
    )
    orientation = cols[1].selectbox(
        "Orientation",
        ["landscape", "portrait"],
        format_func=str.capitalize,
        key=f"{key}-orientation",
        disabled=page in ("fit", "slide"),
    )
    return {"page": page, "orientation": orientation}


def buttons(m: Map, view: View, *, key: str, slug: str, options: dict[str, Any], only=None) -> None:
    """The download buttons of the formats that fit ``view`` (``only``: these formats)."""
    for title, exps in formats(view, bool(options.get("text"))):
        exps = [e for e in exps if only is None or e.name in only]
        if not exps:
            continue
        st.caption(title)
        row = st.container(horizontal=True, gap="small", key=f"{key}-{title[:5].lower()}")
        for exp in exps:
            row.download_button(
                LABELS.get(exp.name, exp.name.upper()),
                data=functools.partial(exported, m, view, exp.name, **options),
                file_name=file_name(slug, exp.name),
                mime=exp.mime,
                help=exp.description,
                key=f"{key}-dl-{exp.name}",
                on_click="ignore",
                icon=":material/download:",
            )


def menu(m: Map, view: View, *, key: str, slug: str | None = None, text: str | None = None) -> None:
    """A "Download" popover with every format that fits ``view``; ``text`` is the map's
    source text (the annotated text needs it)."""
    slug = slug or view_slug(m, view)
    pop = st.popover(
        "Download",
        icon=":material/download:",
        key=f"{key}-menu",
        on_change="rerun",
        help="The diagram, a handout, slides, tables and files for other tools, "
        "named after this view",
    )
    with pop:
        if not pop.open:
            return
        st.caption(f"Files named {slug}.…, of what this view shows.")
        options = {**page_choice(key), "text": text}
        buttons(m, view, key=key, slug=slug, options=options)
