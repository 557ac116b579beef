"""Stage one of the Argdown reader: text -> blocks of tokens for the grammar.

Lark's basic lexer splits the text with the terminals of grammar.lark (their
priorities copy the token order of Argdown's own lexer).  :class:`Cooker` then
does what Argdown's lexer does with state, which regular expressions cannot:

* comments and spaces are dropped; a comment right after an empty line eats the
  line breaks after it, a comment right after a line break eats one more line
  break unless an empty line follows (so a comment line never splits a block);
* the indentation of a relation or list item becomes INDENT/DEDENT tokens
  (one per level entered or left; spaces and tabs count one each, a list item
  counts one more), an empty line, a statement number `(1)` or an inference
  line closes every open level;
* runs of `*` and `_` become emphasis marks (EMPH) or plain characters
  (UNUSED), with Argdown's rules for opening and closing marks;
* the stream is cut into blocks at empty lines: each block is parsed alone.

It also finds the problems no grammar rule would see: an unclosed comment, a
`[` or `<` that is never closed on its line, a stray `===` line, a character
no terminal matches.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from lark import Token

#: closing marks first, then opening marks: Argdown tries them in this order
_AFTER_CLOSE = r"(?:[ \t]|(?=\n|\)|\}|_|\.|,|!|\?|;|:|-|\*|\Z))"
_EMPHASIS = (
    ("**", True, re.compile(r"\*\*" + _AFTER_CLOSE)),
    ("__", True, re.compile(r"__" + _AFTER_CLOSE)),
    ("*", True, re.compile(r"\*" + _AFTER_CLOSE)),
    ("_", True, re.compile(r"_" + _AFTER_CLOSE)),
    ("**", False, re.compile(r"\*\*(?!\s)")),
    ("__", False, re.compile(r"__(?!\s)")),
    ("*", False, re.compile(r"\*(?!\s)")),
    ("_", False, re.compile(r"_(?!\s)")),
)
_STRAY_FENCE = re.compile(r"={3,}[ \t]*$")
_CLOSER = {"[": "]", "<": ">"}
_INDENTED = ("REL", "ORDERED_ITEM", "UNORDERED_ITEM")
#: after these (or at the start of a block) a `[` or `<` opens a title, so it must close
_TITLE_SLOT = (None, "EMPTYLINE", "INDENT", "DEDENT", *_INDENTED, "STATEMENT_NUMBER")


def _at(tok: Any, type_: str, value: str, start: int = 0) -> Token:
    """A token of another type at ``tok``'s place (``start`` characters further)."""
    return Token(
        type_,
        value,
        tok.start_pos + start,
        tok.line,
        tok.column + start,
        tok.end_line,
        tok.end_column,
        tok.end_pos,
    )


