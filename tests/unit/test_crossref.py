"""Cross-reference checks: one rule per test, on a valid map and on raw broken data."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import any_data, map_data

from arguments.crossref import check, did_you_mean
from arguments.formats.yaml import parse
from arguments.loader import load_map

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini.yaml"


@pytest.fixture
def raw() -> dict:
    """mini.yaml as plain, mutable data."""
    return copy.deepcopy(parse(MINI.read_text("utf-8"), "mini.yaml"))


def found(data) -> list[tuple[str, tuple]]:
    return [(i.code, i.loc) for i in check(data)]


def rel(source: str, target: str, kind: str, **extra) -> dict:
    return {"source": source, "target": target, "kind": kind, **extra}


def test_a_valid_map_has_no_issues_as_model_or_as_raw_data(raw):
    assert check(load_map(MINI)) == [] and check(raw) == []


def test_did_you_mean_finds_a_close_id_or_nothing():
    assert did_you_mean("lenni", ["lenin", "trotsky"]) == "lenin"
    assert did_you_mean("zinoviev", ["lenin", "trotsky"]) is None


@pytest.mark.parametrize("section,i", [("actors", 1), ("topics", 1), ("claims", 1)])
def test_a_duplicate_id_is_reported_at_the_second_use(raw, section, i):
    raw[section][i]["id"] = raw[section][0]["id"]
    assert ("duplicate-id", (section, i, "id")) in found(raw)


def test_a_duplicate_chapter_id(raw):
    raw["source"]["chapters"].append({"id": "I", "title": "Again"})
    assert found(raw) == [("duplicate-id", ("source", "chapters", 2, "id"))]


def test_an_unknown_actor_and_quote_speaker(raw):
    raw["claims"][1]["actor"] = "lenni"
    raw["claims"][2]["quotes"][0]["speaker"] = "stalin"
    assert found(raw) == [
        ("unknown-actor", ("claims", 1, "actor")),
        ("unknown-actor", ("claims", 2, "quotes", 0, "speaker")),
    ]


def test_the_suggestion_names_the_closest_declared_id(raw):
    raw["claims"][1]["actor"] = "lenni"
    [issue] = check(raw)
    assert "did you mean 'lenin'?" in issue.expected


def test_unknown_topic_and_chapter(raw):
    raw["claims"][0]["topics"] = ["dictatorship", "wars"]
    raw["claims"][1]["chapter"] = "III"
    assert found(raw) == [
        ("unknown-topic", ("claims", 0, "topics", 1)),
        ("unknown-chapter", ("claims", 1, "chapter")),
    ]


def test_any_chapter_goes_when_the_source_declares_none(raw):
    del raw["source"]["chapters"]
    raw["claims"][1]["chapter"] = "anything"
    assert found(raw) == []


@pytest.mark.parametrize("field", ["source", "target", "reason"])
def test_a_relation_to_a_missing_claim(raw, field):
    raw["relations"][5][field] = "nowhere"
    assert ("unknown-claim", ("relations", 5, field)) in found(raw)


def test_a_self_relation(raw):
    raw["relations"].append(rel("war-1914", "war-1914", "supports"))
    assert found(raw) == [("self-relation", ("relations", 6, "target"))]


@pytest.mark.parametrize("kind", ["contradicts", "agrees"])
def test_a_symmetric_relation_stated_both_ways_is_a_duplicate(raw, kind):
    raw["relations"] += [
        rel("war-1914", "author-verdict", kind),
        rel("author-verdict", "war-1914", kind),
    ]
    assert found(raw) == [("duplicate-relation", ("relations", 7))]


def test_a_directed_relation_both_ways_is_no_duplicate(raw):
    raw["relations"].append(rel("author-verdict", "l-april-theses", "supports"))
    assert found(raw) == []


def test_an_undercut_reason_must_support_the_target(raw):
    raw["relations"][5]["reason"] = "war-1914"
    assert found(raw) == [("undercut-reason", ("relations", 5, "reason"))]


def test_revises_needs_one_actor(raw):
    raw["relations"][2]["target"] = "t-proletarian-dictatorship"
    assert found(raw) == [("relation-mismatch", ("relations", 2))]


@pytest.mark.parametrize("date,ok", [("1917-04", True), ("1917", True), ("1904", False)])
def test_revises_needs_a_source_no_earlier_than_its_target(raw, date, ok):
    raw["claims"][1]["date"] = "1905"
    raw["claims"][2]["date"] = date  # l-april-theses revises l-democratic-dictatorship
    assert found(raw) == ([] if ok else [("relation-mismatch", ("relations", 2))])


def test_adopts_needs_two_actors(raw):
    raw["relations"][1]["target"] = "l-democratic-dictatorship"
    assert found(raw) == [("relation-mismatch", ("relations", 1))]


@pytest.mark.parametrize("kind", ["confirms", "disconfirms"])
def test_confirms_and_disconfirms_point_at_a_prediction(raw, kind):
    raw["relations"].append(rel("war-1914", "l-april-theses", kind))
    assert found(raw) == [("relation-mismatch", ("relations", 6, "target"))]


def test_a_claim_of_a_person_needs_a_date_and_one_of_the_author_does_not(raw):
    del raw["claims"][1]["date"]
    del raw["claims"][4]["date"]  # war-1914, by the author
    assert found(raw) == [("missing-date", ("claims", 1))]


# ------------------------------------------------------------------ no follow-on noise
def test_an_unknown_actor_adds_no_relation_mismatch(raw):
    raw["claims"][2]["actor"] = "lenni"  # l-april-theses revises and adopts
    assert [code for code, _ in found(raw)] == ["unknown-actor"]


def test_an_unknown_claim_kind_adds_no_relation_mismatch(raw):
    raw["claims"][3]["kind"] = "prophecy"  # the target of confirms
    assert found(raw) == []


def test_an_empty_section_adds_no_unknown_reference(raw):
    raw["actors"] = []
    raw["topics"] = "not a list"
    assert found(raw) == []


# ------------------------------------------------------------------ never raises
def _corrupt(data, choices):
    """Replace one leaf or record of ``data`` with something of any shape."""
    path, node = [], data
    while isinstance(node, (dict, list)) and node and choices.draw(st.booleans()):
        key = choices.draw(
            st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node)))
        )
        path.append(key)
        node = node[key]
    if not path:
        return choices.draw(any_data)
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = choices.draw(any_data)
    return data


@settings(
    max_examples=300,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(map_data(), st.data())
def test_check_never_raises_on_malformed_raw_data(data, choices):
    for _ in range(choices.draw(st.integers(1, 5))):
        data = _corrupt(data, choices)
    issues = check(data)
    assert all(isinstance(i.loc, tuple) for i in issues)


def test_check_never_raises_on_wrong_shapes():
    for data in [
        None,
        1,
        "x",
        [],
        [1, 2],
        {"claims": {"a": 1}},
        {"claims": [None, [], "x"]},
        {"relations": [[1], {"source": ["x"], "target": {"a": 1}, "kind": []}]},
        {
            "actors": [{"id": ["a"], "kind": ["person"]}],
            "claims": [{"actor": ["a"], "kind": ["event"], "topics": [[1]]}],
        },
    ]:
        assert isinstance(check(data), list)
