"""GraphML (arguments/graphml.py), read back with networkx."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest
from gen import make_map
from hostile import hostile_map_yaml

from arguments.formats.graphml import write as to_graphml
from arguments.formats.graphml import xml_text
from arguments.loader import load_map, load_text

ROOT = Path(__file__).resolve().parents[2]
MAPS = {
    "mini": load_map(ROOT / "tests" / "fixtures" / "mini.yaml"),
    "essay": load_map(ROOT / "claims.yaml"),
    "hostile": load_text(hostile_map_yaml(), "hostile.yaml"),
    "generated": make_map(150, 260, seed=7),
}


def x(text):
    """A text as GraphML keeps it: XML 1.0's characters, line ends as XML reads them."""
    return None if text is None else xml_text(text).replace("\r\n", "\n").replace("\r", "\n")


@pytest.fixture(params=list(MAPS), scope="module")
def case(request):
    m = MAPS[request.param]
    return m, nx.read_graphml(io.BytesIO(to_graphml(m).encode("utf-8")))


def test_every_claim_comes_back_with_its_fields(case):
    m, g = case
    assert set(g.nodes) == {c.id for c in m.claims}
    for c in m.claims:
        a = g.nodes[c.id]
        assert (a["text"], a["kind"], a["actor"], a["chapter"]) == (
            x(c.text),
            c.kind,
            " | ".join(c.actors),
            c.chapter,
        )
        assert a["actor_name"] == x(m.actors_named(c.actors))
        assert a.get("date") == c.date
        assert a["topics"].split(" | ") == list(c.topics)
        assert a["quotes"] == x(" | ".join(q.text for q in c.quotes))
        if c.kind == "postulate":
            assert a["number"] == c.number


def test_every_relation_comes_back_with_its_kind_reason_and_note(case):
    m, g = case
    got = sorted(
        (u, v, d["kind"], d.get("reason"), d.get("note")) for u, v, d in g.edges(data=True)
    )
    want = sorted((r.source, r.target, r.kind, r.reason, x(r.note)) for r in m.relations)
    assert got == want


def test_the_essay_comes_back_unchanged_character_for_character():
    m = MAPS["essay"]
    g = nx.read_graphml(io.BytesIO(to_graphml(m).encode("utf-8")))
    assert all(g.nodes[c.id]["text"] == c.text for c in m.claims)


def test_the_graph_keeps_the_source_title():
    g = nx.read_graphml(io.BytesIO(to_graphml(MAPS["mini"]).encode("utf-8")))
    assert g.graph["title"] == MAPS["mini"].source.title
