"""ticket.day_ended_at: the moment a day end closed the ticket, or found it at a counter

Revision ID: 0028_ticket_day_ended_at
Revises: 0027_staff_typed_stage

A station cut off across midnight may push, the next morning or weeks later, the call (or return) of a
ticket that a day end closed meanwhile. The call came first in time, so the ticket reopens and the visit
stands (queueing/core/reducer.py, _revive). If that visit then parked the ticket or sent it to another
queue before midnight, the day end would have closed it had it come after the visit, so it closes again at
that day end's moment: the ticket must remember it while it is open, without calling itself finished. The
same moment is kept when a day end finds a ticket of an earlier day at a counter, so that a park before
midnight pushed after that day end closes it as well: whichever order the facts arrive in, every store
holds the same ticket. Rows written before this revision met no such day end, as far as they know.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0028_ticket_day_ended_at"
down_revision = "0027_staff_typed_stage"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("ticket", sa.Column("day_ended_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("ticket", "day_ended_at")
