"""The store: maps kept in a database with every version, reached through share links.

Contract: a :class:`Store` opens the database at a SQLAlchemy URL (default
:func:`~arguments.store.db.database_url`) and brings its schema up to date.  Every call that
reads or writes a map takes a :class:`Grant`, which only the store hands out: for a share
link's token (:meth:`Store.grant`, ``edit`` or ``view``) or, for whoever runs the CLI on the
database itself, for a map's id (:meth:`Store.owner`).  An unknown or revoked token, or a
token of another map, is :class:`NoSuchMap` ("no such map"), the same answer as for a map
that does not exist; a write through a ``view`` grant is :class:`ReadOnly`, refused here,
whatever the page showed.

Every write makes a new, immutable version, numbered from 1 without gaps, recording who
(a display name), when, a message (in words, from the diff: "changed the text of x") and
the step (import, edit, save, restore, undo, redo).  A write names the version it was made
on (``base``); when the map has moved on since, it is :class:`Stale`, carrying the diff of
what changed in the meantime, and nothing is written.  Checks run before the write, in the
loader's words (:func:`~arguments.store.check.validate`): an invalid or oversized map is a
:class:`~arguments.errors.MapError` and stores nothing.

Writers are serialised per map by a row lock (PostgreSQL ``SELECT ... FOR UPDATE``; SQLite's
write lock, taken at the transaction's start); a version is reported saved only once its
transaction has committed.  Versions are kept as JSON Patch deltas with a full snapshot
every :data:`~arguments.store.schema.SNAPSHOT_EVERY` versions: opening any version reads one
snapshot and at most that many deltas.  Versions never change, so what a process has read
(or written) is kept in memory and read again from there.
"""

from __future__ import annotations

import secrets
import threading
import zlib
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa

from ..analysis.diff import MapDiff, describe, diff
from ..analysis.quotes import SourceText
from ..models import Map
from . import db, delta, tokens
from .check import Checked, canonical, quote_texts, validate
from .edits import Edit, add_quote, apply, new_claim
from .records import (
    Created,
    Grant,
    MapInfo,
    NoSuchMap,
    Opened,
    ReadOnly,
    Saved,
    Stale,
    StoreError,
    Version,
    _utc,
    clean_name,
    now,
)
from .schema import SNAPSHOT_EVERY, links, maps, texts, versions
from .sharing import Sharing


