"""arguments.compare: two actors side by side, their convergence, their revisions."""

from __future__ import annotations

from pathlib import Path

import pytest
from gen import build, claim, make_map, rel

from arguments import MapError, load_map
from arguments.analysis.compare import (
    COLUMNS,
    NO_RELATION,
    PERIOD_LABELS,
    compare,
    convergence,
    period_of,
    revision_chains,
    summarise,
    topic_story,
)

ROOT = Path(__file__).resolve().parents[2]

# Trotsky and Lenin disagree on the form of the dictatorship before 1917, agree
# after April 1917, quarrel over the party in 1920; Stalin breaks with Trotsky in 1924.
CLAIMS = [
    claim(
        "t-1904",
        "trotsky",
        "1904",
        "The party must not substitute itself for the class.",
        topics=["party"],
    ),
    claim("l-1905", "lenin", "1905", "A democratic dictatorship of workers and peasants."),
    claim(
        "t-1906",
        "trotsky",
        "1906",
        "The proletariat will take power alone.",
        kind="postulate",
        number=1,
    ),
    claim("l-1917", "lenin", "1917-04", "All power to the soviets.", chapter="II"),
    claim("t-1917", "trotsky", "1917-05", "Lenin has come over to my view.", chapter="II"),
    claim(
        "t-1917b",
        "trotsky",
        "1917-08",
        "I join the Bolshevik party.",
        topics=["party"],
        chapter="II",
    ),
    claim("t-1920", "trotsky", "1920", "Statify the trade unions.", topics=["party"], chapter="II"),
    claim(
        "l-1920",
        "lenin",
        "1920-12",
        "The unions must stay schools of communism.",
        topics=["party"],
        chapter="II",
    ),
    claim("s-1924", "stalin", "1924-12", "Socialism in one country.", chapter="III"),
]
RELATIONS = [
    rel("l-1905", "contradicts", "t-1906"),
    rel("l-1917", "adopts", "t-1906"),
    rel("t-1917", "agrees", "l-1917"),
    rel("l-1920", "attacks", "t-1920"),
    rel("l-1917", "revises", "l-1905"),
    rel("t-1917b", "revises", "t-1904"),
    rel("s-1924", "contradicts", "t-1906"),
]


@pytest.fixture(scope="module")
def story():
    return build(CLAIMS, RELATIONS)


def rows(df) -> dict[tuple[str, str], dict]:
    return {(r["topic"], r["period"]): r for r in df.to_dict("records")}


# ------------------------------------------------------------------ periods
@pytest.mark.parametrize(
    "year, period",
    [
        (1903, "before 1914"),
        (1913, "before 1914"),
        (1914, "1914-1916"),
        (1916, "1914-1916"),
        (1917, "1917"),
        (1918, "1918-1921"),
        (1921, "1918-1921"),
        (1923, "1922-1923"),
        (1924, "1924-1927"),
        (1927, "1924-1927"),
        (1928, "1928 and after"),
        (1940, "1928 and after"),
        (None, "undated"),
    ],
)
def test_period_of(year, period):
    assert period_of(year) == period


@pytest.mark.parametrize(
    "kinds, word",
    [
        ([], NO_RELATION),
        (["agrees"], "agree"),
        (["supports", "elaborates"], "agree"),
        (["adopts", "agrees"], "adopt"),
        (["attacks"], "disagree"),
        (["undercuts"], "disagree"),
        (["contradicts", "attacks"], "contradict"),
        (["agrees", "attacks"], "mixed"),
    ],
)
def test_summarise_reads_relation_kinds_as_one_word(kinds, word):
    assert summarise(kinds) == word


# ------------------------------------------------------------------ compare
def test_compare_disagree_before_1917_and_agree_after_april(story):
    r = rows(compare(story, "trotsky", "lenin"))
    assert r[("dictatorship", "before 1914")]["relation"] == "contradict"
    assert r[("dictatorship", "1917")]["relation"] == "adopt"
    assert r[("party", "1918-1921")]["relation"] == "disagree"


def test_compare_puts_each_actors_claims_on_his_side(story):
    r = rows(compare(story, "trotsky", "lenin"))
    assert r[("dictatorship", "before 1914")]["a_claims"] == ["t-1906"]
    assert r[("dictatorship", "before 1914")]["b_claims"] == ["l-1905"]
    assert r[("dictatorship", "1917")]["a_claims"] == ["t-1917"]
    swapped = rows(compare(story, "lenin", "trotsky"))
    assert swapped[("dictatorship", "1917")]["a_claims"] == ["l-1917"]


def test_compare_lists_the_relations_behind_each_row(story):
    r = rows(compare(story, "trotsky", "lenin"))
    assert sorted(r[("dictatorship", "1917")]["links"]) == [
        ("l-1917", "adopts", "t-1906"),
        ("t-1917", "agrees", "l-1917"),
    ]


