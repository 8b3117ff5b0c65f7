"""Schema of appointments.toml: the arrival window, the booking grid, the bookable hours and services."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from queueing.config.schemas.common import ClockTime, Code, Table, WholeMinutes

MAX_DURATION_MIN = 240  # an appointment longer than this is not a counter visit


class WindowTable(Table):
    early_min: WholeMinutes = 30
    late_min: WholeMinutes = 15


class SlotsTable(Table):
    length_min: Annotated[int, Meta(ge=1, le=60)] = 15
    duration_min: Annotated[int, Meta(ge=1, le=MAX_DURATION_MIN)] = 30
    days_ahead: Annotated[int, Meta(ge=0, le=3660)] = 60


Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class DayHours(Table):
    opening: ClockTime
    closing: ClockTime


class HoursTable(Table):
    opening: ClockTime
    closing: ClockTime
    # Other hours on some weekdays ([hours.weekday.sat] opening/closing), days closed, and holidays.
    weekday: dict[Weekday, DayHours] = msgspec.field(default_factory=dict)
    closed_weekdays: Annotated[list[Weekday], Meta(max_length=7)] = msgspec.field(default_factory=list)
    holidays: Annotated[list[date], Meta(max_length=400)] = msgspec.field(default_factory=list)


class CategoriesTable(Table):
    open: Annotated[list[Code], Meta(max_length=26)] | None = None


class AppointmentsFile(Table):
    window: WindowTable = msgspec.field(default_factory=WindowTable)
    slots: SlotsTable = msgspec.field(default_factory=SlotsTable)
    hours: HoursTable | None = None
    categories: CategoriesTable = msgspec.field(default_factory=CategoriesTable)
