"""The day end on stations that sync (a SQLite upstream, no server needed): upstream decides it for the whole
branch online; offline a station closes only its own tickets; whichever way the facts meet, nothing is closed
twice, and a station that called an expired ticket offline gets the existing conflict flag."""

from datetime import timedelta

import pytest
from sqlalchemy import select
from staff_sessions import add_accounts, session_of
from sync_branch import station_on, synced

from models.branch.service import BranchService
from models.store.tables import EventRow, TicketRow
from models.supervisor.service import SupervisorService
from models.sync.conflicts import conflicts
from queueing.core.clock import ManualClock
from queueing.core.errors import DomainError, NothingWaiting
from queueing.core.roles import Role
from queueing.core.tickets import TicketStatus

DAY_S = timedelta(days=1).total_seconds()


@pytest.fixture
def setup(sqlite_branch):
    return sqlite_branch


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


def test_an_offline_call_of_a_ticket_expired_upstream_is_flagged(tmp_path, setup):
    config, clock, upstream_path, upstream = setup
    st = station_on(tmp_path, upstream_path, config, clock, "ST1")
    ticket = st.issue_ticket("CASH").ticket
    st._go_offline(RuntimeError("test: link down"))
    clock.advance(14 * 3600 + 50 * 60)  # 23:50: the branch is open late, the customer is called offline
    assert st.call_next("C1").ticket.id == ticket.id
    clock.advance(9 * 3600)  # the next morning: another station ends the day upstream
    BranchService(upstream, config, "B1", "KIOSK", clock).issue_ticket("CASH")
    assert synced(st)
    (flagged,) = conflicts(upstream, config, "B1")
    assert flagged.ticket_id == ticket.id and flagged.status == "expired"
    assert flagged.detail.startswith("called at C1 while expired")
    # The supervisor deals with it although the ticket has left memory (an earlier day's, closed): the flag
    # clears upstream and, pulled, on the station; a second try is refused as for any ticket.
    supervisor = SupervisorService(st, session=session_of("B1", "S1", Role.SUPERVISOR, "ST1"))
    add_accounts(upstream, supervisor.session)
    supervisor.resolve_conflict(ticket.id, "served at 23:50, before the day ended")
    assert conflicts(upstream, config, "B1") == ()
    assert synced(st)
    for store in (upstream, st.local.store):
        with store.read_session() as s:
            assert s.scalar(select(TicketRow.conflict).where(TicketRow.id == ticket.id)) is False
    with pytest.raises(DomainError):
        supervisor.resolve_conflict(ticket.id, "again")


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
    assert st1.state.tickets[theirs.id].status is TicketStatus.EXPIRED  # pulled
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
