"""arguments.analysis: a claim's card, support trees, timelines, fates, search."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from gen import build, claim, rel

from arguments import load_map
from arguments.analysis.claims import describe_claim, objections, reasons, relations_of
from arguments.analysis.fate import fate, postulates
from arguments.analysis.stats import stats
from arguments.analysis.timeline import timeline
from arguments.analysis.trees import outline, support_tree

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini.yaml"


@pytest.fixture(scope="module")
def mini():
    return load_map(MINI)


# ------------------------------------------------------------------ a claim
def test_relations_of_groups_by_direction_and_kind(mini):
    r = relations_of(mini, "l-april-theses")
    assert r["out"] == {
        "adopts": ["t-proletarian-dictatorship"],
        "revises": ["l-democratic-dictatorship"],
        "supports": ["author-verdict"],
    }
    assert r["in"] == {"undercut via": ["l-democratic-dictatorship"]}


def test_relations_of_a_target(mini):
    assert relations_of(mini, "t-proletarian-dictatorship")["in"] == {
        "contradicts": ["l-democratic-dictatorship"],
        "adopts": ["l-april-theses"],
    }


def test_describe_claim_gives_every_fact_quote_and_relation(mini):
    text = describe_claim(mini, "l-april-theses")
    for part in (
        "[position]",
        "All power to the Soviets.",
        "Lenin",
        "1917-04",
        "II (After)",
        "Form of the dictatorship, War",
        "\u201cAll power to the Soviets!\u201d",
        "adopts -> t-proletarian-dictatorship",
        "<- undercut via l-democratic",
    ):
        assert part in text


def test_describe_claim_names_a_postulates_number_and_a_quotes_citation(mini):
    text = describe_claim(mini, "t-proletarian-dictatorship")
    assert "[postulate 4]" in text
    assert "[Trotsky, Results and Prospects, 71]" in text


# ------------------------------------------------------------------ support trees
def test_support_tree_of_the_verdict(mini):
    tree = support_tree(mini, "author-verdict")
    assert tree.claim == "author-verdict" and tree.relation is None
    assert [(c.claim, c.relation) for c in tree.children] == [
        ("l-april-theses", "supports"),
        ("l-democratic-dictatorship", "undercuts"),
    ]
    assert tree.size == 3


def test_support_tree_recurses_and_marks_repeats_so_cycles_end():
    m = build(
        [
            claim("v", "author", None, kind="verdict"),
            claim("a", "lenin", "1917"),
            claim("b", "trotsky", "1917"),
            claim("c", "stalin", "1924"),
        ],
        [
            rel("a", "supports", "v"),
            rel("b", "supports", "a"),
            rel("a", "supports", "b"),
            rel("c", "attacks", "a"),
        ],
    )
    tree = support_tree(m, "v")
    walked = [(d, n.claim, n.relation, n.repeated) for d, n in tree.walk()]
    assert walked == [
        (0, "v", None, False),
        (1, "a", "supports", False),
        (2, "b", "supports", False),
        (3, "a", "supports", True),
        (2, "c", "attacks", False),
    ]
    assert not tree.children[0].children[0].children[0].children  # a repeat is not expanded


def test_support_tree_orders_supports_before_attacks():
    m = build(
        [
            claim("v", "author", None, kind="verdict"),
            claim("x", "stalin", "1924"),
            claim("y", "lenin", "1917"),
        ],
        [rel("x", "attacks", "v"), rel("y", "supports", "v")],
    )
    assert [c.relation for c in support_tree(m, "v").children] == ["supports", "attacks"]


def test_support_tree_stops_at_max_depth():
    chain = [claim(f"c{i}", "lenin", f"19{10 + i}") for i in range(6)]
    m = build(chain, [rel(f"c{i + 1}", "supports", f"c{i}") for i in range(5)])
    assert support_tree(m, "c0", max_depth=2).size == 3
    assert support_tree(m, "c0").size == 6


def test_support_tree_of_an_unknown_claim_raises(mini):
    with pytest.raises(KeyError):
        support_tree(mini, "nope")


def test_outline_is_an_indented_list_of_the_tree(mini):
    text = outline(mini, support_tree(mini, "author-verdict"))
    assert text.splitlines() == [
        "- Lenin came round to Trotsky's view. [The author]",
        "  - supports: All power to the Soviets. [Lenin, 1917-04]",
        "  - undercuts: The revolution will set up a democratic dictatorship of the proletariat"
        " and the peasantry. [Lenin, 1905]",
    ]


# ------------------------------------------------------------------ timeline
def test_timeline_has_every_dated_claim_oldest_first(mini):
    df = timeline(mini)
    assert set(df["id"]) == {c.id for c in mini.claims if c.date}
    assert df["start"].is_monotonic_increasing
    assert df.iloc[0]["id"] == "l-democratic-dictatorship"


@pytest.mark.parametrize(
    "cid, start, precision",
    [
        ("war-1914", pd.Timestamp(1914, 8, 1), "month"),
        ("t-war-revolution", pd.Timestamp(1906, 1, 1), "year"),
    ],
)
def test_timeline_places_a_claim_at_its_month_or_year(mini, cid, start, precision):
    row = timeline(mini).set_index("id").loc[cid]
    assert (row["start"], row["precision"]) == (start, precision)


def test_timeline_of_a_map_without_dates_is_an_empty_frame_with_columns():
    m = build([claim("v", "author", None, kind="verdict")])
    df = timeline(m)
    assert df.empty and {"id", "actor", "start", "text"} <= set(df.columns)


# ------------------------------------------------------------------ postulates and fate
def test_postulates_are_sorted_by_number():
    m = build([claim(f"p{n}", "trotsky", "1906", kind="postulate", number=n) for n in (3, 1, 2)])
    assert [p.number for p in postulates(m)] == [1, 2, 3]


def test_fate_of_a_postulate_through_time():
    m = build(
        [
            claim("p", "trotsky", "1906", kind="postulate", number=1),
            claim("l", "lenin", "1917-04", chapter="II"),
            claim("c", "lenin", "1920", chapter="II"),
            claim("t", "trotsky", "1924", chapter="III"),
            claim("s", "stalin", "1925", chapter="III"),
            claim("old", "lenin", "1905"),
        ],
        [
            rel("l", "adopts", "p"),
            rel("c", "attacks", "p"),
            rel("t", "revises", "p"),
            rel("s", "contradicts", "p"),
            rel("old", "contradicts", "p"),
        ],
    )
    steps = [(s.date, s.claim, s.stage) for s in fate(m, "p")]
    assert steps == [
        ("1906", "p", "stated"),
        ("1917-04", "l", "adopted"),
        ("1920", "c", "strained"),
        ("1924", "t", "altered"),
        ("1925", "s", "rejected"),
    ]


def test_objections_take_a_contradiction_from_either_end_oldest_first():
    m = build(
        [
            claim("p", "trotsky", "1906", kind="postulate", number=1),
            claim("mensh", "lenin", "1905"),
            claim("gradual", "lenin", "1906"),
            claim("stalin", "stalin", "1924", chapter="III"),
            claim("author", "author", None, kind="interpretation"),
            claim("why", "trotsky", "1906"),
        ],
        [
            rel("stalin", "contradicts", "p"),
            rel("p", "contradicts", "gradual"),
            rel("mensh", "contradicts", "p"),
            rel("author", "attacks", "p"),
            rel("why", "supports", "p"),
            rel("mensh", "attacks", "p"),
        ],
    )
    assert objections(m, "p") == ["mensh", "gradual", "stalin", "author"]
    assert reasons(m, "p") == ["why"]


def test_what_a_claim_itself_attacks_is_no_objection_to_it():
    m = build(
        [claim("p", "trotsky", "1906"), claim("x", "lenin", "1905")],
        [rel("p", "attacks", "x"), rel("p", "supports", "x")],
    )
    assert objections(m, "p") == [] and reasons(m, "p") == []


def test_the_mensheviks_object_to_the_first_postulate():
    m = load_map(Path(__file__).resolve().parents[2] / "claims.yaml")
    assert "mensheviks-significant-interval" in objections(m, "postulate-1")
    assert "stalin-socialism-in-one-country" in objections(m, "postulate-5")


def test_fate_ignores_what_the_postulate_itself_supports():
    m = build(
        [claim("p", "trotsky", "1906", kind="postulate", number=1), claim("x", "lenin", "1917")],
        [rel("p", "supports", "x")],
    )
    assert [s.stage for s in fate(m, "p")] == ["stated"]


def test_fate_in_mini_is_adoption_by_lenin(mini):
    assert [(s.claim, s.stage) for s in fate(mini, "t-proletarian-dictatorship")] == [
        ("t-proletarian-dictatorship", "stated"),
        ("l-april-theses", "adopted"),
    ]


# ------------------------------------------------------------------ stats
def test_stats_counts(mini):
    s = stats(mini)
    assert (s["claims"], s["relations"], s["quotes"], s["actors"], s["topics"]) == (6, 6, 6, 3, 2)
    assert s["by_actor"] == {"Trotsky": 2, "Lenin": 2, "The author": 2}
    assert list(s["by_chapter"]) == ["I", "II"]


# ------------------------------------------------------------------ quotation marks
@pytest.mark.parametrize(
    "text,shown",
    [
        ("All power to the Soviets!", "\u201cAll power to the Soviets!\u201d"),
        (
            "\u201cBloody Sunday,\u201d as it became known, was one of the major turning points",
            "\u201cBloody Sunday,\u201d as it became known, was one of the major turning points",
        ),
    ],
)
def test_a_quote_gets_quotation_marks_unless_it_opens_with_its_own(text, shown):
    from arguments.text import quoted

    assert quoted(text) == shown
