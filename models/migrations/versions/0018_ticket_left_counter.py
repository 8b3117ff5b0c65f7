"""ticket.left_counter_at: when the ticket last left a counter, parked or transferred

Revision ID: 0018_ticket_left_counter
Revises: 0017_outcome_request

A customer at a counter when the business day ended (a branch open late) stays with the teller; one the
teller parks or sends to another queue after midnight was not left waiting or parked by the day that ended,
and the day end (queueing/core/day_end.py) must not close it. The projection keeps the moment so that a
state loaded from the rows decides as the journal's replay does. Rows of tickets parked or transferred
before this revision keep no moment: such a ticket still open at an upgrade across midnight is ended as
before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_ticket_left_counter"
down_revision = "0017_outcome_request"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("ticket", sa.Column("left_counter_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    # Not a batch copy of the table: on SQLite that drops a table service_record's key refers to.
    op.drop_column("ticket", "left_counter_at")
