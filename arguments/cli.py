"""The command line: ``python -m arguments COMMAND ...``.

Contract: :func:`main(argv)` returns an exit code and never lets a traceback
reach the user for bad input: 0 when all is well, 2 for invalid input (a map
with problems, an unknown id, format or view, quotes not in the source), 1 for
an internal error.  Output goes to stdout, problems to stderr.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Sequence

from .errors import MapError
from .models import Map

BUNDLED_MAP = Path(__file__).resolve().parent.parent / "claims.yaml"


class UserError(Exception):
    """Bad input that is not a map problem (unknown id, unknown format...)."""


def default_map() -> Path:
    here = Path("claims.yaml")
    return here if here.exists() else BUNDLED_MAP


def _load(path: str | None, fmt: str | None = None) -> Map:
    from .loader import load_map
    return load_map(path or default_map(), fmt=fmt)


def _write(text: str | bytes, out: str | None) -> None:
    if out in (None, "-"):
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        return
    target = safe_output_path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)


def safe_output_path(out: str) -> Path:
    """An output path with control characters and reserved characters refused."""
    if any(ord(ch) < 32 for ch in out) or any(ch in out for ch in '<>"|?*'):
        raise UserError(f"unsafe output file name {out!r}: use letters, digits, '-', '_', '.', '/'")
    return Path(out)


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
    from .analysis import describe_claim
    print(describe_claim(m, args.id))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from . import exporters
    from .exporters import EXPORTERS, VIEWS
    try:
        from . import diagrams  # noqa: F401  (registers the diagram formats)
    except ImportError:  # pragma: no cover
        pass
    if args.export_format not in EXPORTERS:
        raise UserError(f"unknown format {args.export_format!r}; expected one of "
                        + ", ".join(sorted(EXPORTERS)))
    if args.view not in VIEWS:
        raise UserError(f"unknown view {args.view!r}; expected one of {', '.join(VIEWS)}")
    m = _load(args.map, args.input_format)
    view = _view_from_args(m, args)
    _write(exporters.export(m, args.export_format, view), args.output)
    return 0


def _view_from_args(m: Map, args: argparse.Namespace):
    from .exporters import View
    return View(kind=args.view)


# ---------------------------------------------------------------- parser
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m arguments",
        description="Load, check, explore and export argument maps.")
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
    sh.set_defaults(func=cmd_show)

    e = with_map(sub.add_parser("export", help="export the map or a view of it"))
    e.add_argument("--format", "-f", dest="export_format", default="json", metavar="FORMAT",
                   help="output format (default json)")
    e.add_argument("--view", default="map", help="which view to export (default map)")
    e.add_argument("--input-format", choices=("yaml", "json", "argdown"))
    e.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    e.set_defaults(func=cmd_export)
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
        return 0
    except Exception as exc:  # an internal error: say so, briefly
        if os.environ.get("ARGMAP_DEBUG"):
            raise
        print(f"internal error: {type(exc).__name__}: {exc} "
              "(set ARGMAP_DEBUG=1 for a traceback)", file=sys.stderr)
        return 1
