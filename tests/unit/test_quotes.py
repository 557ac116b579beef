"""Quote integrity: what normalisation forgives, what it does not, and the failure message."""

from __future__ import annotations

from pathlib import Path

import pytest

from arguments.analysis.quotes import SourceText, check_quotes, normalise, quote_parts
from arguments.loader import load_map, load_text

HERE = Path(__file__).resolve().parents[1]
MINI = HERE / "fixtures" / "mini.yaml"


# ------------------------------------------------------------------ normalisation
@pytest.mark.parametrize(
    "raw,norm",
    [
        ("a  b\n  c\t d ", "a b c d"),  # white space and line breaks
        ("a three-\nvolume biography", "a three-volume biography"),  # hyphen at a line break
        ("\u201cquoted\u201d and \u2018single\u2019", "\"quoted\" and 'single'"),
        ("Trotsky\u2019s", "Trotsky's"),
        ("1905\u20131907 \u2014 war", "1905-1907 - war"),  # en and em dashes
        ("wait\u2026", "wait..."),  # the ellipsis character
        ("animosity . . . encouraged", "animosity ... encouraged"),  # the source's spaced dots
        ("workers. . . . The", "workers. ... The"),  # a full stop, then an elision
        ("embraced Marxism.1 From", "embraced Marxism. From"),  # footnote markers
        ("the movement.\u201d4 The", 'the movement." The'),
        ("in 1905 and 1917", "in 1905 and 1917"),  # years are no footnotes
        ("non\u00a0breaking soft\u00adhyphen", "non breaking softhyphen"),
    ],
)
def test_normalise_forgives_only_typesetting(raw, norm):
    assert normalise(raw) == norm


def test_normalise_keeps_case_words_and_punctuation():
    assert normalise("The Party, (it said): Yes!") == "The Party, (it said): Yes!"


@pytest.mark.parametrize(
    "quote,parts",
    [
        ("a ... b", ["a", "b"]),
        ("...a...b...", ["a", "b"]),
        ("a \u2026 b", ["a", "b"]),
        ("a . . . b", ["a", "b"]),
        ("... ", []),
    ],
)
def test_an_elision_splits_a_quote_into_parts(quote, parts):
    assert quote_parts(quote) == parts


# ------------------------------------------------------------------ finding
SOURCE = SourceText(
    "Bloody Sunday served as a powerful catalyst that speeded up the tempo of psycho-\n"
    "logical change. It heightened animosity . . . encouraged greater daring in the\n"
    "conception of what could be changed.\u201d5 Trotsky\u2019s \u201cpermanent\u201d theory\u2014"
    "as he\ncalled it\u2014held.\n"
)


@pytest.mark.parametrize(
    "quote",
    [
        "a powerful catalyst that speeded up the tempo",
        'Trotsky\'s "permanent" theory-as he called it-held.',  # straight for curly, - for —
        "Trotsky\u2019s \u201cpermanent\u201d theory\u2014as he called it",
        "It heightened animosity . . . encouraged greater daring",  # the source's own dots
        "It heightened animosity ... encouraged greater daring",
        "It heightened animosity encouraged greater daring",  # running across them
        "Bloody Sunday ... the tempo ... what could be changed.",  # our own elisions, in order
        "what could be changed.\" Trotsky's",  # footnote 5 skipped
        "the tempo of psycho-logical change",  # hyphen at the line break
        "the   tempo\nof",
    ],
)
def test_a_quote_is_found_despite_typesetting(quote):
    assert SOURCE.find(quote)


@pytest.mark.parametrize(
    "quote",
    [
        "a Powerful catalyst",  # case
        "a strong catalyst",  # a word
        "a powerful catalyst, that speeded",  # punctuation
        "what could be changed ... Bloody Sunday",  # parts out of order
        "greater daring ... heightened animosity",  # out of order across the source's dots
        "the tempo of psychological change",  # the hyphen is the source's
        "...",
    ],
)
def test_a_quote_that_differs_in_words_order_case_or_punctuation_is_not_found(quote):
    assert not SOURCE.find(quote)


