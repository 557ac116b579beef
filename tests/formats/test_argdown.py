"""Argdown out and back (arguments/argdown.py), checked by our reader and by the real CLI."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from argdown_cli import argdown_command, problems, run
from gen import make_map
from hostile import hostile_map_yaml

from arguments.errors import MapError
from arguments.formats import json as json_format
from arguments.formats.argdown import escape_text
from arguments.formats.argdown import looks_like as looks_like_argdown
from arguments.formats.argdown import read as parse_argdown
from arguments.formats.argdown import write as to_argdown
from arguments.loader import load_map, load_text

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"


def normal(m) -> dict:
    """A map's data with claims and relations in a fixed order (Argdown groups by chapter)."""
    d = json_format.to_data(m)
    d["claims"] = sorted(d["claims"], key=lambda c: c["id"])
    d["relations"] = sorted(d["relations"], key=lambda r: json.dumps(r, sort_keys=True))
    return d


def maps():
    yield "mini", load_map(MINI)
    yield "essay", load_map(ROOT / "claims.yaml")
    yield "hostile", load_text(hostile_map_yaml(), "hostile.yaml")
    for seed in (1, 2, 3):
        yield f"generated-{seed}", make_map(120, 200, seed=seed)


MAPS = dict(maps())


# ------------------------------------------------------------------ round trip
@pytest.mark.parametrize("name", list(MAPS))
def test_export_then_import_gives_the_same_map(name):
    m = MAPS[name]
    back = load_text(to_argdown(m), f"{name}.argdown")
    assert normal(back) == normal(m)


@pytest.mark.parametrize("name", ["mini", "essay"])
def test_the_loader_recognises_our_argdown_without_an_extension(name):
    text = to_argdown(MAPS[name])
    assert looks_like_argdown(text)
    assert normal(load_text(text, "map-without-extension")) == normal(MAPS[name])


def test_yaml_and_json_are_not_taken_for_argdown():
    assert not looks_like_argdown(MINI.read_text(encoding="utf-8"))
    assert not looks_like_argdown(json_format.write(MAPS["mini"]))


@pytest.mark.parametrize(
    "text",
    [
        "Plain words.",
        "U.S.S.R. and 1.5 and 10:30 and a.b.c",
        "#hashtag and #(tag) here",
        "[square] <angle> {curly} *bold* _italic_ `code`",
        "a // comment /* and */ this",
        "+ plus first",
        "- minus first",
        "> quote first",
        "(1) numbered first",
        "3. listed first",
        "@[mention] and @<mention>",
        "back\\slash \\# done",
        "=== front matter ===",
    ],
)
def test_escaped_text_reads_back_as_written(text):
    m = MAPS["mini"]
    data = json_format.to_data(m)
    data["claims"][0]["text"] = text
    m2 = load_text(json.dumps(data), "m.json")
    back = load_text(to_argdown(m2), "m.argdown")
    assert back.claim(m2.claims[0].id).text == text


def test_tags_carry_actor_kind_and_date_and_sections_the_chapters():
    text = to_argdown(MAPS["mini"])
    assert "[l-april-theses]: All power to the Soviets. #lenin #position #1917-04" in text
    assert '# II: After {"chapter": "II"}' in text
    assert "_> <l-april-theses supports author-verdict>" in text
    assert ">< [t-proletarian-dictatorship]" in text


# ------------------------------------------------------------------ what people write by hand
HAND = """===
argmap:
  source: {title: Hand-written, chapters: [{id: I, title: One}]}
  actors: [{id: a, name: Ann, kind: person}, {id: b, name: Bob, kind: person}]
  topics: [{id: t, label: T}]
===

# I: One

[root]: The root claim. #a #position #1917
  {topics: [t], quotes: [{text: "root words"}]}
  + [pro]: A reason for it, defined inline. #b #position #1918
    {topics: [t], quotes: [{text: "pro words"}]}
    - [con]: An objection to the reason. #a #interpretation #1919
      {topics: [t], quotes: [{text: "con words"}]}
  <- [rival]: A rival attacks the root. #b #position #1920
    {topics: [t], quotes: [{text: "rival words"}]}
  +> [target]

// a comment line
[target]: The root supports this one,
continued on a second line. #a #verdict #1921
  {topics: [t], quotes: [{text: "target words"}]}
"""


