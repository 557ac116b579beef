"""Reading AIF (arguments/formats/aif/reader.py): OVA 3 and AIFdb documents, ours -> AIF ->
ours, and broken documents as coded problems with their positions."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from gen import make_map
from hostile import hostile_map_yaml

from arguments.errors import MapError
from arguments.formats import aif, detect
from arguments.formats import json as json_format
from arguments.loader import load_map, load_text

ROOT = Path(__file__).resolve().parents[2]
MAPS = {
    "mini": load_map(ROOT / "tests" / "fixtures" / "mini.yaml"),
    "essay": load_map(ROOT / "claims.yaml"),
    "generated": make_map(150, 260, seed=5),
}


def view(m) -> tuple:
    """What AIF carries of a map: each claim's text, actors, date and quotes; each relation
    by the texts of its ends (and reason) and its kind; the actors' names."""
    text = {c.id: c.text for c in m.claims}

    def name(a):
        return m.actor_name(a) if a else None

    claims = Counter(
        (
            c.text,
            tuple(name(a) for a in c.actors if a != "unattributed"),
            c.date,
            tuple((q.text, name(q.speaker), q.cites) for q in c.quotes),
        )
        for c in m.claims
    )
    relations = Counter(
        (text[r.source], text[r.target], r.kind, text.get(r.reason or "")) for r in m.relations
    )
    actors = sorted(a.name for a in m.actors if a.kind != "unattributed")
    return claims, relations, actors


@pytest.mark.parametrize("name", list(MAPS))
def test_ours_to_aif_to_ours_keeps_claims_relations_actors_and_quotes(name):
    m = MAPS[name]
    back = load_text(aif.write(m), f"{name}.json")
    assert view(back) == view(m)
    assert len(back.source.chapters) == 1 and {c.chapter for c in back.claims} == {"main"}


def test_our_aif_is_told_from_our_json_by_content():
    m = MAPS["mini"]
    assert detect("map.json", aif.write(m)) == "aif"
    assert detect("map.json", json_format.write(m)) == "json"
    assert detect("no-extension", aif.write(m)) == "aif"
    assert not aif.looks_like(json_format.write(m))


# ------------------------------------------------------------------ documents OVA and AIFdb write
AIFDB = {  # AIFdb's JSON: the lists at the top level, numeric ids, "Name : words" locutions
    "nodes": [
        {"nodeID": 101, "text": "We should ban cars from the centre", "type": "I"},
        {"nodeID": 102, "text": "Cars pollute the air", "type": "I"},
        {"nodeID": 103, "text": "Shops need deliveries", "type": "I"},
        {"nodeID": 104, "text": "Vans can deliver at night", "type": "I"},
        {"nodeID": 105, "text": "Pollution harms health", "type": "I"},
        {"nodeID": 201, "text": "Default Inference", "type": "RA"},
        {"nodeID": 202, "text": "Default Conflict", "type": "CA"},
        {"nodeID": 203, "text": "Default Conflict", "type": "CA"},
        {"nodeID": 204, "text": "Argument From Consequences", "type": "RA"},
        {"nodeID": 205, "text": "Default Rephrase", "type": "MA"},
        {"nodeID": 301, "text": "Ann Smith : We should ban cars from the centre!", "type": "L"},
        {"nodeID": 302, "text": "Bob Jones : cars pollute the air, you know", "type": "L"},
        {"nodeID": 303, "text": "Default Illocuting", "type": "YA"},
        {"nodeID": 304, "text": "Asserting", "type": "YA"},
        {"nodeID": 401, "text": "Default Transition", "type": "TA"},
    ],
    "edges": [
        {"edgeID": 1, "fromID": 102, "toID": 201},
        {"edgeID": 2, "fromID": 105, "toID": 201},
        {"edgeID": 3, "fromID": 201, "toID": 101},
        {"edgeID": 4, "fromID": 103, "toID": 202},
        {"edgeID": 5, "fromID": 202, "toID": 101},
        {"edgeID": 6, "fromID": 104, "toID": 203},
        {"edgeID": 7, "fromID": 203, "toID": 202},
        {"edgeID": 8, "fromID": 105, "toID": 204},
        {"edgeID": 9, "fromID": 204, "toID": 201},
        {"edgeID": 10, "fromID": 102, "toID": 205},
        {"edgeID": 11, "fromID": 205, "toID": 105},
        {"edgeID": 12, "fromID": 301, "toID": 303},
        {"edgeID": 13, "fromID": 303, "toID": 101},
        {"edgeID": 14, "fromID": 302, "toID": 304},
        {"edgeID": 15, "fromID": 304, "toID": 102},
        {"edgeID": 16, "fromID": 301, "toID": 401},
        {"edgeID": 17, "fromID": 401, "toID": 302},
    ],
    "locutions": [
        {"nodeID": 301, "personID": 1, "timestamp": "2019-03-12 10:22:33", "source": "debate"},
        {"nodeID": 302, "personID": 2, "timestamp": "2019-03-12 10:23:01"},
    ],
    "participants": [
        {"participantID": 1, "firstname": "Ann", "surname": "Smith"},
        {"participantID": 2, "firstname": "Bob", "surname": "Jones"},
    ],
    "schemefulfillments": None,
    "descriptorfulfillments": None,
}


