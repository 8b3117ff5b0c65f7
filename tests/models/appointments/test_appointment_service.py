"""The appointment service on SQLite: book, refuse a second booking of the slot, cancel, check in, roles."""

import secrets
from datetime import date, datetime, timedelta

import pytest
from staff_sessions import add_accounts, session_of

from models.appointments.service import AppointmentService
from models.demo.customers import generate_customers
from queueing.appointments.rules import (
    AppointmentRules,
    AppointmentStatus,
    InvalidAppointment,
    Timing,
    UnknownAppointment,
)
from queueing.core.errors import InvalidTransition
from queueing.core.roles import PermissionDenied, Role
from queueing.core.tickets import PriorityClass
from queueing.customers.profiles import UnknownCustomer

TELLER = session_of("B1", "T1", Role.TELLER, "ST1")
SUPERVISOR = session_of("B1", "S1", Role.SUPERVISOR, "ST1")
KIOSK = session_of("B1", "KIOSK", Role.KIOSK, "KIOSK-1")
TODAY = date(2026, 11, 23)  # the clock fixture is 09:00 in Shanghai


@pytest.fixture
def customers(store, service):
    generate_customers(store, "B1", secrets.token_bytes(32), 5, today=TODAY, seed=1)
    add_accounts(store, TELLER, SUPERVISOR)
    return [1, 2, 3]


@pytest.fixture
def appointments(service, customers):
    # Two loans windows: a slot's capacity comes from the counters serving the category (C1, C2: cash, transfers).
    service.run(lambda c: c.configure_counter("C3", "3", {"LOANS": 1, "CASH": 2}))
    service.run(lambda c: c.configure_counter("C4", "4", {"LOANS": 1, "FX": 2}))
    return AppointmentService(service, AppointmentRules(categories=frozenset({"CASH", "LOANS", "TRANSFER"})))


def at(hour, minute=0, day=23):
    return datetime(2026, 11, day, hour, minute)  # naive: the branch's local clock


def test_book_lists_the_day_with_a_masked_name(appointments):
    view = appointments.book(TELLER, 1, "LOANS", at(10, 30), note="mortgage")
    assert view.appointment.status is AppointmentStatus.BOOKED and view.appointment.created_by == "T1"
    assert view.local_start.strftime("%H:%M") == "10:30" and view.appointment.start.utcoffset() == timedelta(0)
    assert "*" in view.masked_name
    appointments.book(SUPERVISOR, 2, "CASH", at(9, 30))
    day = appointments.day(TELLER, TODAY)
    assert [(v.appointment.customer_id, v.local_start.strftime("%H:%M")) for v in day] == [
        ("2", "09:30"),
        ("1", "10:30"),
    ]
    assert appointments.day(TELLER, TODAY + timedelta(days=1)) == ()


def test_a_second_booking_of_the_same_slot_is_refused(appointments):
    appointments.book(TELLER, 1, "LOANS", at(10, 30))
    with pytest.raises(InvalidAppointment, match="already has appointment 1 at 2026-11-23 10:30"):
        appointments.book(TELLER, 1, "CASH", at(10, 45))
    appointments.book(TELLER, 2, "LOANS", at(10, 30))  # another customer may take the same time


def test_the_database_refuses_the_same_slot_when_the_check_is_raced(appointments, monkeypatch):
    appointments.book(TELLER, 1, "LOANS", at(10, 30))
    # Two stations both pass the overlap check before either commits: the unique index decides.
    monkeypatch.setattr("models.appointments.service.overlapping", lambda *_: None)
    with pytest.raises(InvalidAppointment, match="already has an appointment at 2026-11-23 10:30"):
        appointments.book(TELLER, 1, "LOANS", at(10, 30))
    assert len(appointments.day(TELLER, TODAY)) == 1


