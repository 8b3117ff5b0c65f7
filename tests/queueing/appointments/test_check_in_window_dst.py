"""The check-in window across a change of clocks: worked out on the instant, shown in the branch's time.

America/Santiago springs forward at 24:00 on Saturday 2026-09-05 (00:00 -> 01:00). A branch that books at any
hour has an appointment at 01:10 that night: the kiosk offered check-in (timing: in the window) and
check_in_allowed refused it, its window worked out on the wall clock ("from 00:40 to 01:25", an hour that did
not exist)."""

from datetime import UTC, datetime, timedelta

import pytest

from queueing.appointments.rules import (
    Appointment,
    AppointmentRules,
    AppointmentStatus,
    InvalidAppointment,
    Timing,
    applicable,
    check_in_allowed,
    local_start,
)

ZONE = "America/Santiago"
START = datetime(2026, 9, 6, 4, 10, tzinfo=UTC)  # 01:10 local (-03), just after the jump


def _appointment() -> Appointment:
    return Appointment(1, "SCL1", "7", "CASH", START, 30, AppointmentStatus.BOOKED, "T1")


def test_check_in_agrees_with_the_window_the_kiosk_shows_across_a_dst_jump():
    rules = AppointmentRules()  # 30 min before .. 15 min after; no opening hours
    now = START - timedelta(minutes=5)
    found = applicable([_appointment()], now, rules, ZONE)
    assert found is not None and found.timing is Timing.IN_WINDOW and found.can_check_in
    check_in_allowed(_appointment(), now, rules, ZONE)
    opens, closes = rules.window(local_start(START, ZONE))
    # 30 minutes before 01:10 is 23:40 the evening before (-04), the clocks having jumped meanwhile.
    assert (f"{opens:%H:%M}", f"{closes:%H:%M}") == ("23:40", "01:25")
    assert closes.astimezone(UTC) - opens.astimezone(UTC) == timedelta(minutes=45)


def test_a_check_in_outside_the_window_names_it_in_the_branchs_time():
    rules = AppointmentRules()
    with pytest.raises(InvalidAppointment, match="from 23:40 to 01:25"):
        check_in_allowed(_appointment(), START - timedelta(minutes=31), rules, ZONE)
    check_in_allowed(_appointment(), START - timedelta(minutes=30), rules, ZONE)  # both ends included
    check_in_allowed(_appointment(), START + timedelta(minutes=15), rules, ZONE)
