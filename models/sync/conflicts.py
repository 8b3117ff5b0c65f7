"""What sync could not reconcile, for the supervisor: conflicting tickets with all their facts, quarantined events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from models.branch.journal import row_to_event
from models.store.database import Store
from models.store.tables import EventRow, TicketRow
from models.store.utc import aware
from models.sync.tables import QuarantinedEventRow, SyncStationRow
from queueing.core.categories import BranchConfig
from queueing.core.reducer import replay
from queueing.core.state import BranchState


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
    resolved: bool = False  # a supervisor marked it dealt with (conflict_resolved) and nothing clashed since

    @property
    def stations(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.station_id for f in self.facts))


@dataclass(frozen=True)
class QuarantineView:
    """A pushed event upstream refused, kept aside with the database's reason."""

    event_id: str
    station_id: str
    seq: int
    type: str
    reason: str
    received_at: datetime


@dataclass(frozen=True)
class StationClockView:
    """A station whose clock was found off upstream's at its last sync."""

    station_id: str
    offset_s: float  # upstream's clock minus the station's
    measured_at: datetime


@dataclass(frozen=True)
class SyncIssues:
    conflicts: tuple[ConflictView, ...]
    quarantined: tuple[QuarantineView, ...]
    clocks: tuple[StationClockView, ...] = ()


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
            replayed = state.tickets.get(ticket.id)
            resolved = replayed is not None and not replayed.conflict
            views.append(
                ConflictView(ticket.id, ticket.number, ticket.business_date, ticket.status, detail, facts, resolved)
            )
        return tuple(views)


def open_conflicts(store: Store, config: BranchConfig, branch_id: str) -> tuple[ConflictView, ...]:
    """The conflicts no supervisor has marked resolved yet, of every day."""
    return tuple(c for c in conflicts(store, config, branch_id) if not c.resolved)


def quarantined(store: Store, branch_id: str) -> tuple[QuarantineView, ...]:
    """The branch's quarantined events, newest first."""
    with store.read_session() as session:
        rows = session.scalars(
            select(QuarantinedEventRow)
            .where(QuarantinedEventRow.branch_id == branch_id)
            .order_by(QuarantinedEventRow.received_at.desc())
        ).all()
        return tuple(QuarantineView(r.id, r.station_id, r.seq, r.type, r.reason, aware(r.received_at)) for r in rows)


def clocks_off(store: Store, branch_id: str, beyond_s: float) -> tuple[StationClockView, ...]:
    """Stations whose clock was more than ``beyond_s`` off upstream's at their last sync."""
    with store.read_session() as session:
        rows = session.execute(
            select(SyncStationRow.station_id, SyncStationRow.clock_offset_ms, SyncStationRow.clock_measured_at)
            .where(SyncStationRow.branch_id == branch_id, SyncStationRow.clock_offset_ms.isnot(None))
            .order_by(SyncStationRow.station_id)
        ).all()
    return tuple(
        StationClockView(station, ms / 1000, aware(at)) for station, ms, at in rows if abs(ms) > beyond_s * 1000
    )
