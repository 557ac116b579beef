"""The position-keeping YAML reader: values, positions, and what it refuses."""

from __future__ import annotations

import pytest

from arguments.errors import MapError
from arguments.formats.decode import read_text
from arguments.formats.yaml.reader import MAX_DEPTH, MAX_EXPANDED, YList, YMap, parse, position

DOC = """\
source:
  title: A map
claims:
  - id: one
    topics: [war, peace]
  - id: two
"""


def problems(text: str) -> list:
    with pytest.raises(MapError) as info:
        parse(text, "t.yaml")
    return info.value.problems


def only(text: str):
    [p] = problems(text)
    return p.code, p.line, p.column


# ------------------------------------------------------------------ positions
def test_mappings_and_lists_come_back_as_plain_dicts_and_lists():
    data = parse(DOC, "t.yaml")
    assert data == {
        "source": {"title": "A map"},
        "claims": [{"id": "one", "topics": ["war", "peace"]}, {"id": "two"}],
    }
    assert isinstance(data, YMap) and isinstance(data["claims"], YList)


def test_keys_values_and_items_know_their_line_and_column():
    data = parse(DOC, "t.yaml")
    assert data["source"].keypos["title"] == (2, 3)
    assert data["source"].valpos["title"] == (2, 10)
    assert data["claims"].itempos == [(4, 5), (6, 5)]
    assert data["claims"][0]["topics"].itempos == [(5, 14), (5, 19)]


@pytest.mark.parametrize(
    "path,key,pos",
    [
        (("claims", 0, "topics", 1), False, (5, 19)),
        (("claims", 1, "id"), False, (6, 9)),
        (("claims", 1, "id"), True, (6, 5)),
        (("claims", 1, "text"), False, (6, 5)),  # missing field: its record
        (("claims", 7, "id"), False, (4, 3)),  # missing item: the list
        (("nowhere",), False, (1, 1)),
    ],
)
def test_position_follows_a_path_as_far_as_the_data_goes(path, key, pos):
    assert position(parse(DOC, "t.yaml"), path, key=key) == pos


def test_columns_count_characters_not_bytes():
    data = parse("- [ééé😀, x]\n", "t.yaml")
    assert data[0].itempos == [(1, 4), (1, 10)]


# ------------------------------------------------------------------ scalars
@pytest.mark.parametrize(
    "text,value",
    [
        ("1906", 1906),
        ("1917-04", "1917-04"),
        ("2017-03-04", "2017-03-04"),
        ("1.5", 1.5),
        ("yes", True),
        ("~", None),
        ("'1906'", "1906"),
        ('"yes"', "yes"),
        ("|\n  two\n  lines\n", "two\nlines\n"),
        ("!!str 12", "12"),
        ("0x1F", 31),
    ],
)
def test_plain_yaml_scalars_keep_their_yaml_meaning_and_dates_stay_text(text, value):
    assert parse(f"v: {text}", "t.yaml")["v"] == value


# ------------------------------------------------------------------ refused
def test_a_duplicate_key_is_reported_at_the_second_with_the_line_of_the_first():
    [p] = problems("a: 1\nb: 2\na: 3\n")
    assert (p.code, p.line, p.column) == ("duplicate-key", 3, 1)
    assert "first at line 1" in str(p)


def test_every_duplicate_key_is_reported_in_one_pass():
    assert [p.line for p in problems("a: 1\na: 2\nb: {c: 1, c: 2}\n")] == [2, 3]


def nested(levels: int) -> str:
    """A mapping (level 1) holding lists nested to ``levels`` levels in all."""
    return "v: " + "[" * (levels - 1) + "]" * (levels - 1) + "\n"


def test_nesting_up_to_the_limit_is_read():
    data = parse(nested(MAX_DEPTH), "t.yaml")
    depth, node = 2, data["v"]
    while node:
        depth, node = depth + 1, node[0]
    assert depth == MAX_DEPTH


def test_nesting_one_deeper_than_the_limit_is_refused():
    # the mapping is level 1; the (MAX_DEPTH)th bracket opens level MAX_DEPTH + 1
    assert only(nested(MAX_DEPTH + 1)) == ("too-deep", 1, 3 + MAX_DEPTH)


def test_aliases_expand_to_copies_of_their_anchor():
    data = parse("a: &x {k: [1, 2]}\nb: *x\nc: [*x, *x]\n", "t.yaml")
    assert data["b"] == data["c"][1] == {"k": [1, 2]}


