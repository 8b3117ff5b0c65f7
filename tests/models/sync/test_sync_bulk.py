"""Large pushes on PostgreSQL: one plain COPY when the rows are new, the ON CONFLICT path when some are not."""

import dataclasses
from datetime import UTC, datetime

import pytest
from pg_server import open_test_upstream, pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from projection_checks import assert_projections_match_journal, counters_of, tickets_of
from sqlalchemy import func, select
from sync_branch import synced

from bench.bench_sync import offline_day
from models.branch.journal import event_to_row, row_to_event
from models.branch.projection import service_record_row, ticket_row
from models.branch.service import BranchService
from models.branch.state_loader import load_from_journal
from models.station.service import StationService
from models.store.database import open_store
from models.store.tables import EventRow, ServiceRecordRow, TicketRow
from models.sync import upstream as sync_upstream
from models.sync.conflicts import conflicts
from models.sync.projection import upsert_many, write_new_many
from models.sync.push_batch import PushBatch
from models.sync.upstream import UpstreamBranch, _positions
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.commands import Commands
from queueing.core.events import Event, StationContext
from queueing.core.reducer import apply
from queueing.core.state import BranchState
from queueing.core.tickets import TransactionLine

pytestmark = pytest.mark.postgres

MORNING = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


@pytest.fixture
def upstream(pg_url):
    store = open_test_upstream(pg_url)
    BranchService(store, load_branch_config(), "B1", "SETUP", ManualClock(MORNING)).ensure_branch("Bulk branch")
    yield store
    store.close()


def _count(store, row_class) -> int:
    with store.read_session() as session:
        return session.scalar(select(func.count()).select_from(row_class))


def _spy(monkeypatch, name: str) -> list:
    """Record what ``sync_upstream.<name>`` is called with (and, for copy_new, what it answered)."""
    real = getattr(sync_upstream, name)
    seen: list = []

    def spy(session, *args, **kwargs):
        result = real(session, *args, **kwargs)
        seen.append(result if name == "copy_new" else list(args[-1]))
        return result

    monkeypatch.setattr(sync_upstream, name, spy)
    return seen


def test_a_half_pushed_batch_inserts_and_projects_only_the_new_half(upstream, monkeypatch):
    """The acknowledgement of the first half was lost: the station sends everything again."""
    config = load_branch_config()
    events = offline_day(500)  # 2,002 events: each half holds more than COPY_FROM tickets and records
    half = len(events) // 2
    copies = _spy(monkeypatch, "copy_new")
    projected = _spy(monkeypatch, "apply_and_project")
    up = UpstreamBranch(upstream, config, StationContext("B1", "ST1", ManualClock(MORNING)))

    assert up.receive(PushBatch.of_events(events[:half]), "ST1") == half
    assert copies == [True] and projected == []  # new: one plain COPY, applied while the server took it
    assert up.receive(PushBatch.of_events(events), "ST1") == len(events)
    assert copies == [True, False]  # the database refused the plain COPY ...
    assert projected == [events[half:]]  # ... and ON CONFLICT inserted, applied and projected the new half only

    assert _count(upstream, EventRow) == len(events)
    assert _count(upstream, ServiceRecordRow) == 500
    with upstream.read_session() as session:
        replayed, position = load_from_journal(session, config, "B1")
    assert not up.state.conflicts and conflicts(upstream, config, "B1") == ()
    assert tickets_of(up.state) == tickets_of(replayed) and counters_of(up.state) == counters_of(replayed)
    assert up.position == position
    assert_projections_match_journal(upstream, config, "B1")
    assert up.receive(PushBatch.of_events(events), "ST1") == len(events)  # a third time: nothing new, nothing projected
    assert projected == [events[half:]] and not up.state.conflicts


def test_a_conflict_inside_a_bulk_push_is_kept_and_flagged(upstream):
    """ST1 saw ticket T waiting, went offline, served 300 visits and then called T, which ST2 had called online."""
    config = load_branch_config()
    clock = ManualClock(MORNING)
    online = BranchService(upstream, config, "B1", "ST2", clock)
    online.run(lambda c: c.configure_counter("C2", "2", {"CASH": 1}))
    online.open_counter("C2", "T2")
    ticket = online.issue_ticket("CASH").ticket
    with upstream.read_session() as session:
        seen_by_st1, _ = load_from_journal(session, config, "B1")
    online.call_ticket("C2", ticket.id, "regular customer")

    c = Commands(seen_by_st1, StationContext("B1", "ST1", clock))
    batch: list[Event] = []

    def do(made: list[Event]) -> None:
        for event in made:
            apply(seen_by_st1, event)
        batch.extend(made)

    do(c.configure_counter("C9", "9", {"CASH": 1}))
    do(c.open_counter("C9", "T9"))
    for n in range(300):
        do(c.issue_ticket("CASH", number=f"Z{n:03d}"))
        clock.advance(3)
        do(c.call_ticket("C9", batch[-1].payload["ticket_id"], "own ticket"))
        do(c.start("C9"))
        clock.advance(5)
        do(c.finish("C9", [TransactionLine("CASH_DEPOSIT", 1)]))
    do(c.call_ticket("C9", ticket.id, "walked up"))

    up = UpstreamBranch(upstream, config, StationContext("B1", "ST1", clock))
    assert up.receive(PushBatch.of_events(batch), "ST1") == len(batch)

    (conflict,) = conflicts(upstream, config, "B1")
    assert conflict.ticket_id == ticket.id
    assert {f.station_id for f in conflict.facts if f.type == "ticket_called"} == {"ST1", "ST2"}
    assert _count(upstream, ServiceRecordRow) == 300
    assert_projections_match_journal(upstream, config, "B1")


