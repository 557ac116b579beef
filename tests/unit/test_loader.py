"""The loader on broken files: every problem with its code, line and column, in one pass.

The corpus is tests/bad_maps/ (one file per way of breaking a map, its first
line says how); tests/bad_maps/expected.yaml lists what each must produce.
Files too big to commit (50 MB) are made here in tmp_path.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from arguments.errors import CODES, MapError
from arguments.formats import json as json_format
from arguments.formats.decode import MAX_BYTES
from arguments.loader import UPLOAD_LIMIT, detect_format, load_bytes, load_map, load_text
from arguments.models import Map

HERE = Path(__file__).resolve().parents[1]
CORPUS = HERE / "bad_maps"
MINI = HERE / "fixtures" / "mini.yaml"
EXPECTED: dict[str, list[str]] = yaml.safe_load((CORPUS / "expected.yaml").read_text("utf-8"))
FILES = sorted(p.name for p in CORPUS.iterdir() if p.name != "expected.yaml")
#: codes that no file of the corpus can show, and the test that covers each
ELSEWHERE = {
    "file-too-large": "test_a_50_mb_file_is_refused_before_reading",
    "file-unreadable": "test_a_missing_file_or_a_folder_is_unreadable",
    "quote-not-in-source": "tests/unit/test_documents.py: a map with its text",
    "source-unreadable": "tests/unit/test_documents.py: a map with its text",
    "bad-upload": "tests/unit/test_documents.py: the files of an upload",
}


def problems_of(path: Path) -> list:
    with pytest.raises(MapError) as info:
        load_map(path)
    return info.value.problems


# ------------------------------------------------------------------ the corpus
def test_the_corpus_is_large_and_every_file_has_an_expectation():
    assert len(FILES) >= 40
    assert sorted(EXPECTED) == FILES


def test_the_corpus_covers_every_code_the_loader_reports_from_a_file():
    shown = {entry.split()[0] for entries in EXPECTED.values() for entry in entries}
    missing = set(CODES) - shown - set(ELSEWHERE)
    assert not missing, f"no broken map in tests/bad_maps shows {sorted(missing)}"


@pytest.mark.parametrize("name", FILES)
def test_each_broken_file_gives_exactly_its_problems_at_their_positions(name):
    found = [f"{p.code} {p.line}:{p.column}" for p in problems_of(CORPUS / name)]
    assert found == EXPECTED[name]


@pytest.mark.parametrize("name", FILES)
def test_each_problem_names_file_line_column_what_was_found_and_expected(name):
    path = CORPUS / name
    for p in problems_of(path):
        text = str(p)
        assert text.startswith(f"{path}:{p.line}:{p.column} [{p.code}]")
        assert p.got and p.expected, text
        assert f"(got {p.got}, expected {p.expected})" in text


def test_one_pass_reports_type_value_and_reference_problems_together():
    codes = {p.code for p in problems_of(CORPUS / "many-problems.yaml")}
    assert {"postulate-number", "bad-date", "wrong-type"} <= codes  # the models' checks
    assert {"unknown-actor", "unknown-topic", "self-relation"} <= codes  # cross-references


# what the messages say, for the problems people meet most
MESSAGES = [
    ("unknown-actor.yaml", "did you mean 'lenin'?"),
    ("unknown-actor-speaker.yaml", "did you mean 'trotsky'?"),
    ("unknown-topic.yaml", "did you mean 'war'?"),
    ("unknown-chapter.yaml", "did you mean 'II'?"),
    ("unknown-claim-source.yaml", "did you mean 'war-1914'?"),
    ("unknown-claim-target.yaml", "one of the 6 declared claim ids"),
    ("duplicate-key.yaml", "first at line 40"),
    ("duplicate-id-claim.yaml", "first used by claims[2]"),
    ("duplicate-relation-symmetric.yaml", "first at relations[0]"),
    ("syntax-tab-indent.yaml", "YAML forbids tabs"),
    ("syntax-colon-in-text.yaml", "quotes around a text that holds ': '"),
    ("syntax-unclosed-quote.yaml", "the quoted text that opens at 41:11 runs on to line 74"),
    ("syntax-unclosed-bracket.yaml", "flow sequence that starts at 42:13"),
    ("syntax-python-tag.yaml", "python/object/apply:os.system is not allowed"),
    ("json-syntax-trailing-comma.json", "a comma before a closing bracket"),
    ("bad-date-day.yaml", "got '1917-04-04'"),
    ("wrong-type-name-number.yaml", 'write it in quotes: "1917"'),
    ("latin1.yaml", "got byte 0xe9"),
    ("utf16.yaml", "UTF-16"),
    ("alias-bomb.yaml", "over 1,000,000 nodes"),
    ("too-deep-flow.yaml", "at most 64"),
    ("schema-version.json", "got 'argmap/3', expected 'argmap/1' or 'argmap/2'"),
    ("number-on-position.yaml", "only a postulate has a number"),
    ("missing-date.yaml", "only the author's claims may omit it"),
]


@pytest.mark.parametrize("name,words", MESSAGES)
def test_messages_say_what_to_fix(name, words):
    assert any(words in str(p) for p in problems_of(CORPUS / name))


def test_a_python_tag_is_never_constructed(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr("os.system", lambda *a: calls.append(a))
    problems_of(CORPUS / "syntax-python-tag.yaml")
    assert calls == []


# ------------------------------------------------------------------ files and sizes
def test_a_50_mb_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.yaml"
    block = MINI.read_bytes()
    with open(big, "wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            fh.write(block)
    [p] = problems_of(big)
    assert (p.code, p.line, p.column) == ("file-too-large", 1, 1)
    assert f"at most {MAX_BYTES:,} bytes" in str(p)


def test_one_byte_over_the_limit_is_refused_and_the_limit_itself_is_not():
    head = MINI.read_bytes()
    at_limit = head + b"#" * (MAX_BYTES - len(head))
    assert isinstance(load_bytes(at_limit, "limit.yaml"), Map)
    with pytest.raises(MapError) as info:
        load_bytes(at_limit + b"#", "over.yaml")
    assert info.value.codes == ["file-too-large"]


def test_an_upload_over_2_mb_is_refused_with_the_upload_limit():
    data = MINI.read_bytes() + b"#" * UPLOAD_LIMIT
    with pytest.raises(MapError) as info:
        load_bytes(data, "upload.yaml", limit=UPLOAD_LIMIT)
    assert info.value.codes == ["file-too-large"]
    assert "at most 2,097,152 bytes" in str(info.value)


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_a_missing_file_or_a_folder_is_unreadable(tmp_path, kind):
    path = tmp_path / "nothing.yaml"
    if kind == "folder":
        path.mkdir()
    [p] = problems_of(path)
    assert (p.code, p.line, p.column) == ("file-unreadable", 1, 1)
    assert str(path) in str(p)


# ------------------------------------------------------------------ formats
@pytest.mark.parametrize(
    "name,text,fmt",
    [
        ("map.yaml", "{}", "yaml"),
        ("map.YML", "[]", "yaml"),
        ("map.json", "a: 1", "json"),
        ("upload", '  {"schema": "argmap/1"}', "json"),
        ("upload", "[1]", "json"),
        ("upload", "source:\n  title: x\n", "yaml"),
        ("ova.json", '{"AIF": {"nodes": [], "edges": []}, "OVA": {}}', "aif"),
        ("aifdb.json", '{"nodes": [{"nodeID": 1}], "edges": []}', "aif"),
        ("map.json", '{"schema": "argmap/2", "claims": [{"text": "\\"nodes\\": x"}]}', "json"),
        ("upload", '{"nodes": [], "edges": [], "locutions": []}', "aif"),
        ("discussion.txt", "Discussion Title: T\n\n1. T\n1.1. Pro: p\n", "kialo"),
        ("discussion.txt", "1. T\n1.1. Con: c\n", "kialo"),
        ("upload", "[A]: a statement\n  + [B]: a reason\n", "argdown"),
        ("upload", "===\ntitle: t\n===\n\nA statement.\n", "argdown"),
        ("notes.txt", "1. a list\n2. of points\n", "yaml"),
    ],
)
def test_the_format_comes_from_the_extension_else_from_the_content(name, text, fmt):
    assert detect_format(name, text) == fmt


def test_an_unknown_format_name_is_refused():
    with pytest.raises(MapError) as info:
        load_text(MINI.read_text("utf-8"), "mini.yaml", fmt="xml")
    assert info.value.codes == ["unknown-format"]


def test_the_json_export_loads_back_with_positions_even_when_indented_with_tabs():
    m = load_map(MINI)
    text = json.dumps(json_format.to_data(m), indent="\t", ensure_ascii=False)
    assert load_text(text, "tabs.json") == m
    broken = text.replace('"number": 4', '"number": 7')
    with pytest.raises(MapError) as info:
        load_text(broken, "tabs.json")
    [p] = info.value.problems
    line = broken.split("\n")[p.line - 1]
    assert p.code == "postulate-number" and '"number": 7' in line
    assert line[p.column - 1] == "7"


def test_valid_json_that_yaml_cannot_read_still_loads():
    m = load_map(MINI)
    data = json_format.to_data(m)
    data["source"]["description"] = "a NEL \u0085 and a BOM \ufeff inside"
    text = json.dumps(data, ensure_ascii=False)  # raw characters YAML refuses
    assert load_text(text, "raw.json").source.description == data["source"]["description"]


def test_a_json_export_without_schema_loads_and_our_yaml_may_carry_it():
    m = load_map(MINI)
    body = json_format.to_data(m)
    del body["schema"]
    assert load_text(json.dumps(body), "noschema.json") == m
    assert load_text("schema: argmap/1\n" + MINI.read_text("utf-8"), "mini.yaml") == m


def test_a_byte_order_mark_is_ignored():
    assert load_bytes(b"\xef\xbb\xbf" + MINI.read_bytes(), "bom.yaml") == load_map(MINI)


def test_a_file_with_thousands_of_problems_keeps_the_first_thousand_and_counts_the_rest():
    from arguments.errors import MAX_PROBLEMS

    text = MINI.read_text("utf-8") + "  - {source: 1, target: 2, kind: 3}\n" * 1500
    with pytest.raises(MapError) as info:
        load_text(text, "many.yaml")
    exc = info.value
    assert len(exc.problems) == MAX_PROBLEMS and exc.omitted == 3 * 1500 - MAX_PROBLEMS
    first_added = MINI.read_text("utf-8").count("\n") + 1
    assert exc.problems[0].line == first_added  # the first broken relation, in file order
    assert "4,500 problems found (the first 1,000 shown" in exc.summary()
