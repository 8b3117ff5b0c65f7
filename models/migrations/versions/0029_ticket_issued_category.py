"""ticket.issued_category: the category a ticket was issued for, which a transfer leaves alone

Revision ID: 0029_ticket_issued_category
Revises: 0028_ticket_day_ended_at

A transfer sends a ticket to another category's queue, and ``ticket.category`` follows it (the calling
policy and the estimates serve the ticket there). The service report grouped on that column: a cash ticket
that waited past the cash target and was then transferred counted as a transfer ticket, judged against the
transfer target, and the cash line lost it. The report now counts a ticket under the category it was issued
for, kept here by the projections (queueing/core/tickets.py, Ticket.issued_category).

Existing rows are filled from what the store knows: a ticket never transferred was issued for the category
it holds; a transferred one for the category of its ``ticket_issued`` event (the first in store order, as
the reducer keeps the first issue of an id). A transferred ticket whose issue event this store's journal does
not hold keeps its present category, the best this store knows; the projections write every row there is.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0029_ticket_issued_category"
down_revision = "0028_ticket_day_ended_at"
branch_labels = None
depends_on = None

# The issue event's ticket id and category, per dialect, as 0015 reads a rating.
_TICKET = {"sqlite": "json_extract(payload, '$.ticket_id')", "postgresql": "(payload->>'ticket_id')"}
_CATEGORY = {"sqlite": "json_extract(payload, '$.category')", "postgresql": "(payload->>'category')"}
_UPDATE = "UPDATE ticket SET issued_category = :category WHERE id = :ticket AND branch_id = :branch"


def _backfill_transferred(bind: sa.Connection) -> None:
    """The transferred tickets' categories from their issue events: transfers are few, issue events many."""
    dialect = bind.dialect.name
    query = (
        f"SELECT position, branch_id, {_TICKET[dialect]}, {_CATEGORY[dialect]} FROM event"
        f" WHERE type = 'ticket_issued' AND {_TICKET[dialect]} IN (SELECT id FROM ticket WHERE transfers > 0)"
    )
    issued: dict[tuple[str, str], str] = {}
    for _, branch, ticket, category in sorted(bind.execute(sa.text(query)).all(), key=lambda row: row[0]):
        if isinstance(category, str) and category:
            issued.setdefault((branch, ticket), category)
    params = [{"category": c, "ticket": t, "branch": b} for (b, t), c in issued.items()]
    if params:
        bind.execute(sa.text(_UPDATE), params)


def upgrade() -> None:
    op.add_column("ticket", sa.Column("issued_category", sa.String(32), nullable=True))
    bind = op.get_bind()
    bind.execute(sa.text("UPDATE ticket SET issued_category = category"))
    _backfill_transferred(bind)


def downgrade() -> None:
    op.drop_column("ticket", "issued_category")
