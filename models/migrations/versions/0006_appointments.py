"""appointments: booked visits of customers, one live booking per customer and slot

Revision ID: 0006_appointments
Revises: 0005_sync
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_appointments"
down_revision = "0005_sync"
branch_labels = None
depends_on = None

LIVE = sa.text("status IN ('booked', 'arrived')")


def upgrade() -> None:
    op.create_table(
        "appointment",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("branch_id", sa.String(length=32), nullable=False),
        sa.Column("customer_id", sa.BigInteger(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("start_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_min", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("changed_by", sa.String(length=32), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ticket_id", sa.String(length=36), nullable=True),
        sa.CheckConstraint(
            "status IN ('booked', 'arrived', 'cancelled', 'no_show')", name=op.f("ck_appointment_status")
        ),
        sa.CheckConstraint("duration_min > 0", name=op.f("ck_appointment_duration")),
        sa.ForeignKeyConstraint(["branch_id"], ["branch.id"], name=op.f("fk_appointment_branch_id_branch")),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"], name=op.f("fk_appointment_customer_id_customer")),
        sa.ForeignKeyConstraint(
            ["branch_id", "category"],
            ["category.branch_id", "category.code"],
            name=op.f("fk_appointment_branch_id_category"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment")),
    )
    op.create_index(
        "uq_appointment_live_slot",
        "appointment",
        ["branch_id", "customer_id", "start_at"],
        unique=True,
        sqlite_where=LIVE,
        postgresql_where=LIVE,
    )
    op.create_index("ix_appointment_branch_day", "appointment", ["branch_id", "business_date", "start_at"])
    op.create_index("ix_appointment_customer_start", "appointment", ["branch_id", "customer_id", "start_at"])


def downgrade() -> None:
    op.drop_index("ix_appointment_customer_start", table_name="appointment")
    op.drop_index("ix_appointment_branch_day", table_name="appointment")
    op.drop_index("uq_appointment_live_slot", table_name="appointment")
    op.drop_table("appointment")
