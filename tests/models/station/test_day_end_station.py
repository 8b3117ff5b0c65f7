"""The day end on stations that sync (a SQLite upstream, no server needed): upstream decides it for the whole
branch online; offline a station closes only its own tickets; whichever way the facts meet, nothing is closed
twice, and a visit begun offline before the day end closed its ticket upstream stands, however late it is
pushed."""

import copy
from datetime import timedelta

import pytest
from command_steps import run_steps
from projection_checks import assert_projections_match_journal
from sqlalchemy import select
from sync_branch import station_on, synced

from models.branch.service import BranchService
from models.branch.state_loader import load_from_projections
from models.store.tables import EventRow, ServiceRecordRow, TicketRow
from models.sync.conflicts import conflicts
from queueing.core.clock import ManualClock
from queueing.core.commands import Commands
from queueing.core.errors import NothingWaiting
from queueing.core.events import StationContext
from queueing.core.tickets import TicketStatus, TransactionLine

DAY_S = timedelta(days=1).total_seconds()


@pytest.fixture
def setup(sqlite_branch):
    return sqlite_branch


LINE = [TransactionLine("CASH_DEP", 1)]


def _cut_off_till_2350(tmp_path, setup, name="ST1"):
    """Station ``name`` issues a ticket at 09:00, loses its link, and at 23:50 calls it at C1 and starts serving."""
    config, clock, upstream_path, _upstream = setup
    st = station_on(tmp_path, upstream_path, config, clock, name)
    ticket = st.issue_ticket("CASH").ticket
    st._go_offline(RuntimeError("test: link down"))
    clock.advance(14 * 3600 + 50 * 60)  # 23:50: the branch is open late, the customer is called offline
    assert st.call_next("C1").ticket.id == ticket.id
    st.start("C1")
    return st, ticket


def _next_morning(setup):
    """09:00 the next morning: the kiosk, on the branch's store, ends the day and issues today's first ticket."""
    config, clock, _path, upstream = setup
    clock.advance(9 * 3600)
    BranchService(upstream, config, "B1", "KIOSK", clock).issue_ticket("CASH")


def _rows(store):
    with store.read_session() as s:
        statuses = dict(s.execute(select(TicketRow.id, TicketRow.status)).all())
        expiries = [
            p["ticket_id"] for p in s.scalars(select(EventRow.payload).where(EventRow.type == "ticket_expired"))
        ]
    return statuses, expiries


def test_an_station_ons_first_call_next_morning_is_not_yesterdays(tmp_path, setup):
    config, clock, upstream_path, upstream = setup
    st = station_on(tmp_path, upstream_path, config, clock, "ST1")
    yesterday = st.issue_ticket("CASH").ticket
    clock.advance(DAY_S)
    with pytest.raises(NothingWaiting):
        st.call_next("C1")
    statuses, expiries = _rows(upstream)
    assert statuses[yesterday.id] == "expired" and expiries == [yesterday.id]
    assert _rows(st.local.store) == (statuses, expiries)  # the station's own file agrees
    assert st.snapshot().waiting == ()


def test_a_visit_served_offline_across_the_day_end_is_served_and_paid(tmp_path, setup):
    """The customer was called and served at 23:50 while the link was down; the next morning the day end upstream
    closed the ticket as left waiting, before the push came. The visit happened before the day end: upstream and
    every station hold it served, with its service record for the teller's pay, and no conflict, as when the
    push comes first. Another station that was online all along (its state in memory) and one started afresh
    (its state from its projections) agree."""
    config, clock, upstream_path, upstream = setup
    other = station_on(tmp_path, upstream_path, config, clock, "ST2")
    st, ticket = _cut_off_till_2350(tmp_path, setup)
    clock.advance(300)
    st.finish("C1", LINE)
    _next_morning(setup)
    assert synced(other) and other.state.expired[ticket.id].status is TicketStatus.EXPIRED
    assert synced(st) and synced(other)
    assert conflicts(upstream, config, "B1") == ()
    again = station_on(tmp_path, upstream_path, config, clock, "ST3")
    for store in (upstream, st.local.store, other.local.store, again.local.store):
        with store.read_session() as s:
            assert s.scalar(select(TicketRow.status).where(TicketRow.id == ticket.id)) == "done"
            record = s.scalar(select(ServiceRecordRow).where(ServiceRecordRow.ticket_id == ticket.id))
            assert record is not None and (record.staff_id, record.counter_id) == ("TC1", "C1")
    assert other.state.tickets[ticket.id].status is TicketStatus.DONE
    assert_projections_match_journal(upstream, config, "B1")


