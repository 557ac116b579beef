"""AppTest: the Timeline page (chart by actor lane, filters, selected claim, table view)."""

from __future__ import annotations

import json

import pytest
from apphelp import MINI, ROOT, no_exception, open_app, page_text

from arguments.kinds import CLAIM_KIND, CLAIM_KINDS

ESSAY = ROOT / "claims.yaml"


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
    at.slider(key="tl_years").set_value((1910, 1920)).run()
    assert table_dates(at) == ["1917-04"]


def test_filters_made_on_the_map_carry_over_to_the_timeline():
    at = open_app(MINI, state={"timeline_table": True})
    at.multiselect(key="f_actors").set_value(["trotsky"]).run()
    at.switch_page("app_pages/timeline.py").run()
    assert at.multiselect(key="f_actors").value == ["trotsky"]
    assert table_dates(at) == ["1906", "1906"]


def test_a_selected_claim_is_shown_beside_the_chart():
    at = open_app(MINI, "timeline", claim="war-1914")
    no_exception(at)
    chart_column, panel_column = at.columns[0], at.columns[1]
    assert chart_column.get("vega_lite_chart") and not panel_column.get("vega_lite_chart")
    panel = "\n".join(h.proto.body for h in panel_column.get("html"))
    assert "World War One permanently divided" in panel


def test_nothing_dated_left_says_so():
    at = open_app(MINI, "timeline")
    at.multiselect(key="f_kinds").set_value(["verdict"]).run()
    no_exception(at)
    assert "No dated claim matches" in page_text(at)


def kinds_and_marks(spec: dict) -> tuple[list, list]:
    for layer in spec["layer"]:
        shape = layer.get("encoding", {}).get("shape")
        if shape:
            return shape["scale"]["domain"], shape["scale"]["range"]
    raise AssertionError("no shape encoding")


@pytest.mark.parametrize("kinds", [[], ["event"], ["position", "prediction"], ["verdict", "event"]])
def test_every_kind_keeps_its_mark_whatever_the_filter(kinds):
    at = open_app(MINI, "timeline")
    at.multiselect(key="f_kinds").set_value(kinds).run()
    if at.get("vega_lite_chart"):
        domain, marks = kinds_and_marks(chart_spec(at))
        assert domain == list(CLAIM_KINDS)
        assert marks == [CLAIM_KIND[k].mark for k in CLAIM_KINDS]


def test_the_year_axis_is_at_the_top_and_at_the_bottom():
    spec = json.dumps(chart_spec(open_app(MINI, "timeline")))
    assert '"orient": "top"' in spec and '"orient": "bottom"' in spec


def test_the_essay_opens_on_1903_to_1930_and_says_what_lies_outside():
    at = open_app(ESSAY, "timeline", state={"timeline_table": True})
    no_exception(at)
    assert at.slider(key="tl_years").value == (1903, 1930)
    years = {int(d[:4]) for d in table_dates(at)}
    assert min(years) >= 1903 and max(years) <= 1930
    assert "more outside 1903-1930" in page_text(at)


@pytest.mark.parametrize(
    "query, dates",
    [
        ({"range": "1914-1917"}, ["1914-08", "1917-04"]),
        ({"range": "1905-1906", "actor": "lenin"}, ["1905"]),
        ({"kind": "prediction"}, ["1906"]),
        ({"range": "junk"}, ["1905", "1906", "1906", "1914-08", "1917-04"]),
    ],
)
def test_a_link_restores_the_years_and_the_filters(query, dates):
    at = open_app(MINI, "timeline", state={"timeline_table": True}, query=query)
    no_exception(at)
    assert table_dates(at) == dates


def test_the_years_shown_are_written_into_the_url():
    at = open_app(MINI, "timeline")
    at.slider(key="tl_years").set_value((1910, 1920)).run()
    assert at.query_params["range"] == "1910-1920"


def test_a_map_without_dates_says_so_instead_of_an_empty_chart():
    from apphelp import ROOT

    at = open_app(ROOT / "tests" / "data" / "argdown" / "populism.argdown", "timeline")
    no_exception(at)
    text = page_text(at)
    assert "This map dates none of its claims, so there is no timeline" in text
    assert not at.get("vega_lite_chart")
