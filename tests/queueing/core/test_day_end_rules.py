"""The day end's rules in the reducer: what an expiry closes, and that two of them, or one crossing a call,
never double anything nor raise a false conflict; a call or return made before an expiry reopens the ticket,
one made after it is flagged."""

import copy
import dataclasses
from datetime import UTC, datetime, timedelta

from command_steps import run_steps

from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.commands import Commands
from queueing.core.conflict_reasons import ConflictReason
from queueing.core.events import EventType, StationContext
from queueing.core.reducer import apply
from queueing.core.state import BranchState
from queueing.core.tickets import TicketStatus, TransactionLine

START = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 09:00 in Asia/Shanghai
DAY_S = timedelta(days=1).total_seconds()


def _branch(tickets: int) -> tuple[ManualClock, BranchState, Commands, list[str]]:
    """C1 and C2 open at 09:00, ``tickets`` CASH tickets issued: their ids."""
    clock = ManualClock(START)
    state = BranchState(load_branch_config())
    st = Commands(state, StationContext("B1", "ST1", clock))
    for cid in ("C1", "C2"):
        run_steps(
            state, st, lambda c, k=cid: c.configure_counter(k, k, {"CASH": 1}), lambda c, k=cid: c.open_counter(k)
        )
    issued = run_steps(state, st, *[lambda c: c.issue_ticket("CASH")] * tickets)
    return clock, state, st, [e.payload["ticket_id"] for e in issued]


def _yesterday():
    """C1 serving A001 across midnight, A002 parked at C2, A003 waiting; then the clock is on the next morning."""
    clock, state, st, issued = _branch(3)
    run_steps(state, st, lambda c: c.call_next("C1"), lambda c: c.start("C1"))
    run_steps(state, st, lambda c: c.call_next("C2"), lambda c: c.park("C2"))
    clock.advance(DAY_S)
    return clock, state, st, issued


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


def _served_offline_last_night():
    """A001 parked at C2, A002 waiting; a station whose link dropped then serves A002 at C1 and brings A001 back
    at C2, finishing both at 23:50 by its clock. The branch's state on the next morning, the station's events
    (not applied to it), and the two ids."""
    clock, state, st, (parked, waiting) = _branch(2)
    run_steps(state, st, lambda c: c.call_next("C2"), lambda c: c.start("C2"), lambda c: c.park("C2"))
    offline = copy.deepcopy(state)
    late = ManualClock(START + timedelta(hours=14, minutes=50))  # 23:50 in Asia/Shanghai
    there = Commands(offline, StationContext("B1", "ST2", late))
    line = [TransactionLine("CASH_DEP", 1)]
    served = run_steps(
        offline,
        there,
        lambda c: c.call_next("C1"),
        lambda c: c.start("C1"),
        lambda c: c.finish("C1", line),
        lambda c: c.return_parked("C2", parked),
        lambda c: c.finish("C2", line),
    )
    clock.advance(DAY_S)
    return clock, state, st, served, (parked, waiting)


def test_a_visit_begun_before_the_day_end_is_served_whichever_fact_arrives_first():
    """The station offline across midnight pushes in the morning: the day end upstream closed both tickets as
    left over before their call and return arrived. Those came first in time, so the visits stand, served and
    recorded for their teller, as they do when the pushes arrive before the day end; even once the day's first
    ticket has taken the closed ones out of memory."""
    for morning_ticket in (False, True):
        _clock, state, st, served, (parked, waiting) = _served_offline_last_night()
        ended = run_steps(state, st, lambda c: c.end_past_days())
        assert {e.payload["ticket_id"] for e in ended} == {parked, waiting}
        if morning_ticket:
            run_steps(state, st, lambda c: c.issue_ticket("CASH"))
            assert state.expired.keys() == {parked, waiting} and not state.tickets.keys() & {parked, waiting}
        for e in served:
            apply(state, e)
        assert state.conflicts == []
        assert [state.tickets[t].status for t in (parked, waiting)] == [TicketStatus.DONE] * 2
        assert [state.tickets[t].finished_at for t in (parked, waiting)] == [served[-1].at, served[2].at]
        assert not state.expired
    _clock, state, st, served, ids = _served_offline_last_night()
    for e in served:
        apply(state, e)
    assert run_steps(state, st, lambda c: c.end_past_days()) == []
    assert [state.tickets[t].status for t in ids] == [TicketStatus.DONE] * 2