def test_a_visit_served_offline_before_the_day_end_counts_when_pushed_weeks_later(tmp_path, setup):
    """The station stays cut off for weeks: upstream's side of the push starts from its projections, where the
    closed ticket is in no memory, looks it up, and the visit stands; a station that joins meanwhile agrees."""
    config, clock, upstream_path, upstream = setup
    st, ticket = _cut_off_till_2350(tmp_path, setup)
    st.finish("C1", LINE)
    _next_morning(setup)
    clock.advance(40 * DAY_S)
    BranchService(upstream, config, "B1", "KIOSK", clock).issue_ticket("CASH")
    other = station_on(tmp_path, upstream_path, config, clock, "ST2")
    with upstream.read_session() as s:  # what upstream's side of the push starts from
        started, _position = load_from_projections(s, config, "B1")
    assert ticket.id not in started.tickets and ticket.id not in started.expired
    assert synced(st) and synced(other)
    assert conflicts(upstream, config, "B1") == ()
    for store in (upstream, st.local.store, other.local.store):
        with store.read_session() as s:
            assert s.scalar(select(TicketRow.status).where(TicketRow.id == ticket.id)) == "done"
            assert s.scalar(select(ServiceRecordRow.staff_id).where(ServiceRecordRow.ticket_id == ticket.id)) == "TC1"
    assert_projections_match_journal(upstream, config, "B1")


def test_offline_a_station_ends_its_own_tickets_and_nothing_is_closed_twice(tmp_path, setup):
    config, clock, upstream_path, upstream = setup
    st1 = station_on(tmp_path, upstream_path, config, clock, "ST1")
    st2 = station_on(tmp_path, upstream_path, config, clock, "ST2")
    mine = st1.issue_ticket("CASH").ticket
    theirs = st2.issue_ticket("CASH").ticket
    st1.sync_now()
    st1._go_offline(RuntimeError("test: link down"))
    clock.advance(DAY_S)
    st1.end_past_days()  # offline, on the new day: its own ticket of yesterday closes, not the other's
    assert st1.state.tickets[mine.id].status is TicketStatus.EXPIRED
    assert st1.state.tickets[theirs.id].status is TicketStatus.WAITING
    st1.issue_ticket("CASH")
    st2.end_past_days()  # online: upstream ends the whole day, ST1's ticket too
    assert synced(st1)
    statuses, expiries = _rows(upstream)
    assert statuses[mine.id] == statuses[theirs.id] == "expired"
    assert sorted(expiries) == sorted([mine.id, mine.id, theirs.id])  # both facts kept, neither doubled a thing
    assert conflicts(upstream, config, "B1") == ()
    # Pulled. In the branch's order the day end closed it before ST1's first ticket of the new day rolled the day,
    # which takes it out of the live tickets (as upstream's own state has it).
    pulled = st1.state.tickets.get(theirs.id) or st1.state.expired[theirs.id]
    assert pulled.status is TicketStatus.EXPIRED
    assert synced(st2)
    assert [t.number for t in st1.snapshot().waiting] == [t.number for t in st2.snapshot().waiting] == ["AA001"]



def test_a_call_next_morning_never_calls_a_ticket_of_yesterday_its_station_had_not_pulled_yet(tmp_path, setup):
    """The day end is decided on upstream's state caught up under the branch lock, not on the station's copy:
    ST1 had not pulled ST2's last ticket of yesterday, and its first call this morning must not call it."""
    config, clock, upstream_path, upstream = setup
    st1 = station_on(tmp_path, upstream_path, config, clock, "ST1")
    st2 = station_on(tmp_path, upstream_path, config, clock, "ST2")
    late = st2.issue_ticket("CASH").ticket  # ST1 has not synced since
    clock.advance(DAY_S)
    with pytest.raises(NothingWaiting):
        st1.call_next("C1")
    statuses, expiries = _rows(upstream)
    assert statuses[late.id] == "expired" and expiries == [late.id]
    assert st1.state.tickets[late.id].status is TicketStatus.EXPIRED
    today = st2.issue_ticket("CASH").ticket
    assert st1.call_next("C1").ticket.id == today.id




def test_an_offline_station_whose_clock_ran_a_day_ahead_never_ends_the_branchs_queue(tmp_path, setup):
    """Its offline ticket is dated tomorrow and, synced, takes upstream's state there; the branch's queue of
    today still waits, whoever runs the next command or snapshot (those whose clocks are right)."""
    config, clock, upstream_path, upstream = setup
    kiosk = BranchService(upstream, config, "B1", "KIOSK", clock)
    waiting = [kiosk.issue_ticket("CASH").ticket.id for _ in range(3)]
    own_clock = ManualClock(clock.now())
    st = station_on(tmp_path, upstream_path, config, own_clock, "ST9")
    st._go_offline(RuntimeError("test: link down"))
    own_clock.advance(DAY_S)  # its clock jumps a day ahead while the link is down
    st.issue_ticket("CASH")
    assert synced(st)
    clock.advance(60)
    kiosk.snapshot()
    kiosk.call_next("C1")
    statuses, expiries = _rows(upstream)
    assert expiries == [] and all(statuses[t] in ("waiting", "called") for t in waiting)