def test_a_relation_belongs_to_the_period_of_its_later_claim(story):
    r = rows(compare(story, "trotsky", "lenin"))
    before = r[("dictatorship", "before 1914")]["links"]
    assert ("l-1917", "adopts", "t-1906") not in before


def test_rows_where_only_one_actor_spoke_have_no_stated_relation(story):
    row = rows(compare(story, "trotsky", "lenin"))[("party", "before 1914")]
    assert (row["a_claims"], row["b_claims"], row["relation"]) == (["t-1904"], [], NO_RELATION)


def test_the_relation_column_comes_from_the_maps_relations_only(story):
    bare = build(CLAIMS, [r for r in RELATIONS if r["kind"] == "revises"])
    df = compare(bare, "trotsky", "lenin")
    assert set(df["relation"]) == {NO_RELATION}
    assert len(df) == len(compare(story, "trotsky", "lenin"))


def test_compare_rows_follow_topic_then_period_order(story):
    df = compare(story, "trotsky", "lenin")
    keys = list(zip(df["topic"], df["period"]))
    topic_order = ["dictatorship", "war", "party"]
    assert keys == sorted(keys, key=lambda k: (topic_order.index(k[0]), PERIOD_LABELS.index(k[1])))


def test_compare_on_one_topic(story):
    df = compare(story, "trotsky", "lenin", topic="party")
    assert set(df["topic"]) == {"party"}
    assert set(df["period"]) == {"before 1914", "1917", "1918-1921"}
    assert list(df.columns) == COLUMNS
    assert df.attrs["actors"] == ("trotsky", "lenin")


def test_a_relation_between_claims_without_a_shared_topic_shows_under_both():
    m = build(
        [
            claim("t", "trotsky", "1915", topics=["war"]),
            claim("l", "lenin", "1915", topics=["party"]),
        ],
        [rel("t", "agrees", "l")],
    )
    r = rows(compare(m, "trotsky", "lenin"))
    assert r[("war", "1914-1916")]["relation"] == r[("party", "1914-1916")]["relation"] == "agree"


@pytest.mark.parametrize("args", [("trotsky", "nobody"), ("nobody", "lenin")])
def test_compare_names_an_unknown_actor(story, args):
    with pytest.raises(KeyError, match="nobody"):
        compare(story, *args)


def test_compare_names_an_unknown_topic(story):
    with pytest.raises(KeyError, match="economy"):
        compare(story, "trotsky", "lenin", topic="economy")


# ------------------------------------------------------------------ convergence
def test_convergence_counts_agreements_and_disagreements_per_period(story):
    df = convergence(story, "trotsky", "lenin").set_index("period")
    assert (df.loc["before 1914", "agree"], df.loc["before 1914", "disagree"]) == (0, 1)
    assert (df.loc["1917", "agree"], df.loc["1917", "disagree"]) == (2, 0)
    assert (df.loc["1918-1921", "agree"], df.loc["1918-1921", "disagree"]) == (0, 1)
    assert df["balance"].tolist() == (df["agree"] - df["disagree"]).tolist()


def test_convergence_lists_every_period_in_order(story):
    assert convergence(story, "trotsky", "lenin")["period"].tolist() == list(PERIOD_LABELS)


def test_convergence_is_the_same_whichever_actor_comes_first(story):
    a = convergence(story, "trotsky", "lenin")
    b = convergence(story, "lenin", "trotsky")
    assert a[["agree", "disagree"]].equals(b[["agree", "disagree"]])


def test_stalins_break_shows_in_1924_1927(story):
    df = convergence(story, "trotsky", "stalin").set_index("period")
    assert df.loc["1924-1927", "disagree"] == 1
    assert df["agree"].sum() == 0


def test_convergence_counts_each_relation_once_whatever_its_topics():
    m = build(
        [
            claim("t", "trotsky", "1915", topics=["war", "party"]),
            claim("l", "lenin", "1915", topics=["war", "party"]),
        ],
        [rel("t", "agrees", "l")],
    )
    assert convergence(m, "trotsky", "lenin")["agree"].sum() == 1


# ------------------------------------------------------------------ revisions
@pytest.mark.parametrize(
    "actor, chains",
    [
        ("lenin", [["l-1905", "l-1917"]]),
        ("trotsky", [["t-1904", "t-1917b"]]),
        ("stalin", []),
    ],
)
def test_revision_chains(story, actor, chains):
    assert revision_chains(story, actor) == chains


def test_a_long_revision_chain_runs_oldest_first_and_chains_sort_by_start():
    m = build(
        [
            claim("a3", "lenin", "1921"),
            claim("a1", "lenin", "1905"),
            claim("a2", "lenin", "1910"),
            claim("b1", "lenin", "1903"),
            claim("b2", "lenin", "1904"),
        ],
        [rel("a3", "revises", "a2"), rel("a2", "revises", "a1"), rel("b2", "revises", "b1")],
    )
    assert revision_chains(m, "lenin") == [["b1", "b2"], ["a1", "a2", "a3"]]