class Cooker:
    """Turns Lark's raw tokens into blocks of grammar tokens (see the module doc)."""

    def __init__(self, text: str, report: Callable[..., None]):
        self.text = text
        self.report = report  # report(message, line, column, got, expected)
        self.blocks: list[list[Token]] = []
        self.block: list[Token] = []
        self.stack = [0]  # open indentation levels
        self.emphasis: list[str] = []  # open emphasis marks
        self.last_type: str | None = None  # type of the last token kept
        self.last_end = -1  # where it ends
        self.skip_end = -1  # where the last dropped space or comment ends
        self.eat: str | None = None  # line breaks a comment eats: None, "one", "all"

    # ------------------------------------------------------------ driving
    def run(self, raw: Iterable[Any]) -> list[list[Token]]:
        for tok in raw:
            if self._skipped(tok):
                continue
            if tok.type == "UNCLOSED_COMMENT":
                self.report(
                    "unclosed comment: it runs to the end of the file",
                    tok.line,
                    tok.column,
                    tok.value,
                    "'-->' or '*/'",
                )
                break
            self._token(tok)
        self._dedent_all(None)
        self._end_block()
        return self.blocks

    def _skipped(self, tok: Any) -> bool:
        type_ = tok.type
        if type_ == "SPACES":
            self.skip_end = max(self.skip_end, tok.end_pos)
            return True
        if type_ == "COMMENT":
            self.skip_end = tok.end_pos
            self.eat = {"EMPTYLINE": "all", "NEWLINE": "one"}.get(self.last_type or "")
            return True
        if self.eat and (type_ == "NEWLINE" or (self.eat == "all" and type_ == "EMPTYLINE")):
            self.eat = "all" if self.eat == "all" else None
            self.skip_end = tok.end_pos
            return True
        self.eat = None
        return False

    def _token(self, tok: Any) -> None:
        type_ = tok.type
        if type_ == "EMPTYLINE":
            self._dedent_all(tok)
            self._end_block()
            self.last_type = "EMPTYLINE"
            return
        if type_ == "EMPH_RUN":
            self._emphasis_run(tok)
            return
        if type_ == "BAD":
            self.report(
                "a character Argdown cannot read here",
                tok.line,
                tok.column,
                repr(tok.value),
                "text, or the character escaped with a backslash",
            )
            return
        if type_ in _INDENTED or type_ in ("HEADING_START", "STATEMENT_NUMBER", "INFERENCE"):
            tok = self._line_start(tok)
        elif type_ == "FREESTYLE" and _STRAY_FENCE.match(tok.value) and self._starts_line(tok):
            self.report(
                "stray '===': front matter is one block between two '===' lines at "
                "the top of the file",
                tok.line,
                tok.column,
                tok.value.strip(),
                "=== only around the front matter, at the top of the file",
            )
        elif type_ == "UNUSED" and tok.value in _CLOSER and self.last_type in _TITLE_SLOT:
            self._check_closed(tok)
        self._emit(tok)

    # ------------------------------------------------------------ pieces
    def _emit(self, tok: Any) -> None:
        self.block.append(tok)
        self.last_type = tok.type
        self.last_end = tok.end_pos

    def _end_block(self) -> None:
        block = self.block
        while block and block[0].type == "NEWLINE":
            del block[0]
        if block:
            self.blocks.append(block)
        self.block = []
        self.emphasis = []

    def _starts_line(self, tok: Any) -> bool:
        start = self.text.rfind("\n", 0, tok.start_pos) + 1
        return not self.text[start : tok.start_pos].strip()

    def _line_start(self, tok: Any) -> Token:
        """Strip the indentation off a line-start token, opening or closing levels."""
        value = tok.value
        body = value.lstrip(" \t")
        width = len(value) - len(body)
        if tok.type in _INDENTED:
            self._indent(width + (tok.type != "REL"), tok, width)
        elif tok.type != "HEADING_START":
            self._dedent_all(tok)
        return _at(tok, tok.type, body.rstrip() if tok.type == "HEADING_START" else body, width)

    def _indent(self, level: int, tok: Any, width: int) -> None:
        if level > self.stack[-1]:
            self.stack.append(level)
            self.block.append(_at(tok, "INDENT", "", width))
            return
        while len(self.stack) > 1 and level < self.stack[-1]:
            self.stack.pop()
            self.block.append(_at(tok, "DEDENT", "", width))

    def _dedent_all(self, tok: Any) -> None:
        where = tok or (self.block[-1] if self.block else None)
        while len(self.stack) > 1:
            self.stack.pop()
            if where is not None:
                self.block.append(_at(where, "DEDENT", ""))

    def _check_closed(self, tok: Any) -> None:
        nxt = self.text[tok.end_pos : tok.end_pos + 1]
        if not nxt or nxt.isspace():
            return
        end = self.text.find("\n", tok.end_pos)
        rest = self.text[tok.end_pos : end if end >= 0 else len(self.text)]
        if _CLOSER[tok.value] not in rest:
            kind = "a statement title" if tok.value == "[" else "an argument title"
            self.report(
                f"unbalanced '{tok.value}': {kind} that is never closed",
                tok.line,
                tok.column,
                tok.value + rest[:20],
                repr(_CLOSER[tok.value]),
            )

    def _emphasis_run(self, tok: Any) -> None:
        """Split a run of '*' or '_' into opening/closing marks and plain characters."""
        text, pos, end = self.text, tok.start_pos, tok.end_pos
        while pos < end:
            piece = self._emphasis_at(pos)
            if piece is None:
                value = text[pos]
                out = _at(tok, "UNUSED", value, pos - tok.start_pos)
                step = 1
            else:
                mark, value = piece
                out = _at(tok, "EMPH", value, pos - tok.start_pos)
                step = len(mark)
            out.end_pos = pos + len(value)
            self._emit(out)
            pos += step

    def _emphasis_at(self, pos: int) -> tuple[str, str] | None:
        closable = self.last_end >= 0 and not self.skip_end > self.last_end
        for mark, closing, pattern in _EMPHASIS:
            if closing and (not closable or not self.emphasis or self.emphasis[-1] != mark):
                continue
            found = pattern.match(self.text, pos)
            if found:
                if closing:
                    self.emphasis.pop()
                else:
                    self.emphasis.append(mark)
                return mark, found.group(0)
        return None
