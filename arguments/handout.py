"""Seminar handouts: a view's diagram and each of its claims with quotes and citations.

Contract: :func:`handout_html`, :func:`handout_markdown` and
:func:`handout_pdf` turn a view of a map into a document ready to print: the
title and source line, the diagram, then every claim of the view, chapter by
chapter in reading order, numbered, with its kind, actor and date, its
quotes (verbatim, with speaker and citation) and its relations to the other
claims shown.  Map text is data: the HTML escapes it everywhere; the diagram
is the SVG of :func:`arguments.diagrams.render`, whose labels are escaped;
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

import base64
import html
import io
import logging
import re
from pathlib import Path

from .analysis import quoted
from .diagrams import OTHER, actor_colours, chapter_heading, render, select
from .exporters import View, register
from .models import READS_IN, READS_OUT, Map

_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


class Entry:
    """One claim of the handout, numbered, with what it needs to be printed."""

    def __init__(self, n: int, claim, rels: list[tuple[str, str, str | None]]):
        self.n, self.claim, self.rels = n, claim, rels   # rels: (verb, other id, note)


def entries(m: Map, sel: Map) -> list[tuple[str, list[Entry]]]:
    """The claims of a selection, by chapter in reading order, numbered from 1."""
    order = m.source.chapter_order
    by_chapter: dict[str, list] = {}
    for c in sel.claims:
        by_chapter.setdefault(c.chapter, []).append(c)
    chapters = sorted(by_chapter, key=lambda ch: (order.get(ch, 999), ch))
    out, n = [], 0
    for ch in chapters:
        items = []
        for c in by_chapter[ch]:
            n += 1
            rels = []
            for r in sel.relations:
                if r.source == c.id:
                    rels.append((READS_OUT[r.kind], r.target, r.note))
                elif r.target == c.id:
                    rels.append((READS_IN[r.kind], r.source, r.note))
            items.append(Entry(n, c, rels))
        out.append((chapter_heading(m, ch), items))
    return out


def _numbers(sections) -> dict[str, int]:
    return {e.claim.id: e.n for _, items in sections for e in items}


def _meta(m: Map, c) -> str:
    kind = f"postulate {c.number}" if c.kind == "postulate" else c.kind
    return " \u00b7 ".join([kind, m.credited(c)] + ([c.date] if c.date else []))


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + "\u2026"


def _svg(m: Map, view: View, numbers: dict[str, int]) -> str:
    svg = render(m, view, "svg", numbers=numbers).decode("utf-8")
    svg = _COMMENT.sub("", _PROLOG.sub("", svg, count=1))
    # a claim in the diagram links to its entry (the diagram's own ids stay unique)
    return svg.replace('xlink:href="#claim-', 'xlink:href="#entry-')


# ------------------------------------------------------------------ HTML
CSS = """
@page { size: A4; margin: 16mm 15mm; }
@page diagram { size: A4 landscape; margin: 10mm; }
body { font-family: 'Source Sans Pro','Source Sans 3',Arial,Helvetica,sans-serif;
       font-size: 11pt; line-height: 1.4; color: #111; max-width: 52em; margin: 2em auto;
       padding: 0 1em; }
