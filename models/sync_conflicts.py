"""Conflicts for the supervisor: tickets with two facts that cannot both hold, with both facts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from models.journal import row_to_event
from models.store import Store
from models.tables import EventRow, TicketRow
from queueing.categories import BranchConfig
from queueing.reducer import replay
from queueing.state import BranchState


@dataclass(frozen=True)
class FactView:
    """One event about the ticket, as the supervisor reads it."""

    event_id: str
    station_id: str
    type: str
    at: datetime
    counter_id: str | None
    staff_id: str | None


@dataclass(frozen=True)
class ConflictView:
    ticket_id: str
    number: str
    business_date: date
    status: str
    detail: str  # what the reducer found, e.g. "called at C2 while called at C1"
    facts: tuple[FactView, ...]  # every event about the ticket, in journal order


def conflicts(store: Store, config: BranchConfig, branch_id: str, day: date | None = None) -> tuple[ConflictView, ...]:
    """The branch's flagged tickets (of ``day``, or all), each with all its facts."""
    with store.read_session() as session:
        query = select(TicketRow).where(TicketRow.branch_id == branch_id, TicketRow.conflict.is_(True))
        if day is not None:
            query = query.where(TicketRow.business_date == day)
        tickets = session.scalars(query.order_by(TicketRow.issued_at)).all()
        views = []
        for ticket in tickets:
            rows = session.scalars(
                select(EventRow)
                .where(EventRow.branch_id == branch_id, EventRow.payload["ticket_id"].as_string() == ticket.id)
                .order_by(EventRow.position)
            ).all()
            events = [row_to_event(r) for r in rows]
            # The ticket's own events replayed alone give the reducer's account of what clashed.
            state = replay(BranchState(config), events)
            detail = "; ".join(c.detail for c in state.conflicts if c.ticket_id == ticket.id) or "flagged"
            facts = tuple(
                FactView(e.id, e.station_id, str(e.type), e.at, e.payload.get("counter_id"), e.payload.get("staff_id"))
                for e in events
            )
            views.append(ConflictView(ticket.id, ticket.number, ticket.business_date, ticket.status, detail, facts))
        return tuple(views)
