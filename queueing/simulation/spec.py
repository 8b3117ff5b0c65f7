"""What a simulated branch day is made of: counters, hours, arrivals, service times.

A spec is plain data. It comes from command-line flags (``simple_spec``), from a
scenario file (queueing.simulation.scenario) or from a replayed day, and the simulator runs it.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, time

from queueing.core.categories import BranchConfig, PolicySettings, ServiceCategory
from queueing.core.tickets import PriorityClass

SERVICE_DISTRIBUTIONS = ("exp", "lognormal", "fixed")


@dataclass(frozen=True)
class ServiceTime:
    """A service time distribution: exponential, lognormal (mean and CV) or fixed."""

    mean_s: float
    dist: str = "exp"
    cv: float = 1.0  # only lognormal uses it: exponential has CV 1 and fixed 0 whatever this says

    def __post_init__(self) -> None:
        if self.dist not in SERVICE_DISTRIBUTIONS:
            raise ValueError(f"service distribution must be one of {', '.join(SERVICE_DISTRIBUTIONS)}")
        # Written so that NaN fails too: it compares false with every bound.
        if not (0 < self.mean_s < math.inf and 0 <= self.cv < math.inf):
            raise ValueError("service mean must be a finite number > 0 and CV a finite number >= 0")

    def sample(self, rng: random.Random) -> float:
        if self.dist == "exp":
            return rng.expovariate(1.0 / self.mean_s)
        if self.dist == "lognormal":
            sigma2 = math.log1p(self.cv * self.cv)
            return rng.lognormvariate(math.log(self.mean_s) - sigma2 / 2.0, math.sqrt(sigma2))
        return self.mean_s


@dataclass(frozen=True)
class Lunch:
    """A lunch break: the counter pauses at the first free moment from ``at``, for ``minutes``."""

    at: time
    minutes: float


@dataclass(frozen=True)
class CounterSpec:
    id: str
    name: str
    profile: dict[str, int]
    opens: time | None = None  # None: at the branch's opening
    closes: time | None = None  # None: when the queue is empty after closing
    lunch: Lunch | None = None


@dataclass(frozen=True)
class Arrival:
    """One customer: when (seconds after opening), what for, and the facts the branch cannot know yet."""

    offset_s: float
    category: str
    priority: PriorityClass
    service_s: float
    no_show: bool = False
    appointment_offset_s: float | None = None  # booked time, seconds after opening


@dataclass(frozen=True)
class SimulationSpec:
    config: BranchConfig
    counters: tuple[CounterSpec, ...]
    opening: time
    closing: time
    # Arrival rate (customers per hour) for each hour from opening; the kiosk closes at ``closing``.
    hourly_rates: tuple[float, ...]
    category_mix: dict[str, float]
    service: dict[str, ServiceTime]
    priority_mix: dict[PriorityClass, float] = field(default_factory=lambda: {PriorityClass.REGULAR: 1.0})
    days: int = 1
    start_date: date = date(2026, 11, 23)
    no_show_share: float = 0.0
    recall_interval_s: float = 30.0
    walk_s: float = 0.0  # from being called to standing at the counter
    warmup_s: float = 0.0  # customers issued this early in a day are left out of the figures
    name: str = "simulation"
    # Replayed days: when set, these customers arrive instead of sampled ones (one tuple per day).
    replay: tuple[tuple[Arrival, ...], ...] | None = None
    # Transaction types a finished visit of each category records, drawn alike; a category without
    # any records its own code (a plain queue has no catalogue).
    transaction_mix: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def open_seconds(self) -> float:
        return _seconds(self.closing) - _seconds(self.opening)


def _seconds(moment: time) -> float:
    return moment.hour * 3600.0 + moment.minute * 60.0 + moment.second


def seconds_after(start: time, moment: time) -> float:
    """Seconds from ``start`` to ``moment`` on the same day."""
    return _seconds(moment) - _seconds(start)


SIMPLE_CATEGORY = "SERVICE"


def simple_config(target_wait_s: float, mean_service_s: float) -> BranchConfig:
    """One category, everyone regular: plain first come, first served."""
    category = ServiceCategory(
        code=SIMPLE_CATEGORY,
        prefix="A",
        names={"en": "Service"},
        target_wait_s=target_wait_s,
        # Overdue tickets are called oldest first, which is FCFS order anyway in one class.
        max_wait_s=max(4.0 * target_wait_s, 3600.0),
        typical_service_s=mean_service_s,
    )
    return BranchConfig(categories={SIMPLE_CATEGORY: category}, policy=PolicySettings(), timezone="UTC")


def simple_spec(
    counters: int,
    arrival_rate_per_hour: float,
    service_mean_s: float,
    service_dist: str = "exp",
    hours: float = 8.0,
    days: int = 1,
    target_wait_s: float = 600.0,
    service_cv: float = 1.0,
    warmup_hours: float = 0.0,
    no_show_share: float = 0.0,
) -> SimulationSpec:
    """The M/M/c-like case from flags: c identical counters, Poisson arrivals, one queue."""
    # Each check is written so that NaN fails it (NaN compares false with every bound): an infinite rate never
    # ended, a NaN one simulated "0 customers", a NaN service time raised deep inside the simulator.
    if counters < 1:
        raise ValueError("at least one counter is needed")
    if not (0 < arrival_rate_per_hour < math.inf and days >= 1):
        raise ValueError("the arrival rate must be a finite number > 0 and days >= 1")
    if not 0 < hours <= 14:
        raise ValueError("a simulated day opens at 09:00 and must close before midnight (0 < hours <= 14)")
    if not 0 <= warmup_hours < hours:
        raise ValueError("warm-up must be shorter than the day")
    if not 0 <= target_wait_s < math.inf:
        raise ValueError("the target wait must be a finite number >= 0")
    if not 0 <= no_show_share <= 1:
        raise ValueError("the no-show share must be 0 to 1")
    opening = time(9, 0)
    close_s = 9 * 3600 + round(hours * 3600)
    closing = time(close_s // 3600, close_s % 3600 // 60, close_s % 60)
    whole = math.ceil(hours)
    return SimulationSpec(
        config=simple_config(target_wait_s, service_mean_s),
        counters=tuple(
            CounterSpec(id=f"C{i}", name=f"Counter {i}", profile={SIMPLE_CATEGORY: 1}) for i in range(1, counters + 1)
        ),
        opening=opening,
        closing=closing,
        hourly_rates=(float(arrival_rate_per_hour),) * whole,
        category_mix={SIMPLE_CATEGORY: 1.0},
        service={SIMPLE_CATEGORY: ServiceTime(service_mean_s, service_dist, service_cv)},
        days=days,
        warmup_s=warmup_hours * 3600.0,
        no_show_share=no_show_share,
        name=f"{counters} counters, {arrival_rate_per_hour:g}/h, {service_dist} service {service_mean_s:g} s",
    )
