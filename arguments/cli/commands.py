"""The commands other than export: validate, stats, show, search, import, compare, schema."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from ..crossref import did_you_mean
from ..formats import READERS
from ..formats import json as json_format
from ..formats import yaml as yaml_format
from ..loader import load_map
from ..models import Map
from .common import Subparsers, UserError, default_map, load, load_doc, with_map, write

if TYPE_CHECKING:
    from ..analysis.search import Hit

# the analyses are imported by the commands that use them: an export needs none of them


def cmd_validate(args: argparse.Namespace) -> int:
    from ..analysis.quotes import check_quotes

    name = args.file or args.map or str(default_map())
    if args.source:  # the quotes against this text, not the one the map names
        m = load_map(name, args.input_format)
    else:
        m = load(name, args.input_format)
    checked = args.source or m.source.text
    if args.source:
        try:
            text = Path(args.source).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(
                f"{args.source}:1:1 [source-unreadable] cannot read the source text: {exc}"
            ) from None
        failures = check_quotes(m, text)
        for f in failures:
            print(f"{name}: [quote-not-in-source] {f}", file=sys.stderr)
        if failures:
            print(f"{len(failures)} quote(s) not verbatim in {args.source}", file=sys.stderr)
            return 2
    print(
        f"{name}: ok - {len(m.claims)} claims, {len(m.relations)} relations, "
        f"{m.quote_count} quotes, {len(m.actors)} actors, {len(m.topics)} topics"
        + (f"; every quote verbatim in {checked}" if checked else "")
    )
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from ..analysis.stats import stats

    m = load(args.map)
    data = stats(m)
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print(
        f"{m.source.title}: {data['claims']} claims, {data['relations']} relations, "
        f"{data['quotes']} quotes"
    )
    for section in ("by_kind", "by_actor", "by_topic", "by_chapter", "relations_by_kind"):
        print(f"\n{section.replace('_', ' ')}:")
        for key, n in data[section].items():
            print(f"  {key:<32} {n:>4}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from ..analysis.claims import describe_claim
    from ..analysis.trees import outline, support_tree

    m = load(args.map)
    if args.id not in m.claim_index:
        guess = did_you_mean(args.id, m.claim_index)
        raise UserError(
            f"no claim has the id {args.id!r}" + (f"; did you mean {guess!r}?" if guess else "")
        )
    print(describe_claim(m, args.id))
    if args.tree:
        print("\n  what bears on it (supports, attacks, undercuts, confirms, disconfirms):")
        print(
            "\n".join("    " + line for line in outline(m, support_tree(m, args.id)).splitlines())
        )
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from ..analysis.search import search

    if not args.query.strip():
        raise UserError("the query is empty: give words, a claim id or a postulate ('postulate 4')")
    if args.limit < 1:
        raise UserError(f"--limit must be at least 1 (got {args.limit})")
    if args.text:
        return _search_text(args)
    m = load(args.map, args.input_format)
    hits = search(m, args.query, limit=args.limit)
    if args.format == "json":
        rows = [
            {
                "rank": i + 1,
                "id": h.id,
                "group": h.group,
                "score": round(h.score, 4),
                "exact": h.exact,
                "partial": h.partial,
                "why": h.why,
                "actors": list(m.claim(h.id).actors),
                "date": m.claim(h.id).date,
                "text": m.claim(h.id).text,
                "matches": [
                    {"field": x.field, "text": x.text, "spans": [list(s) for s in x.spans]}
                    for x in h.matches
                ],
            }
            for i, h in enumerate(hits)
        ]
        return _write_json({"query": args.query, "hits": rows}, args.output)
    write(search_table(m, args.query, hits), args.output, "txt", "search")
    return 0


def _write_json(data: dict, output: str | None) -> int:
    write(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output, "json", "search")
    return 0


def _search_text(args: argparse.Namespace) -> int:
    from ..analysis.anchors import anchor, quoted_paragraphs
    from ..analysis.search import search_text

    doc = load_doc(args.map, args.input_format)
    if doc.text is None:
        raise UserError(
            "the map names no source text to search: add `text: FILE` under `source:` in "
            "the map (a UTF-8 file, its path relative to the map)"
        )
    found = anchor(doc.map, doc.text)
    hits = search_text(found.structure, args.query, quoted_paragraphs(found), args.limit)
    if args.format == "json":
        rows = [
            {
                "rank": i + 1,
                "chapter": h.chapter,
                "paragraph": h.paragraph,
                "score": round(h.score, 4),
                "partial": h.partial,
                "quoted": not h.unquoted,
                "snippet": h.matches[0].text,
                "spans": [list(s) for s in h.matches[0].spans],
            }
            for i, h in enumerate(hits)
        ]
        return _write_json({"query": args.query, "passages": rows}, args.output)
    write(passages_table(args.query, hits), args.output, "txt", "search")
    return 0


def passages_table(query: str, hits: list[Hit], width: int = 72) -> str:
    """Ranked paragraphs as plain text: rank, chapter and paragraph, whether any claim
    quotes it, the words around what matched and the words matched."""
    if not hits:
        return f"no paragraph of the text matches {query!r}\n"
    partial = " (no paragraph holds every word: these hold some)" if hits[0].partial else ""
    n = len(hits)
    out = [f"{n} paragraph{'s' * (n != 1)} of the text match {query!r}{partial}", ""]
    for i, h in enumerate(hits, 1):
        note = "  [no claim quotes it]" if h.unquoted else ""
        out.append(f"{i:>3}. chapter {h.chapter}, paragraph {h.paragraph}{note}")
        x = h.matches[0]
        out += textwrap.wrap(x.text, width, initial_indent=" " * 5, subsequent_indent=" " * 5)
        words = dict.fromkeys(x.text[a:b] for a, b in x.spans)
        if words:
            out.append(f"     matched: {', '.join(words)}")
        out.append("")
    return "\n".join(out)


def search_table(m: Map, query: str, hits: list, width: int = 72) -> str:
    """Ranked hits as plain text: rank, id, kind, who and when, the text, what matched."""
    if not hits:
        return f"no claim matches {query!r}\n"
    partial = " (no claim holds every word: these hold some)" if hits[0].partial else ""
    out = [f"{len(hits)} claim{'s' * (len(hits) != 1)} match {query!r}{partial}", ""]
    for i, h in enumerate(hits, 1):
        c = m.claim(h.id)
        who = m.credited(c) + (f", {c.date}" if c.date else "")
        label = f"postulate {c.number}" if c.kind == "postulate" else c.kind
        out.append(f"{i:>3}. {h.id}  [{label}; {who}]" + (f"  = {h.why}" if h.exact else ""))
        out += textwrap.wrap(
            " ".join(c.text.split()), width, initial_indent=" " * 5, subsequent_indent=" " * 5
        )
        fields = [x.field for x in h.matches if x.field != "text"]
        if fields:
            out.append(f"     matched in: {', '.join(fields)}")
    return "\n".join(out) + "\n"


def cmd_import(args: argparse.Namespace) -> int:
    m = load_map(args.file, fmt=args.import_format)
    out = args.output
    if out not in (None, "-") and Path(out).suffix.lower() == ".json":
        text = json_format.write(m)
    else:
        text = yaml_format.write(m)
    write(text, out, "yaml", Path(args.file).stem)
    if out not in (None, "-"):
        print(
            f"{len(m.claims)} claims, {len(m.relations)} relations, {m.quote_count} quotes",
            file=sys.stderr,
        )
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    # the comparison's tables need pandas (a third of a second to load): loaded only when
    # this command runs, so that export, validate and the rest start without it
    from .comparing import cmd_compare as run

    return run(args)


def cmd_schema(args: argparse.Namespace) -> int:
    write(json_format.schema_text(), args.output, "json", "argmap-2.schema")
    return 0


def add_parsers(sub: Subparsers) -> None:
    """The commands other than export."""
    v = with_map(sub.add_parser("validate", help="check a map; with --source, check its quotes"))
    v.add_argument("file", nargs="?", help="the map file (default claims.yaml)")
    v.add_argument("--source", metavar="ESSAY", help="the source text every quote must stand in")
    v.add_argument(
        "--input-format",
        choices=tuple(READERS),
        help="read FILE as this format (default: from its extension)",
    )
    v.set_defaults(func=cmd_validate)

    s = with_map(sub.add_parser("stats", help="counts by kind, actor, topic and chapter"))
    s.add_argument("--json", action="store_true", help="print JSON instead of a table")
    s.set_defaults(func=cmd_stats)

    sh = with_map(sub.add_parser("show", help="a claim with its quotes and relations"))
    sh.add_argument("id", help="the claim id")
    sh.add_argument(
        "--tree",
        action="store_true",
        help="also print the tree of claims that support or attack it",
    )
    sh.set_defaults(func=cmd_show)

    se = with_map(
        sub.add_parser(
            "search",
            help="claims ranked for a query: words, a claim id, 'postulate 4', an actor, a topic",
        )
    )
    se.add_argument("query", metavar="QUERY", help='e.g. "postulate 4", Lenin, Brest-Litovsk')
    se.add_argument("--format", "-f", choices=("table", "json"), default="table")
    se.add_argument("--limit", "-n", type=int, default=20, help="at most this many hits (20)")
    se.add_argument(
        "--text",
        action="store_true",
        help="search the paragraphs of the map's source text instead of its claims",
    )
    se.add_argument("--input-format", choices=tuple(READERS))
    se.add_argument("--output", "-o", metavar="FILE")
    se.set_defaults(func=cmd_search)

    i = sub.add_parser(
        "import",
        help="read our JSON, Argdown, AIF (OVA, AIFdb) or a Kialo discussion; write the "
        "map as YAML (or JSON with -o FILE.json)",
    )
    i.add_argument(
        "--format",
        "-f",
        dest="import_format",
        choices=tuple(READERS),
        required=True,
        help="the format of FILE",
    )
    i.add_argument("file", metavar="FILE")
    i.add_argument("--output", "-o", metavar="OUT", help="write here instead of stdout")
    i.set_defaults(func=cmd_import)

    c = with_map(
        sub.add_parser(
            "compare", help="two actors side by side, topic by topic and period by period"
        )
    )
    c.add_argument("a", metavar="A", help="an actor id")
    c.add_argument("b", metavar="B", help="another actor id")
    c.add_argument("--topic", metavar="ID", help="only this topic")
    c.add_argument(
        "--all",
        action="store_true",
        help="also the topics and periods in which the map relates nothing",
    )
    c.add_argument("--format", "-f", choices=("table", "csv", "json"), default="table")
    c.add_argument("--input-format", choices=tuple(READERS))
    c.add_argument("--output", "-o", metavar="FILE")
    c.set_defaults(func=cmd_compare)

    sc = sub.add_parser("schema", help="print the JSON Schema of the argmap/2 format")
    sc.add_argument("--output", "-o", metavar="FILE")
    sc.set_defaults(func=cmd_schema)
