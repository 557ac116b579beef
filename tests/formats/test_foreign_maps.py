"""Maps other tools make (no quotes, no actors, no dates) go through every exporter, and
hostile texts arriving by Argdown, AIF or Kialo stay inert in every export."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hostile import HOSTILE

from arguments.exporters import EXPORTERS, export
from arguments.formats.argdown import escape_text
from arguments.loader import load_text
from arguments.views import View

CORPUS = Path(__file__).resolve().parent.parent / "data" / "argdown"
TEXTS = [t for t in HOSTILE.values() if t.strip()]


def hostile_argdown() -> str:
    """Anyone's Argdown (no argmap front matter) whose every text is hostile."""
    lines = ["===", f"title: {json.dumps(HOSTILE['script'])}", "===", ""]
    lines += [f"# {escape_text(HOSTILE['html-break'])}", ""]
    for i, text in enumerate(TEXTS):
        lines.append(f"[s{i}]: {escape_text(text)} #({HOSTILE['braces'][:3].strip()}x)")
        if i:
            lines.append(f"  {'+>' if i % 2 else '->'} [s{i - 1}]")
        lines.append("")
    lines += [f"<a1>: {escape_text(HOSTILE['svg'])}", "", "(1) [s0]", "----", "(2) [s1]", ""]
    return "\n".join(lines)


def hostile_aif() -> str:
    nodes, edges, locutions = [], [], []
    for i, text in enumerate(TEXTS):
        nodes += [
            {"nodeID": f"i{i}", "text": text, "type": "I"},
            {"nodeID": f"l{i}", "text": f"{HOSTILE['img']}: {text}", "type": "L"},
            {"nodeID": f"y{i}", "text": "Asserting", "type": "YA"},
        ]
        edges += [
            {"edgeID": f"a{i}", "fromID": f"l{i}", "toID": f"y{i}"},
            {"edgeID": f"b{i}", "fromID": f"y{i}", "toID": f"i{i}"},
        ]
        locutions.append({"nodeID": f"l{i}", "personID": 1, "timestamp": "1917-04-01 12:00:00"})
        if i:
            nodes.append({"nodeID": f"s{i}", "text": HOSTILE["dot-break"], "type": "RA"})
            edges += [
                {"edgeID": f"c{i}", "fromID": f"i{i}", "toID": f"s{i}"},
                {"edgeID": f"d{i}", "fromID": f"s{i}", "toID": f"i{i - 1}"},
            ]
    people = [{"participantID": 1, "firstname": HOSTILE["img"], "surname": ""}]
    return json.dumps(
        {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": people}
    )


def hostile_kialo() -> str:
    lines = [f"Discussion Title: {HOSTILE['script']}", "", "1. " + " ".join(TEXTS[0].split())]
    for i, text in enumerate(TEXTS[1:], start=1):
        lines.append(f"1.{i}. {'Pro' if i % 2 else 'Con'}: " + " ".join(text.split()))
    return "\n".join(lines) + "\n"


HOSTILE_MAPS = {
    "argdown": lambda: load_text(hostile_argdown(), "hostile.argdown"),
    "aif": lambda: load_text(hostile_aif(), "hostile.json"),
    "kialo": lambda: load_text(hostile_kialo(), "hostile.txt"),
}
FOREIGN = {
    "populism": lambda: load_text((CORPUS / "populism.argdown").read_text("utf-8"), "p.argdown"),
    "semmelweis": lambda: load_text((CORPUS / "semmelweis.argdown").read_text("utf-8"), "s.ad"),
    **HOSTILE_MAPS,
}


@pytest.fixture(scope="module", params=list(FOREIGN))
def foreign(request):
    return request.param, FOREIGN[request.param]()


#: the exporters of the map's source text with its quotes on it: a map from another tool
#: names no text, and these say so (tests/formats/test_exporters.py)
NEED_TEXT = ("annotated-text", "annotated-text-pdf")


@pytest.mark.parametrize(
    "fmt", sorted(f for f in EXPORTERS if f != "compare-csv" and f not in NEED_TEXT)
)
def test_every_exporter_takes_a_map_without_quotes_actors_or_dates(foreign, fmt):
    _, m = foreign
    out = export(m, fmt, View(kind="map"))
    assert out


@pytest.mark.parametrize("fmt", NEED_TEXT)
def test_the_annotated_text_says_it_needs_a_text(foreign, fmt):
    _, m = foreign
    with pytest.raises(ValueError, match="needs the map's source text"):
        export(m, fmt, View(kind="map"))


@pytest.mark.parametrize("name", list(HOSTILE_MAPS))
def test_hostile_texts_arrive_whole(name):
    m = HOSTILE_MAPS[name]()
    texts = {" ".join(c.text.split()) for c in m.claims}
    for text in TEXTS:
        assert " ".join(text.split()) in texts or any(" ".join(text.split()) in t for t in texts)


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed"):
            self.bad.append(tag)
        self.bad += [f"{tag}[{k}]" for k, _ in attrs if k.lower().startswith("on")]


@pytest.mark.parametrize("name", list(HOSTILE_MAPS))
def test_hostile_texts_stay_inert_in_svg_and_html(name):
    m = HOSTILE_MAPS[name]()
    for el in ET.fromstring(export(m, "svg", View(kind="map"))).iter():
        assert el.tag.rsplit("}", 1)[-1].lower() not in ("script", "foreignobject", "iframe")
        assert not [k for k in el.attrib if k.rsplit("}", 1)[-1].lower().startswith("on")]
    parser = _Tags()
    parser.feed(str(export(m, "handout", View(kind="map"))))
    assert parser.bad == []
