"""The index the supervisor's Sync tab finds the flagged tickets by (migration 0030_history_seeks).

Partial: only the tickets whose ``conflict`` is set, so the tab reads those few and not every ticket of every day
(``ix_ticket_branch_status`` has the branch in front, no more). A query says ``TicketRow.conflict == True``, the
condition the index holds. Declared here, as models/store/history_indexes.py does, so the core table module
stays the lead's: a dialect's ``*_where`` loads that dialect, which a station with no PostgreSQL upstream never
needs (tests/models/sync/test_link_errors.py).
"""

from __future__ import annotations

from sqlalchemy import Index, text

from models.store.tables import TicketRow

TICKET_CONFLICT = Index(
    "ix_ticket_branch_conflict",
    TicketRow.branch_id,
    sqlite_where=text('"conflict" = 1'),
    postgresql_where=text('"conflict"'),
)
