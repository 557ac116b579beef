"""``store ...`` (maps kept in the database with every version) and ``diff OLD NEW``.

The database is ``--db URL``, else ``$ARGMAP_DB``, else the SQLite file in the user's data
directory.  Whoever runs these commands holds the database itself, so a map is named by its
id; it may also be named by a share link (or its bare token), and then the link's rights
hold: a view link cannot ``save`` (exit 2, nothing changed), an unknown or revoked link
finds "no such map".
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import TYPE_CHECKING, Any

from ..documents import load_document
from ..exporters import EXPORTERS
from ..models import Map
from ..views import View, view_slug
from .common import Subparsers, UserError, guess, write

if TYPE_CHECKING:  # the store is imported by the commands that use it
    from ..store import Grant, Opened
    from ..store.core import Store


def _store(args: argparse.Namespace) -> Store:
    return _open(getattr(args, "db", None) or None)


def _open(db: str | None) -> Store:
    """The store (its database libraries imported only by the commands that use it)."""
    from ..store.core import Store

    return Store(db)


def _who(args: argparse.Namespace) -> str:
    if args.who:
        return str(args.who)
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in this environment
        return "command line"


def _grant(store: Store, name: str) -> tuple[Grant, int | None]:
    """The grant for a map named by its id (``ID``, ``store:ID@N``) or a share link."""
    from ..store import parse_ref

    ref = parse_ref(name if ":" in name or "/" in name or len(name) > 32 else f"store:{name}")
    if ref is None:
        raise UserError(
            f"{name!r} names no stored map: give its id (see `argmap store list`), "
            "store:ID@N, or a share link"
        )
    if ref.token is not None:
        return store.grant(ref.token), None
    assert ref.map_id is not None
    return store.owner(ref.map_id), ref.version


def _when(value: Any) -> str:
    return value.isoformat(timespec="seconds")


def cmd_import(args: argparse.Namespace) -> int:
    from ..store import share_url

    doc = load_document(args.file)
    store = _store(args)
    made = store.create(
        doc.map,
        _who(args),
        text=doc.text,
        title=args.title,
        filename=args.file,
        message=f"imported {args.file}",
    )
    data = {
        "map": made.map_id,
        "version": made.version,
        "edit_link": share_url(made.edit_token, "edit"),
        "view_link": share_url(made.view_token, "view"),
    }
    if args.format == "json":
        print(json.dumps(data, indent=2))
    else:
        print(f"map: {made.map_id}\nversion: {made.version}")
        print(f"edit link: {data['edit_link']}\nview link: {data['view_link']}")
        print("Keep both links: the store keeps only their hashes.", file=sys.stderr)
    return 0


def cmd_save(args: argparse.Namespace) -> int:
    store = _store(args)
    grant, _ = _grant(store, args.map_ref)
    doc = load_document(args.file)
    saved = store.save(grant, doc.map, _who(args), message=args.message, filename=args.file)
    print(f"map {saved.map_id}: version {saved.version} ({saved.message})")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    rows = _store(args).list_maps()
    if args.format == "json":
        out = [
            {
                "map": r.id,
                "title": r.title,
                "version": r.head,
                "created_at": _when(r.created_at),
                "updated_at": _when(r.updated_at),
            }
            for r in rows
        ]
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print("no maps stored yet (argmap store import FILE stores one)")
    for r in rows:
        print(f"{r.id}  v{r.head:<5} {_when(r.updated_at)}  {r.title}")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    store = _store(args)
    grant, _ = _grant(store, args.map_ref)
    versions = store.history(grant)
    if args.format == "json":
        out = [
            {
                "version": v.number,
                "created_at": _when(v.created_at),
                "author": v.author,
                "message": v.message,
                "step": v.step,
            }
            for v in versions
        ]
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    for v in versions:
        print(f"{v.number:>5}  {_when(v.created_at)}  {v.author}: {v.message}")
    return 0


def _need_map(opened: Opened) -> Map:
    if opened.map is None:
        raise UserError(
            f"version {opened.version} of map {opened.map_id} has no claims yet: nothing to export"
        )
    return opened.map


def cmd_export(args: argparse.Namespace) -> int:
    fmt = args.export_format
    if fmt not in EXPORTERS:
        raise UserError(
            f"unknown format {fmt!r}{guess(fmt, EXPORTERS)} Formats: " + ", ".join(EXPORTERS)
        )
    store = _store(args)
    grant, at = _grant(store, args.map_ref)
    opened = store.open(grant, args.version or at)
    m = _need_map(opened)
    exp = EXPORTERS[fmt]
    out = exp.run(m, View())
    write(out, args.output, exp.extension, f"{view_slug(m, View())}-v{opened.version}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from ..store.backup import backup

    counts = backup(_store(args), args.output)
    print(
        f"wrote {args.output}: " + ", ".join(f"{n} {table}" for table, n in counts.items()),
        file=sys.stderr,
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from ..store.backup import restore

    counts = restore(_store(args), args.file, replace=args.replace)
    print("restored " + ", ".join(f"{n} {table}" for table, n in counts.items()), file=sys.stderr)
    return 0


# ------------------------------------------------------------------ diff
def side(value: str, db: str | None) -> tuple[dict[str, Any], str]:
    """One side of a diff: a map file, or a stored version (``store:ID@N``, a link)."""
    from ..store import parse_ref
    from ..store.check import canonical

    ref = parse_ref(value) if value.startswith("store:") or "?" in value else None
    if ref is None:
        return canonical(load_document(value).map), value
    store = _open(db)
    grant, at = (
        (store.grant(ref.token), None) if ref.token else (store.owner(str(ref.map_id)), ref.version)
    )
    opened = store.open(grant, at)
    return opened.data, opened.key


def cmd_diff(args: argparse.Namespace) -> int:
    from ..analysis.diff import diff, text_report

    old, old_name = side(args.old, args.db)
    new, new_name = side(args.new, args.db)
    d = diff(old, new)
    if args.format == "json":
        text = json.dumps(d.as_data(), indent=2, ensure_ascii=False) + "\n"
    else:
        text = text_report(d, old_name, new_name)
    write(text, args.output, "json" if args.format == "json" else "txt", "diff")
    return 0


def _with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument(
        "--db",
        metavar="URL",
        help="the database (a SQLAlchemy URL); default $ARGMAP_DB, else a SQLite file in "
        "your data directory",
    )
    return p


def _with_who(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("--who", metavar="NAME", help="the name the new version records (default: you)")
    return p


def add_parsers(sub: Subparsers) -> None:
    """``store`` with its subcommands, and ``diff``."""
    s = sub.add_parser(
        "store",
        help="maps kept in a database with every version: import, save, list, history, "
        "export, backup, restore",
    )
    ss = s.add_subparsers(dest="store_command", required=True, metavar="SUBCOMMAND")
    fmt = {"choices": ("text", "json"), "default": "text"}

    i = _with_who(
        _with_db(ss.add_parser("import", help="store a map file; prints its id and links"))
    )
    i.add_argument("file", metavar="FILE")
    i.add_argument("--title", metavar="T", help="the map's title in lists (default its source's)")
    i.add_argument("--format", "-f", **fmt)  # type: ignore[arg-type]
    i.set_defaults(func=cmd_import)

    sv = _with_who(
        _with_db(ss.add_parser("save", help="a new version of a stored map from a file"))
    )
    sv.add_argument("map_ref", metavar="ID", help="the map's id (or its edit link)")
    sv.add_argument("file", metavar="FILE")
    sv.add_argument("--message", "-m", help="the version's message (default: what changed)")
    sv.set_defaults(func=cmd_save)

    ls = _with_db(ss.add_parser("list", help="every stored map"))
    ls.add_argument("--format", "-f", **fmt)  # type: ignore[arg-type]
    ls.set_defaults(func=cmd_list)

    h = _with_db(ss.add_parser("history", help="every version of a stored map"))
    h.add_argument("map_ref", metavar="ID")
    h.add_argument("--format", "-f", **fmt)  # type: ignore[arg-type]
    h.set_defaults(func=cmd_history)

    e = _with_db(ss.add_parser("export", help="a version of a stored map in any export format"))
    e.add_argument("map_ref", metavar="ID")
    e.add_argument("--version", type=int, metavar="N", help="the version (default the latest)")
    e.add_argument("--format", "-f", dest="export_format", required=True, metavar="F")
    e.add_argument("--output", "-o", metavar="FILE")
    e.set_defaults(func=cmd_export)

    b = _with_db(ss.add_parser("backup", help="the whole database to one file"))
    b.add_argument("--output", "-o", metavar="FILE", required=True)
    b.set_defaults(func=cmd_backup)

    r = _with_db(ss.add_parser("restore", help="a backup into the database (either backend)"))
    r.add_argument("file", metavar="FILE")
    r.add_argument("--replace", action="store_true", help="replace the maps the database holds")
    r.set_defaults(func=cmd_restore)

    d = _with_db(
        sub.add_parser(
            "diff",
            help="what changed between two maps or versions: claims, relations, actors and "
            "topics added, removed and changed",
        )
    )
    d.add_argument("old", metavar="OLD", help="a map file, or a stored version store:ID@N")
    d.add_argument("new", metavar="NEW", help="a map file, or a stored version store:ID@N")
    d.add_argument("--format", "-f", **fmt)  # type: ignore[arg-type]
    d.add_argument("--output", "-o", metavar="FILE")
    d.set_defaults(func=cmd_diff)
