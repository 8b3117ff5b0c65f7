"""follow-ups with an owner and a closing result; the result of each maturity call; the tier of each pitch

Revision ID: 0010_follow_up_owner
Revises: 0009_staff_security
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_follow_up_owner"
down_revision = "0009_staff_security"
branch_labels = None
depends_on = None

RowId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
CALL_RESULTS = "result IN ('reached', 'no_answer', 'appointment_booked', 'declined')"


def upgrade() -> None:
    with op.batch_alter_table("follow_up") as batch:
        batch.add_column(sa.Column("owner_id", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("done_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("done_by", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("result", sa.Text(), nullable=True))
    op.create_table(
        "call_result",
        sa.Column("id", RowId, autoincrement=True, nullable=False),
        sa.Column("branch_id", sa.String(length=32), nullable=False),
        sa.Column("customer_id", sa.BigInteger(), nullable=False),
        sa.Column("holding_id", sa.BigInteger(), nullable=True),
        sa.Column("staff_id", sa.String(length=32), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("result", sa.String(length=24), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(CALL_RESULTS, name=op.f("ck_call_result_result")),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"], name=op.f("fk_call_result_customer_id_customer")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_result")),
    )
    op.create_index("ix_call_result_customer_at", "call_result", ["branch_id", "customer_id", "at"])
    with op.batch_alter_table("crosssell_outcome") as batch:
        batch.add_column(sa.Column("tier", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("crosssell_outcome") as batch:
        batch.drop_column("tier")
    op.drop_index("ix_call_result_customer_at", table_name="call_result")
    op.drop_table("call_result")
    with op.batch_alter_table("follow_up") as batch:
        for column in ("result", "done_by", "done_at", "owner_id"):
            batch.drop_column(column)
