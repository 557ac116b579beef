"""AppTest: the Map page (diagram, sidebar filters, focus, selection, downloads)."""

from __future__ import annotations

import pytest
from apphelp import MINI, no_exception, open_app, page_text, shown_claims, unescape_md, viewer_data

from arguments import load_map
from arguments.exporters import EXPORTERS

ALL = {c.id for c in load_map(MINI).claims}


@pytest.fixture
def at():
    return open_app(MINI)


def test_the_map_page_draws_every_claim_of_the_map(at):
    no_exception(at)
    assert at.title[0].value == "A small test map"
    assert shown_claims(at, "map_view") == ALL
    assert "An argument map of" in page_text(at)


@pytest.mark.parametrize(
    "key, value, expected",
    [
        ("f_actors", ["lenin"], {"l-democratic-dictatorship", "l-april-theses"}),
        ("f_kinds", ["event", "prediction"], {"war-1914", "t-war-revolution"}),
        ("f_topics", ["war"], {"l-april-theses", "t-war-revolution", "war-1914"}),
        ("f_chapters", ["II"], {"l-april-theses", "war-1914", "author-verdict"}),
    ],
)
def test_a_sidebar_filter_changes_the_diagram(at, key, value, expected):
    at.multiselect(key=key).set_value(value).run()
    no_exception(at)
    assert shown_claims(at, "map_view") == expected


def test_the_year_slider_and_the_undated_checkbox(at):
    at.slider(key="f_years").set_value((1905, 1906)).run()
    assert shown_claims(at, "map_view") == {
        "l-democratic-dictatorship",
        "t-proletarian-dictatorship",
        "t-war-revolution",
        "author-verdict",
    }
    at.checkbox(key="f_undated").uncheck().run()
    assert "author-verdict" not in shown_claims(at, "map_view")


def test_a_relation_filter_keeps_the_claims_and_changes_the_lines(at):
    before = viewer_data(at, "map_view")["svg"]
    at.multiselect(key="f_relations").set_value(["revises"]).run()
    after = viewer_data(at, "map_view")["svg"]
    assert shown_claims(at, "map_view") == ALL
    assert "rel&#45;adopts" in before and "rel&#45;adopts" not in after
    assert "rel&#45;revises" in after


def test_clear_filters_brings_everything_back(at):
    at.multiselect(key="f_actors").set_value(["lenin"]).run()
    at.button(key="f_clear").click().run()
    assert shown_claims(at, "map_view") == ALL


def test_focus_mode_shows_the_neighbourhood_at_the_chosen_depth(at):
    at.toggle(key="v_focus").set_value(True).run()
    at.selectbox(key="v_focus_claim").set_value("war-1914").run()
    assert shown_claims(at, "map_view") == {"war-1914", "t-war-revolution"}
    at.selectbox(key="v_focus_claim").set_value("t-proletarian-dictatorship").run()
    at.slider(key="v_depth").set_value(2).run()
    no_exception(at)
    assert "author-verdict" in shown_claims(at, "map_view")


def test_layout_options_change_the_drawing(at):
    before = viewer_data(at, "map_view")
    at.segmented_control(key="v_direction").set_value("LR").run()
    assert viewer_data(at, "map_view")["hash"] != before["hash"]
    at.toggle(key="v_labels").set_value(True).run()
    at.selectbox(key="v_cluster").set_value("actor").run()
    no_exception(at)
    clusters = viewer_data(at, "map_view")["svg"].count('class="cluster"')
    assert clusters == before["svg"].count('class="cluster"') + 3  # Trotsky, Lenin, the author


def test_a_claim_in_the_url_is_selected_and_its_quotes_shown():
    at = open_app(MINI, claim="t-proletarian-dictatorship")
    no_exception(at)
    text = page_text(at)
    assert (
        "the proletariat would establish a workers&#x27; democracy" in text
        or "the proletariat would establish a workers' democracy" in text
    )
    assert "Trotsky, Results and Prospects, 71" in text
    assert viewer_data(at, "map_view")["selected"] == "t-proletarian-dictatorship"


def test_a_related_claim_button_moves_the_selection():
    at = open_app(MINI, claim="l-april-theses")
    button = next(b for b in at.button if "Lenin, 1905" in unescape_md(b.label))
    button.click().run()
    assert at.query_params["claim"] == "l-democratic-dictatorship"
    assert viewer_data(at, "map_view")["selected"] == "l-democratic-dictatorship"


def test_an_unknown_claim_in_the_url_is_reported_not_fatal():
    at = open_app(MINI, claim="no-such-claim")
    no_exception(at)
    assert "no-such-claim" in unescape_md(" ".join(w.value for w in at.warning))


