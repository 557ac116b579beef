"""arguments.analysis.search: what a query finds and in which order.

Claim ids, postulates by number, actor names and topic labels are found as well as
claim texts and quotes; BM25 ranks; the hits are grouped by claim kind."""

from __future__ import annotations

from pathlib import Path

import pytest
from gen import build, claim, make_map

from arguments import load_map
from arguments.analysis.search import (
    PASSAGES,
    group_title,
    grouped,
    paragraph_text,
    parse_query,
    postulate_words,
    references,
    search,
    search_text,
)
from arguments.kinds import CLAIM_KINDS

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini.yaml"


@pytest.fixture(scope="module")
def mini():
    return load_map(MINI)


def ids(hits) -> list[str]:
    return [h.id for h in hits]


# ------------------------------------------------------------------ words, phrases
@pytest.mark.parametrize(
    "query, found",
    [
        ("soviets", {"l-april-theses"}),
        ("SOVIETS", {"l-april-theses"}),
        ("revolution", {"l-democratic-dictatorship", "t-war-revolution"}),
        ("evolution", set()),  # only at a word start
        ("dictatorship peasantry", {"l-democratic-dictatorship"}),  # every term
        ('"power to the"', {"l-april-theses"}),  # a phrase
        ('"the power"', set()),
        ("european war", {"t-war-revolution"}),  # text and quote together
        ("", set()),
        ("   ", set()),
        ("jettisoned", {"author-verdict"}),  # a quote alone
    ],
)
def test_search_finds_claims_by_their_words(mini, query, found):
    assert set(ids(search(mini, query))) == found


@pytest.mark.parametrize(
    "query",
    ['"', "*", "AND", "NEAR(a b)", "a OR", "^x", "col:x", "'; DROP TABLE claims; --", "\x00"],
)
def test_query_syntax_is_data_never_an_error(mini, query):
    search(mini, query)  # no exception, whatever FTS5 would make of it
    assert search(mini, "soviets")  # and the index still answers


def test_search_ignores_accents_and_stems():
    m = build([claim("k", "lenin", "1905", "Le prolétariat révolutionnaire accepted the terms.")])
    assert ids(search(m, "proletariat revolutionnaire")) == ["k"]
    assert ids(search(m, "term")) == ["k"]


def test_spans_cover_the_whole_matched_words(mini):
    hit = next(h for h in search(mini, "prolet dict") if h.id == "t-proletarian-dictatorship")
    text = hit.match("text")
    assert text is not None
    assert [text.text[s:e] for s, e in text.spans] == ["proletariat", "dictatorship"]


def test_a_quote_match_is_highlighted_in_its_own_quote():
    m = build(
        [
            claim(
                "k",
                "lenin",
                "1905",
                "A claim.",
                quotes=[{"text": "first one"}, {"text": "second war"}],
            )
        ]
    )
    (hit,) = search(m, "war")
    assert [(x.field, x.text[x.spans[0][0] : x.spans[0][1]]) for x in hit.matches] == [
        ("quote 2", "war")
    ]


def test_the_claim_text_is_listed_before_the_quotes(mini):
    (hit,) = search(mini, "soviets")
    assert [x.field for x in hit.matches] == ["text", "quote 1"]


def test_the_limit_holds_on_a_large_map():
    m = make_map(160, 250, seed=2)
    assert len(search(m, "party", limit=30)) == 30


def test_when_no_claim_holds_every_word_those_with_some_follow_marked_partial(mini):
    hits = search(mini, "soviets zanzibar")
    assert ids(hits) == ["l-april-theses"] and hits[0].partial
    assert not search(mini, "soviets")[0].partial


# ------------------------------------------------------------------ what the query names
@pytest.mark.parametrize(
    "query",
    [
        "postulate 4",
        "Postulate 4",
        "P4",
        "p4",
        "fourth postulate",
        "4th postulate",
        "postulate four",
        "postulate IV",
        "postulate no. 4",
        "the 4th postulate of Trotsky",
    ],
)
def test_a_postulate_by_its_number_comes_first(essay_map, query):
    hits = search(essay_map, query)
    assert hits[0].id == "postulate-4" and hits[0].exact and hits[0].why == "postulate 4"


