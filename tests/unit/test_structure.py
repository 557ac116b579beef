"""The source text's structure: chapters, paragraphs across page breaks, notes, markers."""

from __future__ import annotations

from pathlib import Path

import pytest

from arguments.analysis.structure import read_structure

ROOT = Path(__file__).resolve().parents[2]
ESSAY = (ROOT / "sources" / "essay.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def essay_structure(essay_map):
    return read_structure(ESSAY, [(c.id, c.title) for c in essay_map.source.chapters])


def paragraph_with(st, words: str):
    for p in st.paragraphs:
        if words in " ".join(" ".join(ESSAY[a:b].split()) for a, b in p.pieces):
            return p
    raise AssertionError(f"no paragraph holds {words!r}")


def test_the_essays_chapters_are_the_maps(essay_structure, essay_map):
    assert [c.id for c in essay_structure.chapters] == [c.id for c in essay_map.source.chapters]
    assert [c.title for c in essay_structure.chapters][2] == "A Vision"
    # the conclusion's heading follows a text line with no blank line between
    assert essay_structure.chapter("conclusion").start == ESSAY.index(" CONCLUSION") + 1
    assert all(essay_structure.in_chapter(c.id) for c in essay_structure.chapters)


def test_a_paragraph_runs_on_across_a_footnote_block(essay_structure):
    p = paragraph_with(essay_structure, "met in St. Petersburg to formulate proposals to")
    joined = " ".join(" ".join(ESSAY[a:b].split()) for a, b in p.pieces)
    assert "formulate proposals to be presented to the tsar" in joined
    assert len(p.pieces) == 2
    # the notes between the pieces belong to no paragraph
    note6 = essay_structure.notes[6]
    assert essay_structure.paragraph_at(note6.start) is None


def test_a_page_number_is_no_text(essay_structure):
    at = ESSAY.index("\n46 \n") + 1
    assert essay_structure.paragraph_at(at) is None
    p = paragraph_with(essay_structure, "exert heavy influence on the Party")
    assert "Party apparatus. As Lenin" in " ".join(
        " ".join(ESSAY[a:b].split()) for a, b in p.pieces
    )


def test_a_paragraph_ends_where_the_text_leaves_a_blank_line(essay_structure):
    a = paragraph_with(essay_structure, "the Romanov dynasty.")
    b = paragraph_with(essay_structure, "The converging processions were scheduled")
    assert (a.chapter, a.number + 1) == (b.chapter, b.number)


def test_notes_and_markers(essay_structure):
    st = essay_structure
    assert [k.number for k in st.markers] == list(range(1, 173))
    assert ESSAY[st.notes[2].start :].startswith("\u201cBy a freak of fate")
    # a note that continues on the next line keeps it
    assert "Deutscher, The Prophet Armed" in " ".join(ESSAY[a:b] for a, b in st.notes[2].pieces)
    assert ESSAY[st.notes[50].start :].startswith("Robert D. Warth")  # " 50." indented
    assert 60 not in st.notes  # the notes the file lost are not invented
    five = next(k for k in st.markers if k.number == 5)
    assert ESSAY[five.start - 9 : five.end] == "changed.\u201d5"
    assert st.marker_after(five.start - 2).number == 5  # after the closing quote mark


@pytest.mark.parametrize(
    "text,chapters,expected",
    [
        # no headings at all: one chapter of paragraphs
        ("One para.\n\nTwo para.\n", [], [("", 2)]),
        # Markdown headings
        ("# First\n\nA.\n\nB.\n\n# Second\n\nC.\n", [], [("first", 2), ("second", 1)]),
        # a numbered heading with its title, named after the declared chapter
        ("CHAPTER 2\nTHE TITLE\n\nText.\n", [("2", "The title")], [("2", 1)]),
        # a declared title in capitals
        ("PREFACE\n\nWords here.\n", [("preface", "Preface")], [("preface", 1)]),
    ],
)
def test_headings(text, chapters, expected):
    st = read_structure(text, chapters)
    assert [(c.id, len(st.in_chapter(c.id))) for c in st.chapters] == expected


@pytest.mark.parametrize(
    "text,paragraphs",
    [
        ("He went to\n\n\n\nthe town. Then home.\n", 1),  # runs on across a page break
        ("He went home.\n\n\n\nThe next day.\n", 2),  # a sentence ended: a new paragraph
        ("He said that\n\nwe go.\n", 1),  # a line in lower case never starts a paragraph
        ("First.\n\nSecond.\n", 2),
        ("A long line that\n\n12\n\nruns on.\n", 1),  # a page number between
    ],
)
def test_paragraphs_across_gaps(text, paragraphs):
    assert len(read_structure(text).paragraphs) == paragraphs


def test_markers_rise_in_order_so_years_are_not_taken():
    st = read_structure("Words.1 Then in 1917 more.2 And a list: items,3 and 1905.\n")
    assert [k.number for k in st.markers] == [1, 2, 3]
    st = read_structure("He wrote in 1905.\n")
    assert st.markers == ()


def test_hostile_text_is_just_text():
    text = "<script>alert(1)</script> \u202eevil\u202c &amp; \u05e9\u05dc\u05d5\u05dd.\n"
    st = read_structure(text)
    assert len(st.paragraphs) == 1
    p = st.paragraphs[0]
    assert text[p.start : p.end] == text.strip()
