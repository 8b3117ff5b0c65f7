"""records: index of the journal by event type and time (ratings, quality marks, corrections, counter sessions)

Revision ID: 0003_records
Revises: 0002_customers
"""

from __future__ import annotations

from alembic import op

revision = "0003_records"
down_revision = "0002_customers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_event_branch_type_at", "event", ["branch_id", "type", "at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_event_branch_type_at", table_name="event")
