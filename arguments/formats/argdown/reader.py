"""Reading Argdown into the raw data of a map (see the package docstring).

Contract: :func:`read` returns ``YMap``/``YList`` data that remember line and
column, for :func:`arguments.loader.build`; lines outside the subset raise
:class:`~arguments.errors.MapError` with the code ``argdown-syntax`` and the
exact line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ...errors import MapError, Problem
from ...kinds import CLAIM_KINDS, RELATIONS
from ...models import DATE_RE
from ..yaml.reader import YList, YMap, parse

_HEAD_HINT = re.compile(r"^\s*(===|#{1,6}\s|\[[^\]\n]+\]:|<[^>\n]+>)", re.M)


def looks_like(text: str) -> bool:
    """True when the text reads as Argdown rather than YAML (front matter, a heading,
    a statement or argument definition among its first lines)."""
    head = "\n".join(text.lstrip("\ufeff").splitlines()[:40])
    if head.lstrip().startswith("==="):
        return True
    return bool(
        re.search(r"^\s*\[[^\]\n]+\]:\s", head, re.M)
        or re.search(r"^(\s*)(\+>|->|><|_>)\s*[\[<]", head, re.M)
    )


#: op -> (kind, direction): "out" = this statement -> the one named on the line.  An
#: operator reads as the first relation kind of the vocabulary written with it; the
#: incoming forms are "<" and the operator's first character ("+" alone in a tree, too)
_OP_MEANING: dict[str, tuple[str, str]] = {}
for _rk in RELATIONS:
    if _rk.argdown and _rk.argdown not in _OP_MEANING:
        _OP_MEANING[_rk.argdown] = (_rk.name, "out")
        if not _rk.symmetric:
            _OP_MEANING["<" + _rk.argdown[0]] = (_rk.name, "in")
            if _rk.argdown[0] in "+-":
                _OP_MEANING[_rk.argdown[0]] = (_rk.name, "in")
#: relation kind -> the kind its Argdown operator reads back as (confirms -> supports)
BASE_KIND = {rk.name: _OP_MEANING[rk.argdown][0] for rk in RELATIONS if rk.argdown}
#: the operators, longest first (a line starting "+>" is not the short "+")
_OPS = tuple(sorted(_OP_MEANING, key=len, reverse=True))
_TAG = re.compile(r"#(\([^)\n]+\)|[A-Za-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+)")
_REF = re.compile(r"\[([^\]\n]+)\]")
_ARG = re.compile(r"<([^>\n]+)>")
_PCS = re.compile(r"^\s*\((\d+)\)\s+")
_INFERENCE = re.compile(r"^\s*--")
_COMMENT_LINE = re.compile(r"^\s*(//.*|<!--.*-->\s*)$")
_EXPECTED_LINE = (
    "a heading (# ...), a statement ([id]: text #actor #kind #date), its data "
    "({...}), a relation (+>, ->, ><, _>, +, -), an argument (<title>) or a "
    "premise-conclusion line ((1) [id], ----)"
)


@dataclass
class _Stmt:
    id: str
    pos: tuple[int, int]
    text: str = ""
    text_pos: tuple[int, int] | None = None
    tags: list[tuple[str, tuple[int, int]]] = field(default_factory=list)
    data: Any = None
    chapter: Any = None
    chapter_pos: tuple[int, int] | None = None
    defined: bool = False


@dataclass
class _Rel:
    source: str
    target: str  # a statement id, or an argument title when to_arg
    kind: str
    pos: tuple[int, int]
    to_arg: bool = False


@dataclass
class _Arg:
    title: str
    pos: tuple[int, int]
    #: inference steps: (premises, conclusion); each premise supports the conclusion
    steps: list[tuple[list[tuple[str, tuple[int, int]]], tuple[str, tuple[int, int]]]] = field(
        default_factory=list
    )
    data: Any = None


class _Reader:
    """One pass over the lines, then :meth:`build` assembles the map's raw data."""

    def __init__(self, text: str, filename: str):
        self.filename = filename
        self.lines = text.split("\n")
        self.problems: list[Problem] = []
        self.front: Any = None
        self.stmts: dict[str, _Stmt] = {}
        self.order: list[str] = []
        self.rels: list[_Rel] = []
        self.args: dict[str, _Arg] = {}
        self.chapter: Any = None
        self.chapter_pos: tuple[int, int] | None = None
        self.last_line = 0  # index of the last line a multi-line data block used

    def fail(
        self,
        line: int,
        col: int,
        message: str,
        got: str | None = None,
        expected: str | None = _EXPECTED_LINE,
    ) -> None:
        self.problems.append(
            Problem("argdown-syntax", message, self.filename, line, col, got=got, expected=expected)
        )

    # -------------------------------------------------- pieces of a line
    def take_data(self, i: int, start_col: int) -> Any:
        """The {...} block that starts on line index ``i`` at 1-based ``start_col``.

        It may run over several lines; braces inside quoted strings do not count.
        """
        depth, quote, esc = 0, "", False
        j, k = i, start_col - 1
        while j < len(self.lines):
            s = self.lines[j]
            while k < len(s):
                ch = s[k]
                if quote:
                    if esc:
                        esc = False
                    elif ch == "\\" and quote == '"':
                        esc = True
                    elif ch == quote:
                        quote = ""
                elif ch in "\"'":
                    quote = ch
                elif ch == "{":
                    depth += 1
                elif ch == "}":
                    depth -= 1
                    if depth == 0:
                        block = (
                            "\n".join([self.lines[i][start_col - 1 :], *self.lines[i + 1 : j + 1]])
                            if j > i
                            else s[start_col - 1 : k + 1]
                        )
                        if j > i:
                            block = block[: len(block) - (len(s) - k - 1)]
                        rest = s[k + 1 :].strip()
                        if rest and not _COMMENT_LINE.match(rest):
                            self.fail(
                                j + 1,
                                k + 2,
                                "nothing may follow a data block on its line",
                                got=_short(rest),
                                expected="the end of the line",
                            )
                        self.last_line = max(self.last_line, j)
                        return self.parse_data(block, i + 1, start_col)
                k += 1
            j, k = j + 1, 0
        own_line = self.lines[i][start_col - 1 :].rstrip()
        if own_line.endswith("}"):
            # closed on its line, but a quote inside runs wild: the parser says where
            self.last_line = max(self.last_line, i)
            return self.parse_data(own_line, i + 1, start_col)
        self.fail(
            i + 1,
            start_col,
            "this data block is never closed",
            got=_short(self.lines[i][start_col - 1 :]),
            expected="a closing }",
        )
        self.last_line = len(self.lines)
        return None

    def parse_data(self, block: str, line: int, col: int) -> Any:
        """YAML/JSON flow data, parsed where it stands so positions are the file's."""
        padded = "\n" * (line - 1) + " " * (col - 1) + block
        try:
            return parse(padded, self.filename)
        except MapError as exc:
            for p in exc.problems:
                self.fail(
                    p.line,
                    p.column,
                    f"this data block is not valid YAML/JSON: {p.message}",
                    got=_short(block),
                    expected="{key: value, ...}",
                )
            return None

    def split_text(
        self, body: str, line: int, col: int
    ) -> tuple[str, list[tuple[str, tuple[int, int]]], int | None]:
        """Text -> (unescaped text, tags with positions, column where data starts)."""
        out: list[str] = []
        tags = []
        k = 0
        while k < len(body):
            ch = body[k]
            if ch == "\\" and k + 1 < len(body):
                out.append(body[k + 1])
                k += 2
                continue
            if ch == "#" and (k == 0 or body[k - 1] in " \t"):
                mt = _TAG.match(body, k)
                if mt:
                    value = mt.group(1)
                    value = value[1:-1].strip() if value.startswith("(") else value
                    tags.append((value, (line, col + k)))
                    k = mt.end()
                    continue
            if ch == "{":
                return " ".join("".join(out).split()), tags, col + k
            if body.startswith("//", k) and (k == 0 or body[k - 1] in " \t"):
                break
            out.append(ch)
            k += 1
        return " ".join("".join(out).split()), tags, None

    def statement(self, s: str, i: int, col: int) -> tuple[str | None, tuple[int, int], bool]:
        """``[id]`` or ``[id]: text #tags {data}`` at column ``col`` of line index ``i``.

        Returns the id, the position and whether the line defines the statement."""
        line_no = i + 1
        mt = re.match(r"\[([^\]\n]*)\]", s)
        if not mt:
            self.fail(
                line_no,
                col,
                "expected a statement in square brackets",
                got=_short(s),
                expected="[id] or [id]: text",
            )
            return None, (line_no, col), False
        sid = mt.group(1).strip()
        pos = (line_no, col)
        if not sid:
            self.fail(
                line_no, col, "a statement's title (its id) is empty", got="[]", expected="[id]"
            )
            return None, pos, False
        st = self.stmts.get(sid)
        if st is None:
            st = self.stmts[sid] = _Stmt(sid, pos)
            self.order.append(sid)
        rest = s[mt.end() :]
        if rest.startswith(":"):
            if st.defined:
                self.fail(
                    line_no,
                    col,
                    f"the statement [{sid}] is defined twice",
                    got=f"[{sid}]: again",
                    expected=f"one definition (the first is at "
                    f"line {st.pos[0]}); elsewhere refer to it as [{sid}]",
                )
                return None, pos, False
            body = rest[1:]
            bcol = col + mt.end() + 1 + (len(body) - len(body.lstrip()))
            text, tags, dcol = self.split_text(body.strip(), line_no, bcol)
            st.defined, st.pos, st.text, st.text_pos, st.tags = (
                True,
                pos,
                text,
                (line_no, bcol),
                tags,
            )
            st.chapter, st.chapter_pos = self.chapter, self.chapter_pos
            if dcol is not None:
                st.data = self.take_data(i, dcol)
            return sid, pos, True
        tcol = col + mt.end() + (len(rest) - len(rest.lstrip()))
        text, tags, dcol = self.split_text(rest.strip(), line_no, tcol)
        if text or dcol is not None:
            self.fail(
                line_no,
                tcol,
                "text or data after a statement reference; to define the "
                "statement write [id]: text",
                got=_short(rest.strip()),
                expected=f"[{sid}]: text",
            )
        st.tags.extend(tags)
        return sid, pos, False

    # -------------------------------------------------- the pass over lines
    def read(self) -> None:
        n = len(self.lines)
        i = 0
        while i < n and not self.lines[i].strip():
            i += 1
        if i < n and self.lines[i].strip().startswith("==="):
            start = i
            i += 1
            while i < n and not self.lines[i].strip().startswith("==="):
                i += 1
            if i >= n:
                self.fail(
                    start + 1,
                    1,
                    "the front matter is never closed",
                    got="===",
                    expected="a closing === line",
                )
                return
            body = "\n".join(self.lines[start + 1 : i])
            if body.strip():
                try:
                    self.front = parse("\n" * (start + 1) + body, self.filename)
                except MapError as exc:
                    self.problems.extend(exc.problems)
            i += 1
        stack: list[tuple[int, Any]] = []  # (indent, statement id or ("arg", title))
        current: _Stmt | None = None  # what a data line or continuation belongs to
        blank_before = True
        arg: _Arg | None = None  # an argument whose premises may follow
        step: list[tuple[str, tuple[int, int]]] = []
        after_inference = False
        while i < n:
            raw = self.lines[i]
            line_no = i + 1
            stripped = raw.strip()
            indent = len(raw) - len(raw.lstrip(" \t"))
            col = indent + 1
            self.last_line = i
            if not stripped:
                blank_before = True
                i += 1
                continue
            if _COMMENT_LINE.match(raw):
                i += 1
                continue
            if "\t" in raw[:indent]:
                self.fail(
                    line_no, 1, "indent with spaces, not tabs", got="a tab", expected="spaces"
                )
            m_pcs = _PCS.match(raw)
            if m_pcs or (_INFERENCE.match(raw) and arg is not None):
                # ---- premise-conclusion structure of an argument
                if arg is None:
                    self.fail(
                        line_no,
                        col,
                        "a numbered premise needs an argument title (<title>) on a line above it",
                        got=_short(stripped),
                        expected="<title>, then (1) [premise], ----, (2) [conclusion]",
                    )
                elif m_pcs:
                    sid, spos, _ = self.statement(raw[m_pcs.end() :], i, m_pcs.end() + 1)
                    if sid is not None:
                        if after_inference:
                            arg.steps.append((step, (sid, spos)))
                            step, after_inference = [(sid, spos)], False
                        else:
                            step.append((sid, spos))
                else:
                    if after_inference:
                        self.fail(
                            line_no,
                            col,
                            "two inference lines in a row",
                            got=_short(stripped),
                            expected="(n) [conclusion]",
                        )
                    after_inference = True
                current, stack, blank_before = None, [], False
            elif after_inference:
                self.fail(
                    line_no,
                    col,
                    "an inference line (----) must be followed by the conclusion",
                    got=_short(stripped),
                    expected="(n) [conclusion]",
                )
                after_inference, arg = False, None
                continue
            elif indent == 0 and re.match(r"#{1,6}\s", stripped):
                # ---- a heading: a chapter
                body = stripped.lstrip("#").strip()
                hcol = (
                    len(raw)
                    - len(raw.lstrip("#"))
                    + 1
                    + (len(raw.lstrip("#")) - len(raw.lstrip("#").lstrip()))
                )
                title, _, dcol = self.split_text(body, line_no, hcol)
                data = self.take_data(i, dcol) if dcol is not None else None
                if isinstance(data, YMap) and "chapter" in data:
                    self.chapter, self.chapter_pos = data["chapter"], data.valpos["chapter"]
                else:
                    self.chapter, self.chapter_pos = self.chapter_from_title(title), (line_no, hcol)
                stack, current, arg, blank_before = [], None, None, False
            elif stripped.startswith("{"):
                # ---- a data block on its own line
                data = self.take_data(i, col)
                if current is None:
                    self.fail(
                        line_no,
                        col,
                        "this data block belongs to no statement",
                        got=_short(stripped),
                        expected="data right below a statement definition [id]: text",
                    )
                elif current.data is not None:
                    self.fail(
                        line_no,
                        col,
                        "a statement has one data block",
                        got="a second one",
                        expected="one {...} per statement",
                    )
                else:
                    current.data = data
                blank_before = False
            elif op := next((o for o in _OPS if stripped.startswith(o + " ")), None):
                # ---- a relation
                while stack and stack[-1][0] >= indent:
                    stack.pop()
                if indent == 0 or not stack:
                    self.fail(
                        line_no,
                        col,
                        "a relation stands indented under the statement it belongs to",
                        got=_short(stripped),
                        expected="  +> [id] on a line below a statement [id]: text",
                    )
                else:
                    owner = stack[-1][1]
                    rest = raw[indent + len(op) :]
                    rcol = indent + len(op) + 1 + (len(rest) - len(rest.lstrip()))
                    rest = rest.strip()
                    kind, direction = _OP_MEANING[op]
                    current = None
                    if rest.startswith("<"):
                        mt = _ARG.match(rest)
                        target: Any = ("arg", mt.group(1).strip()) if mt else None
                        if target is None:
                            self.fail(
                                line_no,
                                rcol,
                                "an argument is written <title>",
                                got=_short(rest),
                                expected="<title>",
                            )
                        else:
                            self.args.setdefault(target[1], _Arg(target[1], (line_no, rcol)))
                    else:
                        sid, _, defined = self.statement(rest, i, rcol)
                        target = sid
                        if sid is not None and defined:
                            current = self.stmts[sid]
                    if target is not None:
                        src, dst = (owner, target) if direction == "out" else (target, owner)
                        self.add_relation(src, dst, kind, (line_no, col), op)
                        stack.append((indent, target))
                blank_before = False
            elif indent == 0 and stripped.startswith("<"):
                # ---- an argument: title, maybe text and data, then its premises
                mt = _ARG.match(stripped)
                if not mt:
                    self.fail(
                        line_no,
                        col,
                        "an argument title is written <title>",
                        got=_short(stripped),
                        expected="<title> or <title>: text",
                    )
                else:
                    title = mt.group(1).strip()
                    arg = self.args.setdefault(title, _Arg(title, (line_no, col)))
                    after = stripped[mt.end() :]
                    acol = col + mt.end()
                    if after.startswith(":"):
                        after, acol = after[1:], acol + 1
                    _, _, dcol = self.split_text(after, line_no, acol)
                    if dcol is not None:
                        arg.data = self.take_data(i, dcol)
                    step, after_inference = [], False
                    stack = [(0, ("arg", title))]
                current, blank_before = None, False
            elif indent == 0 and stripped.startswith("["):
                # ---- a statement at the top: a definition or a reference
                sid, _, defined = self.statement(stripped, i, col)
                current = self.stmts[sid] if sid is not None and defined else None
                stack = [(0, sid)] if sid is not None else []
                arg, blank_before = None, False
            elif current is not None and not blank_before and current.data is None:
                # ---- text continued from the statement above
                more, tags, dcol = self.split_text(stripped, line_no, col)
                current.text = f"{current.text} {more}".strip()
                current.tags.extend(tags)
                if dcol is not None:
                    current.data = self.take_data(i, dcol)
            else:
                self.fail(
                    line_no,
                    col,
                    "a statement needs an id: write it as [id]: text"
                    if indent == 0 and stripped[0] not in "+-<>_(*"
                    else "this line is not in the Argdown subset argmap reads",
                    got=_short(stripped),
                )
                blank_before = False
            i = max(i, self.last_line) + 1
        if after_inference:
            self.fail(
                n,
                1,
                "the file ends after an inference line",
                got="the end",
                expected="(n) [conclusion]",
            )

    def chapter_from_title(self, title: str) -> Any:
        chapters = _get(_get(_get(self.front, "argmap"), "source"), "chapters")
        for ch in chapters if isinstance(chapters, list) else []:
            cid, ctitle = _get(ch, "id"), _get(ch, "title")
            if title in (f"{cid}: {ctitle}", str(cid), str(ctitle)):
                return cid
        return title.split(":", 1)[0].strip() or None

    def add_relation(self, src: Any, dst: Any, kind: str, pos: tuple[int, int], op: str) -> None:
        if isinstance(src, tuple):
            self.fail(
                *pos,
                "argmap reads relations from statements, not from arguments",
                got=f"<{src[1]}> {op}",
                expected="a relation under a statement",
            )
        elif isinstance(dst, tuple) and kind != "undercuts":
            self.fail(
                *pos,
                "against an argument argmap reads only an undercut (_>)",
                got=f"{op} <{dst[1]}>",
                expected=f"_> <{dst[1]}>",
            )
        elif not isinstance(dst, tuple) and kind == "undercuts":
            self.fail(
                *pos,
                "an undercut attacks an argument (one claim's support of another), not a statement",
                got=f"{op} [{dst}]",
                expected="_> <reason supports target>",
            )
        else:
            self.rels.append(
                _Rel(
                    src,
                    dst[1] if isinstance(dst, tuple) else dst,
                    kind,
                    pos,
                    to_arg=isinstance(dst, tuple),
                )
            )

    # -------------------------------------------------- the map's raw data
    def build(self) -> YMap:
        meta = _get(self.front, "argmap")
        if not isinstance(meta, YMap):
            self.fail(
                1,
                1,
                "the front matter does not describe the map",
                got="no argmap: entry" if self.front is not None else "no front matter",
                expected="front matter (=== ... ===) with argmap: {source, actors, "
                "topics}, as argmap's Argdown export writes it",
            )
            raise MapError(self.problems)
        out = YMap(meta.pos)
        for key in ("source", "actors", "topics"):
            if key in meta:
                _put_from(out, key, meta, key)
        listed = meta.get("actors")
        actors: list[Any] = listed if isinstance(listed, list) else []
        actor_ids = {_get(a, "id") for a in actors}
        actor_names = {str(_get(a, "name")).lower(): _get(a, "id") for a in actors}

        claims, relations = YList((1, 1)), YList((1, 1))
        refine: dict[tuple[str, str, str], Any] = {}  # (source, target, base kind) -> data
        data_only: list[tuple[str, Any, tuple[int, int]]] = []
        for sid in self.order:
            st = self.stmts[sid]
            if not st.defined:
                continue
            data = st.data if isinstance(st.data, YMap) else YMap(st.pos)
            if st.data is not None and not isinstance(st.data, YMap):
                line, col = getattr(st.data, "pos", st.pos)
                self.fail(
                    line,
                    col,
                    "a statement's data is a mapping",
                    got=_short(st.data),
                    expected="{key: value, ...}",
                )
            c = YMap(st.pos)
            _put(c, "id", sid, (st.pos[0], st.pos[1] + 1))
            found: dict[str, tuple[str, tuple[int, int]]] = {}
            unknown = []
            for value, tpos in st.tags:
                if value in CLAIM_KINDS:
                    slot = "kind"
                elif DATE_RE.match(value) or re.fullmatch(r"\d{1,4}(-\d{1,2})?", value):
                    slot = "date"  # a date, or meant as one: the model says what is wrong
                elif value in actor_ids:
                    slot = "actor"
                elif value.lower() in actor_names:
                    slot, value = "actor", actor_names[value.lower()]
                else:
                    unknown.append((value, tpos))
                    continue
                if slot in found and found[slot][0] != value:
                    self.fail(
                        *tpos,
                        f"two {slot} tags on one statement",
                        got=f"#{value}",
                        expected=f"one {slot} (already #{found[slot][0]})",
                    )
                found.setdefault(slot, (value, tpos))
            if "actor" not in found and "actor" not in data and unknown:
                found["actor"] = unknown[0]  # a mistyped actor: the cross-check names it
            for slot in ("kind", "actor", "date"):
                if slot in found:
                    _put(c, slot, found[slot][0], found[slot][1])
                elif slot in data:
                    _put_from(c, slot, data, slot)
            full = data.get("text")
            if isinstance(full, str) and " ".join(full.split()) == st.text:
                _put_from(c, "text", data, "text")
            else:
                _put(c, "text", st.text, st.text_pos or st.pos)
            if "chapter" not in data and st.chapter is not None:
                _put(c, "chapter", st.chapter, st.chapter_pos or st.pos)
            for key in data:
                if key not in c and key != "relations":  # topics, quotes, number, unknown
                    _put_from(c, key, data, key)
            claims.append(c)
            claims.itempos.append(st.pos)
            rels = data.get("relations")
            if rels is None:
                continue
            if not isinstance(rels, YList):
                self.fail(
                    *data.valpos["relations"],
                    "a statement's relations data is a list",
                    got=_short(rels),
                    expected="[{target: id, kind: ...}, ...]",
                )
                continue
            for rec, rpos in zip(rels, rels.itempos):
                if not isinstance(rec, YMap):
                    self.fail(
                        *rpos,
                        "a relation in the data is a mapping",
                        got=_short(rec),
                        expected="{target: id, kind: ...}",
                    )
                elif rec.get("kind") in BASE_KIND and rec.get("link") != "data":
                    target = (
                        f"{rec.get('reason')} supports {rec.get('target')}"
                        if rec.get("kind") == "undercuts"
                        else str(rec.get("target"))
                    )
                    refine[(sid, target, BASE_KIND[rec["kind"]])] = rec
                else:  # agrees, adopts, revises, elaborates (or a wrong kind: the model says)
                    data_only.append((sid, rec, rpos))

        def relation(
            src: str,
            dst: str,
            kind: str,
            pos: tuple[int, int],
            rec: Any = None,
            reason: str | None = None,
        ) -> None:
            r = YMap(pos)
            _put(r, "source", src, pos)
            _put(r, "target", dst, pos)
            _put(r, "kind", kind, pos)
            if reason is not None:
                _put(r, "reason", reason, pos)
            for k in rec if isinstance(rec, YMap) else ():
                if k not in ("source", "target", "kind", "reason"):
                    _put_from(r, k, rec, k)
            relations.append(r)
            relations.itempos.append(pos)

        for rel in self.rels:
            rec = refine.get((rel.source, rel.target, rel.kind))
            if not rel.to_arg:
                kind = rec["kind"] if rec is not None else rel.kind
                relation(rel.source, rel.target, kind, rel.pos, rec)
                continue
            arg = self.args.get(rel.target)
            if arg is None or not arg.steps:
                self.fail(
                    *rel.pos,
                    f"the undercut argument <{rel.target}> has no premise-conclusion structure",
                    got=f"<{rel.target}>",
                    expected=f"<{rel.target}>, then (1) [reason], ----, (2) [target]",
                )
                continue
            premises, (conclusion, _) = arg.steps[-1]
            for premise, _ in premises:
                relation(rel.source, conclusion, "undercuts", rel.pos, rec, reason=premise)
        for arg in self.args.values():
            for premises, (conclusion, _) in arg.steps:
                for premise, ppos in premises:
                    relation(premise, conclusion, "supports", ppos, arg.data)
        for src, rec, rpos in data_only:
            r = YMap(rpos)
            _put(r, "source", src, rpos)
            for k in rec:
                if k != "link":  # the writer's mark of a relation kept in the data only
                    _put_from(r, k, rec, k)
            relations.append(r)
            relations.itempos.append(rpos)
        _put(out, "claims", claims, (1, 1))
        _put(out, "relations", relations, (1, 1))
        return out


def _put(target: YMap, key: str, value: Any, pos: tuple[int, int]) -> None:
    target[key] = value
    target.keypos[key] = pos
    target.valpos[key] = pos


def _put_from(target: YMap, key: str, source: YMap, skey: str) -> None:
    target[key] = source[skey]
    target.keypos[key] = source.keypos.get(skey, source.pos)
    target.valpos[key] = source.valpos.get(skey, source.pos)


def _get(obj: Any, key: str) -> Any:
    return obj.get(key) if isinstance(obj, dict) else None


def _short(value: Any, n: int = 60) -> str:
    text = value if isinstance(value, str) else repr(value)
    return repr(text if len(text) <= n else text[: n - 3] + "...")


def read(text: str, filename: str = "<argdown>") -> YMap:
    """The raw data of a map from Argdown text, or MapError (argdown-syntax) at line:col."""
    reader = _Reader(text, filename)
    reader.read()
    if reader.problems:
        raise MapError(reader.problems)
    data = reader.build()
    if reader.problems:
        raise MapError(reader.problems)
    return data
