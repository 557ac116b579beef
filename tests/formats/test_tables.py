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
from arguments.loader import load_map, load_text
from arguments.views import View

ROOT = Path(__file__).resolve().parents[2]
ESSAY = load_map(ROOT / "claims.yaml")
HOSTILE = load_text(hostile_map_yaml(), "hostile.yaml")


def read_csv(text: str) -> pd.DataFrame:
    assert text.startswith("\ufeff")  # spreadsheet programs then read UTF-8
    return pd.read_csv(io.StringIO(text[1:]), dtype=str, keep_default_na=False)


@pytest.mark.parametrize("m", [ESSAY, HOSTILE], ids=["essay", "hostile"])
def test_the_claims_csv_has_one_row_per_claim_with_its_text_and_quotes(m):
    df = read_csv(export(m, "csv"))
    assert list(df.columns) == list(CLAIM_COLUMNS)
    assert list(df["id"]) == [c.id for c in m.claims]
    assert list(df["text"]) == [c.text for c in m.claims]
    assert list(df["quotes"]) == [" | ".join(q.text for q in c.quotes) for c in m.claims]
    assert list(df["date"]) == [c.date or "" for c in m.claims]


def test_the_relations_csv_has_one_row_per_relation():
    df = read_csv(export(ESSAY, "relations-csv"))
    assert list(df.columns) == list(RELATION_COLUMNS)
    assert list(zip(df["source"], df["kind"], df["target"])) == [
        (r.source, r.kind, r.target) for r in ESSAY.relations
    ]


def test_a_filtered_view_exports_only_its_claims():
    view = View(filters=Filters.make(actors=["lenin"]))
    df = read_csv(export(ESSAY, "csv", view))
    assert set(df["actor"]) == {"lenin"}
    assert len(df) == sum(c.actor == "lenin" for c in ESSAY.claims)


def test_the_comparison_csv_follows_compare():
    view = View(kind="compare", actors=("trotsky", "lenin"))
    df = read_csv(export(ESSAY, "compare-csv", view))
    want = compare(ESSAY, "trotsky", "lenin")
    assert list(df.columns) == list(COMPARISON_COLUMNS)
    assert list(zip(df["topic"], df["period"], df["relation"])) == list(
        zip(want["topic"], want["period"], want["relation"])
    )
    assert list(df["a_claims"]) == [" | ".join(x) for x in want["a_claims"]]


def test_a_comparison_needs_two_actors():
    with pytest.raises(ValueError):
        export(ESSAY, "compare-csv", View())


def test_the_workbook_has_claims_relations_and_comparison_sheets():
    view = View(kind="compare", actors=("trotsky", "lenin"))
    book = pd.read_excel(io.BytesIO(export(ESSAY, "xlsx", view)), sheet_name=None, dtype=str)
    assert list(book) == ["Claims", "Relations", "Comparison"]
    shown = {c.id for c in ESSAY.claims if c.actor in ("trotsky", "lenin")}
    assert set(book["Claims"]["id"]) == shown
    assert len(book["Comparison"]) == len(compare(ESSAY, "trotsky", "lenin"))
