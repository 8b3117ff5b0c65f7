"""customer: full names and phone numbers sealed (AES-GCM under the branch key) beside their masked forms

Revision ID: 0013_customer_sealed
Revises: 0012_staff_version

Existing rows are sealed here, which needs the branch key file (COUNTERLINE_BRANCH_KEY_FILE or
the config folder, owner-only); a store without customers needs none. On SQLite the freed pages
are overwritten (secure_delete), so the clear values do not linger in the file.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from models.customers.seal import load_seal

revision = "0013_customer_sealed"
down_revision = "0012_staff_version"
branch_labels = None
depends_on = None

BATCH = 5000
NEW_COLUMNS = ("name_sealed", "name_masked", "greeting", "phone_sealed")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        bind.exec_driver_sql("PRAGMA secure_delete = ON")
    with op.batch_alter_table("customer") as batch:
        batch.add_column(sa.Column("name_sealed", sa.Text(), nullable=True))
        batch.add_column(sa.Column("name_masked", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("greeting", sa.String(length=8), nullable=True))
        batch.add_column(sa.Column("phone_sealed", sa.Text(), nullable=True))
    _seal_rows(bind)
    with op.batch_alter_table("customer") as batch:
        for column in NEW_COLUMNS:
            batch.alter_column(column, existing_type=sa.Text() if "sealed" in column else sa.String(), nullable=False)
        for column in ("family_name", "given_name", "phone"):
            batch.drop_column(column)


def _seal_rows(bind: sa.Connection) -> None:
    if bind.execute(sa.text("SELECT 1 FROM customer LIMIT 1")).first() is None:
        return
    seal = load_seal()
    update = sa.text(
        "UPDATE customer SET name_sealed = :name_sealed, name_masked = :name_masked, greeting = :greeting, "
        "phone_sealed = :phone_sealed WHERE id = :id"
    )
    last = 0
    while True:
        rows = bind.execute(
            sa.text(
                "SELECT id, branch_id, customer_no, family_name, given_name, phone FROM customer "
                "WHERE id > :last ORDER BY id LIMIT :n"
            ),
            {"last": last, "n": BATCH},
        ).all()
        if not rows:
            return
        bind.execute(
            update,
            [{"id": r.id, **seal.columns(r.branch_id, r.customer_no, r.family_name, r.given_name, r.phone)} for r in rows],
        )
        last = rows[-1].id


def downgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("customer") as batch:
        batch.add_column(sa.Column("family_name", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("given_name", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("phone", sa.String(length=40), nullable=True))
    rows = bind.execute(sa.text("SELECT id, branch_id, customer_no, name_sealed, phone_sealed FROM customer")).all()
    if rows:
        seal = load_seal()
        for r in rows:
            family, given = json.loads(seal.open(r.branch_id, r.customer_no, "name", r.name_sealed))
            phone = seal.phone(r.branch_id, r.customer_no, r.phone_sealed)
            bind.execute(
                sa.text("UPDATE customer SET family_name = :f, given_name = :g, phone = :p WHERE id = :id"),
                {"f": family, "g": given, "p": phone, "id": r.id},
            )
    with op.batch_alter_table("customer") as batch:
        for column in ("family_name", "given_name", "phone"):
            batch.alter_column(column, existing_type=sa.String(), nullable=False)
        for column in NEW_COLUMNS:
            batch.drop_column(column)
