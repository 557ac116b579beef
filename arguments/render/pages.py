"""Paper and slides: a view fitted to a page, or split into pages that keep its text legible.

Contract: :func:`paper` names a page (A4, A3, Letter, a 16:9 slide, or ``fit``: one page
the size of the drawing) in an orientation; :func:`plan` lays a view out for that page
and returns its :class:`Page` list: the view itself when its body text, shrunk to the
page, stays at least :attr:`Paper.legible` points (8 pt in print; 9 pt on a slide, 18
pixels of a 1920 x 1080 image), else pages that keep it so:

- the whole map (and a focus): an overview page of the chapters and the relations
  between them, then one page per chapter, a very large chapter in parts (its claims in
  reading order);
- a comparison: one page per topic (a large one in parts, its claims by date), and
  the claims on no topic last;
- a postulate's fate or a verdict's tree: in parts, its claims in reading order.

Each page is a :class:`~arguments.views.View` of its own (``only`` its claims, ``part``
its caption under the title), drawn with the title, source line and legend of any
diagram, and already laid out: :func:`draw` draws it as PDF, SVG or PNG.  Pages never
enlarge a drawing; the document that holds them adds "page x of y"
(:mod:`arguments.formats.pages`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pygraphviz

from ..analysis.periods import pair_links
from ..models import Map
from ..views import View, select
from .engine import draw as draw_graph
from .engine import laid_out
from .overview import overview
from .style import BODY_PT

#: (width, height) in points, portrait; a slide is 16:9, 13.333 x 7.5 in
PAPERS: dict[str, tuple[float, float]] = {
    "a4": (595.28, 841.89),
    "a3": (841.89, 1190.55),
    "letter": (612.0, 792.0),
    "slide": (540.0, 960.0),
}
PAGES = (*PAPERS, "fit")
ORIENTATIONS = ("landscape", "portrait")
MARGIN = {"slide": 18.0}  # points around the drawing (10 mm on paper)
FOOTER = 14.0  # points kept at the foot of the page for "page x of y"
#: the smallest body text (points) a page may print: 8 pt on paper; 9 pt on a slide,
#: which is 18 pixels on a 1920 x 1080 image (144 pixels per inch)
LEGIBLE = {"slide": 9.0}
PRINT_LEGIBLE = 8.0
SLIDE_PPI = 144  # a slide image's pixels per inch: 1920 x 1080


@dataclass(frozen=True)
class Paper:
    name: str
    width: float  # points
    height: float

    @property
    def margin(self) -> float:
        return MARGIN.get(self.name, 28.35)

    @property
    def box(self) -> tuple[float, float]:
        """The room for the drawing (points): the page less margins and footer."""
        return self.width - 2 * self.margin, self.height - 2 * self.margin - FOOTER

    @property
    def legible(self) -> float:
        return LEGIBLE.get(self.name, PRINT_LEGIBLE)


def paper(name: str, orientation: str = "landscape") -> Paper | None:
    """The named page in ``orientation``; None for ``fit``. ValueError for an unknown one."""
    if name == "fit":
        return None
    if name not in PAPERS:
        raise ValueError(f"unknown page {name!r}: one of {', '.join(PAGES)}")
    if orientation not in ORIENTATIONS:
        raise ValueError(f"unknown orientation {orientation!r}: portrait or landscape")
    w, h = PAPERS[name]
    return Paper(name, *((h, w) if orientation == "landscape" else (w, h)))


@dataclass
class Page:
    """One page of a view, laid out: draw it with :func:`draw`."""

    view: View
    graph: pygraphviz.AGraph
    size: tuple[float, float]  # the drawing at full size, inches
    caption: str = ""

    def scale(self, p: Paper) -> float:
        """How much the drawing shrinks to fit the page (never more than 1)."""
        return min(1.0, p.box[0] / (self.size[0] * 72), p.box[1] / (self.size[1] * 72))

    def body_pt(self, p: Paper) -> float:
        """The body text's size on the page, points."""
        return BODY_PT * self.scale(p)

    def fits(self, p: Paper) -> bool:
        return self.body_pt(p) >= p.legible - 1e-6


def draw(page: Page, fmt: str, dpi: int = 150, k: float = 1.0) -> bytes:
    """The page's drawing as pdf, svg or png, shrunk by ``k``."""
    return draw_graph(page.graph, fmt, page.size, dpi, k)


def measure(m: Map, view: View, caption: str = "") -> Page:
    g, w, h = laid_out(m, view)
    return Page(view, g, (w, h), caption)


def plan(m: Map, view: View, p: Paper) -> list[Page]:
    """The pages of a view on paper ``p`` (see the module docstring)."""
    whole = measure(m, view)
    if whole.fits(p):
        return [whole]
    sel = select(m, view)
    if view.kind == "compare":
        return _by_topic(m, view, p)
    if view.kind in ("map", "focus"):
        pages: list[Page] = []
        one = replace(view, cluster="none")  # a chapter's page needs no chapter box
        chapters = m.in_chapter_order(c.chapter for c in sel.map.claims)
        for ch in chapters:
            ids = [c.id for c in sel.map.claims if c.chapter == ch]
            pages += _parts(m, one, ids, m.chapter_heading(ch), p)
        return [overview_page(m, view, pages), *pages] if len(chapters) > 1 else pages
    return _parts(m, view, [c.id for c in sel.map.claims], "", p)