def test_aliases_expanding_past_the_limit_are_refused_at_the_alias():
    n = MAX_EXPANDED // 1000 + 1
    text = "a: &big [" + ", ".join(["x"] * 999) + "]\nb:\n" + "  - *big\n" * n
    code, line, col = only(text)
    assert code == "alias-bomb" and 3 < line <= n + 2 and col == 5


def test_an_alias_before_its_anchor_is_a_syntax_error():
    assert only("a: *x\nb: &x 1\n") == ("yaml-syntax", 1, 4)


def test_a_recursive_alias_is_refused():
    assert only("a: &x [1, *x]\n")[0] == "yaml-syntax"


@pytest.mark.parametrize(
    "text,col",
    [
        ("v: !!python/object/apply:os.system [echo]\n", 4),
        ("v: !!python/name:os.system ''\n", 4),
        ("v: !!binary aGk=\n", 4),
        ("v: !!set {a, b}\n", 4),
        ("v: !local x\n", 4),
        ("base: &b {x: 1}\nv:\n  <<: *b\n", 3),
    ],
)
def test_tags_other_than_plain_yaml_are_refused_where_they_stand(text, col):
    code, line, column = only(text)
    assert (code, column) == ("yaml-syntax", col) and line == text.count("\n")


def test_a_merge_key_gets_a_message_that_names_it():
    assert "merge keys" in str(problems("b: &b {x: 1}\nv:\n  <<: *b\n")[0])


def test_a_second_document_is_refused():
    assert only("a: 1\n---\nb: 2\n") == ("yaml-syntax", 2, 1)


def test_a_control_character_is_pointed_at_by_character_column():
    code, line, col = only("a: 1\nb: 'ééé\x07'\n")
    assert (code, line, col) == ("yaml-syntax", 2, 8)


def test_a_tab_for_indentation_gets_a_hint():
    p = problems("a:\n\tb: 1\n")[0]
    assert (p.line, p.column) == (2, 1) and "YAML forbids tabs" in p.expected


# ------------------------------------------------------------------ bytes
def test_read_text_strips_a_utf8_byte_order_mark():
    assert read_text(b"\xef\xbb\xbfa: 1\n", "t.yaml") == "a: 1\n"


@pytest.mark.parametrize(
    "data,code,pos",
    [
        (b"", "empty-file", (1, 1)),
        (b" \n\t\n", "empty-file", (1, 1)),
        (b"a: 1\nb: \x00\x01", "binary-file", (2, 4)),
        (b"a: 1\nb: caf\xe9\n", "not-utf8", (2, 7)),
        ("a: 1\n".encode("utf-16"), "not-utf8", (1, 1)),
        (b"a: 1\n" * 10, "file-too-large", (1, 1)),
    ],
)
def test_read_text_refuses_what_is_not_a_utf8_text_file(data, code, pos):
    with pytest.raises(MapError) as info:
        read_text(data, "t.yaml", limit=40)
    [p] = info.value.problems
    assert (p.code, (p.line, p.column)) == (code, pos)


@pytest.mark.parametrize(
    "text, line, column",
    [
        ("a: 1\x85b: ]", 1, 9),  # NEL: no line break for an editor
        ("a: 1\u2028b: ]", 1, 9),  # LINE SEPARATOR
        ("a: 1\u2029b: 2\nc: ]", 2, 4),  # PARAGRAPH SEPARATOR, then a real line
        ("a: 1\rb: 2\rc: ]", 3, 4),  # old Mac line ends are lines
        ("a: 1\x85b: [", 2, 1),  # the end of the file: the line after the last,
        ("a: 1\nb: [", 3, 1),  # as everywhere
    ],
)
def test_positions_count_lines_as_an_editor_does(text, line, column):
    with pytest.raises(MapError) as exc:
        parse(text, "f.yaml")
    p = exc.value.problems[0]
    assert (p.line, p.column) == (line, column)
    assert p.got == ("the end of the file" if text.endswith("[") else "']'")


def test_positions_after_a_separator_point_at_the_value():
    data = parse("a: 1\x85b: [x,\x85 y]\nc: z", "f.yaml")
    assert data.valpos["c"] == (2, 4)
    assert data["b"].itempos == [(1, 10), (1, 14)]


def test_a_duplicate_key_after_a_separator_names_the_editor_line():
    with pytest.raises(MapError) as exc:
        parse("a: 1\u2028b: 2\na: 3", "f.yaml")
    p = exc.value.problems[0]
    assert (p.code, p.line, p.column) == ("duplicate-key", 2, 1)
    assert "first at line 1" in p.expected
