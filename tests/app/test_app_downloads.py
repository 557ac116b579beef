"""AppTest: every page's download menu offers the formats that fit its view, named after
the view, made only when a button is clicked; the PDF takes a page size."""

from __future__ import annotations

import inspect

import pytest
from apphelp import MINI, no_exception, open_app

from arguments import load_map
from arguments.exporters import EXPORTERS
from arguments.views import View, view_slug
from components import downloads

M = load_map(MINI)


def opened(at, menu: str):
    at.session_state[f"{menu}-menu"] = True
    at.run()
    no_exception(at)
    return {b.key.rsplit("-dl-", 1)[1]: b for b in at.get("download_button") if "-dl-" in b.key}


@pytest.mark.parametrize(
    "page, menu, view, claim",
    [
        ("map", "map", View(), None),
        ("claim", "claim", View(kind="focus", claim="war-1914", depth=1), "war-1914"),
        ("compare", "cmp", View(kind="compare", actors=("trotsky", "lenin")), None),
        ("postulates", "post-4", View(kind="postulate", claim="t-proletarian-dictatorship"), None),
        ("verdicts", "verdict", View(kind="verdict", claim="author-verdict"), None),
    ],
)
def test_each_page_offers_every_fitting_format_named_after_its_view(page, menu, view, claim):
    at = open_app(MINI, page, claim=claim)
    buttons = opened(at, menu)
    expected = {e.name for e in EXPORTERS.values() if downloads.fits(e, view)}
    assert set(buttons) == expected
    slug = view_slug(M, view)
    assert all(b.proto.deferred_file_id for b in buttons.values())  # made when clicked
    names = [downloads.file_name(slug, name) for name in buttons]
    assert all(
        n.startswith("map" if n.endswith(".json") and "-aif" not in n else slug) for n in names
    )
    assert len(names) == len(set(names)), "two formats would download under one name"


def test_the_comparison_table_is_offered_only_for_a_comparison():
    assert not downloads.fits(EXPORTERS["compare-csv"], View())
    assert downloads.fits(EXPORTERS["compare-csv"], View(kind="compare", actors=("a", "b")))


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_every_format_downloads_from_a_comparison_of_the_essay(essay_map, fmt):
    from apphelp import ROOT

    text = (ROOT / "sources" / "essay.txt").read_text(encoding="utf-8")
    view = View(kind="compare", actors=("trotsky", "lenin"), topic="dictatorship")
    data = downloads.exported(essay_map, view, fmt, text=text, page=None)
    assert isinstance(data, bytes) and data


def test_the_pdf_takes_the_page_size_where_the_exporter_offers_it():
    at = open_app(MINI)
    opened(at, "map")
    pages = [b for b in at.selectbox if b.key == "map-page"]
    if "page" not in inspect.signature(EXPORTERS["pdf"].function).parameters:
        assert not pages  # nothing to choose when the PDF has one size
        return
    assert pages[0].value == "a4" and at.selectbox(key="map-orientation").value == "landscape"
    at.selectbox(key="map-page").set_value("fit").run()
    assert at.selectbox(key="map-orientation").disabled  # one page the drawing's size


def test_options_go_only_to_the_formats_that_take_them():
    assert downloads.options_for("json", {"page": "a4"}) == {}
    if "page" in downloads.takes("pdf"):
        assert downloads.options_for("pdf", {"page": "a4", "x": 1}) == {"page": "a4"}
    # an SVG takes a page too, but the menu's page is the PDF's: the SVG stays one drawing
    assert downloads.options_for("svg", {"page": "a4", "orientation": "portrait"}) == {}


def test_a_map_with_its_text_also_offers_the_annotated_text():
    from apphelp import ROOT

    at = open_app(ROOT / "claims.yaml")
    buttons = opened(at, "map")
    needs_text = {e.name for e in EXPORTERS.values() if getattr(e, "text", "") == "needs"}
    assert needs_text <= set(buttons)
    assert not needs_text & set(opened(open_app(MINI), "map"))  # a map without its text


def test_every_format_has_its_own_file_name():
    names = [downloads.file_name("v", f) for f in EXPORTERS]
    assert len(names) == len(set(names))


def test_the_timeline_offers_what_it_shows_to_take_away():
    at = open_app(MINI, "timeline", query={"range": "1914-1917"})
    buttons = opened(at, "tl")
    assert {"csv", "xlsx", "handout", "svg", "argdown"} <= set(buttons)
    assert "compare-csv" not in buttons
