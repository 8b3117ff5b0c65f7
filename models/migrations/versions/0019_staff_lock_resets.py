"""staff.lock_resets: how many times the account's wrong-PIN lock was lifted (an unlock or a new PIN)

Revision ID: 0019_staff_lock_resets
Revises: 0018_ticket_left_counter

A station counts the wrong PINs typed at it in its own copy of the account, and a lock there must be
lifted by a supervisor's unlock upstream. The count is no part of what the branch signs, so an unlock no
longer re-signs the account (where the signing key is not, that left it unsigned and refused offline):
the station learns of it from this number instead, copied with the account at every sync.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019_staff_lock_resets"
down_revision = "0018_ticket_left_counter"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("staff", sa.Column("lock_resets", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    op.drop_column("staff", "lock_resets")