h1 { font-size: 22pt; line-height: 1.15; margin: 0 0 .2em; }
.source { color: #444; margin: 0 0 1em; }
.diagram { page: diagram; margin: 1em 0 2em; }
.diagram svg { width: 100%; height: auto; max-height: 180mm; }
h2 { font-size: 15pt; border-bottom: 1px solid #bbb; margin: 1.4em 0 .6em; }
.claim { break-inside: avoid; page-break-inside: avoid; border-left: 6px solid #ddd;
         padding: .2em 0 .2em .8em; margin: 0 0 1em; }
.claim .meta { font-size: 9.5pt; text-transform: uppercase; letter-spacing: .03em;
               color: #333; }
.claim .n { font-weight: 700; }
.claim .text { font-weight: 600; margin: .1em 0 .3em; }
blockquote { margin: .2em 0 .3em 1em; font-style: italic; }
blockquote .cite { font-style: normal; color: #444; font-size: 9.5pt; }
ul.rels { margin: .2em 0 0 1em; padding: 0; font-size: 10pt; color: #333; list-style: none; }
ul.rels a { color: inherit; }
@media print { body { margin: 0; max-width: none; } .diagram { break-after: page; }
               a { color: inherit; text-decoration: none; } }
"""


def handout_html(m: Map, view: View | None = None) -> str:
    view = view or View()
    sel = select(m, view)
    sections = entries(m, sel.map)
    num = _numbers(sections)
    colours = actor_colours(m)
    e = html.escape
    from .diagrams import _source_line
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{e(sel.title)}</title><style>{CSS}</style></head><body>",
             f"<h1>{e(sel.title)}</h1>",
             f'<p class="source">{e(_source_line(m, sel.map))} \u00b7 {len(sel.map.claims)} '
             f"claims, {len(sel.map.relations)} relations</p>",
             f'<figure class="diagram">{_svg(m, view, num)}</figure>']
    for title, items in sections:
        parts.append(f"<h2>{e(title)}</h2>")
        for it in items:
            c = it.claim
            parts.append(f'<section class="claim" id="entry-{e(c.id)}" style="border-left-color:'
                         f'{colours.get(c.actor, OTHER)}">')
            parts.append(f'<div class="meta"><span class="n">{it.n}.</span> {e(_meta(m, c))}'
                         "</div>")
            parts.append(f'<div class="text">{e(c.text)}</div>')
            for q in c.quotes:
                who = f"{e(m.actor_name(q.speaker))}: " if q.speaker else ""
                cite = f' <span class="cite">\u2014 {e(q.cites)}</span>' if q.cites else ""
                parts.append(f"<blockquote>{who}{e(quoted(q.text))}{cite}</blockquote>")
            if it.rels:
                parts.append('<ul class="rels">')
                for verb, other, note in it.rels:
                    oc = m.claim(other)
                    nt = f" \u2014 <i>{e(note)}</i>" if note else ""
                    parts.append(f'<li>{e(verb)} <a href="#entry-{e(other)}">{num[other]}. '
                                 f"{e(_short(oc.text))}</a>{nt}</li>")
                parts.append("</ul>")
            parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


# ------------------------------------------------------------------ Markdown
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md(text: str) -> str:
    """Text that Markdown shows as written (its own characters escaped, one line)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def handout_markdown(m: Map, view: View | None = None) -> str:
    view = view or View()
    sel = select(m, view)
    sections = entries(m, sel.map)
    num = _numbers(sections)
    from .diagrams import _source_line
    svg = render(m, view, "svg", numbers=num)
    data = base64.b64encode(svg).decode("ascii")
    lines = [f"# {md(sel.title)}", "", f"*{md(_source_line(m, sel.map))}* \u00b7 "
             f"{len(sel.map.claims)} claims, {len(sel.map.relations)} relations", "",
             f"![Diagram: {md(sel.title)}](data:image/svg+xml;base64,{data})", ""]
    for title, items in sections:
        lines += [f"## {md(title)}", ""]
        for it in items:
            c = it.claim
            lines += [f'<a id="entry-{c.id}"></a>', "",
                      f"**{it.n}. {md(c.text)}**  ", f"*{md(_meta(m, c))}*", ""]
            for q in c.quotes:
                who = f"{md(m.actor_name(q.speaker))}: " if q.speaker else ""
                lines.append(f"> {who}{md(quoted(q.text))}" +
                             (f" \u2014 {md(q.cites)}" if q.cites else ""))
                lines.append(">")
            if c.quotes:
                lines.pop()
                lines.append("")
            for verb, other, note in it.rels:
                nt = f" \u2014 *{md(note)}*" if note else ""
                lines.append(f"- {verb} [{num[other]}. {md(_short(m.claim(other).text))}]"
                             f"(#entry-{other}){nt}")
            if it.rels:
                lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


# ------------------------------------------------------------------ PDF
PDF_DPI = 220
FALLBACK_FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                  "/usr/share/fonts/dejavu/DejaVuSans.ttf",
                  "/usr/share/fonts/TTF/DejaVuSans.ttf")


def handout_pdf(m: Map, view: View | None = None) -> bytes:
    from fpdf import FPDF

    from . import fonts
    view = view or View()
    sel = select(m, view)
    sections = entries(m, sel.map)
    colours = actor_colours(m)
    from .diagrams import _source_line

    pdf = FPDF(unit="mm", format="A4")
    pdf.set_title(sel.title)
    pdf.set_author(m.source.author)
    pdf.set_creator("argmap")
    for style, name in (("", "Regular"), ("B", "Bold"), ("I", "It"), ("BI", "BoldIt")):
        pdf.add_font("SSP", style, str(fonts.font_file(name)))
    fallback = next((p for p in FALLBACK_FONTS if Path(p).exists()), None)
    if fallback:   # characters Source Sans Pro lacks (arrows, Cyrillic extensions...)
        pdf.add_font("Fallback", "", fallback)
        pdf.set_fallback_fonts(["Fallback"], exact_match=False)
    pdf.set_auto_page_break(True, margin=16)
    pdf.set_margins(16, 16, 16)
    widths: dict[tuple[str, float, str], float] = {}

    def para(x: float, h: float, text: str) -> None:
        """Text from x to the right margin, wrapped at spaces (fpdf2's multi_cell measures
        each line over and over: 4 s for the essay map; measuring each word once: 0.3 s)."""
        room = pdf.w - pdf.r_margin - x
        key = (pdf.font_family + pdf.font_style, pdf.font_size_pt)
        space = widths.setdefault((*key, " "), pdf.get_string_width(" "))
        line: list[str] = []
        used = 0.0
        for word in text.split():
            w = widths.get((*key, word))
            if w is None:
                w = widths[(*key, word)] = pdf.get_string_width(word)
            if line and used + space + w > room:
                pdf.set_x(x)
                pdf.cell(room, h, " ".join(line), new_x="LMARGIN", new_y="NEXT")
                line, used = [], 0.0
            used = used + space + w if line else w
            line.append(word)
        pdf.set_x(x)
        pdf.cell(room, h, " ".join(line), new_x="LMARGIN", new_y="NEXT")

    # page 1: the diagram, fitted to a landscape page
    pdf.add_page(orientation="L")
    pdf.set_font("SSP", "B", 16)
    pdf.multi_cell(0, 7, sel.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("SSP", "", 10)
    pdf.set_text_color(68, 68, 68)
    pdf.multi_cell(0, 5, _source_line(m, sel.map), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    top = pdf.get_y() + 2
    box_w, box_h = pdf.w - 32, pdf.h - top - 12
    png = render(m, view, "png", dpi=PDF_DPI, fit=(box_w / 25.4, box_h / 25.4),
                 numbers=_numbers(sections))
    from PIL import Image
    with Image.open(io.BytesIO(png)) as im:
        w_px, h_px = im.size
    scale = min(box_w / (w_px / PDF_DPI * 25.4), box_h / (h_px / PDF_DPI * 25.4), 1.0)
    w, h = w_px / PDF_DPI * 25.4 * scale, h_px / PDF_DPI * 25.4 * scale
    pdf.image(io.BytesIO(png), x=16 + (box_w - w) / 2, y=top, w=w, h=h)

    # then the claims
    num = _numbers(sections)
    pdf.add_page(orientation="P")
    for title, items in sections:
        pdf.set_font("SSP", "B", 14)
        para(16, 7, title)
        pdf.ln(1)
        for it in items:
            c = it.claim
            if pdf.get_y() > pdf.h - 50:
                pdf.add_page()
            y0 = pdf.get_y()
            pdf.set_font("SSP", "", 8.5)
            pdf.set_text_color(60, 60, 60)
            para(20, 4, f"{it.n}.  {_meta(m, c).upper()}")
            pdf.set_text_color(0, 0, 0)
            pdf.set_font("SSP", "B", 11)
            para(20, 5.2, c.text)
            for q in c.quotes:
                pdf.set_font("SSP", "I", 10)
                who = f"{m.actor_name(q.speaker)}: " if q.speaker else ""
                para(24, 4.8, f"{who}{quoted(q.text)}")
                if q.cites:
                    pdf.set_font("SSP", "", 9)
                    para(24, 4.4, f"\u2014 {q.cites}")
            if it.rels:
                pdf.set_font("SSP", "", 9)
                pdf.set_text_color(50, 50, 50)
                for verb, other, note in it.rels:
                    line = f"{verb} {num[other]}. {_short(m.claim(other).text, 80)}"
                    para(24, 4.4, line + (f" \u2014 {note}" if note else ""))
                pdf.set_text_color(0, 0, 0)
            y1 = pdf.get_y()
            colour = colours.get(c.actor, OTHER).lstrip("#")
            pdf.set_fill_color(*(int(colour[i:i + 2], 16) for i in (0, 2, 4)))
            if y1 > y0:   # the actor's colour down the left edge (on this page)
                pdf.rect(16, y0, 2, y1 - y0, style="F")
            pdf.ln(3)
    # a glyph neither font has (an emoji...) is left out; say nothing about it on stderr
    log = logging.getLogger("fpdf.output")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        return bytes(pdf.output())
    finally:
        log.setLevel(level)


# ------------------------------------------------------------------ registry
@register("handout", "html", "text/html",
          "Handout (HTML, print-ready): the diagram, then each claim with its quotes, "
          "citations and relations", family="document")
def _html(m: Map, view: View) -> str:
    return handout_html(m, view)


@register("handout-md", "md", "text/markdown",
          "Handout (Markdown): the diagram (SVG inside) and each claim with quotes and "
          "citations", family="document")
def _markdown(m: Map, view: View) -> str:
    return handout_markdown(m, view)


@register("handout-pdf", "pdf", "application/pdf",
          "Handout (PDF): the diagram on a landscape page, then each claim with quotes and "
          "citations", binary=True, family="document")
def _pdf(m: Map, view: View) -> bytes:
    return handout_pdf(m, view)
