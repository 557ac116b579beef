"""Diagrams (arguments/diagrams.py): every format read back, the look, the layout, the font."""

from __future__ import annotations

import io
import itertools
import os
import re
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import graphviz
import numpy as np
import pygraphviz
import pytest
from gen import make_data
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFont, ImageOps
from pypdf import PdfReader

from arguments import fonts, render
from arguments.analysis.compare import PERIOD_LABELS, period_of
from arguments.graph import Filters
from arguments.loader import load_map
from arguments.models import Map
from arguments.text import slug
from arguments.views import View, select

ROOT = Path(__file__).resolve().parents[2]
MINI = load_map(ROOT / "tests" / "fixtures" / "mini.yaml")
SVG = "{http://www.w3.org/2000/svg}"
VIEWS = {
    "map": View(),
    "filtered": View(filters=Filters.make(actors=["trotsky", "lenin"], years=(1905, 1917))),
    "focus": View(kind="focus", claim="postulate-4", depth=1),
    "compare": View(kind="compare", actors=("trotsky", "lenin")),
    "postulate": View(kind="postulate", claim="postulate-4"),
    "verdict": View(kind="verdict", claim="author-thesis"),
}


def svg_root(m, view) -> ET.Element:
    return ET.fromstring(render.render(m, view, "svg"))


def texts(root) -> str:
    return " ".join((el.text or "") for el in root.iter(f"{SVG}text"))


# ------------------------------------------------------------------ every format, read back
@pytest.mark.parametrize("name", list(VIEWS))
def test_the_svg_parses_and_shows_every_claim_of_the_view_once(name, essay_map):
    view = VIEWS[name]
    root = svg_root(essay_map, view)
    ids = [
        el.attrib["id"]
        for el in root.iter(f"{SVG}g")
        if el.attrib.get("id", "").startswith("claim-")
    ]
    assert sorted(ids) == sorted(f"claim-{c.id}" for c in select(essay_map, view).map.claims)
    for el in root.iter():
        assert el.tag.rsplit("}", 1)[-1] != "script"
        assert not [k for k in el.attrib if k.rsplit("}", 1)[-1].lower().startswith("on")]


def test_an_event_without_an_agent_is_not_drawn_as_the_author_s_deed():
    words = texts(svg_root(MINI, View(kind="focus", claim="war-1914", depth=0)))
    assert "EVENT \u00b7 as reported by the author \u00b7 1914-08" in words


def test_title_source_line_and_legend_are_inside_the_picture():
    words = " ".join(texts(svg_root(MINI, View())).split())
    assert "A small test map" in words
    assert "after: A small test map by Test author, all chapters" in words
    for heading in ("Who (fill)", "What (shape)", "How (line)"):
        assert heading in words
    for actor in ("Trotsky", "Lenin", "The author"):
        assert actor in words
    for kind in ("supports", "undercuts", "contradicts", "adopts", "revises", "confirms"):
        assert kind in words
    assert "attacks" not in words  # the legend lists only what the view shows


@pytest.mark.parametrize("fmt,dpi", [("png", 150), ("png300", 300)])
def test_the_png_opens_at_its_resolution(fmt, dpi):
    from arguments.exporters import export

    im = Image.open(io.BytesIO(export(MINI, fmt, View())))
    assert im.format == "PNG"
    assert round(im.info["dpi"][0]) == dpi
    assert im.width > 800


def test_a_whole_map_png_stays_under_the_pixel_limit(essay_map):
    im = Image.open(io.BytesIO(render.render(essay_map, View(), "png", dpi=300)))
    assert im.width * im.height <= render.style.MAX_PIXELS
    assert round(im.info["dpi"][0]) == 300


def test_the_pdf_is_one_vector_page_with_the_title():
    reader = PdfReader(io.BytesIO(render.render(MINI, View(), "pdf")))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "A small test map" in text and "All power to the Soviets." in text