def relations_by_text(m) -> set[tuple]:
    t = {c.id: c.text for c in m.claims}
    return {(t[r.source], r.kind, t[r.target], t.get(r.reason or "")) for r in m.relations}


def test_an_aifdb_document_reads_as_a_map():
    m = load_text(json.dumps(AIFDB, indent=1), "cars.json")
    assert m.source.title == "cars"
    assert sorted(c.text for c in m.claims) == sorted(
        n["text"] for n in AIFDB["nodes"] if n["type"] == "I"
    )
    assert relations_by_text(m) == {
        ("Cars pollute the air", "supports", "We should ban cars from the centre", None),
        ("Pollution harms health", "supports", "We should ban cars from the centre", None),
        ("Shops need deliveries", "attacks", "We should ban cars from the centre", None),
        # a conflict with a conflict: the undercut of the link it attacks
        (
            "Vans can deliver at night",
            "undercuts",
            "We should ban cars from the centre",
            "Shops need deliveries",
        ),
        # an inference bearing on an inference: it bears on what that one concludes
        ("Pollution harms health", "supports", "We should ban cars from the centre", None),
        ("Cars pollute the air", "elaborates", "Pollution harms health", None),
    }
    ann = m.claim(next(c.id for c in m.claims if c.text.startswith("We should")))
    bob = m.claim(next(c.id for c in m.claims if c.text.startswith("Cars pollute")))
    assert [m.actor_name(a) for a in ann.actors] == ["Ann Smith"]
    assert [(q.text, q.speaker, q.cites) for q in ann.quotes] == [
        ("We should ban cars from the centre!", None, "debate")
    ]
    assert [q.text for q in bob.quotes] == ["cars pollute the air, you know"]
    assert (ann.date, bob.date) == ("2019-03", "2019-03")
    unsaid = m.claim(next(c.id for c in m.claims if c.text.startswith("Vans")))
    assert unsaid.actors == ["unattributed"] and unsaid.date is None and not unsaid.quotes
    # participants are actors; undated claims of a dated map are only the author's
    kinds = {a.name: a.kind for a in m.actors}
    assert kinds == {"Ann Smith": "person", "Bob Jones": "person", "Unattributed": "unattributed"}


