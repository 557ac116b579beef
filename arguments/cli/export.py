"""``export``: a view of the map in any format of the export table."""

from __future__ import annotations

import argparse
import os
import re
import textwrap
from pathlib import Path
from typing import Any

from ..exporters import EXPORTERS, FAMILIES, ORIENTATIONS, PAGES, TEXTS, VIEW_HELP, VIEWS, Paged
from ..formats import READERS
from ..graph import Filters
from ..kinds import CLAIM_KINDS, RELATION_KINDS
from ..models import Map
from ..views import View, view_slug
from .common import Subparsers, UserError, check, guess, load_doc, split, with_map, write

#: the formats that take --page and --orientation
DIAGRAMS = tuple(name for name, e in EXPORTERS.items() if e.diagram)


def cmd_export(args: argparse.Namespace) -> int:
    fmt = args.export_format
    if fmt not in EXPORTERS:
        raise UserError(
            f"unknown format {fmt!r}{guess(fmt, EXPORTERS)} Formats: "
            + ", ".join(EXPORTERS)
            + " (export --help describes each)"
        )
    if args.view not in VIEWS:
        raise UserError(
            f"unknown view {args.view!r}{guess(args.view, VIEWS)} Views: " + ", ".join(VIEWS)
        )
    doc = load_doc(args.map, args.input_format)
    m = doc.map
    view = view_from_args(m, args)
    exp = EXPORTERS[fmt]
    options = _options(args, fmt)
    if exp.text == "needs" or (exp.text == "can" and args.context):
        options["text"] = doc.text
    if args.context:
        if exp.text != "can":
            raise UserError(f"--context adds each quote's sentence to a handout, not to {fmt}")
        options["context"] = True
    try:
        slug = view_slug(m, view)
        out = exp.run(m, view, **options)
    except Paged as exc:  # one image per page: all of them into a folder
        if not _is_folder(args.output):
            raise UserError(str(exc)) from None
        for n in range(1, exc.pages + 1):
            page = exp.run(m, view, **{**options, "part": n})
            write(page, args.output, exp.extension, f"{slug}-page-{n:02d}-of-{exc.pages:02d}")
        return 0
    except (ValueError, KeyError) as exc:  # a view the map cannot show (no such actor...)
        raise UserError(str(exc).strip("'\"")) from None
    if fmt in ("png", "png300"):
        dpi = args.dpi or (300 if fmt == "png300" else 150)
        slug += f"-{dpi}dpi" if dpi != 150 and args.page in (None, "fit") else ""
    if args.part:
        slug += f"-page-{args.part:02d}"
    write(out, args.output, exp.extension, slug)
    return 0


def _is_folder(out: str | None) -> bool:
    return out is not None and (out.endswith(("/", os.sep)) or Path(out).is_dir())


def _options(args: argparse.Namespace, fmt: str) -> dict[str, Any]:
    """The exporter's keyword options the command line sets (only those it takes)."""
    options: dict[str, Any] = {}
    if args.dpi is not None and fmt in ("png", "png300"):
        options["dpi"] = args.dpi
    if fmt in DIAGRAMS:
        if args.page is not None:
            options["page"] = args.page
        if args.orientation is not None:
            options["orientation"] = args.orientation
    elif args.page not in (None, "fit", "slide") or args.orientation:
        raise UserError(f"--page and --orientation are for diagrams ({', '.join(DIAGRAMS)})")
    if args.text is not None:
        if fmt != "svg":
            raise UserError("--text is for svg: text (the font embedded) or paths")
        options["text_mode"] = args.text
    if args.part is not None:
        if fmt not in ("svg", "png", "png300"):
            raise UserError("--part picks one page of an svg or png; a pdf holds every page")
        options["part"] = args.part
    return options


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
        years=years,
        include_undated=not args.dated_only,
    )
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
    return View(
        kind=args.view,
        claim=args.claim,
        actors=actors,
        topic=topics[0] if args.view == "compare" and len(topics) == 1 else None,
        depth=args.depth,
        filters=filters,
        direction=args.direction,
        spacing=args.spacing,
        edge_labels=args.edge_labels,
        cluster=cluster,
    )


