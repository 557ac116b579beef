"""Anchors: every quote's words found at exact character spans of its text."""

from __future__ import annotations

from pathlib import Path

import pytest
from gen import build, claim

from arguments.analysis.anchors import anchor, coverage
from arguments.analysis.quotes import normalise, quote_parts
from arguments.documents import load_document

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def essay_anchors():
    doc = load_document(ROOT / "claims.yaml")
    return doc, anchor(doc.map, doc.text)


def words_at(text: str, spans) -> str:
    return normalise(" ".join(text[a:b] for a, b in spans))


def test_every_quote_of_the_bundled_map_stands_at_its_spans(essay_anchors):
    doc, found = essay_anchors
    assert len(found.items) == sum(len(c.quotes) for c in doc.map.claims) + sum(
        1 for r in doc.map.relations if r.quote
    )
    for a in found.items:
        assert a.found, a.key
        assert words_at(doc.text, a.spans) == " ".join(quote_parts(a.text)), a.key
        for s, e in a.spans:  # exactly the words: no white space at the edges
            assert doc.text[s].strip() and doc.text[e - 1].strip(), a.key


def test_the_bundled_anchors_name_chapter_paragraph_and_note(essay_anchors):
    doc, found = essay_anchors
    for c in doc.map.claims:  # a claim may gather quotes from several chapters, but
        anchors = found.of_claim(c.id)  # at least one stands in its own
        assert c.chapter in {a.chapter for a in anchors}, c.id
        assert all(a.paragraph is not None or a.in_note for a in anchors), c.id
    # Harcave's words on Bloody Sunday cite note 5, and note 5 names Harcave
    harcave = [a for a in found.items if "powerful catalyst" in a.text]
    assert harcave and {a.note for a in harcave} == {5}
    assert not found.ambiguous


def test_an_elision_gives_one_span_per_part_and_skips_the_left_out_words():
    text = "The party must lead. It is the vanguard of the class and must guide it.\n"
    m = build([claim("c1", "trotsky", "1905", quotes=[{"text": "The party ... must guide it."}])])
    (a,) = anchor(m, text).items
    assert [text[s:e] for s, e in a.spans] == ["The party", "must guide it."]


def test_a_footnote_number_inside_a_quote_is_left_out_of_its_spans():
    text = "It heightened animosity.\u201d5 Then came the strike.\n"
    m = build([claim("c1", "trotsky", "1905", quotes=[{"text": "animosity.\u201d Then came"}])])
    (a,) = anchor(m, text).items
    assert [text[s:e] for s, e in a.spans] == ["animosity.\u201d", "Then came"]


def test_overlapping_quotes_each_keep_their_spans_and_coverage_counts_once():
    text = "Alpha beta gamma delta epsilon.\n\nZeta eta.\n"
    m = build(
        [
            claim("c1", "trotsky", "1905", quotes=[{"text": "Alpha beta gamma"}]),
            claim("c2", "lenin", "1905", quotes=[{"text": "gamma delta"}]),
        ]
    )
    found = anchor(m, text)
    a, b = found.items
    assert a.end > b.start  # they overlap
    assert found.quoted() == [(0, text.index(" epsilon"))]
    cov = coverage(found)
    (chapter,) = cov["chapters"]
    assert (chapter["paragraphs"], chapter["quoted"], chapter["percent"]) == (2, 1, 50.0)
    assert chapter["quoted_characters"] == len("Alphabetagammadelta")
    assert [u["paragraph"] for u in cov["unquoted"]] == [2]


TWICE = "CHAPTER I\nBEFORE\n\nWe shall win.\n\nCHAPTER II\nAFTER\n\nAgain: we shall win.\n"


@pytest.mark.parametrize(
    "chapter,where,ambiguous",
    [
        ("I", "first", 0),  # the claim's chapter decides
        ("II", "second", 0),
        ("III", "first", 2),  # no occurrence in its chapter: the first, reported
    ],
)
def test_a_phrase_that_occurs_twice(chapter, where, ambiguous):
    m = build([claim("c1", "trotsky", "1905", chapter=chapter, quotes=[{"text": "we shall win"}])])
    text = TWICE.replace("We shall", "we shall")
    (a,) = anchor(m, text).items
    first = text.index("we shall win")
    second = text.index("we shall win", first + 1)
    assert a.start == (first if where == "first" else second)
    assert a.ambiguous == ambiguous


def test_a_quote_from_a_note_and_a_relations_quote():
    text = (
        "He said it.1\n\n" + " " * 40 + "\n1. Deutscher, The Prophet Armed, 7.\n\nNext page text.\n"
    )
    m = build(
        [
            claim("c1", "trotsky", "1905", quotes=[{"text": "He said it."}]),
            claim("c2", "lenin", "1906", quotes=[{"text": "Deutscher, The Prophet Armed"}]),
        ],
        [{"source": "c2", "target": "c1", "kind": "supports", "quote": {"text": "Next page"}}],
    )
    a, b, r = anchor(m, text).items
    assert a.note == 1 and a.in_note is None
    assert b.in_note == 1 and b.paragraph is None
    assert r.claim is None and r.relation == ("c2", "supports", "c1")
    assert text[r.start : r.end] == "Next page"
    assert r.as_json()["relation"] == {"source": "c2", "kind": "supports", "target": "c1"}


def test_a_quote_not_in_the_text_has_no_spans():
    m = build([claim("c1", "trotsky", "1905", quotes=[{"text": "nowhere to be found"}])])
    (a,) = anchor(m, "Some other words.\n").items
    assert not a.found and a.as_json()["found"] is False


def test_hostile_text_anchors_like_any_other():
    text = "<b>Bold</b> words \u202eturned\u202c and <script>x()</script> more.\n"
    m = build([claim("c1", "trotsky", "1905", quotes=[{"text": "<script>x()</script> more."}])])
    (a,) = anchor(m, text).items
    assert text[a.start : a.end] == "<script>x()</script> more."


def test_a_number_that_is_no_footnote_stays_inside_the_span():
    text = "A procession of approximately 100,000 men moved.\n"
    m = build([claim("c1", "trotsky", "1905", quotes=[{"text": "approximately 100,000 men"}])])
    (a,) = anchor(m, text).items
    assert [text[s:e] for s, e in a.spans] == ["approximately 100,000 men"]
