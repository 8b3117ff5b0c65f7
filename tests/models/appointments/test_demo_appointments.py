"""The demo branch's appointments: the first demo customer can check in at once, the second comes later."""

import secrets
from datetime import UTC, date, datetime

from staff_sessions import session_of

from models.appointments.service import AppointmentService
from models.branch.prepare import prepare_demo_station, seed_demo_appointments, seed_demo_customers
from queueing.appointments.rules import Timing
from queueing.core.clock import ManualClock
from queueing.core.roles import Role

KIOSK = session_of("DEMO", "KIOSK", Role.KIOSK, "DEMO-KIOSK")


def _demo(store, now):
    station = prepare_demo_station(store, "DEMO-TEST", ManualClock(now))
    samples = seed_demo_customers(store, station.demo.id, secrets.token_bytes(32), date(2026, 11, 23), count=5)
    return station, samples


def test_the_first_two_demo_customers_get_appointments_once_a_day(store):
    station, samples = _demo(store, datetime(2026, 11, 23, 13, 7, tzinfo=UTC))  # 21:07 in Shanghai: after hours
    booked = seed_demo_appointments(station.branch)
    assert [(v.customer_no, v.appointment.category, f"{v.local_start:%H:%M}") for v, _ in booked] == [
        (samples[0].customer_no, "CASH", "21:30"),
        (samples[1].customer_no, "LOANS", "23:15"),
    ]
    assert [f"{opens:%H:%M}" for _, opens in booked] == ["21:00", "22:45"]
    appointments = AppointmentService(station.branch)
    assert appointments.applicable(KIOSK, booked[0][0].appointment.customer_id).found.timing is Timing.IN_WINDOW
    assert appointments.applicable(KIOSK, booked[1][0].appointment.customer_id).found.timing is Timing.EARLY
    assert seed_demo_appointments(station.branch) == ()


def test_a_slot_past_midnight_is_not_booked(store):
    station, samples = _demo(store, datetime(2026, 11, 23, 14, 30, tzinfo=UTC))  # 22:30 in Shanghai
    booked = seed_demo_appointments(station.branch)
    assert [v.appointment.category for v, _ in booked] == ["CASH"]