def test_hand_written_argdown_reads_nested_incoming_and_inline_relations():
    m = load_text(HAND, "hand.argdown")
    rels = {(r.source, r.kind, r.target) for r in m.relations}
    assert rels == {
        ("pro", "supports", "root"),
        ("con", "attacks", "pro"),
        ("rival", "attacks", "root"),
        ("root", "supports", "target"),
    }
    assert m.claim("target").text == "The root supports this one, continued on a second line."
    assert m.claim("con").actor == "a" and m.claim("con").kind == "interpretation"
    assert m.claim("rival").date == "1920"


# ------------------------------------------------------------------ errors at line and column
def broken(old: str, new: str) -> str:
    text = to_argdown(MAPS["mini"])
    assert old in text
    return text.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if needle in line)


ERRORS = [
    # (case, old, new, code, needle on the reported line, column)
    (
        "free text",
        "[war-1914]:",
        "Just some words\n\n[war-1914]:",
        "argdown-syntax",
        "Just some words",
        1,
    ),
    (
        "relation not indented",
        "  >< [t-proletarian-dictatorship]",
        "><  [t-proletarian-dictatorship]",
        "argdown-syntax",
        "><  [t-prol",
        1,
    ),
    (
        "data never closed",
        'European revolution."}]}',
        'European revolution."}]',
        "argdown-syntax",
        '{"topics": ["war"], "quotes": [{"text": "But',
        3,
    ),
    (
        "stray quote in data",
        '[{"text": "But a European',
        '[{"text": "But "a European',
        "argdown-syntax",
        "a European war inevitably",
        None,
    ),
    (
        "undercut of a statement",
        "  _> <l-april-theses supports author-verdict>",
        "  _> [author-verdict]",
        "argdown-syntax",
        "_> [author-verdict]",
        3,
    ),
    (
        "relation with no target",
        "  >< [t-proletarian-dictatorship]",
        "  ><",
        "argdown-syntax",
        "  ><",
        3,
    ),
    (
        "unclosed comment",
        "# II: After",
        "/* a comment never closed\n\n# II: After",
        "argdown-syntax",
        "/* a comment never closed",
        1,
    ),
    (
        "inference line with no premises",
        "(1) [l-april-theses]\n",
        "",
        "argdown-syntax",
        "----",
        1,
    ),
    (
        "unbalanced bracket",
        "  +> [t-war-revolution]",
        "  +> [t-war-revolution",
        "argdown-syntax",
        "+> [t-war-revolution",
        6,
    ),
    (
        "mistyped actor tag",
        "#lenin #position #1917-04",
        "#lenn #position #1917-04",
        "unknown-actor",
        "#lenn #position",
        None,
    ),
    (
        "no kind tag",
        "#trotsky #prediction #1906",
        "#trotsky #1906",
        "missing-field",
        "[t-war-revolution]",
        1,
    ),
    (
        "bad date tag",
        "#lenin #position #1917-04",
        "#lenin #position #1917-13",
        "bad-date",
        "#1917-13",
        None,
    ),
]


@pytest.mark.parametrize("case,old,new,code,needle,col", ERRORS, ids=[e[0] for e in ERRORS])
def test_a_broken_file_names_the_line_and_column(case, old, new, code, needle, col):
    text = broken(old, new)
    with pytest.raises(MapError) as info:
        load_text(text, "broken.argdown")
    first = info.value.problems[0]
    line = line_of(text, needle)
    if col is None:  # where the needle starts on its line
        col = text.split("\n")[line - 1].index(needle) + 1
    assert (first.code, first.file, first.line, first.column) == (
        code,
        "broken.argdown",
        line,
        col,
    ), str(info.value)


def test_a_statement_defined_twice_names_both_lines():
    text = to_argdown(MAPS["mini"]) + "\n[war-1914]: Again. #author #event\n"
    with pytest.raises(MapError) as info:
        parse_argdown(text, "twice.argdown")
    p = info.value.problems[0]
    assert p.line == len(text.rstrip("\n").split("\n"))
    assert f"line {line_of(text, '[war-1914]: The war')}" in p.expected


