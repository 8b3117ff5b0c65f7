"""ticket_conflict: the reducer's own reason and figures for each conflict it recorded on a ticket

Revision ID: 0032_ticket_conflict
Revises: 0031_customer_remask

The Sync tab explained a flagged ticket by replaying the ticket's own events alone, which cannot see the
rest of the branch: a call flagged because the counter had another customer at it (counter_busy) was shown
as applied, and a later, legitimate call elsewhere as the clash, or the flag as resolved. The projections now
keep each conflict the reducer records on a ticket (models/sync/projection.py), and the Sync tab reads those.

Not backfilled: a ticket flagged before this revision has no rows, and the Sync tab gives it the replayed
account as before (still shown open while its row is flagged).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0032_ticket_conflict"
down_revision = "0031_customer_remask"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ticket_conflict",
        sa.Column("branch_id", sa.String(32), primary_key=True),
        sa.Column("ticket_id", sa.String(36), primary_key=True),
        sa.Column("event_id", sa.String(36), primary_key=True),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("ticket_conflict")
