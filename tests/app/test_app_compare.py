"""AppTest: the Compare page (table, convergence, revisions, compare diagram)."""

from __future__ import annotations

import pytest
from apphelp import MINI, no_exception, open_app, page_text, shown_claims, unescape_md


@pytest.fixture
def at():
    return open_app(MINI, "compare")


def table_rows(at) -> list[tuple[str, str, str]]:
    df = at.table[0].value
    return [
        (unescape_md(t), unescape_md(p), r)
        for t, p, r in zip(df["Topic"], df["Period"], df["Relation"])
    ]


def test_the_default_pair_is_trotsky_and_lenin(at):
    no_exception(at)
    assert (at.selectbox(key="cmp_a").value, at.selectbox(key="cmp_b").value) == (
        "trotsky",
        "lenin",
    )


def test_the_table_holds_the_expected_rows_with_derived_relations(at):
    rows = table_rows(at)
    assert rows == [
        ("Form of the dictatorship", "before 1914", "\u2716 contradict"),
        ("Form of the dictatorship", "1917", "\u2714 adopt"),
        ("War", "before 1914", "no stated relation"),  # only Trotsky spoke
        ("War", "1917", "no stated relation"),  # only Lenin spoke
    ]


def test_each_side_shows_its_own_claims(at):
    df = at.table[0].value
    first = df.iloc[0]
    assert "The proletariat will establish its own dictatorship" in unescape_md(first["Trotsky"])
    assert "democratic dictatorship" in unescape_md(first["Lenin"])
    assert "Lenin (1905) contradicts Trotsky (1906)" in unescape_md(first["Stated by"])


def test_a_topic_narrows_the_table(at):
    at.selectbox(key="cmp_topic").set_value("war").run()
    no_exception(at)
    assert {t for t, _, _ in table_rows(at)} == {"War"}


def test_another_pair(at):
    at.selectbox(key="cmp_b").set_value("author").run()
    no_exception(at)
    assert "The author" in at.table[0].value.columns.map(unescape_md).tolist()


def test_the_same_actor_twice_asks_for_two(at):
    at.selectbox(key="cmp_b").set_value("trotsky").run()
    no_exception(at)
    assert at.warning and "two different actors" in at.warning[0].value


def test_the_convergence_figures(at):
    at.session_state["cmp_conv_table"] = True
    at.run()
    figures = next(t.value for t in at.table if "Agree" in t.value.columns).set_index("Period")
    assert (figures.loc["before 1914", "Agree"], figures.loc["before 1914", "Disagree"]) == (0, 1)
    assert (figures.loc["1917", "Agree"], figures.loc["1917", "Disagree"]) == (1, 0)
    assert at.get("vega_lite_chart")


def test_revision_chains_of_each_actor(at):
    text = unescape_md(page_text(at))
    assert "The map records no revision of his own positions." in text  # Trotsky
    assert "1905** The revolution will set up" in text and "1917-04** All power" in text


def test_the_side_by_side_quotes_open_on_demand(at):
    quote = "the proletariat would establish a workers&#x27; democracy"
    assert quote not in page_text(at)
    at.session_state["cmp-topic-0"] = True
    at.run()
    no_exception(at)
    assert quote in page_text(at)


def test_the_compare_diagram_shows_only_the_pair(at):
    assert shown_claims(at, "cmp_view") == {
        "t-proletarian-dictatorship",
        "t-war-revolution",
        "l-democratic-dictatorship",
        "l-april-theses",
    }


def test_a_row_names_the_earlier_claim_its_relation_points_to(at):
    row = at.table[0].value.iloc[1]  # the dictatorship in 1917: Lenin adopts Trotsky's 1906 view
    assert unescape_md(row["Trotsky"]).startswith("_\u21b3 1906: The proletariat")
    assert "Lenin (1917-04) adopts Trotsky (1906)" in unescape_md(row["Stated by"])


def test_a_crowded_cell_names_the_related_claims_first_and_counts_the_rest(tmp_path):
    from gen import build, claim, rel

    from arguments.formats.yaml import write as dumps

    m = build(
        [
            *(claim(f"t{i}", "trotsky", f"190{i}", f"Trotsky position {i}.") for i in range(1, 6)),
            claim("l1", "lenin", "1905", "Lenin position."),
        ],
        [rel("l1", "contradicts", "t5")],
    )
    path = tmp_path / "crowded.yaml"
    path.write_text(dumps(m), encoding="utf-8")
    at = open_app(path, "compare")
    cell = unescape_md(at.table[0].value.iloc[0]["Trotsky"])
    assert cell.startswith("**1905** Trotsky position 5.")
    assert "Trotsky position 1." in cell and "Trotsky position 2." in cell
    assert "Trotsky position 3." not in cell
    assert cell.endswith("_and 2 more positions, with quotes below_")


def test_the_pair_and_topic_travel_in_the_url(at):
    at.selectbox(key="cmp_b").set_value("author").run()
    at.selectbox(key="cmp_topic").set_value("war").run()
    no_exception(at)
    # what a shared link carries: the choices as the page shows them
    assert (at.query_params.get("cmp_b"), at.query_params.get("cmp_topic")) == ("The author", "War")


def test_a_shared_link_opens_on_its_pair():
    at = open_app(MINI, "map")
    at.query_params["cmp_a"] = "Lenin"
    at.query_params["cmp_b"] = "Trotsky"
    at.switch_page("app_pages/compare.py").run()
    no_exception(at)
    assert (at.selectbox(key="cmp_a").value, at.selectbox(key="cmp_b").value) == (
        "lenin",
        "trotsky",
    )
