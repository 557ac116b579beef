"""Reading YAML (and JSON) into plain Python data that remembers positions.

Contract: :func:`parse` turns YAML (or JSON, which libyaml reads too) into
dicts, lists and scalars, or raises :class:`~arguments.errors.MapError`.  Mappings come back as
:class:`YMap` and sequences as :class:`YList`; both are ordinary ``dict`` and
``list`` subclasses that also record the line and column (1-based) of every
key and value, so later stages can point at the exact spot of a problem.

Safety: only plain YAML tags are built (it is a safe loader, driven by
libyaml's event parser with no Python object construction); documents nesting
deeper than :data:`MAX_DEPTH` and aliases expanding past :data:`MAX_EXPANDED`
nodes are refused before anything else sees them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Any

import yaml
from yaml import events as ev

from ...errors import MapError, Problem, short

MAX_DEPTH = 64
MAX_EXPANDED = 1_000_000

# libyaml's C parser: ~10x faster; the wheel ships it (the pure-Python one is the fallback)
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_STR = "tag:yaml.org,2002:str"

Pos = tuple[int, int]


class YMap(dict):
    """A mapping that knows where it, its keys and its values stand."""

    __slots__ = ("keypos", "pos", "valpos")

    def __init__(self, pos: Pos = (1, 1)):
        super().__init__()
        self.pos = pos
        self.keypos: dict[Any, Pos] = {}
        self.valpos: dict[Any, Pos] = {}


class YList(list):
    """A sequence that knows where it and each of its items stand."""

    __slots__ = ("itempos", "pos")

    def __init__(self, pos: Pos = (1, 1)):
        super().__init__()
        self.pos = pos
        self.itempos: list[Pos] = []


_Y = "tag:yaml.org,2002:"
_TIMESTAMP = _Y + "timestamp"
#: explicit tags a map file may carry; everything else (!!python/..., !!binary,
#: !!set, local !tags, merge keys) is refused with its position
_SCALAR_TAGS = frozenset(
    {None, "!", _STR, _Y + "int", _Y + "float", _Y + "bool", _Y + "null", _TIMESTAMP}
)
_COLLECTION_TAGS = frozenset({None, "!", _Y + "map", _Y + "seq"})


class _TagRefused(ValueError):
    expected = "a plain value without a tag"


def _refuse_tag(tag: str) -> None:
    if tag == _Y + "merge":
        exc = _TagRefused("merge keys (<<: *anchor) are not supported in a map file")
        exc.expected = "the fields written out in full"
        raise exc
    raise _TagRefused(f"the tag {tag} is not allowed in a map file")


def _scalar(event: Any) -> Any:
    """The value of a tagged or quoted scalar (plain ones go through :func:`_plain`)."""
    if event.tag not in _SCALAR_TAGS:
        _refuse_tag(event.tag)
    if event.style or event.tag == _STR or event.tag == "!":  # quoted, literal, folded
        return event.value
    tag = event.tag or _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
    return _construct(tag, event)


def _plain(event: Any) -> Any:
    """The value of a plain, untagged scalar: YAML 1.1's implicit types, fast."""
    value = event.value
    for tag, regexp in _IMPLICIT.get(value[:1], ()):  # keyed by the first character
        if regexp.match(value):
            return _construct(tag, event)
    return value


def _construct(tag: str, event: Any) -> Any:
    if tag in (_STR, _TIMESTAMP):  # a date-like value stays the text written
        return event.value
    if tag not in _SCALAR_TAGS:  # an implicit merge key `<<`
        _refuse_tag(tag)
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
    return _CONSTRUCTOR.construct_object(node, deep=True)


_IMPLICIT = _RESOLVER.yaml_implicit_resolvers
_ScalarEvent, _AliasEvent = ev.ScalarEvent, ev.AliasEvent
_MapStart, _SeqStart = ev.MappingStartEvent, ev.SequenceStartEvent
_MapEnd, _SeqEnd = ev.MappingEndEvent, ev.SequenceEndEvent
_DocStart, _StreamEnd = ev.DocumentStartEvent, ev.StreamEndEvent


def parse(text: str, filename: str) -> Any:
    """Parse YAML or JSON text into YMap/YList/scalars, or raise MapError.

    Lines are counted as editors count them, at LF, CR LF and CR.  libyaml also
    breaks lines at NEL (U+0085) and the Unicode line and paragraph separators;
    in the rare file holding one, its positions are translated.
    """
    fix = _line_fixer(text)
    root = _parse(text, filename, fix or _same)
    if fix is not None:
        _fix_positions(root, fix, set())
    return root


