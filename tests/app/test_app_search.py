"""AppTest: the Search page (hits with highlighted words, links to claims, escaping)."""

from __future__ import annotations

from apphelp import MINI, no_exception, open_app, page_text, unescape_md
from gen import build, claim

from arguments.formats.yaml import write as dumps


def search(at, query: str):
    at.text_input(key="search_q").input(query).run()
    no_exception(at)
    return [h.proto.body for h in at.get("html")]


def test_an_empty_search_says_what_it_searches():
    at = open_app(MINI, "search")
    no_exception(at)
    assert "Searches the text and the quotes of all 6 claims." in page_text(at)


def test_hits_highlight_the_matched_words():
    at = open_app(MINI, "search")
    bodies = search(at, "soviets")
    assert "**1 claim** matches" in page_text(at)
    assert any("All power to the <mark>Soviets</mark>." in b for b in bodies)
    assert any("All power to the <mark>Soviets</mark>!" in b for b in bodies)


def test_a_word_start_matches_the_whole_word():
    at = open_app(MINI, "search")
    bodies = search(at, "prolet")
    assert any("<mark>proletariat</mark>" in b for b in bodies)


def test_no_hit_says_so():
    at = open_app(MINI, "search")
    search(at, "zzzz")
    assert "No claim matches" in page_text(at)


def test_a_hit_opens_its_claim_page():
    at = open_app(MINI, "search")
    search(at, "European war")
    at.button(key="hit-open-0").click().run()
    no_exception(at)
    assert at.query_params["claim"] == "t-war-revolution"
    assert at.title[0].value == "Claim"


def test_map_text_is_escaped_never_markup(tmp_path):
    nasty = "<b>bold</b> <script>alert(1)</script> [link](http://x) :red[red] $x$ *star*"
    m = build([claim("x", "lenin", "1905", nasty, quotes=[{"text": nasty}])])
    path = tmp_path / "nasty.yaml"
    path.write_text(dumps(m), encoding="utf-8")
    at = open_app(path, "search")
    bodies = search(at, "bold")
    joined = "\n".join(bodies)
    assert "&lt;b&gt;<mark>bold</mark>&lt;/b&gt;" in joined
    assert "<script>" not in joined
    # a button label is Markdown: the claim text in it is escaped, so no link, no colour
    label = at.button(key="hit-open-0").label
    assert "\\[link\\]\\(http\\://x\\)" in label and "\\:red\\[red\\]" in label
    assert unescape_md(label).endswith(nasty)
