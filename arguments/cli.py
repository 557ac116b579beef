"""The command line: ``python -m arguments COMMAND ...``.

Contract: :func:`main(argv)` returns an exit code and never lets a traceback
reach the user for bad input: 0 when all is well, 2 for invalid input (a map
with problems, an unknown id, format or view, quotes not in the source, an
unsafe output name), 1 for an internal error.  Output goes to stdout (or the
file named with ``-o``), problems to stderr.

Commands: ``validate``, ``stats``, ``show``, ``export`` (every format of
:data:`arguments.exporters.EXPORTERS`, of any view), ``import`` (our JSON or
the Argdown subset, written as YAML), ``compare`` (two actors, topic by
topic and period by period) and ``schema`` (the JSON Schema of argmap/1).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import Sequence

from .errors import MapError
from .models import Map

BUNDLED_MAP = Path(__file__).resolve().parent.parent / "claims.yaml"
#: names Windows reserves for devices, refused as output file names everywhere
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$", re.I)


class UserError(Exception):
    """Bad input that is not a map problem (unknown id, unknown format...)."""


def default_map() -> Path:
    here = Path("claims.yaml")
    return here if here.exists() else BUNDLED_MAP


def _load(path: str | None, fmt: str | None = None) -> Map:
    from .loader import load_map
    return load_map(path or default_map(), fmt=fmt)


def _guess(value: str, choices) -> str:
    from .crossref import did_you_mean
    g = did_you_mean(value, list(choices))
    return f"; did you mean {g!r}?" if g else "."


def _write(text: str | bytes, out: str | None, extension: str | None = None,
           name: str | None = None) -> None:
    """Write to stdout (no -o, or -o -), to FILE, or to DIR/NAME.EXT when -o is a folder."""
    if out in (None, "-"):
        if isinstance(text, bytes):
            if out is None and sys.stdout.isatty():
                raise UserError("this format is binary: name a file with -o FILE "
                                f"(e.g. -o {name or 'view'}.{extension or 'bin'})")
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        return
    target = safe_output_path(out, extension, name)
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)


def safe_file_name(name: str) -> str:
    """A file name made safe on every system: letters, digits, '-', '_' and '.' only."""
    base = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "view"
    return base[:120]


def safe_output_path(out: str, extension: str | None = None, name: str | None = None) -> Path:
    """The path to write: control and reserved characters refused, a folder gets NAME.EXT
    inside it, a name without extension gets the format's."""
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in out) or any(ch in out for ch in '<>"|?*'):
        raise UserError(f"unsafe output file name {out!r}: use letters, digits, '-', '_', "
                        "'.' and '/'")
    path = Path(out)
    if out.endswith(("/", os.sep)) or path.is_dir():
        path = path / f"{safe_file_name(name or 'view')}.{extension or 'out'}"
    if _RESERVED.match(path.name) or path.name in ("", ".", ".."):
        raise UserError(f"unsafe output file name {path.name!r}: it names a device or a folder")
    if path.name.endswith((" ", ".")):
        raise UserError(f"unsafe output file name {path.name!r}: it ends in a space or a dot")
    if extension and not path.suffix:
        path = path.with_name(f"{path.name}.{extension}")
    return path


