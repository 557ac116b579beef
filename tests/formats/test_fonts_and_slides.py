"""Fonts travel with the file (SVG, HTML handout), and the slide deck (pptx, slides-pdf)
read back: python-pptx for the deck, pypdf for the PDF, fontTools for embedded fonts,
Chromium for the handout's print layout, LibreOffice (where installed) for the deck."""

from __future__ import annotations

import base64
import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from fontTools.ttLib import TTFont
from pdfread import reader
from pptx import Presentation

from arguments.analysis.compare import pair_links
from arguments.exporters import export
from arguments.views import View

SVG = "{http://www.w3.org/2000/svg}"
_FACE = re.compile(
    r"@font-face\{font-family:'Source Sans Pro';font-weight:(\d+);font-style:(\w+);"
    r"src:url\(data:font/woff2;base64,([A-Za-z0-9+/=]+)\)"
)
COMPARE = View(kind="compare", actors=("trotsky", "lenin"))
VERDICT = View(kind="verdict", claim="author-thesis")


def faces(text: str) -> dict[tuple[str, str], TTFont]:
    out = {}
    for weight, style, data in _FACE.findall(text):
        font = TTFont(io.BytesIO(base64.b64decode(data)))
        assert font.flavor == "woff2"
        out[(weight, style)] = font
    return out


def test_an_svg_embeds_the_subset_of_its_font_it_uses(essay_map):
    svg = export(essay_map, "svg", VERDICT).decode()
    root = ET.fromstring(svg)
    found = faces(svg)
    assert set(found) == {("400", "normal"), ("700", "normal")}
    cmap = found[("400", "normal")].getBestCmap()
    words = "".join(
        el.text or "" for el in root.iter(f"{SVG}text") if "font-weight" not in el.attrib
    )
    assert {ord(ch) for ch in words} <= set(cmap)
    assert len(cmap) < 200  # a subset, not the whole font (1,900 characters)


def test_a_font_subset_once_made_is_kept_and_a_planted_one_is_not_trusted(tmp_path, monkeypatch):
    """Subsets are kept in the cache folder (the same characters, the same bytes, without
    cutting the font again); a file there that is no WOFF2 is made again, and a cache
    folder others may write to is not used at all."""
    import os

    from arguments import fonts

    monkeypatch.setenv("ARGMAP_CACHE", str(tmp_path))
    monkeypatch.setattr(fonts._Subsets, "on_disk", True)  # as the command line does
    os.chmod(tmp_path, 0o700)
    fonts.woff2.cache_clear()
    made = fonts.woff2("Regular", "Trotsky")
    [kept] = (tmp_path / "woff2").glob("*.woff2")
    assert kept.read_bytes() == made
    fonts.woff2.cache_clear()
    monkeypatch.setattr(fonts, "_subset", lambda *a: pytest.fail("cut again"))
    assert fonts.woff2("Regular", "Trotsky") == made
    monkeypatch.undo()
    monkeypatch.setenv("ARGMAP_CACHE", str(tmp_path))
    monkeypatch.setattr(fonts._Subsets, "on_disk", True)
    kept.write_bytes(b"<svg>not a font</svg>")
    fonts.woff2.cache_clear()
    assert fonts.woff2("Regular", "Trotsky") == made
    assert kept.read_bytes() == made
    kept.write_bytes(b"wOF2 planted")
    os.chmod(tmp_path, 0o777)
    fonts.woff2.cache_clear()
    assert fonts.woff2("Regular", "Trotsky") == made
    fonts.woff2.cache_clear()


def test_an_svg_with_text_as_paths_has_no_text_left(essay_map):
    svg = export(essay_map, "svg", VERDICT, text_mode="paths")
    root = ET.fromstring(svg)
    assert not list(root.iter(f"{SVG}text"))
    assert len(list(root.iter(f"{SVG}use"))) > 500
    labels = " ".join(g.attrib.get("aria-label", "") for g in root.iter(f"{SVG}g"))
    assert "What bears on" in labels


def test_the_html_handout_embeds_its_font(essay_map):
    page = export(essay_map, "handout", VERDICT)
    found = faces(page)
    assert {("400", "normal"), ("700", "normal"), ("400", "italic")} <= set(found)
    assert "\u201c" in "".join(map(chr, found[("400", "italic")].getBestCmap()))


@pytest.mark.skipif(not shutil.which("chromium"), reason="Chromium is not installed")
def test_the_printed_handout_puts_title_and_diagram_on_page_1_and_no_near_empty_page(
    essay_map, tmp_path
):
    html = tmp_path / "handout.html"
    html.write_text(
        export(essay_map, "handout", replace(COMPARE, topic="dictatorship")),
        "utf-8",
    )
    out = tmp_path / "handout.pdf"
    subprocess.run(
        [
            shutil.which("chromium"),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            html.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    doc = reader(out.read_bytes())
    first = doc.pages[0]
    assert float(first.mediabox.width) > float(first.mediabox.height)  # landscape
    text = first.extract_text()
    assert "Trotsky and Lenin compared, Form of the dictatorship" in text
    compact = "".join(text.split())
    assert "Thedictatorshipofthe" in compact  # a claim of the diagram, on page 1
    for n, page in enumerate(doc.pages[:-1], start=1):
        ys: list[float] = []

        def visit(t, cm, tm, f, s, ys=ys):
            if t.strip():
                ys.append(tm[5] * cm[3] + cm[5])

        page.extract_text(visitor_text=visit)
        height = float(page.mediabox.height)
        assert min(ys) < height * 0.5, f"page {n} is near empty"


def test_the_deck_has_a_title_slide_and_a_slide_per_related_topic(essay_map):
    data = export(essay_map, "pptx", COMPARE)
    prs = Presentation(io.BytesIO(data))
    slides = list(prs.slides)
    assert prs.slide_width * 9 == prs.slide_height * 16
    assert slides[0].shapes.title.text == "Trotsky and Lenin compared"
    related = {t for link in pair_links(essay_map, "trotsky", "lenin") for t in link.topics}
    headings = [s.shapes[0].text_frame.text for s in slides[1:]]
    for t in essay_map.topics:
        if t.id in related:
            assert any(h.startswith(t.label) for h in headings), t.label
    notes = slides[1].notes_slide.notes_text_frame.text
    assert "Trotsky:" in notes and "Lenin:" in notes and "\u201c" in notes
    assert all(len(s.shapes) == 2 for s in slides[1:])  # heading and diagram
    assert export(essay_map, "pptx", COMPARE) == data  # the same bytes again


@pytest.mark.parametrize("view", [View(kind="postulate", claim="postulate-4"), VERDICT])
def test_a_postulate_or_verdict_deck_and_its_pdf_have_the_same_slides(essay_map, view):
    prs = Presentation(io.BytesIO(export(essay_map, "pptx", view)))
    doc = reader(export(essay_map, "slides-pdf", view))
    assert len(doc.pages) == len(prs.slides) >= 2
    for page in doc.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert w / h == pytest.approx(16 / 9, rel=0.01)


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_libreoffice_converts_the_deck(essay_map, tmp_path):
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(export(essay_map, "pptx", View(kind="postulate", claim="postulate-4")))
    subprocess.run(
        [
            shutil.which("soffice"),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(deck),
        ],
        capture_output=True,
        timeout=300,
        check=True,
    )
    assert len(reader((tmp_path / "deck.pdf").read_bytes()).pages) >= 2