def test_a_postulate_by_its_number_in_the_small_map(mini):
    assert ids(search(mini, "postulate 4"))[:1] == ["t-proletarian-dictatorship"]
    # the map has no postulate 2: nothing is named outright, the rest holds only "postulate"
    assert all(h.partial and not h.exact for h in search(mini, "postulate 2"))


@pytest.mark.parametrize(
    "query, first",
    [
        ("lenin-accept-german-terms", "lenin-accept-german-terms"),
        ("  Lenin-Accept-German-Terms ", "lenin-accept-german-terms"),
        ("see postulate-2 here", "postulate-2"),
    ],
)
def test_a_claim_id_comes_first(essay_map, query, first):
    assert search(essay_map, query)[0].id == first


def test_references_say_how_the_query_named_the_claim(essay_map):
    assert references(essay_map, "P3 and postulate-5") == [
        ("postulate-5", "its id"),
        ("postulate-3", "postulate 3"),
    ]


def test_a_topic_label_finds_every_claim_on_the_topic(essay_map):
    on_topic = {c.id for c in essay_map.claims if "brest-litovsk" in c.topics}
    found = set(ids(search(essay_map, "Brest-Litovsk")))
    assert len(on_topic) == 10 and on_topic <= found
    assert "lenin-accept-german-terms" in found  # its text never says Brest-Litovsk
    hit = next(h for h in search(essay_map, "Brest-Litovsk") if h.id == "lenin-accept-german-terms")
    assert [x.field for x in hit.matches] == ["topics"]


def test_lenins_accept_the_terms_is_found_by_its_words(essay_map):
    assert ids(search(essay_map, "accept the terms"))[0] == "lenin-accept-german-terms"
    assert "lenin-accept-german-terms" in ids(search(essay_map, "Lenin's terms"))


