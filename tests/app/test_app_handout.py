"""AppTest: the Handout builder (what goes in, the page, the preview, the downloads, the
choices in the URL)."""

from __future__ import annotations

import base64
import html
import re

import pytest
from apphelp import MINI, no_exception, open_app


def preview(at) -> str:
    src = at.get("iframe")[0].proto.src
    assert src.startswith("data:text/html;base64,")
    return base64.b64decode(src.split(",", 1)[1]).decode("utf-8")


def title(at) -> str:
    found = re.search(r"<h1>(.*?)</h1>", preview(at), re.S)
    assert found
    return html.unescape(found.group(1))


def downloads(at) -> set[str]:
    return {b.key.rsplit("-dl-", 1)[1] for b in at.get("download_button")}


def test_the_builder_opens_on_the_current_view_with_a_preview_and_downloads():
    at = open_app(MINI, "handout")
    no_exception(at)
    assert title(at) == "A small test map"
    assert "All power to the Soviets" in preview(at)
    assert {"handout", "handout-pdf", "handout-md"} <= downloads(at)
    assert not {"svg", "csv", "json"} & downloads(at)


@pytest.mark.parametrize(
    "what, choose, heading, inside, outside",
    [
        (
            "chapter",
            {"ho_chapter": "II"},
            "A small test map (selection)",
            "The war broke out",
            "A European war means",
        ),
        (
            "compare",
            {"ho_a": "lenin", "ho_b": "trotsky"},
            "Lenin and Trotsky compared",
            "A European war means",
            "The war broke out",
        ),
        (
            "postulate",
            {},
            "Postulate 4: The proletariat will establish its own dictatorship. - its fate",
            "All power to the Soviets",
            "The war broke out",
        ),
        (
            "verdict",
            {},
            "What bears on: Lenin came round to Trotsky's view.",
            "All power to the Soviets",
            "A European war means",
        ),
    ],
)
def test_what_goes_in_changes_the_handout(what, choose, heading, inside, outside):
    at = open_app(MINI, "handout")
    at.radio(key="ho_what").set_value(what).run()
    for key, value in choose.items():
        at.selectbox(key=key).set_value(value).run()
    no_exception(at)
    assert title(at) == heading
    doc = preview(at)
    assert inside in doc and outside not in doc


def test_the_current_view_is_the_maps_filters():
    at = open_app(MINI, state={"f_actors": ["lenin"]})
    at.switch_page("app_pages/handout.py").run()
    doc = preview(at)
    assert "All power to the Soviets" in doc and "A European war means" not in doc


def test_two_identical_actors_are_refused_calmly():
    at = open_app(MINI, "handout")
    at.radio(key="ho_what").set_value("compare").run()
    at.selectbox(key="ho_b").set_value("trotsky").run()
    no_exception(at)
    assert "Pick two different actors." in [w.value for w in at.warning]


@pytest.mark.parametrize(
    "query, heading",
    [
        ({"what": "compare", "a": "lenin", "b": "trotsky"}, "Lenin and Trotsky compared"),
        (
            {"what": "compare", "a": "lenin", "b": "trotsky", "topic": "war"},
            "Lenin and Trotsky compared, War",
        ),
        ({"what": "chapter", "chapter": "I"}, "A small test map (selection)"),
        (
            {"what": "verdict", "verdict": "author-verdict"},
            "What bears on: Lenin came round to Trotsky's view.",
        ),
        ({"what": "nonsense"}, "A small test map"),
    ],
)
def test_a_link_opens_the_same_handout(query, heading):
    at = open_app(MINI, "handout", query=query)
    no_exception(at)
    assert title(at) == heading


def test_the_choices_are_written_into_the_url():
    at = open_app(MINI, "handout")
    at.radio(key="ho_what").set_value("compare").run()
    at.selectbox(key="ho_topic").set_value("war").run()
    assert (at.query_params["what"], at.query_params["topic"]) == ("compare", "war")


def test_a_large_handout_is_previewed_when_asked():
    from apphelp import ROOT

    at = open_app(ROOT / "claims.yaml", "handout")
    no_exception(at)
    assert not at.get("iframe")  # 305 claims: megabytes, not sent unasked
    at.button(key="ho_preview_show").click().run()
    assert "Having seized power" in preview(at)
    at.radio(key="ho_what").set_value("postulate").run()
    assert title(at).startswith("Postulate 1:")  # a small one at once
