"""choose_next reads the policy's index; it must call exactly whom a scan of the whole queue would call."""

import copy
import random
from datetime import UTC, datetime, timedelta

import pytest

from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.engine import Engine
from queueing.core.errors import DomainError
from queueing.core.policy import _scan, call_order, choose_next, is_overdue
from queueing.core.tickets import PriorityClass, TicketStatus, TransactionLine
from queueing.core.waiting_index import WaitingTickets

PROFILES = {
    "C1": {"CASH": 1, "TRANSFER": 2},
    "C2": {"TRANSFER": 1, "FX": 2},
    "C3": {"LOANS": 1, "CASH": 3},
    "C4": {"CORP": 1},
    "C5": {"FX": 1, "CASH": 2, "LOANS": 4},
}


def _engine():
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    engine = Engine(load_branch_config(), clock)
    for counter_id, profile in PROFILES.items():
        engine.execute(lambda c, i=counter_id, p=profile: c.configure_counter(i, i, p))
        engine.execute(lambda c, i=counter_id: c.open_counter(i, f"T-{i}"))
    return engine, clock


def _step(engine, clock, rng):
    """One random action: issue (any class, appointments early and late), call, serve, transfer, move, park."""
    state = engine.state
    clock.advance(rng.choice((0.0, 0.5, 7.0, 45.0, 300.0)))
    categories = sorted(state.config.categories)
    roll = rng.random()
    counter_id = rng.choice(sorted(PROFILES))
    counter = state.counters[counter_id]
    if roll < 0.45:
        priority = rng.choice(list(PriorityClass))
        appointment = priority is PriorityClass.APPOINTMENT
        booked = clock.now() + timedelta(minutes=rng.uniform(-20, 20)) if appointment else None
        engine.execute(lambda c: c.issue_ticket(rng.choice(categories), priority, appointment_at=booked))
    elif counter.current is None:
        parked = state.parked_at(counter_id)
        if parked and rng.random() < 0.2:
            engine.execute(lambda c: c.return_parked(counter_id, parked[0].id))
        elif state.waiting and rng.random() < 0.1:
            ticket_id = rng.choice(sorted(state.waiting))
            target = rng.choice((None, rng.choice(sorted(PROFILES))))
            engine.execute(lambda c: c.move_ticket(ticket_id, None if target else rng.choice(categories), target))
        else:
            engine.execute(lambda c: c.call_next(counter_id))
    else:
        ticket = state.tickets[counter.current]
        action = rng.random()
        if action < 0.15:
            other = rng.choice([c for c in sorted(PROFILES) if c != counter_id])
            to_counter = other if rng.random() < 0.5 else None
            to_category = None if to_counter else rng.choice(categories)
            keep = rng.random() < 0.5
            engine.execute(lambda c: c.transfer(counter_id, to_category, to_counter, keep_place=keep))
        elif action < 0.25:
            engine.execute(lambda c: c.park(counter_id))
        elif ticket.status is TicketStatus.CALLED:
            engine.execute(lambda c: c.start(counter_id))
        else:
            engine.execute(lambda c: c.finish(counter_id, [TransactionLine("X", 1)]))


@pytest.mark.parametrize("seed", range(6))
def test_the_index_calls_whom_the_scan_calls(seed):
    rng = random.Random(seed)
    engine, clock = _engine()
    assert isinstance(engine.state.waiting, WaitingTickets)
    checked = overdue = 0
    for _ in range(700):
        try:
            _step(engine, clock, rng)
        except DomainError:
            pass
        now = clock.now()
        for counter_id in PROFILES:
            counter = engine.state.counters[counter_id]
            expected = _scan(engine.state, counter, now)
            assert choose_next(engine.state, counter_id, now) is expected
            order = call_order(engine.state, counter_id, now)
            assert (order[0] if order else None) is expected
            checked += expected is not None
            overdue += expected is not None and is_overdue(expected, now, engine.state.config)
    assert checked > 1000 and overdue > 50  # a long enough queue, and overdue tickets, to mean something


def test_a_copy_or_a_filtered_view_gets_the_same_answer():
    rng = random.Random(9)
    engine, clock = _engine()
    for _ in range(200):
        try:
            _step(engine, clock, rng)
        except DomainError:
            pass
    state = engine.state
    now = clock.now()
    twin = copy.deepcopy(state)
    view = copy.copy(state)
    view.waiting = dict(state.waiting)  # a plain dict: scanned
    for counter_id in PROFILES:
        mine = choose_next(state, counter_id, now)
        assert (mine.id if mine else None) == (lambda t: t.id if t else None)(choose_next(twin, counter_id, now))
        assert choose_next(view, counter_id, now) is mine


def test_live_wait_leaves_out_the_time_at_a_counter_of_a_keep_place_transfer():
    from dataclasses import replace as _replace
    from datetime import UTC, datetime, timedelta

    from queueing.core.tickets import PriorityClass, Ticket
    from queueing.core.waiting_index import live_wait_s

    t0 = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    ticket = Ticket(id="t", number="A001", category="CASH", priority=PriorityClass.REGULAR, business_date=t0.date(),
                    issued_at=t0, queued_at=t0, issued_by="K")
    assert live_wait_s(ticket, t0 + timedelta(minutes=5)) == 300
    called = _replace(ticket, first_called_at=t0 + timedelta(minutes=1), called_at=t0 + timedelta(minutes=1),
                      left_counter_at=t0 + timedelta(minutes=41))
    assert live_wait_s(called, t0 + timedelta(minutes=41)) == 60  # kept its place: 1 minute before the first call
    assert live_wait_s(called, t0 + timedelta(minutes=43)) == 180  # ... and 2 since it left the counter
    to_the_end = _replace(called, queued_at=t0 + timedelta(minutes=41))
    assert live_wait_s(to_the_end, t0 + timedelta(minutes=43)) == 120  # from the transfer
