"""Helpers for the store's tests: a fresh database on each backend.

Contract: :func:`backends` lists the pytest params ``sqlite`` and ``postgresql``; the
PostgreSQL one is skipped, with the reason, unless ``ARGMAP_TEST_PG`` names a database
(``.ci/run`` starts a server and sets it).  :func:`fresh_url` gives a URL to an empty
database of that backend: a new SQLite file, or the PostgreSQL test database emptied of
the store's tables.  :func:`essay_data` is the bundled map's data and its text.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlalchemy as sa

from arguments.documents import load_document
from arguments.store.check import canonical

ROOT = Path(__file__).resolve().parent.parent
PG_VAR = "ARGMAP_TEST_PG"
PG_URL = os.environ.get(PG_VAR, "").strip()
NO_PG = (
    f"{PG_VAR} is not set: the store's PostgreSQL tests need a server "
    "(.ci/run starts one from Debian's postgresql package)"
)


def backends() -> list:
    return [
        pytest.param("sqlite", id="sqlite"),
        pytest.param(
            "postgresql", id="postgresql", marks=pytest.mark.skipif(not PG_URL, reason=NO_PG)
        ),
    ]


def empty_pg(url: str) -> None:
    """Drop the store's tables (and Alembic's) from the PostgreSQL test database."""
    eng = sa.create_engine(url)
    with eng.begin() as conn:
        for table in ("links", "versions", "maps", "texts", "alembic_version"):
            conn.exec_driver_sql(f'DROP TABLE IF EXISTS "{table}" CASCADE')
    eng.dispose()


def fresh_url(backend: str, tmp_path: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    empty_pg(PG_URL)
    return PG_URL


_ESSAY: tuple[dict, str | None] | None = None


def essay_data() -> tuple[dict, str | None]:
    """The bundled map's canonical data and the essay's text (loaded once)."""
    global _ESSAY
    if _ESSAY is None:
        doc = load_document(ROOT / "claims.yaml")
        _ESSAY = (canonical(doc.map), doc.text)
    return _ESSAY
