"""The exporter registry (arguments/exporters.py): every format, every view, JSON round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from gen import make_map

from arguments.exporters import EXPORTERS, FAMILIES, export
from arguments.formats import json as json_format
from arguments.loader import load_map, load_text
from arguments.views import View, selected

ROOT = Path(__file__).resolve().parents[2]
MINI = load_map(ROOT / "tests" / "fixtures" / "mini.yaml")
EXPECTED = {
    "svg",
    "png",
    "png300",
    "pdf",
    "dot",
    "handout",
    "handout-md",
    "handout-pdf",
    "pptx",
    "slides-pdf",
    "csv",
    "relations-csv",
    "compare-csv",
    "xlsx",
    "json",
    "argdown",
    "aif",
    "graphml",
    "kialo",
    "annotated-text",
    "annotated-text-pdf",
}
#: a text holding every quote of the small map, for the formats that print the text
MINI_TEXT = "\n\n".join(
    [q.text for c in MINI.claims for q in c.quotes]
    + [r.quote.text for r in MINI.relations if r.quote]
)
MINI_VIEWS = {
    "map": View(),
    "focus": View(kind="focus", claim="l-april-theses", depth=2),
    "compare": View(kind="compare", actors=("trotsky", "lenin")),
    "postulate": View(kind="postulate", claim="t-proletarian-dictatorship"),
    "verdict": View(kind="verdict", claim="author-verdict"),
}


def test_every_format_is_registered_with_what_the_cli_and_app_need():
    assert set(EXPORTERS) == EXPECTED
    for e in EXPORTERS.values():
        assert e.extension and "/" in e.mime and len(e.description) > 20
        assert e.family in FAMILIES
        assert e.diagram == (e.family == "diagram")
    assert all(e.name == name for name, e in EXPORTERS.items())


def test_each_format_names_a_function_of_the_exporters_package():
    for name, e in EXPORTERS.items():
        assert callable(e.function), name
        assert e.function.__module__.startswith("arguments.exporters."), name


def test_listing_the_formats_imports_no_format_module():
    import subprocess
    import sys

    writers = (
        "arguments.render",
        "arguments.formats.handout",
        "arguments.formats.tables",
        "arguments.formats.aif",
        "arguments.formats.graphml",
        "arguments.formats.kialo",
        "arguments.formats.argdown",
        "arguments.exporters.",
    )
    code = (
        "import sys; from arguments.exporters import EXPORTERS; list(EXPORTERS); "
        f"print(sorted(m for m in sys.modules if m.startswith({writers!r})))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("fmt", sorted(EXPECTED))
@pytest.mark.parametrize("view", list(MINI_VIEWS))
def test_every_format_exports_every_view(fmt, view):
    options = {"text": MINI_TEXT} if EXPORTERS[fmt].text == "needs" else {}
    out = (
        export(MINI, fmt, MINI_VIEWS[view], **options)
        if fmt != "compare-csv" or view == "compare"
        else None
    )
    if out is None:
        return
    assert isinstance(out, bytes if EXPORTERS[fmt].binary else str)
    assert len(out) > 50


def test_an_unknown_format_is_a_key_error():
    with pytest.raises(KeyError):
        export(MINI, "docx")


@pytest.fixture(scope="module")
def generated():
    return make_map(300, 500, seed=9)


@pytest.mark.parametrize("a_map", ["mini", "essay", "generated"], indirect=True)
def test_json_is_the_round_trip_format(a_map):
    m = a_map
    text = export(m, "json")
    back = load_text(text, "map.json")
    assert back == m
    assert json_format.write(back) == text


def test_json_is_always_the_whole_map():
    assert export(MINI, "json", MINI_VIEWS["focus"]) == export(MINI, "json")


def test_the_default_view_selects_the_whole_map_and_a_focus_its_neighbourhood():
    assert selected(MINI, View()) is MINI
    sub = selected(MINI, MINI_VIEWS["focus"])
    assert {c.id for c in sub.claims} < {c.id for c in MINI.claims}
    assert "l-april-theses" in {c.id for c in sub.claims}
