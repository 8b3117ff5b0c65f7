"""What sync could not reconcile, for the supervisor: conflicting tickets with all their facts, counters two
tellers signed in at, breaks changed late, quarantined events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from models.branch.journal import row_to_event
from models.store.database import Store
from models.store.tables import EventRow, TicketRow
from models.store.utc import aware
from models.sync.break_clashes import break_clashes
from models.sync.conflict_rows import recorded_conflicts
from models.sync.conflict_views import ConflictView, FactView, fact_of
from models.sync.tables import QuarantinedEventRow, SyncStationRow
from models.sync.ticket_events import ticket_events
from queueing.core.categories import BranchConfig
from queueing.core.events import Event, EventType
from queueing.core.reducer import replay
from queueing.core.state import BranchState, Conflict

__all__ = ["ConflictView", "FactView", "clashes", "conflicts", "open_conflicts", "quarantined", "session_clashes"]


@dataclass(frozen=True)
class QuarantineView:
    """A pushed event upstream refused, kept aside with the database's reason."""

    event_id: str
    station_id: str
    seq: int
    type: str
    reason: str  # the database's own line, for the log and the tooltip
    received_at: datetime
    reason_code: str | None = None  # models/sync/refusal_codes.py: what the screen words


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
    # The branch's counters' names by id: conflicts name counters by id, a supervisor knows them by name.
    counter_names: dict[str, str] = field(default_factory=dict)
    # The branch's staff names by id: conflicts name tellers by id, a supervisor knows them by name.
    staff_names: dict[str, str] = field(default_factory=dict)


def conflicts(store: Store, config: BranchConfig, branch_id: str, day: date | None = None) -> tuple[ConflictView, ...]:
    """The branch's flagged tickets (of ``day``, or all), each with all its facts, then its sign-in clashes, then
    the breaks changed late."""
    return _ticket_conflicts(store, config, branch_id, day) + tuple(
        c for c in clashes(store, config, branch_id) if day is None or c.business_date == day
    )


def clashes(store: Store, config: BranchConfig, branch_id: str) -> tuple[ConflictView, ...]:
    """The conflicts that a clashing event names (``ConflictView.event_id``), resolved or not: sign-ins that met a
    session already held, then breaks changed late."""
    return session_clashes(store, config, branch_id) + break_clashes(store, config, branch_id)


def _ticket_conflicts(store: Store, config: BranchConfig, branch_id: str, day: date | None) -> tuple[ConflictView, ...]:
    with store.read_session() as session:
        # ``== True``, as the partial index ix_ticket_branch_conflict says it: only the flagged tickets are read.
        query = select(TicketRow).where(TicketRow.branch_id == branch_id, TicketRow.conflict == True)  # noqa: E712
        if day is not None:
            query = query.where(TicketRow.business_date == day)
        tickets = session.scalars(query.order_by(TicketRow.issued_at)).all()
        # The reducer's own account, as the projections kept it: one seek per chunk of flagged tickets.
        recorded = recorded_conflicts(session, branch_id, [t.id for t in tickets])
        views = []
        for ticket in tickets:
            events = ticket_events(session, branch_id, ticket.id)
            reasons = tuple(recorded.get(ticket.id, ()))
            if not reasons:
                # Flagged before the store kept conflicts (0032_ticket_conflict): the ticket's own events replayed
                # alone, the best account this store has (blind to the rest of the branch: a busy counter).
                state = replay(BranchState(config), events)
                reasons = tuple(c for c in state.conflicts if c.ticket_id == ticket.id)
            detail = "; ".join(c.detail for c in reasons) or "flagged"
            facts = tuple(fact_of(e) for e in events)
            # Only flagged rows are read: the flag is dropped when a supervisor resolves it, so none is resolved.
            views.append(
                ConflictView(
                    ticket.id, ticket.number, ticket.business_date, ticket.status, detail, facts, False, "", reasons
                )
            )
        return tuple(views)


_SESSION_KINDS = (
    EventType.COUNTER_SIGNED_IN,
    EventType.COUNTER_SIGNED_OUT,
    EventType.COUNTER_RELEASED,
    EventType.CONFLICT_RESOLVED,
)


def session_clashes(store: Store, config: BranchConfig, branch_id: str) -> tuple[ConflictView, ...]:
    """Sign-ins that clashed with a session already held (stations that were offline), with the sign-in they met.

    The journal's session events replayed alone give the reducer's account, as for a ticket.
    """
    with store.read_session() as session:
        # Sorted here, not by ORDER BY position: SQLite would walk the whole journal by position to give that
        # order instead of seeking these few kinds by (branch_id, type, at), as break_clashes does.
        rows = session.scalars(
            select(EventRow).where(EventRow.branch_id == branch_id, EventRow.type.in_([str(k) for k in _SESSION_KINDS]))
        )
        events = [row_to_event(r) for r in sorted(rows, key=lambda row: row.position)]
    state = BranchState(config)
    holding: dict[str, Event] = {}  # the sign-in that holds each counter, by counter and by teller
    found: list[tuple[Event, Event | None, Conflict]] = []
    for event in events:
        replay(state, [event])
        if event.type is not EventType.COUNTER_SIGNED_IN:
            continue
        counter_id, staff_id = event.payload["counter_id"], event.payload["staff_id"]
        if event.id in state.session_clashes:
            met = holding.get(counter_id) or holding.get(staff_id)
            found.append((event, met, state.session_clashes[event.id]))
        else:
            holding[counter_id] = holding[staff_id] = event
    zone = ZoneInfo(config.timezone)
    return tuple(
        ConflictView(
            "",
            event.payload["counter_id"],
            event.at.astimezone(zone).date(),
            "signed in",
            clash.detail,
            tuple(fact_of(e) for e in (met, event) if e is not None),
            event.id not in state.session_clashes,
            event.id,
            (clash,),
        )
        for event, met, clash in found
    )


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
        return tuple(
            QuarantineView(r.id, r.station_id, r.seq, r.type, r.reason, aware(r.received_at), r.reason_code)
            for r in rows
        )


def clocks_off(store: Store, branch_id: str, beyond_s: float) -> tuple[StationClockView, ...]:
    """Stations whose clock was more than ``beyond_s`` off upstream's at their last sync."""
    with store.read_session() as session:
        rows = session.execute(
            select(SyncStationRow.station_id, SyncStationRow.clock_offset_ms, SyncStationRow.clock_measured_at)
            .where(SyncStationRow.branch_id == branch_id, SyncStationRow.clock_offset_ms.isnot(None))
            .order_by(SyncStationRow.station_id)
        ).all()
    return tuple(
        StationClockView(station, ms / 1000, aware(at))
        for station, ms, at in rows
        if ms is not None and at is not None and abs(ms) > beyond_s * 1000
    )
