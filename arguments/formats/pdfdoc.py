"""PDF documents in Source Sans Pro, made with fpdf2 (pure Python, no system libraries).

Contract: :class:`Document` is an ``FPDF`` with the diagrams' font (and a
fallback for characters it lacks), a fast word wrap (:meth:`Document.para`),
a fixed creation date (``SOURCE_DATE_EPOCH``, else a fixed date: the same
map gives the same bytes) and :meth:`Document.finish`, which returns the
bytes without fpdf2's warnings about missing glyphs reaching stderr.
Handouts, slides and the annotated text build on it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from fpdf import FPDF

from .. import fonts
from ..text import creation_date

FALLBACK_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
)
FAMILY = "SSP"


class Document(FPDF):
    """An A4 (or other) document set in Source Sans Pro."""

    def __init__(
        self,
        title: str,
        author: str,
        page: str | tuple[float, float] = "A4",
        orientation: str = "P",
    ):
        super().__init__(orientation=orientation, unit="mm", format=page)
        self.set_title(title)
        self.set_author(author)
        self.set_creator("argmap")
        self.set_creation_date(creation_date())
        for style, name in (("", "Regular"), ("B", "Bold"), ("I", "It"), ("BI", "BoldIt")):
            self.add_font(FAMILY, style, str(fonts.font_file(name)))
        fallback = next((p for p in FALLBACK_FONTS if Path(p).exists()), None)
        if fallback:  # characters Source Sans Pro lacks (arrows, Cyrillic extensions...)
            self.add_font("Fallback", "", fallback)
            self.set_fallback_fonts(["Fallback"], exact_match=False)
        self._widths: dict[tuple[str, float, str], float] = {}

    def para(self, x: float, h: float, text: str) -> None:
        """Text from x to the right margin, wrapped at spaces (fpdf2's multi_cell measures
        each line over and over: 4 s for the essay map; measuring each word once: 0.3 s)."""
        room = self.w - self.r_margin - x
        key = (self.font_family + self.font_style, self.font_size_pt)
        space = self._widths.setdefault((*key, " "), self.get_string_width(" "))
        line: list[str] = []
        used = 0.0
        for word in text.split():
            w = self._widths.get((*key, word))
            if w is None:
                w = self._widths[(*key, word)] = self.get_string_width(word)
            if line and used + space + w > room:
                self.set_x(x)
                self.cell(room, h, " ".join(line), new_x="LMARGIN", new_y="NEXT")
                line, used = [], 0.0
            used = used + space + w if line else w
            line.append(word)
        self.set_x(x)
        self.cell(room, h, " ".join(line), new_x="LMARGIN", new_y="NEXT")

    def finish(self) -> bytes:
        """The PDF's bytes; a glyph neither font has (an emoji...) is left out silently."""
        log = logging.getLogger("fpdf.output")
        level = log.level
        log.setLevel(logging.ERROR)
        try:
            return bytes(self.output())
        finally:
            log.setLevel(level)
