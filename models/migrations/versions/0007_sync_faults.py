"""sync faults: in-doubt commands, quarantined events, station incarnations

Revision ID: 0007_sync_faults
Revises: 0006_appointments
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_sync_faults"
down_revision = "0006_appointments"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "in_doubt_event",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("branch_id", sa.String(length=32), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("event", sa.Text(), nullable=False),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_in_doubt_event")),
    )
    op.create_table(
        "sync_quarantine",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("branch_id", sa.String(length=32), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("event", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_quarantine")),
        sa.UniqueConstraint("branch_id", "station_id", "seq", name=op.f("uq_sync_quarantine_branch_id_station_id_seq")),
    )
    with op.batch_alter_table("sync_station") as batch:
        batch.add_column(sa.Column("incarnation", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("clock_offset_ms", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("clock_measured_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("sync_cursor") as batch:
        batch.add_column(sa.Column("incarnation", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_cursor") as batch:
        batch.drop_column("incarnation")
    with op.batch_alter_table("sync_station") as batch:
        batch.drop_column("clock_measured_at")
        batch.drop_column("clock_offset_ms")
        batch.drop_column("incarnation")
    op.drop_table("sync_quarantine")
    op.drop_table("in_doubt_event")