def _row(store, ticket_id):
    with store.read_session() as s:
        row = s.scalar(select(TicketRow).where(TicketRow.id == ticket_id))
        return row.status, row.finished_at, row.conflict


def test_last_nights_visit_pushed_late_leaves_todays_customer_at_c1(tmp_path, setup):
    """The teller works at C1 from another PC this morning; the old PC, plugged in again, pushes its visit of
    23:50 at C1: today's customer stays at C1 and is finished there."""
    config, clock, upstream_path, upstream = setup
    st1, _ticket = _cut_off_till_2350(tmp_path, setup)
    clock.advance(300)
    st1.finish("C1", LINE)
    _next_morning(setup)
    st2 = station_on(tmp_path, upstream_path, config, clock, "ST2")
    todays = st2.call_next("C1").ticket
    st2.start("C1")
    assert synced(st1) and synced(st2)
    assert st2.state.counters["C1"].current == todays.id
    st2.finish("C1", LINE)
    assert_projections_match_journal(upstream, config, "B1")


def test_a_ticket_parked_offline_before_midnight_is_closed_alike_on_the_station_and_upstream(tmp_path, setup):
    """Called at 23:50 offline and parked at 23:55 (the customer left to fill in a form, and went home): the
    station's own journal has the day end after the park, upstream before it; both close it at one moment."""
    config, clock, upstream_path, upstream = setup
    st, ticket = _cut_off_till_2350(tmp_path, setup)
    clock.advance(300)
    st.park("C1")
    _next_morning(setup)
    assert synced(st)
    clock.advance(600)  # upstream's next command: its day end finds nothing more to close
    BranchService(upstream, config, "B1", "KIOSK", clock).issue_ticket("CASH")
    assert synced(st)
    assert _row(st.local.store, ticket.id) == _row(upstream, ticket.id)
    assert _row(upstream, ticket.id)[0] == "expired"
    assert_projections_match_journal(upstream, config, "B1")


def test_a_marked_conflict_stays_cleared_when_the_visit_before_the_day_end_reopens_the_ticket(setup):
    """A station whose view predates the day end calls the ticket after it (flagged); the supervisor marks it;
    then the visit an offline station began at 23:50 arrives and reopens it: the row stays clear, and the
    conflict view agrees."""
    config, clock, _path, upstream = setup
    service = BranchService(upstream, config, "B1", "KIOSK", clock)
    ticket = service.issue_ticket("CASH").ticket
    offline = copy.deepcopy(service.state)
    night = ManualClock(clock.now() + timedelta(hours=14, minutes=50))
    there = Commands(offline, StationContext("B1", "ST2", night))
    visit = run_steps(
        offline, there, lambda c: c.call_next("C1"), lambda c: c.start("C1"), lambda c: c.finish("C1", LINE)
    )
    before_expiry = copy.deepcopy(service.state)
    clock.advance(DAY_S)
    service.issue_ticket("CASH")  # the day end and today's first ticket
    late = Commands(before_expiry, StationContext("B1", "ST3", ManualClock(clock.now() + timedelta(hours=1))))
    service.record_many(late.call_ticket("C2", ticket.id, "late"))
    assert _row(upstream, ticket.id)[2] is True
    service.run(lambda c: c.resolve_conflict(ticket.id, "SUP1", "told the customer", row_flagged=True))
    service.record_many(visit)
    assert _row(upstream, ticket.id)[0] == "done" and _row(upstream, ticket.id)[2] is False
    assert conflicts(upstream, config, "B1") == ()


def test_a_ticket_sent_to_another_queue_after_midnight_has_one_row_everywhere(tmp_path, setup):
    """Called offline at 23:50 and sent to another queue at 00:10, it waits there today (it was at a counter at
    midnight, so this morning's day end leaves it). Upstream met the day end first, the station last: both rows
    say the same, down to the moment that day end met it."""
    config, clock, upstream_path, upstream = setup
    st, ticket = _cut_off_till_2350(tmp_path, setup)
    clock.advance(20 * 60)
    st.transfer("C1", to_category="TRANSFER")
    _next_morning(setup)
    assert synced(st)
    assert conflicts(upstream, config, "B1") == ()
    with upstream.read_session() as s:
        day_ended = s.scalar(select(TicketRow.day_ended_at).where(TicketRow.id == ticket.id))
    assert _row(upstream, ticket.id) == _row(st.local.store, ticket.id) == ("waiting", None, False)
    for store in (upstream, st.local.store):
        with store.read_session() as s:
            assert s.scalar(select(TicketRow.day_ended_at).where(TicketRow.id == ticket.id)) == day_ended
    assert day_ended is not None
    assert_projections_match_journal(upstream, config, "B1")
