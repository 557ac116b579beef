"""The Argdown reader (arguments/formats/argdown/syntax.py): each construct, each bad input,
and every document of tests/data/argdown against the real Argdown CLI's JSON export."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from arguments.errors import MapError
from arguments.formats.argdown.syntax import parse

CORPUS = Path(__file__).resolve().parent.parent / "data" / "argdown"
DOCUMENTS = sorted(CORPUS.glob("*.argdown"))


def rels(doc) -> set[tuple[str, str, str]]:
    return {(r.source, r.target, r.type) for r in doc.relations}


# ---------------------------------------------------------------- constructs
# (name, text, statements by title -> text (None: don't check), arguments, relations)
CONSTRUCTS = [
    ("untitled statement", "Just text.\n", {"Untitled 1": "Just text."}, set(), set()),
    ("titled statement", "[T]: Some text.", {"T": "Some text."}, set(), set()),
    ("text over lines", "[T]: one\ntwo\n  three\n", {"T": "one two three"}, set(), set()),
    (
        "reference joins the class",
        "[T]: first\n\n[T]: second\n\n[T]\n",
        {"T": "first"},
        set(),
        set(),
    ),
    ("argument definition and reference", "<A>: text\n\n<A>\n", {}, {"A"}, set()),
    (
        "outgoing support +",
        "[A]: a\n  + [B]: b\n",
        {"A": "a", "B": "b"},
        set(),
        {("B", "A", "support")},
    ),
    ("outgoing support <+", "[A]: a\n  <+ [B]: b\n", None, set(), {("B", "A", "support")}),
    ("incoming support +>", "[A]: a\n  +> [B]: b\n", None, set(), {("A", "B", "support")}),
    ("outgoing attack -", "[A]: a\n  - [B]: b\n", None, set(), {("B", "A", "attack")}),
    ("outgoing attack <-", "[A]: a\n  <- [B]: b\n", None, set(), {("B", "A", "attack")}),
    ("incoming attack ->", "[A]: a\n  -> [B]: b\n", None, set(), {("A", "B", "attack")}),
    ("contradiction ><", "[A]: a\n  >< [B]: b\n", None, set(), {("A", "B", "contradictory")}),
    (
        "contradiction counted once both ways",
        "[A]\n  >< [B]\n\n[B]\n  >< [A]\n",
        None,
        set(),
        {("A", "B", "contradictory")},
    ),
    ("incoming undercut _>", "<A>: a\n  _> <B>: b\n", {}, {"A", "B"}, {("A", "B", "undercut")}),
    ("outgoing undercut <_", "<A>: a\n  <_ <B>: b\n", {}, {"A", "B"}, {("B", "A", "undercut")}),
    ("short undercut _", "<A>: a\n  _ <B>: b\n", {}, {"A", "B"}, {("B", "A", "undercut")}),
    (
        "deep tree",
        "[A]\n  + [B]\n    - [C]\n      + [D]\n        -> [E]\n    + [F]\n  - [G]\n",
        None,
        set(),
        {
            ("B", "A", "support"),
            ("C", "B", "attack"),
            ("D", "C", "support"),
            ("D", "E", "attack"),
            ("F", "B", "support"),
            ("G", "A", "attack"),
        },
    ),
    (
        "tabs indent",
        "[A]\n\t+ [B]\n\t\t- [C]\n",
        None,
        set(),
        {("B", "A", "support"), ("C", "B", "attack")},
    ),
    (
        "untitled in relations are numbered in order",
        "a\n  + b\n    - c\n  + d\n",
        {"Untitled 1": "a", "Untitled 2": "b", "Untitled 3": "c", "Untitled 4": "d"},
        set(),
        {
            ("Untitled 2", "Untitled 1", "support"),
            ("Untitled 3", "Untitled 2", "attack"),
            ("Untitled 4", "Untitled 1", "support"),
        },
    ),
    (
        "argument relations move to the conclusion",
        "<A>\n\n(1) p\n----\n(2) [C]: c\n\n<A>\n  +> [T]\n",
        None,
        {"A"},
        {("C", "T", "support")},
    ),
    (
        "undercut of a reconstructed argument hits its inference",
        "<A>\n\n(1) p\n----\n(2) c\n\n[U]\n  _> <A>\n",
        None,
        {"A"},
        {("U", "A", "undercut")},
    ),
    (
        "pcs without an argument gets an untitled one",
        "(1) p\n----\n(2) c\n",
        None,
        {"Untitled 1"},
        set(),
    ),
    (
        "comments everywhere",
        "// one\n[A]: a /* two\nlines */ more\n<!-- three\n-->\n  + [B]\n",
        {"A": "a more", "B": ""},
        set(),
        {("B", "A", "support")},
    ),
    (
        "windows line endings",
        "[A]: a\r\n  + [B]: b\r\n\r\n[C]: c\r\n",
        {"A": "a", "B": "b", "C": "c"},
        set(),
        {("B", "A", "support")},
    ),
    (
        "lists",
        "* [A]: item\n* <L>: item\n\n1. first\n2. second\n",
        {"A": "item", "Untitled 1": "first", "Untitled 2": "second"},
        {"L"},
        set(),
    ),
    (
        "bold and italic drop their marks",
        "[T]: **b1** __b2__ *i1* _i2_ ***bi*** __*nested*__",
        {"T": "b1 b2 i1 i2 bi nested"},
        set(),
        set(),
    ),
    (
        "links keep their text",
        "[T]: see [the site](https://argdown.org) now",
        {"T": "see the site now"},
        set(),
        set(),
    ),
    (
        "mentions and tags stay in the text",
        "[T]: as @[A] and @<B> say #tag #(two words)",
        {"T": "as @[A] and @<B> say #tag #(two words)"},
        set(),
        set(),
    ),
    ("escapes", "[T]: \\[not a title\\] \\#no-tag", {"T": "[not a title] #no-tag"}, set(), set()),
    (
        "strict mode in the front matter",
        ("===\nmodel:\n  mode: strict\n===\n\n[A]\n  + [B]\n  - [C]\n  -> [D]\n  >< [E]\n"),
        None,
        set(),
        {
            ("B", "A", "entails"),
            ("C", "A", "contrary"),
            ("A", "D", "contrary"),
            ("A", "E", "contradictory"),
        },
    ),
]


@pytest.mark.parametrize(
    "name, text, statements, arguments, relations", CONSTRUCTS, ids=[c[0] for c in CONSTRUCTS]
)
def test_construct(name, text, statements, arguments, relations):
    doc = parse(text)
    if statements is not None:
        assert {t: ec.text for t, ec in doc.statements.items()} == statements
    assert set(doc.arguments) == arguments
    assert rels(doc) == relations


def test_front_matter_headings_and_data():
    doc = parse(
        "===\ntitle: T\nauthor: [a, b]\n===\n\n# One #tag {isGroup: true}\n\n"
        "## Two\n\n[S]: s {color: red}\n\n# Three\n\n<A>: a {x: 1}\n"
    )
    assert doc.front_matter == {"title": "T", "author": ["a", "b"]}
    one, three = doc.sections
    assert (one.level, one.title, one.tags, one.data, one.pos) == (
        1,
        "One #tag",
        ["tag"],
        {"isGroup": True},
        (6, 1),
    )
    assert [c.title for c in one.children] == ["Two"] and one.children[0].parent == one.id
    assert three.title == "Three" and three.children == []
    assert doc.statements["S"].data == {"color": "red"}
    assert doc.statements["S"].section == one.children[0].id
    assert doc.arguments["A"].data == {"x": 1} and doc.arguments["A"].section == three.id


def test_pcs_inferences_rules_and_data():
    doc = parse(
        "<A>: the argument\n\n(1) [P]: p\n(2) q\n  + [S]: support for q\n"
        "-- Modus ponens, Specification {uses: [1, 2]} --\n(3) [C]: c\n(4) r\n"
        "--\nRule on its own line\n--\n(5) d\n"
    )
    arg = doc.arguments["A"]
    assert [p.number for p in arg.pcs] == [1, 2, 3, 4, 5]
    assert [p.statement.title for p in arg.premises] == ["P", "Untitled 1", "Untitled 2"]
    assert [p.statement.title for p in arg.conclusions] == ["C", "Untitled 3"]
    first, second = arg.inferences
    assert first.rules == ["Modus ponens", "Specification"] and first.data == {"uses": [1, 2]}
    assert (first.argument, first.conclusion_index, first.pos) == ("A", 2, (6, 1))
    assert second.rules == ["Rule on its own line"] and second.conclusion_index == 4
    assert ("S", "Untitled 1", "support") in rels(doc)
    assert doc.statements["P"].members[0].role == "premise"
    assert arg.pcs[-1].statement.role == "conclusion"


def test_positions_and_occurrences():
    doc = parse("[A]: a\n  + [B]: b\n\n[A]\n  + [B]\n")
    (relation,) = doc.relations
    assert relation.pos == (2, 3) and relation.occurrences == [(2, 3), (5, 3)]
    assert [m.pos for m in doc.statements["A"].members] == [(1, 1), (4, 1)]
    assert doc.statements["B"].members[1].is_reference


def test_remove_tags_from_text():
    doc = parse("===\nmodel:\n  removeTagsFromText: true\n===\n\n[T]: text #tag\n")
    assert doc.statements["T"].text == "text" and doc.statements["T"].tags == ["tag"]


# ---------------------------------------------------------------- bad input
# (name, text, [(line, column), ...] of the problems, a word of the first message)
BAD = [
    ("unclosed block comment", "[A]: a\n\n/* never closed\n[B]: b\n", [(3, 1)], "unclosed comment"),
    ("unclosed html comment", "[A]: a <!-- never closed\n", [(1, 8)], "unclosed comment"),
    ("unbalanced [", "[Title: text\n", [(1, 1)], "unbalanced '['"),
    ("unbalanced < in a relation", "[A]\n  + <Arg: text\n", [(2, 5)], "unbalanced '<'"),
    ("inference with no premises", "[A]: a\n\n----\n(1) c\n", [(3, 1)], "no premises"),
    ("inference under an argument", "<A>\n----\n(1) c\n", [(2, 1)], "no premises"),
    ("relation with no target", "[A]: a\n  + \n\n[B]: b\n", [(2, 3)], "no target"),
    ("relation with no target at the end", "[A]: a\n  ->", [(2, 3)], "no target"),
    ("top-level relation", "+ [B]\n", [(1, 1)], "nothing to attach to"),
    ("relation not indented", "[A]: a\n- [B]\n", [(2, 1)], "nothing to attach to"),
    ("indentation between levels", "[A]\n    + [B]\n  + [C]\n", [(3, 3)], "indentation"),
    ("stray ===", "[A]: a\n\n===\n\n[B]: b\n", [(3, 1)], "stray '==='"),
    ("front matter below the top", "[A]: a\n\n===\ny: 1\n===\n", [(3, 1)], "only allowed"),
    ("pcs ends with a premise", "(1) a\n----\n(2) b\n(3) c\n", [(4, 5)], "end with a conclusion"),
    ("contradiction with an argument", "[A]\n  >< <B>\n", [(2, 3)], "not an argument"),
    (
        "two pcs for one argument",
        "<A>\n\n(1) a\n----\n(2) b\n\n<A>\n\n(1) c\n----\n(2) d\n",
        [(9, 1)],
        "only one",
    ),
    ("broken data", "[A]: a {k: [}\n", [(1, 13)], "not valid YAML"),
    ("broken front matter", "===\nk: [\n===\n\n[A]: a\n", [(3, 1)], "not valid YAML"),
    ("empty document", "\n  \n// only a comment\n", [(1, 1)], "no statement"),
    ("only front matter", "===\ntitle: t\n===\n", [(1, 1)], "no statement"),
    ("reference inside text", "text [A] more\n", [(1, 6)], "reference"),
    (
        "several problems in one pass",
        "+ x\n\n[A]: fine\n\n----\n\n[B\n",
        [(1, 1), (5, 1), (7, 1)],
        "nothing to attach to",
    ),
]


@pytest.mark.parametrize("name, text, where, words", BAD, ids=[b[0] for b in BAD])
def test_bad_input(name, text, where, words):
    with pytest.raises(MapError) as caught:
        parse(text, "bad.argdown")
    problems = caught.value.problems
    assert [(p.line, p.column) for p in problems] == where, [str(p) for p in problems]
    assert all(p.code == "argdown-syntax" and p.file == "bad.argdown" for p in problems)
    assert words in problems[0].message


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "\n\n",
        "\x00\x01",
        "[[[[",
        "<<<>>>",
        "***__",
        "\\",
        "-- --",
        "(1)",
        "===",
        "{{{",
        "@[",
        "#",
        "  \t  +",
    ],
)
def test_junk_never_raises_anything_else(junk):
    try:
        parse(junk)
    except MapError as exc:
        assert exc.problems and all(p.code == "argdown-syntax" for p in exc.problems)


def test_ten_thousand_statements_parse():
    lines = []
    for i in range(1, 2501):
        lines.append(
            f"[S{i}]: statement {i} with *some* text\n  + support {i}\n"
            f"  - [S{max(i - 1, 1)}]\n  -> attack {i}\n"
        )
    start = time.perf_counter()
    doc = parse("\n".join(lines))
    took = time.perf_counter() - start
    assert sum(len(ec.members) for ec in doc.statements.values()) == 10_000
    assert len(doc.relations) == 7_500
    print(f"10,000 statements parsed in {took:.2f} s")


# ---------------------------------------------------------------- the real Argdown CLI
@pytest.fixture(scope="module")
def cli():
    from argdown_cli import argdown_command

    command = argdown_command()
    if command is None:
        pytest.skip("node/npm missing: the Argdown CLI cannot run")
    return command


@pytest.mark.argdown_cli
@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_corpus_matches_the_cli(path, cli, tmp_path):
    from argdown_cli import run

    proc = run(cli, "json", str(path), str(tmp_path))
    exported = tmp_path / (path.stem + ".json")
    assert exported.exists(), proc.stdout + proc.stderr
    model = json.loads(exported.read_text(encoding="utf-8"))
    doc = parse(path.read_bytes().decode("utf-8"), str(path))
    assert set(doc.statements) == set(model["statements"])
    assert set(doc.arguments) == set(model["arguments"])
    assert rels(doc) == {(r["from"], r["to"], r["relationType"]) for r in model["relations"]}


def test_corpus_is_documented():
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    assert len(DOCUMENTS) >= 15
    for path in DOCUMENTS:
        assert f"| {path.name} |" in sources
