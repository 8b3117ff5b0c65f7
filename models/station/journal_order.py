"""A station's file takes the branch's journal order for its own events.

Offline, a station records its own events as they happen; the others' events of the same time reach its file
at the next pull, after its own. Upstream's journal holds them in the order they reached it: the others' that
came first, then the push. The reducer judges "the first counter that called the ticket keeps it" in journal
order, so the two stores named different winners after a double call, for good. The branch's order is the
authority: a pull that upstream interleaves with this station's own events hands the file that order
(``BranchService.record_in_order``), this station's events upstream does not hold yet after all of it.
"""

from __future__ import annotations

import heapq

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.branch.journal import row_to_event
from models.store.tables import EventRow
from queueing.core.events import Event


def in_branch_order(pulled: list[tuple[int, Event]], own: list[tuple[int, Event]]) -> list[Event]:
    """The others' events and this station's own, both with upstream's positions, in upstream's order."""
    return [event for _position, event in heapq.merge(pulled, own, key=lambda pair: pair[0])]


def own_events_between(session: Session, branch_id: str, station_id: str, low: int, high: int) -> list[Event]:
    """This station's events with a sequence number from ``low`` to ``high``, from its file, in order."""
    rows = session.scalars(
        select(EventRow)
        .where(EventRow.branch_id == branch_id, EventRow.station_id == station_id)
        .where(EventRow.seq >= low, EventRow.seq <= high)
        .order_by(EventRow.seq)
    ).all()
    return [row_to_event(row) for row in rows]
