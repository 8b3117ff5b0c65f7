"""Reading the tellers' breaks from the journal: a day's plan, and the counter events that say who took one.

Both read through ``ix_event_branch_type_at`` (by type and time), so their cost follows the day's events, not
the store's age. Kept in models/branch so that the branch's wait estimate and the supervisor's break service
(models/supervisor/breaks.py) read the plan the same way without depending on each other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from models.branch.journal import row_to_event
from models.store.tables import EventRow
from queueing.core.events import Event, EventType
from queueing.supervisor.break_clashes import late_changes
from queueing.supervisor.break_plan import Break, RotaBreak, breaks_for_day

# A break is scheduled at most this far ahead, so a day's breaks are found among this much journal.
MAX_DAYS_AHEAD = 60
BREAK_EVENTS = (str(EventType.BREAK_SCHEDULED), str(EventType.BREAK_CANCELLED))
# What says which teller held a counter when it paused, and the pauses themselves.
COUNTER_EVENTS = tuple(
    str(kind)
    for kind in (
        EventType.COUNTER_SIGNED_IN,
        EventType.COUNTER_SIGNED_OUT,
        EventType.COUNTER_RELEASED,
        EventType.COUNTER_OPENED,
        EventType.COUNTER_CLOSED,
        EventType.COUNTER_PAUSED,
    )
)


@dataclass(frozen=True)
class _Fact:
    type: EventType
    payload: dict[str, Any]


def day_breaks(session: Session, branch_id: str, rota: Iterable[RotaBreak], day: date, timezone: str) -> list[Break]:
    """The breaks planned for ``day`` (branch-local date), by start: the rota's and the supervisor's changes."""
    rows = _break_rows(session, branch_id, day, timezone, EventRow.type, EventRow.payload)
    return breaks_for_day(rota, [_Fact(EventType(kind), payload) for kind, payload in rows], day)


def changed_before(session: Session, branch_id: str, day: date, timezone: str, break_id: str, own: set[str]) -> bool:
    """Whether another change moved or cancelled the break ``break_id`` before ours, the events ``own``, in this
    store's journal: then ours is void (a move) or did nothing (a cancellation). False when ours came first, and
    when this store does not hold ours yet (a station's offline change: upstream's journal orders it at the push)."""
    events = [row_to_event(row) for (row,) in _break_rows(session, branch_id, day, timezone, EventRow)]
    return any(late.break_id == break_id and late.late.id in own for late in late_changes(events))


def _break_rows(session: Session, branch_id: str, day: date, timezone: str, *columns: Any) -> list[Any]:
    """``columns`` of the break events that can plan ``day``, in journal order."""
    since = datetime.combine(day - timedelta(days=MAX_DAYS_AHEAD + 1), time(0), tzinfo=ZoneInfo(timezone))
    rows = session.execute(
        select(EventRow.position, *columns).where(
            EventRow.branch_id == branch_id,
            EventRow.type.in_(BREAK_EVENTS),
            EventRow.at >= since,
        )
    ).all()
    return [row[1:] for row in sorted(rows, key=lambda r: r[0])]


def counter_events_query(branch_id: str, since: datetime) -> Select:
    # No ORDER BY position: SQLite would walk the branch's whole journal by position to give that order
    # (seconds on a year's store) instead of seeking the day's few rows by type and time.
    return select(EventRow).where(
        EventRow.branch_id == branch_id, EventRow.type.in_(COUNTER_EVENTS), EventRow.at >= since
    )


def counter_events(session: Session, branch_id: str, since: datetime) -> list[Event]:
    """The sign-ins, openings, closings and pauses recorded from ``since`` on, in journal order."""
    rows = sorted(session.execute(counter_events_query(branch_id, since)).scalars(), key=lambda row: row.position)
    return [row_to_event(row) for row in rows]