@pytest.mark.parametrize("name", list(VIEWS))
def test_the_dot_source_parses_with_every_claim(name, essay_map):
    src = render.render(essay_map, VIEWS[name], "dot").decode("utf-8")
    g = pygraphviz.AGraph(string=src)
    assert {c.id for c in select(essay_map, VIEWS[name]).map.claims} <= set(g.nodes())


def test_fitting_a_page_shrinks_the_drawing(essay_map):
    im = Image.open(io.BytesIO(render.render(essay_map, View(), "png", dpi=100, fit=(11, 8))))
    assert im.width <= 11 * 100 + 2 and im.height <= 8 * 100 + 2


# ------------------------------------------------------------------ layout
def boxes(g) -> dict[str, tuple[float, float, float, float]]:
    out = {}
    for n in g.nodes():
        x, y = (float(v) for v in n.attr["pos"].split(","))
        w, h = float(n.attr["width"]) * 36, float(n.attr["height"]) * 36
        out[str(n)] = (x - w, y - h, x + w, y + h)
    return out


def test_the_whole_map_is_set_out_chapter_by_chapter_like_pages(essay_map):
    g = render.layout(essay_map, View())
    x0, y0, x1, y1 = (float(v) for v in g.graph_attr["bb"].split(","))
    assert 0.5 < (x1 - x0) / (y1 - y0) < 2.5  # a screen's proportions, not a strip
    order = [
        ch.id
        for ch in essay_map.source.chapters
        if any(c.chapter == ch.id for c in essay_map.claims)
    ]
    clusters = {
        s.name[len("cluster_") :]: [float(v) for v in s.graph_attr["bb"].split(",")]
        for s in g.subgraphs()
        if s.name.startswith("cluster_")
    }
    bb = [clusters[slug(ch)] for ch in order]
    for a, b in itertools.pairwise(bb):  # next to the right in the same row, or below in a new row
        same_row = abs(a[3] - b[3]) < 1 and b[0] > a[2]
        assert same_row or b[3] < min(r[1] for r in bb[: bb.index(b)])


def test_no_two_claims_overlap_in_the_composed_map(essay_map):
    b = [
        v for k, v in boxes(render.layout(essay_map, View())).items() if k in essay_map.claim_index
    ]
    arr = np.array(b)
    for i in range(len(arr)):
        o = arr[i + 1 :]
        hit = (
            (o[:, 0] < arr[i, 2])
            & (arr[i, 0] < o[:, 2])
            & (o[:, 1] < arr[i, 3])
            & (arr[i, 1] < o[:, 3])
        )
        assert not hit.any()


def _placed(svg: bytes) -> tuple[dict[tuple[str, str], list[tuple[str, float, float]]], list]:
    """Each node's and edge's texts and where they stand on the page (the translations of
    the groups around them applied, Graphviz's own included), and every id in the drawing."""
    found: dict[tuple[str, str], list[tuple[str, float, float]]] = {}
    ids = []

    def walk(el, dx, dy, owner):
        ids.extend([el.attrib["id"]] if "id" in el.attrib else [])
        move = re.search(r"translate\(([-\d.]+)[, ]([-\d.]+)\)", el.attrib.get("transform", ""))
        if move:
            dx, dy = dx + float(move[1]), dy + float(move[2])
        kind = el.attrib.get("class", "").split(" ")[0]
        if el.tag == f"{SVG}g" and kind in ("node", "edge", "cluster"):
            owner = (kind, el.find(f"{SVG}title").text)
            found.setdefault(owner, [])
        if el.tag == f"{SVG}text" and owner:
            found[owner].append((el.text, float(el.attrib["x"]) + dx, float(el.attrib["y"]) + dy))
        for child in el:
            walk(child, dx, dy, owner)

    walk(ET.fromstring(svg), 0.0, 0.0, None)
    return found, ids