def test_the_nearest_passage_is_the_misquoted_spot():
    near = SOURCE.nearest("It heightened hostility and encouraged greater daring")
    assert "heightened animosity" in near and "greater daring" in near


# ------------------------------------------------------------------ on a map
def _map_with_quote(text: str):
    body = MINI.read_text("utf-8").replace(
        "      - text: All power to the Soviets!\n", f"      - text: {text!r}\n"
    )
    return load_text(body, "q.yaml")


def test_check_quotes_names_the_claim_the_quote_and_the_nearest_passage():
    m = _map_with_quote("It heightened hostility and encouraged greater daring")
    failures = check_quotes(m, SOURCE)
    wanted = [f for f in failures if f.claim == "l-april-theses"]
    assert len(wanted) == 1
    f = wanted[0]
    assert (f.index, f.path) == (0, "claims[2].quotes[0]")
    text = str(f)
    assert text.startswith("claims[2].quotes[0]: the quote of l-april-theses is not verbatim")
    assert "It heightened hostility" in text and "heightened animosity" in text


def test_a_relations_quote_is_checked_too():
    body = MINI.read_text("utf-8").replace(
        'note: "In substance, not in name."}',
        'note: "In substance, not in name.", quote: {text: "Trotsky\'s theory failed"}}',
    )
    failures = check_quotes(load_text(body, "q.yaml"), SOURCE)
    assert [(f.claim, f.path) for f in failures if f.path.startswith("relations")] == [
        ("l-april-theses->t-proletarian-dictatorship", "relations[1].quote")
    ]


# ------------------------------------------------------------------ the essay
@pytest.mark.parametrize(
    "quote",
    [
        "It heightened animosity . . . encouraged greater daring in the conception of what "
        "could be changed.",
        "populism and embraced Marxism. From this point on, Plekhanov emphasized the role of",
        "Isaac Deutscher, The Prophet Armed, the first volume of a three-volume biography",
        "a class of petty-bourgeois urban craftsmen",
        "Bloody Sunday served as a powerful catalyst ... speeded up the tempo",
    ],
)
def test_quotes_from_the_essay_are_found(essay, quote):
    assert essay.find(quote)


def test_a_misquote_of_the_essay_points_at_the_right_passage(essay):
    assert not essay.find("Plekhanov stressed the role of")
    assert "Plekhanov emphasized the role" in essay.nearest(
        "Plekhanov embraced Marxism and emphasised the role"
    )


def test_every_quote_of_the_mini_map_stands_in_the_essay(essay):
    # e.g. "workers' democracy" against the essay's curly apostrophe
    assert check_quotes(load_map(MINI), essay) == []


def test_a_quote_sharing_no_word_with_the_source_says_so():
    m = _map_with_quote("<script>alert(1)</script>")
    [f] = [f for f in check_quotes(m, SOURCE) if f.claim == "l-april-theses"]
    assert f.nearest == "" and "nearest: none" in str(f)


def test_a_quote_may_end_at_the_full_stop_before_the_sources_elision():
    src = SourceText("and more and more define its class character. . . . \nThe more definite")
    assert src.find("more and more define its class character.")
    assert src.find("define its class character. ... The more definite")
    assert not src.find("define its class character The more")


@pytest.mark.parametrize(
    "raw",
    [
        "a  b\n  c\t d ",
        "a three-\nvolume biography",
        "\u201cquoted\u201d and caf\u00e9\u0301 \ufb01ne\u2026",
        "workers. . . . The revolution . . . falls",
        "the movement.\u201d4 The",
        "\u05e9\u05dc\u05d5\u05dd \u202eabc\u202c <b>x</b>",
    ],
)
def test_folded_offsets_make_the_same_text_and_point_back_into_the_raw(raw):
    from arguments.analysis.quotes import Folded

    f = Folded(raw)
    assert f.text.strip() == normalise(raw)
    assert len(f.starts) == len(f.ends) == len(f.text)
    for k, ch in enumerate(f.text):  # each character comes from its raw stretch
        assert 0 <= f.starts[k] <= f.ends[k] <= len(raw)
        if ch.isalnum():
            assert normalise(raw[f.starts[k] : f.ends[k]]).find(ch) >= 0
