"""pin_guess: wrong PINs typed for an id that has no active account, counted as an account's are

Revision ID: 0025_pin_guess
Revises: 0024_ticket_parked_s

An account's wrong PINs lock it after five (models/staff/pin_lockout.py), while an unknown or deactivated id
was refused for ever without a count and without the PIN's hashing: the fifth wrong PIN, and the time of the
first, told someone at a station which ids are accounts. Such ids now keep the same count here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0025_pin_guess"
down_revision = "0024_ticket_parked_s"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pin_guess",
        sa.Column("branch_id", sa.String(32), primary_key=True),
        sa.Column("staff_id", sa.String(32), primary_key=True),
        sa.Column("failed_pins", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("lock_stage", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("pin_guess")