def _served_tickets(visits: int) -> list:
    state = BranchState(load_branch_config())
    for event in offline_day(visits):
        apply(state, event)
    return [t for t in state.tickets.values() if t.finished_at is not None]


def test_rows_thought_new_that_exist_are_upserted_or_skipped(upstream):
    """A ticket dropped from memory (an earlier day's) still has its row: the COPY is refused, nothing is lost."""
    tickets = _served_tickets(250)
    with upstream.write_session() as session:
        write_new_many(session, TicketRow.__table__, [ticket_row("B1", t) for t in tickets[:100]], ["id"], True)
        records = [service_record_row("B1", t, "completed") for t in tickets[:100]]
        write_new_many(session, ServiceRecordRow.__table__, records, ["ticket_id"], False)

    moved = [dataclasses.replace(t, staff="T7") for t in tickets]
    with upstream.write_session() as session:
        write_new_many(session, TicketRow.__table__, [ticket_row("B1", t) for t in moved], ["id"], True)
        records = [service_record_row("B1", t, "no_show") for t in moved]
        write_new_many(session, ServiceRecordRow.__table__, records, ["ticket_id"], False)

    with upstream.read_session() as session:
        staff = session.execute(select(TicketRow.staff_id, func.count()).group_by(TicketRow.staff_id)).all()
        outcomes = dict(
            session.execute(select(ServiceRecordRow.outcome, func.count()).group_by(ServiceRecordRow.outcome)).all()
        )
    assert staff == [("T7", 250)]  # the 100 that existed are updated, the 150 others inserted
    assert outcomes == {"completed": 100, "no_show": 150}  # existing records are kept as they were


def test_a_station_push_stores_every_event_as_its_journal_holds_it(upstream, tmp_path):
    """The payloads go upstream as the station's journal holds them (JSON text), not encoded again."""
    config = load_branch_config()
    local = open_store(str(tmp_path / "st1.db"))
    offline = BranchService(local, config, "B1", "ST1")
    offline.ensure_branch("Bulk branch")
    events = offline_day(100)
    offline.record_many(events)
    station = StationService(local, upstream, config, "B1", "ST1")
    assert synced(station) and station.sync_status().backlog == 0
    with upstream.read_session() as session:
        rows = session.scalars(select(EventRow).where(EventRow.station_id == "ST1").order_by(EventRow.seq)).all()
        assert [row_to_event(row) for row in rows] == events
    local.close()


def _journal_at(store, placed: list[tuple[int, Event]]) -> None:
    """Write events at chosen positions, as concurrent pushes of other branches leave them."""
    with store.write_session() as session:
        for position, event in placed:
            session.execute(EventRow.__table__.insert().values(position=position, **event_to_row(event)))


def test_positions_of_a_copy_with_gaps_or_a_stranger_in_between(upstream):
    """A COPY's positions run on without a gap, skip numbers another branch took, or (written without the
    branch lock) share the span with someone else's event: each case gives the right numbers."""
    events = offline_day(3)[:9]

    def positions(batch: list[Event]) -> list[tuple[str, int]]:
        with upstream.read_session() as session:
            return sorted(_positions(session, batch))

    def expected(batch: list[Event], numbers: tuple[int, ...]) -> list[tuple[str, int]]:
        return sorted((e.id, p) for e, p in zip(batch, numbers, strict=True))

    _journal_at(upstream, [(1000, events[0]), (1001, events[1]), (1002, events[2])])
    assert positions(events[0:3]) == expected(events[0:3], (1000, 1001, 1002))
    _journal_at(upstream, [(2000, events[3]), (2002, events[4]), (2004, events[5])])
    assert positions(events[3:6]) == expected(events[3:6], (2000, 2002, 2004))
    _journal_at(upstream, [(3000, events[6]), (3001, events[7]), (3002, events[8])])
    assert positions([events[6], events[8]]) == expected([events[6], events[8]], (3000, 3002))


def test_a_time_without_offset_is_stored_as_a_plain_insert_stores_it(upstream):
    """Binary COPY takes only aware times: a naive one sends the rows as text, read as INSERT reads it."""
    naive = [dataclasses.replace(t, appointment_at=datetime(2026, 11, 23, 9, 30)) for t in _served_tickets(250)]
    with upstream.write_session() as session:
        write_new_many(session, TicketRow.__table__, [ticket_row("B1", t) for t in naive[:-1]], ["id"], True)
        upsert_many(session, TicketRow.__table__, [ticket_row("B1", naive[-1])], ["id"])  # one row: an INSERT
    with upstream.read_session() as session:
        stored = session.execute(select(TicketRow.appointment_at, func.count()).group_by(TicketRow.appointment_at))
        assert [count for _at, count in stored] == [250]
