"""Appointments: a customer's booked visit, when a kiosk check-in counts as it, and which slots can be booked.

Plain rules, no storage: the store keeps the rows (models/appointments/service.py), the kiosk asks
``applicable`` which appointment of the customer fits the moment, and a check-in inside the arrival
window turns it into an APPOINTMENT ticket whose wait counts from the booked time.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Literal
from uuid import UUID, uuid5
from zoneinfo import ZoneInfo

from queueing.config.files import config_file, parse_config, read_text, refuse
from queueing.config.schemas.appointments import MAX_DURATION_MIN, AppointmentsFile, Weekday
from queueing.core.errors import DomainError, InvalidTransition
from queueing.core.text_rules import APPOINTMENT_NOTE, TextRefused, clean_text

MAX_NOTE_CHARS = APPOINTMENT_NOTE.max_chars


class AppointmentStatus(StrEnum):
    BOOKED = "booked"
    ARRIVED = "arrived"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


class Timing(StrEnum):
    """Where a moment falls against an appointment's arrival window."""

    EARLY = "early"
    IN_WINDOW = "in_window"
    LATE = "late"


class InvalidAppointment(DomainError):
    """A booking the rules refuse: unknown or closed service, off the grid, in the past, outside the hours."""

    code = "invalid_appointment"


class UnknownAppointment(DomainError):
    code = "unknown_appointment"


@dataclass(frozen=True)
class Appointment:
    id: int
    branch_id: str
    customer_id: str
    category: str
    start: datetime  # time-zone aware; the branch's local time is start.astimezone(zone)
    duration_min: int
    status: AppointmentStatus
    created_by: str
    note: str = ""
    ticket_id: str | None = None

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.duration_min)


@dataclass(frozen=True)
class OpeningHours:
    opening: time
    closing: time


WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class BranchCalendar:
    """Opening hours per weekday (None: closed that weekday) and the holidays the branch is closed on."""

    weekly: tuple[OpeningHours | None, ...]  # Monday first, seven entries
    holidays: frozenset[date] = frozenset()

    def hours_on(self, day: date) -> OpeningHours | None:
        return None if day in self.holidays else self.weekly[day.weekday()]


@dataclass(frozen=True)
class AppointmentRules:
    early_s: float = 1800.0
    late_s: float = 900.0
    slot_min: int = 15
    duration_min: int = 30
    days_ahead: int = 60
    hours: OpeningHours | None = None
    # Hours per weekday and holidays; None: ``hours`` on every day.
    calendar: BranchCalendar | None = None
    # None: every service category takes appointments.
    categories: frozenset[str] | None = None

    def window(self, start: datetime) -> tuple[datetime, datetime]:
        """From when to when a check-in counts as the appointment that starts at ``start`` (both ends included),
        in ``start``'s zone. Worked out in UTC: arithmetic on a local time is on its wall clock, and across a
        change of clocks the window came out an hour off (Santiago's 01:10 after the spring jump opened at a
        00:40 that did not exist, and the check-in the kiosk offered was refused)."""
        instant = start.astimezone(UTC) if start.tzinfo is not None else start
        opens, closes = instant - timedelta(seconds=self.early_s), instant + timedelta(seconds=self.late_s)
        if start.tzinfo is None or start.tzinfo is UTC:
            return opens, closes
        return opens.astimezone(start.tzinfo), closes.astimezone(start.tzinfo)

    def timing(self, start: datetime, now: datetime) -> Timing:
        opens, closes = self.window(start)
        if now < opens:
            return Timing.EARLY
        return Timing.LATE if now > closes else Timing.IN_WINDOW

    def takes(self, category: str) -> bool:
        return self.categories is None or category in self.categories

    def hours_on(self, day: date) -> OpeningHours | None | Literal[False]:
        """The day's hours; False when the branch is closed that day; None when any hour may be booked."""
        if self.calendar is None:
            return self.hours
        return self.calendar.hours_on(day) or False


