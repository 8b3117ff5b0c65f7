"""Schema of a simulation scenario (resources/scenarios/*.toml)."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from queueing.config.schemas.common import ClockTimeSeconds, Code, Level, MinutesOrZero, Share, Table, Text
from queueing.core.tickets import PriorityClass

Weight = Annotated[float, Meta(ge=0, le=1e6)]


class ScenarioTable(Table):
    opening: ClockTimeSeconds
    closing: ClockTimeSeconds
    name: Text | None = None
    categories: Annotated[str, Meta(min_length=1, max_length=1000)] | None = None
    days: Annotated[int, Meta(ge=1, le=366)] = 1
    start_date: datetime.date = datetime.date(2026, 11, 23)
    no_show_share: Share = 0.0
    recall_interval_s: Annotated[float, Meta(ge=1, le=3600)] = 30.0
    walk_s: Annotated[float, Meta(ge=0, le=3600)] = 15.0
    warmup_min: MinutesOrZero = 0.0


class ArrivalsTable(Table):
    per_hour: Annotated[list[Annotated[float, Meta(ge=0, le=100_000)]], Meta(min_length=1, max_length=24)]
    category_mix: dict[Code, Weight]
    priority_mix: dict[PriorityClass, Weight] | None = None


class ServiceTable(Table):
    mean_min: Annotated[float, Meta(ge=0.01, le=24 * 60)]
    dist: Literal["exp", "lognormal", "fixed"] = "lognormal"
    cv: Annotated[float, Meta(ge=0, le=10)] = 0.7


class LunchTable(Table):
    at: ClockTimeSeconds
    minutes: Annotated[float, Meta(ge=1, le=24 * 60)]


class CounterEntry(Table):
    id: Code
    profile: Annotated[dict[Code, Level], Meta(min_length=1)]
    name: Annotated[str, Meta(max_length=40)] | None = None
    opens: ClockTimeSeconds | None = None
    closes: ClockTimeSeconds | None = None
    lunch: LunchTable | None = None


class ScenarioFile(Table):
    scenario: ScenarioTable
    arrivals: ArrivalsTable
    counter: Annotated[list[CounterEntry], Meta(min_length=1, max_length=200)]
    service: dict[Code, ServiceTable] = msgspec.field(default_factory=dict)
