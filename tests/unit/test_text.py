"""Text helpers (arguments/text.py): one shorten, one escape per target, one chapter order."""

from __future__ import annotations

import pytest

from arguments.text import chapter_order, clean, html, markdown, quoted, shorten, slug


@pytest.mark.parametrize(
    "text,limit,expected",
    [
        ("short", 10, "short"),
        ("a  few\nwords   here", 40, "a few words here"),
        ("the permanent revolution", 14, "the\u2026"),
        ("the permanent revolution", 18, "the permanent\u2026"),
        ("Unbreakablewordwithoutspaces", 10, "Unbreakab\u2026"),
    ],
)
def test_shorten_collapses_whitespace_and_cuts_at_a_word(text, limit, expected):
    out = shorten(text, limit)
    assert out == expected and len(out) <= limit


@pytest.mark.parametrize(
    "text",
    [
        "**bold**",
        "[link](x)",
        "<b>",
        "# head",
        "$x$",
        "a_b_c",
        ":red[x]",
        "1. item",
        "- item",
        "`code`",
    ],
)
def test_markdown_escapes_every_character_that_could_format(text):
    escaped = markdown(text)
    assert escaped.replace("\\", "") == text
    specials = [i for i, ch in enumerate(escaped) if ch in "*[]<>#$_:`.-()"]
    assert specials and all(escaped[i - 1] == "\\" for i in specials)


def test_html_escapes_quotes_too():
    assert html('<a href="x">&') == "&lt;a href=&quot;x&quot;&gt;&amp;"


def test_clean_drops_control_characters():
    assert clean("a\x00b\u2028c") == "a b c"


@pytest.mark.parametrize(
    "text,expected",
    [("words", "\u201cwords\u201d"), ("\u201cown marks\u201d", "\u201cown marks\u201d")],
)
def test_quoted_adds_marks_only_when_the_quote_has_none(text, expected):
    assert quoted(text) == expected


def test_slug_is_safe_for_file_names():
    assert slug("Trotsky vs. Lenin: 1917!") == "trotsky-vs-lenin-1917"
    assert slug("???") == "view"


def test_chapter_order_is_the_declared_order_then_first_appearance():
    assert list(chapter_order(["I", "II"], ["x", "II", "a", "x", "I"])) == ["I", "II", "x", "a"]
