"""Appointment rules: the arrival window and its edges, slot validation, which appointment applies, configuration."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from queueing.appointments.rules import (
    Appointment,
    AppointmentRules,
    AppointmentStatus,
    InvalidAppointment,
    OpeningHours,
    Timing,
    applicable,
    check_in_allowed,
    due_no_shows,
    load_appointment_rules,
    local_start,
    overlapping,
    parse_appointment_rules,
    validate_slot,
)
from queueing.core.errors import ConfigError, InvalidTransition

ZONE = "Asia/Shanghai"
NOW = datetime(2026, 11, 23, 1, 30, tzinfo=UTC)  # Monday 09:30 in Shanghai
RULES = AppointmentRules(
    early_s=1800, late_s=900, hours=OpeningHours(time(9), time(17)), categories=frozenset({"CASH", "LOANS"})
)
CATEGORIES = ("CASH", "LOANS", "VIP")


def local(hour: int, minute: int = 0, day: int = 23) -> datetime:
    return local_start(datetime(2026, 11, day, hour, minute), ZONE)


def booking(start: datetime, status=AppointmentStatus.BOOKED, ident: int = 1, duration: int = 30) -> Appointment:
    return Appointment(ident, "B1", "7", "LOANS", start, duration, status, "T1")


@pytest.mark.parametrize(
    ("now_offset_min", "timing"),
    [(-31, Timing.EARLY), (-30, Timing.IN_WINDOW), (0, Timing.IN_WINDOW), (15, Timing.IN_WINDOW), (16, Timing.LATE)],
)
def test_the_arrival_window_includes_both_edges(now_offset_min, timing):
    start = local(10, 30)
    assert RULES.timing(start, start + timedelta(minutes=now_offset_min)) is timing


def test_one_second_past_either_edge_is_outside():
    start = local(10, 30)
    opens, closes = RULES.window(start)
    assert RULES.timing(start, opens - timedelta(seconds=1)) is Timing.EARLY
    assert RULES.timing(start, closes + timedelta(seconds=1)) is Timing.LATE


def test_a_valid_slot_passes():
    validate_slot(RULES, CATEGORIES, "LOANS", local(10, 30), 30, NOW)


@pytest.mark.parametrize(
    ("category", "start", "duration", "message"),
    [
        ("NOPE", local(10, 30), 30, "unknown service category 'NOPE'"),
        ("VIP", local(10, 30), 30, "service 'VIP' does not take appointments"),
        ("LOANS", local(10, 35), 30, "15-minute grid, got 10:35:00"),
        ("LOANS", local(9, 15), 30, "2026-11-23 09:15 is in the past"),
        ("LOANS", local(16, 45), 30, "16:45-17:15 is outside the opening hours 09:00-17:00"),
        ("LOANS", local(8, 30, day=24), 30, "08:30-09:00 is outside the opening hours"),
        ("LOANS", local(10, 30), 0, "1 to 240 whole minutes, got 0"),
        ("LOANS", local(10, 0, day=23) + timedelta(days=61), 30, "more than 60 days ahead"),
    ],
)
def test_invalid_slots_are_refused_by_name(category, start, duration, message):
    with pytest.raises(InvalidAppointment, match=message):
        validate_slot(RULES, CATEGORIES, category, start, duration, NOW)


@pytest.mark.parametrize(
    ("start", "reason"),
    [
        (datetime(1, 1, 1, 0, 0, tzinfo=ZoneInfo("Asia/Shanghai")), "past"),
        (datetime(9999, 12, 31, 23, 30, tzinfo=ZoneInfo("America/New_York")), "too_far"),
    ],
)
def test_a_time_at_the_ends_of_the_calendar_is_refused_not_overflowed(start, reason):
    """It was converted to UTC first, which year 1 east of Greenwich and 9999 west of it overflow."""
    with pytest.raises(InvalidAppointment) as refused:
        validate_slot(RULES, CATEGORIES, "LOANS", start, 30, NOW)
    assert refused.value.details["reason"] == reason


def test_the_last_slot_that_ends_at_closing_is_bookable():
    validate_slot(RULES, CATEGORIES, "LOANS", local(16, 30), 30, NOW)


def test_without_hours_any_time_of_day_is_bookable():
    validate_slot(AppointmentRules(), CATEGORIES, "VIP", local(22, 0), 30, NOW)


def test_in_window_is_preferred_then_the_next_one_then_the_last_missed():
    missed = booking(local(8, 0), ident=1)
    soon = booking(local(9, 45), ident=2)
    later = booking(local(14, 0), ident=3)
    found = applicable([later, soon, missed], NOW, RULES, ZONE)
    assert found.appointment.id == 2 and found.timing is Timing.IN_WINDOW and found.can_check_in
    found = applicable([later, missed], NOW, RULES, ZONE)
    assert found.appointment.id == 3 and found.timing is Timing.EARLY and not found.can_check_in
    found = applicable([missed], NOW, RULES, ZONE)
    assert found.appointment.id == 1 and found.timing is Timing.LATE


def test_only_booked_appointments_of_today_apply():
    tomorrow = booking(local(9, 30, day=24))
    cancelled = booking(local(9, 45), AppointmentStatus.CANCELLED)
    arrived = booking(local(9, 45), AppointmentStatus.ARRIVED)
    assert applicable([tomorrow, cancelled, arrived], NOW, RULES, ZONE) is None


def test_check_in_needs_a_booked_appointment_inside_its_window():
    start = local(10, 30)
    with pytest.raises(InvalidAppointment, match="can be checked in from 10:00 to 10:45 only"):
        check_in_allowed(booking(start), NOW, RULES, ZONE)
    check_in_allowed(booking(start), start - timedelta(minutes=30), RULES, ZONE)
    check_in_allowed(booking(start), start + timedelta(minutes=15), RULES, ZONE)
    with pytest.raises(InvalidTransition, match="is arrived, not booked"):
        check_in_allowed(booking(start, AppointmentStatus.ARRIVED), start, RULES, ZONE)


def test_overlaps_and_no_shows():
    first = booking(local(10, 0), duration=30)
    assert overlapping([first], local(10, 15), 30) is first
    assert overlapping([first], local(10, 30), 30) is None
    assert due_no_shows([first], local(10, 15), RULES) == []
    assert due_no_shows([first], local(10, 16), RULES) == [first]


def test_the_shipped_configuration_loads():
    rules = load_appointment_rules(known_categories=CATEGORIES + ("TRANSFER", "CORP", "FX"))
    assert rules.early_s == 1800 and rules.late_s == 900 and rules.slot_min == 15
    assert rules.hours == OpeningHours(time(9), time(17)) and not rules.takes("VIP")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[window]\nearly_min = -5", r"appointments.toml: window.early_min: must be a whole number >= 0"),
        ("[slots]\nlength_min = 7", "slots.length_min: must divide an hour"),
        ("[hours]\nopening = '9am'\nclosing = '17:00'", "hours.opening: must be a clock time"),
        ("[hours]\nopening = '17:00'\nclosing = '09:00'", "hours.closing: must be after hours.opening"),
        ("[categories]\nopen = 'CASH'", "categories.open: must be a list, got text"),
        ("window = 3", "window: must be a table"),
    ],
)
def test_bad_configuration_is_refused_with_the_entry(text, message):
    with pytest.raises(ConfigError, match=message):
        parse_appointment_rules(text, "appointments.toml")


def test_unknown_open_categories_are_named(tmp_path):
    file = tmp_path / "appointments.toml"
    file.write_text("[categories]\nopen = ['CASH', 'GOLD']\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown categories: GOLD"):
        load_appointment_rules(file, known_categories=CATEGORIES)


def test_next_slot_is_the_first_start_on_the_grid_from_midnight():
    from queueing.appointments.rules import next_slot

    at = datetime(2026, 11, 23, 10, 3, 30, tzinfo=UTC)
    assert next_slot(at, 15) == datetime(2026, 11, 23, 10, 15, tzinfo=UTC)
    assert next_slot(at.replace(minute=15, second=0), 15) == datetime(2026, 11, 23, 10, 15, tzinfo=UTC)
    # A 45-minute grid runs 00:00, 00:45, 01:30 ... 09:45, 10:30: on the hour is not on it.
    assert next_slot(at, 45) == datetime(2026, 11, 23, 10, 30, tzinfo=UTC)


def test_a_start_the_clocks_skip_is_refused_not_moved_an_hour():
    # London goes from 01:00 to 02:00 on 28 March 2027: 01:30 is no time on the branch's clock. Taken as is it
    # was stored as 02:30 and shown so, and took the 02:30 slot's place; a branch booking at any hour sees it.
    now = datetime(2027, 3, 27, 12, 0, tzinfo=UTC)
    skipped = local_start(datetime(2027, 3, 28, 1, 30), "Europe/London")
    with pytest.raises(InvalidAppointment, match="01:30 does not exist"):
        validate_slot(AppointmentRules(), CATEGORIES, "CASH", skipped, 30, now)
    validate_slot(AppointmentRules(), CATEGORIES, "CASH", local_start(datetime(2027, 3, 28, 2, 30), "Europe/London"),
                  30, now)
