"""The exporter registry (arguments/exporters.py): every format, every view, JSON round trip."""
from __future__ import annotations

from pathlib import Path

import pytest

from arguments import jsonio
from arguments.exporters import (EXPORTERS, FAMILIES, FORMAT_MODULE, FORMAT_MODULES, View,
                                 export, load_all, selected)
from arguments.loader import load_map, load_text
from gen import make_map

ROOT = Path(__file__).resolve().parent.parent
MINI = load_map(ROOT / "tests" / "fixtures" / "mini.yaml")
ESSAY = load_map(ROOT / "claims.yaml")
load_all()
EXPECTED = {"svg", "png", "png300", "pdf", "dot", "handout", "handout-md", "handout-pdf", "csv",
            "relations-csv", "compare-csv", "xlsx", "json", "argdown", "aif", "graphml", "kialo"}
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
    assert len(FORMAT_MODULES) == len(set(FORMAT_MODULES))


def test_each_format_is_found_in_the_module_that_registers_it():
    for name, e in EXPORTERS.items():
        assert e.run.__module__ == f"arguments.{FORMAT_MODULE[name]}", name
    assert set(FORMAT_MODULE) == set(EXPORTERS)


@pytest.mark.parametrize("fmt", sorted(EXPECTED))
@pytest.mark.parametrize("view", list(MINI_VIEWS))
def test_every_format_exports_every_view(fmt, view):
    out = export(MINI, fmt, MINI_VIEWS[view]) if fmt != "compare-csv" or view == "compare" \
        else None
    if out is None:
        return
    assert isinstance(out, bytes if EXPORTERS[fmt].binary else str)
    assert len(out) > 50


def test_an_unknown_format_is_a_key_error():
    with pytest.raises(KeyError):
        export(MINI, "docx")


@pytest.mark.parametrize("m", [MINI, ESSAY, make_map(300, 500, seed=9)],
                         ids=["mini", "essay", "generated"])
def test_json_is_the_round_trip_format(m):
    text = export(m, "json")
    back = load_text(text, "map.json")
    assert back == m
    assert jsonio.dumps(back) == text


def test_json_is_always_the_whole_map():
    assert export(MINI, "json", MINI_VIEWS["focus"]) == export(MINI, "json")


def test_the_default_view_selects_the_whole_map_and_a_focus_its_neighbourhood():
    assert selected(MINI, View()) is MINI
    sub = selected(MINI, MINI_VIEWS["focus"])
    assert {c.id for c in sub.claims} < {c.id for c in MINI.claims}
    assert "l-april-theses" in {c.id for c in sub.claims}
