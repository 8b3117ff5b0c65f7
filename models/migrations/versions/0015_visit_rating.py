"""service_record.rating: each visit's last customer rating, so a report reads no journal for it

Revision ID: 0015_visit_rating
Revises: 0014_station_lookups

The column is backfilled from the journal's rating events (the last one of each ticket in store
order, as replaying the journal decides), through the partial index ``ix_event_rated_ticket`` by
which the projections keep it up to date (models/store/visit_ratings.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.store.visit_ratings import INDEX_NAME, backfill_ratings, create_index_sql

revision = "0015_visit_rating"
down_revision = "0014_station_lookups"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("service_record", sa.Column("rating", sa.SmallInteger(), nullable=True))
    bind = op.get_bind()
    op.execute(create_index_sql(bind.dialect.name))
    backfill_ratings(bind)


def downgrade() -> None:
    op.execute(f"DROP INDEX {INDEX_NAME}")
    with op.batch_alter_table("service_record") as batch:
        batch.drop_column("rating")
