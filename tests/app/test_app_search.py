"""AppTest: the Search page (ranked hits grouped by kind, highlighted words, the query in
the URL, links to claims, escaping) and the search behind Focus and "Go to a claim"."""

from __future__ import annotations

import pytest
from apphelp import MINI, ROOT, no_exception, open_app, page_text, unescape_md
from gen import build, claim

from arguments.formats.yaml import write as dumps

ESSAY = ROOT / "claims.yaml"


def search(at, query: str):
    at.text_input(key="q").input(query).run()
    no_exception(at)
    return [h.proto.body for h in at.get("html")]


def first_hit_label(at) -> str:
    return unescape_md(at.button(key="hit-open-0-0").label)


def test_an_empty_search_says_what_it_searches_and_offers_examples():
    at = open_app(MINI, "search")
    no_exception(at)
    assert "texts, quotes, actors and topics of all 6 claims" in page_text(at)
    at.button(key="search-try-0").click().run()
    assert at.text_input(key="q").value == "postulate 4"
    assert "Trotsky, 1906: The proletariat will establish" in first_hit_label(at)


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
    at.button(key="hit-open-0-0").click().run()
    no_exception(at)
    assert at.query_params["claim"] == "t-war-revolution"
    assert at.title[0].value == "Claim"


@pytest.mark.parametrize(
    "query, first, heading",
    [
        ("postulate 4", "Having seized power, the proletariat", "#### Postulate (1)"),
        ("fourth postulate", "Having seized power, the proletariat", "#### Postulate (1)"),
        ("P4", "Having seized power, the proletariat", "#### Postulate (1)"),
        ("Brest-Litovsk", "The Treaty of Brest", "#### Event"),
        ("Lenin", "Lenin, ", "#### Positions"),
    ],
)
def test_the_essay_search_finds_by_number_topic_and_actor(query, first, heading):
    at = open_app(ESSAY, "search")
    search(at, query)
    assert first in first_hit_label(at)
    headings = [str(m.value) for m in at.markdown if str(m.value).startswith("#### ")]
    assert headings[0].startswith(heading)


def test_a_topic_search_lists_every_claim_of_the_topic_and_says_why():
    at = open_app(ESSAY, "search")
    bodies = search(at, "Brest-Litovsk")
    labels = [unescape_md(b.label) for b in at.button if b.key.startswith("hit-open-")]
    assert any("accept the German peace terms at once" in lb for lb in labels)
    assert len(labels) >= 10
    assert any("Topic</span><br/>The <mark>Brest-Litovsk</mark> peace" in b for b in bodies)


def test_hits_are_grouped_by_kind_under_headings():
    at = open_app(MINI, "search")
    search(at, "dictatorship")
    headings = [m.value for m in at.markdown if str(m.value).startswith("#### ")]
    assert headings and len(headings) == len(set(headings))
    assert all(h.split()[-1].startswith("(") for h in headings)


def test_the_query_is_in_the_url_and_a_link_restores_it():
    at = open_app(MINI, "search")
    search(at, "soviets")  # the browser writes it into the URL (tests/browser)
    again = open_app(MINI, "search", query={"q": "soviets"})
    assert again.text_input(key="q").value == "soviets"
    assert "**1 claim** matches" in page_text(again)


def test_the_query_survives_a_visit_to_a_claim():
    at = open_app(MINI, "search")
    search(at, "soviets")
    at.button(key="hit-open-0-0").click().run()
    at.switch_page("app_pages/search.py").run()
    assert at.text_input(key="q").value == "soviets"


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
    label = at.button(key="hit-open-0-0").label
    assert "\\[link\\]\\(http\\://x\\)" in label and "\\:red\\[red\\]" in label
    assert unescape_md(label).endswith(nasty)


def test_a_query_is_shown_escaped():
    at = open_app(MINI, "search")
    search(at, "[x](http://evil) <b>")
    assert "\\[x\\]\\(http\\://evil\\)" in page_text(at)


# ------------------------------------------------------------------ the same search elsewhere
def test_go_to_a_claim_finds_a_postulate_by_number():
    at = open_app(ESSAY, "claim")
    at.text_input(key="claim_pick_q").input("postulate 4").run()
    no_exception(at)
    assert at.query_params["claim"] == "postulate-4"
    assert at.selectbox(key="claim_pick").value == "postulate-4"
    assert "1 match" in page_text(at) or "matches, best first" in page_text(at)


def test_go_to_a_claim_lists_the_matches_best_first():
    at = open_app(ESSAY, "claim")
    at.text_input(key="claim_pick_q").input("Brest-Litovsk").run()
    options = at.selectbox(key="claim_pick").options
    assert len(options) >= 10
    assert any("accept the German peace terms" in o for o in options)


def test_focus_finds_its_claim_with_the_same_search():
    at = open_app(ESSAY)
    at.toggle(key="v_focus").set_value(True).run()
    at.text_input(key="v_focus_claim_q").input("fourth postulate").run()
    no_exception(at)
    assert at.selectbox(key="v_focus_claim").value == "postulate-4"


# ------------------------------------------------------------------ the text's passages
def test_the_text_tab_lists_the_paragraphs_that_hold_the_words_with_links_to_them():
    at = open_app(ESSAY, "search")
    search(at, "Helphand")
    tabs = [t.proto.label for t in at.get("tab")]
    assert tabs[0].startswith("Claims (") and tabs[1] == "In the text (1)"
    text = page_text(at)
    assert "1 paragraph** of the text matches" in text
    assert any("<mark>Helphand</mark>" in h.proto.body for h in at.get("html"))
    (link,) = [el.proto for el in at.get("page_link") if el.proto.label == "Read it in the text"]
    assert link.page.endswith("read") or "read" in link.page
    assert "rd_ch=I&para=16" in link.query_string


def test_a_paragraph_no_claim_quotes_is_marked_as_such():
    at = open_app(ESSAY, "search")
    # the introduction's first paragraph: the essay's map quotes no word of it
    search(at, '"downfall of tsarist absolutism"')
    badges = [el.proto.body for el in at.get("markdown") if "no claim quotes it" in el.proto.body]
    assert badges, page_text(at)


def test_a_map_without_its_text_has_no_text_tab():
    at = open_app(MINI, "search")
    search(at, "soviets")
    assert not at.get("tab")
    assert "**1 claim** matches" in page_text(at)


def test_a_hit_in_a_quote_links_to_the_quote_in_the_text():
    at = open_app(ESSAY, "search")
    search(at, '"no state to defend itself"')
    links = [el.proto for el in at.get("page_link") if el.proto.label == "Read in context"]
    assert links and all("read" in link.page for link in links)
    assert any("claim=lenin-accept-german-terms&quote=0" in link.query_string for link in links), [
        link.query_string for link in links
    ]
