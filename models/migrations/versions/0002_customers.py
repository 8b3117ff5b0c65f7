"""customer profiles, cross-sell outcomes and the append-only audit log

Revision ID: 0002_customers
Revises: 0001_core
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_customers"
down_revision = "0001_core"
branch_labels = None
depends_on = None

# The audit log refuses UPDATE and DELETE (the application only inserts; the hash chain shows the rest).
SQLITE_GUARDS = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
)
POSTGRES_GUARDS = (
    "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$",
    "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
)


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('branch_id', sa.String(length=32), nullable=False),
    sa.Column('station_id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('staff_id', sa.String(length=32), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('customer_id', sa.BigInteger(), nullable=True),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('branch_id', 'station_id', 'seq', name=op.f('pk_audit_log'))
    )
    op.create_index('ix_audit_log_at', 'audit_log', ['branch_id', 'at'], unique=False)
    op.create_index('ix_audit_log_customer', 'audit_log', ['branch_id', 'customer_id'], unique=False)
    op.create_table('customer',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('branch_id', sa.String(length=32), nullable=False),
    sa.Column('customer_no', sa.String(length=32), nullable=False),
    sa.Column('family_name', sa.String(length=100), nullable=False),
    sa.Column('given_name', sa.String(length=100), nullable=False),
    sa.Column('id_hash', sa.String(length=64), nullable=False),
    sa.Column('id_masked', sa.String(length=40), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('phone_hash', sa.String(length=64), nullable=False),
    sa.Column('phone_masked', sa.String(length=40), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('segment', sa.String(length=16), nullable=False),
    sa.Column('risk_rating', sa.Integer(), nullable=True),
    sa.Column('marketing_consent', sa.Boolean(), nullable=False),
    sa.Column('aum_prev_month_cents', sa.BigInteger(), nullable=False),
    sa.Column('fx_transactions_90d', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['branch.id'], name=op.f('fk_customer_branch_id_branch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer')),
    sa.UniqueConstraint('branch_id', 'customer_no', name=op.f('uq_customer_branch_id_customer_no'))
    )
    op.create_index('ix_customer_id_hash', 'customer', ['id_hash'], unique=False)
    op.create_index('ix_customer_phone_hash', 'customer', ['phone_hash'], unique=False)
    op.create_table('complaint',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('customer_id', sa.BigInteger(), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_complaint_customer_id_customer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint'))
    )
    op.create_index('ix_complaint_customer_status', 'complaint', ['customer_id', 'status'], unique=False)
    op.create_table('crosssell_outcome',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('branch_id', sa.String(length=32), nullable=False),
    sa.Column('customer_id', sa.BigInteger(), nullable=False),
    sa.Column('rule_code', sa.String(length=64), nullable=False),
    sa.Column('product', sa.String(length=32), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('staff_id', sa.String(length=32), nullable=False),
    sa.Column('station_id', sa.String(length=64), nullable=False),
    sa.Column('ticket_id', sa.String(length=36), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('follow_up_id', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_crosssell_outcome_customer_id_customer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_crosssell_outcome'))
    )
    op.create_index('ix_crosssell_outcome_branch_at', 'crosssell_outcome', ['branch_id', 'at'], unique=False)
    op.create_index('ix_crosssell_outcome_customer', 'crosssell_outcome', ['customer_id', 'outcome', 'at'], unique=False)
    op.create_table('customer_card',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('customer_id', sa.BigInteger(), nullable=False),
    sa.Column('card_hash', sa.String(length=64), nullable=False),
    sa.Column('card_masked', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_customer_card_customer_id_customer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_card'))
    )
    op.create_index('ix_customer_card_card_hash', 'customer_card', ['card_hash'], unique=False)
    op.create_index('ix_customer_card_customer', 'customer_card', ['customer_id'], unique=False)
    op.create_table('follow_up',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('branch_id', sa.String(length=32), nullable=False),
    sa.Column('customer_id', sa.BigInteger(), nullable=False),
    sa.Column('staff_id', sa.String(length=32), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('next_action_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_follow_up_customer_id_customer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up'))
    )
    op.create_index('ix_follow_up_branch_next', 'follow_up', ['branch_id', 'next_action_on'], unique=False)
    op.create_index('ix_follow_up_customer_at', 'follow_up', ['customer_id', 'at'], unique=False)
    op.create_table('holding',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('customer_id', sa.BigInteger(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('product_code', sa.String(length=32), nullable=False),
    sa.Column('balance_cents', sa.BigInteger(), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('matures_on', sa.Date(), nullable=True),
    sa.Column('risk_level', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_holding_customer_id_customer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_holding'))
    )
    op.create_index('ix_holding_customer', 'holding', ['customer_id'], unique=False)
    op.create_index('ix_holding_kind_matures', 'holding', ['kind', 'matures_on'], unique=False)
    guards = {"sqlite": SQLITE_GUARDS, "postgresql": POSTGRES_GUARDS}.get(op.get_bind().dialect.name, ())
    for statement in guards:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    op.drop_index('ix_holding_kind_matures', table_name='holding')
    op.drop_index('ix_holding_customer', table_name='holding')
    op.drop_table('holding')
    op.drop_index('ix_follow_up_customer_at', table_name='follow_up')
    op.drop_index('ix_follow_up_branch_next', table_name='follow_up')
    op.drop_table('follow_up')
    op.drop_index('ix_customer_card_customer', table_name='customer_card')
    op.drop_index('ix_customer_card_card_hash', table_name='customer_card')
    op.drop_table('customer_card')
    op.drop_index('ix_crosssell_outcome_customer', table_name='crosssell_outcome')
    op.drop_index('ix_crosssell_outcome_branch_at', table_name='crosssell_outcome')
    op.drop_table('crosssell_outcome')
    op.drop_index('ix_complaint_customer_status', table_name='complaint')
    op.drop_table('complaint')
    op.drop_index('ix_customer_phone_hash', table_name='customer')
    op.drop_index('ix_customer_id_hash', table_name='customer')
    op.drop_table('customer')
    op.drop_index('ix_audit_log_customer', table_name='audit_log')
    op.drop_index('ix_audit_log_at', table_name='audit_log')
    op.drop_table('audit_log')
