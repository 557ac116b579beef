"""Faults and load on both backends: 20 writers at once, a killed writer, backup and restore."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest
import sqlalchemy as sa
from storehelp import ROOT, backends, fresh_url

from arguments.loader import load_map
from arguments.store import Edit, Stale, Store, StoreError
from arguments.store import schema as tables
from arguments.store.backup import backup, restore
from arguments.store.check import canonical, validate
from arguments.store.edits import apply

WRITERS, EDITS = 20, 50


def mini() -> dict:
    return canonical(load_map(ROOT / "tests" / "fixtures" / "mini.yaml"))


def test_twenty_writers_at_once(store):
    start = mini()
    made = store.create(start, "setup")
    g = store.grant(made.edit_token)
    claims = [c["id"] for c in start["claims"]]
    accepted: list[tuple[int, Edit]] = []
    refused: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def writer(w: int) -> None:
        try:
            for e in range(EDITS):
                opened = store.open(g)
                cid = claims[(w + e) % len(claims)]
                old = next(c for c in opened.data["claims"] if c["id"] == cid)
                edit = Edit.put("claims", {**old, "text": f"writer {w} edit {e}"}, cid)
                try:
                    saved = store.edit(g, opened.version, edit, f"writer {w}")
                except Stale as stale:
                    with lock:
                        refused.append((w, stale.base))
                    continue
                with lock:
                    accepted.append((saved.version, edit))
        except BaseException as exc:  # pragma: no cover - shown by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert len(accepted) + len(refused) == WRITERS * EDITS
    hist = store.history(g)
    # every accepted edit is a version, numbered without gaps, and only those
    assert [v.number for v in hist] == list(range(1, len(accepted) + 2))
    assert sorted(v for v, _ in accepted) == list(range(2, len(accepted) + 2))
    # the last version is all accepted edits replayed in order
    data = start
    for _, edit in sorted(accepted, key=lambda a: a[0]):
        data = apply(data, edit)
    assert store.open(g).data == canonical_of(data)
    fresh = Store(store.url)
    assert fresh.open(fresh.owner(made.map_id)).data == canonical_of(data)
    fresh.close()
    print(f"{len(accepted)} accepted, {len(refused)} refused")


def canonical_of(data: dict) -> dict:
    return validate(data, None).data


WRITER_SCRIPT = r"""
import sys
from arguments.store import Edit, Store
store = Store(sys.argv[1])
g = store.owner(sys.argv[2])
i = 0
while True:
    opened = store.open(g)
    c = opened.data["claims"][i % len(opened.data["claims"])]
    saved = store.edit(g, opened.version, Edit.put("claims", {**c, "text": f"edit {i}"}, c["id"]), "w")
    print(saved.version, flush=True)
    i += 1
"""


@pytest.mark.parametrize("backend", backends())
def test_a_killed_writer_loses_no_saved_version(backend, tmp_path):
    url = fresh_url(backend, tmp_path)
    store = Store(url)
    made = store.create(mini(), "setup")
    store.close()
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER_SCRIPT, url, made.map_id],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    reported = []
    deadline = time.monotonic() + 120
    assert proc.stdout is not None
    while len(reported) < 40 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        reported.append(int(line))
    os.kill(proc.pid, signal.SIGKILL)  # in the middle of the stream of edits
    proc.wait(30)
    assert len(reported) >= 40, proc.stderr.read() if proc.stderr else ""
    after = Store(url)
    g = after.owner(made.map_id)
    hist = after.history(g)
    assert [v.number for v in hist] == list(range(1, len(hist) + 1))
    assert hist[-1].number >= reported[-1]
    for n in reported:
        assert after.open(g, n).version == n
    assert after.open(g).map is not None
    if backend == "sqlite":
        with after.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    after.close()


def test_backup_and_restore_across_backends(store, tmp_path):
    made = store.create(mini(), "Ann")
    g = store.grant(made.edit_token)
    for n in range(1, 60):
        data = store.open(g).data
        c = data["claims"][n % len(data["claims"])]
        store.edit(g, n, Edit.put("claims", {**c, "text": f"edit {n}"}, c["id"]), "Ann")
    file = tmp_path / "backup.jsonl.gz"
    counts = backup(store, file)
    assert counts["versions"] == 60
    # into an empty SQLite database (from either backend)
    other = Store(f"sqlite:///{tmp_path / 'copy.db'}")
    assert restore(other, file) == counts
    g2 = other.grant(made.edit_token)  # the links work as before
    for n in (1, 30, 50, 60):
        assert other.open(g2, n).data == store.open(g, n).data
    assert [v.message for v in other.history(g2)] == [v.message for v in store.history(g)]
    with pytest.raises(StoreError, match="already holds maps"):
        restore(other, file)
    # back into the original backend, replacing what it holds
    store.edit(g, 60, Edit.delete("claims", "l-april-theses"), "Ann")
    restore(store, file, replace=True)
    assert store.open(store.grant(made.view_token)).version == 60
    other.close()


def test_a_damaged_backup_restores_nothing(store, tmp_path):
    store.create(mini(), "Ann")
    file = tmp_path / "backup.jsonl.gz"
    backup(store, file)
    lines = gzip.decompress(file.read_bytes()).decode().splitlines()
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress("\n".join(lines[:-2]).encode()))
    target = Store(f"sqlite:///{tmp_path / 'empty.db'}")
    with pytest.raises(StoreError, match="incomplete"):
        restore(target, cut)
    (tmp_path / "junk.gz").write_bytes(b"not gzip at all")
    with pytest.raises(StoreError, match="cannot read"):
        restore(target, tmp_path / "junk.gz")
    wrong = tmp_path / "wrong.jsonl.gz"
    wrong.write_bytes(gzip.compress(json.dumps({"argmap-backup": 1, "revision": "9999"}).encode()))
    with pytest.raises(StoreError, match="schema revision"):
        restore(target, wrong)
    with target.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(tables.maps)).scalar() == 0
    target.close()
