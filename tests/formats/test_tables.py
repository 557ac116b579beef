"""CSV and XLSX tables (arguments/tables.py), read back with pandas."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from hostile import hostile_map_yaml

from arguments.analysis.compare import compare
from arguments.exporters import export
from arguments.formats.tables import CLAIM_COLUMNS, COMPARISON_COLUMNS, RELATION_COLUMNS
from arguments.graph import Filters
from arguments.loader import load_text
from arguments.views import View

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = load_text(hostile_map_yaml(), "hostile.yaml")


def read_csv(text: str) -> pd.DataFrame:
    assert text.startswith("\ufeff")  # spreadsheet programs then read UTF-8
    return pd.read_csv(io.StringIO(text[1:]), dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def hostile():
    return HOSTILE


@pytest.mark.parametrize("a_map", ["essay", "hostile"], indirect=True)
def test_the_claims_csv_has_one_row_per_claim_with_its_text_and_quotes(a_map):
    m = a_map
    df = read_csv(export(m, "csv"))
    assert list(df.columns) == list(CLAIM_COLUMNS)
    assert list(df["id"]) == [c.id for c in m.claims]
    assert list(df["text"]) == [c.text for c in m.claims]
    assert list(df["quotes"]) == [" | ".join(q.text for q in c.quotes) for c in m.claims]
    assert list(df["date"]) == [c.date or "" for c in m.claims]


def test_the_relations_csv_has_one_row_per_relation(essay_map):
    df = read_csv(export(essay_map, "relations-csv"))
    assert list(df.columns) == list(RELATION_COLUMNS)
    assert list(zip(df["source"], df["kind"], df["target"])) == [
        (r.source, r.kind, r.target) for r in essay_map.relations
    ]


def test_a_filtered_view_exports_only_its_claims(essay_map):
    view = View(filters=Filters.make(actors=["lenin"]))
    df = read_csv(export(essay_map, "csv", view))
    assert all("lenin" in a.split(" | ") for a in df["actor"])  # his own and his joint claims
    assert len(df) == sum("lenin" in c.actors for c in essay_map.claims)


def test_the_comparison_csv_follows_compare(essay_map):
    view = View(kind="compare", actors=("trotsky", "lenin"))
    df = read_csv(export(essay_map, "compare-csv", view))
    want = compare(essay_map, "trotsky", "lenin")
    assert list(df.columns) == list(COMPARISON_COLUMNS)
    assert list(zip(df["topic"], df["period"], df["relation"])) == list(
        zip(want["topic"], want["period"], want["relation"])
    )
    assert list(df["a_claims"]) == [" | ".join(x) for x in want["a_claims"]]


def test_a_comparison_needs_two_actors(essay_map):
    with pytest.raises(ValueError):
        export(essay_map, "compare-csv", View())


def test_the_workbook_has_claims_relations_and_comparison_sheets(essay_map):
    view = View(kind="compare", actors=("trotsky", "lenin"))
    book = pd.read_excel(io.BytesIO(export(essay_map, "xlsx", view)), sheet_name=None, dtype=str)
    assert list(book) == ["Claims", "Relations", "Comparison"]
    shown = {c.id for c in essay_map.claims if c.actor in ("trotsky", "lenin")}
    assert set(book["Claims"]["id"]) == shown
    assert len(book["Comparison"]) == len(compare(essay_map, "trotsky", "lenin"))
