"""Reading a period's service-time records from the store, fast: rows, not a replay of the journal.

``queueing.visit_records.build_visits`` over every event is the reference, but a
year's journal is millions of events. Here a visit comes from its ``service_record``
row (joined to its ticket for number and priority), priced with the catalogue, and
only the facts added to visits (ratings, quality marks, corrections) and the counter
events that make teller time are read from the journal, by type and time through
``ix_event_branch_type_at`` (models/record_tables.py).

Decisions:
- A visit belongs to the local date it finished: the period's local midnights become
  UTC bounds and the rows are selected on ``finished_at`` (the row's
  ``business_date`` is the ticket's issue date, which differs for a visit across midnight).
- Quality marks and corrections may come any time after the visit: those of the
  period's visits are read from the period start on (they are few). A rating comes
  from the feedback pad within ``RATING_WINDOW`` of the finish (records_service
  refuses a later one), so ratings are read up to the period end plus that window.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.customer_tables import CrossSellOutcomeRow
from models.journal import row_to_event
from models.tables import CounterRow, EventRow, ServiceRecordRow, StaffRow, TicketRow
from queueing.crosssell import Outcome
from queueing.events import Event, EventType
from queueing.piece_rate_report import StaffMember
from queueing.teller_time import CounterSession, build_sessions
from queueing.transaction_types import TransactionCatalogue
from queueing.visit_records import VisitRecord, adjust_visits, price_lines

RATING_WINDOW = timedelta(minutes=15)
COUNTER_EVENTS = (
    EventType.COUNTER_OPENED,
    EventType.COUNTER_PAUSED,
    EventType.COUNTER_RESUMED,
    EventType.COUNTER_CLOSED,
)
_VISIT_COLUMNS = (
    ServiceRecordRow.ticket_id,
    TicketRow.number,
    ServiceRecordRow.category,
    TicketRow.priority,
    ServiceRecordRow.counter_id,
    TicketRow.started_station,
    ServiceRecordRow.staff_id,
    ServiceRecordRow.issued_at,
    ServiceRecordRow.called_at,
    ServiceRecordRow.started_at,
    ServiceRecordRow.finished_at,
    ServiceRecordRow.service_s,
    ServiceRecordRow.transactions,
    ServiceRecordRow.outcome,
)


def _utc(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes; everything stored is UTC.
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def _visit(row: tuple, catalogue: TransactionCatalogue, zone: ZoneInfo) -> VisitRecord:
    (
        ticket_id,
        number,
        category,
        priority,
        counter_id,
        station,
        staff,
        issued,
        called,
        started,
        finished,
        service_s,
        transactions,
        outcome,
    ) = row
    issued, called, finished = _utc(issued), _utc(called), _utc(finished)
    wait = (called - issued).total_seconds() if called and issued else 0.0
    return VisitRecord(
        ticket_id=ticket_id,
        number=number,
        category=category,
        priority=priority,
        counter_id=counter_id or "",
        station_id=station or "",
        teller=staff,
        issued_at=issued,
        called_at=called,
        started_at=_utc(started),
        finished_at=finished,  # type: ignore[arg-type]
        day=finished.astimezone(zone).date(),  # type: ignore[union-attr]
        wait_s=max(0.0, wait),
        service_s=float(service_s),
        lines=price_lines(transactions, catalogue),
        outcome=outcome,
    )


def _events(
    session: Session, branch_id: str, types: Iterable[EventType], since: datetime, until: datetime | None = None
) -> list[tuple[int, Event]]:
    """(position, event) of the given types at or after ``since`` (and before ``until``), in store order."""
    stmt = select(EventRow).where(
        EventRow.branch_id == branch_id, EventRow.type.in_([str(t) for t in types]), EventRow.at >= since
    )
    if until is not None:
        stmt = stmt.where(EventRow.at < until)
    return [(row.position, row_to_event(row)) for row in session.scalars(stmt.order_by(EventRow.position))]


def visit_facts(session: Session, branch_id: str, start: datetime, end: datetime) -> list[Event]:
    """Ratings, quality marks and corrections that may name a visit finished in [start, end), in store order."""
    later = _events(session, branch_id, (EventType.VISIT_QUALITY_RECORDED, EventType.VISIT_CORRECTED), start)
    rated = _events(session, branch_id, (EventType.VISIT_RATED,), start, end + RATING_WINDOW)
    return [event for _, event in sorted([*later, *rated], key=lambda pair: pair[0])]


def load_visits(
    session: Session, branch_id: str, start: datetime, end: datetime, catalogue: TransactionCatalogue, timezone: str
) -> list[VisitRecord]:
    """Visits finished in [start, end) with their ratings, quality marks and corrections applied."""
    zone = ZoneInfo(timezone)
    rows = session.execute(
        select(*_VISIT_COLUMNS)
        .join(TicketRow, TicketRow.id == ServiceRecordRow.ticket_id)
        .where(
            ServiceRecordRow.branch_id == branch_id,
            ServiceRecordRow.finished_at >= start,
            ServiceRecordRow.finished_at < end,
        )
        .order_by(ServiceRecordRow.finished_at, ServiceRecordRow.ticket_id)
    )
    visits = {row[0]: _visit(row, catalogue, zone) for row in rows}
    adjust_visits(visits, visit_facts(session, branch_id, start, end), catalogue)
    return list(visits.values())


def load_visit(
    session: Session, branch_id: str, ticket_id: str, catalogue: TransactionCatalogue, timezone: str
) -> VisitRecord | None:
    """One visit with every fact added to it (the whole history: for the quality dialog)."""
    row = session.execute(
        select(*_VISIT_COLUMNS)
        .join(TicketRow, TicketRow.id == ServiceRecordRow.ticket_id)
        .where(ServiceRecordRow.branch_id == branch_id, ServiceRecordRow.ticket_id == ticket_id)
    ).first()
    if row is None:
        return None
    visits = {ticket_id: _visit(row, catalogue, ZoneInfo(timezone))}
    types = (EventType.VISIT_RATED, EventType.VISIT_QUALITY_RECORDED, EventType.VISIT_CORRECTED)
    facts = _events(session, branch_id, types, visits[ticket_id].finished_at)
    adjust_visits(visits, (event for _, event in facts), catalogue)
    return visits[ticket_id]


def _session_lookback(session: Session, branch_id: str, start: datetime) -> datetime:
    """The earliest last-opening before ``start`` over the branch's counters: sessions open at ``start`` began then."""
    counters = set(session.scalars(select(CounterRow.id).where(CounterRow.branch_id == branch_id)))
    lookback = start
    opened = (
        select(EventRow.at, EventRow.payload)
        .where(EventRow.branch_id == branch_id, EventRow.type == str(EventType.COUNTER_OPENED), EventRow.at < start)
        .order_by(EventRow.at.desc())
    )
    for at, payload in session.execute(opened).yield_per(200):
        lookback = min(lookback, _utc(at))  # type: ignore[type-var]
        counters.discard(payload.get("counter_id"))
        if not counters:
            break
    return lookback


