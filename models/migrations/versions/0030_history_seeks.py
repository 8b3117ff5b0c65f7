"""history seeks: the Sync tab, the call list and the due follow-ups seek their rows instead of walking history

Revision ID: 0030_history_seeks
Revises: 0029_ticket_issued_category

- ``ix_event_ticket``: a ticket's events by the payload's ticket id, in store order (a flagged ticket's facts on
  the supervisor's Sync tab, models/sync/ticket_events.py). An expression index like ``ix_event_rated_ticket``
  (0015_visit_rating), spelt per dialect; a query repeats the expression exactly.
- ``ix_ticket_branch_conflict``: the branch's flagged tickets only (partial, ``conflict`` true).
- ``ix_call_result_holding_at``: the calls about each maturing deposit (the call list's last call).
- ``ix_follow_up_branch_open``: the open follow-ups by due date (partial, ``done_at IS NULL``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0030_history_seeks"
down_revision = "0029_ticket_issued_category"
branch_labels = None
depends_on = None

EVENT_TICKET = "ix_event_ticket"
# The payload's ticket id, per dialect (as 0015 spells it, guarded on SQLite).
_TICKET = {
    # Guarded: an event whose payload is not JSON (a damaged file) is left out of the index instead of failing the
    # write or the migration with "malformed JSON"; PostgreSQL's json column holds JSON only.
    "sqlite": "CASE WHEN json_valid(payload) THEN json_extract(payload, '$.ticket_id') END",
    "postgresql": "(payload->>'ticket_id')",
}
_FLAGGED = {"sqlite": '"conflict" = 1', "postgresql": '"conflict"'}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.execute(f"CREATE INDEX {EVENT_TICKET} ON event (branch_id, {_TICKET[dialect]}, position)")
    op.create_index(
        "ix_ticket_branch_conflict",
        "ticket",
        ["branch_id"],
        sqlite_where=sa.text(_FLAGGED["sqlite"]),
        postgresql_where=sa.text(_FLAGGED["postgresql"]),
    )
    op.create_index("ix_call_result_holding_at", "call_result", ["branch_id", "holding_id", "at"])
    op.create_index(
        "ix_follow_up_branch_open",
        "follow_up",
        ["branch_id", "next_action_on"],
        sqlite_where=sa.text("done_at IS NULL"),
        postgresql_where=sa.text("done_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_follow_up_branch_open", table_name="follow_up")
    op.drop_index("ix_call_result_holding_at", table_name="call_result")
    op.drop_index("ix_ticket_branch_conflict", table_name="ticket")
    op.execute(f"DROP INDEX {EVENT_TICKET}")