# ---------------------------------------------------------------- commands
def cmd_validate(args: argparse.Namespace) -> int:
    m = _load(args.file or args.map, args.input_format)
    name = args.file or args.map or str(default_map())
    if args.source:
        from .quotes import check_quotes
        try:
            text = Path(args.source).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"{args.source}:1:1 [source-unreadable] cannot read the source "
                            f"text: {exc}") from None
        failures = check_quotes(m, text)
        for f in failures:
            print(f"{name}: [quote-not-in-source] {f}", file=sys.stderr)
        if failures:
            print(f"{len(failures)} quote(s) not verbatim in {args.source}", file=sys.stderr)
            return 2
    print(f"{name}: ok - {len(m.claims)} claims, {len(m.relations)} relations, "
          f"{m.quote_count} quotes, {len(m.actors)} actors, {len(m.topics)} topics"
          + (f"; every quote verbatim in {args.source}" if args.source else ""))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    m = _load(args.map)
    from .analysis import stats
    data = stats(m)
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print(f"{m.source.title}: {data['claims']} claims, {data['relations']} relations, "
          f"{data['quotes']} quotes")
    for section in ("by_kind", "by_actor", "by_topic", "by_chapter", "relations_by_kind"):
        print(f"\n{section.replace('_', ' ')}:")
        for key, n in data[section].items():
            print(f"  {key:<32} {n:>4}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    m = _load(args.map)
    if args.id not in m.claim_index:
        from .crossref import did_you_mean
        guess = did_you_mean(args.id, m.claim_index)
        raise UserError(f"no claim has the id {args.id!r}"
                        + (f"; did you mean {guess!r}?" if guess else ""))
    from .analysis import describe_claim, outline, support_tree
    print(describe_claim(m, args.id))
    if args.tree:
        print("\n  what bears on it (supports, attacks, undercuts, confirms, disconfirms):")
        print("\n".join("    " + line for line in outline(m, support_tree(m, args.id))
                        .splitlines()))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .exporters import EXPORTERS, VIEWS, load, load_all
    fmt = args.export_format
    if load(fmt) is None:
        load_all()
        raise UserError(f"unknown format {fmt!r}{_guess(fmt, EXPORTERS)} Formats: "
                        + ", ".join(EXPORTERS) + " (export --help describes each)")
    if args.view not in VIEWS:
        raise UserError(f"unknown view {args.view!r}{_guess(args.view, VIEWS)} Views: "
                        + ", ".join(VIEWS))
    m = _load(args.map, args.input_format)
    view = view_from_args(m, args)
    exp = EXPORTERS[fmt]
    from .diagrams import select
    try:
        slug = select(m, view).slug
        if args.dpi is not None and fmt in ("png", "png300"):
            from .diagrams import render
            out: str | bytes = render(m, view, "png", dpi=args.dpi)
        else:
            out = exp.run(m, view)
    except (ValueError, KeyError) as exc:   # a view the map cannot show (no such actor...)
        raise UserError(str(exc).strip("'\"")) from None
    if fmt in ("png", "png300"):
        dpi = args.dpi or (300 if fmt == "png300" else 150)
        slug += f"-{dpi}dpi" if dpi != 150 else ""
    _write(out, args.output, exp.extension, slug)
    return 0


def _split(values: list[str] | None) -> list[str]:
    """Values given as repeated flags, separated by spaces or commas."""
    out: list[str] = []
    for v in values or []:
        out += [x for x in re.split(r"[,\s]+", v) if x]
    return out


def _check(kind: str, values: list[str], known) -> list[str]:
    for v in values:
        if v not in known:
            raise UserError(f"no {kind} has the id {v!r}{_guess(v, known).rstrip('.')}")
    return values


def view_from_args(m: Map, args: argparse.Namespace):
    """The View the export options describe; unknown ids are a UserError."""
    from .exporters import View
    from .graph import Filters
    from .models import CLAIM_KINDS, RELATION_KINDS
    years = None
    if args.years:
        mt = re.fullmatch(r"\s*(\d{3,4})\s*(?:[-:\u2013]\s*(\d{3,4}))?\s*", args.years)
        if not mt:
            raise UserError(f"--years {args.years!r}: write a year or a span, e.g. 1917-1921")
        lo, hi = int(mt.group(1)), int(mt.group(2) or mt.group(1))
        if lo > hi:
            raise UserError(f"--years {args.years!r}: the first year is after the last")
        years = (lo, hi)
    topics = _check("topic", _split(args.topic), m.topic_index)
    filters = Filters.make(
        actors=_check("actor", _split(args.actor), m.actor_index),
        kinds=_check("claim kind", _split(args.kind), CLAIM_KINDS),
        relation_kinds=_check("relation kind", _split(args.relation_kind), RELATION_KINDS),
        topics=topics,
        chapters=_check("chapter", _split(args.chapter), m.source.chapter_order),
        years=years, include_undated=not args.dated_only)
    actors = tuple(_check("actor", _split(args.actors), m.actor_index))
    if args.view == "compare" and len(actors) != 2:
        raise UserError("the compare view needs two actors: --actors A B")
    if args.claim is not None:
        _check("claim", [args.claim], m.claim_index)
    if args.view in ("focus", "postulate", "verdict") and not args.claim:
        raise UserError(f"the {args.view} view needs a claim: --claim ID")
    if args.view == "postulate" and args.claim and m.claim(args.claim).kind != "postulate":
        pass  # any claim has a fate; the title says so
    cluster = None if args.cluster in (None, "auto") else args.cluster
    return View(kind=args.view, claim=args.claim, actors=actors,
                topic=topics[0] if args.view == "compare" and len(topics) == 1 else None,
                depth=args.depth, filters=filters, direction=args.direction,
                spacing=args.spacing, edge_labels=args.edge_labels, cluster=cluster)


def cmd_import(args: argparse.Namespace) -> int:
    from .loader import load_map
    m = load_map(args.file, fmt=args.import_format)
    out = args.output
    if out not in (None, "-") and Path(out).suffix.lower() == ".json":
        from .jsonio import dumps
        text = dumps(m)
    else:
        from .yamlio import dumps
        text = dumps(m)
    _write(text, out, "yaml", Path(args.file).stem)
    if out not in (None, "-"):
        print(f"{len(m.claims)} claims, {len(m.relations)} relations, {m.quote_count} quotes",
              file=sys.stderr)
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    m = _load(args.map, args.input_format)
    a, b = args.a, args.b
    _check("actor", [a, b], m.actor_index)
    if args.topic is not None:
        _check("topic", [args.topic], m.topic_index)
    from .compare import compare
    df = compare(m, a, b, args.topic)
    if args.format == "csv":
        from .tables import _csv, comparison_frame
        _write(_csv(comparison_frame(m, a, b, args.topic)), args.output, "csv",
               f"{a}-vs-{b}")
        return 0
    if args.format == "json":
        rows = df.to_dict(orient="records")
        for r in rows:
            r["links"] = [list(x) for x in r["links"]]
        data = {"actors": [a, b], "topic": args.topic, "rows": rows}
        _write(json.dumps(data, ensure_ascii=False, indent=2) + "\n", args.output, "json",
               f"{a}-vs-{b}")
        return 0
    _write(compare_table(m, df, a, b), args.output, "txt", f"{a}-vs-{b}")
    return 0


def compare_table(m: Map, df, a: str, b: str, width: int = 38) -> str:
    """The comparison as a plain-text table: per topic, a row per period."""
    import textwrap
    name_a, name_b = m.actor_name(a), m.actor_name(b)
    if df.empty:
        return f"{name_a} and {name_b}: no dated claims to compare\n"

    def cell(ids) -> list[str]:
        lines: list[str] = []
        for cid in ids:
            c = m.claim(cid)
            text = f"{c.date}: {' '.join(c.text.split())}" if c.date else c.text
            lines += textwrap.wrap(text, width, initial_indent="- ",
                                   subsequent_indent="  ") or ["-"]
        return lines or [""]

    out = [f"{name_a} vs {name_b}", ""]
    head = f"{'period':<15} {name_a[:width]:<{width}}  {'relation':<18} {name_b[:width]}"
    for topic, rows in df.groupby("topic_label", sort=False):
        out += [f"== {topic}", head, "-" * len(head)]
        for r in rows.itertuples(index=False):
            left, right = cell(r.a_claims), cell(r.b_claims)
            for i in range(max(len(left), len(right))):
                out.append(f"{(r.period if i == 0 else ''):<15} "
                           f"{(left[i] if i < len(left) else ''):<{width}}  "
                           f"{(r.relation if i == 0 else ''):<18} "
                           f"{right[i] if i < len(right) else ''}".rstrip())
        out.append("")
    return "\n".join(out)


def cmd_schema(args: argparse.Namespace) -> int:
    from .jsonio import schema_text
    _write(schema_text(), args.output, "json", "argmap-1.schema")
    return 0


# ---------------------------------------------------------------- parser
def _formats_help() -> str:
    from .exporters import EXPORTERS, FAMILIES, VIEW_HELP, load_all
    load_all()
    import textwrap
    lines = ["formats:"]
    names = {"diagram": "diagrams of the view", "document": "documents and tables",
             "interchange": "for other tools"}
    for family in FAMILIES:
        lines.append(f"  {names[family]}:")
        for e in EXPORTERS.values():
            if e.family == family:
                desc = textwrap.wrap(e.description, 64)
                lines.append(f"    {e.name:<14} {desc[0]}")
                lines += [f"    {'':<14} {d}" for d in desc[1:]]
    lines += ["", "views (--view):"]
    lines += [f"    {k:<14} {v}" for k, v in VIEW_HELP.items()]
    lines += ["", "examples:",
              "  python -m arguments export --format svg -o map.svg",
              "  python -m arguments export --format pdf --view compare --actors trotsky lenin "
              "-o out/",
              "  python -m arguments export --format png --dpi 300 --view focus "
              "--claim postulate-4 --depth 2 -o focus.png",
              "  python -m arguments export --format handout --chapter II --years 1917-1921 "
              "-o handout.html",
              "  python -m arguments export --format kialo --claim author-thesis"]
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m arguments",
        description="Load, check, explore, compare, export and import argument maps.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def with_map(sp: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sp.add_argument("--map", "-m", metavar="FILE",
                        help="the map file (YAML, argmap JSON or Argdown); default claims.yaml")
        return sp

    v = with_map(sub.add_parser("validate", help="check a map; with --source, check its quotes"))
    v.add_argument("file", nargs="?", help="the map file (default claims.yaml)")
    v.add_argument("--source", metavar="ESSAY", help="the source text every quote must stand in")
    v.add_argument("--input-format", choices=("yaml", "json", "argdown"),
                   help="read FILE as this format (default: from its extension)")
    v.set_defaults(func=cmd_validate)

    s = with_map(sub.add_parser("stats", help="counts by kind, actor, topic and chapter"))
    s.add_argument("--json", action="store_true", help="print JSON instead of a table")
    s.set_defaults(func=cmd_stats)

    sh = with_map(sub.add_parser("show", help="a claim with its quotes and relations"))
    sh.add_argument("id", help="the claim id")
    sh.add_argument("--tree", action="store_true",
                    help="also print the tree of claims that support or attack it")
    sh.set_defaults(func=cmd_show)

    e = with_map(sub.add_parser(
        "export", help="export the map or a view of it (diagrams, handouts, tables, Argdown, "
        "AIF, GraphML, Kialo, JSON)",
        description="Export the map, or a view of it, in one of the formats below. Filters "
        "narrow the view to the claims they keep (each filter takes one or more values).",
        formatter_class=argparse.RawDescriptionHelpFormatter))
    e.add_argument("--format", "-f", dest="export_format", default="json", metavar="FORMAT",
                   help="output format (default json; the list is below)")
    e.add_argument("--view", default="map", metavar="VIEW",
                   help="map, focus, compare, postulate or verdict (default map)")
    e.add_argument("--claim", metavar="ID",
                   help="the claim of a focus, postulate or verdict view (kialo: the thesis)")
    e.add_argument("--depth", type=int, default=1, choices=range(0, 6), metavar="N",
                   help="focus view: relations to follow out from the claim (0-5, default 1)")
    e.add_argument("--actors", nargs="+", metavar="A", help="compare view: the two actors")
    g = e.add_argument_group("filters")
    g.add_argument("--actor", action="append", metavar="ID", help="keep these actors' claims")
    g.add_argument("--kind", action="append", metavar="KIND", help="keep these claim kinds")
    g.add_argument("--relation-kind", action="append", metavar="KIND",
                   help="keep only these relation kinds")
    g.add_argument("--topic", action="append", metavar="ID",
                   help="keep claims on these topics (compare view: the topic compared)")
    g.add_argument("--chapter", action="append", metavar="ID", help="keep these chapters")
    g.add_argument("--years", metavar="FROM-TO", help="keep claims dated in these years, "
                   "e.g. 1917-1921 (undated claims stay unless --dated-only)")
    g.add_argument("--dated-only", action="store_true", help="drop undated claims")
    lay = e.add_argument_group("layout (diagrams)")
    lay.add_argument("--direction", choices=("TB", "LR", "BT", "RL"), default="TB",
                     help="time and argument flow: top-bottom (default) or left-right")
    lay.add_argument("--spacing", choices=("compact", "spacious"), default="compact")
    lay.add_argument("--edge-labels", action="store_true", help="name each relation on its line")
    lay.add_argument("--cluster", choices=("auto", "chapter", "actor", "none"), default="auto",
                     help="group claims in boxes (auto: by chapter above 40 claims)")
    lay.add_argument("--dpi", type=int, choices=(96, 150, 200, 300, 600), metavar="DPI",
                     help="PNG resolution: 150 (default for png) or 300 (print)")
    e.add_argument("--input-format", choices=("yaml", "json", "argdown"))
    e.add_argument("--output", "-o", metavar="FILE",
                   help="write here (a folder: named after the view) instead of stdout")
    e.set_defaults(func=cmd_export)

    def export_help() -> str:   # the format list imports every format module: only for help
        e.epilog = _formats_help()
        return argparse.ArgumentParser.format_help(e)
    e.format_help = export_help

    i = sub.add_parser("import", help="read our JSON or the Argdown subset; write the map as "
                       "YAML (or JSON with -o FILE.json)")
    i.add_argument("--format", "-f", dest="import_format", choices=("json", "argdown", "yaml"),
                   required=True, help="the format of FILE")
    i.add_argument("file", metavar="FILE")
    i.add_argument("--output", "-o", metavar="OUT", help="write here instead of stdout")
    i.set_defaults(func=cmd_import)

    c = with_map(sub.add_parser("compare", help="two actors side by side, topic by topic and "
                                "period by period"))
    c.add_argument("a", metavar="A", help="an actor id")
    c.add_argument("b", metavar="B", help="another actor id")
    c.add_argument("--topic", metavar="ID", help="only this topic")
    c.add_argument("--format", "-f", choices=("table", "csv", "json"), default="table")
    c.add_argument("--input-format", choices=("yaml", "json", "argdown"))
    c.add_argument("--output", "-o", metavar="FILE")
    c.set_defaults(func=cmd_compare)

    sc = sub.add_parser("schema", help="print the JSON Schema of the argmap/1 format")
    sc.add_argument("--output", "-o", metavar="FILE")
    sc.set_defaults(func=cmd_schema)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2, --help exits 0
        return int(exc.code or 0)
    try:
        return args.func(args)
    except MapError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(exc.summary(), file=sys.stderr)
        return 2
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `... | head`
        try:
            sys.stdout = open(os.devnull, "w")  # no second error at exit
        except OSError:  # pragma: no cover
            pass
        return 0
    except KeyboardInterrupt:
        return 130
    except OSError as exc:   # cannot write the output, cannot read a file
        print(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "),
              file=sys.stderr)
        return 2
    except Exception as exc:  # an internal error: say so, briefly
        if os.environ.get("ARGMAP_DEBUG"):
            raise
        print(f"internal error: {type(exc).__name__}: {exc} "
              "(set ARGMAP_DEBUG=1 for a traceback)", file=sys.stderr)
        return 1
