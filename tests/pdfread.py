"""Reading our PDFs back: page sizes, and the size of the text on each page.

A paged diagram PDF places each drawing as a form (``q k 0 0 k x y cm /Drawing Do Q``);
the size of a text on the page is its size in the drawing (pypdf's text visitor) times
that ``k``.  The body text of a page is its most used size (by characters)."""

from __future__ import annotations

import io
import re
from collections import Counter

from pypdf import PdfReader

_PLACED = re.compile(rb"q ([\d.]+) 0 0 ([\d.]+) [\d.-]+ [\d.-]+ cm /Drawing Do Q")


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def sizes(page) -> Counter:
    """Characters set at each text size (points, as printed) on a page."""
    content = page.get_contents().get_data() if page.get_contents() else b""
    placed = _PLACED.search(content)
    k = float(placed.group(1)) if placed else 1.0
    out: Counter = Counter()

    def visit(text, cm, tm, font, size):
        if text.strip():
            c = tm[2] * cm[0] + tm[3] * cm[2]
            d = tm[2] * cm[1] + tm[3] * cm[3]
            out[round(size * (c * c + d * d) ** 0.5, 2)] += len(text.strip())

    page.extract_text(visitor_text=visit)
    # the foot line is written on the page itself (fpdf2), not in the drawing
    foot = {s: n for s, n in out.items() if abs(s - 8.5) < 0.01}
    drawn = Counter({round(s * k, 2): n for s, n in out.items() if s not in foot})
    return drawn


def body_size(page) -> float:
    """The size most of a page's drawn text is set in (its claims' text)."""
    return sizes(page).most_common(1)[0][0]
