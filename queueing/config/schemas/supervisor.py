"""Schemas of the supervisor's settings: alerts.toml, staffing.toml, piece_rate.toml."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from queueing.config.schemas.common import Count, CurrencyCode, Minutes, MinutesOrZero, Money, Share, Table, Units, form


class OverdueTable(Table):
    min_tickets: Count = 1


class UnderstaffedTable(Table):
    min_waiting: Count = 6
    max_waiting_per_counter: Units = 4.0


class IdleTable(Table):
    grace_min: MinutesOrZero = 2.0
    min_waiting: Count = 1


class PauseTable(Table):
    """One limit per pause reason (queueing.core.counters.PauseReason)."""

    lunch_min: MinutesOrZero = 60.0
    break_min: MinutesOrZero = 15.0
    back_office_min: MinutesOrZero = 30.0
    other_min: MinutesOrZero = 20.0


class AlertsFile(Table):
    overdue: OverdueTable = msgspec.field(default_factory=OverdueTable)
    understaffed: UnderstaffedTable = msgspec.field(default_factory=UnderstaffedTable)
    idle: IdleTable = msgspec.field(default_factory=IdleTable)
    pause: PauseTable = msgspec.field(default_factory=PauseTable)


Hour = Annotated[int, Meta(ge=0, le=24)]
HourKey = Annotated[str, form(r"^([0-9]|1[0-9]|2[0-3])$", 'an hour "0" to "23"')]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class TargetTable(Table):
    level: Annotated[float, Meta(gt=0, lt=1, description="a share, 0.8 = 80%")] = 0.8
    wait_min: Minutes | None = None


class HoursTable(Table):
    opening: Hour = 9
    closing: Hour = 17


class StaffingFile(Table):
    target: TargetTable = msgspec.field(default_factory=TargetTable)
    hours: HoursTable = msgspec.field(default_factory=HoursTable)
    planned: dict[Weekday, dict[HourKey, Annotated[int, Meta(ge=0, le=500)]]] = msgspec.field(default_factory=dict)


ProductCode = Annotated[str, form(r"^[a-z0-9_]{1,40}$", "a product code in small letters")]


class ThresholdsTable(Table):
    floor_share: Share
    base_share: Share
    base_quota_pay: Money


class QualityBonusTable(Table):
    no_errors: Units = 0.0
    no_complaints: Units = 0.0
    min_visits: Count = 0


class DeductionsTable(Table):
    minor: Units = 0.0
    major: Units = 0.0
    complaint: Units = 0.0


class PieceRateFile(Table):
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
