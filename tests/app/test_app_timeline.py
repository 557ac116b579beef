"""AppTest: the Timeline page (chart by actor lane, filters, selected claim, table view)."""

from __future__ import annotations

import json

from apphelp import MINI, no_exception, open_app, page_text


def chart_spec(at) -> dict:
    return json.loads(at.get("vega_lite_chart")[0].proto.spec)


def table_dates(at) -> list[str]:
    return at.dataframe[0].value["Date"].tolist()


def test_the_timeline_charts_every_dated_claim_by_actor():
    at = open_app(MINI, "timeline", state={"timeline_table": True})
    no_exception(at)
    assert table_dates(at) == ["1905", "1906", "1906", "1914-08", "1917-04"]
    assert "5 dated claims by 3 actors, 1905 to 1917-04; 1 undated claims" in page_text(at)
    spec = json.dumps(chart_spec(at))
    assert '"pick"' in spec and "actor_name" in spec


def test_the_actor_colours_match_the_diagrams():
    from arguments import load_map

    m = load_map(MINI)
    at = open_app(MINI, "timeline")
    spec = json.dumps(chart_spec(at))
    for colour in m.actor_colours.values():
        assert colour in spec


def test_sidebar_filters_apply_to_the_timeline():
    at = open_app(MINI, "timeline", state={"timeline_table": True})
    at.multiselect(key="f_actors").set_value(["lenin"]).run()
    no_exception(at)
    assert table_dates(at) == ["1905", "1917-04"]
    at.slider(key="f_years").set_value((1910, 1920)).run()
    assert table_dates(at) == ["1917-04"]


def test_filters_made_on_the_map_carry_over_to_the_timeline():
    at = open_app(MINI, state={"timeline_table": True})
    at.multiselect(key="f_actors").set_value(["trotsky"]).run()
    at.switch_page("app_pages/timeline.py").run()
    assert at.multiselect(key="f_actors").value == ["trotsky"]
    assert table_dates(at) == ["1906", "1906"]


def test_a_selected_claim_is_shown_under_the_chart():
    at = open_app(MINI, "timeline", claim="war-1914")
    no_exception(at)
    assert "World War One permanently divided" in page_text(at)


def test_nothing_dated_left_says_so():
    at = open_app(MINI, "timeline")
    at.multiselect(key="f_kinds").set_value(["verdict"]).run()
    no_exception(at)
    assert "No dated claim matches" in page_text(at)


def test_a_map_without_dates_says_so_instead_of_an_empty_chart():
    from apphelp import ROOT

    at = open_app(ROOT / "tests" / "data" / "argdown" / "populism.argdown", "timeline")
    no_exception(at)
    text = page_text(at)
    assert "This map dates none of its claims, so there is no timeline" in text
    assert not at.get("vega_lite_chart")