def test_the_download_menu_offers_every_format_of_the_map_view(at):
    assert not at.get("download_button")  # nothing is made until the menu is opened
    at.session_state["map-menu"] = True
    at.run()
    names = {b.key.rsplit("-dl-", 1)[1] for b in at.get("download_button")}
    # everything but the comparison's table, and the annotated text (mini.yaml has no text)
    needs_text = {e.name for e in EXPORTERS.values() if getattr(e, "text", "") == "needs"}
    assert names == set(EXPORTERS) - {"compare-csv"} - needs_text


def test_the_text_view_lists_what_the_diagram_shows(at):
    at.multiselect(key="f_actors").set_value(["lenin"]).run()
    at.session_state["map_tabs"] = "Text view"
    at.run()
    text = unescape_md(page_text(at))
    assert "2 claims, 1 relations." in text
    assert "All power to the Soviets." in text
    assert "A European war means a European revolution." not in text


def test_every_widget_has_a_key(at):
    widgets = [
        *at.multiselect,
        *at.slider,
        *at.checkbox,
        *at.toggle,
        *at.selectbox,
        *at.button,
        *at.get("download_button"),
        *at.get("segmented_control"),
    ]
    assert widgets
    assert all(w.key for w in widgets if hasattr(w, "key")), [
        w for w in widgets if not getattr(w, "key", "x")
    ]


def test_clear_filters_leaves_the_layout_alone(at):
    at.segmented_control(key="v_direction").set_value("LR").run()
    at.multiselect(key="f_actors").set_value(["lenin"]).run()
    at.button(key="f_clear").click().run()
    assert at.segmented_control(key="v_direction").value == "LR"
    assert at.multiselect(key="f_actors").value == []


# ------------------------------------------------------------------ the view in the URL
@pytest.mark.parametrize(
    "query, expected",
    [
        ({"actor": "lenin"}, {"l-democratic-dictatorship", "l-april-theses"}),
        ({"kind": "event,prediction"}, {"war-1914", "t-war-revolution"}),
        ({"topic": "war"}, {"l-april-theses", "t-war-revolution", "war-1914"}),
        ({"chapter": "II"}, {"l-april-theses", "war-1914", "author-verdict"}),
        (
            {"years": "1905-1906", "undated": "0"},
            {"l-democratic-dictatorship", "t-proletarian-dictatorship", "t-war-revolution"},
        ),
        ({"focus": "war-1914"}, {"war-1914", "t-war-revolution"}),
        (
            {"focus": "t-proletarian-dictatorship", "depth": "2"},
            ALL - {"war-1914", "t-war-revolution"},
        ),
        (
            {"actor": "lenin,nobody"},
            {"l-democratic-dictatorship", "l-april-theses"},
        ),  # unknown dropped
        ({"years": "x-y", "depth": "9"}, ALL),  # invalid values are the defaults
    ],
)
def test_a_link_restores_the_filters_and_the_focus(query, expected):
    at = open_app(MINI, query=query)
    no_exception(at)
    assert shown_claims(at, "map_view") == expected


def test_a_link_restores_the_layout():
    plain = viewer_data(open_app(MINI), "map_view")
    at = open_app(MINI, query={"direction": "LR", "group": "actor", "labels": "1"})
    assert at.segmented_control(key="v_direction").value == "LR"
    assert at.selectbox(key="v_cluster").value == "actor"
    assert at.toggle(key="v_labels").value is True
    assert viewer_data(at, "map_view")["hash"] != plain["hash"]


@pytest.mark.parametrize(
    "change, query",
    [
        (
            lambda at: at.multiselect(key="f_actors").set_value(["lenin", "trotsky"]),
            {"actor": "lenin,trotsky"},
        ),
        (lambda at: at.slider(key="f_years").set_value((1905, 1917)), {"years": "1905-1917"}),
        (lambda at: at.checkbox(key="f_undated").uncheck(), {"undated": "0"}),
        (lambda at: at.segmented_control(key="v_direction").set_value("LR"), {"direction": "LR"}),
        (
            lambda at: at.toggle(key="v_focus").set_value(True),
            {"focus": "t-proletarian-dictatorship"},
        ),
    ],
)
def test_a_change_of_view_is_written_into_the_url_and_a_link_of_it_restores_it(change, query):
    at = open_app(MINI)
    change(at).run()
    no_exception(at)
    shown = shown_claims(at, "map_view")
    assert {k: at.query_params[k] for k in query} == query
    again = open_app(MINI, query={k: at.query_params[k] for k in at.query_params})
    assert shown_claims(again, "map_view") == shown


def test_back_to_an_earlier_url_brings_its_view_back():
    at = open_app(MINI)
    at.multiselect(key="f_actors").set_value(["lenin"]).run()
    assert shown_claims(at, "map_view") == {"l-democratic-dictatorship", "l-april-theses"}
    del at.query_params["actor"]  # what Back does: the URL of the view before
    at.run()
    assert shown_claims(at, "map_view") == ALL
    assert at.multiselect(key="f_actors").value == []
