"""queueing.core.commuting: two runs of events that meet nowhere give one state in either order; runs that meet
are said to."""

from __future__ import annotations

import copy
import dataclasses
import itertools
from datetime import UTC, datetime, timedelta

from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.commands import Commands
from queueing.core.commuting import meet
from queueing.core.events import Event, StationContext
from queueing.core.reducer import apply, replay
from queueing.core.state import BranchState

CONFIG = load_branch_config()


def _ids(name):
    n = itertools.count(1)
    return lambda: f"{name}-{next(n):04d}"


def _branch():
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    state = BranchState(CONFIG)
    setup = Commands(state, StationContext("B1", "SETUP", clock, _ids("SETUP")))
    for cid in ("C1", "C2"):
        replay(state, setup.configure_counter(cid, cid, {"CASH": 1}))
        replay(state, setup.open_counter(cid, f"T{cid}"))
    a = Commands(copy.deepcopy(state), StationContext("B1", "STA", clock, _ids("STA")))
    b = Commands(copy.deepcopy(state), StationContext("B1", "STB", clock, _ids("STB")))
    return state, a, b, clock


def _run(c: Commands, *steps) -> list[Event]:
    """The events of ``steps`` (each Commands -> events), applied to the station's own state as they are made."""
    made: list[Event] = []
    for step in steps:
        events = step(c)
        replay(c.state, events)
        made.extend(events)
    return made


def _fold(base: BranchState, *runs: list[Event]) -> tuple[dict, dict]:
    state = copy.deepcopy(base)
    for run in runs:
        for event in run:
            apply(state, event)
    tickets = {t.id: dataclasses.asdict(t) for t in state.tickets.values()}
    return tickets, {c.id: dataclasses.asdict(c) for c in state.counters.values()}


def _issued(base: BranchState, a: Commands, b: Commands) -> tuple[str, str]:
    """One waiting ticket of each station, known to the base and to both stations."""
    events = a.issue_ticket("CASH") + b.issue_ticket("CASH")
    for state in (base, a.state, b.state):
        replay(state, events)
    return events[0].payload["ticket_id"], events[1].payload["ticket_id"]


def test_runs_at_other_tickets_and_counters_meet_nowhere_and_give_one_state():
    base, a, b, clock = _branch()
    mine, theirs = _issued(base, a, b)
    own = _run(a, lambda c: c.call_ticket("C1", mine, "next", "TC1"), lambda c: c.start("C1"))
    clock.advance(30)
    pulled = _run(b, lambda c: c.call_ticket("C2", theirs, "next", "TC2"), lambda c: c.start("C2"))
    replay(after := copy.deepcopy(base), own)
    assert not meet(after, own, pulled)
    assert _fold(base, own, pulled) == _fold(base, pulled, own)


def test_a_ticket_both_called_meets_and_the_orders_name_different_counters():
    base, a, b, _clock = _branch()
    mine, _theirs = _issued(base, a, b)
    own = _run(a, lambda c: c.call_ticket("C1", mine, "next", "TC1"))
    pulled = _run(b, lambda c: c.call_ticket("C2", mine, "by name", "TC2"))
    replay(after := copy.deepcopy(base), own)
    assert meet(after, own, pulled)
    assert _fold(base, own, pulled) != _fold(base, pulled, own)


def test_a_pause_of_the_counter_a_ticket_was_called_at_meets_it():
    base, a, b, _clock = _branch()
    mine, _theirs = _issued(base, a, b)
    own = _run(a, lambda c: c.call_ticket("C1", mine, "next", "TC1"))
    pulled = _run(b, lambda c: c.pause("C1", "lunch"))
    replay(after := copy.deepcopy(base), own)
    assert meet(after, own, pulled)


def test_a_ticket_of_another_day_meets_everything():
    base, a, b, clock = _branch()
    mine, theirs = _issued(base, a, b)
    own = _run(a, lambda c: c.call_ticket("C1", mine, "next", "TC1"))
    clock.advance(timedelta(days=1).total_seconds())
    pulled = _run(b, lambda c: c.issue_ticket("CASH"))
    replay(after := copy.deepcopy(base), own)
    assert meet(after, own, pulled)
