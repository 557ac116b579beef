"""The handout in Markdown (Pandoc, VS Code, Obsidian, Typora show it).

Contract: :func:`write` is a pure function of the sheet and its diagram (an SVG,
embedded as a data URI); map text is escaped for Markdown.
"""

from __future__ import annotations

import base64

from ...text import markdown as md
from ...text import quoted, shorten
from .common import Sheet, entries, meta, numbers


def write(sheet: Sheet, diagram_svg: bytes) -> str:
    """The handout in Markdown; ``diagram_svg`` (drawn with the handout's numbers) is
    embedded as a data URI."""
    m = sheet.map
    sections = entries(m, sheet.shown)
    num = numbers(sections)
    data = base64.b64encode(diagram_svg).decode("ascii")
    lines = [
        f"# {md(sheet.title)}",
        "",
        f"*{md(sheet.source_line)}* \u00b7 "
        f"{len(sheet.shown.claims)} claims, {len(sheet.shown.relations)} relations",
        "",
        f"![Diagram: {md(sheet.title)}](data:image/svg+xml;base64,{data})",
        "",
    ]
    for title, items in sections:
        lines += [f"## {md(title)}", ""]
        for it in items:
            c = it.claim
            lines += [
                f'<a id="entry-{c.id}"></a>',
                "",
                f"**{it.n}. {md(c.text)}**  ",
                f"*{md(meta(m, c))}*",
                "",
            ]
            for j, q in enumerate(c.quotes):
                who = f"{md(m.actor_name(q.speaker))}: " if q.speaker else ""
                lines.append(
                    f"> {who}{md(quoted(q.text))}" + (f" \u2014 {md(q.cites)}" if q.cites else "")
                )
                if ctx := sheet.context.get((c.id, j)):
                    lines += [">", f"> *In context:* {md(ctx)}"]
                lines.append(">")
            if c.quotes:
                lines.pop()
                lines.append("")
            for verb, other, note in it.rels:
                nt = f" \u2014 *{md(note)}*" if note else ""
                lines.append(
                    f"- {verb} [{num[other]}. {md(shorten(m.claim(other).text))}]"
                    f"(#entry-{other}){nt}"
                )
            if it.rels:
                lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
