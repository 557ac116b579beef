"""Slide decks: a view's slides, drawn by :mod:`arguments.render`, as PowerPoint or PDF.

What the slides are, after the title slide (source line under the title):

- a comparison: one slide per topic on which the two actors relate (a topic whose
  diagram would be illegible on one slide takes several, by date), the diagram of the
  two actors on that topic, and in the speaker notes each side's key quotes;
- a postulate: its trajectory, the fate diagram (on as many slides as it needs);
- a verdict: its tree;
- the map or a focus: the slides of :func:`arguments.render.pages.plan` (an overview
  of the chapters, then chapter by chapter).

The speaker notes of a slide that is not a comparison list its claims with a quote each.
"""

from __future__ import annotations

from dataclasses import replace

from ..analysis.periods import pair_links
from ..formats import slides as deck_writer
from ..formats.slides import Deck, Slide
from ..models import Map
from ..render.pages import Page, draw, paper, plan
from ..text import quoted, shorten
from ..views import View, select

PPTX_DPI = 144  # a slide's diagram at a 1920 x 1080 projector's pixels (18 px body text)
QUOTE_LIMIT = 400  # characters of a quote in the speaker notes


def _pages(m: Map, view: View) -> list[tuple[str, Page]]:
    """(heading, page) of every slide after the title slide."""
    slide = paper("slide", "landscape")
    assert slide is not None
    if view.kind == "compare":
        sel = select(m, view)
        a, b = view.actors[0], view.actors[1]
        related = {t for link in pair_links(m, a, b) for t in link.topics}
        out = []
        for t in m.topics:
            if t.id not in related or view.topic not in (None, t.id):
                continue
            if not any(t.id in c.topics for c in sel.map.claims):
                continue
            for page in plan(m, replace(view, topic=t.id), slide):
                out.append((t.label + (f", {page.caption}" if page.caption else ""), page))
        return out
    title = shorten(select(m, view).title, 80)
    return [
        (f"{title} ({page.caption})" if page.caption else title, page)
        for page in plan(m, view, slide)
    ]


def _claims(m: Map, view: View, page: Page) -> list:
    shown = select(m, page.view).map
    return (
        sorted(shown.claims, key=lambda c: c.sort_date) if view.kind == "compare" else shown.claims
    )


def _notes(m: Map, view: View, page: Page) -> str:
    """Each side's key quotes (a comparison), or each claim with a quote."""
    claims = _claims(m, view, page)
    lines = []
    sides = [(m.actor_name(a), [c for c in claims if a in c.actors]) for a in view.actors]
    if view.kind != "compare":
        sides = [("", claims)]
    for name, held in sides:
        if name:
            lines.append(f"{name}:")
        for c in held:
            when = f" ({c.date})" if c.date else ""
            quote = c.quotes[0].text if c.quotes else c.text
            lines.append(f"- {m.credited(c)}{when}: {quoted(shorten(quote, QUOTE_LIMIT))}")
        lines.append("")
    return "\n".join(lines).strip()


def _deck(m: Map, view: View, as_png: bool) -> Deck:
    slide = paper("slide", "landscape")
    assert slide is not None
    sel = select(m, view)
    slides = []
    for heading, page in _pages(m, view):
        k = page.scale(slide)
        slides.append(
            Slide(
                heading=shorten(heading, 120),
                png=draw(page, "png", PPTX_DPI, k) if as_png else b"",
                pdf=b"" if as_png else draw(page, "pdf"),
                notes=_notes(m, view, page),
            )
        )
    source = m.source_line(c.chapter for c in sel.map.claims)
    return Deck(sel.title, source, m.source.author, slides)


def pptx(m: Map, view: View) -> bytes:
    return deck_writer.pptx(_deck(m, view, as_png=True))


def slides_pdf(m: Map, view: View) -> bytes:
    return deck_writer.pdf(_deck(m, view, as_png=False))
