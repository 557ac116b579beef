"""The first schema: texts, maps, versions, links.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "texts",
        sa.Column("hash", sa.String(64), primary_key=True),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "maps",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("head", sa.Integer, nullable=False),
        sa.Column("text_hash", sa.String(64), sa.ForeignKey("texts.hash"), nullable=True),
    )
    op.create_table(
        "versions",
        sa.Column("map_id", sa.String(32), sa.ForeignKey("maps.id"), primary_key=True),
        sa.Column("number", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("step", sa.String(16), nullable=False),
        sa.Column("base", sa.Integer, nullable=True),
        sa.Column("back", sa.Integer, nullable=True),
        sa.Column("forward", sa.Integer, nullable=True),
        sa.Column("delta", sa.LargeBinary, nullable=True),
        sa.Column("snapshot", sa.LargeBinary, nullable=True),
    )
    op.create_table(
        "links",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("map_id", sa.String(32), sa.ForeignKey("maps.id"), nullable=False),
        sa.Column("access", sa.String(8), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_links_map_id", "links", ["map_id"])


def downgrade() -> None:
    op.drop_index("ix_links_map_id", "links")
    for table in ("links", "versions", "maps", "texts"):
        op.drop_table(table)