def test_an_actor_name_ranks_the_actors_own_claims_first(essay_map):
    hits = search(essay_map, "Lenin")
    own = [h for h in hits if "lenin" in essay_map.claim(h.id).actors]
    assert len(own) >= 20
    assert all("lenin" in essay_map.claim(h.id).actors for h in hits[: len(own) // 2])


# ------------------------------------------------------------------ groups
def test_hits_are_grouped_by_claim_kind_best_group_first(essay_map):
    hits = search(essay_map, "postulate 4 Stalin")
    groups = grouped(hits)
    assert groups[0][0] == "postulate" and groups[0][1][0].id == "postulate-4"
    assert {g for g, _ in groups} <= set(CLAIM_KINDS)
    assert sum(len(hs) for _, hs in groups) == len(hits)
    for _, hs in groups:
        assert [h.score for h in hs] == sorted((h.score for h in hs), reverse=True)


@pytest.mark.parametrize(
    "group, n, title",
    [
        ("postulate", 2, "Postulates"),
        ("thesis", 1, "Thesis"),
        ("thesis", 2, "Theses"),
        ("passage", 3, "Passage"),
    ],
)
def test_group_titles(group, n, title):
    assert group_title(group, n) == title


# ------------------------------------------------------------------ parsing
@pytest.mark.parametrize(
    "query, terms, posts",
    [
        (
            'permanent "democratic dictatorship" Kautsky',
            ("democratic dictatorship", "permanent", "kautsky"),
            (),
        ),
        ("Révolution", ("revolution",), ()),
        ("Brest-Litovsk", ("brest litovsk",), ()),
        ("Lenin's terms", ("lenin", "terms"), ()),
        ("fourth postulate", ("fourth", "postulate"), (4,)),
        ("P2 or p 3", ("p2", "or", "p", "3"), (2, 3)),
        ("", (), ()),
    ],
)
def test_parse_query(query, terms, posts):
    q = parse_query(query)
    assert (q.terms, q.postulates) == (terms, posts)


def test_postulate_words():
    assert postulate_words(4) == "postulate 4 p4 4th fourth four iv"
    assert postulate_words(1) == "postulate 1 p1 1st first one i"


# ------------------------------------------------------------------ passages of the text
ESSAY = Path(__file__).resolve().parents[2] / "claims.yaml"


@pytest.fixture(scope="module")
def essay_text():
    from arguments.analysis.anchors import anchor, quoted_paragraphs
    from arguments.documents import load_document

    doc = load_document(ESSAY)
    found = anchor(doc.map, doc.text)
    return found.structure, quoted_paragraphs(found)


def test_passages_hold_every_word_and_say_where_they_are(essay_text):
    structure, quoted = essay_text
    hits = search_text(structure, "Brest-Litovsk", quoted)
    assert hits and all(h.group == PASSAGES and not h.partial for h in hits)
    for h in hits:
        p = next(p for p in structure.in_chapter(h.chapter) if p.number == h.paragraph)
        assert "Brest-Litovsk" in paragraph_text(structure, p)
        (match,) = h.matches
        assert all(match.text[a:b] == "Brest-Litovsk" for a, b in match.spans)
        assert h.id == f"{h.chapter}/{h.paragraph}"
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_a_passage_no_claim_quotes_is_marked(essay_text):
    structure, quoted = essay_text
    unquoted = [p for p in structure.paragraphs if (p.chapter, p.number) not in quoted]
    assert unquoted, "the essay has paragraphs no claim quotes"
    p = unquoted[0]
    words = paragraph_text(structure, p).split()
    phrase = " ".join(w.strip(".,;:“”\"'()") for w in words[3:9])
    hits = search_text(structure, f'"{phrase}"', quoted)
    mine = next(h for h in hits if (h.chapter, h.paragraph) == (p.chapter, p.number))
    assert mine.unquoted
    assert all(not h.unquoted for h in hits if (h.chapter, h.paragraph) in quoted)


def test_a_long_paragraph_is_shown_around_what_matched(essay_text):
    structure, quoted = essay_text
    (hit,) = search_text(structure, "Helphand", quoted)
    p = next(p for p in structure.in_chapter(hit.chapter) if p.number == hit.paragraph)
    whole = paragraph_text(structure, p)
    snippet = hit.matches[0].text
    assert len(snippet) < len(whole) and "Helphand" in snippet


@pytest.mark.parametrize("query", ["", "   ", "zzzzq", '"unbalanced', "*", "NEAR(zzzzq)"])
def test_a_query_no_paragraph_holds_finds_nothing_and_never_fails(essay_text, query):
    structure, quoted = essay_text
    assert search_text(structure, query, quoted) == []


def test_some_words_when_no_paragraph_holds_all(essay_text):
    structure, quoted = essay_text
    hits = search_text(structure, "Parvus zzzzq", quoted)
    assert hits and all(h.partial for h in hits)


def test_fts5_operators_in_a_query_are_words(essay_text):
    structure, quoted = essay_text
    hits = search_text(structure, "NOT AND OR", quoted)
    assert hits and not hits[0].partial
    for h in hits:
        marked = {h.matches[0].text[a:b].lower() for a, b in h.matches[0].spans}
        # matched at a word start, as every word of a query is ("or" finds "ordered")
        assert all(w.startswith(("not", "and", "or")) for w in marked), marked


def test_footnote_markers_are_not_words_of_a_passage(essay_text):
    structure, quoted = essay_text
    (hit,) = search_text(structure, "Helphand", quoted)
    assert "the peasant. Many" in hit.matches[0].text  # the text has "peasant.14 Many"


def test_a_passage_across_a_page_break_keeps_the_words_on_either_side_apart(essay_text):
    structure, _ = essay_text
    p = next(p for p in structure.paragraphs if len(p.pieces) > 1)  # a page break inside
    words = set(paragraph_text(structure, p).split())
    before = structure.text[p.pieces[0][0] : p.pieces[0][1]].split()[-1]
    after = structure.text[p.pieces[1][0] : p.pieces[1][1]].split()[0]
    assert before in words and after in words  # not glued into one word
