"""The text with the map on it: the Read page's HTML, the annotated text in HTML and PDF,
and the handout's "in context" sentences."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest
from gen import build, claim
from pypdf import PdfReader

from arguments.analysis.anchors import anchor, sentence_around
from arguments.documents import load_document
from arguments.exporters import EXPORTERS
from arguments.render.reading import chapter_html, document_html
from arguments.views import View

ROOT = Path(__file__).resolve().parents[2]
_KEYS = re.compile(r'data-q="([^"]+)"')


@pytest.fixture(scope="module")
def essay():
    doc = load_document(ROOT / "claims.yaml")
    return doc, anchor(doc.map, doc.text)


def keys_in(page: str) -> set[str]:
    return {k for g in _KEYS.findall(page) for k in html.unescape(g).split()}


def test_each_chapter_highlights_exactly_its_quotes(essay):
    doc, found = essay
    for ch in found.structure.chapters:
        page = chapter_html(doc.map, found, ch.id)
        assert keys_in(page) == {a.key for a in found.items if a.chapter == ch.id}, ch.id


def test_overlapping_quotes_share_a_striped_mark():
    text = "Alpha beta gamma delta epsilon.\n"
    m = build(
        [
            claim("c1", "trotsky", "1905", quotes=[{"text": "Alpha beta gamma"}]),
            claim("c2", "lenin", "1905", quotes=[{"text": "gamma delta"}]),
        ]
    )
    found = anchor(m, text)
    page = chapter_html(m, found, "")
    both = re.search(r'<mark class="rd-q rd-multi" data-q="c1:0 c2:0"[^>]*>([^<]*)</mark>', page)
    assert both and both.group(1) == "gamma"
    assert "repeating-linear-gradient" in both.group(0)
    assert re.search(r'data-q="c1:0"[^>]*>Alpha beta </mark>', page)


def test_text_and_labels_are_escaped():
    text = "<script>alert(1)</script> & <b>bold</b> \u202eRTL\u202c.\n"
    m = build(
        [
            claim(
                "c1",
                "trotsky",
                "1905",
                "<img src=x onerror=alert(1)>",
                quotes=[{"text": "<b>bold</b>"}],
            )
        ]
    )
    found = anchor(m, text)
    for page in (chapter_html(m, found, ""), document_html(m, found)):
        assert "<script>" not in page and "<b>bold" not in page and "<img" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in page
        assert "\u202eRTL\u202c" in page


def test_the_annotated_text_names_the_claims_in_the_margin_and_keeps_the_view(essay):
    doc, _ = essay
    exp = EXPORTERS["annotated-text"]
    page = exp.run(doc.map, View(), text=doc.text)
    assert page.startswith("<!DOCTYPE html>") and page.count('class="rd-chapter"') == 8
    assert "[postulate-4]" in page  # a margin note names the claim
    lenin = exp.run(
        doc.map, View(filters=_filters(actors=["lenin"], chapters=["II"])), text=doc.text
    )
    assert lenin.count('class="rd-chapter"') == 1
    for k in keys_in(lenin):
        cid = k.split(":")[0] if ":" in k else None
        assert cid is None or "lenin" in doc.map.claim(cid).actors


def _filters(**kw):
    from arguments.graph import Filters

    return Filters.make(**kw)


def test_the_annotated_pdf_prints_the_text_on_a4_with_the_claims(essay):
    doc, _ = essay
    data = EXPORTERS["annotated-text-pdf"].run(
        doc.map, View(filters=_filters(chapters=["IV"])), text=doc.text
    )
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 3
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    words = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Chapter IV: The Resolution" in words
    assert "page 1 of" in words
    assert "Lenin" in words and "\u00b7 position" in words  # a margin note's head


@pytest.mark.parametrize("fmt", ["annotated-text", "annotated-text-pdf"])
def test_the_annotated_text_needs_a_text(fmt):
    m = build([claim("c1", "trotsky", "1905")])
    with pytest.raises(ValueError, match="needs the map's source text"):
        EXPORTERS[fmt].run(m, View())


def test_a_handout_can_add_each_quotes_sentence(essay):
    doc, found = essay
    view = View(filters=_filters(chapters=["I"]))
    plain = EXPORTERS["handout"].run(doc.map, view)
    more = EXPORTERS["handout"].run(doc.map, view, text=doc.text, context=True)
    assert "In context:" not in plain and more.count("In context:") > 10
    # the sentence around a short quote, without its footnote number
    a = next(a for a in found.items if a.text.startswith("without a revolutionary theory"))
    around = sentence_around(found, a)
    assert around.startswith("Earlier, Lenin had recognized that")
    assert around.endswith("movement.\u201d")
    in_one = next(
        s for a in found.items if a.chapter == "I" and a.claim and (s := sentence_around(found, a))
    )
    assert html.escape(in_one) in more
    md = EXPORTERS["handout-md"].run(doc.map, view, text=doc.text, context=True)
    assert "*In context:*" in md
    pdf = EXPORTERS["handout-pdf"].run(doc.map, view, text=doc.text, context=True)
    words = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "In context:" in words
