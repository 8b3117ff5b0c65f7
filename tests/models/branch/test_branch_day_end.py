"""The end of a business day: tickets an earlier day left waiting or parked are closed as expired, by events.

A paper ticket is valid for its day only. The next morning nobody calls yesterday's A037 for a customer
who went home hours ago, only today's A001 waits, and a restart does not bring yesterday's queue back.
"""

from datetime import timedelta

import pytest
from projection_checks import assert_projections_match_journal
from sqlalchemy import func, select

from models.branch.service import BranchService
from models.branch.state_loader import load_from_journal, load_from_projections
from models.store.tables import EventRow, ServiceRecordRow, TicketRow
from queueing.core.categories import load_branch_config
from queueing.core.errors import NothingWaiting
from queueing.core.tickets import TicketStatus, TransactionLine

DAY_S = timedelta(days=1).total_seconds()


def _yesterday(service, clock):
    """A day that ended with people in the queue: A001 served, A002 parked at C1, A003 and A004 waiting."""
    ids = [service.issue_ticket("CASH").ticket.id for _ in range(4)]
    clock.advance(60)
    service.call_next("C1")
    service.start("C1")
    service.finish("C1", [TransactionLine("X", 1)])
    service.call_next("C1")
    service.park("C1")
    clock.advance(DAY_S)
    return ids


def _statuses(store):
    with store.read_session() as s:
        return [tuple(r) for r in s.execute(select(TicketRow.number, TicketRow.status).order_by(TicketRow.issued_at))]


def test_the_next_mornings_first_call_does_not_call_yesterdays_ticket(service, store, clock):
    _yesterday(service, clock)
    with pytest.raises(NothingWaiting):
        service.call_next("C1")  # nobody has come in yet today
    today = service.issue_ticket("CASH").ticket
    assert service.call_next("C1").ticket.id == today.id
    assert _statuses(store) == [("A001", "done"), ("A002", "expired"), ("A003", "expired"), ("A004", "expired"),
                                ("A001", "called")]  # fmt: skip


def test_a_call_next_morning_never_calls_a_ticket_of_yesterday_this_service_had_not_seen(service, store, clock):
    """Another writer's (the kiosk's) last ticket of yesterday reached this service only when its command caught
    up: the day end is decided on that caught-up state, so the first call this morning does not call it."""
    service.snapshot()
    kiosk = BranchService(store, load_branch_config(), "B1", "KIOSK", clock)
    late = kiosk.issue_ticket("CASH").ticket
    clock.advance(DAY_S)
    with pytest.raises(NothingWaiting):
        service.call_next("C1")
    assert _statuses(store) == [("A001", "expired")]
    assert service.state.tickets[late.id].status is TicketStatus.EXPIRED


def test_a_station_opened_next_morning_calls_todays_ticket_only(service, store, clock):
    _yesterday(service, clock)
    morning = BranchService(store, load_branch_config(), "B1", "ST2", clock)
    today = morning.issue_ticket("CASH").ticket
    assert [t.number for t in morning.snapshot().waiting] == ["A001"]
    assert morning.call_next("C1").ticket.id == today.id


def test_only_one_a001_waits(service, store, clock):
    """The hall's spoken call "A001" names one customer: yesterday's A001 went home."""
    service.issue_ticket("CASH")
    clock.advance(DAY_S)
    today = service.issue_ticket("CASH").ticket
    assert today.number == "A001"
    assert [(t.number, t.id) for t in service.snapshot().waiting] == [("A001", today.id)]


def test_the_hall_and_the_supervisor_see_no_queue_of_yesterday_before_any_command(service, store, clock):
    _yesterday(service, clock)
    display = BranchService(store, load_branch_config(), "B1", "HALL", clock)
    snapshot = display.snapshot()
    assert snapshot.waiting == () and snapshot.waiting_by_category["CASH"] == 0
    assert service.snapshot().waiting == ()


def test_a_restart_does_not_bring_yesterdays_queue_back(service, store, clock):
    _yesterday(service, clock)
    service.issue_ticket("TRANSFER")
    config = load_branch_config()
    with store.read_session() as s:
        fast, pos_a = load_from_projections(s, config, "B1")
        slow, pos_b = load_from_journal(s, config, "B1")
    assert pos_a == pos_b
    assert [t.number for t in fast.waiting.values()] == [t.number for t in slow.waiting.values()] == ["B001"]
    assert not [t for t in fast.tickets.values() if t.business_date < fast.business_date]
    again = BranchService(store, config, "B1", "ST1", clock)
    assert [t.number for t in again.snapshot().waiting] == ["B001"]


def test_a_customer_at_a_counter_across_midnight_stays_with_the_teller(service, store, clock):
    """A branch open late: called at 23:55, served after midnight, finished and counted as served."""
    service.issue_ticket("CASH")
    waiting = service.issue_ticket("CASH").ticket
    clock.advance(15 * 3600 - 60 * 5)  # 23:55 in Shanghai
    served = service.call_next("C1").ticket
    service.start("C1")
    clock.advance(10 * 60)  # 00:05 the next day
    service.issue_ticket("TRANSFER")
    assert service.state.tickets[served.id].status is TicketStatus.SERVING
    service.finish("C1", [TransactionLine("X", 1)])
    with store.read_session() as s:
        assert s.scalar(select(func.count()).select_from(ServiceRecordRow)) == 1
        assert s.get(TicketRow, waiting.id).status == "expired"
    assert not service.state.conflicts


def test_two_stations_ending_the_day_at_once_close_each_ticket_once(service, store, clock):
    ids = _yesterday(service, clock)
    config = load_branch_config()
    other = BranchService(store, config, "B1", "ST2", clock)  # both loaded yesterday's queue
    assert other.day_end_due() and service.day_end_due()
    other.end_past_days()
    service.end_past_days()  # decides after catching up: nothing left
    with store.read_session() as s:
        expired = s.scalars(select(EventRow.payload).where(EventRow.type == "ticket_expired")).all()
    assert sorted(p["ticket_id"] for p in expired) == sorted(ids[1:])
    assert not service.state.conflicts and not other.state.conflicts


def test_a_customer_served_across_midnight_and_parked_after_it_is_not_expired_even_after_a_restart(
    service, store, clock
):
    """At C1 when the day ended, parked at 00:10 (a form to fill): the day did not leave the ticket parked. A
    station started afterwards (the state loaded from the rows) spares it as the journal's replay does."""
    ticket = service.issue_ticket("CASH").ticket
    clock.advance(14 * 3600 + 50 * 60)  # 23:50 in Shanghai
    service.call_next("C1")
    service.start("C1")
    clock.advance(20 * 60)  # 00:10: the next business day
    service.park("C1")
    restarted = BranchService(store, load_branch_config(), "B1", "ST2", clock)
    restarted.snapshot()
    restarted.issue_ticket("CASH")
    assert restarted.state.tickets[ticket.id].status is TicketStatus.PARKED
    assert_projections_match_journal(store, load_branch_config(), "B1")
    assert restarted.return_parked("C1", ticket.id).ticket.status == "serving"
    restarted.finish("C1", [TransactionLine("X", 1)])
    assert _statuses(store) == [("A001", "done"), ("A001", "waiting")]