@pytest.mark.parametrize(
    "view", [View(), View(cluster="actor"), View(direction="LR", spacing="spacious")]
)
def test_the_whole_map_drawn_group_by_group_is_the_composed_map(essay_map, view):
    """The SVG of a map laid out group by group is drawn group by group (each group in its
    own Graphviz pass, moved into place): every claim, relation and box, with every text at
    the place where the composed graph, drawn whole, puts it."""
    from arguments.render.engine import draw, laid_out

    g, w, h = laid_out(essay_map, view)
    whole, _ = _placed(draw(g, "svg", (w, h)))
    svg = render.render(essay_map, view, "svg")
    pieces, ids = _placed(svg)
    assert len(ids) == len(set(ids))  # Graphviz's own numbered ids stay unique
    # one comment per claim and relation drawn (and two at the top): the invisible
    # stand-ins the groups' boxes and the relations between them are drawn around leave none
    assert svg.count(b"<!-- ") == 2 + sum(k != "cluster" for k, _ in pieces)
    assert sorted(pieces) == sorted(whole)
    assert sum(k == "node" for k, _ in pieces) > len(select(essay_map, view).map.claims)
    for key, texts in whole.items():
        assert [t for t, _, _ in pieces[key]] == [t for t, _, _ in texts], key
        for (_, x0, y0), (_, x1, y1) in zip(texts, pieces[key], strict=True):
            assert abs(x0 - x1) < 0.5 and abs(y0 - y1) < 0.5, key  # rounding only


_NUMBERS = re.compile(r"-?\d+(?:\.\d+)?")


def _same_drawing(a: bytes, b: bytes, tolerance: float = 0.05) -> None:
    """The two SVGs have the same elements in the same order, with the same attributes
    and texts; their numbers differ by at most ``tolerance`` (those of ids, the numbers
    Graphviz gives things without an id, may differ)."""
    ea, eb = list(ET.fromstring(a).iter()), list(ET.fromstring(b).iter())
    assert [e.tag for e in ea] == [e.tag for e in eb]
    for x, y in zip(ea, eb, strict=True):
        assert (x.text or "") == (y.text or "") and sorted(x.attrib) == sorted(y.attrib)
        for k, v in x.attrib.items():
            w = y.attrib[k]
            assert _NUMBERS.sub("#", v) == _NUMBERS.sub("#", w), (k, v, w)
            if k == "id":
                continue
            for p, q in zip(_NUMBERS.findall(v), _NUMBERS.findall(w), strict=True):
                assert abs(float(p) - float(q)) <= tolerance, (k, v, w)


@pytest.mark.parametrize("which", ["essay", "every-kind"])
def test_relations_between_groups_drawn_apart_are_drawn_as_graphviz_draws_them(
    essay_map, monkeypatch, which
):
    """The relations between a big map's groups are drawn without Graphviz (svgedges):
    the same SVG as Graphviz's, every kind of line and arrowhead, either way round."""
    from arguments.render import svgedges

    m = essay_map if which == "essay" else Map.model_validate(make_data(300, 600, seed=5))
    kinds = {r.kind for r in m.relations}
    assert len(kinds) >= 9  # supports, attacks, undercuts, contradicts, agrees, adopts...
    ours = render.render(m, View(), "svg")
    monkeypatch.setattr(svgedges, "drawable", lambda *a: None)  # all of them by Graphviz
    theirs = render.render(m, View(), "svg")
    _same_drawing(theirs, ours)
    assert ours.count(b'class="edge') == theirs.count(b'class="edge')


_QUOTED = st.text(alphabet=st.sampled_from('ab_1.-<>"\\ \n\u00e9'), max_size=70)


@settings(max_examples=3000, deadline=None)
@given(text=_QUOTED, plain=st.booleans())
def test_dot_quoting_is_the_graphviz_package_s(text, plain):
    """Our fast quoting of DOT ids and attribute values gives graphviz's own result."""
    from arguments.render.dot import _gv_quote, _quote

    value = graphviz.nohtml(text) if plain else text
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # graphviz warns of a final odd backslash
        assert _quote(value) == _gv_quote(value)


