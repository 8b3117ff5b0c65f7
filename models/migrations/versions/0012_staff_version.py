"""staff: the version each signing raises, signed with the account (a station refuses an older copy)

Revision ID: 0012_staff_version
Revises: 0010_follow_up_owner
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_staff_version"
down_revision = "0011_session_projection"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.add_column(sa.Column("signed_version", sa.BigInteger(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("signed_version")
