"""Breaks changed late, for the Sync tab: a move or cancellation that came after another supervisor's.

The journal's first change to a break stands (queueing/supervisor/break_clashes.py). A supervisor whose screen
was online is told at once (models/supervisor/breaks.py); one whose station was offline learns it here, with
every other supervisor, until one of them marks it resolved (``conflict_resolved`` naming the late event, as
for a sign-in that clashed).
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy import select

from models.branch.break_journal import BREAK_EVENTS
from models.branch.journal import row_to_event
from models.store.database import Store
from models.store.tables import EventRow
from models.sync.conflict_views import ConflictView, fact_of
from queueing.core.categories import BranchConfig
from queueing.core.events import EventType
from queueing.supervisor.break_clashes import LateChange, late_changes

_KINDS = (*BREAK_EVENTS, str(EventType.CONFLICT_RESOLVED))


def break_clashes(store: Store, config: BranchConfig, branch_id: str) -> tuple[ConflictView, ...]:
    """Every late change to a break in the branch's journal, resolved or not, in journal order."""
    with store.read_session() as session:
        # Sorted here, not by ORDER BY position: SQLite would walk the whole journal by position to give that
        # order instead of seeking these few rows by type (as models/branch/break_journal.py reads them).
        rows = session.scalars(select(EventRow).where(EventRow.branch_id == branch_id, EventRow.type.in_(_KINDS)))
        events = [row_to_event(row) for row in sorted(rows, key=lambda row: row.position)]
    resolved = {str(e.payload.get("event_id")) for e in events if e.type is EventType.CONFLICT_RESOLVED}
    zone = ZoneInfo(config.timezone)
    return tuple(_view(late, late.late.id in resolved, zone) for late in late_changes(events))


def _view(late: LateChange, resolved: bool, zone: ZoneInfo) -> ConflictView:
    conflict = late.conflict()
    return ConflictView(
        ticket_id="",
        number=late.break_id,
        business_date=late.day or late.late.at.astimezone(zone).date(),
        status=str(late.late.type),
        detail=conflict.detail,
        facts=(fact_of(late.first), fact_of(late.late)),
        resolved=resolved,
        event_id=late.late.id,
        reasons=(conflict,),
        teller_id=late.teller_id,
    )
