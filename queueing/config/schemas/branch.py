"""Schemas of the branch's own catalogue: categories.toml, tiers.toml, transaction_types.toml."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from queueing.config.schemas.common import Code, Minutes, MinutesOrZero, Names, ShownNames, Table, Units, form
from queueing.core.tickets import PriorityClass


class BranchTable(Table, frozen=True):
    timezone: Annotated[str, Meta(min_length=1, max_length=64)] = "UTC"
    # The country a phone number typed without its country code belongs to ("CN"); default: the time zone's.
    region: Annotated[str, form(r"^[A-Za-z]{2}$", 'a two-letter ISO 3166 country code like "CN" or "MX"')] | None = None


class PolicyTable(Table, frozen=True):
    max_recalls: Annotated[int, Meta(ge=0, le=20)] = 3
    smoothing_span: Annotated[int, Meta(ge=1, le=10_000)] = 20
    head_start_min: dict[PriorityClass, MinutesOrZero] = msgspec.field(default_factory=dict)


class CategoryEntry(Table, frozen=True):
    code: Code
    prefix: Annotated[str, form(r"^[A-Z]$", "one capital letter A to Z")]
    target_wait_min: Minutes
    max_wait_min: Minutes
    typical_service_min: Minutes
    names: ShownNames
    # Fair service: after this wait any counter calls the ticket (default: the target wait) ...
    any_counter_after_min: Minutes | None = None
    # ... unless only the category's own counters can do its business.
    specialist: bool = False


class CategoriesFile(Table, frozen=True):
    category: Annotated[list[CategoryEntry], Meta(min_length=1, max_length=26)]
    branch: BranchTable = msgspec.field(default_factory=BranchTable)
    policy: PolicyTable = msgspec.field(default_factory=PolicyTable)


class TierEntry(Table, frozen=True):
    code: Code
    # An amount as written ("50000.00" as a string keeps its cents exactly).
    min_aum: (
        Annotated[int, Meta(ge=0, le=10**15)]
        | Annotated[float, Meta(ge=0, le=1e15)]
        | Annotated[str, Meta(max_length=32)]
    )
    names: Names
    vip: bool = False  # the kiosk gives this tier's customers the VIP head start


class TiersFile(Table, frozen=True):
    currency: Annotated[str, form(r"^[A-Za-z]{3}$", "a three-letter currency code")]
    tier: Annotated[list[TierEntry], Meta(min_length=1, max_length=20)]


class UnitsTable(Table, frozen=True):
    base: Units
    over: Literal["none", "amount", "count"] = "none"
    rounding: Literal["down", "up", "exact"] = "down"
    per_step: Units | None = None
    step: Annotated[float, Meta(gt=0, le=1e12)] | None = None
    included: Annotated[float, Meta(ge=0, le=1e12)] | None = None
    # The most steps one item earns (a counted batch is one item): a slip of a zero or a made-up amount typed at
    # the finish earns no more than this. None: no cap.
    max_steps: Annotated[float, Meta(gt=0, le=1e6)] | None = None


class TransactionTypeEntry(Table, frozen=True):
    code: Code
    names: Names
    units: UnitsTable
    standard_min: Minutes
    categories: Annotated[list[Code], Meta(min_length=1, max_length=26)]
    # The shortest service that earns units without a supervisor's approval; None: a tenth of standard_min.
    min_service_min: MinutesOrZero | None = None


class TransactionTypesFile(Table, frozen=True):
    type: Annotated[list[TransactionTypeEntry], Meta(min_length=1, max_length=500)]
