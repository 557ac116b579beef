"""The command line: ``argmap COMMAND ...`` (or ``python -m arguments COMMAND ...``).

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
import os
import sys
from collections.abc import Sequence

from ..errors import MapError
from ..formats import READERS
from . import commands, export
from .common import UserError


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="argmap",
        description="Load, check, explore, compare, export and import argument maps.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def with_map(sp: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sp.add_argument("--map", "-m", metavar="FILE",
                        help="the map file (YAML, argmap JSON or Argdown); default claims.yaml")
        return sp

    v = with_map(sub.add_parser("validate", help="check a map; with --source, check its quotes"))
    v.add_argument("file", nargs="?", help="the map file (default claims.yaml)")
    v.add_argument("--source", metavar="ESSAY", help="the source text every quote must stand in")
    v.add_argument("--input-format", choices=tuple(READERS),
                   help="read FILE as this format (default: from its extension)")
    v.set_defaults(func=commands.cmd_validate)

    s = with_map(sub.add_parser("stats", help="counts by kind, actor, topic and chapter"))
    s.add_argument("--json", action="store_true", help="print JSON instead of a table")
    s.set_defaults(func=commands.cmd_stats)

    sh = with_map(sub.add_parser("show", help="a claim with its quotes and relations"))
    sh.add_argument("id", help="the claim id")
    sh.add_argument("--tree", action="store_true",
                    help="also print the tree of claims that support or attack it")
    sh.set_defaults(func=commands.cmd_show)

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
    e.add_argument("--input-format", choices=tuple(READERS))
    e.add_argument("--output", "-o", metavar="FILE",
                   help="write here (a folder: named after the view) instead of stdout")
    e.set_defaults(func=export.cmd_export)

    def export_help() -> str:   # the format list imports every format module: only for help
        e.epilog = export.formats_help()
        return argparse.ArgumentParser.format_help(e)
    e.format_help = export_help

    i = sub.add_parser("import", help="read our JSON or the Argdown subset; write the map as "
                       "YAML (or JSON with -o FILE.json)")
    i.add_argument("--format", "-f", dest="import_format", choices=tuple(READERS),
                   required=True, help="the format of FILE")
    i.add_argument("file", metavar="FILE")
    i.add_argument("--output", "-o", metavar="OUT", help="write here instead of stdout")
    i.set_defaults(func=commands.cmd_import)

    c = with_map(sub.add_parser("compare", help="two actors side by side, topic by topic and "
                                "period by period"))
    c.add_argument("a", metavar="A", help="an actor id")
    c.add_argument("b", metavar="B", help="another actor id")
    c.add_argument("--topic", metavar="ID", help="only this topic")
    c.add_argument("--format", "-f", choices=("table", "csv", "json"), default="table")
    c.add_argument("--input-format", choices=tuple(READERS))
    c.add_argument("--output", "-o", metavar="FILE")
    c.set_defaults(func=commands.cmd_compare)

    sc = sub.add_parser("schema", help="print the JSON Schema of the argmap/1 format")
    sc.add_argument("--output", "-o", metavar="FILE")
    sc.set_defaults(func=commands.cmd_schema)
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
