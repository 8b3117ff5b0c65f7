"""history: service records by category and by teller, newest first (start-up and sign-in on old stores)

Revision ID: 0008_history
Revises: 0007_sync_faults
"""

from __future__ import annotations

from alembic import op

revision = "0008_history"
down_revision = "0007_sync_faults"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_service_record_branch_category_finished",
        "service_record",
        ["branch_id", "category", "finished_at"],
        unique=False,
    )
    op.create_index(
        "ix_service_record_branch_staff_finished", "service_record", ["branch_id", "staff_id", "finished_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_service_record_branch_staff_finished", table_name="service_record")
    op.drop_index("ix_service_record_branch_category_finished", table_name="service_record")
