"""held_base: a station's file keeps the state it folds again from, should the branch's order move its offline
events, across a restart

Revision ID: 0034_held_base
Revises: 0033_published_rulebook

A station kept that state in memory only: restarted between its offline work and its next sync, it folded its
whole journal from the start when the two orders met (half a minute on a year's file, its commands waiting).
Empty until a station writes it; the branch's own store never does.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0034_held_base"
down_revision = "0033_published_rulebook"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "held_base",
        sa.Column("branch_id", sa.String(32), primary_key=True),
        sa.Column("station_id", sa.String(64), primary_key=True),
        sa.Column("position", sa.BigInteger(), nullable=False),
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("written_by", sa.String(100), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("held_base")