@pytest.mark.parametrize("seed", range(3))
def test_compare_on_a_generated_map_covers_every_claim_of_the_pair(seed):
    m = make_map(160, 250, seed=seed)
    df = compare(m, "trotsky", "lenin")
    shown = {c for ids in df["a_claims"] for c in ids} | {c for ids in df["b_claims"] for c in ids}
    assert shown == {c.id for c in m.claims if c.actor in ("trotsky", "lenin")}
    assert set(df["relation"]) <= {NO_RELATION, "agree", "adopt", "disagree", "contradict", "mixed"}


# ------------------------------------------------------------------ the essay's map
def _essay():
    path = ROOT / "claims.yaml"
    if not path.exists():
        pytest.skip("claims.yaml is not written yet")
    try:
        m = load_map(path)
    except MapError as err:
        pytest.fail(f"claims.yaml does not load:\n{err}")
    by_name = {a.name.lower(): a.id for a in m.actors}

    def actor(name: str) -> str:
        found = [i for n, i in by_name.items() if name in n]
        assert found, f"claims.yaml has no actor named like {name!r}"
        return found[0]

    return m, actor


def test_the_essay_tells_divergence_then_convergence_for_trotsky_and_lenin():
    m, actor = _essay()
    df = convergence(m, actor("trotsky"), actor("lenin")).set_index("period")
    assert df.loc["before 1914", "disagree"] > df.loc["before 1914", "agree"]
    assert df.loc["1917", "agree"] > df.loc["1917", "disagree"]


def test_the_essay_tells_stalins_break_with_trotsky():
    m, actor = _essay()
    df = convergence(m, actor("trotsky"), actor("stalin")).set_index("period")
    assert df.loc["1924-1927", "disagree"] > df.loc["1924-1927", "agree"]


def test_two_lines_of_thought_meeting_in_one_revision_are_two_chains():
    m = build(
        [
            claim("a", "trotsky", "1904"),
            claim("b", "trotsky", "1906"),
            claim("c", "trotsky", "1920"),
            claim("d", "trotsky", "1920"),
            claim("e", "trotsky", "1923"),
        ],
        [
            rel("c", "revises", "a"),
            rel("e", "revises", "c"),
            rel("d", "revises", "b"),
            rel("e", "revises", "d"),
        ],
    )
    assert revision_chains(m, "trotsky") == [["a", "c", "e"], ["b", "d", "e"]]


# ------------------------------------------------------------------ joint acts, qualifications
def joint_story():
    """The story above, plus a joint act of Lenin and Trotsky in 1919, and the author's
    caveat that undercuts the pre-1917 contradiction."""
    claims = [
        *CLAIMS,
        claim(
            "lt-1919",
            None,
            "1919-03",
            "Lenin and Trotsky found the Comintern.",
            actors=["lenin", "trotsky"],
            kind="event",
            chapter="II",
        ),
        claim(
            "a-not-distant",
            "author",
            None,
            "They were less distant than they thought.",
            kind="interpretation",
        ),
    ]
    relations = [*RELATIONS, rel("a-not-distant", "undercuts", "t-1906", reason="l-1905")]
    return build(claims, relations)


def test_a_joint_act_is_one_agreement_of_the_pair_and_stands_on_both_sides():
    m = joint_story()
    row = rows(compare(m, "trotsky", "lenin"))[("dictatorship", "1918-1921")]
    assert row["a_claims"] == row["b_claims"] == ["lt-1919"]
    assert row["links"] == [("lt-1919", "joint", "lt-1919")] and row["joint"] == ["lt-1919"]
    assert row["relation"] == "agree"
    conv = convergence(m, "trotsky", "lenin").set_index("period")
    assert (conv.loc["1918-1921", "agree"], conv.loc["1918-1921", "joint"]) == (1, 1)


def test_the_authors_undercut_qualifies_the_link_it_attacks():
    m = joint_story()
    row = rows(compare(m, "trotsky", "lenin"))[("dictatorship", "before 1914")]
    assert row["qualified"] == [("a-not-distant", "l-1905", "t-1906")]
    assert (
        convergence(m, "trotsky", "lenin").set_index("period").loc["before 1914", "qualified"] == 1
    )
    assert "qualified" in topic_story(compare(m, "trotsky", "lenin"))["dictatorship"]


def test_related_only_keeps_the_rows_with_a_stated_relation(story):
    every = compare(story, "trotsky", "lenin")
    related = compare(story, "trotsky", "lenin", related_only=True)
    assert len(related) < len(every)
    assert NO_RELATION not in set(related["relation"])
    assert len(related) == sum(r != NO_RELATION for r in every["relation"])


def test_a_topics_story_reads_the_relation_over_time(story):
    assert topic_story(compare(story, "trotsky", "lenin"))["dictatorship"] == (
        "contradict before 1914 \u00b7 adopt 1917"
    )
