"""Counter sessions as journal events: one teller per counter, one counter per teller, and a clash from
two offline stations flagged once by the reducer while each teller keeps the visits they served."""

import copy
from datetime import UTC, datetime

import pytest

from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.commands import Commands
from queueing.core.errors import CounterNotAvailable, CounterTaken, DomainError
from queueing.core.events import EventType, StationContext
from queueing.core.reducer import apply, replay
from queueing.core.state import BranchState
from queueing.core.tickets import TransactionLine
from queueing.core.transaction_types import load_catalogue
from queueing.records.visits import build_visits

START = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def _branch():
    clock = ManualClock(START)
    state = BranchState(load_branch_config())
    setup = Commands(state, StationContext("B1", "SETUP", clock))
    journal = []
    for cid in ("C1", "C2"):
        for e in setup.configure_counter(cid, cid, {"CASH": 1}):
            apply(state, e)
            journal.append(e)
    return clock, state, journal


def _do(state, events, journal=None):
    for e in events:
        apply(state, e)
        if journal is not None:
            journal.append(e)
    return events


def test_sign_in_opens_the_counter_and_refuses_a_second_teller_or_a_second_counter():
    clock, state, _ = _branch()
    st1 = Commands(state, StationContext("B1", "ST1", clock))
    kinds = [e.type for e in _do(state, st1.sign_in("C1", "T1"))]
    assert kinds == [EventType.COUNTER_SIGNED_IN, EventType.COUNTER_OPENED]
    assert state.sessions["C1"].staff_id == "T1" and state.sessions["C1"].station_id == "ST1"
    assert state.counters["C1"].status == "open" and state.counters["C1"].staff == "T1"
    st2 = Commands(state, StationContext("B1", "ST2", clock))
    with pytest.raises(CounterTaken) as taken:
        st2.sign_in("C1", "T2")
    assert taken.value.details["holder"] == "T1" and taken.value.details["since"] == START
    with pytest.raises(CounterTaken) as elsewhere:
        st2.sign_in("C2", "T1")
    assert elsewhere.value.details["holder"] is None
    # The same teller again (a restarted station, here on another PC) takes the session over.
    _do(state, st2.sign_in("C1", "T1"))
    assert state.sessions["C1"].station_id == "ST2"


def test_sign_out_closes_the_counter_unless_a_customer_is_at_it():
    clock, state, _ = _branch()
    st1 = Commands(state, StationContext("B1", "ST1", clock))
    _do(state, st1.sign_in("C1", "T1"))
    _do(state, st1.issue_ticket("CASH"))
    _do(state, st1.call_next("C1", "T1"))
    with pytest.raises(CounterNotAvailable):
        st1.sign_out("C1", "T1")
    assert [e.type for e in _do(state, st1.sign_out("C1", "T1", keep_open=True))] == [EventType.COUNTER_SIGNED_OUT]
    assert "C1" not in state.sessions and state.counters["C1"].status == "open"
    # The next teller takes the counter over with its customer: it stays open, now for them.
    kinds = [e.type for e in _do(state, st1.sign_in("C1", "T2"))]
    assert kinds == [EventType.COUNTER_SIGNED_IN, EventType.COUNTER_OPENED]
    assert state.sessions["C1"].staff_id == "T2" and state.counters["C1"].current is not None
    assert state.counters["C1"].staff == "T2"  # it still named T1, and T2 could not finish the visit


def test_a_supervisor_release_ends_the_session_and_a_free_counter_gives_nothing():
    clock, state, _ = _branch()
    st1 = Commands(state, StationContext("B1", "ST1", clock))
    _do(state, st1.sign_in("C1", "T1"))
    released = _do(state, st1.release_counter("C1", "S1"))
    assert released[0].payload == {"counter_id": "C1", "staff_id": "T1", "by": "S1"}
    assert "C1" not in state.sessions
    assert st1.release_counter("C1", "S1") == []
    # A counter still open for the released teller with nobody at it is opened again for the next one.
    kinds = [e.type for e in _do(state, st1.sign_in("C1", "T2"))]
    assert kinds == [EventType.COUNTER_SIGNED_IN, EventType.COUNTER_CLOSED, EventType.COUNTER_OPENED]
    assert state.counters["C1"].staff == "T2"


def test_two_offline_sign_ins_at_one_counter_are_one_clash_and_each_teller_keeps_their_visits():
    clock, state, journal = _branch()
    setup = Commands(state, StationContext("B1", "SETUP", clock))
    tickets = [_do(state, setup.issue_ticket("CASH"), journal)[0].payload["ticket_id"] for _ in range(2)]
    other = copy.deepcopy(state)
    st1 = Commands(state, StationContext("B1", "ST1", clock))
    st2 = Commands(other, StationContext("B1", "ST2", clock))
    first, second = [], []
    for commands, view, done, staff, ticket in ((st1, state, first, "T1", 0), (st2, other, second, "T2", 1)):
        _do(view, commands.sign_in("C1", staff), done)
        _do(view, commands.call_ticket("C1", tickets[ticket], "own customer", staff), done)
        _do(view, commands.start("C1"), done)
        clock.advance(60)
        _do(view, commands.finish("C1", [TransactionLine("CASH_DEPOSIT", 1)]), done)
        _do(view, commands.sign_out("C1", staff), done)
    # Upstream hears ST1 first; ST1's teller is still signed in when ST2's sign-in arrives.
    merged = journal + first[:-1] + second + first[-1:]
    upstream = replay(BranchState(load_branch_config()), merged)
    assert [(c.event_id, c.ticket_id) for c in upstream.conflicts] == [(second[0].id, "")]
    assert list(upstream.session_clashes) == [second[0].id]
    assert upstream.conflicts[0].detail == "T2 signed in at C1 on ST2 while T1 was signed in there on ST1"
    # T2's sign-out of a counter T2 never held upstream changes nothing; T1's own ends T1's session.
    assert "C1" not in upstream.sessions
    visits = build_visits(merged, load_catalogue(), "Asia/Shanghai")
    assert sorted((v.ticket_id, v.teller) for v in visits) == sorted(zip(tickets, ("T1", "T2"), strict=True))
    assert not any(t.conflict for t in upstream.tickets.values())


def test_resolving_a_clash_clears_it_and_needs_a_note():
    clock, state, journal = _branch()
    other = copy.deepcopy(state)
    a = Commands(state, StationContext("B1", "ST1", clock)).sign_in("C1", "T1")
    b = Commands(other, StationContext("B1", "ST2", clock)).sign_in("C1", "T2")
    upstream = replay(BranchState(load_branch_config()), journal + a + b)
    sup = Commands(upstream, StationContext("B1", "SUP", clock))
    with pytest.raises(DomainError, match="needs a note"):
        sup.resolve_clash(b[0].id, "S1", "  ")
    _do(upstream, sup.resolve_clash(b[0].id, "S1", "T2 moved to C2"))
    assert upstream.session_clashes == {}
    assert upstream.sessions["C1"].staff_id == "T1"


def test_one_teller_signed_in_at_two_counters_offline_is_a_clash_too():
    clock, state, journal = _branch()
    other = copy.deepcopy(state)
    a = Commands(state, StationContext("B1", "ST1", clock)).sign_in("C1", "T1")
    b = Commands(other, StationContext("B1", "ST2", clock)).sign_in("C2", "T1")
    upstream = replay(BranchState(load_branch_config()), journal + a + b)
    assert list(upstream.session_clashes) == [b[0].id]
    assert set(upstream.sessions) == {"C1"}
