"""Customers who came back into a queue during a day: sent on by a teller (a transfer from a counter) and called
again later. The day's queue-length chart counts them, or a customer transferred would leave the queue for good
at their first call while the Live tab still shows them waiting.

Read through ``ix_event_branch_type_at`` (by type and time), and only when a ticket of the day was transferred,
so the cost follows the day's transfers and calls, not the store's age.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.store.tables import EventRow
from queueing.core.events import EventType

_TYPES = (str(EventType.TICKET_TRANSFERRED), str(EventType.TICKET_CALLED))


def queue_returns(
    session: Session, branch_id: str, day: date, timezone: str, tickets: Collection[str]
) -> tuple[list[datetime], list[datetime]]:
    """(when each of ``tickets`` went back into a queue from a counter, when such a one was next called) on
    ``day`` (the branch's local date). A supervisor's move of a waiting ticket is no return: it never left."""
    if not tickets:
        return [], []
    zone = ZoneInfo(timezone)
    start = datetime.combine(day, time(0), tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
    rows = session.execute(
        select(EventRow.type, EventRow.at, EventRow.payload)
        .where(
            EventRow.branch_id == branch_id,
            EventRow.type.in_(_TYPES),
            EventRow.at >= start,
            EventRow.at < end,
        )
        .order_by(EventRow.at, EventRow.position)
    ).all()
    back, called = list[datetime](), list[datetime]()
    waiting_again: set[str] = set()
    for kind, at, payload in rows:
        ticket = payload.get("ticket_id")
        if ticket not in tickets:
            continue
        if kind == _TYPES[0]:
            if payload.get("from_counter") is not None and ticket not in waiting_again:
                waiting_again.add(ticket)
                back.append(at)
        elif ticket in waiting_again:  # its next call takes it out of the queue again (a clashing call: no)
            waiting_again.discard(ticket)
            called.append(at)
    return back, called
