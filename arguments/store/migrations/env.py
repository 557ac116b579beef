"""Alembic's environment for the store: run on the connection the store hands over
(``config.attributes["connection"]``), inside the transaction it holds (which also holds the
lock that keeps two servers from migrating at once)."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
