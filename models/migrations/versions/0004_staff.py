"""station sign-in sessions

Revision ID: 0004_staff
Revises: 0003_records
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_staff"
# Chained after 0003_records (piece-rate helper), which follows 0002_customers.
down_revision = "0003_records"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "counter_session",
        sa.Column("branch_id", sa.String(length=32), nullable=False),
        sa.Column("counter_id", sa.String(length=32), nullable=False),
        sa.Column("staff_id", sa.String(length=32), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("signed_in_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id", "staff_id"],
            ["staff.branch_id", "staff.id"],
            name=op.f("fk_counter_session_branch_id_staff"),
        ),
        sa.PrimaryKeyConstraint("branch_id", "counter_id", name=op.f("pk_counter_session")),
        sa.UniqueConstraint("branch_id", "staff_id", name=op.f("uq_counter_session_branch_id_staff_id")),
    )


def downgrade() -> None:
    op.drop_table("counter_session")