def overview_page(m: Map, view: View, pages: list[Page]) -> Page:
    """Page 1 of a paged map: the chapters, the pages each takes, the relations between."""
    sel = select(m, view)
    chapter_of = {c.id: c.chapter for c in sel.map.claims}
    where: dict[str, list[int]] = {}
    for n, page in enumerate(pages, start=2):
        for cid in page.view.only or ():
            where.setdefault(chapter_of[cid], []).append(n)
    g = overview(m, sel, {ch: (min(ns), max(ns)) for ch, ns in where.items()})
    w, h = _size(g)
    return Page(replace(view, only=frozenset(), part="Overview"), g, (w, h), "Overview")


def _size(g: pygraphviz.AGraph) -> tuple[float, float]:
    x0, y0, x1, y1 = (float(v) for v in g.graph_attr["bb"].split(","))
    pad = 2 * float(g.graph_attr.get("pad") or 0.4)
    return (x1 - x0) / 72 + pad, (y1 - y0) / 72 + pad


def _by_topic(m: Map, view: View, p: Paper) -> list[Page]:
    """A comparison, topic by topic in the map's order; the claims on no topic last."""
    sel = select(m, view)
    a, b = view.actors[0], view.actors[1]
    related = {t for link in pair_links(m, a, b) for t in link.topics}
    pages: list[Page] = []
    for t in m.topics:
        if view.topic not in (None, t.id):
            continue
        ids = [c.id for c in _by_date(sel.map) if t.id in c.topics]
        if ids:
            tv = replace(view, topic=t.id)
            note = "" if t.id in related else "no stated relation between them"
            pages += _parts(m, tv, ids, note, p, dated=True)
    rest = [c.id for c in _by_date(sel.map) if not c.topics]
    if rest and view.topic is None:
        pages += _parts(m, view, rest, "claims on no topic", p, dated=True)
    return pages


def _by_date(sub: Map) -> list:
    return sorted(sub.claims, key=lambda c: c.sort_date)


def _parts(
    m: Map, view: View, ids: list[str], caption: str, p: Paper, dated: bool = False
) -> list[Page]:
    """The claims ``ids`` (in reading or date order) on as few legible pages as it takes:
    one if they fit, else runs of them, each as long as still fits (found by probing from
    a guess, the previous page's length, in growing steps, then halving the step: a
    few layouts a page, not one per claim)."""
    first = measure(m, replace(view, only=frozenset(ids), part=caption or None), caption)
    if first.fits(p) or len(ids) <= 1:
        return [first]
    runs: list[list[str]] = []
    # the first guess from the whole: a page holds about as many claims as the share of
    # the drawing's area it can show legibly
    at, guess = 0, max(1, int(len(ids) * (first.body_pt(p) / p.legible) ** 2))
    while at < len(ids):
        length = _longest_run(m, view, ids[at:], guess, p)
        runs.append(ids[at : at + length])
        at += length
        guess = length
    pages = []
    for i, run in enumerate(runs, start=1):
        cap = _caption(m, caption, run, i, len(runs), dated)
        pages.append(measure(m, replace(view, only=frozenset(run), part=cap), cap))
    return pages


def _longest_run(m: Map, view: View, ids: list[str], guess: int, p: Paper) -> int:
    """How many of ``ids``, from the first, fit one page (at least one)."""

    def fits(n: int) -> bool:
        cap = "part 00 of 00"  # as long as the caption the page will get
        return measure(m, replace(view, only=frozenset(ids[:n]), part=cap)).fits(p)

    # lo fits (or is the one claim a page must take), hi does not (or is one past the end)
    n, step = max(1, min(guess, len(ids))), 1
    if fits(n):
        lo, hi = n, len(ids) + 1
        while lo < len(ids):  # up from the guess: 1, 2, 4... more
            nxt = min(len(ids), lo + step)
            if not fits(nxt):
                hi = nxt
                break
            lo, step = nxt, step * 2
    else:
        lo, hi = 1, n
        while hi - step >= 1:  # down from the guess: 1, 2, 4... fewer
            nxt = hi - step
            if nxt == 1 or fits(nxt):
                lo = nxt
                break
            hi, step = nxt, step * 2
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if fits(mid) else (lo, mid)
    return min(lo, len(ids))


def _caption(m: Map, caption: str, run: list[str], i: int, n: int, dated: bool) -> str:
    part = f"part {i} of {n}"
    if dated:  # a comparison's part: the years it covers
        years = [y for c in run if (y := m.claim(c).year) is not None]
        if years:
            lo, hi = min(years), max(years)
            part = f"{lo} ({part})" if lo == hi else f"{lo}\u2013{hi} ({part})"
    return f"{caption}, {part}" if caption else part.capitalize()
