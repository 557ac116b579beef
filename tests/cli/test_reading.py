"""``argmap quotes`` and ``argmap coverage``: the quotes' places in the source text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arguments import cli

ROOT = Path(__file__).resolve().parents[2]
ESSAY_MAP = ROOT / "claims.yaml"
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"
TEXT = (ROOT / "sources" / "essay.txt").read_text(encoding="utf-8")


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out, out.err


def test_quotes_json_gives_every_quotes_spans(capsys):
    code, out, err = run(capsys, "quotes", "--map", ESSAY_MAP, "--format", "json")
    assert code == 0 and not err
    items = json.loads(out)
    assert len(items) > 650
    first = items[0]
    assert set(first) >= {"claim", "quote", "spans", "chapter", "paragraph"}
    for item in items:
        for start, end in item["spans"]:
            assert 0 <= start < end <= len(TEXT)
    # the quote's own words are there
    by_key = {(i["claim"], i["quote"]): i for i in items if i["claim"]}
    s, e = by_key[("author-preface-approach", 1)]["spans"][0]
    assert TEXT[s:e].startswith("These works, written between")


def test_quotes_table(capsys):
    code, out, _ = run(capsys, "quotes", "--map", ESSAY_MAP)
    assert code == 0
    header = out.splitlines()[0].split()
    assert header == ["claim", "quote", "chapter", "para", "note", "spans"]
    assert any(line.startswith("author-preface-approach") for line in out.splitlines())


def test_coverage_json_and_table(capsys):
    code, out, _ = run(capsys, "coverage", "--map", ESSAY_MAP, "-f", "json")
    assert code == 0
    cov = json.loads(out)
    chapters = [c["chapter"] for c in cov["chapters"]]
    assert chapters == ["preface", "introduction", "I", "II", "III", "IV", "V", "conclusion"]
    for c in cov["chapters"]:
        assert 0 <= c["quoted"] <= c["paragraphs"]
        assert c["percent"] == round(100 * c["quoted"] / c["paragraphs"], 1)
    for u in cov["unquoted"]:
        assert u["chapter"] in chapters and TEXT[u["start"] : u["end"]].strip()
    code, out, _ = run(capsys, "coverage", "--map", ESSAY_MAP)
    assert "Paragraphs no claim quotes" in out
    assert out.splitlines()[0].split()[:4] == ["chapter", "title", "paragraphs", "quoted"]


@pytest.mark.parametrize("command", ["quotes", "coverage"])
def test_a_map_without_a_text_says_how_to_add_one(capsys, command):
    code, out, err = run(capsys, command, "--map", MINI)
    assert code == 2 and not out
    assert "names no source text" in err and "text: FILE" in err


def test_an_undecided_place_is_reported(capsys, tmp_path):
    (tmp_path / "t.txt").write_text("Then we shall win.\n\nAgain we shall win.\n", encoding="utf-8")
    (tmp_path / "m.yaml").write_text(
        "source: {title: T, text: t.txt}\n"
        "actors: [{id: a, name: A, kind: person}]\n"
        "topics: [{id: t, label: T}]\n"
        "claims:\n"
        "  - {id: c1, kind: position, actor: a, text: Win., topics: [t], chapter: I,"
        " quotes: [{text: we shall win}]}\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "quotes", "--map", tmp_path / "m.yaml", "-f", "json")
    assert code == 0
    (item,) = json.loads(out)
    assert item["ambiguous"] == 2
    assert "quote 1 of c1 stands 2 times" in err


def test_export_annotated_text_and_handout_context(capsys, tmp_path):
    out = tmp_path / "a.html"
    code, _, err = run(capsys, "export", "--map", ESSAY_MAP, "-f", "annotated-text", "-o", out)
    assert code == 0 and "rd-chapter" in out.read_text(encoding="utf-8")
    code, _, err = run(capsys, "export", "--map", MINI, "-f", "annotated-text-pdf", "-o", out)
    assert code == 2 and "needs the map's source text" in err
    code, _, err = run(capsys, "export", "--map", ESSAY_MAP, "-f", "csv", "--context")
    assert code == 2 and "--context adds each quote's sentence to a handout" in err
    code, out_md, _ = run(
        capsys, "export", "--map", ESSAY_MAP, "-f", "handout-md", "--context", "--chapter", "V"
    )
    assert code == 0 and "*In context:*" in out_md
