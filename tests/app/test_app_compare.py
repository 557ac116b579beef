"""AppTest: the Compare page (table, convergence, revisions, compare diagram)."""

from __future__ import annotations

import html.parser

import pytest
from apphelp import MINI, no_exception, open_app, page_text, shown_claims, unescape_md


@pytest.fixture
def at():
    return open_app(MINI, "compare")


class Tables(html.parser.HTMLParser):
    """The comparison's topic tables (HTML): each row as its cells' visible text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data + " ")


def topic_tables(at) -> dict[str, list[list[str]]]:
    """Topic label -> the rows of its table (without the header row)."""
    out = {}
    heads = [
        unescape_md(str(e.value)).lstrip("# ")
        for e in at.markdown
        if str(e.value).startswith("#### ")
    ]
    bodies = [e.proto.body for e in at.get("html") if 'class="am-cmp"' in e.proto.body]
    for head, body in zip(heads, bodies):
        out[head] = Tables(body).rows[1:]
    return out


def table_rows(at) -> list[tuple[str, str, str]]:
    return [
        (topic, row[0], row[2].split(" ", 2)[1])
        for topic, rows in topic_tables(at).items()
        for row in rows
    ]


def test_the_default_pair_is_trotsky_and_lenin(at):
    no_exception(at)
    assert (at.selectbox(key="cmp_a").value, at.selectbox(key="cmp_b").value) == (
        "trotsky",
        "lenin",
    )


def test_by_default_only_rows_with_a_stated_relation_show(at):
    assert table_rows(at) == [
        ("Form of the dictatorship", "before 1914", "contradict"),
        ("Form of the dictatorship", "1917", "adopt"),
    ]
    assert "2 more rows where both spoke but the map states no relation" in page_text(at)


def test_the_toggle_shows_every_row(at):
    at.toggle(key="cmp_all").set_value(True).run()
    no_exception(at)
    assert table_rows(at) == [
        ("Form of the dictatorship", "before 1914", "contradict"),
        ("Form of the dictatorship", "1917", "adopt"),
        ("War", "before 1914", "stated"),  # only Trotsky spoke: "no stated relation"
        ("War", "1917", "stated"),  # only Lenin spoke
    ]


def test_each_topic_has_a_one_line_story(at):
    assert "contradict before 1914 · adopt 1917" in unescape_md(page_text(at))


def test_each_side_shows_its_own_claims(at):
    _period, trotsky, relation, lenin = topic_tables(at)["Form of the dictatorship"][0]
    assert "The proletariat will establish its own dictatorship" in trotsky
    assert "democratic dictatorship" in lenin
    assert "Lenin (1905) contradicts Trotsky (1906)" in relation


def test_a_topic_narrows_the_table(at):
    at.toggle(key="cmp_all").set_value(True).run()
    at.selectbox(key="cmp_topic").set_value("war").run()
    no_exception(at)
    assert {t for t, _, _ in table_rows(at)} == {"War"}


def test_another_pair(at):
    at.toggle(key="cmp_all").set_value(True).run()
    at.selectbox(key="cmp_b").set_value("author").run()
    no_exception(at)
    bodies = [e.proto.body for e in at.get("html") if 'class="am-cmp"' in e.proto.body]
    assert bodies and "<th>The author</th>" in bodies[0]


def test_the_swap_button_exchanges_the_actors(at):
    at.button(key="cmp_swap").click().run()
    no_exception(at)
    assert (at.selectbox(key="cmp_a").value, at.selectbox(key="cmp_b").value) == (
        "lenin",
        "trotsky",
    )
    [[_, left, _, right], _] = topic_tables(at)["Form of the dictatorship"]
    assert "democratic dictatorship" in left and "its own dictatorship" in right


def test_the_topic_keeps_a_valid_value_when_the_pair_changes(tmp_path):
    from gen import build, claim

    from arguments.formats.yaml import write as dumps

    m = build(
        [
            claim("t1", "trotsky", "1914", "War brings revolution.", topics=["war"]),
            claim("l1", "lenin", "1905", "A democratic dictatorship."),
            claim("s1", "stalin", "1924", "Socialism in one country."),
        ]
    )
    path = tmp_path / "topics.yaml"
    path.write_text(dumps(m), encoding="utf-8")
    at = open_app(path, "compare")
    at.selectbox(key="cmp_topic").set_value("war").run()
    at.selectbox(key="cmp_a").set_value("stalin").run()  # Stalin and Lenin: nothing of war
    no_exception(at)
    topic = at.selectbox(key="cmp_topic")
    assert topic.value == "all" and topic.options == ["All topics", "Form of the dictatorship"]


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


def test_a_row_names_the_relation_behind_it(at):
    row = topic_tables(at)["Form of the dictatorship"][1]  # 1917: Lenin adopts the 1906 view
    assert "Lenin (1917-04) adopts Trotsky (1906)" in row[2]


def test_a_crowded_cell_shows_the_related_claim_first_and_folds_the_rest(tmp_path):
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
    at.toggle(key="cmp_all").set_value(True).run()
    body = next(e.proto.body for e in at.get("html") if 'class="am-cmp"' in e.proto.body)
    first_row = body.split("<tr>")[2]
    shown, _, folded = first_row.partition("<details>")
    assert "Trotsky position 5." in shown and "Trotsky position 1." not in shown
    assert "<summary>4 more</summary>" in folded
    assert all(f"Trotsky position {i}." in folded for i in (1, 2, 3, 4))


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
