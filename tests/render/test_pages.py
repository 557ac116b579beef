"""Diagrams on paper and slides (arguments/render/pages.py, exporters/diagrams.py): page
sizes, legible text on every page, the pages a big view is split into."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from pdfread import body_size, reader
from PIL import Image

from arguments.exporters import ORIENTATIONS, PAGES, TEXTS, Paged, export
from arguments.render import pages
from arguments.render.style import BODY_PT
from arguments.views import View

A4_LANDSCAPE = (841.89, 595.28)
VIEWS = {
    "map": View(),
    "compare": View(kind="compare", actors=("trotsky", "lenin")),
    "compare-topic": View(kind="compare", actors=("trotsky", "lenin"), topic="dictatorship"),
    "postulate": View(kind="postulate", claim="postulate-4"),
    "verdict": View(kind="verdict", claim="author-thesis"),
}


def test_the_exporters_options_are_the_pages_the_drawing_knows():
    assert set(PAGES) == set(pages.PAGES)
    assert set(ORIENTATIONS) == set(pages.ORIENTATIONS)
    assert TEXTS == ("text", "paths")


@pytest.fixture(scope="module")
def pdfs(essay_map):
    return {name: export(essay_map, "pdf", view) for name, view in VIEWS.items()}


@pytest.mark.parametrize("name", list(VIEWS))
def test_every_page_of_a_pdf_is_a4_landscape_with_body_text_of_at_least_8_pt(name, pdfs):
    doc = reader(pdfs[name])
    for n, page in enumerate(doc.pages, start=1):
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(A4_LANDSCAPE, abs=0.1)
        assert body_size(page) >= 8.0 - 1e-6, f"{name}, page {n}: {body_size(page)} pt"
        assert f"page {n} of {len(doc.pages)}" in page.extract_text()


def test_the_whole_map_opens_on_an_overview_then_goes_chapter_by_chapter(essay_map, pdfs):
    doc = reader(pdfs["map"])
    first = doc.pages[0].extract_text()
    assert "Overview: the chapters and the relations between them" in first
    assert "I: A Vision" in first and "pages" in first
    texts = [p.extract_text() for p in doc.pages[1:]]
    order = list(essay_map.source.chapter_order)
    seen = []
    for t in texts:
        for ch in order:
            if essay_map.chapter_heading(ch) in t and (not seen or seen[-1] != ch):
                seen.append(ch)
                break
    assert seen == order  # every chapter, in reading order
    # every claim of the map is on some page
    shown = set()
    for page in pages.plan(essay_map, View(), pages.paper("a4"))[1:]:
        shown |= page.view.only or set()
    assert shown == {c.id for c in essay_map.claims}


def test_a_comparison_goes_topic_by_topic(essay_map, pdfs):
    doc = reader(pdfs["compare"])
    labels = [t.label for t in essay_map.topics]
    found = [lab for lab in labels if any(lab in p.extract_text() for p in doc.pages)]
    assert len(found) >= len(labels) - 2
    assert len(reader(pdfs["compare-topic"]).pages) >= 1


def test_fit_is_one_page_the_size_of_the_drawing(essay_map):
    doc = reader(export(essay_map, "pdf", View(), page="fit"))
    assert len(doc.pages) == 1
    assert float(doc.pages[0].mediabox.width) > 3000  # the whole map, at full size


@pytest.mark.parametrize("page,orientation", [("a3", "portrait"), ("letter", "landscape")])
def test_other_papers_and_orientations(essay_map, page, orientation):
    doc = reader(export(essay_map, "pdf", VIEWS["verdict"], page=page, orientation=orientation))
    w, h = pages.PAPERS[page]
    want = (w, h) if orientation == "portrait" else (h, w)
    for p in doc.pages:
        assert (float(p.mediabox.width), float(p.mediabox.height)) == pytest.approx(want, abs=0.1)
        assert body_size(p) >= 8.0 - 1e-6


def test_a_small_view_fits_one_page_and_is_never_enlarged(mini_map):
    doc = reader(export(mini_map, "pdf", View(kind="focus", claim="war-1914", depth=0)))
    assert len(doc.pages) == 1
    assert body_size(doc.pages[0]) == pytest.approx(BODY_PT, abs=0.05)


def test_a_png_slide_is_1920_by_1080_with_body_text_of_18_px(essay_map):
    plan = pages.plan(essay_map, VIEWS["verdict"], pages.paper("slide"))
    assert len(plan) > 1
    for n, page in enumerate(plan, start=1):
        # 144 pixels an inch: a point is 2 pixels
        assert page.body_pt(pages.paper("slide")) * 2 >= 18 - 1e-6
        png = export(essay_map, "png", VIEWS["verdict"], page="slide", part=n)
        with Image.open(io.BytesIO(png)) as im:
            assert im.size == (1920, 1080)


def test_one_image_of_a_view_of_several_pages_names_how_many(essay_map):
    with pytest.raises(Paged) as exc:
        export(essay_map, "png", VIEWS["verdict"], page="slide")
    assert exc.value.pages > 1 and "--part" in str(exc.value)
    with pytest.raises(ValueError):
        export(essay_map, "svg", VIEWS["verdict"], page="a4", part=99)
    with pytest.raises(ValueError, match="unknown page"):
        export(essay_map, "pdf", VIEWS["verdict"], page="a5")


def test_an_svg_page_has_the_paper_s_size(essay_map):
    svg = export(essay_map, "svg", VIEWS["postulate"], page="a4", orientation="portrait", part=1)
    root = ET.fromstring(svg)
    assert root.attrib["width"] == "595.28pt" and root.attrib["height"] == "841.89pt"
    inner = root.find("{http://www.w3.org/2000/svg}svg")
    assert inner is not None and float(inner.attrib["width"]) <= 595.28
