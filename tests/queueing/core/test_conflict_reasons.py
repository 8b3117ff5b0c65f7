"""Each conflict the reducer flags carries its reason as a code and its figures, not only an English sentence:
the supervisor's screen words them in its own language with counter names."""

import copy
from datetime import UTC, datetime

from command_steps import run_steps

from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.commands import Commands
from queueing.core.conflict_reasons import ConflictFigures, ConflictReason
from queueing.core.events import StationContext
from queueing.core.reducer import apply, replay
from queueing.core.state import BranchState
from queueing.core.tickets import TransactionLine

START = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def _branch():
    clock = ManualClock(START)
    state = BranchState(load_branch_config())
    setup = Commands(state, StationContext("B1", "SETUP", clock))
    for cid, staff in (("C1", "T1"), ("C2", "T2")):
        run_steps(state, setup, lambda c, cid=cid: c.configure_counter(cid, f"window {cid}", {"CASH": 1}))
        run_steps(state, setup, lambda c, cid=cid, staff=staff: c.open_counter(cid, staff))
    return clock, state


def _station(state, name, clock):
    return Commands(state, StationContext("B1", name, clock))


def test_a_ticket_two_counters_claimed_gives_each_reason_with_its_counters_station_and_time():
    clock, state = _branch()
    run_steps(state, _station(state, "ST1", clock), lambda c: c.issue_ticket("CASH"))
    other = copy.deepcopy(state)
    run_steps(state, _station(state, "ST1", clock), lambda c: c.call_next("C1", "T1"))
    clock.advance(30)
    second = run_steps(other, _station(other, "ST2", clock), lambda c: c.call_next("C2", "T2"), lambda c: c.start("C2"))
    finish = [TransactionLine("CASH_DEPOSIT", 1)]
    run_steps(state, _station(state, "ST1", clock), lambda c: c.start("C1"), lambda c: c.finish("C1", finish))
    for e in second:
        apply(state, e)
    called, started = state.conflicts
    assert called.reason is ConflictReason.CALLED_NOT_WAITING
    assert called.figures == ConflictFigures(
        event_type="ticket_called",
        counter_id="C2",
        other_counter_id="C1",
        status="done",
        station_id="ST2",
        staff_id="T2",
        at=second[0].at,
    )
    assert started.reason is ConflictReason.AFTER_CLOSED and started.figures.counter_id == "C2"
    assert started.figures.status == "done" and started.figures.event_type == "service_started"
    # The English sentence the command line shows is made from the same figures.
    assert called.detail == "called at C2 while done at C1"


def test_an_event_from_another_counter_while_one_holds_the_ticket_names_both_counters():
    clock, state = _branch()
    run_steps(state, _station(state, "ST1", clock), lambda c: c.issue_ticket("CASH"))
    other = copy.deepcopy(state)
    run_steps(state, _station(state, "ST1", clock), lambda c: c.call_next("C1", "T1"))
    st2 = _station(other, "ST2", clock)
    (call, start) = run_steps(other, st2, lambda c: c.call_next("C2", "T2"), lambda c: c.start("C2"))
    apply(state, call)
    apply(state, start)
    held = state.conflicts[-1]
    assert held.reason is ConflictReason.HELD_ELSEWHERE
    assert (held.figures.counter_id, held.figures.other_counter_id) == ("C2", "C1")
    assert held.detail == "service_started at C2 while the ticket is at C1"


def test_one_number_issued_twice_and_an_unknown_ticket():
    clock, state = _branch()
    other = copy.deepcopy(state)
    run_steps(state, _station(state, "ST1", clock), lambda c: c.issue_ticket("CASH"))
    (issued,) = run_steps(other, _station(other, "ST2", clock), lambda c: c.issue_ticket("CASH"))
    (call,) = run_steps(other, _station(other, "ST2", clock), lambda c: c.call_next("C2", "T2"))
    apply(state, issued)
    twice = state.conflicts[-1]
    assert twice.reason is ConflictReason.NUMBER_TWICE and twice.figures.number == issued.payload["number"]
    fresh = replay(BranchState(load_branch_config()), [call])
    (unknown,) = fresh.conflicts
    assert unknown.reason is ConflictReason.UNKNOWN_TICKET and unknown.figures.event_type == "ticket_called"


def test_sign_in_clashes_name_both_tellers_stations_and_since_when():
    clock = ManualClock(START)
    state = BranchState(load_branch_config())
    run_steps(state, _station(state, "SETUP", clock), lambda c: c.configure_counter("C1", "1", {"CASH": 1}))
    run_steps(state, _station(state, "SETUP", clock), lambda c: c.configure_counter("C2", "2", {"CASH": 1}))
    other = copy.deepcopy(state)
    run_steps(state, _station(state, "ST1", clock), lambda c: c.sign_in("C1", "T1"))
    clock.advance(90)
    (taken, *_) = _station(other, "ST2", clock).sign_in("C1", "T2")
    (elsewhere, *_) = _station(other, "ST3", clock).sign_in("C2", "T1")
    apply(state, taken)
    apply(state, elsewhere)
    counter, teller = state.conflicts
    assert counter.reason is ConflictReason.COUNTER_TAKEN
    assert counter.figures == ConflictFigures(
        event_type="counter_signed_in",
        counter_id="C1",
        station_id="ST2",
        staff_id="T2",
        other_station_id="ST1",
        other_staff_id="T1",
        at=taken.at,
        since=START,
    )
    assert teller.reason is ConflictReason.TELLER_ELSEWHERE
    assert (teller.figures.counter_id, teller.figures.other_counter_id, teller.figures.since) == ("C2", "C1", START)
