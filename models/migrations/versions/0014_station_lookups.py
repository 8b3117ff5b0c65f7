"""customer_access: what stations asked the server's customer functions; on PostgreSQL those functions

Revision ID: 0014_station_lookups
Revises: 0013_customer_sealed

The SECURITY DEFINER functions (models/customers/station_lookups_pg.py) are owned by whoever migrates, the
database's owner; ``main.py db grant-station ROLE`` lets a station's role execute them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.customers.station_lookups_pg import ACCESS_GUARDS, CREATE_FUNCTIONS, FUNCTION_SIGNATURES
from models.customers.station_writes_pg import CREATE_FUNCTIONS as CREATE_WRITES
from models.customers.station_writes_pg import FUNCTION_SIGNATURES as WRITE_SIGNATURES

revision = "0014_station_lookups"
down_revision = "0013_customer_sealed"
branch_labels = None
depends_on = None

RowId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "customer_access",
        sa.Column("id", RowId, autoincrement=True, nullable=False),
        sa.Column("branch_id", sa.String(length=32), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("staff_id", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("customer_id", sa.BigInteger(), nullable=True),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_access")),
    )
    op.create_index("ix_customer_access_branch_at", "customer_access", ["branch_id", "at"])
    if op.get_bind().dialect.name == "postgresql":
        for statement in (*ACCESS_GUARDS, *CREATE_FUNCTIONS, *CREATE_WRITES):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for signature in (*FUNCTION_SIGNATURES, *WRITE_SIGNATURES):
            op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    op.drop_index("ix_customer_access_branch_at", table_name="customer_access")
    op.drop_table("customer_access")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS customer_access_append_only()")
