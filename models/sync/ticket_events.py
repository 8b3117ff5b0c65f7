"""A ticket's events, found through the expression index on the payload's ticket id (``ix_event_ticket``,
migration 0030_history_seeks), in store order.

The Sync tab shows every fact of each flagged ticket. Matching the payload's ticket id with a JSON
expression the index does not hold read every event of the branch, once per open conflict; spelt as the
index spells it (per dialect, as models/store/visit_ratings.py does for ``ix_event_rated_ticket``) it is one
seek per ticket.
"""

from __future__ import annotations

import functools

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from models.branch.journal import row_to_event
from models.store.tables import EventRow
from models.store.upsert import dialect_name
from queueing.core.events import Event

INDEX_NAME = "ix_event_ticket"
# The index's expression, per dialect: a query must repeat it exactly.
TICKET_ID = {
    # Guarded: an event whose payload is not JSON (a damaged file) is left out of the index instead of failing the
    # write or the migration with "malformed JSON"; PostgreSQL's json column holds JSON only.
    "sqlite": "CASE WHEN json_valid(payload) THEN json_extract(payload, '$.ticket_id') END",
    "postgresql": "(payload->>'ticket_id')",
}


@functools.cache  # one statement per dialect
def _events_of_ticket(dialect: str) -> Select[EventRow]:
    return (
        select(EventRow)
        .where(EventRow.branch_id == bindparam("branch"), text(f"{TICKET_ID[dialect]} = :ticket"))
        .order_by(EventRow.position)
    )


def ticket_events(session: Session, branch_id: str, ticket_id: str) -> list[Event]:
    """The branch's events naming ``ticket_id`` in their payload, in store order."""
    stmt = _events_of_ticket(dialect_name(session))
    return [row_to_event(row) for row in session.scalars(stmt, {"branch": branch_id, "ticket": ticket_id})]