@settings(max_examples=3000, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab -\u2014\u00a0\t\n\u2003."), max_size=120),
    width=st.integers(1, 40),
)
def test_label_wrapping_is_textwrap_s(text, width):
    import textwrap

    from arguments.render.labels import _wrapper

    assert _wrapper(width).wrap(text) == textwrap.wrap(text, width=width, break_long_words=True)


@settings(max_examples=300, deadline=None)
@given(
    n=st.integers(1, 12),
    links=st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), max_size=20),
)
def test_a_group_s_pieces_are_its_weakly_connected_components(n, links):
    import networkx as nx

    from arguments.render.grid import _pieces

    members = [f"c{i}" for i in range(n)]
    pairs = [(f"c{a}", f"c{b}") for a, b in links if a < n and b < n]
    g = nx.MultiDiGraph()
    g.add_nodes_from(members)
    g.add_edges_from(pairs)
    assert _pieces(members, pairs) == nx.number_weakly_connected_components(g)


def test_the_compare_view_puts_the_two_actors_in_columns_lined_up_by_period(essay_map):
    view = VIEWS["compare"]
    g = render.layout(essay_map, view)
    pos = {k: ((a + c) / 2, (b + d) / 2) for k, (a, b, c, d) in boxes(g).items()}
    sel = select(essay_map, view).map
    left = [pos[c.id][0] for c in sel.claims if c.actor == "trotsky"]
    right = [pos[c.id][0] for c in sel.claims if c.actor == "lenin"]
    assert max(left) < min(right)
    dated = [c for c in sel.claims if c.date]
    for a in dated:
        for b in dated:
            pa, pb = PERIOD_LABELS.index(period_of(a.year)), PERIOD_LABELS.index(period_of(b.year))
            if pa < pb:
                assert pos[a.id][1] > pos[b.id][1]  # earlier periods higher up, bands apart
    # an actor's many claims of one period fold into rows of a few, not one endless row
    x0, _y0, x1, _y1 = (float(v) for v in g.graph_attr["bb"].split(","))
    assert (x1 - x0) / 72 < 12 * (render.style.COMPARE_ROW + 1)


def hub_map(n: int = 30) -> Map:
    data = make_data(n + 1, 0, seed=3)
    hub = data["claims"][0]["id"]
    data["relations"] = [
        {"source": c["id"], "target": hub, "kind": "supports"} for c in data["claims"][1:]
    ]
    return Map.model_validate(data)


def test_a_claim_with_many_supporters_is_not_drawn_as_one_endless_row():
    m = hub_map(30)
    g = render.layout(m, View(kind="focus", claim=m.claims[0].id))
    x0, y0, x1, y1 = (float(v) for v in g.graph_attr["bb"].split(","))
    assert (x1 - x0) / (y1 - y0) < 3.5


def test_the_focus_claim_stands_out(essay_map):
    g = render.layout(essay_map, VIEWS["focus"])
    assert g.get_node("postulate-4").attr["penwidth"] == "5"


# ------------------------------------------------------------------ the font
def _gv(word: str) -> Image.Image:
    src = (
        f'digraph {{ dpi=96; n [shape=plaintext fontname="{fonts.FAMILY}" fontsize=40 '
        f'label="{word}"] }}'
    )
    return Image.open(io.BytesIO(pygraphviz.AGraph(string=src).draw(format="png", prog="dot")))


def _pil(word: str, font_path) -> Image.Image:
    font = ImageFont.truetype(str(font_path), round(40 * 96 / 72))
    im = Image.new("L", (2400, 240), 255)
    ImageDraw.Draw(im).text((20, 40), word, font=font, fill=0)
    return im


def _likeness(a: Image.Image, b: Image.Image) -> float:
    """Correlation of two renderings, each cut to its ink and scaled to one size."""
    arrays = []
    for im in (a, b):
        im = im.convert("L")
        im = im.crop(ImageOps.invert(im).getbbox()).resize((480, 64))
        arrays.append(np.asarray(im, dtype=float).ravel())
    return float(np.corrcoef(*arrays)[0, 1])


