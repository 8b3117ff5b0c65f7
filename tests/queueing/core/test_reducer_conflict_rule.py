"""The reducer's one rule for a ticket two counters claimed, and the day roll-over without false conflicts."""

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
from queueing.core.transaction_types import load_catalogue
from queueing.records.visits import build_visits

START = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 09:00 in Asia/Shanghai


def _branch():
    config = load_branch_config()
    clock = ManualClock(START)
    state = BranchState(config)
    setup = Commands(state, StationContext("B1", "SETUP", clock))
    journal = []
    for cid, staff in (("C1", "T1"), ("C2", "T2")):
        for e in setup.configure_counter(cid, cid, {"CASH": 1}):
            apply(state, e)
            journal.append(e)
        for e in setup.open_counter(cid, staff):
            apply(state, e)
            journal.append(e)
    return config, clock, state, journal


def test_second_counter_cannot_start_or_finish_a_ticket_the_first_holds():
    config, clock, state, journal = _branch()
    st1 = Commands(state, StationContext("B1", "ST1", clock))
    issued = run_steps(state, st1, lambda c: c.issue_ticket("CASH"))
    # Two stations, both offline, each call the same ticket from their own copy of the state.
    other = copy.deepcopy(state)
    st2 = Commands(other, StationContext("B1", "ST2", clock))
    first = run_steps(state, st1, lambda c: c.call_next("C1"), lambda c: c.start("C1"))
    clock.advance(60)
    first += run_steps(state, st1, lambda c: c.finish("C1", [TransactionLine("CASH_DEPOSIT", 1)]))
    second = run_steps(
        other,
        st2,
        lambda c: c.call_next("C2"),
        lambda c: c.start("C2"),
        lambda c: c.finish("C2", [TransactionLine("CASH_WITHDRAWAL", 3)]),
    )
    # Upstream's journal order: ST1's facts, then ST2's.
    journal += issued + first + second
    merged = BranchState(config)
    for e in journal:
        apply(merged, e)
    ticket = merged.tickets[issued[0].payload["ticket_id"]]
    assert ticket.status is TicketStatus.DONE and ticket.counter == "C1" and ticket.staff == "T1"
    assert ticket.transactions == (TransactionLine("CASH_DEPOSIT", 1),)
    assert ticket.conflict
    assert [c.kind for c in merged.conflicts] == ["ticket_called", "service_started", "service_finished"]
    assert merged.counters["C2"].current is None
    (visit,) = build_visits(journal, load_catalogue(), config.timezone)
    assert visit.counter_id == "C1" and visit.teller == "T1"


def test_start_after_finish_does_not_reopen_the_ticket():
    _config, clock, state, _journal = _branch()
    st = Commands(state, StationContext("B1", "ST1", clock))
    run_steps(state, st, lambda c: c.issue_ticket("CASH"), lambda c: c.call_next("C1"))
    stale = copy.deepcopy(state)  # another station's view, still at "called"
    run_steps(state, st, lambda c: c.start("C1"), lambda c: c.finish("C1", [TransactionLine("CASH_DEPOSIT", 1)]))
    (late,) = Commands(stale, StationContext("B1", "ST2", clock)).start("C1")
    apply(state, late)
    ticket = next(iter(state.tickets.values()))
    assert ticket.status is TicketStatus.DONE and ticket.conflict
    assert state.conflicts[-1].kind == str(EventType.SERVICE_STARTED)


def test_midnight_with_open_tickets_flags_no_new_number_twice():
    _config, clock, state, _journal = _branch()
    st = Commands(state, StationContext("B1", "ST1", clock))
    run_steps(state, st, *[lambda c: c.issue_ticket("CASH")] * 3)
    clock.advance(timedelta(days=1).total_seconds())
    today = run_steps(state, st, *[lambda c: c.issue_ticket("CASH")] * 3)
    assert [e.payload["number"] for e in today] == ["A001", "A002", "A003"]
    assert state.conflicts == []
    assert len(state.waiting) == 6


def test_clock_set_back_a_day_keeps_issuing_into_the_current_day():
    _config, clock, state, _journal = _branch()
    (first,) = run_steps(state, Commands(state, StationContext("B1", "ST1", clock)), lambda c: c.issue_ticket("CASH"))
    behind = ManualClock(START - timedelta(days=1))
    (second,) = run_steps(state, Commands(state, StationContext("B1", "ST1", behind)), lambda c: c.issue_ticket("CASH"))
    assert second.payload["business_date"] == first.payload["business_date"]
    assert second.payload["number"] == "A002" and state.conflicts == []
