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

revision = "0015_visit_rating"
down_revision = "0014_station_lookups"
branch_labels = None
depends_on = None

INDEX_NAME = "ix_event_rated_ticket"
# The payload's ticket id and (a JSON integer, else NULL) rating, per dialect, as the index spells them.
_TICKET = {"sqlite": "json_extract(payload, '$.ticket_id')", "postgresql": "(payload->>'ticket_id')"}
_RATING = {
    "sqlite": "CASE WHEN json_type(payload, '$.rating') = 'integer' THEN json_extract(payload, '$.rating') END",
    "postgresql": "CASE WHEN json_typeof(payload->'rating') = 'number' AND (payload->>'rating') ~ '^-?[0-9]{1,9}$' "
    "THEN (payload->>'rating')::integer END",
}
_UPDATE = "UPDATE service_record SET rating = :rating WHERE ticket_id = :ticket AND branch_id = :branch"


def _create_index_sql(dialect: str) -> str:
    return f"CREATE INDEX {INDEX_NAME} ON event (branch_id, {_TICKET[dialect]}, position) WHERE type = 'visit_rated'"


def _backfill_ratings(bind: sa.Connection) -> None:
    """Every record's rating from the whole journal: the last rating event of its ticket, in store order."""
    dialect = bind.dialect.name
    query = f"SELECT position, branch_id, {_TICKET[dialect]}, {_RATING[dialect]} FROM event WHERE type = 'visit_rated'"
    rows = sorted(bind.execute(sa.text(query)).all(), key=lambda row: row[0])
    last = {(branch, ticket): rating for _, branch, ticket, rating in rows if ticket is not None}
    params = [
        {"rating": None if rating is None else int(rating), "ticket": ticket, "branch": branch}
        for (branch, ticket), rating in last.items()
    ]
    if params:
        bind.execute(sa.text(_UPDATE), params)


def upgrade() -> None:
    op.add_column("service_record", sa.Column("rating", sa.SmallInteger(), nullable=True))
    bind = op.get_bind()
    op.execute(_create_index_sql(bind.dialect.name))
    _backfill_ratings(bind)


def downgrade() -> None:
    op.execute(f"DROP INDEX {INDEX_NAME}")
    with op.batch_alter_table("service_record") as batch:
        batch.drop_column("rating")
