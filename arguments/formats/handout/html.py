"""The handout as one HTML page, ready to print.

Contract: :func:`write` is a pure function of the sheet and its diagram (an
SVG, drawn by the caller with the handout's numbers); every piece of map text
is escaped.  The page carries its font (Source Sans Pro cut down to the
characters it sets, as WOFF2 in ``@font-face``), so the diagram's text stays
inside its boxes on any computer.  Print styles for A4 and Letter: page 1 is
landscape and holds the title, the source line and the diagram; the claims
follow, never split across pages, a heading never left at the foot of a page;
a claim in the diagram links to its entry.
"""

from __future__ import annotations

import html
import re

from ... import fonts
from ...text import quoted, shorten
from .common import Sheet, entries, inline_svg, meta, numbers

CSS = """
@page { size: A4; margin: 16mm 15mm; }
@page first { size: A4 landscape; margin: 10mm 12mm; }
body { font-family: 'Source Sans Pro','Source Sans 3',Arial,Helvetica,sans-serif;
       font-size: 11pt; line-height: 1.4; color: #111; max-width: 52em; margin: 2em auto;
       padding: 0 1em; }
h1 { font-size: 22pt; line-height: 1.15; margin: 0 0 .2em; }
.source { color: #444; margin: 0 0 1em; }
.first { page: first; }
.diagram { margin: 1em 0 2em; }
.diagram svg { width: 100%; height: auto; }
h2 { font-size: 15pt; border-bottom: 1px solid #bbb; margin: 1.4em 0 .6em; }
.claim { break-inside: avoid; page-break-inside: avoid; border-left: 6px solid #ddd;
         padding: .2em 0 .2em .8em; margin: 0 0 1em; }
.claim .meta { font-size: 9.5pt; text-transform: uppercase; letter-spacing: .03em;
               color: #333; }
.claim .n { font-weight: 700; }
.claim .text { font-weight: 700; margin: .1em 0 .3em; }
blockquote { margin: .2em 0 .3em 1em; font-style: italic; }
blockquote .cite { font-style: normal; color: #444; font-size: 9.5pt; }
blockquote .context { font-style: normal; color: #555; font-size: 9pt; margin-top: .15em; }
ul.rels { margin: .2em 0 0 1em; padding: 0; font-size: 10pt; color: #333; list-style: none; }
ul.rels a { color: inherit; }
h2 { break-after: avoid; page-break-after: avoid; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  /* page 1: the title, the source line and the diagram, fitted below them */
  .first { break-after: page; page-break-after: always; }
  .first h1 { font-size: 18pt; }
  .first .source { margin: 0 0 2mm; }
  .diagram { margin: 0; break-inside: avoid; }
  .diagram svg { display: block; margin: 0 auto; width: auto; max-width: 100%;
                 height: 158mm; }
  a { color: inherit; text-decoration: none; }
}
"""


def write(sheet: Sheet, diagram_svg: bytes) -> str:
    """The handout as one HTML page; ``diagram_svg`` is its diagram, drawn with the
    numbers of :func:`~.common.numbers`."""
    m = sheet.map
    sections = entries(m, sheet.shown)
    num = numbers(sections)
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(sheet.title)}</title><style>{CSS}</style>{FONTS}</head><body>",
        '<header class="first">',
        f"<h1>{e(sheet.title)}</h1>",
        f'<p class="source">{e(sheet.source_line)} \u00b7 {len(sheet.shown.claims)} '
        f"claims, {len(sheet.shown.relations)} relations</p>",
        f'<figure class="diagram">{inline_svg(diagram_svg)}</figure>',
        "</header>",
    ]
    for title, items in sections:
        parts.append(f"<h2>{e(title)}</h2>")
        for it in items:
            c = it.claim
            parts.append(
                f'<section class="claim" id="entry-{e(c.id)}" style="border-left-color:'
                f'{m.colour_of(c.actor)}">'
            )
            parts.append(f'<div class="meta"><span class="n">{it.n}.</span> {e(meta(m, c))}</div>')
            parts.append(f'<div class="text">{e(c.text)}</div>')
            for j, q in enumerate(c.quotes):
                who = f"{e(m.actor_name(q.speaker))}: " if q.speaker else ""
                cite = f' <span class="cite">\u2014 {e(q.cites)}</span>' if q.cites else ""
                ctx = sheet.context.get((c.id, j))
                around = f'<div class="context">In context: {e(ctx)}</div>' if ctx else ""
                parts.append(f"<blockquote>{who}{e(quoted(q.text))}{cite}{around}</blockquote>")
            if it.rels:
                parts.append('<ul class="rels">')
                for verb, other, note in it.rels:
                    oc = m.claim(other)
                    nt = f" \u2014 <i>{e(note)}</i>" if note else ""
                    parts.append(
                        f'<li>{e(verb)} <a href="#entry-{e(other)}">{num[other]}. '
                        f"{e(shorten(oc.text))}</a>{nt}</li>"
                    )
                parts.append("</ul>")
            parts.append("</section>")
    parts.append("</body></html>")
    page = "\n".join(parts) + "\n"
    return page.replace(FONTS, f'<style id="fonts">\n{_fonts(page)}\n</style>', 1)


FONTS = "<!--fonts-->"  # where the embedded font goes, once the page's text is known
_TAGS = re.compile(r"<(style|script)\b.*?</\1>|<[^>]*>", re.S)


def _fonts(page: str) -> str:
    """The font of the page cut down to the characters it sets, embedded (WOFF2): the
    handout looks as it should on a computer without Source Sans Pro.  Regular, bold and
    italic each get every character of the page (a few kilobytes more than each one's
    own, and no way to miss one)."""
    chars = "".join(sorted(set(html.unescape(_TAGS.sub(" ", page))) - {"\n", "\r", "\t"}))
    return fonts.font_face_css(dict.fromkeys(FACES, chars))


FACES = (("normal", "normal"), ("bold", "normal"), ("normal", "italic"))