def test_a_visit_after_the_day_end_stays_a_conflict_and_one_before_it_counts_however_late():
    """Only what happened before the expiry reopens a ticket: a call by a clock already past it, or a return of a
    ticket the day end found waiting, changes nothing and is flagged against the expiry, also once the ticket
    has left memory. A visit begun before it counts even when pushed weeks later."""
    _clock, state, st, served, (parked, waiting) = _served_offline_last_night()
    ended = run_steps(state, st, lambda c: c.end_past_days())
    run_steps(state, st, lambda c: c.issue_ticket("CASH"))  # today's first ticket: the closed ones leave memory
    later = copy.deepcopy(state)
    for e in served:
        # The same facts dated after the expiry (a station clock an hour past the branch's).
        apply(later, dataclasses.replace(e, at=ended[-1].at + timedelta(hours=1)))
    assert [later.expired[t].status for t in (parked, waiting)] == [TicketStatus.EXPIRED] * 2
    assert {c.ticket_id for c in later.conflicts} == {parked, waiting}
    assert {c.reason for c in later.conflicts} == {ConflictReason.CALLED_NOT_WAITING, ConflictReason.AFTER_CLOSED}
    mismatched = copy.deepcopy(state)
    apply(mismatched, dataclasses.replace(served[0], payload={**served[0].payload, "ticket_id": parked}))
    assert mismatched.expired[parked].status is TicketStatus.EXPIRED
    assert [c.reason for c in mismatched.conflicts] == [ConflictReason.CALLED_NOT_WAITING]
    weeks = Commands(state, StationContext("B1", "ST1", ManualClock(START + timedelta(days=40))))
    run_steps(state, weeks, lambda c: c.end_past_days(), lambda c: c.issue_ticket("CASH"))
    for e in served:
        apply(state, e)
    assert state.conflicts == [] and not state.expired.keys() & {parked, waiting}
    assert [state.tickets[t].status for t in (parked, waiting)] == [TicketStatus.DONE] * 2


def _morning_with_c1_busy():
    """As ``_served_offline_last_night``, after the day end and with today's A001 and A002 issued, A001 being
    served at C1 from another PC when the station's push of last night arrives."""
    clock, state, st, served, ids = _served_offline_last_night()
    run_steps(state, st, lambda c: c.end_past_days())
    today = run_steps(state, st, lambda c: c.issue_ticket("CASH"), lambda c: c.issue_ticket("CASH"))
    run_steps(state, st, lambda c: c.call_next("C1"), lambda c: c.start("C1"))
    return clock, state, st, served, ids, [e.payload["ticket_id"] for e in today]


def test_a_visit_of_last_night_pushed_late_leaves_todays_customer_at_the_counter_and_the_hall_quiet():
    """Last night's call at C1 reopens its ticket but does not take C1 from today's customer (whose visit still
    finishes), neither on its own nor with its finish; nor does the hall announce yesterday's A002 while
    today's A002 waits."""
    _clock, state, st, served, (parked, waiting), (todays_first, todays_second) = _morning_with_c1_busy()
    assert state.tickets[todays_second].number == state.expired[waiting].number
    only_call = copy.deepcopy(state)
    apply(only_call, served[0])
    assert only_call.counters["C1"].current == todays_first and only_call.tickets[waiting].status is TicketStatus.CALLED
    for e in served:
        apply(state, e)
    assert state.conflicts == [] and state.counters["C1"].current == todays_first
    assert [c for c in state.recent_calls if c.ticket_id in (parked, waiting)] == []
    run_steps(state, st, lambda c: c.finish("C1", [TransactionLine("CASH_DEP", 1)]))
    assert state.tickets[todays_first].status is TicketStatus.DONE


def test_a_visit_that_left_the_ticket_parked_or_queued_before_midnight_ends_alike_in_either_order():
    """Called at 23:50 offline, then parked or sent to another counter at 23:55: the day end finds it left over
    whether it comes after the visit (the station's order) or before (upstream's, the push being late). The
    reopened ticket closes again at the expiry's moment, so both orders hold the same ticket."""
    for then in (lambda c: c.park("C1"), lambda c: c.transfer("C1", to_counter="C2")):
        clock, state, st, (ticket,) = _branch(1)
        offline = copy.deepcopy(state)
        late = ManualClock(START + timedelta(hours=14, minutes=50))
        there = Commands(offline, StationContext("B1", "ST2", late))
        visit = run_steps(offline, there, lambda c: c.call_next("C1"), lambda c: c.start("C1"))
        late.advance(300)
        visit += run_steps(offline, there, then)
        clock.advance(DAY_S)
        ended = st.end_past_days()
        visit_first, expiry_first = copy.deepcopy(state), copy.deepcopy(state)
        for e in [*visit, *ended]:
            apply(visit_first, e)
        for e in [*ended, *visit]:
            apply(expiry_first, e)
        a, b = visit_first.tickets[ticket], expiry_first.tickets[ticket]
        assert a.status is TicketStatus.EXPIRED and a.finished_at == ended[0].at
        assert dataclasses.asdict(b) == dataclasses.asdict(a)
        assert ticket not in expiry_first.waiting and expiry_first.parked_at("C1") == []