def test_diagram_text_is_set_in_real_glyphs_of_source_sans_pro():
    """Graphviz's rendering of a word is compared with the same word drawn by Pillow from the
    font file itself: real glyphs match it closely; boxes for missing glyphs (tofu), another
    word, or another font do not (measured: 0.91 against -0.04, 0.25 and 0.60)."""
    word = "Hamburgefonstiv"
    ours = _gv(word)
    same = _likeness(ours, _pil(word, fonts.font_file("Regular")))
    assert same > 0.85
    assert same - _likeness(ours, _pil("Qwertyuiopasdfg", fonts.font_file("Regular"))) > 0.4
    tofu = _gv("\ue000" * len(word))  # private-use characters: no font has them
    assert _likeness(tofu, _pil(word, fonts.font_file("Regular"))) < 0.5
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if dejavu.exists():
        assert same - _likeness(ours, _pil(word, dejavu)) > 0.15


def test_rendering_prints_no_fontconfig_warning(tmp_path):
    code = (
        "from arguments import load_map, render; from arguments.views import View; "
        "m = load_map('tests/fixtures/mini.yaml'); render.render(m, View(), 'png'); "
        "render.render(m, View(), 'pdf')"
    )
    env = {**os.environ, "ARGMAP_CACHE": str(tmp_path / "cache")}
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert "Fontconfig" not in proc.stderr and proc.stderr.strip() == ""


_PIECES = st.sampled_from(
    ['id="', '="url(#', "_l_", "_r_", "7", "12", '"', ")", "(", "gr", "x", "-", " ", "<", "é"]
)


@given(st.lists(_PIECES, max_size=30).map("".join))
@settings(max_examples=400, deadline=None)
def test_gradients_are_renumbered_as_the_plain_pattern_does(body):
    """:func:`grid._renumber` finds the gradient ids the pattern with ``\\b`` finds (that
    pattern took a fifth of the time of drawing a chapter)."""
    from arguments.render import grid

    plain = re.compile(r'((?:\bid="|="url\(#)[^"()<>]*?_[lr]_)(\d+)')
    seen: dict[str, str] = {}
    want = plain.sub(lambda mt: mt[1] + seen.setdefault(mt[2], str(len(seen))), body)
    assert grid._renumber(body) == want


@pytest.mark.parametrize("which", ["essay", "generated"])
def test_a_map_drawn_in_pieces_knows_the_characters_its_text_sets(essay_map, which):
    """The whole map's SVG carries the characters each piece's text sets, read where the
    piece was drawn: the same as reading the whole SVG (what embedding its font needs)."""
    from arguments.render.svgtext import used_characters

    m = essay_map if which == "essay" else Map.model_validate(make_data(300, 300, seed=6))
    svg = render.render(m, View(), "svg")
    assert svg.characters == used_characters(svg.decode("utf-8"))  # type: ignore[attr-defined]
    assert len(svg.characters[("normal", "normal")]) > 30  # type: ignore[attr-defined]


def test_a_claim_of_three_actors_shows_each_colour_without_a_graphviz_warning(capfd):
    from gen import build, claim

    from arguments.exporters import export

    m = build(
        [
            claim(
                "joint",
                None,
                "1917",
                "They held it together.",
                actors=["trotsky", "lenin", "stalin"],
            ),
            claim("alone", "trotsky", "1906"),
        ]
    )
    capfd.readouterr()
    svg = export(m, "svg", View()).decode()
    assert "gradient" not in capfd.readouterr().err  # Graphviz writes to the process's stderr
    node = svg[svg.index('<g id="claim&#45;joint"') :]
    node = node[: node.index("</g>")]
    fills = {m.colour_of(a).lower() for a in ("trotsky", "lenin", "stalin")}
    assert fills <= {f.lower() for f in re.findall(r'<polygon fill="(#[0-9a-fA-F]{6})"', node)}