class Store(Sharing):
    """Maps with every version (see the module doc)."""

    def __init__(self, url: str | None = None, *, migrate: bool = True) -> None:
        self.url = url or db.database_url()
        self.engine = db.engine(self.url)
        self._seal = object()
        self._cache: OrderedDict[tuple[str, int], tuple[dict[str, Any], Map | None]] = OrderedDict()
        self._texts: dict[str, str] = {}
        self._sources: dict[str, SourceText] = {}
        self._lock = threading.Lock()
        if migrate:
            db.migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def forget(self) -> None:
        """Drop what this process remembers of versions and texts (after a restore)."""
        with self._lock:
            self._cache.clear()
            self._texts.clear()
            self._sources.clear()

    # ---------------------------------------------------------------- transactions
    @contextmanager
    def _writer(self) -> Iterator[sa.Connection]:
        with self.engine.connect() as conn:
            conn.execution_options(write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def _reader(self) -> Iterator[sa.Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    # ---------------------------------------------------------------- access
    def grant(self, token: str, map_id: str | None = None) -> Grant:
        """The grant of a share link's token; NoSuchMap for any token that opens nothing."""
        if not isinstance(token, str) or not tokens.looks_like_token(token):
            raise NoSuchMap()
        wanted = tokens.digest(token)
        with self._reader() as conn:
            row = conn.execute(
                sa.select(links.c.token_hash, links.c.map_id, links.c.access).where(
                    links.c.token_hash == wanted, links.c.revoked_at.is_(None)
                )
            ).one_or_none()
        if row is None or not tokens.same(row.token_hash, wanted):
            raise NoSuchMap()
        if map_id is not None and not tokens.same(row.map_id, str(map_id)):
            raise NoSuchMap()
        return Grant(row.map_id, row.access, self._seal)

    def owner(self, map_id: str) -> Grant:
        """Full rights on a map, for whoever holds the database itself (the CLI)."""
        with self._reader() as conn:
            found = conn.execute(sa.select(maps.c.id).where(maps.c.id == str(map_id))).first()
        if found is None:
            raise NoSuchMap()
        return Grant(str(map_id), "owner", self._seal)

    def _check(self, grant: Grant, write: bool = False) -> None:
        if not isinstance(grant, Grant) or grant._seal is not self._seal:
            raise NoSuchMap()
        if write and not grant.can_edit:
            raise ReadOnly()

    # ---------------------------------------------------------------- creating
    def create(
        self,
        data: dict[str, Any] | Map,
        who: str,
        *,
        text: str | None = None,
        title: str | None = None,
        message: str | None = None,
        filename: str = "<map>",
    ) -> Created:
        """Store a new map (version 1) and make its edit and view links."""
        who = clean_name(who)
        body = data if isinstance(data, dict) else _data_of(data)
        checked = validate(body, text, filename)
        map_id = secrets.token_hex(5)
        edit_token, view_token = tokens.new_token(), tokens.new_token()
        when = now()
        name = title or str((checked.data.get("source") or {}).get("title") or "untitled map")
        packed = delta.pack(checked.data)
        with self._writer() as conn:
            text_hash = self._put_text(conn, text)
            conn.execute(
                maps.insert().values(
                    id=map_id,
                    title=name,
                    created_at=when,
                    updated_at=when,
                    head=1,
                    text_hash=text_hash,
                )
            )
            conn.execute(
                versions.insert().values(
                    map_id=map_id,
                    number=1,
                    created_at=when,
                    author=who,
                    message=message or "imported",
                    step="import",
                    snapshot=packed,
                )
            )
            for access, token in (("edit", edit_token), ("view", view_token)):
                conn.execute(
                    links.insert().values(
                        token_hash=tokens.digest(token),
                        map_id=map_id,
                        access=access,
                        created_at=when,
                    )
                )
        return Created(map_id, 1, edit_token, view_token)

    def _put_text(self, conn: sa.Connection, text: str | None) -> str | None:
        if text is None:
            return None
        raw = text.encode("utf-8")
        h = tokens.digest(text)
        if conn.execute(sa.select(texts.c.hash).where(texts.c.hash == h)).first() is None:
            conn.execute(texts.insert().values(hash=h, size=len(raw), data=zlib.compress(raw, 6)))
        return h

    # ---------------------------------------------------------------- reading
    def _map_column(self, grant: Grant, column: sa.Column) -> Any:
        """One column of the granted map's row (NoSuchMap when there is none)."""
        self._check(grant)
        with self._reader() as conn:
            value = conn.execute(
                sa.select(column).where(maps.c.id == grant.map_id)
            ).scalar_one_or_none()
        if value is None:
            raise NoSuchMap()
        return value

    def head(self, grant: Grant) -> int:
        return int(self._map_column(grant, maps.c.head))

    def title(self, grant: Grant) -> str:
        return str(self._map_column(grant, maps.c.title))

    def open(self, grant: Grant, version: int | None = None) -> Opened:
        """A version of the map (the latest by default); StoreError for no such version."""
        self._check(grant)
        with self._reader() as conn:
            row = conn.execute(
                sa.select(maps.c.title, maps.c.head, maps.c.text_hash).where(
                    maps.c.id == grant.map_id
                )
            ).one_or_none()
            if row is None:
                raise NoSuchMap()
            number = row.head if version is None else int(version)
            if not 1 <= number <= row.head:
                raise StoreError(f"the map has no version {number} (it has 1 to {row.head})")
            cached = self._cached(grant.map_id, number)
            if cached is None:
                data = self._data(conn, grant.map_id, number)
                cached = (data, _as_map(data))
                self._remember(grant.map_id, number, cached)
            text = self._text(conn, row.text_hash)
        data, m = cached
        return Opened(grant.map_id, row.title, number, row.head, data, m, text, grant.access)

    def _cached(self, map_id: str, number: int) -> tuple[dict[str, Any], Map | None] | None:
        with self._lock:
            hit = self._cache.get((map_id, number))
            if hit is not None:
                self._cache.move_to_end((map_id, number))
            return hit

    def _remember(self, map_id: str, number: int, value: tuple[dict[str, Any], Map | None]) -> None:
        with self._lock:  # versions never change: what was read once stays true
            self._cache[(map_id, number)] = value
            while len(self._cache) > 64:
                self._cache.popitem(last=False)

    def _text(self, conn: sa.Connection, text_hash: str | None) -> str | None:
        if text_hash is None:
            return None
        if text_hash not in self._texts:
            blob = conn.execute(
                sa.select(texts.c.data).where(texts.c.hash == text_hash)
            ).scalar_one()
            self._texts[text_hash] = zlib.decompress(blob).decode("utf-8")
        return self._texts[text_hash]

    def _data(self, conn: sa.Connection, map_id: str, number: int) -> dict[str, Any]:
        """The content of a version: the nearest snapshot at or before it, then the deltas."""
        start = conn.execute(
            sa.select(versions.c.number, versions.c.snapshot)
            .where(
                versions.c.map_id == map_id,
                versions.c.number <= number,
                versions.c.snapshot.is_not(None),
            )
            .order_by(versions.c.number.desc())
            .limit(1)
        ).one()
        data: dict[str, Any] = delta.unpack(start.snapshot)
        for (patch,) in conn.execute(
            sa.select(versions.c.delta)
            .where(
                versions.c.map_id == map_id,
                versions.c.number > start.number,
                versions.c.number <= number,
            )
            .order_by(versions.c.number)
        ):
            data = delta.apply(data, delta.unpack(patch))
        return data

    def history(self, grant: Grant) -> list[Version]:
        """Every version, oldest first."""
        self._check(grant)
        with self._reader() as conn:
            rows = conn.execute(
                sa.select(*_VERSION_COLUMNS)
                .where(versions.c.map_id == grant.map_id)
                .order_by(versions.c.number)
            ).all()
        if not rows:
            raise NoSuchMap()
        return [_version(r) for r in rows]

    def version(self, grant: Grant, number: int) -> Version:
        """One version's record (who, when, what, and where undo and redo lead)."""
        self._check(grant)
        with self._reader() as conn:
            r = conn.execute(
                sa.select(*_VERSION_COLUMNS).where(
                    versions.c.map_id == grant.map_id, versions.c.number == int(number)
                )
            ).one_or_none()
        if r is None:
            raise StoreError(f"the map has no version {number}")
        return _version(r)

    def list_maps(self) -> list[MapInfo]:
        """Every map in the database (for the CLI, which holds the database itself)."""
        with self._reader() as conn:
            rows = conn.execute(
                sa.select(
                    maps.c.id, maps.c.title, maps.c.head, maps.c.created_at, maps.c.updated_at
                ).order_by(maps.c.created_at, maps.c.id)
            ).all()
        return [
            MapInfo(r.id, r.title, r.head, _utc(r.created_at), _utc(r.updated_at)) for r in rows
        ]

    def changes(self, grant: Grant, old: int, new: int) -> MapDiff:
        """What changed from version ``old`` to version ``new``."""
        return diff(self.open(grant, old).data, self.open(grant, new).data)

    # ---------------------------------------------------------------- writing
    def edit(self, grant: Grant, base: int, change: Edit, who: str) -> Saved:
        """Make one edit on version ``base`` (which must be the latest)."""
        self._check(grant, write=True)
        who = clean_name(who)
        current = self._at_base(grant, base)
        checked = validate(
            apply(current.data, change),
            self._source(current.text),
            checked_quotes=quote_texts(current.data),
        )
        return self._write(grant, base, checked, who, "edit")

    def _source(self, text: str | None) -> SourceText | None:
        """The stored text prepared for look-ups (kept: the essay takes 20 ms to prepare)."""
        if text is None:
            return None
        key = tokens.digest(text)
        with self._lock:
            src = self._sources.get(key)
        if src is None:
            src = SourceText(text)
            with self._lock:
                self._sources[key] = src
        return src

    def save(
        self,
        grant: Grant,
        data: dict[str, Any] | Map,
        who: str,
        *,
        base: int | None = None,
        message: str | None = None,
        filename: str = "<map>",
    ) -> Saved:
        """A new version with this whole content (``base`` None: on whatever is latest)."""
        self._check(grant, write=True)
        who = clean_name(who)
        body = data if isinstance(data, dict) else _data_of(data)
        current = self.open(grant) if base is None else self._at_base(grant, base)
        checked = validate(body, current.text, filename)
        return self._write(grant, base, checked, who, "save", message)

    def restore(self, grant: Grant, base: int, number: int, who: str) -> Saved:
        """A new version with the content of version ``number``."""
        self._check(grant, write=True)
        who = clean_name(who)
        self._at_base(grant, base)
        old = self.open(grant, number)
        checked = Checked(old.data, old.map)
        return self._write(grant, base, checked, who, "restore", f"restored version {number}")

    def undo(self, grant: Grant, base: int, who: str) -> Saved:
        """Bring back the content before the last step (a new version)."""
        return self._step(grant, base, who, undo=True)

    def redo(self, grant: Grant, base: int, who: str) -> Saved:
        """Bring back the step the last undo took away (a new version)."""
        return self._step(grant, base, who, undo=False)

    def can_step(self, grant: Grant, version: int) -> tuple[bool, bool]:
        """Whether an undo and a redo are possible from ``version``."""
        v = self.version(grant, version)
        return v.back is not None, v.forward is not None

    def _step(self, grant: Grant, base: int, who: str, *, undo: bool) -> Saved:
        self._check(grant, write=True)
        who = clean_name(who)
        current = self._at_base(grant, base)
        here = self.version(grant, base)
        target = here.back if undo else here.forward
        if target is None:
            raise StoreError("nothing to undo" if undo else "nothing to redo")
        there = self.version(grant, target)
        old = self.open(grant, target)
        words = describe(diff(current.data, old.data))
        back: int | None
        forward: int | None
        if undo:
            back, forward = there.back, base
        else:
            back, forward = base, there.forward
        return self._write(
            grant,
            base,
            Checked(old.data, old.map),
            who,
            "undo" if undo else "redo",
            f"{'undo' if undo else 'redo'}: {words}",
            back=back,
            forward=forward,
        )

    def _at_base(self, grant: Grant, base: int) -> Opened:
        """The latest version, which must be ``base``; Stale otherwise."""
        current = self.open(grant)
        if current.version != base:
            raise self._stale(grant, base, current.version)
        return current

    def _stale(self, grant: Grant, base: int, head: int) -> Stale:
        if not 1 <= base <= head:
            return Stale(base, head, MapDiff(), ())
        since = [v for v in self.history(grant) if base < v.number <= head]
        by = tuple(dict.fromkeys(v.author for v in since))
        return Stale(base, head, self.changes(grant, base, head), by)

    def _write(
        self,
        grant: Grant,
        base: int | None,
        checked: Checked,
        who: str,
        step: str,
        message: str | None = None,
        *,
        back: int | str | None = "base",
        forward: int | None = None,
    ) -> Saved:
        """Append a version with this content, if the map's head is still ``base``."""
        with self._writer() as conn:
            row = conn.execute(
                sa.select(maps.c.head).where(maps.c.id == grant.map_id).with_for_update()
            ).one_or_none()
            if row is None:
                raise NoSuchMap()
            head = int(row.head)
            if base is not None and base != head:
                stale = True
            else:
                stale = False
                known = self._cached(grant.map_id, head)
                old = known[0] if known is not None else self._data(conn, grant.map_id, head)
                number = head + 1
                message = message or describe(diff(old, checked.data))
                conn.execute(
                    versions.insert().values(
                        map_id=grant.map_id,
                        number=number,
                        created_at=now(),
                        author=who,
                        message=message,
                        step=step,
                        base=head,
                        back=head if back == "base" else back,
                        forward=forward,
                        delta=delta.pack(delta.make(old, checked.data)),
                        snapshot=delta.pack(checked.data) if number % SNAPSHOT_EVERY == 0 else None,
                    )
                )
                title = str((checked.data.get("source") or {}).get("title") or "untitled map")
                conn.execute(
                    maps.update()
                    .where(maps.c.id == grant.map_id)
                    .values(head=number, updated_at=now(), title=title)
                )
        if stale:
            assert base is not None
            raise self._stale(grant, base, head)
        self._remember(grant.map_id, number, (checked.data, checked.map))
        return Saved(grant.map_id, number, message or "")

    # ---------------------------------------------------------------- a passage into a claim
    def add_quote(
        self,
        map_id: str,
        token: str,
        base_version: int,
        claim_id: str,
        quote_text: str,
        who: str,
        *,
        speaker: str | None = None,
        cites: str | None = None,
    ) -> Saved:
        """Add a passage of the source, as it is, to a claim's quotes (the Read page's
        "add to a claim"); the same path, checks and refusals as every edit."""
        grant = self.grant(token, map_id)
        self._check(grant, write=True)
        current = self._at_base(grant, base_version)
        return self.edit(
            grant,
            base_version,
            add_quote(current.data, claim_id, quote_text, speaker=speaker, cites=cites),
            who,
        )

    def new_claim(
        self,
        map_id: str,
        token: str,
        base_version: int,
        fields: dict[str, Any],
        quote_text: str,
        who: str,
    ) -> Saved:
        """A new claim (``fields``: id, kind, actors, chapter, text, date, topics, number)
        whose first quote is the passage ``quote_text``, as it is (the Read page's "new claim
        with this quote")."""
        grant = self.grant(token, map_id)
        self._check(grant, write=True)
        current = self._at_base(grant, base_version)
        return self.edit(grant, base_version, new_claim(current.data, fields, quote_text), who)


_VERSION_COLUMNS = (
    versions.c.number,
    versions.c.created_at,
    versions.c.author,
    versions.c.message,
    versions.c.step,
    versions.c.base,
    versions.c.back,
    versions.c.forward,
)


def _version(r: Any) -> Version:
    return Version(
        r.number, _utc(r.created_at), r.author, r.message, r.step, r.base, r.back, r.forward
    )


def _data_of(m: Map) -> dict[str, Any]:
    return canonical(m)


def _as_map(data: dict[str, Any]) -> Map | None:
    """A stored version's data as a Map (checked when it was stored; a draft has none)."""
    if not data.get("claims"):
        return None
    return Map.model_validate(data)
