"""Hostile texts are data: the loader takes them, exports keep them, nothing runs them.

The map comes from tests/hostile.py (markup, quotes, backslashes, braces,
Graphviz escapes, CDATA ends, right-to-left marks, emoji, 5,000 characters).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pygraphviz
import pytest
from hostile import HOSTILE, hostile_map_data, hostile_map_json, hostile_map_yaml

from arguments.formats import json as json_format
from arguments.formats import yaml as yaml_format
from arguments.loader import load_text
from arguments.render import build_dot, render
from arguments.text import clean
from arguments.views import View

NAMES = list(HOSTILE)
XLINK = "{http://www.w3.org/1999/xlink}"
WORD_JOINER = "\u2060"  # the diagrams put one after each backslash (see diagrams.esc)


@pytest.fixture(scope="module")
def m():
    return load_text(hostile_map_yaml(), "hostile.yaml")


VIEWS = [
    View(kind="map"),
    View(kind="compare", actors=("actor-0", "actor-6")),
    View(kind="postulate", claim="claim-0"),
    View(kind="verdict", claim="verdict"),
] + [View(kind="focus", claim=c["id"]) for c in hostile_map_data()["claims"]]
VIEW_IDS = [f"{v.kind}-{v.claim or '-'.join(v.actors) or 'all'}" for v in VIEWS]


# ------------------------------------------------------------------ loading
@pytest.mark.parametrize(
    "load",
    [
        lambda: load_text(hostile_map_yaml(), "hostile.yaml"),
        lambda: load_text(hostile_map_json(), "hostile.json"),
    ],
    ids=["yaml", "json"],
)
def test_the_loader_takes_every_hostile_text_exactly(load):
    m = load()
    for i, name in enumerate(NAMES):
        text = HOSTILE[name]
        assert m.claim(f"claim-{i}").text == text
        assert m.claim(f"claim-{i}").quotes[0].text == text
        assert m.actor_name(f"actor-{i}") == text
        assert m.topic_label(f"topic-{i}") == text
    assert [r.note for r in m.relations[: len(NAMES) - 1]] == [HOSTILE[n] for n in NAMES[:-1]]
    assert m.source.chapter_title("I") == HOSTILE["html-break"]


def test_json_and_yaml_round_trips_keep_every_hostile_text(m):
    for text, fmt, name in [
        (json_format.write(m), "json", "h.json"),
        (yaml_format.write(m), "yaml", "h.yaml"),
    ]:
        back = load_text(text, name, fmt=fmt)
        assert back == m
        exported = json_format.to_data(back)
        del exported["schema"]
        written = hostile_map_data()
        for c in written["claims"]:  # one actor is written `actor: x`, kept as `actors: [x]`
            c["actors"] = [c.pop("actor")]
        assert exported == written  # every field, character for character


# ------------------------------------------------------------------ DOT
ALLOWED_EXTRA = ("legend--", "link--", "period--")


@pytest.mark.parametrize("view", VIEWS, ids=VIEW_IDS)
def test_the_dot_parses_and_lays_out_with_no_injected_node(m, view):
    dot = build_dot(m, view).source
    graph = pygraphviz.AGraph(string=dot)
    claims = {c.id for c in m.claims}
    for node in graph.nodes():
        assert node in claims or node.startswith(ALLOWED_EXTRA), f"unexpected node {node!r}"
    graph.layout(prog="dot")
    assert all(graph.get_node(n).attr["pos"] for n in graph.nodes())


# ------------------------------------------------------------------ SVG
def svg_tree(m, view) -> ET.Element:
    return ET.fromstring(render(m, view, "svg"))


def shown(text: str) -> str:
    """A text as a diagram node shows it on one line: controls and runs of space as one."""
    return " ".join(clean(text).split())


@pytest.mark.parametrize("view", VIEWS, ids=VIEW_IDS)
def test_the_svg_has_no_script_no_event_attribute_and_no_javascript_link(m, view):
    for el in svg_tree(m, view).iter():
        assert el.tag.rsplit("}", 1)[-1].lower() not in ("script", "foreignobject", "iframe")
        for key, value in el.attrib.items():
            name = key.rsplit("}", 1)[-1].lower()
            assert not name.startswith("on"), f"event attribute {key} on {el.tag}"
            if name == "href":
                assert not value.strip().lower().startswith(("javascript:", "data:")), value


def test_the_svg_shows_hostile_texts_as_text(m):
    root = svg_tree(m, View(kind="map"))
    texts = {
        (el.text or "").replace(WORD_JOINER, "") for el in root.iter() if el.tag.endswith("}text")
    }
    for _i, name in enumerate(NAMES):
        text = HOSTILE[name]
        if len(shown(text)) <= 28:  # a claim text that fits on one line of its node
            assert shown(text) in texts, name
    # the escapes Graphviz would expand stay as written, not the node's or graph's name
    assert any("\\N \\G \\l \\E \\T \\H \\L" in t for t in texts)
    assert not any("claim-15" in t for t in texts)


def test_the_svg_tooltips_keep_the_whole_text_with_its_backslashes(m):
    root = svg_tree(m, View(kind="focus", claim="claim-8"))  # the trailing backslash
    tips = {
        el.attrib[XLINK + "title"].replace(WORD_JOINER, "")
        for el in root.iter()
        if XLINK + "title" in el.attrib
    }
    assert HOSTILE["backslash"] in tips
    assert "Around: " + HOSTILE["backslash"] in tips  # the graph's own tooltip


def test_a_5000_character_label_is_shortened_in_its_node_and_still_drawn(m):
    i = NAMES.index("long")
    root = svg_tree(m, View(kind="focus", claim=f"claim-{i}"))
    node = next(el for el in root.iter() if el.attrib.get("id") == f"claim-claim-{i}")
    body = " ".join(t.text or "" for t in node.iter() if t.tag.endswith("}text"))
    assert body.endswith("\u2026") and len(body) < 600