def test_a_supervisors_mark_holds_on_a_ticket_out_of_memory():
    """A call after the expiry is flagged; the supervisor marks it dealt with; the visit begun before the expiry
    then reopens the ticket unflagged, whether or not the day roll had taken it out of memory."""
    for roll in (False, True):
        _clock, state, st, served, (_parked, waiting) = _served_offline_last_night()
        ended = run_steps(state, st, lambda c: c.end_past_days())
        if roll:
            run_steps(state, st, lambda c: c.issue_ticket("CASH"))
        after = ended[0].at + timedelta(hours=1)
        late = dataclasses.replace(served[0], id="late-call", station_id="ST3", seq=1, at=after)
        apply(state, late)
        assert (state.tickets.get(waiting) or state.expired[waiting]).conflict
        run_steps(state, st, lambda c, t=waiting: c.resolve_conflict(t, "SUP1", "told the customer", True))
        for e in served:
            apply(state, e)
        assert state.tickets[waiting].conflict is False and state.tickets[waiting].status is TicketStatus.DONE


M = 60.0
_LINE = [TransactionLine("CASH_DEP", 1)]
# Visits a station cut off since the morning makes from 23:50 on the day's only ticket: (seconds to wait before,
# the step), in order. Each crosses midnight in its own way.
_VISITS = {
    "served": [(0, lambda c: c.call_next("C1")), (M, lambda c: c.start("C1")), (M, lambda c: c.finish("C1", _LINE))],
    "recalled, served": [
        (0, lambda c: c.call_next("C1")),
        (M, lambda c: c.recall("C1")),
        (M, lambda c: c.start("C1")),
        (M, lambda c: c.finish("C1", _LINE)),
    ],
    "no-show": [
        (0, lambda c: c.call_next("C1")),
        *[(M, lambda c: c.recall("C1"))] * 3,
        (M, lambda c: c.no_show("C1")),
    ],
    "parked 23:55": [(0, lambda c: c.call_next("C1")), (M, lambda c: c.start("C1")), (4 * M, lambda c: c.park("C1"))],
    "parked 23:55, back 00:10": [
        (0, lambda c: c.call_next("C1")),
        (M, lambda c: c.start("C1")),
        (4 * M, lambda c: c.park("C1")),
        (15 * M, lambda c: c.return_parked("C1", c.state.parked_at("C1")[0].id)),
    ],
    "parked 23:55, back 23:58, served": [
        (0, lambda c: c.call_next("C1")),
        (M, lambda c: c.start("C1")),
        (4 * M, lambda c: c.park("C1")),
        (3 * M, lambda c: c.return_parked("C1", c.state.parked_at("C1")[0].id)),
        (M, lambda c: c.finish("C1", _LINE)),
    ],
    "parked 00:05": [(0, lambda c: c.call_next("C1")), (M, lambda c: c.start("C1")), (14 * M, lambda c: c.park("C1"))],
    "sent to C2 23:55": [
        (0, lambda c: c.call_next("C1")),
        (M, lambda c: c.start("C1")),
        (4 * M, lambda c: c.transfer("C1", to_counter="C2")),
    ],
    "sent to another queue 00:10": [
        (0, lambda c: c.call_next("C1")),
        (M, lambda c: c.start("C1")),
        (19 * M, lambda c: c.transfer("C1", to_category="TRANSFER")),
    ],
}


def _one_ticket_and_a_night_visit(steps):
    clock, state, st, (ticket,) = _branch(1)
    offline = copy.deepcopy(state)
    late = ManualClock(START + timedelta(hours=14, minutes=50))  # 23:50 in Asia/Shanghai
    there = Commands(offline, StationContext("B1", "ST2", late))
    visit = []
    for wait, step in steps:
        late.advance(wait)
        visit += run_steps(offline, there, step)
    clock.advance(DAY_S)
    return state, st, ticket, visit


def _ticket_in(state, ticket_id):
    found = state.tickets.get(ticket_id) or state.expired[ticket_id]
    return dataclasses.asdict(found)


def test_a_night_visit_and_the_morning_day_end_end_alike_in_every_order():
    """Every way the visit's events and the day end (decided on a view that had not seen them) can meet in a
    store's journal: the day end before the visit (upstream, the push late), after it (the station's own),
    or between any two of its events (a push cut short), and before it with the day rolled: every store ends
    with the same ticket, counters and queue, and no conflict."""
    for name, steps in _VISITS.items():
        state, st, ticket, visit = _one_ticket_and_a_night_visit(steps)
        ended = st.end_past_days()
        assert [e.payload["ticket_id"] for e in ended] == [ticket], name
        ends = {}
        for cut in range(len(visit) + 1):
            s = copy.deepcopy(state)
            for e in [*visit[:cut], *ended, *visit[cut:]]:
                apply(s, e)
            assert s.conflicts == [], (name, cut, s.conflicts)
            counters = {c.id: dataclasses.asdict(c) for c in s.counters.values()}
            ends[cut] = (_ticket_in(s, ticket), counters, set(s.waiting))
        rolled = copy.deepcopy(state)
        for e in ended:
            apply(rolled, e)
        run_steps(rolled, Commands(rolled, StationContext("B1", "ST3", st.ctx.clock)), lambda c: c.issue_ticket("CASH"))
        assert ticket in rolled.expired
        for e in visit:
            apply(rolled, e)
        assert rolled.conflicts == [] and _ticket_in(rolled, ticket) == ends[0][0], name
        assert all(end == ends[0] for end in ends.values()), (name, {k: v[0] for k, v in ends.items()})
