"""sync: stations, leased number blocks, sync cursors

Revision ID: 0005_sync
Revises: 0004_staff
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_sync"
down_revision = "0004_staff"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_station",
        sa.Column("branch_id", sa.String(length=32), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("series_tag", sa.String(length=4), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("branch_id", "station_id", name=op.f("pk_sync_station")),
        sa.UniqueConstraint("branch_id", "series_tag", name=op.f("uq_sync_station_branch_id_series_tag")),
    )
    op.create_table(
        "number_lease",
        sa.Column("branch_id", sa.String(length=32), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("first_seq", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("leased_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("branch_id", "business_date", "category", "first_seq", name=op.f("pk_number_lease")),
    )
    op.create_table(
        "sync_cursor",
        sa.Column("branch_id", sa.String(length=32), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("acked_seq", sa.Integer(), nullable=False),
        sa.Column("pulled_position", sa.BigInteger(), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("series_tag", sa.String(length=4), nullable=True),
        sa.PrimaryKeyConstraint("branch_id", "station_id", name=op.f("pk_sync_cursor")),
    )


def downgrade() -> None:
    op.drop_table("sync_cursor")
    op.drop_table("number_lease")
    op.drop_table("sync_station")
