"""AIF JSON (arguments/aif.py): the structure OVA and AIFdb expect, and the map inside it."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from gen import make_map
from hostile import hostile_map_yaml

from arguments.formats.aif import write as to_aif
from arguments.loader import load_map, load_text

ROOT = Path(__file__).resolve().parents[2]
MAPS = {
    "mini": load_map(ROOT / "tests" / "fixtures" / "mini.yaml"),
    "essay": load_map(ROOT / "claims.yaml"),
    "hostile": load_text(hostile_map_yaml(), "hostile.yaml"),
    "generated": make_map(150, 260, seed=5),
}


@pytest.fixture(params=list(MAPS), scope="module")
def case(request):
    m = MAPS[request.param]
    return m, json.loads(to_aif(m))


def test_every_node_id_is_unique_and_every_edge_joins_existing_nodes(case):
    _, doc = case
    ids = [n["nodeID"] for n in doc["AIF"]["nodes"]]
    assert len(ids) == len(set(ids))
    edge_ids = [e["edgeID"] for e in doc["AIF"]["edges"]]
    assert len(edge_ids) == len(set(edge_ids))
    for e in doc["AIF"]["edges"]:
        assert e["fromID"] in ids and e["toID"] in ids


def test_no_edge_joins_two_information_nodes(case):
    _, doc = case
    kind = {n["nodeID"]: n["type"] for n in doc["AIF"]["nodes"]}
    assert not [e for e in doc["AIF"]["edges"] if kind[e["fromID"]] == kind[e["toID"]] == "I"]


def test_every_inference_and_conflict_has_a_premise_and_a_conclusion(case):
    _, doc = case
    kind = {n["nodeID"]: n["type"] for n in doc["AIF"]["nodes"]}
    ins, outs = Counter(), Counter()
    for e in doc["AIF"]["edges"]:
        outs[e["fromID"]] += 1
        ins[e["toID"]] += 1
    for nid, k in kind.items():
        if k in ("RA", "CA", "MA", "YA"):
            assert ins[nid] >= 1 and outs[nid] >= 1, (nid, k)


def test_claims_relations_actors_and_quotes_map_to_their_aif_kinds(case):
    m, doc = case
    nodes = doc["AIF"]["nodes"]
    kinds = Counter(n["type"] for n in nodes)
    rel = Counter(r.kind for r in m.relations)
    assert kinds["I"] == len(m.claims)
    assert sorted(n["text"] for n in nodes if n["type"] == "I") == sorted(c.text for c in m.claims)
    assert kinds["RA"] == rel["supports"] + rel["confirms"]
    assert (
        kinds["CA"]
        == rel["attacks"] + rel["disconfirms"] + 2 * rel["contradicts"] + rel["undercuts"]
    )
    assert kinds["MA"] == rel["revises"] + rel["adopts"] + rel["agrees"] + rel["elaborates"]
    # a quote is a locution of each actor of the claim; where a quote has a speaker of its
    # own, each actor asserts the claim's text and every quote is one locution
    said = 0
    for c in m.claims:
        actors = [a for a in c.actors if m.actor_index[a].kind != "unattributed"]
        if c.quotes and actors and not any(q.speaker or q.text == c.text for q in c.quotes):
            said += len(c.quotes) * len(actors)
        else:
            said += len(actors) * bool(actors) + len(c.quotes)
    assert kinds["L"] == kinds["YA"] == said == len(doc["AIF"]["locutions"])
    people = [a for a in m.actors if a.kind != "unattributed"]
    assert len(doc["AIF"]["participants"]) == len(people)
    words = {n["text"] for n in nodes if n["type"] == "L"}
    assert all(any(w.endswith(q.text) for w in words) for c in m.claims for q in c.quotes)


def test_an_undercut_attacks_the_inference_it_undercuts():
    m, doc = MAPS["mini"], json.loads(to_aif(MAPS["mini"]))
    nodes = {n["nodeID"]: n for n in doc["AIF"]["nodes"]}
    edges = doc["AIF"]["edges"]
    undercutters = [
        e["fromID"]
        for e in edges
        if nodes[e["toID"]]["type"] == "RA" and nodes[e["fromID"]]["type"] == "CA"
    ]
    assert len(undercutters) == sum(r.kind == "undercuts" for r in m.relations) == 1
    source = next(e["fromID"] for e in edges if e["toID"] == undercutters[0])
    assert nodes[source]["text"] == m.claim("l-democratic-dictatorship").text


def test_ova_and_aifdb_find_the_same_graph(case):
    _, doc = case
    assert doc["nodes"] == doc["AIF"]["nodes"] and doc["edges"] == doc["AIF"]["edges"]
    assert {n["nodeID"] for n in doc["OVA"]["nodes"]} == {n["nodeID"] for n in doc["nodes"]}
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in doc["OVA"]["nodes"])
