"""AppTest: the chosen verdict and postulate in the URL, both ways: a choice is written
into the URL, and opening that URL (a shared link, or Back) shows the same choice.  (The
Map's filters, focus and layout: test_app_map.py; the Timeline's: test_app_timeline.py;
the Handout's: test_app_handout.py; the search's: test_app_search.py; the comparison's:
test_app_compare.py.)"""

from __future__ import annotations

import pytest
from apphelp import ROOT, no_exception, open_app

from arguments import load_map
from arguments.kinds import CLAIM_KIND

ESSAY = ROOT / "claims.yaml"
JUDGED = [c.id for c in load_map(ESSAY).claims if CLAIM_KIND[c.kind].judgement]


def viewers(at) -> list[str]:
    """The keys of the postulate diagrams on the page."""
    return [
        f"post-view-{n}"
        for n in "12345"
        if any(el.proto.id.endswith(f"post-view-{n}") for el in at.get("bidi_component"))
    ]


@pytest.mark.parametrize("verdict", [JUDGED[1], JUDGED[-1]])
def test_a_verdict_goes_into_the_url_and_the_url_brings_it_back(verdict):
    at = open_app(ESSAY, "verdicts")
    at.radio(key="verdict_pick").set_value(verdict).run()
    no_exception(at)
    assert at.query_params["verdict"] == verdict
    again = open_app(ESSAY, "verdicts", query={"verdict": verdict})
    assert again.radio(key="verdict_pick").value == verdict


def test_an_unknown_verdict_in_the_link_falls_back_to_the_thesis():
    at = open_app(ESSAY, "verdicts", query={"verdict": "no-such-claim"})
    no_exception(at)
    assert at.radio(key="verdict_pick").value == "author-thesis"


@pytest.mark.parametrize("number", ["1", "4", "5"])
def test_a_postulate_goes_into_the_url_and_a_link_shows_only_it(number):
    at = open_app(ESSAY, "postulates")
    assert len(viewers(at)) == 5
    at.segmented_control(key="post_show").set_value(number).run()
    no_exception(at)
    assert at.query_params["postulate"] == number
    assert viewers(at) == [f"post-view-{number}"]
    again = open_app(ESSAY, "postulates", query={"postulate": number})
    assert viewers(again) == [f"post-view-{number}"]


def test_back_to_all_postulates():
    at = open_app(ESSAY, "postulates", query={"postulate": "2"})
    del at.query_params["postulate"]  # Back to the URL before the choice
    at.run()
    assert len(viewers(at)) == 5


@pytest.mark.parametrize(
    "query", [{"cmp_a": "lenin", "cmp_b": "stalin"}, {"cmp_a": "Lenin", "cmp_b": "Stalin"}]
)
def test_a_comparison_link_opens_its_pair_by_id_or_by_name(query):
    at = open_app(ESSAY, "compare", query=query)
    no_exception(at)
    assert (at.selectbox(key="cmp_a").value, at.selectbox(key="cmp_b").value) == (
        "lenin",
        "stalin",
    )