def parse_at(text: str, filename: str, line: int, column: int) -> Any:
    """:func:`parse` of a piece of a larger file that starts at ``line``:``column`` (an
    Argdown document's front matter and ``{data}``): every position, of the data and of
    its problems, is the file's."""
    fix = _line_fixer(text) or _same

    def shift(pos: Pos) -> Pos:
        row, col = fix(pos)
        return (row + line - 1, col + column - 1 if row == 1 else col)

    root = _parse(text, filename, shift)
    _fix_positions(root, shift, set())
    return root


def _same(pos: Pos) -> Pos:
    return pos


_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_EDITOR_BREAK = re.compile("\r\n|[\r\n]")


def _line_fixer(text: str) -> Callable[[Pos], Pos] | None:
    """A map from libyaml's (line, column) to an editor's, where the two differ."""
    if not ("\x85" in text or "\u2028" in text or "\u2029" in text):
        return None
    yaml_starts = [0] + [m.end() for m in _YAML_BREAK.finditer(text)]
    starts = [0] + [m.end() for m in _EDITOR_BREAK.finditer(text)]

    def fix(pos: Pos) -> Pos:
        line, col = pos
        if line > len(yaml_starts):  # the end of the stream, as a line after the last
            return len(starts) + 1, 1
        offset = min(yaml_starts[line - 1] + col - 1, len(text))
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    return fix


def _fix_positions(node: Any, fix: Callable[[Pos], Pos], seen: set[int]) -> None:
    if not isinstance(node, (YMap, YList)) or id(node) in seen:  # aliases share nodes
        return
    seen.add(id(node))
    node.pos = fix(node.pos)
    if isinstance(node, YMap):
        node.keypos = {k: fix(v) for k, v in node.keypos.items()}
        node.valpos = {k: fix(v) for k, v in node.valpos.items()}
        children: Any = node.values()
    else:
        node.itempos = [fix(v) for v in node.itempos]
        children = node
    for child in children:
        _fix_positions(child, fix, seen)


