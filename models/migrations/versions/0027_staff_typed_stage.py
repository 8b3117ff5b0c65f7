"""staff.typed_stage: the PIN lock stage typed at a station that its next sync takes upstream

Revision ID: 0027_staff_typed_stage
Revises: 0026_visit_at_the_counter

A station pushes the locks that wrong PINs typed at it put on a teller (models/staff/mirror.py). Its copy of
an account also holds the locks it copied from upstream, which must not go back up: a right PIN upstream
clears the stage there, and pushing the copy's stage again undid it at every sync. The copy now says which
stage was typed at the station and has not gone up yet. Rows written before are treated as having nothing
waiting (their locks already held at the station stay there, as before).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0027_staff_typed_stage"
down_revision = "0026_visit_at_the_counter"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("staff", sa.Column("typed_stage", sa.Integer(), nullable=False, server_default="0"))
    # When the lock was typed: the push's audit entry names it, so a lock that went up once never goes up again
    # (a file restored from a backup, or a reply lost after upstream's COMMIT), and a newer one is never mistaken
    # for it.
    op.add_column("staff", sa.Column("typed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("staff", "typed_at")
    op.drop_column("staff", "typed_stage")