def slot_capacity(counters: int, slot_min: int, typical_service_s: float) -> int:
    """Bookings one slot of a category takes: the counter-minutes of its counters over the service's standard time.

    Each serving counter gives ``slot_min`` minutes per slot; a booking takes the category's typical service
    time. A category no counter serves takes none; one that does takes at least one booking per slot.
    """
    if counters <= 0:
        return 0
    return max(1, int(counters * slot_min * 60 // max(typical_service_s, 60.0)))


@dataclass(frozen=True)
class Applicable:
    """The appointment that concerns a customer now, and whether a check-in would count."""

    appointment: Appointment
    timing: Timing
    # Arrived, and its ticket not issued or still waiting: a check-in cut short (or whose answer was lost) that a
    # retry finishes, giving the one ticket of the appointment (``appointment_ticket_id``).
    resumed: bool = False

    @property
    def can_check_in(self) -> bool:
        if self.resumed:
            return True
        return self.timing is Timing.IN_WINDOW and self.appointment.status is AppointmentStatus.BOOKED


_TICKET_IDS = UUID("6f1d2c4e-5a8b-4c3d-9e7f-0a1b2c3d4e5f")  # the namespace of appointment tickets' ids


def appointment_ticket_id(appointment: Appointment) -> str:
    """The id of the appointment's one ticket, the same at every try: a retried check-in finds the ticket it
    issued (its answer lost, or the kiosk dead before it said so) instead of issuing another. The booked
    customer and time are in it too, so a store rebuilt with its row ids counted again names other tickets."""
    if appointment.ticket_id is not None:
        return appointment.ticket_id
    key = f"{appointment.branch_id}/{appointment.id}/{appointment.customer_id}/{appointment.start.astimezone(UTC)}"
    return str(uuid5(_TICKET_IDS, key))


def local_start(value: datetime, timezone: str) -> datetime:
    """``value`` in the branch's zone; a naive value is read as the branch's local clock time."""
    zone = ZoneInfo(timezone)
    return value.replace(tzinfo=zone) if value.tzinfo is None else value.astimezone(zone)


def _hhmm(value: time) -> str:
    return value.strftime("%H:%M")


def _off_grid(at: datetime, slot_min: int) -> int:
    """Minutes past the last start on the grid (which runs from local midnight)."""
    return (at.hour * 60 + at.minute) % slot_min


def next_slot(at: datetime, slot_min: int) -> datetime:
    """The first start on the grid at or after ``at`` with its seconds dropped."""
    at = at.replace(second=0, microsecond=0)
    late = _off_grid(at, slot_min)
    return at + timedelta(minutes=slot_min - late) if late else at


def validate_slot(
    rules: AppointmentRules,
    categories: Collection[str],
    category: str,
    start: datetime,
    duration_min: int,
    now: datetime,
) -> None:
    """Raise InvalidAppointment naming what is wrong with a booking of ``category`` at local ``start``.

    ``start`` must be aware and in the branch's zone (see ``local_start``); ``categories`` are the branch's codes.
    """
    if category not in categories:
        raise InvalidAppointment(f"unknown service category {category!r}", category=category, reason="category")
    if not rules.takes(category):
        open_ones = ", ".join(sorted(rules.categories or ()))
        raise InvalidAppointment(
            f"service {category!r} does not take appointments (open to appointments: {open_ones})",
            category=category,
            reason="not_bookable",
        )
    if start.tzinfo is None:
        raise ValueError("validate_slot needs an aware start time")
    if isinstance(duration_min, bool) or not isinstance(duration_min, int) or not 0 < duration_min <= MAX_DURATION_MIN:
        raise InvalidAppointment(
            f"an appointment lasts 1 to {MAX_DURATION_MIN} whole minutes, got {duration_min!r}",
            duration=duration_min,
            most=MAX_DURATION_MIN,
            reason="duration",
        )
    if start.second or start.microsecond or _off_grid(start, rules.slot_min):
        raise InvalidAppointment(
            f"appointments start on the {rules.slot_min}-minute grid, got {start:%H:%M:%S}",
            start=start.isoformat(),
            slot_min=rules.slot_min,
            reason="grid",
        )
    if start <= now:
        raise InvalidAppointment(f"{start:%Y-%m-%d %H:%M} is in the past", start=start.isoformat(), reason="past")
    last_day = now.astimezone(start.tzinfo).date() + timedelta(days=rules.days_ahead)
    if start.date() > last_day:
        raise InvalidAppointment(
            f"{start:%Y-%m-%d} is more than {rules.days_ahead} days ahead (last bookable day {last_day})",
            start=start.isoformat(),
            days=rules.days_ahead,
            last_day=last_day.isoformat(),
            reason="too_far",
        )
    # After the two checks above, which compare without converting: year 1 or 9999 in UTC is out of datetime's
    # range (OverflowError, an internal error); a time between them converts.
    if start.astimezone(UTC).astimezone(start.tzinfo).replace(tzinfo=None) != start.replace(tzinfo=None):
        # Taken as is, a time the clocks skip would be kept an hour off what was asked for (and shown so).
        raise InvalidAppointment(
            f"{start:%Y-%m-%d %H:%M} does not exist on the branch's clock (the clocks go forward then)",
            start=start.isoformat(),
            reason="hours",
            skipped=True,
        )
    hours = rules.hours_on(start.date())
    if hours is False:
        raise InvalidAppointment(
            f"the branch is closed on {start:%A %Y-%m-%d}", start=start.isoformat(), reason="closed"
        )
    if hours is not None:
        end = start + timedelta(minutes=duration_min)
        if start.time() < hours.opening or end.date() != start.date() or end.time() > hours.closing:
            raise InvalidAppointment(
                f"{start:%H:%M}-{end:%H:%M} is outside the opening hours {_hhmm(hours.opening)}-{_hhmm(hours.closing)}",
                start=start.isoformat(),
                end=end.isoformat(),
                opening=_hhmm(hours.opening),
                closing=_hhmm(hours.closing),
                reason="hours",
            )


def overlapping(existing: Iterable[Appointment], start: datetime, duration_min: int) -> Appointment | None:
    """A booked appointment of the same customer that overlaps ``start`` .. ``start + duration``."""
    end = start + timedelta(minutes=duration_min)
    for other in existing:
        if other.status is AppointmentStatus.BOOKED and other.start < end and start < other.end:
            return other
    return None


def applicable(
    appointments: Iterable[Appointment], now: datetime, rules: AppointmentRules, timezone: str
) -> Applicable | None:
    """The customer's booked appointment that concerns ``now``, of the branch's day.

    One whose arrival window holds ``now`` first (the nearest booked time, also one of the day before or
    after whose window crosses midnight), else the next one later today (the customer is early), else the
    last one today whose window has passed (late).
    """
    zone = ZoneInfo(timezone)
    today = now.astimezone(zone).date()
    booked = sorted(
        (
            a
            for a in appointments
            if a.status is AppointmentStatus.BOOKED
            and (a.start.astimezone(zone).date() == today or rules.timing(a.start, now) is Timing.IN_WINDOW)
        ),
        key=lambda a: a.start,
    )
    timed = [(a, rules.timing(a.start, now)) for a in booked]
    inside = [a for a, t in timed if t is Timing.IN_WINDOW]
    if inside:
        return Applicable(min(inside, key=lambda a: abs((a.start - now).total_seconds())), Timing.IN_WINDOW)
    early = [a for a, t in timed if t is Timing.EARLY]
    if early:
        return Applicable(early[0], Timing.EARLY)
    late = [a for a, t in timed if t is Timing.LATE]
    return Applicable(late[-1], Timing.LATE) if late else None


def check_in_allowed(appointment: Appointment, now: datetime, rules: AppointmentRules, timezone: str = "UTC") -> None:
    """Raise unless a check-in now counts as the appointment (the message gives the window in ``timezone``)."""
    if appointment.status is not AppointmentStatus.BOOKED:
        raise InvalidTransition(
            f"appointment {appointment.id} is {appointment.status}, not booked",
            appointment=appointment.id,
            reason="not_booked",
        )
    opens, closes = rules.window(local_start(appointment.start, timezone))
    if not opens <= now <= closes:
        raise InvalidAppointment(
            f"appointment {appointment.id} can be checked in from {opens:%H:%M} to {closes:%H:%M} only",
            appointment=appointment.id,
            opens=f"{opens:%H:%M}",
            closes=f"{closes:%H:%M}",
            reason="window",
        )


def can_cancel(appointment: Appointment) -> None:
    if appointment.status is not AppointmentStatus.BOOKED:
        raise InvalidTransition(
            f"appointment {appointment.id} is {appointment.status}; only a booked one can be cancelled",
            appointment=appointment.id,
            reason="not_booked",
        )


def due_no_shows(appointments: Iterable[Appointment], now: datetime, rules: AppointmentRules) -> list[Appointment]:
    """Booked appointments whose arrival window closed before ``now``."""
    return [
        a for a in appointments if a.status is AppointmentStatus.BOOKED and rules.timing(a.start, now) is Timing.LATE
    ]


def clean_note(note: str | None) -> str:
    try:
        return clean_text(APPOINTMENT_NOTE, note)
    except TextRefused as exc:
        raise InvalidAppointment(str(exc), **{**exc.details, "reason": "note"}) from None


def business_day(start: datetime, timezone: str) -> date:
    return start.astimezone(ZoneInfo(timezone)).date()


# -- configuration ---------------------------------------------------------------------------------------------
def parse_appointment_rules(
    text: str, source: str = "<text>", known_categories: Collection[str] | None = None
) -> AppointmentRules:
    """``known_categories`` checks the codes of ``[categories] open`` when given."""
    doc = parse_config(text, source, AppointmentsFile)
    if 60 % doc.slots.length_min:
        raise refuse(
            source, "slots.length_min", f"must divide an hour (5, 10, 15, 20, 30, 60), got {doc.slots.length_min}"
        )
    hours = None
    if doc.hours is not None:
        opening, closing = time.fromisoformat(doc.hours.opening), time.fromisoformat(doc.hours.closing)
        if closing <= opening:
            raise refuse(source, "hours.closing", "must be after hours.opening")
        hours = OpeningHours(opening, closing)
    calendar = _calendar(doc, hours, source)
    open_list = doc.categories.open
    if known_categories is not None and open_list is not None:
        unknown = sorted(set(open_list) - set(known_categories))
        if unknown:
            raise refuse(source, "categories.open", f"names unknown categories: {', '.join(unknown)}")
    return AppointmentRules(
        early_s=doc.window.early_min * 60.0,
        late_s=doc.window.late_min * 60.0,
        slot_min=doc.slots.length_min,
        duration_min=doc.slots.duration_min,
        days_ahead=doc.slots.days_ahead,
        hours=hours,
        calendar=calendar,
        categories=frozenset(open_list) if open_list is not None else None,
    )


def _calendar(doc: AppointmentsFile, hours: OpeningHours | None, source: str) -> BranchCalendar | None:
    """The week and the holidays; None when the file says only one opening and closing time (or none)."""
    table = doc.hours
    if table is None or hours is None or not (table.weekday or table.closed_weekdays or table.holidays):
        return None
    weekly: list[OpeningHours | None] = []
    for name in WEEKDAYS:
        own = table.weekday.get(name)
        if name in table.closed_weekdays:
            if own is not None:
                raise refuse(source, f"hours.weekday.{name}", "is also in hours.closed_weekdays")
            weekly.append(None)
        elif own is not None:
            opening, closing = time.fromisoformat(own.opening), time.fromisoformat(own.closing)
            if closing <= opening:
                raise refuse(source, f"hours.weekday.{name}.closing", "must be after its opening")
            weekly.append(OpeningHours(opening, closing))
        else:
            weekly.append(hours)
    return BranchCalendar(tuple(weekly), frozenset(table.holidays))


def default_rules_path() -> Path:
    return config_file("appointments.toml")


def load_appointment_rules(
    path: Path | str | None = None, known_categories: Collection[str] | None = None
) -> AppointmentRules:
    """The rules of ``path`` (default resources/appointments.toml); open codes are checked against known ones."""
    file = Path(path) if path else default_rules_path()
    return parse_appointment_rules(read_text(file), str(file), known_categories)
