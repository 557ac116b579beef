"""Commands on a map's source text: ``quotes`` (where each quote stands) and
``coverage`` (how much of the text the map quotes).

Contract: both read the map (``--map``, default ``claims.yaml``) and the text
it names (``source.text``); a map without a text is a user error (exit 2)
that says how to add one.  ``--format json`` prints the shapes documented in
the README; ``table`` (the default) a plain table.  A quote whose words stand
in the text more than once, undecided by the claim's chapter, is reported on
stderr (exit 0: the quote is verbatim, only its place is in doubt).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..documents import Document
from .common import Subparsers, UserError, load_doc, with_map

if TYPE_CHECKING:  # the anchoring is imported by the commands that use it
    from ..analysis.anchors import Anchors


def _anchors(args: argparse.Namespace) -> tuple[Document, Anchors]:
    from ..analysis.anchors import anchor

    doc = load_doc(args.map)
    if doc.text is None:
        raise UserError(
            "the map names no source text: add `text: FILE` under `source:` in the map "
            "(a UTF-8 file, its path relative to the map) to anchor its quotes"
        )
    return doc, anchor(doc.map, doc.text)


def _report_ambiguous(found: Anchors) -> None:
    for a in found.ambiguous:
        who = f"quote {a.index + 1} of {a.claim}" if a.claim else f"the quote of {a.key}"
        print(
            f"warning: {who} stands {a.ambiguous} times in the text and its chapter does not "
            f"decide; anchored at the first (offset {a.start})",
            file=sys.stderr,
        )


def cmd_quotes(args: argparse.Namespace) -> int:
    _, found = _anchors(args)
    if args.format == "json":
        items = [json.dumps(a.as_json(), ensure_ascii=False) for a in found.items]
        print("[\n" + ",\n".join(items) + "\n]")
    else:
        rows = [("claim", "quote", "chapter", "para", "note", "spans")]
        for a in found.items:
            spans = " ".join(f"{s}-{e}" for s, e in a.spans) or "not found"
            rows.append(
                (
                    _short(a.claim or a.key.replace(">", " > "), 48),
                    str(a.index + 1),
                    a.chapter or "",
                    "" if a.paragraph is None else str(a.paragraph),
                    "" if a.note is None else str(a.note),
                    spans + (f"  (in note {a.in_note})" if a.in_note else ""),
                )
            )
        print(_table(rows))
    _report_ambiguous(found)
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    from ..analysis.anchors import coverage

    _, found = _anchors(args)
    cov = coverage(found)
    if args.format == "json":
        print(json.dumps(cov, ensure_ascii=False, indent=1))
        return 0
    rows = [("chapter", "title", "paragraphs", "quoted", "%", "characters", "quoted", "%")]
    for c in cov["chapters"]:
        rows.append(
            (
                c["chapter"],
                c["title"],
                str(c["paragraphs"]),
                str(c["quoted"]),
                f"{c['percent']:.1f}",
                str(c["characters"]),
                str(c["quoted_characters"]),
                f"{c['characters_percent']:.1f}",
            )
        )
    print(_table(rows, right=range(2, 8)))
    if cov["unquoted"]:
        print(f"\nParagraphs no claim quotes ({len(cov['unquoted'])}):")
        for u in cov["unquoted"]:
            print(f"  {u['chapter']} \u00b6{u['paragraph']}  {u['text']}")
    else:
        print("\nEvery paragraph is quoted by some claim.")
    return 0


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _table(rows: Sequence[tuple[str, ...]], right: range | tuple = ()) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for k, r in enumerate(rows):
        cells = [
            (c.rjust(w) if i in right else c.ljust(w)) for i, (c, w) in enumerate(zip(r, widths))
        ]
        lines.append("  ".join(cells).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def add_parsers(sub: Subparsers) -> None:
    q = with_map(
        sub.add_parser(
            "quotes",
            help="where each quote stands in the map's source text (character spans)",
            description="List every quote of the map with the character spans (code-point "
            "offsets into the source text) that hold its words, its chapter, paragraph "
            "and footnote.",
        )
    )
    q.add_argument("--format", "-f", choices=("table", "json"), default="table")
    q.set_defaults(func=cmd_quotes)
    c = with_map(
        sub.add_parser(
            "coverage",
            help="per chapter, how much of the source text the map quotes",
            description="Per chapter: paragraphs and characters quoted by some claim and "
            "their share; then the paragraphs no claim quotes.",
        )
    )
    c.add_argument("--format", "-f", choices=("table", "json"), default="table")
    c.set_defaults(func=cmd_coverage)
