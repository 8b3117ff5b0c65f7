"""staff: wrong-PIN count and lock of each account; the branch's signature over the account

Revision ID: 0009_staff_security
Revises: 0008_history
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_staff_security"
down_revision = "0008_history"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.add_column(sa.Column("failed_pins", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("lock_stage", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("signature", sa.String(length=128), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("signature")
        batch.drop_column("locked_until")
        batch.drop_column("lock_stage")
        batch.drop_column("failed_pins")