# One piece on purpose (about 250 lines): this loop runs once per libyaml event, half a
# million of them for a 10,000-claim map, and every function call per event costs a tenth
# of its time (bench/load.py); the branches share the stack, the anchors and the counters.
def _parse(text: str, filename: str, fx: Callable[[Pos], Pos]) -> Any:
    """:func:`parse`, with ``fx`` turning libyaml's positions into an editor's."""
    problems: list[Problem] = []
    root: Any = None
    # each frame: [container, pending_key, key_pos, size, pos, anchor, is_mapping]
    stack: list[list] = []
    anchors: dict[str, tuple[Any, int]] = {}
    plain: dict[str, Any] = {}  # plain scalar text -> value (values repeat: ids, kinds, years)
    expanded = 0
    docs = 0
    last_scalar: Any = None  # the last ScalarEvent
    # libyaml's events pulled one by one (PyYAML's yaml.parse generator costs ~4x more)
    loader = _Loader(text)
    next_event = loader.get_event
    try:
        while True:
            event: Any = next_event()  # the attributes read depend on its class
            cls = type(event)
            if cls is _ScalarEvent:
                last_scalar = event
                mark = event.start_mark
                pos = (mark.line + 1, mark.column + 1)
                size = 1
                try:
                    if event.tag is None and not event.style:  # plain: the common case
                        value = plain.get(event.value, _NO_KEY)
                        if value is _NO_KEY:
                            value = plain[event.value] = _plain(event)
                    else:
                        value = _scalar(event)
                except (ValueError, TypeError, OverflowError, yaml.YAMLError) as exc:
                    problems.append(
                        Problem(
                            "yaml-syntax",
                            f"cannot read this value: {_reason(exc)}",
                            filename,
                            *fx(pos),
                            got=short(event.value),
                            expected=getattr(exc, "expected", "a value of the kind its tag names"),
                        )
                    )
                    value = None
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
            elif cls is _MapStart or cls is _SeqStart:
                mark = event.start_mark
                pos = (mark.line + 1, mark.column + 1)
                if len(stack) >= MAX_DEPTH:
                    raise MapError(
                        [
                            *problems,
                            Problem(
                                "too-deep",
                                "the document nests too deeply",
                                filename,
                                *fx(pos),
                                got=f"more than {MAX_DEPTH} levels",
                                expected=f"at most {MAX_DEPTH}",
                            ),
                        ]
                    )
                if event.tag not in _COLLECTION_TAGS:
                    problems.append(
                        Problem(
                            "yaml-syntax",
                            f"the tag {event.tag} is not allowed in a map file",
                            filename,
                            *fx(pos),
                            got=event.tag,
                            expected="a plain mapping or list",
                        )
                    )
                is_map = cls is _MapStart
                stack.append(
                    [
                        YMap(pos) if is_map else YList(pos),
                        _NO_KEY,
                        None,
                        1,
                        pos,
                        event.anchor,
                        is_map,
                    ]
                )
                continue
            elif cls is _MapEnd or cls is _SeqEnd:
                value, _, _, size, pos, anchor, _ = stack.pop()
                if anchor:
                    anchors[anchor] = (value, size)
            elif cls is _AliasEvent:
                mark = event.start_mark
                pos = (mark.line + 1, mark.column + 1)
                if event.anchor not in anchors:
                    raise MapError(
                        [
                            *problems,
                            Problem(
                                "yaml-syntax",
                                f"unknown alias *{event.anchor}",
                                filename,
                                *fx(pos),
                                got=f"*{event.anchor}",
                                expected="an anchor (&name) defined before it",
                            ),
                        ]
                    )
                value, size = anchors[event.anchor]
                expanded += size
                if expanded > MAX_EXPANDED:
                    raise MapError(
                        [
                            *problems,
                            Problem(
                                "alias-bomb",
                                "YAML aliases expand this document beyond the limit",
                                filename,
                                *fx(pos),
                                got=f"over {MAX_EXPANDED:,} nodes after expansion",
                                expected="a map without alias-expansion bombs",
                            ),
                        ]
                    )
            elif cls is _DocStart:
                docs += 1
                if docs > 1:
                    mark = event.start_mark
                    problems.append(
                        Problem(
                            "yaml-syntax",
                            "a map file holds one YAML document",
                            filename,
                            *fx((mark.line + 1, mark.column + 1)),
                            got="a second document",
                            expected="a single document",
                        )
                    )
                    break
                continue
            elif cls is _StreamEnd:
                break
            else:  # stream start, document end
                continue

            # attach the value to its parent
            if not stack:
                root = value
                continue
            frame = stack[-1]
            frame[3] += size
            parent = frame[0]
            if not frame[6]:  # a list
                parent.append(value)
                parent.itempos.append(pos)
            elif frame[1] is _NO_KEY:  # this value is a key
                if isinstance(value, (dict, list)):
                    problems.append(
                        Problem(
                            "wrong-type",
                            "a mapping key must be plain text",
                            filename,
                            *fx(pos),
                            got="a collection",
                            expected="a text key",
                        )
                    )
                    value = "<complex key at {}:{}>".format(*fx(pos))
                frame[1], frame[2] = value, pos
            else:
                key, kpos = frame[1], frame[2]
                frame[1] = _NO_KEY
                if key in parent:
                    problems.append(
                        Problem(
                            "duplicate-key",
                            f"the key {key!r} appears twice in this mapping; the first is kept",
                            filename,
                            *fx(kpos),
                            got=f"{key!r} again",
                            expected=f"one {key!r} (first at line {fx(parent.keypos[key])[0]})",
                        )
                    )
                else:
                    parent[key] = value
                    parent.keypos[key] = kpos
                    parent.valpos[key] = pos
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line, col = _char_pos(text, exc.position)
        problems.append(
            Problem(
                "yaml-syntax",
                f"cannot parse: {exc.reason}",
                filename,
                line,
                col,
                got=f"the character U+{exc.character:04X}"
                if isinstance(exc.character, int)
                else short(exc.character),
                expected="printable text",
            )
        )
        raise MapError(problems) from None
    except yaml.YAMLError as exc:
        what = getattr(exc, "problem", None) or str(exc)
        opened = getattr(exc, "context_mark", None)
        mark = getattr(exc, "problem_mark", None) or opened
        if "end of stream" in what and opened:
            mark = opened  # where the unclosed quote or bracket opened
        line, col = fx((mark.line + 1, mark.column + 1)) if mark else (1, 1)
        ctx = getattr(exc, "context", None)
        cmark = getattr(exc, "context_mark", None)
        if ctx and cmark and (cmark.line, cmark.column) != (mark.line, mark.column):
            ctx += " that starts at {}:{}".format(*fx((cmark.line + 1, cmark.column + 1)))
        msg = f"{what} ({ctx})" if ctx else what
        if (
            last_scalar is not None
            and last_scalar.style in ('"', "'")
            and last_scalar.end_mark.line > last_scalar.start_mark.line
        ):
            # a quote left open swallows the lines after it; the parser trips far below
            s, e = last_scalar.start_mark, last_scalar.end_mark
            (sl, sc), (el, _) = fx((s.line + 1, s.column + 1)), fx((e.line + 1, e.column + 1))
            msg += (
                f"; the quoted text that opens at {sl}:{sc} runs on to "
                f"line {el}: is a closing quote missing?"
            )
        problems.append(
            Problem(
                "yaml-syntax",
                f"cannot parse: {msg}",
                filename,
                line,
                col,
                got=_near(text, line, col),
                expected=_hint(what, _char_at(text, line, col)),
            )
        )
        raise MapError(problems) from None
    except (ValueError, TypeError, OverflowError) as exc:  # pragma: no cover - a safety net
        problems.append(
            Problem("yaml-syntax", f"cannot read the file: {_reason(exc)}", filename, 1, 1)
        )
        raise MapError(problems) from None
    finally:
        loader.dispose()
    if problems:
        raise MapError(problems)
    return root


