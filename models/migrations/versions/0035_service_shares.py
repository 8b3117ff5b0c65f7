"""service_record.service_shares and the ticket's marks: each teller's seconds of a visit several tellers served

Revision ID: 0035_service_shares
Revises: 0033_published_rulebook

A visit parked by one teller and finished by the next (or a counter taken over with its customer at the
window) gave all its service seconds to the teller who called it: piece-rate and teller time showed that
teller serving longer than they were signed in, and the one who finished serving none of it. The finish
now carries each teller's part (queueing.core.service_shares); the record keeps them (NULL: the visit's
teller served it all), and the ticket keeps, while it is open, where each part ended, so that a state
rebuilt from the store splits the service as the journal would.

Not backfilled: a visit recorded before this revision was its teller's alone, as its finish event says.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0035_service_shares"
down_revision = "0034_held_base"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("service_record", sa.Column("service_shares", sa.JSON(), nullable=True))
    op.add_column("ticket", sa.Column("service_marks", sa.JSON(), nullable=True))
    op.add_column("ticket", sa.Column("left_served_s", sa.Float(), nullable=True))


def downgrade() -> None:
    op.drop_column("ticket", "left_served_s")
    op.drop_column("ticket", "service_marks")
    op.drop_column("service_record", "service_shares")
