"""``export``: a view of the map in any format of the export table."""

from __future__ import annotations

import argparse
import re
import textwrap

from ..exporters import EXPORTERS, FAMILIES, VIEW_HELP, VIEWS
from ..graph import Filters
from ..kinds import CLAIM_KINDS, RELATION_KINDS
from ..models import Map
from ..views import View, view_slug
from .common import UserError, check, guess, load, split, write


def cmd_export(args: argparse.Namespace) -> int:
    fmt = args.export_format
    if fmt not in EXPORTERS:
        raise UserError(f"unknown format {fmt!r}{guess(fmt, EXPORTERS)} Formats: "
                        + ", ".join(EXPORTERS) + " (export --help describes each)")
    if args.view not in VIEWS:
        raise UserError(f"unknown view {args.view!r}{guess(args.view, VIEWS)} Views: "
                        + ", ".join(VIEWS))
    m = load(args.map, args.input_format)
    view = view_from_args(m, args)
    exp = EXPORTERS[fmt]
    options = {"dpi": args.dpi} if args.dpi is not None and fmt in ("png", "png300") else {}
    try:
        slug = view_slug(m, view)
        out = exp.run(m, view, **options)
    except (ValueError, KeyError) as exc:   # a view the map cannot show (no such actor...)
        raise UserError(str(exc).strip("'\"")) from None
    if fmt in ("png", "png300"):
        dpi = args.dpi or (300 if fmt == "png300" else 150)
        slug += f"-{dpi}dpi" if dpi != 150 else ""
    write(out, args.output, exp.extension, slug)
    return 0


def view_from_args(m: Map, args: argparse.Namespace) -> View:
    """The View the export options describe; unknown ids are a UserError."""
    years = None
    if args.years:
        mt = re.fullmatch(r"\s*(\d{3,4})\s*(?:[-:\u2013]\s*(\d{3,4}))?\s*", args.years)
        if not mt:
            raise UserError(f"--years {args.years!r}: write a year or a span, e.g. 1917-1921")
        lo, hi = int(mt.group(1)), int(mt.group(2) or mt.group(1))
        if lo > hi:
            raise UserError(f"--years {args.years!r}: the first year is after the last")
        years = (lo, hi)
    topics = check("topic", split(args.topic), m.topic_index)
    filters = Filters.make(
        actors=check("actor", split(args.actor), m.actor_index),
        kinds=check("claim kind", split(args.kind), CLAIM_KINDS),
        relation_kinds=check("relation kind", split(args.relation_kind), RELATION_KINDS),
        topics=topics,
        chapters=check("chapter", split(args.chapter), m.source.chapter_order),
        years=years, include_undated=not args.dated_only)
    actors = tuple(check("actor", split(args.actors), m.actor_index))
    if args.view == "compare" and len(actors) != 2:
        raise UserError("the compare view needs two actors: --actors A B")
    if args.claim is not None:
        check("claim", [args.claim], m.claim_index)
    if args.view in ("focus", "postulate", "verdict") and not args.claim:
        raise UserError(f"the {args.view} view needs a claim: --claim ID")
    if args.view == "postulate" and args.claim and m.claim(args.claim).kind != "postulate":
        pass  # any claim has a fate; the title says so
    cluster = None if args.cluster in (None, "auto") else args.cluster
    return View(kind=args.view, claim=args.claim, actors=actors,
                topic=topics[0] if args.view == "compare" and len(topics) == 1 else None,
                depth=args.depth, filters=filters, direction=args.direction,
                spacing=args.spacing, edge_labels=args.edge_labels, cluster=cluster)


def formats_help() -> str:
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
