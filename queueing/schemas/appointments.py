"""Schema of appointments.toml: the arrival window, the booking grid, the bookable hours and services."""

from __future__ import annotations

from typing import Annotated

import msgspec
from msgspec import Meta

from queueing.schemas.common import ClockTime, Code, Table, WholeMinutes


class WindowTable(Table):
    early_min: WholeMinutes = 30
    late_min: WholeMinutes = 15


class SlotsTable(Table):
    length_min: Annotated[int, Meta(ge=1, le=60)] = 15
    duration_min: Annotated[int, Meta(ge=1, le=240)] = 30
    days_ahead: Annotated[int, Meta(ge=0, le=3660)] = 60


class HoursTable(Table):
    opening: ClockTime
    closing: ClockTime


class CategoriesTable(Table):
    open: Annotated[list[Code], Meta(max_length=26)] | None = None


class AppointmentsFile(Table):
    window: WindowTable = msgspec.field(default_factory=WindowTable)
    slots: SlotsTable = msgspec.field(default_factory=SlotsTable)
    hours: HoursTable | None = None
    categories: CategoriesTable = msgspec.field(default_factory=CategoriesTable)