def test_an_ova_document_reads_as_a_map():
    """OVA 3 nests the lists in "AIF" (the layout in "OVA"); a locution may name a
    participant its list lacks, and an L node may say no more than its I node."""
    doc = {
        "AIF": {
            "nodes": [
                {"nodeID": "0", "text": "Disagreements are to be expected.", "type": "L"},
                {"nodeID": "1", "text": "The SNP has disagreements.", "type": "L"},
                {"nodeID": "3", "text": "Disagreements are to be expected.", "type": "I"},
                {"nodeID": "4", "text": "Default Illocuting", "type": "YA"},
                {"nodeID": "5", "text": "The SNP has disagreements.", "type": "I"},
                {"nodeID": "6", "text": "Default Illocuting", "type": "YA"},
                {"nodeID": "9", "text": "Default Inference", "type": "RA"},
            ],
            "edges": [
                {"edgeID": 0, "fromID": "0", "toID": "4"},
                {"edgeID": 1, "fromID": "4", "toID": "3"},
                {"edgeID": 2, "fromID": "1", "toID": "6"},
                {"edgeID": 3, "fromID": "6", "toID": "5"},
                {"edgeID": 4, "fromID": "3", "toID": "9"},
                {"edgeID": 5, "fromID": "9", "toID": "5"},
            ],
            "locutions": [{"nodeID": "0", "personID": 0}, {"nodeID": "1", "personID": 7}],
            "participants": [{"participantID": 0, "firstname": "Speaker", "surname": "1"}],
            "schemefulfillments": None,
            "descriptorfulfillments": None,
        },
        "OVA": {"firstname": "", "surname": "", "url": "", "nodes": [], "edges": []},
        "text": {"txt": "..."},
        "dialog": True,
    }
    m = load_text(json.dumps(doc), "snp.json")
    assert relations_by_text(m) == {
        ("Disagreements are to be expected.", "supports", "The SNP has disagreements.", None)
    }
    by_text = {c.text: c for c in m.claims}
    first, second = (by_text[t] for t in sorted(by_text))
    assert [m.actor_name(a) for a in first.actors] == ["Speaker 1"]
    assert [m.actor_name(a) for a in second.actors] == ["Participant 7"]
    assert not first.quotes and not second.quotes  # each L node only repeats its claim


# ------------------------------------------------------------------ broken documents
def broken(change) -> str:
    doc = json.loads(json.dumps(AIFDB))
    change(doc)
    return json.dumps(doc, indent=1)


BAD = {
    "edge to a missing node": (
        lambda d: d["edges"].append({"edgeID": 99, "fromID": 102, "toID": 999}),
        "an edge to a missing node",
    ),
    "unknown node type": (
        lambda d: d["nodes"].append({"nodeID": 999, "text": "?", "type": "XA"}),
        "unknown type",
    ),
    "cycle of inferences": (
        lambda d: d["edges"].extend(
            [{"edgeID": 98, "fromID": 201, "toID": 204}, {"edgeID": 99, "fromID": 204, "toID": 201}]
        ),
        "cycle",
    ),
    "inference without premise": (
        lambda d: (
            d["nodes"].append({"nodeID": 999, "text": "Default Inference", "type": "RA"})
            or d["edges"].append({"edgeID": 99, "fromID": 999, "toID": 101})
        ),
        "no premise",
    ),
    "node without id": (lambda d: d["nodes"].append({"text": "x", "type": "I"}), "needs an id"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_broken_document_is_a_coded_problem_at_its_place(case):
    change, words = BAD[case]
    text = broken(change)
    with pytest.raises(MapError) as info:
        load_text(text, "broken.json")
    p = info.value.problems[0]
    assert (p.code, p.file) == ("aif-structure", "broken.json"), str(info.value)
    assert words in p.message
    assert p.line > 1 and p.column > 1  # at the node or edge that is wrong
    line = text.split("\n")[p.line - 1]
    assert line.strip().startswith("{"), line


def test_the_cycle_is_named_node_by_node():
    text = broken(BAD["cycle of inferences"][0])
    with pytest.raises(MapError) as info:
        load_text(text, "cycle.json")
    assert "RA 201 -> RA 204 -> RA 201" in info.value.problems[0].got or (
        "RA 204 -> RA 201 -> RA 204" in info.value.problems[0].got
    )


@pytest.mark.parametrize(
    "text",
    ['{"nodes": 3, "edges": []}', '{"AIF": {"nodes": [1, null, "x"], "edges": [{}]}}', "[]"],
)
def test_junk_aif_is_a_problem_never_a_traceback(text):
    with pytest.raises(MapError) as info:
        load_text(text, "junk.json", fmt="aif")
    assert info.value.problems


def test_hostile_text_comes_through_aif_as_text():
    m = load_text(hostile_map_yaml(), "h.yaml")
    back = load_text(aif.write(m), "h.json")
    assert {c.text for c in back.claims} == {c.text for c in m.claims}
