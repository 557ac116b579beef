"""The store's tables (SQLAlchemy Core): maps, their versions, share links, source texts.

Contract: :data:`metadata` describes the schema that the Alembic migrations in
``migrations/versions/`` build (a test checks the two agree); the store reads and writes
only through these tables, with bound parameters.

- ``texts``: a source text, stored once by its SHA-256 (zlib-compressed UTF-8).
- ``maps``: one row per stored map: its title, its head (latest version number) and its
  source text.  (The row changes with every version, so it holds nothing big: a large value
  rewritten a thousand times would bloat PostgreSQL's tables until a vacuum.)
- ``versions``: every version of every map, immutable: who, when, the message, what kind of
  step made it; its content as a JSON Patch from the previous version (``delta``) and, every
  :data:`SNAPSHOT_EVERY` versions, in full (``snapshot``).  ``back`` and ``forward`` name the
  versions whose content an undo or a redo from this version brings back.
- ``links``: share links, one per right (``edit``, ``view``), each a token kept only as its
  SHA-256; a revoked link keeps its row with ``revoked_at`` set.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

texts = sa.Table(
    "texts",
    metadata,
    sa.Column("hash", sa.String(64), primary_key=True),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
)

maps = sa.Table(
    "maps",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("head", sa.Integer, nullable=False),
    sa.Column("text_hash", sa.String(64), sa.ForeignKey("texts.hash"), nullable=True),
)

versions = sa.Table(
    "versions",
    metadata,
    sa.Column("map_id", sa.String(32), sa.ForeignKey("maps.id"), primary_key=True),
    sa.Column("number", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("author", sa.Text, nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("step", sa.String(16), nullable=False),  # import, edit, save, restore, undo, redo
    sa.Column("base", sa.Integer, nullable=True),  # the version it was made on
    sa.Column("back", sa.Integer, nullable=True),  # an undo from here brings this content back
    sa.Column("forward", sa.Integer, nullable=True),  # a redo from here brings this back
    sa.Column("delta", sa.LargeBinary, nullable=True),
    sa.Column("snapshot", sa.LargeBinary, nullable=True),
)

links = sa.Table(
    "links",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("map_id", sa.String(32), sa.ForeignKey("maps.id"), nullable=False, index=True),
    sa.Column("access", sa.String(8), nullable=False),  # edit or view
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
)

#: every table, in the order a backup writes and a restore reads them (parents first)
TABLES = (texts, maps, versions, links)
#: a full copy of a version's content every this many versions (and at version 1)
SNAPSHOT_EVERY = 20
