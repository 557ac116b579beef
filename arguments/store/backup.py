"""A whole database to one file and back, readable by either backend.

Contract: :func:`backup` writes every row of every table of the store to a gzip file of
JSON lines: a header (``{"argmap-backup": 1, "revision": ...}``), then one line per row
(``{"table": NAME, "row": {...}}``; bytes in base64, times in ISO 8601), parents before
children, and a closing line with the count of rows.  :func:`restore` reads such a file into
a store (an empty one, unless ``replace`` empties it first), in one transaction: a file
that is cut short, damaged or of another revision changes nothing.  The file holds the
tokens' hashes, never the tokens: links restored work as before.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from .core import Store
from .db import current_revision, head_revision
from .records import StoreError
from .schema import TABLES

FORMAT = 1


def _plain(value: Any) -> Any:
    if isinstance(value, bytes | memoryview):
        return {"b64": base64.b64encode(bytes(value)).decode()}
    if isinstance(value, datetime):
        return {"t": value.isoformat()}
    return value


def _typed(value: Any) -> Any:
    if isinstance(value, dict) and "b64" in value:
        return base64.b64decode(value["b64"])
    if isinstance(value, dict) and "t" in value:
        return datetime.fromisoformat(value["t"])
    return value


def backup(store: Store, path: str | os.PathLike) -> dict[str, int]:
    """Write the whole database to ``path``; returns the rows written per table."""
    counts: dict[str, int] = {}
    with store.engine.connect() as conn, conn.begin():
        revision = current_revision(conn)
        with gzip.open(path, "wt", encoding="utf-8") as out:
            out.write(json.dumps({"argmap-backup": FORMAT, "revision": revision}) + "\n")
            for table in TABLES:
                n = 0
                for row in conn.execute(sa.select(table)).mappings():
                    line = {"table": table.name, "row": {k: _plain(v) for k, v in row.items()}}
                    out.write(json.dumps(line, ensure_ascii=False) + "\n")
                    n += 1
                counts[table.name] = n
            out.write(json.dumps({"end": counts}) + "\n")
    return counts


def restore(store: Store, path: str | os.PathLike, *, replace: bool = False) -> dict[str, int]:
    """Read a backup into the store; returns the rows read per table."""
    by_name = {t.name: t for t in TABLES}
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            header = json.loads(f.readline() or "null")
            if not isinstance(header, dict) or header.get("argmap-backup") != FORMAT:
                raise StoreError(f"{os.fspath(path)} is not an argmap backup")
            if header.get("revision") != head_revision():
                raise StoreError(
                    f"the backup has schema revision {header.get('revision')!r}; this argmap "
                    f"reads {head_revision()!r}"
                )
            rows: dict[str, list[dict[str, Any]]] = {t.name: [] for t in TABLES}
            end = None
            for line in f:
                item = json.loads(line)
                if "end" in item:
                    end = item["end"]
                    break
                rows[by_name[item["table"]].name].append(
                    {k: _typed(v) for k, v in item["row"].items()}
                )
    except (OSError, EOFError, ValueError, KeyError) as exc:
        raise StoreError(f"cannot read the backup {os.fspath(path)}: {exc}") from None
    counts = {k: len(v) for k, v in rows.items()}
    if end != counts:
        raise StoreError(f"the backup {os.fspath(path)} is incomplete: nothing was restored")
    with store.engine.connect() as conn:
        conn.execution_options(write=True)
        with conn.begin():
            present = conn.execute(sa.select(sa.func.count()).select_from(by_name["maps"]))
            if present.scalar_one() and not replace:
                raise StoreError(
                    "the database already holds maps: restore into an empty one, "
                    "or pass --replace to replace them"
                )
            for table in reversed(TABLES):
                conn.execute(table.delete())
            for table in TABLES:
                if rows[table.name]:
                    conn.execute(table.insert(), rows[table.name])
    store.forget()
    return counts