def _reason(exc: BaseException) -> str:
    text = getattr(exc, "problem", None) or str(exc).split("\n")[0]
    return text.split("; use sys.set_int_max_str_digits()")[0]


def _char_pos(text: str, byte_offset: int) -> Pos:
    """Line and column of a byte offset into the UTF-8 form of ``text`` (libyaml's unit)."""
    head = text.encode("utf-8")[:byte_offset].decode("utf-8", "ignore")
    lines = _EDITOR_BREAK.split(head)
    return len(lines), len(lines[-1]) + 1


def _near(text: str, line: int, col: int) -> str | None:
    """The text at a position, to show after ``got``."""
    lines = _EDITOR_BREAK.split(text)
    if not 1 <= line <= len(lines):
        return "the end of the file"
    rest = lines[line - 1][col - 1 :]
    return short(rest, 40) if rest.strip() else "the end of the line"


_HINTS = (
    ("mapping values are not allowed", "quotes around a text that holds ': '"),
    ("expected key", "the keys of one mapping indented alike"),
    ("expected <block end>", "the items of one list or mapping indented alike"),
    ("end of stream", "a closing quote or bracket"),
    ("expected ',' or", "a comma or a closing bracket"),
    ("unknown escape", 'a valid escape (\\n, \\", \\\\) or single quotes'),
    ("expected ':'", "a colon after the key"),
    ("Unicode character escape", "a \\uXXXX escape that names a real character"),
)


def _hint(problem: str, char: str) -> str:
    if "cannot start any token" in problem:
        if char == "\t":
            return "spaces for indentation (YAML forbids tabs)"
        return f"quotes around a text that starts with {char!r}"
    for needle, hint in _HINTS:
        if needle in problem:
            return hint
    return "valid YAML"


def _char_at(text: str, line: int, col: int) -> str:
    lines = _EDITOR_BREAK.split(text)
    if 1 <= line <= len(lines) and col - 1 < len(lines[line - 1]):
        return lines[line - 1][col - 1]
    return ""


class _NoKey:
    __slots__ = ()

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "<no key>"


_NO_KEY = _NoKey()


def position(data: Any, path: tuple, *, key: bool = False) -> Pos:
    """Line and column of the value at ``path`` (or its key when ``key``).

    Walks as far down the path as the data goes; when the path leaves the data
    (a missing field), returns the position of the deepest container reached.
    """
    node, pos = data, getattr(data, "pos", (1, 1))
    for step in path:
        if isinstance(node, YMap) and step in node:
            pos = node.keypos[step] if key and step == path[-1] else node.valpos[step]
            node = node[step]
        elif isinstance(node, YList) and isinstance(step, int) and 0 <= step < len(node):
            pos = node.itempos[step]
            node = node[step]
        else:
            break
    return pos
