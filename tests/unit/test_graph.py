"""arguments.graph: the map as a graph, neighbourhoods, filters and sub-maps."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from gen import build, claim, make_map, rel

from arguments import load_map
from arguments.graph import Filters, build_graph, filter_map, neighbourhood, submap, used_actors

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini.yaml"


@pytest.fixture(scope="module")
def mini():
    return load_map(MINI)


def ids(m) -> set[str]:
    return {c.id for c in m.claims}


def triples(m) -> set[tuple[str, str, str]]:
    return {(r.source, r.kind, r.target) for r in m.relations}


# ------------------------------------------------------------------ build_graph
def test_build_graph_has_a_node_per_claim_and_an_edge_per_relation(mini):
    g = build_graph(mini)
    assert set(g.nodes) == ids(mini)
    assert g.number_of_edges() == len(mini.relations)
    assert g.nodes["l-april-theses"]["actor"] == "lenin"
    assert g.has_edge("l-april-theses", "t-proletarian-dictatorship", key="adopts")


def test_build_graph_keeps_two_kinds_between_the_same_claims():
    m = build(
        [claim("a", "trotsky", "1905"), claim("b", "lenin", "1906")],
        [rel("a", "supports", "b"), rel("a", "elaborates", "b")],
    )
    assert build_graph(m).number_of_edges("a", "b") == 2


# ------------------------------------------------------------------ neighbourhood
@pytest.mark.parametrize(
    "depth, expected",
    [
        (0, {"war-1914"}),
        (1, {"war-1914", "t-war-revolution"}),
        (2, {"war-1914", "t-war-revolution"}),  # nothing else touches the war prediction
    ],
)
def test_neighbourhood_of_an_isolated_pair(mini, depth, expected):
    assert neighbourhood(build_graph(mini), "war-1914", depth) == expected


def test_neighbourhood_follows_edges_in_both_directions(mini):
    g = build_graph(mini)
    # the postulate is only ever a target: its neighbours come from incoming edges
    assert neighbourhood(g, "t-proletarian-dictatorship", 1) == {
        "t-proletarian-dictatorship",
        "l-democratic-dictatorship",
        "l-april-theses",
    }


def test_neighbourhood_grows_with_depth(mini):
    g = build_graph(mini)
    one = neighbourhood(g, "t-proletarian-dictatorship", 1)
    two = neighbourhood(g, "t-proletarian-dictatorship", 2)
    assert one < two
    assert "author-verdict" in two and "author-verdict" not in one


def test_an_undercut_reaches_the_reason_and_the_reason_its_undercutter():
    m = build(
        [
            claim("t", "author", None, kind="verdict"),
            claim("r", "lenin", "1917"),
            claim("u", "trotsky", "1918"),
            claim("x", "stalin", "1924"),
        ],
        [
            rel("r", "supports", "t"),
            rel("u", "undercuts", "t", reason="r"),
            rel("x", "attacks", "u"),
        ],
    )
    g = build_graph(m)
    assert neighbourhood(g, "u", 1) == {"u", "t", "r", "x"}
    assert "u" in neighbourhood(g, "r", 1)


def test_neighbourhood_of_an_unknown_claim_says_so(mini):
    with pytest.raises(nx.NodeNotFound, match="no-such-claim"):
        neighbourhood(build_graph(mini), "no-such-claim", 1)


def test_neighbourhood_on_a_large_map_stays_inside_it():
    m = make_map(160, 250, seed=3)
    g = build_graph(m)
    everything = ids(m)
    for cid in list(everything)[:20]:
        near = neighbourhood(g, cid, 3)
        assert cid in near and near <= everything


# ------------------------------------------------------------------ Filters
def test_filters_make_turns_lists_into_sets_and_years_into_a_tuple():
    f = Filters.make(actors=["lenin", "trotsky"], years=[1905, 1917], kinds=None)
    assert f.actors == frozenset({"lenin", "trotsky"})
    assert f.years == (1905, 1917)
    assert f.kinds == frozenset()
    hash(f)  # usable as a cache key


@pytest.mark.parametrize(
    "kw, active",
    [
        ({}, False),
        ({"actors": ["lenin"]}, True),
        ({"years": (1903, 1917)}, True),
        ({"include_undated": False}, True),
        ({"relation_kinds": ["supports"]}, True),
    ],
)
def test_filters_know_whether_they_filter(kw, active):
    assert Filters.make(**kw).active is active


# ------------------------------------------------------------------ filter_map
@pytest.mark.parametrize(
    "kw, expected",
    [
        ({"actors": ["lenin"]}, {"l-democratic-dictatorship", "l-april-theses"}),
        ({"kinds": ["event", "prediction"]}, {"war-1914", "t-war-revolution"}),
        ({"topics": ["war"]}, {"l-april-theses", "t-war-revolution", "war-1914"}),
        ({"chapters": ["II"]}, {"l-april-theses", "war-1914", "author-verdict"}),
        (
            {"years": (1905, 1906)},
            {
                "l-democratic-dictatorship",
                "t-proletarian-dictatorship",
                "t-war-revolution",
                "author-verdict",
            },
        ),
        (
            {"years": (1905, 1906), "include_undated": False},
            {"l-democratic-dictatorship", "t-proletarian-dictatorship", "t-war-revolution"},
        ),
        (
            {"include_undated": False},
            {
                "t-proletarian-dictatorship",
                "l-democratic-dictatorship",
                "l-april-theses",
                "t-war-revolution",
                "war-1914",
            },
        ),
        ({"actors": ["lenin"], "years": (1917, 1940)}, {"l-april-theses"}),
    ],
)
def test_filter_map_keeps_the_claims_that_pass_every_filter(mini, kw, expected):
    assert ids(filter_map(mini, Filters.make(**kw))) == expected


def test_filter_map_keeps_only_relations_whose_ends_are_kept(mini):
    lenin = filter_map(mini, Filters.make(actors=["lenin"]))
    assert triples(lenin) == {("l-april-theses", "revises", "l-democratic-dictatorship")}


def test_filter_map_by_relation_kind_keeps_claims_and_drops_other_relations(mini):
    out = filter_map(mini, Filters.make(relation_kinds=["contradicts", "adopts"]))
    assert ids(out) == ids(mini)
    assert {r.kind for r in out.relations} == {"contradicts", "adopts"}


def test_an_undercut_is_dropped_with_the_support_it_attacks(mini):
    without_reason = filter_map(mini, Filters.make(actors=["lenin", "author"], years=(1903, 1916)))
    assert "l-april-theses" not in ids(without_reason)
    assert not any(r.kind == "undercuts" for r in without_reason.relations)


def test_choosing_undercuts_keeps_the_support_it_attacks(mini):
    out = filter_map(mini, Filters.make(relation_kinds=["undercuts"]))
    assert triples(out) == {
        ("l-democratic-dictatorship", "undercuts", "author-verdict"),
        ("l-april-theses", "supports", "author-verdict"),
    }


def test_inactive_filters_return_the_map_itself(mini):
    assert filter_map(mini, Filters()) is mini


def test_filter_map_does_not_change_its_input(mini):
    before = mini.model_dump()
    filter_map(mini, Filters.make(actors=["lenin"], relation_kinds=["revises"]))
    assert mini.model_dump() == before


@pytest.mark.parametrize("seed", range(5))
def test_a_filtered_generated_map_is_still_consistent(seed):
    m = make_map(120, 200, seed=seed)
    f = Filters.make(
        actors=["trotsky", "lenin", "author"],
        years=(1905, 1925),
        relation_kinds=["supports", "undercuts", "contradicts"],
    )
    out = filter_map(m, f)
    kept = ids(out)
    assert kept and kept < ids(m)
    for r in out.relations:
        assert r.source in kept and r.target in kept and r.kind in f.relation_kinds | {"supports"}
        if r.kind == "undercuts":
            assert (r.reason, "supports", r.target) in {
                (x.source, x.kind, x.target) for x in out.relations
            }
    # the cut passes the same validation as a file would
    type(m).model_validate(out.model_dump())


# ------------------------------------------------------------------ submap, used_actors
def test_submap_keeps_the_relations_among_the_kept_claims(mini):
    out = submap(mini, {"l-april-theses", "l-democratic-dictatorship", "author-verdict"})
    assert triples(out) == {
        ("l-april-theses", "revises", "l-democratic-dictatorship"),
        ("l-april-theses", "supports", "author-verdict"),
        ("l-democratic-dictatorship", "undercuts", "author-verdict"),
    }


def test_used_actors_lists_actors_with_claims_in_declaration_order():
    m = build([claim("a", "lenin", "1905"), claim("b", "trotsky", "1906")])
    assert used_actors(m) == ["trotsky", "lenin"]
