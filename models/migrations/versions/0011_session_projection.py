"""counter_session becomes a projection of the journal's sign-in events

The reducer now keeps one teller per counter and one counter per teller (and flags a clash from
stations that were offline), so the table loses the constraints that made the database decide:
a projection must take whatever the reducer accepted, or a push would be refused for it. Open
sessions stay as they are: they are the projection of the sessions signed in before this revision.

Revision ID: 0011_session_projection
Revises: 0010_follow_up_owner
"""

from __future__ import annotations

from alembic import op

revision = "0011_session_projection"
down_revision = "0010_follow_up_owner"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("counter_session") as batch:
        batch.drop_constraint("fk_counter_session_branch_id_staff", type_="foreignkey")
        batch.drop_constraint("uq_counter_session_branch_id_staff_id", type_="unique")


def downgrade() -> None:
    with op.batch_alter_table("counter_session") as batch:
        batch.create_unique_constraint("uq_counter_session_branch_id_staff_id", ["branch_id", "staff_id"])
        batch.create_foreign_key(
            "fk_counter_session_branch_id_staff", "staff", ["branch_id", "staff_id"], ["branch_id", "id"]
        )
