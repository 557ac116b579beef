"""analysis.fate: what became of a claim, read off later claims' relations."""

from __future__ import annotations

from pathlib import Path

import pytest

from arguments.analysis.fate import fate, parts_of
from arguments.models import Map

ROOT = Path(__file__).resolve().parents[2]


def claim(cid, actor, date, kind="position"):
    return {
        "id": cid,
        "kind": kind,
        "actor": actor,
        "date": date,
        "text": cid,
        "topics": ["t"],
        "chapter": "I",
        "quotes": [{"text": "q"}],
    }


def make(claims, relations):
    return Map.model_validate(
        {
            "source": {"title": "T"},
            "actors": [{"id": a, "name": a, "kind": "person"} for a in ("t", "l", "s")],
            "topics": [{"id": "t", "label": "t"}],
            "claims": claims,
            "relations": relations,
        }
    )


BASE = [
    claim("p", "t", "1906"),
    claim("reason", "t", "1906"),
    claim("later-own", "t", "1920"),
    claim("adopt", "l", "1917"),
    claim("alter", "l", "1926"),
    claim("reject", "s", "1924"),
    claim("hit", "s", "1921", kind="event"),
]


def stages(m, cid="p"):
    return [(s.claim, s.stage, s.via) for s in fate(m, cid)]


def test_a_claim_is_first_stated_by_its_actor():
    m = make(BASE, [])
    assert stages(m) == [("p", "stated", None)]


def test_another_actor_adopting_it_is_adoption():
    m = make(BASE, [{"source": "adopt", "target": "p", "kind": "adopts"}])
    assert ("adopt", "adopted", None) in stages(m)


def test_a_contradiction_by_someone_who_never_adopted_it_is_rejection():
    m = make(BASE, [{"source": "reject", "target": "p", "kind": "contradicts"}])
    assert ("reject", "rejected", None) in stages(m)


def test_an_adopter_revising_his_adoption_and_contradicting_it_alters_it():
    m = make(
        BASE,
        [
            {"source": "adopt", "target": "p", "kind": "adopts"},
            {"source": "alter", "target": "adopt", "kind": "revises"},
            {"source": "alter", "target": "p", "kind": "contradicts"},
        ],
    )
    assert ("alter", "altered", None) in stages(m)


def test_a_blow_to_one_of_its_reasons_strains_it_via_that_reason():
    m = make(
        BASE,
        [
            {"source": "reason", "target": "p", "kind": "supports"},
            {"source": "hit", "target": "reason", "kind": "attacks"},
        ],
    )
    assert parts_of(m, "p") == ["reason"]
    assert ("hit", "strained", "reason") in stages(m)


def test_the_actors_later_restatement_is_not_a_part():
    m = make(BASE, [{"source": "later-own", "target": "p", "kind": "elaborates"}])
    assert parts_of(m, "p") == []


def test_steps_come_in_date_order():
    m = make(
        BASE,
        [
            {"source": "reject", "target": "p", "kind": "contradicts"},
            {"source": "adopt", "target": "p", "kind": "adopts"},
        ],
    )
    assert [s.date for s in fate(m, "p")] == ["1906", "1917", "1924"]


@pytest.mark.parametrize(
    "number,adopted", [(1, True), (2, False), (3, False), (4, True), (5, True)]
)
def test_the_bolsheviks_adopt_postulates_one_four_and_five_in_1917_not_two_and_three(
    essay_map, number, adopted
):
    # by April 1917 the tsar had gone and the proletariat's lead was shared ground: the
    # essay's "adopted permanent revolution in principle" is no adoption of those two
    steps = fate(essay_map, f"postulate-{number}")
    assert any(s.stage == "adopted" and s.date.startswith("1917") for s in steps) == adopted


@pytest.mark.parametrize("number,ending", [(4, "altered"), (5, "rejected")])
def test_postulates_four_and_five_end_altered_and_rejected_in_1926(essay_map, number, ending):
    last = fate(essay_map, f"postulate-{number}")
    assert any(s.stage == ending and s.date == "1926" for s in last)


@pytest.mark.parametrize("number", [4, 5])
def test_postulates_four_and_five_are_strained_in_1918_to_1921(essay_map, number):
    steps = fate(essay_map, f"postulate-{number}")
    assert any(s.stage == "strained" and "1918" <= s.date[:4] <= "1921" for s in steps)
