"""Handouts (arguments/formats/handout/): HTML, Markdown and PDF, read back by real parsers."""

from __future__ import annotations

import base64
import html.parser
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hostile import HOSTILE, hostile_map_yaml
from pypdf import PdfReader

from arguments.exporters import export
from arguments.formats.handout import entries
from arguments.loader import load_map, load_text
from arguments.text import markdown as md
from arguments.views import View, select

ROOT = Path(__file__).resolve().parents[2]
MINI = load_map(ROOT / "tests" / "fixtures" / "mini.yaml")
HOSTILE_MAP = load_text(hostile_map_yaml(), "hostile.yaml")
FOCUS = View(kind="focus", claim="postulate-4")


def handout_html(m, view=None):
    return export(m, "handout", view)


def handout_markdown(m, view=None):
    return export(m, "handout-md", view)


def handout_pdf(m, view=None):
    return export(m, "handout-pdf", view)


class Page(html.parser.HTMLParser):
    """Tags, attributes, ids, local links and the visible text of an HTML page."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.ids, self.links, self.text = [], [], set(), [], []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        d = dict(attrs)
        if "id" in d:
            self.ids.add(d["id"])
        for k in ("href", "xlink:href"):
            if d.get(k, "").startswith("#"):
                self.links.append(d[k][1:])

    def handle_data(self, data):
        self.text.append(data)


def test_the_html_handout_lists_every_claim_of_the_view_with_its_quotes(essay_map):
    page = Page(handout_html(essay_map, FOCUS))
    text = " ".join(" ".join(page.text).split())
    shown = [
        e.claim for _, items in entries(essay_map, select(essay_map, FOCUS).map) for e in items
    ]
    assert shown
    for c in shown:
        assert " ".join(c.text.split()) in text
        assert f"entry-{c.id}" in page.ids
        for q in c.quotes:
            assert " ".join(q.text.split()) in text
            if q.cites:
                assert " ".join(q.cites.split()) in text


def test_the_html_handout_holds_the_diagram_and_every_link_lands(essay_map):
    doc = handout_html(essay_map, FOCUS)
    page = Page(doc)
    assert page.tags.count("svg") == 1
    svg = doc[doc.index("<svg") : doc.index("</svg>") + 6]
    ET.fromstring(svg)  # well-formed
    assert page.links and set(page.links) <= page.ids


def test_hostile_texts_stay_text_in_the_html_handout():
    page = Page(handout_html(HOSTILE_MAP))
    assert "script" not in page.tags and "img" not in page.tags and "iframe" not in page.tags
    assert not [k for k, _ in page.attrs if k.lower().startswith("on")]
    text = "".join(page.text)
    assert HOSTILE["script"] in text and HOSTILE["img"] in text


def test_the_markdown_handout_embeds_the_diagram_and_every_claim():
    doc = handout_markdown(MINI)
    data = re.search(r"\(data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)\)", doc).group(1)
    root = ET.fromstring(base64.b64decode(data))
    assert root.tag.endswith("svg")
    for c in MINI.claims:
        assert md(c.text) in doc
        for q in c.quotes:
            assert md(q.text) in doc


def test_markdown_characters_in_map_text_are_escaped():
    doc = handout_markdown(HOSTILE_MAP)
    assert "<script>" not in doc and "\\<script\\>" in doc


@pytest.fixture(scope="module")
def hostile():
    return HOSTILE_MAP


@pytest.mark.parametrize(
    "a_map,view",
    [("mini", View()), ("essay", FOCUS), ("hostile", View())],
    ids=["mini", "essay-focus", "hostile"],
    indirect=["a_map"],
)
def test_the_pdf_handout_opens_with_the_diagram_page_then_the_claims(a_map, view):
    m = a_map
    reader = PdfReader(io.BytesIO(handout_pdf(m, view)))
    assert len(reader.pages) >= 2
    first = reader.pages[0]
    assert float(first.mediabox.width) > float(first.mediabox.height)  # landscape
    assert first.images, "the diagram is on the first page"
    rest = " ".join(p.extract_text() for p in reader.pages[1:])
    words = " ".join(rest.split())
    c = next(c for c in select(m, view).map.claims if len(c.text) < 80 and c.text.isascii())
    assert " ".join(c.text.split())[:40] in words


def test_the_handout_diagram_numbers_each_claim_as_the_list_does(essay_map):
    doc = handout_html(essay_map, FOCUS)
    root = ET.fromstring(doc[doc.index("<svg") : doc.index("</svg>") + 6])
    ns = "{http://www.w3.org/2000/svg}"
    numbers = {
        e.claim.id: e.n
        for _, items in entries(essay_map, select(essay_map, FOCUS).map)
        for e in items
    }
    for g in root.iter(f"{ns}g"):
        cid = g.attrib.get("id", "")[len("claim-") :]
        if cid in numbers:
            first = next(t.text for t in g.iter(f"{ns}text") if (t.text or "").strip())
            assert first.strip() == str(numbers[cid])
