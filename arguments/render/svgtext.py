"""Text in an SVG diagram that looks the same on any computer: the font inside the file,
or the text drawn as shapes.

Contract: :func:`embed_font` adds to an SVG drawn by Graphviz one ``@font-face`` per
weight and style its text uses, each the diagram font cut down to the characters set in
it, as WOFF2 (fontTools): a computer without Source Sans Pro shows the text as it was
measured, inside its boxes.  :func:`text_as_paths` replaces each ``<text>`` by the
outlines of its glyphs (each glyph defined once, placed with ``<use>``), for tools that
ignore embedded fonts; a text with a character the font lacks stays text.  Both keep
every other element, id and link as it was.
"""

from __future__ import annotations

import functools
import html
import re

from .. import fonts
from .style import FONT

_TEXT = re.compile(r"<text\b([^>]*)>(.*?)</text>", re.S)
_ATTR = re.compile(r'([\w:-]+)="([^"]*)"')
_ROOT = re.compile(r"<svg\b[^>]*>", re.S)
_ROOT_BYTES = re.compile(rb"<svg\b[^>]*>", re.S)


def _face(attrs: dict[str, str]) -> tuple[str, str]:
    weight = "bold" if attrs.get("font-weight", "normal") in ("bold", "700", "600") else "normal"
    style = "italic" if attrs.get("font-style", "normal") in ("italic", "oblique") else "normal"
    return weight, style


def _texts(svg: str):
    for mt in _TEXT.finditer(svg):
        yield mt, dict(_ATTR.findall(mt.group(1))), html.unescape(mt.group(2))


def used_characters(svg: str) -> dict[tuple[str, str], str]:
    """(weight, style) -> the characters the SVG's text sets in that face."""
    texts: dict[tuple[str, str], list[str]] = {}
    for mt in _TEXT.finditer(svg):  # one pass; 26,000 texts in a 5,000-claim map
        head = mt.group(1)
        weight = "bold" if 'font-weight="bold"' in head else "normal"
        style = "italic" if 'font-style="italic"' in head else "normal"
        texts.setdefault((weight, style), []).append(mt.group(2))
    return {
        face: "".join(sorted(set(html.unescape("".join(parts))))) for face, parts in texts.items()
    }


#: the diagram font as Graphviz names it, and with the fonts to fall back on
_FAMILY = f'font-family="{FONT}"'
_FALLBACK = f'font-family="{fonts.SVG_FAMILY}"'


def fallback_fonts(svg: str) -> str:
    """The SVG's font named with the fonts to fall back on where it is not installed."""
    return svg.replace(_FAMILY, _FALLBACK)


def merged(*parts: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    """The characters of several pieces of one drawing (each of :func:`used_characters`)."""
    faces: dict[tuple[str, str], set[str]] = {}
    for part in parts:
        for face, chars in part.items():
            faces.setdefault(face, set()).update(chars)
    return {face: "".join(sorted(chars)) for face, chars in faces.items()}


class Drawing(bytes):
    """An SVG's bytes that know the characters its text sets (:func:`used_characters`):
    a drawing made in pieces reads each piece where it is drawn, and :func:`embed_font`
    need not read the whole of it again (0.05 s for a 5,000-claim map's 13 MB)."""

    characters: dict[tuple[str, str], str]


def drawing(svg: bytes, characters: dict[tuple[str, str], str]) -> Drawing:
    out = Drawing(svg)
    out.characters = characters
    return out


def _after_root(svg: str, insert: str) -> str:
    root = _ROOT.search(svg)
    if root is None:
        raise ValueError("not an SVG drawing")
    return svg[: root.end()] + insert + svg[root.end() :]


def embed_font(svg_bytes: bytes) -> bytes:
    """The SVG with the font of its text inside, cut down to what it sets (WOFF2)."""
    used = getattr(svg_bytes, "characters", None)  # a Drawing knows them
    if used is None:
        used = used_characters(svg_bytes.decode("utf-8"))
    css = fonts.font_face_css(used)
    if not css:
        return svg_bytes
    root = _ROOT_BYTES.search(svg_bytes)  # bytes: a big map's SVG is 13 MB
    if root is None:
        raise ValueError("not an SVG drawing")
    style = f'\n<defs><style type="text/css">\n{css}\n</style></defs>'.encode()
    whole = memoryview(svg_bytes)  # one copy of a big SVG, not three
    return b"".join((whole[: root.end()], style, whole[root.end() :]))


class _Font:
    """One face's advances, and its outlines as they are asked for."""

    def __init__(self, face: str):
        # fontTools is needed only when a diagram's text is drawn as shapes
        from fontTools.ttLib import TTFont

        font = TTFont(str(fonts.font_file(face)), recalcTimestamp=False)
        self.upm: int = font["head"].unitsPerEm
        self.cmap: dict[int, str] = font.getBestCmap()
        self._hmtx = font["hmtx"]
        self._glyphs = font.getGlyphSet()
        self._outlines: dict[str, str] = {}

    def advance(self, name: str) -> int:
        return self._hmtx[name][0]

    def outline(self, name: str) -> str:
        """The glyph as SVG path data, in font units with y up."""
        if name not in self._outlines:
            from fontTools.pens.svgPathPen import SVGPathPen  # with TTFont above

            pen = SVGPathPen(self._glyphs)
            self._glyphs[name].draw(pen)
            self._outlines[name] = pen.getCommands()
        return self._outlines[name]


@functools.lru_cache(maxsize=4)
def _font(face: str) -> _Font:
    return _Font(face)


def text_as_paths(svg_bytes: bytes) -> bytes:
    """The SVG with its text drawn as glyph outlines (see the module docstring)."""
    svg = svg_bytes.decode("utf-8")
    defined: dict[str, str] = {}  # glyph id -> <path> definition
    out, at = [], 0
    for mt, attrs, text in _texts(svg):
        face = fonts.FACES[_face(attrs)]
        font = _font(face)
        names = [font.cmap.get(ord(ch)) for ch in text]
        if any(n is None for n in names):  # a character the font lacks: left as text
            continue
        size = float(attrs.get("font-size", "14"))
        k = size / font.upm
        width = sum(font.advance(n) for n in names if n) * k
        x = float(attrs.get("x", "0"))
        anchor = attrs.get("text-anchor", "start")
        x -= width / 2 if anchor == "middle" else width if anchor == "end" else 0
        uses, pen = [], 0
        for n in names:
            assert n is not None
            gid = f"glyph-{face}-{_safe(n)}"
            if font.outline(n):
                defined.setdefault(gid, f'<path id="{gid}" d="{font.outline(n)}"/>')
                uses.append(f'<use xlink:href="#{gid}" x="{pen}"/>')
            pen += font.advance(n)
        fill = attrs.get("fill", "black")
        out.append(svg[at : mt.start()])
        out.append(
            f'<g class="text" aria-label="{html.escape(text)}" fill="{fill}" transform="translate({x:.2f},{attrs.get("y", "0")}) '
            f'scale({k:.6f},{-k:.6f})">'
            f"{''.join(uses)}</g>"
        )
        at = mt.end()
    out.append(svg[at:])
    result = "".join(out)
    if defined:
        defs = "\n<defs>" + "".join(defined[g] for g in sorted(defined)) + "</defs>"
        result = _after_root(result, defs)
    return result.encode("utf-8")


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", lambda c: f"_{ord(c.group()):x}", name)
