"""ticket.started_run: the run of the station's monotonic clock that timed the start of service

Revision ID: 0023_ticket_started_run
Revises: 0022_quarantine_reason_code

A service time is the monotonic clock's, so that a PC clock set back or forward during a visit changes
nothing. A start read in another run of the program (after a restart, perhaps a reboot that restarted that
clock) is believed only while it agrees with the wall clock; one read in the same run always is. The start
event names its run (``mono_run``); the projection keeps it beside ``started_mono`` so that a state rebuilt
from the store says what the journal says. Rows written before this revision have none: their starts are
judged by the wall clock as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023_ticket_started_run"
down_revision = "0022_quarantine_reason_code"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("ticket", sa.Column("started_run", sa.String(32), nullable=True))


def downgrade() -> None:
    op.drop_column("ticket", "started_run")
