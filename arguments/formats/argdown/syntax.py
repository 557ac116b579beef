"""Read the whole Argdown language (https://argdown.org) into a :class:`Document`.

    parse(text, filename="<argdown>") -> Document

The language is the grammar in ``grammar.lark``, parsed with Lark's LALR
parser in three stages:

1. Lark's basic lexer splits the text with the grammar's terminals;
2. :class:`~.lexing.Cooker` (the post-lexer) does Argdown's stateful lexing:
   comments, INDENT/DEDENT for relation trees, emphasis marks, and cuts the
   document into blocks at empty lines;
3. each block is parsed on its own with the LALR parser, and
   :class:`~.model.Builder` turns the trees into the model the Argdown CLI
   builds (equivalence classes, "Untitled N" titles, relation types, PCS).

Bad input never raises anything but :class:`arguments.errors.MapError`, whose
problems have code ``argdown-syntax`` (or, inside YAML data, the YAML reader's
``duplicate-key``, ``too-deep``, ``alias-bomb``) and the 1-based line and column of
the offending spot.  A broken block does not stop the others from being read,
so one pass reports the problems of every block.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lark import Lark, Token
from lark.exceptions import LarkError, UnexpectedInput, UnexpectedToken
from lark.lexer import Lexer

from ...errors import MapError, Problem, short
from .data import Report
from .document import (
    Argument,
    Document,
    EquivalenceClass,
    Inference,
    PcsStatement,
    Relation,
    Section,
    Statement,
)
from .lexing import Cooker
from .model import Builder

__all__ = [
    "GRAMMAR",
    "Argument",
    "Document",
    "EquivalenceClass",
    "Inference",
    "PcsStatement",
    "Relation",
    "Section",
    "Statement",
    "parse",
]

GRAMMAR = (Path(__file__).resolve().parent / "grammar.lark").read_text(encoding="utf-8")


class _Replay(Lexer):
    """Hands the parser a block of tokens the post-lexer already made."""

    def __init__(self, lexer_conf: Any):
        pass

    def lex(self, lexer_state: Any, parser_state: Any = None) -> Iterator[Token]:
        return iter(lexer_state)  # Lark hands a custom lexer the parser's input: our tokens


_LEXER = Lark(GRAMMAR, parser="lalr", lexer="basic", start="block")
_PARSER = Lark(GRAMMAR, parser="lalr", lexer=_Replay, start="block")

#: how a terminal reads in a message
_NAMES = {
    "REL": "a relation (+, -, +>, ->, <+, <-, ><, _>, <_)",
    "INDENT": "more indentation",
    "DEDENT": "less indentation",
    "NEWLINE": "a line break",
    "INFERENCE": "an inference line",
    "STATEMENT_NUMBER": "a numbered statement '(1)'",
    "DATA": "{data}",
    "STMT_DEF": "a statement definition '[T]:'",
    "STMT_REF": "a statement reference '[T]'",
    "ARG_DEF": "an argument definition '<A>:'",
    "ARG_REF": "an argument reference '<A>'",
    "HEADING_START": "a heading",
    "FRONT_MATTER": "'==='",
    "$END": "the end of the block",
    "FREESTYLE": "text",
    "TAG": "a #tag",
    "ORDERED_ITEM": "a list item",
    "UNORDERED_ITEM": "a list item",
    "LINK": "a link",
    "UNUSED": "text",
    "ESCAPED": "text",
    "SPECIAL": "text",
    "EMPH": "emphasis",
    "STMT_MENTION": "a mention",
    "ARG_MENTION": "a mention",
}


def parse(text: str, filename: str = "<argdown>", fast: bool = False) -> Document:
    """The Document an Argdown text describes; MapError listing every problem if it is bad.

    ``fast``: ``{data}`` that is plain JSON is read without positions (for a first try at a
    file that is probably valid: a problem then sends it down the full path)."""
    problems: list[Problem] = []

    def report(
        message: str,
        line: int,
        column: int,
        got: str | None = None,
        expected: str | None = None,
        code: str = "argdown-syntax",
    ) -> None:
        problems.append(
            Problem(
                code=code,
                message=message,
                file=filename,
                line=line,
                column=column,
                got=got,
                expected=expected,
            )
        )

    if not isinstance(text, str):
        report("Argdown text must be a string", 1, 1, type(text).__name__, "text")
        raise MapError(problems)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    doc = Document(filename=filename)
    builder = Builder(doc, report, fast)
    try:
        blocks = Cooker(text, report).run(_LEXER.lex(text, dont_ignore=True))
    except LarkError as exc:  # not expected: the grammar has a catch-all terminal
        report(
            f"cannot read the text: {exc}",
            getattr(exc, "line", 1) or 1,
            getattr(exc, "column", 1) or 1,
            "this text",
            "Argdown",
        )
        raise MapError(problems) from None
    for index, block in enumerate(blocks):
        if block[0].type == "FRONT_MATTER" and index == 0:
            builder.front_matter(block[0])
            block = list(block[1:])
            while block and block[0].type == "NEWLINE":
                del block[0]
            if not block:
                continue
        tree = _parse_block(block, report)
        if tree is None:
            builder.prev_argument = None
            continue
        builder.block(tree)
    if not any(t.type not in ("FRONT_MATTER", "NEWLINE") for block in blocks for t in block):
        report(
            "the document holds no statement, argument, heading or list (the Argdown CLI "
            "rejects an empty document)",
            1,
            1,
            short(text[:40]),
            "some Argdown",
        )
    builder.finish()
    if problems:
        raise MapError(problems)
    return doc


def _parse_block(block: list[Token], report: Report) -> Any:
    try:
        return _PARSER.parse(block)
    except UnexpectedToken as exc:
        message, at = _explain(exc, block)
        expected = sorted({_NAMES.get(e, e) for e in exc.expected if not e.startswith("_")})
        report(
            message,
            at.line,
            at.column,
            short(at.value) if at.value else _NAMES.get(at.type, at.type),
            ", ".join(expected[:6]) or "Argdown",
        )
    except UnexpectedInput as exc:
        report(
            f"cannot parse this block: {exc}",
            getattr(exc, "line", 1) or 1,
            getattr(exc, "column", 1) or 1,
            "this block",
            "Argdown",
        )
    return None


def _explain(exc: UnexpectedToken, block: list[Token]) -> tuple[str, Token]:
    """What went wrong, in Argdown's terms, and the token to point at."""
    tok = exc.token
    index = next((i for i, t in enumerate(block) if t is tok), len(block))
    before = [t for t in block[:index] if t.type not in ("INDENT", "DEDENT")]
    prev = before[-1] if before else None
    if prev is not None and prev.type == "REL":
        return (
            (f"a relation with no target: write a statement or argument after '{prev.value}'"),
            prev,
        )
    if tok.type == "$END":
        last = block[-1]
        end = Token(
            "$END", "", last.end_pos, last.end_line or last.line, last.end_column or last.column
        )
        return "the block ends too early", end
    if tok.type == "REL":
        if index and block[index - 1].type == "DEDENT":
            return (
                (
                    "this relation's indentation matches no level above it: indent it like "
                    "its siblings"
                ),
                tok,
            )
        return (
            (
                "a relation at the top level with nothing to attach to: put it, indented, "
                "under the statement or argument it belongs to"
            ),
            tok,
        )
    if tok.type == "INFERENCE":
        return (
            (
                "an inference line with no premises above it: number the premises "
                "'(1)', '(2)' ... above the line"
            ),
            tok,
        )
    if tok.type == "FRONT_MATTER":
        return "a '===' block (front matter) is only allowed at the top of the file", tok
    if tok.type in ("STMT_REF", "ARG_REF"):
        return (
            (
                f"a reference {tok.value} can only start a statement, a relation or a list "
                "item (mention it with @ inside text)"
            ),
            tok,
        )
    if tok.type == "INDENT":
        nxt = block[index + 1] if index + 1 < len(block) else tok
        return "unexpected indentation", nxt
    if tok.type in ("STMT_DEF", "ARG_DEF") and prev is not None:
        return (
            f"{_NAMES[tok.type]} starts a block of its own: put an empty line before it, "
            "or end the line above (a text ends at an empty line)",
            tok,
        )
    if _NAMES.get(tok.type) == "text" and prev is not None:
        return (
            "text where a relation, a numbered statement or an empty line belongs: is an "
            "operator mistyped (+>, ->, ><, _>), or an empty line missing above?",
            tok,
        )
    return f"{_NAMES.get(tok.type, tok.type)} cannot stand here", tok
