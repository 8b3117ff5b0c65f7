"""An appointment ticket in the queue: late from its booked time, and queued from a transfer to the end of a queue.

An appointment customer who checks in early (the kiosk allows 30 minutes before the booked time) waits from the
booked time (less the class's head start) for the overdue and any-counter rules too (waiting_index.late_since).
Counted from the check-in, the early ticket was late about 20 minutes before its appointment and jumped regulars,
even at a counter that does not serve its service."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from models.branch.service import BranchService
from models.store.database import open_store
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.tickets import PriorityClass


@pytest.fixture
def clock():
    return ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))  # 09:00 in Shanghai


@pytest.fixture
def service(tmp_path, clock):
    store = open_store(str(tmp_path / "store.db"))
    svc = BranchService(store, load_branch_config(), "B1", "ST1", clock)
    svc.ensure_branch("Test branch")
    svc.run(lambda c: c.configure_counter("C1", "1", {"CASH": 1}))
    svc.run(lambda c: c.configure_counter("C2", "2", {"TRANSFER": 1}))
    svc.open_counter("C1", "T1")
    svc.open_counter("C2", "T2")
    yield svc
    store.close()


def test_an_early_check_in_does_not_overtake_regulars_who_came_before_its_effective_start(service, clock):
    booked = clock.now() + timedelta(minutes=30)  # 09:30 cash appointment, checked in at 09:00
    service.issue_ticket("CASH", PriorityClass.APPOINTMENT, "7", booked)
    clock.advance(5 * 60)
    regular = service.issue_ticket("CASH").ticket  # 09:05, effective start 09:05
    clock.advance(7 * 60)  # 09:12: the appointment's effective start is 09:15, still in the future
    # policy.effective_wait_s: regular 7 min, appointment -3 min. CASH target wait is 10 min.
    called = service.call_next("C1").ticket
    assert called.number == regular.number, f"C1 called {called.number} (the 09:30 appointment) before {regular.number}"


def test_a_transfer_counter_does_not_take_an_appointment_18_minutes_before_it_is_due(service, clock):
    booked = clock.now() + timedelta(minutes=30)
    service.issue_ticket("CASH", PriorityClass.APPOINTMENT, "7", booked)
    clock.advance(2 * 60)
    transfer = service.issue_ticket("TRANSFER").ticket  # 09:02
    clock.advance(10 * 60)  # 09:12
    called = service.call_next("C2").ticket
    assert called.number == transfer.number, f"C2 (transfers only) called {called.number}, a 09:30 cash appointment"


def test_an_appointment_is_late_from_its_booked_time_and_then_goes_first_anywhere(service, clock):
    """The rule still acts for the appointment once it has waited its category's limit from the booked time."""
    booked = clock.now() + timedelta(minutes=30)
    appointment = service.issue_ticket("CASH", PriorityClass.APPOINTMENT, "7", booked).ticket
    clock.advance(35 * 60)  # 09:35
    service.issue_ticket("TRANSFER")
    clock.advance(20 * 60)  # 09:55: the appointment has waited 25 minutes past its booked time
    assert service.call_next("C2").ticket.id == appointment.id  # late for any counter: the transfer counter takes it


def test_an_appointment_checked_in_late_counts_from_its_check_in(service, clock):
    booked = clock.now() - timedelta(minutes=10)  # 08:50, came at 09:00
    appointment = service.issue_ticket("CASH", PriorityClass.APPOINTMENT, "7", booked).ticket
    clock.advance(2 * 60)
    service.issue_ticket("TRANSFER")
    clock.advance(19 * 60)  # 09:21: 21 minutes since the check-in, 31 since the booked time
    assert service.call_next("C2").ticket.id == appointment.id


def _patient_branch(tmp_path, clock):
    """The two counters, with limits no one here reaches: the order is the queue's alone, no ticket is late."""
    config = load_branch_config()
    calm = {code: replace(c, max_wait_s=7200.0, any_counter_after_s=None) for code, c in config.categories.items()}
    store = open_store(str(tmp_path / "calm.db"))
    svc = BranchService(store, replace(config, categories=calm), "B1", "ST1", clock)
    svc.ensure_branch("Test branch")
    svc.run(lambda c: c.configure_counter("C1", "1", {"CASH": 1}))
    svc.run(lambda c: c.configure_counter("C2", "2", {"TRANSFER": 1}))
    svc.open_counter("C1", "T1")
    svc.open_counter("C2", "T2")
    return store, svc


@pytest.mark.parametrize("keep_place", [False, True])
def test_an_appointment_sent_to_the_end_of_another_queue_queues_from_the_transfer(tmp_path, clock, keep_place):
    """A teller sends an appointment customer to the end of another queue ("keep place" unchecked): it queued on
    its booked time still, ahead of everyone there. Now it queues from the transfer less its head start, as a VIP
    or an elderly customer's ticket does; kept in its place, it keeps its booked time."""
    store, service = _patient_branch(tmp_path, clock)
    try:
        appointment = service.issue_ticket("CASH", PriorityClass.APPOINTMENT, "7", clock.now()).ticket  # 09:00
        clock.advance(300)
        first = service.issue_ticket("TRANSFER").ticket  # 09:05
        clock.advance(1500)  # 09:30
        assert service.call_next("C1").ticket.id == appointment.id
        service.transfer("C1", to_category="TRANSFER", keep_place=keep_place)
        # Sent to the end it starts at 09:15 (09:30 less its 15 minutes), after B001's 09:05; kept, at 08:45.
        assert service.call_next("C2").ticket.id == (appointment.id if keep_place else first.id)
    finally:
        store.close()
