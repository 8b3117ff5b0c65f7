"""Rebuilding the live state from the projections (fast start) or from the journal (proof)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from models.branch.journal import events_after
from models.staff.tables import CounterSessionRow
from models.store.id_lists import id_chunks
from models.store.tables import CounterRow, EventRow, ServiceRecordRow, TicketRow
from models.store.upsert import Executor
from models.store.utc import aware, aware_or_none
from models.sync.conflict_rows import open_session_clashes
from queueing.core.categories import BranchConfig
from queueing.core.counters import Counter, CounterStatus, SignIn
from queueing.core.events import Event, EventType
from queueing.core.reducer import RECENT_CALLS_KEPT, replay
from queueing.core.service_stats import STEADY_SPAN
from queueing.core.state import BranchState, CallRecord
from queueing.core.tickets import CLOSED_STATUSES, PriorityClass, Ticket, TicketStatus

# Recent services per category that seed the smoothed service times: the steady smoothing's span, so a started
# station learns from as many services as one that saw them (older ones weigh less than e^-2 of the whole).
STATS_WINDOW = STEADY_SPAN


def ticket_of_row(row: TicketRow) -> Ticket:
    return Ticket(
        id=row.id,
        number=row.number,
        category=row.category,
        priority=PriorityClass(row.priority),
        business_date=row.business_date,
        issued_at=aware_or_none(row.issued_at),  # type: ignore[arg-type]
        queued_at=aware_or_none(row.queued_at),  # type: ignore[arg-type]
        issued_by=row.issued_by,
        seq=row.seq,
        customer_id=row.customer_id,
        appointment_at=aware_or_none(row.appointment_at),
        status=TicketStatus(row.status),
        target_counter=row.target_counter,
        counter=row.counter_id,
        staff=row.staff_id,
        called_at=aware_or_none(row.called_at),
        first_called_at=aware_or_none(row.first_called_at),
        started_at=aware_or_none(row.started_at),
        started_mono=row.started_mono,
        started_run=row.started_run,
        started_station=row.started_station,
        finished_at=aware_or_none(row.finished_at),
        finished_by=row.finished_by,
        recalls=row.recalls,
        transfers=row.transfers,
        service_seconds=row.service_seconds,
        out_of_order_reason=row.out_of_order_reason,
        conflict=row.conflict,
        left_counter_at=aware_or_none(row.left_counter_at),
        parked_s=row.parked_s or 0.0,
        parked_mono=row.parked_mono,
        parked_run=row.parked_run,
        parked_station=row.parked_station,
        day_ended_at=aware_or_none(row.day_ended_at),
        issued_category=row.issued_category or row.category,
        marks=tuple((str(teller), float(seconds)) for teller, seconds in row.service_marks or ()),
        left_served_s=row.left_served_s,
    )


def load_from_projections(session: Session, config: BranchConfig, branch_id: str) -> tuple[BranchState, int]:
    """The state and the journal position it reflects."""
    state = BranchState(config)
    position = session.scalar(select(func.max(EventRow.position)).where(EventRow.branch_id == branch_id)) or 0
    for row in session.scalars(select(CounterRow).where(CounterRow.branch_id == branch_id)):
        state.counters[row.id] = Counter(
            id=row.id,
            name=row.name,
            profile=dict(row.profile),
            status=CounterStatus(row.status),
            staff=row.staff_id,
            current=row.current_ticket_id,
            pause_reason=row.pause_reason,
            status_since=aware_or_none(row.status_since),
        )
    for held in session.scalars(select(CounterSessionRow).where(CounterSessionRow.branch_id == branch_id)):
        state.sessions[held.counter_id] = SignIn(held.staff_id, held.station_id, aware(held.signed_in_at))
    # The open sign-in clashes: the clash loser's later steps at that counter still change nothing after a restart
    # (reducer._from_the_clash_loser).
    state.session_clashes.update(open_session_clashes(session, branch_id))
    today = session.scalar(select(func.max(TicketRow.business_date)).where(TicketRow.branch_id == branch_id))
    state.business_date = today
    rows = _live_tickets(session, branch_id, today)
    # Numbers run per category of issue; a transfer may have changed the category since.
    by_prefix = {c.prefix: code for code, c in config.categories.items()}
    for ticket_row in rows:
        ticket = ticket_of_row(ticket_row)
        state.tickets[ticket.id] = ticket
        if ticket.status is TicketStatus.WAITING:
            state.waiting[ticket.id] = ticket
        if ticket.business_date == today:
            state.by_number[ticket.number] = ticket.id
            issued_in = by_prefix.get(ticket.number[:1], ticket.category)
            state.sequences[issued_in] = max(state.sequences.get(issued_in, 0), ticket.seq)
    calls = sorted(
        ((t.called_at, t) for t in state.tickets.values() if t.called_at is not None and t.business_date == today),
        key=lambda pair: pair[0],
    )
    state.recent_calls = [CallRecord(t.id, t.number, t.counter or "", at) for at, t in calls[-RECENT_CALLS_KEPT:]]
    state.station_seq = station_high_water(session, branch_id)
    _seed_stats(session, state, branch_id)
    return state, int(position)


def _live_tickets(session: Session, branch_id: str, today: date | None) -> list[TicketRow]:
    """Today's tickets and every ticket still open, in issue order (an earlier day's waiting or parked ones
    too, until a day end closes them: queueing.core.day_end).

    Two index look-ups (the day's numbers, the open statuses) merged here: the same
    rows as ``business_date = today OR status IN (...)``, which the database answers
    by walking every ticket the branch ever issued.
    """
    open_statuses = [s.value for s in TicketStatus if s not in CLOSED_STATUSES]
    mine = TicketRow.branch_id == branch_id
    found = {row.id: row for row in session.scalars(select(TicketRow).where(mine, TicketRow.status.in_(open_statuses)))}
    if today is not None:
        day = session.scalars(select(TicketRow).where(mine, TicketRow.business_date == today))
        found.update((row.id, row) for row in day)
    return sorted(found.values(), key=lambda row: (aware_or_none(row.issued_at), row.id))


def load_expired(session: Executor, state: BranchState, events: Sequence[Event]) -> None:
    """Bring into ``state.expired`` the tickets ``events`` name that a day end closed and memory no longer holds.

    A replayed state keeps them all; one loaded from the projections holds today's and the open tickets. A call
    or return made before a day end reopens the ticket it closed (reducer._revive), and any later fact about it
    clashes with the expiry: both need the ticket. A ticket the events themselves issue is not looked for, so a
    push of a day's offline tickets asks for nothing; the rest is one look-up by id, on the rare batch that
    names a ticket of an earlier day.
    """
    wanted: set[str] = set()
    issued: set[str] = set()
    for event in events:
        ticket_id = event.payload.get("ticket_id")
        if type(ticket_id) is not str:
            continue
        if event.type is EventType.TICKET_ISSUED:
            issued.add(ticket_id)
        elif ticket_id not in state.tickets and ticket_id not in state.expired and ticket_id not in issued:
            wanted.add(ticket_id)
    if not wanted:
        return
    branch_id, table = events[0].branch_id, TicketRow.__table__.c
    for chunk in id_chunks(sorted(wanted)):
        # Core rows (a command runs on a Core connection): they read as the mapped rows do, by column name.
        rows = session.execute(
            select(TicketRow.__table__).where(
                table.branch_id == branch_id, table.id.in_(chunk), table.status == TicketStatus.EXPIRED.value
            )
        )
        for row in rows:
            state.expired[row.id] = ticket_of_row(row)  # type: ignore[arg-type]


def events_to_apply(session: Executor, state: BranchState, branch_id: str, after: int) -> list[tuple[int, Event]]:
    """The branch's events after journal position ``after``, with the expired tickets they name loaded into
    ``state`` (``load_expired``): what a state caught up by ``apply`` needs, as a projected batch does."""
    caught = list(events_after(session, branch_id, after))
    if caught:
        load_expired(session, state, [event for _position, event in caught])
    return caught


# The highest sequence of each station of the branch, one index seek per station (a "loose index scan"
# over the (branch_id, station_id, seq) unique index): GROUP BY would read every event of the journal.
_HIGH_WATER = text(
    """
    WITH RECURSIVE station(id) AS (
        SELECT min(station_id) FROM event WHERE branch_id = :branch
        UNION ALL
        SELECT (SELECT min(e.station_id) FROM event e WHERE e.branch_id = :branch AND e.station_id > station.id)
        FROM station WHERE station.id IS NOT NULL
    )
    SELECT station.id, (SELECT max(e.seq) FROM event e WHERE e.branch_id = :branch AND e.station_id = station.id)
    FROM station WHERE station.id IS NOT NULL
    """
)


def station_high_water(session: Session, branch_id: str) -> dict[str, int]:
    """Station id -> the highest event sequence the store holds from it, for the branch."""
    return {station: int(seq) for station, seq in session.execute(_HIGH_WATER, {"branch": branch_id})}


def _seed_stats(session: Session, state: BranchState, branch_id: str) -> None:
    """Each category's service statistics from its last services, learnt as the reducer learns them at a finish:
    the counter time per call (call to finish, walk included) and the service itself."""
    span = state.config.policy.smoothing_span
    for code in state.config.categories:
        rows = session.execute(
            select(ServiceRecordRow.service_s, ServiceRecordRow.called_at, ServiceRecordRow.finished_at)
            .where(ServiceRecordRow.branch_id == branch_id, ServiceRecordRow.category == code)
            .order_by(ServiceRecordRow.finished_at.desc())
            .limit(STATS_WINDOW)
        ).all()
        stats = state.stats[code]
        for seconds, called_at, finished_at in reversed(rows):
            # As the reducer observes a service finished: the same figures whether replayed or loaded.
            counter_s = (finished_at - called_at).total_seconds() if called_at is not None else None
            stats.observe_served(counter_s, seconds, span)


def load_from_journal(session: Session, config: BranchConfig, branch_id: str) -> tuple[BranchState, int]:
    """The state replayed from every event of the branch: slow, the reference for checks."""
    state = BranchState(config)
    position = 0
    for position, event in events_after(session, branch_id, 0):  # noqa: B007 - the last position is the result
        replay(state, [event])
    return state, position
