"""Indexes the service-time records and the piece-rate report read by.

No new table: the records are the core's ``service_record`` rows, and the facts added
to a finished visit (rating, quality mark, correction) are events in the journal. The
report reads those events, and the counter events that make teller time, by type and
time; this index keeps that a range scan instead of a pass over the whole journal.
"""

from __future__ import annotations

from sqlalchemy import Index

from models.store.tables import EventRow

# Declared here (not in models/store/tables.py) so the core table module stays the lead's; the
# index joins EventRow's table all the same, and migration 0003_records creates it.
EVENT_TYPE_AT = Index("ix_event_branch_type_at", EventRow.branch_id, EventRow.type, EventRow.at)
