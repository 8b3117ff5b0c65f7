"""The day end's rules in the reducer: what an expiry closes, and that two of them, or one crossing a call,
never double anything nor raise a false conflict, while a call of an expired ticket is flagged."""

import copy
from datetime import UTC, datetime, timedelta

from command_steps import run_steps

from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.commands import Commands
from queueing.core.events import EventType, StationContext
from queueing.core.reducer import apply
from queueing.core.state import BranchState
from queueing.core.tickets import TicketStatus, TransactionLine

START = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 09:00 in Asia/Shanghai
DAY_S = timedelta(days=1).total_seconds()


def _yesterday():
    """C1 serving A001 across midnight, A002 parked at C2, A003 waiting; then the clock is on the next morning."""
    clock = ManualClock(START)
    state = BranchState(load_branch_config())
    st = Commands(state, StationContext("B1", "ST1", clock))
    for cid in ("C1", "C2"):
        run_steps(
            state, st, lambda c, k=cid: c.configure_counter(k, k, {"CASH": 1}), lambda c, k=cid: c.open_counter(k)
        )
    issued = run_steps(state, st, *[lambda c: c.issue_ticket("CASH")] * 3)
    run_steps(state, st, lambda c: c.call_next("C1"), lambda c: c.start("C1"))
    run_steps(state, st, lambda c: c.call_next("C2"), lambda c: c.park("C2"))
    clock.advance(DAY_S)
    return clock, state, st, [e.payload["ticket_id"] for e in issued]


def test_the_day_end_closes_waiting_and_parked_and_leaves_the_counter_its_customer():
    _clock, state, st, (serving, parked, waiting) = _yesterday()
    stats = copy.deepcopy(state.stats)
    ended = run_steps(state, st, lambda c: c.end_past_days())
    assert [(e.type, e.payload["ticket_id"]) for e in ended] == [
        (EventType.TICKET_EXPIRED, parked),
        (EventType.TICKET_EXPIRED, waiting),
    ]
    assert [state.tickets[t].status for t in (serving, parked, waiting)] == [
        TicketStatus.SERVING,
        TicketStatus.EXPIRED,
        TicketStatus.EXPIRED,
    ]
    assert not state.waiting and state.parked_at("C2") == [] and state.counters["C1"].current == serving
    assert state.stats == stats and state.conflicts == []  # nobody's no-show, no service observed
    assert st.end_past_days() == []  # nothing left to end
    run_steps(state, st, lambda c: c.finish("C1", [TransactionLine("X", 1)]))
    assert state.tickets[serving].status is TicketStatus.DONE and state.conflicts == []


def test_two_stations_ending_the_same_day_change_nothing_twice():
    clock, state, st, (_serving, parked, waiting) = _yesterday()
    other = copy.deepcopy(state)
    mine = st.end_past_days()
    theirs = Commands(other, StationContext("B1", "ST2", clock)).end_past_days()
    for e in mine + theirs:  # upstream's journal holds both stations' facts
        apply(state, e)
    assert state.conflicts == []
    assert [state.tickets[t].status for t in (parked, waiting)] == [TicketStatus.EXPIRED] * 2
    assert state.tickets[waiting].finished_at == mine[-1].at


def test_a_call_of_an_expired_ticket_is_flagged_and_an_expiry_crossing_a_call_leaves_it_at_the_counter():
    clock, state, st, (_serving, _parked, waiting) = _yesterday()
    ended = st.end_past_days()
    # A station offline since last night calls the ticket from its own copy (C2 is free: its ticket is parked).
    late_call = Commands(copy.deepcopy(state), StationContext("B1", "ST2", clock)).call_ticket("C2", waiting, "late")
    # Upstream order A: the day end first, then the offline call arrives: the existing conflict flag.
    upstream = copy.deepcopy(state)
    for e in [*ended, *late_call]:
        apply(upstream, e)
    assert upstream.tickets[waiting].status is TicketStatus.EXPIRED and upstream.tickets[waiting].conflict
    assert [c.kind for c in upstream.conflicts] == ["ticket_called"]
    # Order B: the call first, then a day end decided on a view that had not seen it: the customer stays.
    crossed = copy.deepcopy(state)
    for e in [*late_call, *ended]:
        apply(crossed, e)
    assert crossed.tickets[waiting].status is TicketStatus.CALLED and crossed.conflicts == []


def test_a_clock_behind_ends_nothing_and_one_that_is_right_ends_yesterday():
    clock, state, st, (_serving, parked, waiting) = _yesterday()
    run_steps(state, st, lambda c: c.issue_ticket("TRANSFER"))  # the branch has reached today
    slow = Commands(state, StationContext("B1", "ST3", ManualClock(START)))  # still thinks it is yesterday
    assert slow.end_past_days() == []
    ended = run_steps(state, st, lambda c: c.end_past_days())
    assert [e.payload["ticket_id"] for e in ended] == [parked, waiting]
    assert [t.number for t in state.waiting.values()] == ["B001"]


def test_a_ticket_from_a_clock_a_day_ahead_does_not_end_todays_queue():
    """An offline station whose clock ran a day ahead issued into tomorrow; synced, its ticket takes the branch's
    day there. The branch's clocks still say today: today's waiting and parked tickets stay."""
    _clock, state, st, _ids = _yesterday()
    run_steps(state, st, lambda c: c.end_past_days())
    today = [e.payload["ticket_id"] for e in run_steps(state, st, *[lambda c: c.issue_ticket("TRANSFER")] * 2)]
    ahead = Commands(state, StationContext("B1", "ST9", ManualClock(START + timedelta(days=2))))
    run_steps(state, ahead, lambda c: c.issue_ticket("TRANSFER"))
    assert state.business_date == (START + timedelta(days=2)).date()
    assert st.end_past_days() == []
    assert [state.tickets[t].status for t in today] == [TicketStatus.WAITING] * 2



def test_a_customer_at_a_counter_at_midnight_parked_or_transferred_after_it_is_not_expired():
    """Served across midnight, then parked (a form to fill) or sent to another counter: it was at a counter when
    its day ended, so that day did not leave it waiting or parked. Neither the next day end nor an expiry that
    a view from before the call decided (crossing the park or transfer) closes it."""
    for step in (lambda c: c.park("C1"), lambda c: c.transfer("C1", to_counter="C2")):
        _clock, state, st, (serving, parked, waiting) = _yesterday()
        run_steps(state, st, lambda c: c.end_past_days())
        run_steps(state, st, step)
        assert st.end_past_days() == []
        stale = st._events((EventType.TICKET_EXPIRED, {"ticket_id": serving, "business_date": "2026-11-24"}))
        status = state.tickets[serving].status
        for e in stale:
            apply(state, e)
        assert state.tickets[serving].status is status and status is not TicketStatus.EXPIRED