def load_sessions(session: Session, branch_id: str, start: datetime, end: datetime) -> list[CounterSession]:
    """Counter sessions that overlap [start, end) (the report clips them)."""
    since = _session_lookback(session, branch_id, start)
    return build_sessions(event for _, event in _events(session, branch_id, COUNTER_EVENTS, since, end))


def load_staff(session: Session, branch_id: str) -> list[StaffMember]:
    """The branch's active tellers: each has a row in the report, with or without visits (supervisors do not)."""
    rows = session.execute(
        select(StaffRow.id, StaffRow.name).where(
            StaffRow.branch_id == branch_id, StaffRow.role == "teller", StaffRow.active.is_(True)
        )
    )
    return [StaffMember(staff_id, name) for staff_id, name in rows]


@dataclass(frozen=True)
class AcceptedPrompt:
    staff_id: str
    product: str
    at: datetime


def load_accepted_prompts(session: Session, branch_id: str, start: datetime, end: datetime) -> list[AcceptedPrompt]:
    """Accepted cross-sell prompts in [start, end): rows with staff_id, product and at, as the report reads them."""
    stmt = select(CrossSellOutcomeRow).where(
        CrossSellOutcomeRow.branch_id == branch_id,
        CrossSellOutcomeRow.outcome == Outcome.ACCEPTED.value,
        CrossSellOutcomeRow.at >= start,
        CrossSellOutcomeRow.at < end,
    )
    return [AcceptedPrompt(r.staff_id, r.product, _utc(r.at)) for r in session.scalars(stmt)]  # type: ignore[arg-type]
