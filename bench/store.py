"""The store after 1,000 edits of the essay's map: database size, time to open a version.

Usage: python bench/store.py [--edits N] [--db URL]

Stores the bundled map (with its text) in a new SQLite file (or the database ``--db``
names, e.g. $ARGMAP_TEST_PG: its store tables are dropped first), makes N edits (default
1,000), each changing one claim's text, relation's note or actor's description, and prints:
the time per edit (checked, diffed, written), the database's size (SQLite: the file after a
checkpoint; PostgreSQL: pg_total_relation_size of the store's tables), and the time to open
the latest version and older ones from a fresh Store (no cache), median of 20.
Targets: at most 20 MB after 1,000 edits; the latest version opened in at most 150 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from storehelp import empty_pg  # noqa: E402  (the tests' helper: empties the PG store)

from arguments.analysis.diff import item_id  # noqa: E402
from arguments.documents import load_document  # noqa: E402
from arguments.store import Edit, Store  # noqa: E402
from arguments.store import schema as tables  # noqa: E402


def edit_for(data: dict, i: int) -> Edit:
    """The i-th edit: a claim's text (most), a relation's note, an actor's description."""
    if i % 10 == 7 and data["relations"]:
        r = data["relations"][i % len(data["relations"])]
        return Edit.put("relations", {**r, "note": f"note of edit {i}"}, item_id("relations", r))
    if i % 10 == 9:
        a = data["actors"][i % len(data["actors"])]
        return Edit.put("actors", {**a, "description": f"described in edit {i}"}, a["id"])
    c = data["claims"][(i * 7) % len(data["claims"])]
    return Edit.put("claims", {**c, "text": c["text"].rstrip(".") + f" (edit {i})."}, c["id"])


def size(store: Store, path: Path | None) -> int:
    if path is not None:
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    with store.engine.connect() as conn:
        return sum(
            conn.exec_driver_sql(f"SELECT pg_total_relation_size('{t.name}')").scalar_one()
            for t in tables.TABLES
        )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--edits", type=int, default=1000)
    ap.add_argument("--db", default=None)
    args = ap.parse_args(argv)
    path = None
    if args.db:
        empty_pg(args.db)
        url = args.db
    else:
        path = Path(tempfile.mkdtemp()) / "bench.db"
        url = f"sqlite:///{path}"
    doc = load_document(ROOT / "claims.yaml")
    store = Store(url)
    made = store.create(doc.map, "bench", text=doc.text)
    g = store.owner(made.map_id)
    times = []
    for i in range(args.edits):
        opened = store.open(g)
        t = time.perf_counter()
        store.edit(g, opened.version, edit_for(opened.data, i), "bench")
        times.append(time.perf_counter() - t)
    total = size(store, path)
    store.close()
    fresh = Store(url)
    g = fresh.owner(made.map_id)
    head = fresh.head(g)

    def opening(version: int | None) -> float:
        out = []
        for _ in range(20):
            fresh.forget()
            t = time.perf_counter()
            fresh.open(g, version)
            out.append(time.perf_counter() - t)
        return statistics.median(out)

    print(f"database: {'SQLite' if path else 'PostgreSQL'}; the essay map, {args.edits} edits")
    print(
        f"an edit (checked, diffed, written): median {statistics.median(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms"
    )
    print(f"database size after {args.edits} edits: {total / 1e6:.1f} MB  (target <= 20 MB)")
    print(f"open the latest version (v{head}): {opening(None) * 1000:.0f} ms  (target <= 150 ms)")
    for v in (1, head // 2, head - 1):
        print(f"open version {v}: {opening(v) * 1000:.0f} ms")
    fresh.close()
    if path is not None:
        for p in path.parent.glob("bench.db*"):
            os.remove(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
