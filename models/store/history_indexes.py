"""Indexes that keep a station's start-up and a teller's sign-in independent of the store's age.

Both read the newest few service records of one category (the smoothed service
times) or of one teller (the sign-in habits). Through the (branch, finished_at)
index alone, a category or a teller with few recent records walks back through
every year of the store; with the category or teller in front it is one seek.
"""

from __future__ import annotations

from sqlalchemy import Index

from models.store.tables import ServiceRecordRow

# Declared here, as models/reports/record_tables.py does, so the core table module stays the lead's;
# migration 0008_history creates them.
RECORD_CATEGORY_FINISHED = Index(
    "ix_service_record_branch_category_finished",
    ServiceRecordRow.branch_id,
    ServiceRecordRow.category,
    ServiceRecordRow.finished_at,
)
RECORD_STAFF_FINISHED = Index(
    "ix_service_record_branch_staff_finished",
    ServiceRecordRow.branch_id,
    ServiceRecordRow.staff_id,
    ServiceRecordRow.finished_at,
)
