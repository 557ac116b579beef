"""Reading Kialo's discussion export (arguments/formats/kialo/reader.py): the thesis, pros as
supports, cons as attacks, to any depth; our own Kialo export read back; broken numbering
as a coded problem at its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import hostile_map_yaml

from arguments.analysis.trees import support_tree
from arguments.errors import MapError
from arguments.formats import detect
from arguments.formats.kialo import looks_like
from arguments.formats.kialo import write as to_kialo
from arguments.loader import load_map, load_text

ROOT = Path(__file__).resolve().parents[2]

DISCUSSION = """Discussion Title: Should cities ban cars from their centres?

1. Cities should ban cars from their centres.
1.1. Pro: Cars pollute the air that people in the centre breathe.
1.1.1. Con: Electric cars do not pollute the air where they drive.
1.1.1.1. Pro: Their brakes and tyres still shed fine dust.
1.1.1.1.1. Con: Regenerative braking
hardly wears the brakes.
1.2. Con: Shops in the centre need deliveries.
1.2.1. Pro: -> See 1.1.1.
1.3. Pro: Streets without cars are safer for children.
"""


def by_text(m):
    return {c.text: c for c in m.claims}


def edges(m) -> set[tuple[str, str, str]]:
    t = {c.id: c.text for c in m.claims}
    return {(t[r.source][:20], r.kind, t[r.target][:20]) for r in m.relations}


def test_a_discussion_reads_as_thesis_pros_and_cons_to_any_depth():
    m = load_text(DISCUSSION, "cars.txt")
    assert m.source.title == "Should cities ban cars from their centres?"
    assert len(m.claims) == 7
    claims = by_text(m)
    assert claims["Cities should ban cars from their centres."].kind == "thesis"
    assert claims["Regenerative braking\nhardly wears the brakes."].kind == "position"
    assert edges(m) == {
        ("Cars pollute the air", "supports", "Cities should ban ca"),
        ("Electric cars do not", "attacks", "Cars pollute the air"),
        ("Their brakes and tyr", "supports", "Electric cars do not"),
        ("Regenerative braking", "attacks", "Their brakes and tyr"),
        ("Shops in the centre ", "attacks", "Cities should ban ca"),
        ("Electric cars do not", "supports", "Shops in the centre "),  # the -> See link
        ("Streets without cars", "supports", "Cities should ban ca"),
    }
    assert {c.actors[0] for c in m.claims} == {"unattributed"}
    assert {c.chapter for c in m.claims} == {"main"}


def test_a_discussion_is_recognised_by_its_content():
    assert detect("export.txt", DISCUSSION) == "kialo"
    assert detect("export.txt", DISCUSSION.split("\n", 2)[2]) == "kialo"  # no title line
    assert looks_like(DISCUSSION)
    assert not looks_like("1. First point of a list\n2. Second point\n")
    assert not looks_like("Just some prose.\n")


def test_an_empty_claim_is_a_problem_at_its_line():
    with pytest.raises(MapError) as info:
        load_text(
            DISCUSSION.replace(
                "1.3. Pro: Streets without cars are safer for children.", "1.3. Pro:   "
            ),
            "cars.txt",
        )
    p = info.value.problems[0]
    assert (p.code, p.line) == ("empty-text", 11)


@pytest.mark.parametrize(
    "claim", [None, "postulate-4", "author-thesis"], ids=["thesis", "postulate-4", "author"]
)
def test_our_kialo_export_reads_back_as_its_tree(essay_map, claim):
    text = to_kialo(essay_map, claim)
    m = load_text(text, "essay.txt")
    lines = [ln for ln in text.split("\n")[2:] if ln.strip()]
    links = sum("-> See" in ln for ln in lines)
    assert len(m.claims) == len(lines) - links
    tree = support_tree(essay_map, claim or "author-thesis", max_depth=8)
    count = 0
    stack = [tree]
    while stack:
        node = stack.pop()
        count += len(node.children)
        stack.extend(node.children)
    assert len(m.relations) <= count  # a link shown twice under one claim counts once


BROKEN = [
    ("no thesis first", "1.1. Pro: a reason\n", 1, "the thesis"),
    ("a number that skips", "1. T\n1.1. Pro: a\n1.3. Con: b\n", 3, "numbering is broken"),
    ("a child of nothing", "1. T\n1.1. Pro: a\n1.2.1. Con: b\n", 3, "numbering is broken"),
    ("too deep at once", "1. T\n1.1.1. Pro: a\n", 2, "numbering is broken"),
    ("no stance", "1. T\n1.1. a reason\n", 2, "Pro: or Con:"),
    ("a link to no claim", "1. T\n1.1. Pro: -> See 1.9.\n", 2, "-> See"),
    ("prose first", "Hello\n1. T\n", 1, "starts with its thesis"),
]


@pytest.mark.parametrize("case,text,line,words", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_numbering_is_a_coded_problem_at_its_line(case, text, line, words):
    with pytest.raises(MapError) as info:
        load_text(text, "broken.txt", fmt="kialo")
    p = info.value.problems[0]
    assert (p.code, p.file, p.line) == ("kialo-syntax", "broken.txt", line), str(info.value)
    assert words in p.message


def test_hostile_text_stays_text():
    m = load_text(hostile_map_yaml(), "h.yaml")
    back = load_text(to_kialo(m), "h.txt")
    assert all("\x00" not in c.text for c in back.claims)


def test_the_mini_map_through_kialo():
    mini = load_map(ROOT / "tests" / "fixtures" / "mini.yaml")
    m = load_text(to_kialo(mini), "mini.txt")
    assert m.claims[0].kind == "thesis" and m.claims[0].text.startswith("Lenin came round")
