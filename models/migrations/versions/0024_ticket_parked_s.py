"""ticket.parked_s and the open park's clock reading: the seconds of a ticket's service it spent parked

Revision ID: 0024_ticket_parked_s
Revises: 0023_ticket_started_run

A parked visit (the customer sent for a document, the teller serving others meanwhile) was timed from its
start to its finish, parked time included: the other customers' service was counted twice in the teller's
serving time, and a one-minute visit parked for ten came out long enough to skip the short-visit review.
The return event now says how long the ticket was away (``parked_seconds``) and the finish takes it off;
the projection keeps the sum so that a state rebuilt from the store says what the journal says. Rows
written before this revision were parked for none of the time, as far as they know.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024_ticket_parked_s"
down_revision = "0023_ticket_started_run"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("ticket", sa.Column("parked_s", sa.Float(), nullable=False, server_default="0"))
    # The open park's monotonic reading, as started_mono/run/station are the start's: the time away is timed
    # on the clock the service is, not on a wall clock a person may set meanwhile.
    op.add_column("ticket", sa.Column("parked_mono", sa.Float(), nullable=True))
    op.add_column("ticket", sa.Column("parked_run", sa.String(32), nullable=True))
    op.add_column("ticket", sa.Column("parked_station", sa.String(64), nullable=True))


def downgrade() -> None:
    for column in ("parked_station", "parked_run", "parked_mono", "parked_s"):
        op.drop_column("ticket", column)
