"""Reading a period's service-time records from the store, fast: rows, not a replay of the journal.

``queueing.records.visits.build_visits`` over every event is the reference, but a
year's journal is millions of events. Here a visit comes from its ``service_record``
row (joined to its ticket for number and priority, its last rating in a column), priced
with the catalogue, and only the quality marks, corrections and short-visit reviews and
the counter and sign-in events that make teller time are read from the journal, by type and time through
``ix_event_branch_type_at`` (models/reports/record_tables.py).

Decisions:
- A visit belongs to the local date it finished: the period's local midnights become
  UTC bounds and the rows are selected on ``finished_at`` (the row's
  ``business_date`` is the ticket's issue date, which differs for a visit across midnight).
- Quality marks and corrections may come any time after the visit: those of the
  period's visits are read from the period start on (they are few), less a margin
  (``FACT_CLOCK_MARGIN``) for a PC whose clock ran behind the one that finished the visit.
- A visit's rating is its row's ``rating`` column, which the projections keep equal to
  the journal's last rating of the ticket (models/store/visit_ratings.py): a year holds
  over a hundred thousand rating events, and reading them cost the report a third of a second.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from typing import Any, overload
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, String, func, literal_column, select, type_coerce
from sqlalchemy.orm import Session

from models.customers.queries import of_final_customer
from models.customers.tables import CrossSellOutcomeRow
from models.store.id_lists import id_chunks
from models.store.tables import CounterRow, EventRow, ServiceRecordRow, StaffRow, TicketRow
from queueing.core.events import Event, EventType
from queueing.core.service_shares import Share
from queueing.core.transaction_types import TransactionCatalogue
from queueing.crosssell.outcome import Outcome
from queueing.records.teller_time import SESSION_EVENTS, SIGN_IN_EVENTS, CounterSession, build_sessions
from queueing.records.visits import VisitRecord, adjust_visits, price_lines
from queueing.reports.piece_rate_report import StaffMember

RATING_WINDOW = timedelta(minutes=15)
# How far before a report's period the sign-ins are read: a teller signs in and out every working day, and a
# session held for a month is a PC nobody signed out of.
SIGN_IN_LOOKBACK = timedelta(days=31)
# The counter's own events, read from the sessions' lookback on; the sign-in events from SIGN_IN_LOOKBACK on.
COUNTER_EVENTS = tuple(kind for kind in SESSION_EVENTS if kind not in SIGN_IN_EVENTS)


@overload
def _utc(value: datetime | str) -> datetime: ...
@overload
def _utc(value: None) -> None: ...
def _utc(value: datetime | str | None) -> datetime | None:
    """A stored instant as an aware UTC datetime.

    On SQLite the columns are read as their text (``_text``) and parsed with the C
    ``fromisoformat``: SQLAlchemy's own SQLite date parsing is several times slower,
    which counts over a month of rows. PostgreSQL hands back aware datetimes.
    """
    if value is None:
        return None
    if isinstance(value, str):
        # Stored as UTC without an offset: appending it makes the parse give an aware value at once.
        return datetime.fromisoformat(value + "+00:00")
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _json(value: Any) -> Any:
    """A JSON column read as text (SQLite) decoded; PostgreSQL hands it over decoded already."""
    return json.loads(value) if isinstance(value, str) else value


def _text(column: Any) -> Any:
    return type_coerce(column, String)


_EVENT_COLUMNS = (
    EventRow.position,
    EventRow.id,
    EventRow.branch_id,
    EventRow.station_id,
    EventRow.seq,
    EventRow.hlc,
    EventRow.type,
    _text(EventRow.at),
    _text(EventRow.payload),  # decoded in _events: SQLAlchemy's JSON processing costs more than json.loads
    EventRow.schema_version,
)
_VISIT_COLUMNS = (
    ServiceRecordRow.ticket_id,
    TicketRow.number,
    ServiceRecordRow.category,
    TicketRow.priority,
    ServiceRecordRow.counter_id,
    TicketRow.started_station,
    ServiceRecordRow.staff_id,
    _text(ServiceRecordRow.issued_at),
    _text(ServiceRecordRow.called_at),
    _text(ServiceRecordRow.started_at),
    _text(ServiceRecordRow.finished_at),
    ServiceRecordRow.service_s,
    _text(ServiceRecordRow.transactions),
    ServiceRecordRow.outcome,
    ServiceRecordRow.rating,
    _text(ServiceRecordRow.service_shares),
)


class _LocalDays:
    """The branch's local date of an instant, by bisecting the local midnights around [start, end).

    Exact on daylight-saving days, and no time-zone arithmetic per visit (which counts over a month of rows).
    """

    def __init__(self, zone: ZoneInfo, start: datetime, end: datetime) -> None:
        day = start.astimezone(zone).date() - timedelta(days=1)
        last = end.astimezone(zone).date() + timedelta(days=1)
        self.days: list[date] = []
        self.midnights: list[datetime] = []
        while day <= last:
            self.days.append(day)
            self.midnights.append(datetime.combine(day, clock_time(0), tzinfo=zone).astimezone(UTC))
            day += timedelta(days=1)

    def __call__(self, at: datetime) -> date:
        return self.days[bisect_right(self.midnights, at) - 1]


def _visit(row: Sequence[Any], catalogue: TransactionCatalogue, local_day: Callable[[datetime], date]) -> VisitRecord:
    (ticket_id, number, category, priority, counter_id, station, staff, issued, called, started, finished,
     service_s, transactions, outcome, rating, shares) = row  # fmt: skip
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
        finished_at=finished,
        day=local_day(finished),
        wait_s=max(0.0, wait),
        service_s=float(service_s),
        # Read as text on SQLite and decoded here: SQLAlchemy's JSON result processing costs more than the decoding.
        lines=price_lines(json.loads(transactions) if isinstance(transactions, str) else transactions, catalogue),
        outcome=outcome,
        rating=rating,
        shares=stored_shares(shares),
    )


def stored_shares(value: Any) -> tuple[Share, ...] | None:
    """A record's ``service_shares`` (JSON text on SQLite, decoded on PostgreSQL; NULL: all its teller's), as the
    projection wrote them from the finish (queueing.core.service_shares.read_shares checked them there)."""
    raw = _json(value)
    if not raw:
        return None
    return tuple((str(teller), float(seconds)) for teller, seconds in raw)


def _events(
    session: Session, branch_id: str, types: Iterable[EventType], since: datetime, until: datetime | None = None
) -> list[tuple[int, Event]]:
    """(position, event) of the given types at or after ``since`` (and before ``until``), in store order."""
    stmt = select(*_EVENT_COLUMNS).where(
        EventRow.branch_id == branch_id, EventRow.type.in_([str(t) for t in types]), EventRow.at >= since
    )
    if until is not None:
        stmt = stmt.where(EventRow.at < until)
    # Sorted here, not by ORDER BY: asked to order by position, SQLite walks the position index over the
    # whole journal instead of the type-and-time range.
    found = [
        (position, Event(id_, branch, station, seq, hlc, EventType(kind), _utc(at), _json(payload), version))
        for position, id_, branch, station, seq, hlc, kind, at, payload, version in session.connection().execute(stmt)
    ]
    found.sort(key=lambda pair: pair[0])
    return found


# How far a fact's clock may run behind the clock that finished its visit: a mark made online, on time, for a
# visit an offline station with a fast clock dated later. Facts are read from this long before the visits.
FACT_CLOCK_MARGIN = timedelta(days=7)


def marks_and_corrections(session: Session, branch_id: str, since: datetime) -> list[Event]:
    """Quality marks, corrections and short-visit reviews of visits finished at or after ``since``, in store order:
    those made from ``FACT_CLOCK_MARGIN`` before it on (the caller applies only those naming its visits)."""
    types = (EventType.VISIT_QUALITY_RECORDED, EventType.VISIT_CORRECTED, EventType.VISIT_SHORT_REVIEWED)
    return [event for _, event in _events(session, branch_id, types, since - FACT_CLOCK_MARGIN)]


_WRITTEN: ColumnElement[int] = literal_column("service_record.rowid")


def finish_order(session: Session) -> tuple[Any, Any]:
    """The order visits are read and added up in: by finish time, visits finished at one instant as the
    journal replay takes them, in the order their finish events reached the store (float sums depend on it).

    On SQLite the row id is that order (the projections write each batch's records in event order, and
    every later batch's after them), and it costs nothing: the (branch, finished_at) index holds it, where
    a tie-break by ticket id made SQLite sort a year's rows again (0.2 s). PostgreSQL keeps no such order:
    ties go by ticket id there.
    """
    if session.get_bind().dialect.name == "sqlite":
        return ServiceRecordRow.finished_at, _WRITTEN
    return ServiceRecordRow.finished_at, ServiceRecordRow.ticket_id


def _visit_rows(session: Session, *where: Any, ordered: bool = True) -> Any:
    stmt = select(*_VISIT_COLUMNS).join(TicketRow, TicketRow.id == ServiceRecordRow.ticket_id).where(*where)
    if ordered:
        stmt = stmt.order_by(*finish_order(session))
    return session.connection().execute(stmt).all()


def load_visits(
    session: Session, branch_id: str, start: datetime, end: datetime, catalogue: TransactionCatalogue, timezone: str
) -> list[VisitRecord]:
    """Visits finished in [start, end) with their ratings, quality marks and corrections applied.

    A rating only sets the rating (a correction never touches it), so the last rating of each
    visit comes with its row; marks and corrections then apply in store order.
    """
    local_day = _LocalDays(ZoneInfo(timezone), start, end)
    rows = _visit_rows(
        session,
        ServiceRecordRow.branch_id == branch_id,
        ServiceRecordRow.finished_at >= start,
        ServiceRecordRow.finished_at < end,
    )
    visits = {row[0]: _visit(row, catalogue, local_day) for row in rows}
    adjust_visits(visits, marks_and_corrections(session, branch_id, start), catalogue)
    return list(visits.values())


def load_visits_by_id(
    session: Session,
    branch_id: str,
    start: datetime,
    end: datetime,
    catalogue: TransactionCatalogue,
    timezone: str,
    ticket_ids: Iterable[str | None],
    facts: Sequence[Event],
) -> dict[str, VisitRecord]:
    """The visits of ``ticket_ids`` finished in [start, end), adjusted by ``facts``,
    as ``load_visits`` makes them (the report's fast path makes only these in full)."""
    wanted = sorted(t for t in set(ticket_ids) if t)
    if not wanted:
        return {}
    local_day = _LocalDays(ZoneInfo(timezone), start, end)
    visits: dict[str, VisitRecord] = {}
    for chunk in id_chunks(wanted):
        # By primary key, the period checked here: with the time range or the branch as an index condition,
        # SQLite walks that index over the whole period for every chunk.
        rows = _visit_rows(
            session,
            # The branch through coalesce, so that no branch index tempts the planner away from the keys.
            func.coalesce(ServiceRecordRow.branch_id, "") == branch_id,
            ServiceRecordRow.ticket_id.in_(chunk),
            ordered=False,  # asked to order, SQLite walks the finished_at index instead of the keys
        )
        for row in rows:
            visit = _visit(row, catalogue, local_day)
            if start <= visit.finished_at < end:
                visits[row[0]] = visit
    adjust_visits(visits, facts, catalogue)
    return visits


def load_visit(
    session: Session, branch_id: str, ticket_id: str, catalogue: TransactionCatalogue, timezone: str
) -> VisitRecord | None:
    """One visit with every fact added to it (the whole history: for the quality dialog)."""
    found = _visit_rows(session, ServiceRecordRow.branch_id == branch_id, ServiceRecordRow.ticket_id == ticket_id)
    if not found:
        return None
    row = found[0]
    zone = ZoneInfo(timezone)
    # The rating from the row (the journal's last one, whenever its clock says it was pressed).
    visits = {ticket_id: _visit(row, catalogue, lambda at: at.astimezone(zone).date())}
    adjust_visits(visits, marks_and_corrections(session, branch_id, visits[ticket_id].finished_at), catalogue)
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
        lookback = min(lookback, _utc(at))
        counters.discard(payload.get("counter_id"))
        if not counters:
            break
    return lookback


def load_sessions(session: Session, branch_id: str, start: datetime, end: datetime) -> list[CounterSession]:
    """Counter sessions that overlap [start, end) (the report clips them), as ``build_sessions`` makes them from
    the journal.

    Whether a sign-in holds its counter or clashed depends on the sign-ins before it: they are read from
    SIGN_IN_LOOKBACK before the period (not from the journal's first: three years of a branch's sign-ins cost a
    month's report more than its visits), and decide the signed-in sessions alone. A session held longer than
    that at the period's start is not known here. The counter's own events (pauses, and the openings for a
    teller with no sign-in) are read from the earliest of the counters' last openings and those sessions' starts.
    """
    signs = _events(session, branch_id, SIGN_IN_EVENTS, start - SIGN_IN_LOOKBACK, end)
    held = [s.start for s in build_sessions(e for _, e in signs) if s.start < start and (s.end or end) > start]
    since = min(_session_lookback(session, branch_id, start), *held, start)
    found = signs + _events(session, branch_id, COUNTER_EVENTS, since, end)
    found.sort(key=lambda pair: pair[0])
    return build_sessions(event for _, event in found)


def load_staff(session: Session, branch_id: str) -> list[StaffMember]:
    """Every account of the branch: its active tellers have a row in the report, with or without visits; the
    others (a teller who left mid-month, a supervisor) are named there only where they served in the period."""
    rows = session.execute(
        select(StaffRow.id, StaffRow.name, StaffRow.role, StaffRow.active).where(StaffRow.branch_id == branch_id)
    )
    return [StaffMember(staff_id, name, role == "teller" and bool(active)) for staff_id, name, role, active in rows]


@dataclass(frozen=True)
class AcceptedPromptRow:
    """One accepted prompt as read from the store (a queueing.reports.piece_rate_report.AcceptedPrompt)."""

    staff_id: str
    product: str
    at: datetime
    ticket_id: str | None = None


def load_moves(session: Session, branch_id: str, ticket_ids: Iterable[str | None]) -> dict[str, tuple[str, str | None]]:
    """The visits among ``ticket_ids`` that a correction moved to another teller, whenever they finished:
    ticket -> (the teller first recorded, the teller now), as ``adjust_visits`` applies the corrections.

    A prompt is counted in the period it was answered in, its visit in the one it finished in: near midnight at
    a month's end they differ, and the credit must follow the move in either month's report.
    """
    ids = sorted({t for t in ticket_ids if t})
    first: dict[str, str] = {}
    since: datetime | None = None
    for chunk in id_chunks(ids):
        rows = session.execute(
            select(ServiceRecordRow.ticket_id, ServiceRecordRow.staff_id, ServiceRecordRow.finished_at).where(
                ServiceRecordRow.branch_id == branch_id, ServiceRecordRow.ticket_id.in_(chunk)
            )
        )
        for ticket_id, staff_id, finished_at in rows:
            if staff_id is not None:
                first[ticket_id] = staff_id
                at = _utc(finished_at)
                since = at if since is None or at < since else since
    if since is None:
        return {}
    now: dict[str, str | None] = dict(first)
    for _, event in _events(session, branch_id, (EventType.VISIT_CORRECTED,), since - FACT_CLOCK_MARGIN):
        named, changes = event.payload.get("ticket_id"), event.payload.get("changes") or {}
        if named in now and "teller" in changes:
            now[named] = changes["teller"]
    return {t: (first[t], teller) for t, teller in now.items() if teller != first[t]}



def load_accepted_prompts(session: Session, branch_id: str, start: datetime, end: datetime) -> list[AcceptedPromptRow]:
    """Accepted cross-sell prompts in [start, end): rows with staff_id, product and at, as the report reads them.

    Only the answers of the customer the visit is linked to in the end count: a visit identified again (Ctrl+I) as
    another customer keeps the answers recorded for the first one, which earn nothing (one customer at the window,
    one customer's answers paid; models.customers.queries.of_final_customer, which the conversion report shares).
    Both report paths read their prompts here, so they agree.
    """
    stmt = of_final_customer(
        select(CrossSellOutcomeRow).where(
            CrossSellOutcomeRow.branch_id == branch_id,
            CrossSellOutcomeRow.outcome == Outcome.ACCEPTED.value,
            CrossSellOutcomeRow.at >= start,
            CrossSellOutcomeRow.at < end,
        ),
        branch_id,
    )
    return [AcceptedPromptRow(r.staff_id, r.product, _utc(r.at), r.ticket_id) for r in session.scalars(stmt)]