def test_cancel_frees_the_slot_and_cannot_be_repeated(appointments):
    first = appointments.book(TELLER, 1, "LOANS", at(10, 30))
    assert appointments.cancel(SUPERVISOR, first.appointment.id).appointment.status is AppointmentStatus.CANCELLED
    with pytest.raises(InvalidTransition, match="is cancelled; only a booked one can be cancelled"):
        appointments.cancel(TELLER, first.appointment.id)
    appointments.book(TELLER, 1, "LOANS", at(10, 30))
    with pytest.raises(UnknownAppointment, match="no appointment 99"):
        appointments.cancel(TELLER, 99)


def test_bad_bookings_name_what_was_wrong(appointments):
    with pytest.raises(UnknownCustomer, match="no customer 999 in branch B1"):
        appointments.book(TELLER, 999, "LOANS", at(10, 30))
    with pytest.raises(InvalidAppointment, match="does not take appointments"):
        appointments.book(TELLER, 1, "FX", at(10, 30))
    with pytest.raises(InvalidAppointment, match="in the past"):
        appointments.book(TELLER, 1, "LOANS", at(8, 45))


def test_check_in_issues_an_appointment_ticket_at_the_booked_time_for_the_customer(appointments, service, clock):
    booked = appointments.book(TELLER, 3, "CASH", at(9, 15))
    found = appointments.applicable(KIOSK, 3)
    assert found.can_check_in and found.found.timing is Timing.IN_WINDOW
    assert found.window_opens.strftime("%H:%M") == "08:45" and found.window_closes.strftime("%H:%M") == "09:30"
    checked = appointments.check_in(KIOSK, booked.appointment.id)
    ticket = checked.result.ticket
    assert ticket.priority == PriorityClass.APPOINTMENT and ticket.customer_id == "3"
    assert service.state.tickets[ticket.id].appointment_at == booked.appointment.start
    assert checked.view.appointment.status is AppointmentStatus.ARRIVED
    assert appointments.day(TELLER, TODAY)[0].appointment.ticket_id == ticket.id
    # While the ticket waits, checking in again gives the same ticket (a retry whose first answer was lost).
    assert appointments.check_in(KIOSK, booked.appointment.id).result.ticket.number == ticket.number
    service.call_next("C1")
    with pytest.raises(InvalidTransition, match="is arrived, not booked"):
        appointments.check_in(KIOSK, booked.appointment.id)
    assert appointments.applicable(KIOSK, 3) is None


def test_outside_the_window_the_kiosk_learns_when_and_cannot_check_in(appointments, clock):
    booked = appointments.book(TELLER, 1, "LOANS", at(11, 0))
    found = appointments.applicable(KIOSK, 1)
    assert found.found.timing is Timing.EARLY and not found.can_check_in
    assert found.view.local_start.strftime("%H:%M") == "11:00"
    with pytest.raises(InvalidAppointment, match="from 10:30 to 11:15 only"):
        appointments.check_in(KIOSK, booked.appointment.id)
    assert appointments.day(TELLER, TODAY)[0].appointment.status is AppointmentStatus.BOOKED


def test_a_failed_ticket_leaves_the_check_in_open_to_a_retry(appointments, service, monkeypatch):
    booked = appointments.book(TELLER, 1, "CASH", at(9, 15))

    def broken(*_args, **_kwargs):
        raise RuntimeError("store unavailable")

    monkeypatch.setattr(service, "issue_ticket", broken)
    with pytest.raises(RuntimeError):
        appointments.check_in(KIOSK, booked.appointment.id)
    assert appointments.applicable(KIOSK, 1).can_check_in


def test_no_shows_are_marked_after_the_window(appointments, clock):
    early = appointments.book(TELLER, 1, "CASH", at(9, 15))
    appointments.book(TELLER, 2, "CASH", at(11, 0))
    clock.advance(31 * 60)  # 09:31: the 09:15 window closed at 09:30
    missed = appointments.mark_no_shows(SUPERVISOR)
    assert [v.appointment.id for v in missed] == [early.appointment.id]
    statuses = [v.appointment.status for v in appointments.day(TELLER, TODAY)]
    assert statuses == [AppointmentStatus.NO_SHOW, AppointmentStatus.BOOKED]