def formats_help() -> str:
    lines = ["formats:"]
    names = {
        "diagram": "diagrams of the view",
        "document": "documents and tables",
        "interchange": "for other tools",
    }
    for family in FAMILIES:
        lines.append(f"  {names[family]}:")
        for e in EXPORTERS.values():
            if e.family == family:
                desc = textwrap.wrap(e.description, 64)
                lines.append(f"    {e.name:<14} {desc[0]}")
                lines += [f"    {'':<14} {d}" for d in desc[1:]]
    lines += ["", "views (--view):"]
    lines += [f"    {k:<14} {v}" for k, v in VIEW_HELP.items()]
    lines += [
        "",
        "examples:",
        "  python -m arguments export --format svg -o map.svg",
        "  python -m arguments export --format pdf --view compare --actors trotsky lenin -o out/",
        "  python -m arguments export --format png --dpi 300 --view focus "
        "--claim postulate-4 --depth 2 -o focus.png",
        "  python -m arguments export --format handout --chapter II --years 1917-1921 "
        "-o handout.html",
        "  python -m arguments export --format kialo --claim author-thesis",
        "  python -m arguments export --format annotated-text-pdf --actor lenin --chapter II "
        "-o lenin-1917.pdf",
        "  python -m arguments export --format handout --context --chapter I -o chapter-1.html",
    ]
    return "\n".join(lines)


def add_parser(sub: Subparsers) -> None:
    """The ``export`` command's options: view, filters, layout, output."""
    e = with_map(
        sub.add_parser(
            "export",
            help="export the map or a view of it (diagrams, handouts, tables, Argdown, "
            "AIF, GraphML, Kialo, JSON)",
            description="Export the map, or a view of it, in one of the formats below. Filters "
            "narrow the view to the claims they keep (each filter takes one or more values).",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
    )
    e.add_argument(
        "--format",
        "-f",
        dest="export_format",
        default="json",
        metavar="FORMAT",
        help="output format (default json; the list is below)",
    )
    e.add_argument(
        "--view",
        default="map",
        metavar="VIEW",
        help="map, focus, compare, postulate or verdict (default map)",
    )
    e.add_argument(
        "--claim",
        metavar="ID",
        help="the claim of a focus, postulate or verdict view (kialo: the thesis)",
    )
    e.add_argument(
        "--depth",
        type=int,
        default=1,
        choices=range(6),
        metavar="N",
        help="focus view: relations to follow out from the claim (0-5, default 1)",
    )
    e.add_argument("--actors", nargs="+", metavar="A", help="compare view: the two actors")
    _filters(e.add_argument_group("filters"))
    _layout(e.add_argument_group("layout (diagrams)"))
    e.add_argument(
        "--context",
        action="store_true",
        help="handouts: add each quote's sentence in the map's source text",
    )
    e.add_argument("--input-format", choices=tuple(READERS))
    e.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write here (a folder: named after the view) instead of stdout",
    )
    e.set_defaults(func=cmd_export)
    e.epilog = formats_help()


def _filters(g: argparse._ArgumentGroup) -> None:
    g.add_argument("--actor", action="append", metavar="ID", help="keep these actors' claims")
    g.add_argument("--kind", action="append", metavar="KIND", help="keep these claim kinds")
    g.add_argument(
        "--relation-kind", action="append", metavar="KIND", help="keep only these relation kinds"
    )
    g.add_argument(
        "--topic",
        action="append",
        metavar="ID",
        help="keep claims on these topics (compare view: the topic compared)",
    )
    g.add_argument("--chapter", action="append", metavar="ID", help="keep these chapters")
    g.add_argument(
        "--years",
        metavar="FROM-TO",
        help="keep claims dated in these years, "
        "e.g. 1917-1921 (undated claims stay unless --dated-only)",
    )
    g.add_argument("--dated-only", action="store_true", help="drop undated claims")


def _layout(lay: argparse._ArgumentGroup) -> None:
    lay.add_argument(
        "--direction",
        choices=("TB", "LR", "BT", "RL"),
        default="TB",
        help="time and argument flow: top-bottom (default) or left-right",
    )
    lay.add_argument("--spacing", choices=("compact", "spacious"), default="compact")
    lay.add_argument("--edge-labels", action="store_true", help="name each relation on its line")
    lay.add_argument(
        "--cluster",
        choices=("auto", "chapter", "actor", "none"),
        default="auto",
        help="group claims in boxes (auto: by chapter above 40 claims)",
    )
    lay.add_argument(
        "--page",
        choices=PAGES,
        help="the page to fit: a4, a3, letter, slide (16:9; a PNG is 1920 x 1080) or fit "
        "(one page the size of the drawing; the default, except pdf: a4). A view whose "
        "text would print under 8 pt is split into pages",
    )
    lay.add_argument("--orientation", choices=ORIENTATIONS, help="of the page (default landscape)")
    lay.add_argument(
        "--part",
        type=int,
        metavar="N",
        help="svg, png: page N of a view that takes several (-o DIR/ writes them all)",
    )
    lay.add_argument(
        "--text",
        choices=TEXTS,
        help="svg: text with the font embedded (default) or paths (text drawn as shapes)",
    )
    lay.add_argument(
        "--dpi",
        type=int,
        choices=(96, 150, 200, 300, 600),
        metavar="DPI",
        help="PNG resolution: 150 (default for png) or 300 (print)",
    )
