"""Schemas of the supervisor's settings: alerts.toml, staffing.toml, piece_rate.toml."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from queueing.config.schemas.common import (
    ClockTime,
    Code,
    Count,
    CurrencyCode,
    Minutes,
    MinutesOrZero,
    Money,
    Share,
    Table,
    Units,
    WholeMinutes,
    form,
)


class OverdueTable(Table, frozen=True):
    min_tickets: Count = 1


class UnderstaffedTable(Table, frozen=True):
    min_waiting: Count = 6
    max_waiting_per_counter: Units = 4.0


class IdleTable(Table, frozen=True):
    grace_min: MinutesOrZero = 2.0
    min_waiting: Count = 1


class PauseTable(Table, frozen=True):
    """One limit per pause reason (queueing.core.counters.PauseReason)."""

    lunch_min: MinutesOrZero = 60.0
    break_min: MinutesOrZero = 15.0
    back_office_min: MinutesOrZero = 30.0
    other_min: MinutesOrZero = 20.0


class AlertsFile(Table, frozen=True):
    overdue: OverdueTable = msgspec.field(default_factory=OverdueTable)
    understaffed: UnderstaffedTable = msgspec.field(default_factory=UnderstaffedTable)
    idle: IdleTable = msgspec.field(default_factory=IdleTable)
    pause: PauseTable = msgspec.field(default_factory=PauseTable)


Hour = Annotated[int, Meta(ge=0, le=24)]
HourKey = Annotated[str, form(r"^([0-9]|1[0-9]|2[0-3])$", 'an hour "0" to "23"')]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class TargetTable(Table, frozen=True):
    level: Annotated[float, Meta(gt=0, lt=1, description="a share, 0.8 = 80%")] = 0.8
    wait_min: Minutes | None = None


class HoursTable(Table, frozen=True):
    opening: Hour = 9
    closing: Hour = 17


StaffId = Annotated[str, form(r"^[A-Za-z0-9_\-]{1,32}$", "a staff id of 1 to 32 letters, digits, _ or -")]
BreakMinutes = Annotated[int, Meta(ge=5, le=180)]


class BreakEntry(Table, frozen=True):
    """A teller's standing break: on these weekdays, from ``start`` (branch time) for ``minutes``."""

    staff: StaffId
    days: Annotated[list[Weekday], Meta(min_length=1, max_length=7)]
    start: ClockTime
    minutes: BreakMinutes


class CoverTable(Table, frozen=True):
    """When a break would leave a category under-served, and how early to say so."""

    lead_min: WholeMinutes = 30
    # Fewest open counters each category keeps at any time (a category not listed: 1).
    min_open: dict[Code, Annotated[int, Meta(ge=0, le=500)]] = msgspec.field(default_factory=dict)


class StaffingFile(Table, frozen=True):
    target: TargetTable = msgspec.field(default_factory=TargetTable)
    hours: HoursTable = msgspec.field(default_factory=HoursTable)
    planned: dict[Weekday, dict[HourKey, Annotated[int, Meta(ge=0, le=500)]]] = msgspec.field(default_factory=dict)
    cover: CoverTable = msgspec.field(default_factory=CoverTable)
    breaks: Annotated[list[BreakEntry], Meta(max_length=2000)] = msgspec.field(default_factory=list)


ProductCode = Annotated[str, form(r"^[a-z0-9_]{1,40}$", "a product code in small letters")]


class ThresholdsTable(Table, frozen=True):
    floor_share: Share
    base_share: Share
    base_quota_pay: Money


class QualityBonusTable(Table, frozen=True):
    no_errors: Units = 0.0
    no_complaints: Units = 0.0
    min_visits: Count = 0


class DeductionsTable(Table, frozen=True):
    minor: Units = 0.0
    major: Units = 0.0
    complaint: Units = 0.0


class PieceRateFile(Table, frozen=True):
    currency: CurrencyCode
    unit_price: Money
    monthly_target_units: Annotated[float, Meta(gt=0, le=1e9)]
    thresholds: ThresholdsTable
    quality_bonus: QualityBonusTable = msgspec.field(default_factory=QualityBonusTable)
    deductions: DeductionsTable = msgspec.field(default_factory=DeductionsTable)
    # Units per accepted prompt by product code; "default" for a product not listed.
    cross_sell: dict[Annotated[str, form(r"^[a-z0-9_]{1,40}$", "a product code in small letters")], Units] = (
        msgspec.field(default_factory=dict)
    )