def test_an_appointment_whose_window_closes_after_midnight_is_marked_the_next_day(appointments, clock):
    """A branch that books at any hour: a 23:45 appointment's window closes at 00:00, on the next business day."""
    late = appointments.book(TELLER, 1, "LOANS", at(23, 45))
    appointments.book(TELLER, 2, "LOANS", at(0, 30, day=24))
    clock.advance(15 * 3600 + 5 * 60)  # 00:05 on the 24th
    missed = appointments.mark_no_shows(SUPERVISOR)
    assert [v.appointment.id for v in missed] == [late.appointment.id]
    assert appointments.mark_no_shows(SUPERVISOR) == ()  # marked once


def test_the_kiosk_only_checks_in(appointments):
    with pytest.raises(PermissionDenied, match="'kiosk' may not book_appointment"):
        appointments.book(KIOSK, 1, "LOANS", at(10, 30))
    booked = appointments.book(TELLER, 1, "LOANS", at(10, 30))
    for call in (
        lambda: appointments.cancel(KIOSK, booked.appointment.id),
        lambda: appointments.day(KIOSK, TODAY),
        lambda: appointments.mark_no_shows(KIOSK),
    ):
        with pytest.raises(PermissionDenied):
            call()


def test_customer_numbers_find_customers(appointments, store):
    from sqlalchemy import select

    from models.customers.tables import CustomerRow

    with store.read_session() as session:
        number = session.scalar(select(CustomerRow.customer_no).where(CustomerRow.id == 2))
    assert appointments.customer_by_number(TELLER, number).customer_id == 2
    with pytest.raises(UnknownCustomer, match="no customer number 'X-1'"):
        appointments.customer_by_number(TELLER, "X-1")


def test_the_kiosk_identity_carries_the_appointment_and_checks_it_in(appointments, store, clock):
    from models.customers.kiosk_lookup import KioskLookup
    from models.customers.service import CustomerService
    from queueing.customers.identity_keys import LookupKind

    key = secrets.token_bytes(32)
    sample = generate_customers(store, "B1", key, 1, today=TODAY, seed=8).samples[0]
    customers = CustomerService(store, "B1", key, clock=clock, timezone="Asia/Shanghai")
    lookup = KioskLookup(customers, "KIOSK-1", appointments=appointments)
    customer = appointments.customer_by_number(TELLER, sample.customer_no).customer_id
    booked = appointments.book(TELLER, customer, "CASH", at(9, 15))
    identity = lookup.identify(LookupKind.PHONE, sample.phone)
    assert identity.appointment.view.appointment.id == booked.appointment.id and identity.appointment.can_check_in
    ticket = lookup.check_in(booked.appointment.id).result.ticket
    assert ticket.priority == "appointment" and ticket.customer_id == identity.customer_id
    again = lookup.identify(LookupKind.PHONE, sample.phone).appointment  # while it waits: the same ticket again
    assert again.found.resumed and lookup.check_in(booked.appointment.id).result.ticket.id == ticket.id
    assert KioskLookup(customers, "KIOSK-1").identify(LookupKind.PHONE, sample.phone).appointment is None


# A branch that books at any hour (no [hours] table): appointments and their windows cross local midnight.
def test_a_booking_overlapping_one_of_the_day_before_across_midnight_is_refused(appointments):
    appointments.book(TELLER, 1, "LOANS", at(23, 45), duration_min=60)  # until 00:45 on the 24th
    with pytest.raises(InvalidAppointment, match="already has appointment 1 at 2026-11-23 23:45"):
        appointments.book(TELLER, 1, "CASH", at(0, 15, day=24))


def test_the_kiosk_checks_in_a_just_after_midnight_appointment_before_midnight(appointments, clock):
    booked = appointments.book(TELLER, 1, "LOANS", at(0, 15, day=24))
    clock.advance(14 * 3600 + 50 * 60)  # 23:50 on the 23rd: the window opened at 23:45
    found = appointments.applicable(KIOSK, 1)
    assert found is not None and found.view.appointment.id == booked.appointment.id and found.can_check_in
    assert appointments.check_in(KIOSK, booked.appointment.id).result.ticket.customer_id == "1"