def test_without_our_front_matter_a_document_reads_as_anyone_s_argdown():
    m = load_text("[a]: A claim. #x #position\n  + [b]: A reason.\n", "bare.argdown")
    a, b = m.claim("a"), m.claim("b")
    assert (b.kind, b.text, b.topics) == ("position", "A reason.", [])
    assert (a.kind, a.text, a.topics, a.actors, a.chapter) == (
        "position",
        "A claim. #x #position",
        ["x"],
        ["unattributed"],
        "main",
    )
    assert [(r.source, r.kind, r.target) for r in m.relations] == [("b", "supports", "a")]
    assert m.source.title == "bare" and m.source.chapters[0].title == "bare"


def test_in_our_export_a_statement_needs_an_id():
    text = broken("[war-1914]:", "Just some words\n\n[war-1914]:")
    with pytest.raises(MapError) as info:
        parse_argdown(text, "free.argdown")
    p = info.value.problems[0]
    assert (p.code, p.line, p.column) == ("argdown-syntax", line_of(text, "Just some"), 1)
    assert "needs an id" in p.message


def test_escape_keeps_one_line():
    assert "\n" not in escape_text("two\nlines")


# ------------------------------------------------------------------ the real Argdown CLI
@pytest.fixture(scope="module")
def argdown():
    cmd = argdown_command()
    if cmd is None:
        pytest.skip("node and npm are not installed (CI installs them)")
    return cmd


def expected_argdown_relations(m) -> Counter:
    kinds = Counter(r.kind for r in m.relations)
    supports = {(r.source, r.target) for r in m.relations if r.kind == "supports"}
    # an undercut of a support is Argdown's own; of another link it stays in the data
    drawn = [r for r in m.relations if r.kind == "undercuts" and (r.reason, r.target) in supports]
    undercut_links = {(r.reason, r.target) for r in drawn}
    return (
        Counter(
            {
                "support": kinds["supports"] + kinds["confirms"] - len(undercut_links),
                "attack": kinds["attacks"] + kinds["disconfirms"],
                "contradictory": kinds["contradicts"],
                "undercut": len(drawn),
            }
        )
        - Counter()
    )


@pytest.mark.argdown_cli
@pytest.mark.parametrize("name", ["mini", "essay", "hostile", "generated-1"])
def test_the_argdown_cli_parses_our_export_as_we_mean_it(argdown, tmp_path, name):
    m = MAPS[name]
    src = tmp_path / f"{name}.argdown"
    src.write_text(to_argdown(m), encoding="utf-8")
    proc = run(argdown, "json", str(src), str(tmp_path / "json"))
    assert proc.returncode == 0 and not problems(proc), proc.stdout + proc.stderr
    data = json.loads((tmp_path / "json" / f"{name}.json").read_text(encoding="utf-8"))
    assert set(data["statements"]) == {c.id for c in m.claims}
    found = Counter(r["relationType"] for r in data["relations"])
    assert found == expected_argdown_relations(m)
    # the tags carry actor, kind and date; the data the quotes
    c = m.claims[0]
    member = next(x for x in data["statements"][c.id]["members"] if x.get("isTopLevel"))
    assert c.kind in member["tags"] and (c.date is None or c.date in member["tags"])
    assert [q["text"] for q in member["data"]["quotes"]] == [q.text for q in c.quotes]


@pytest.mark.argdown_cli
@pytest.mark.parametrize("name", ["mini", "essay"])
def test_the_argdown_cli_draws_its_own_map_of_our_export(argdown, tmp_path, name):
    m = MAPS[name]
    src = tmp_path / f"{name}.argdown"
    src.write_text(to_argdown(m), encoding="utf-8")
    proc = run(argdown, "map", str(src), str(tmp_path / "out"), "-f", "dot")
    assert proc.returncode == 0 and not problems(proc), proc.stdout + proc.stderr
    dot = (tmp_path / "out" / f"{name}.dot").read_text(encoding="utf-8")
    import pygraphviz

    g = pygraphviz.AGraph(string=dot)
    statements = [n for n in g.nodes() if n.attr.get("type") == "statement-map-node"]
    assert len(statements) == len(m.claims)
    sections = [s for s in g.subgraphs() if s.name.startswith("cluster")]
    assert len(sections) == len({c.chapter for c in m.claims})
