"""Appointment capacity per slot and category, opening hours per weekday and holidays, the next free slot."""

import secrets
from datetime import date, datetime

import pytest
from staff_sessions import add_accounts, session_of

from models.appointments.service import AppointmentService
from models.demo.customers import generate_customers
from queueing.appointments.rules import (
    InvalidAppointment,
    load_appointment_rules,
    parse_appointment_rules,
    slot_capacity,
)
from queueing.core.errors import ConfigError
from queueing.core.roles import Role

TELLER = session_of("B1", "T1", Role.TELLER, "ST1")
TODAY = date(2026, 11, 23)  # a Monday; the clock fixture is 09:00 in Shanghai
CALENDAR = """
[slots]
length_min = 15
duration_min = 30
days_ahead = 60

[hours]
opening = "09:00"
closing = "17:00"
closed_weekdays = ["sun"]
holidays = [2026-11-25]

[hours.weekday.sat]
opening = "09:00"
closing = "12:00"
"""


@pytest.fixture
def appointments(store, service):
    generate_customers(store, "B1", secrets.token_bytes(32), 12, today=TODAY, seed=1)
    add_accounts(store, TELLER)
    service.run(lambda c: c.configure_counter("C3", "3", {"LOANS": 1, "CASH": 2}))  # the one loans window
    return AppointmentService(service, parse_appointment_rules(CALENDAR))


def test_capacity_comes_from_the_counters_and_the_standard_time():
    assert slot_capacity(1, 15, 15 * 60) == 1  # one loans window, 15-minute loans, 15-minute slots
    assert slot_capacity(3, 15, 4 * 60) == 11  # three cash windows, 4-minute cash
    assert slot_capacity(1, 15, 40 * 60) == 1  # a long service still takes one booking per slot
    assert slot_capacity(0, 15, 4 * 60) == 0


def test_nine_loans_at_one_slot_with_one_loans_window(appointments):
    first = appointments.book(TELLER, 1, "LOANS", datetime(2026, 11, 23, 10, 30))
    with pytest.raises(InvalidAppointment, match="10:30 is full for LOANS") as refused:
        appointments.book(TELLER, 2, "LOANS", datetime(2026, 11, 23, 10, 30))
    assert "the next free slot is Mon 2026-11-23 10:45" in str(refused.value)
    assert refused.value.details["next_free"].startswith("2026-11-23T10:45")
    appointments.cancel(TELLER, first.appointment.id)  # a cancelled booking frees its place
    appointments.book(TELLER, 2, "LOANS", datetime(2026, 11, 23, 10, 30))
    for customer in range(3, 10):
        with pytest.raises(InvalidAppointment, match="full"):
            appointments.book(TELLER, customer, "LOANS", datetime(2026, 11, 23, 10, 30))
    # CASH at the same time has room: two counters serve cash (C1, C3).
    for customer in range(3, 10):
        appointments.book(TELLER, customer, "CASH", datetime(2026, 11, 23, 10, 30))


def test_a_sunday_and_a_holiday_are_closed_and_the_next_open_day_is_offered(appointments):
    with pytest.raises(InvalidAppointment, match="closed on Sunday 2026-11-29") as sunday:
        appointments.book(TELLER, 1, "LOANS", datetime(2026, 11, 29, 10, 0))
    assert "the next free slot is Mon 2026-11-30 09:00" in str(sunday.value)
    with pytest.raises(InvalidAppointment, match="closed on Wednesday 2026-11-25") as holiday:
        appointments.book(TELLER, 1, "LOANS", datetime(2026, 11, 25, 10, 0))
    assert "the next free slot is Thu 2026-11-26 09:00" in str(holiday.value)


def test_saturday_hours_and_an_evening_request(appointments):
    appointments.book(TELLER, 1, "LOANS", datetime(2026, 11, 28, 11, 0))
    with pytest.raises(InvalidAppointment, match="outside the opening hours 09:00-12:00") as late:
        appointments.book(TELLER, 2, "LOANS", datetime(2026, 11, 28, 11, 45))
    assert "the next free slot is Mon 2026-11-30 09:00" in str(late.value)
    with pytest.raises(InvalidAppointment, match="outside the opening hours 09:00-17:00") as evening:
        appointments.book(TELLER, 2, "LOANS", datetime(2026, 11, 23, 16, 45))
    assert "the next free slot is Tue 2026-11-24 09:00" in str(evening.value)


def test_a_service_no_counter_serves_is_refused_without_an_offer(appointments):
    # No counter serves CORP, so no day within reach has room: the refusal says why and offers nothing.
    with pytest.raises(InvalidAppointment, match=r"\(no counter serves it\)$") as refused:
        appointments.book(TELLER, 1, "CORP", datetime(2026, 11, 23, 10, 0))
    assert refused.value.details["reason"] == "no_counter"
    assert "next_free" not in refused.value.details


def test_the_calendar_is_checked_when_loaded():
    with pytest.raises(ConfigError, match="hours.closed_weekdays"):
        parse_appointment_rules(CALENDAR.replace('["sun"]', '["sunday"]'))
    with pytest.raises(ConfigError, match="hours.weekday.sat"):
        parse_appointment_rules(CALENDAR.replace('["sun"]', '["sat"]'))
    with pytest.raises(ConfigError, match="holidays"):
        parse_appointment_rules(CALENDAR.replace("[2026-11-25]", '["soon"]'))
    shipped = load_appointment_rules()
    assert shipped.hours_on(date(2026, 11, 29)) is False  # the shipped branch is closed on Sundays
