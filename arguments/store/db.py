"""The database: which one (``ARGMAP_DB`` or a SQLite file), its engine, its migrations.

Contract: :func:`database_url` is ``$ARGMAP_DB`` (a SQLAlchemy URL: ``sqlite:///PATH`` or
``postgresql+psycopg://USER@/DB?host=SOCKETDIR``) or, without it, a SQLite file
``argmap.db`` in the user's data directory (:func:`default_path`, from platformdirs).
:func:`engine` makes an engine for a URL: SQLite in WAL mode, with a busy timeout, foreign
keys on and ``BEGIN IMMEDIATE`` for writing transactions (``execution_options(write=True)``),
so that writers queue instead of failing; parameters are never shown in error messages (a
token's hash is no one's business either).  :func:`migrate` brings the schema to the latest
Alembic revision, under a lock (PostgreSQL: an advisory lock; SQLite: the write lock), so
two servers starting at once do not both create the tables.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir

ENV_VAR = "ARGMAP_DB"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: the PostgreSQL advisory lock held while migrating (any fixed number)
_MIGRATION_LOCK = 712_001


def default_path() -> Path:
    """The SQLite file used when ``ARGMAP_DB`` is not set."""
    return Path(user_data_dir("argmap", appauthor=False)) / "argmap.db"


def database_url() -> str:
    url = os.environ.get(ENV_VAR, "").strip()
    if url:
        return url
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def is_sqlite(eng: sa.Engine) -> bool:
    return eng.dialect.name == "sqlite"


def engine(url: str) -> sa.Engine:
    """An engine for ``url``, set up for many threads and several processes."""
    if url.startswith("sqlite"):
        eng = sa.create_engine(
            url, hide_parameters=True, connect_args={"timeout": 60, "check_same_thread": False}
        )
        sa.event.listen(eng, "connect", _sqlite_connect)
        sa.event.listen(eng, "begin", _sqlite_begin)
        return eng
    return sa.create_engine(url, hide_parameters=True, pool_pre_ping=True, pool_size=10)


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # transactions are begun by _sqlite_begin
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # in WAL mode: durable against a crashed process
    cur.execute("PRAGMA busy_timeout=60000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    # a writer takes the write lock at once: two writers that both read first would
    # otherwise deadlock when both try to write (SQLite then fails one at once)
    write = conn.get_execution_options().get("write")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(conn: sa.Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def migrate(eng: sa.Engine) -> str | None:
    """Bring the schema up to the latest revision (nothing to do: one quick query)."""
    head = head_revision()
    with eng.connect() as conn:
        if current_revision(conn) == head:
            return head
    with eng.connect() as conn:
        conn = conn.execution_options(write=True)
        with conn.begin():
            if eng.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
            cfg = _config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    return head
