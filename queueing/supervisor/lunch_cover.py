"""Lunch cover: will a planned break leave a category under-served, and what would keep it served?

For each break starting within the lead time (or under way), and each category the teller's counter serves,
the counters left staffed during the break are counted (counters whose teller is on a break then, or still
paused for lunch or a break at the counter, do not count) and Erlang C gives the expected mean wait with the
hour's forecast arrivals (the busiest hour the break touches). The break is flagged when fewer counters stay
open than the category's minimum, or the expected wait is over the category's target. The advice is concrete:

- how many counters the category needs during the break: Erlang C's answer (at least the minimum), checked
  by simulating that many counters for the hour's demand and raised (at most ``MAX_EXTRA`` times) while the
  simulated mean wait stays over the target, as the staffing advice does,
- a closed counter that serves the category and could open for the break,
- the nearest start for the same break, in steps of ``step_min``, within opening hours and not in the past,
  at which the category stays served (none when no start would: a category only that counter serves).

Pure: the supervisor service passes the counters, the breaks and the forecast.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from queueing.core.categories import BranchConfig
from queueing.core.counters import CounterStatus
from queueing.simulation.report import summarise
from queueing.simulation.simulator import simulate
from queueing.simulation.spec import simple_spec
from queueing.supervisor.alerts import Alert, AlertKind, CounterLike, Severity
from queueing.supervisor.break_plan import Break
from queueing.supervisor.staffing import HourDemand
from queueing.waits.erlang import mean_wait

MAX_COUNTERS = 200
MAX_EXTRA = 2  # counters the simulation check may add to Erlang C's answer
SIM_DAYS = 10


@dataclass(frozen=True)
class CoverSettings:
    lead_s: float = 1800.0
    min_open: dict[str, int] = field(default_factory=dict)  # a category not listed keeps 1 open
    opening_hour: int = 9
    closing_hour: int = 17
    step_min: int = 15
    # How long a counter paused for lunch or a break (at the station, off the rota) stays away from when it paused:
    # it covers nobody's break until then. The pause alerts' limits (resources/alerts.toml) by default.
    pause_s: dict[str, float] = field(default_factory=lambda: {"lunch": 3600.0, "break": 900.0})

    def minimum(self, category: str) -> int:
        return self.min_open.get(category, 1)


@dataclass(frozen=True)
class Load:
    """Forecast arrivals per hour of one category and its mean service time."""

    per_hour: float
    mean_service_s: float


Forecast = Mapping[int, Mapping[str, Load]]  # local hour -> category -> load


def forecast_from_history(history: Mapping[int, HourDemand], config: BranchConfig) -> dict[int, dict[str, Load]]:
    """Per hour and category: arrivals per day on the same weekday in past weeks, with their service times."""
    forecast: dict[int, dict[str, Load]] = {}
    for hour, demand in history.items():
        days = max(1, demand.days)
        forecast[hour] = {
            code: Load(count / days, demand.service_s.get(code) or config.category(code).typical_service_s)
            for code, count in demand.arrivals.items()
            if code in config.categories
        }
    return forecast


def expected_wait(counters: int, load: Load | None) -> float:
    """Erlang C's mean wait in seconds; infinite with no counter (or not enough) for the arrivals."""
    if load is None or load.per_hour <= 0:
        return 0.0
    if counters <= 0:
        return math.inf
    return mean_wait(counters, load.per_hour / 3600.0, load.mean_service_s)


def counters_for(load: Load | None, target_s: float, minimum: int) -> int:
    """Fewest counters (at least ``minimum``) whose expected wait is within ``target_s``."""
    for counters in range(max(minimum, 1), MAX_COUNTERS + 1):
        if expected_wait(counters, load) <= target_s:
            return counters
    return MAX_COUNTERS


@lru_cache(maxsize=512)
def simulated_wait(counters: int, per_hour: float, mean_service_s: float, target_s: float) -> float:
    """Mean wait when the engine runs ``counters`` counters for this demand (three hours a day, the first as
    warm-up, over ``SIM_DAYS`` days). Cached: the supervisor's screen asks again every poll."""
    spec = simple_spec(
        counters=counters,
        arrival_rate_per_hour=per_hour,
        service_mean_s=mean_service_s,
        hours=3.0,
        days=SIM_DAYS,
        target_wait_s=target_s,
        warmup_hours=1.0,
    )
    return float(summarise(simulate(spec, seed=7, keep_events=False, estimates=False))["mean_wait_s"])


def checked_counters(load: Load | None, target_s: float, minimum: int) -> tuple[int, float | None]:
    """Erlang C's counters for the target, raised while the simulation's mean wait is over it; and that wait."""
    needed = counters_for(load, target_s, minimum)
    if load is None or load.per_hour <= 0 or needed >= MAX_COUNTERS:
        return needed, None
    per_hour, mean_s = round(load.per_hour, 3), round(load.mean_service_s, 1)
    wait = simulated_wait(needed, per_hour, mean_s, target_s)
    for _ in range(MAX_EXTRA):
        if wait <= target_s:
            break
        needed += 1
        wait = simulated_wait(needed, per_hour, mean_s, target_s)
    return needed, wait


@dataclass(frozen=True)
class _Window:
    start: datetime
    end: datetime


class CoverCheck:
    """One day's breaks, counters and forecast; answers what a break would do to each category."""

    def __init__(
        self,
        breaks: Sequence[Break],
        counters: Sequence[CounterLike],
        forecast: Forecast,
        config: BranchConfig,
        settings: CoverSettings,
    ) -> None:
        self.breaks, self.counters, self.forecast = breaks, counters, forecast
        self.config, self.settings = config, settings
        self.zone = ZoneInfo(config.timezone)

    def _staff(self, counter: CounterLike) -> str | None:
        return getattr(counter, "staff_id", None)

    def counter_of(self, staff_id: str) -> CounterLike | None:
        """The counter the teller holds now (open or paused)."""
        for counter in self.counters:
            if self._staff(counter) == staff_id and counter.status in (CounterStatus.OPEN, CounterStatus.PAUSED):
                return counter
        return None

    def _away(self, window: _Window, plan: Iterable[Break]) -> set[str]:
        tz = self.config.timezone
        return {b.staff_id for b in plan if b.span(tz)[0] < window.end and window.start < b.span(tz)[1]}

    def _paused_away(self, counter: CounterLike, window: _Window) -> bool:
        """A counter paused for lunch or a break is away until its pause's time is up (for the whole window when
        its pause has no start known), whatever the rota says: its teller covers nobody meanwhile."""
        if counter.status != CounterStatus.PAUSED:
            return False
        limit = self.settings.pause_s.get(counter.pause_reason or "")
        if limit is None:
            return False  # back office, other: the teller is in the branch and can come back to the window
        if counter.status_since is None:
            return True
        return window.start < counter.status_since + timedelta(seconds=limit)

    def staffed(self, category: str, window: _Window, plan: Iterable[Break]) -> int:
        """Counters serving ``category`` whose teller is at work throughout ``window``: not on a break of the
        plan then, nor still away on a lunch or break pause taken at the counter."""
        away = self._away(window, plan)
        return sum(
            1
            for c in self.counters
            if category in c.profile
            and c.status in (CounterStatus.OPEN, CounterStatus.PAUSED)
            and self._staff(c) not in away
            and not self._paused_away(c, window)
        )

    def load(self, category: str, window: _Window) -> Load | None:
        """The busiest forecast hour the window touches."""
        hour = window.start.astimezone(self.zone).replace(minute=0, second=0, microsecond=0)
        loads = []
        while hour < window.end:
            loads.append(self.forecast.get(hour.hour, {}).get(category))
            hour += timedelta(hours=1)
        known = [load for load in loads if load is not None]
        return max(known, key=lambda load: load.per_hour * load.mean_service_s, default=None)

    def short_of(self, category: str, window: _Window, plan: Sequence[Break]) -> tuple[int, float] | None:
        """(counters staffed, expected wait) when ``category`` is under-served in ``window``; None when fine."""
        staffed = self.staffed(category, window, plan)
        wait = expected_wait(staffed, self.load(category, window))
        target = self.config.category(category).target_wait_s
        if staffed < self.settings.minimum(category) or wait > target:
            return staffed, wait
        return None

    def window(self, b: Break) -> _Window:
        return _Window(*b.span(self.config.timezone))

    def better_start(self, b: Break, categories: Sequence[str], now: datetime) -> time | None:
        """The nearest start of the same break at which every category stays served, or None."""
        step = timedelta(minutes=self.settings.step_min)
        local_start = self.window(b).start.astimezone(self.zone)
        opening = local_start.replace(hour=self.settings.opening_hour, minute=0)
        closing = local_start.replace(hour=min(self.settings.closing_hour, 23), minute=0)
        others = [other for other in self.breaks if other.id != b.id]
        for n in range(1, 48):
            for sign in (1, -1):
                candidate = local_start + sign * n * step
                if candidate < opening or candidate + timedelta(minutes=b.minutes) > closing or candidate < now:
                    continue
                if candidate.date() != b.day:
                    continue
                moved = b.moved_to(candidate.time())
                plan = [*others, moved]
                if all(self.short_of(code, self.window(moved), plan) is None for code in categories):
                    return candidate.time()
        return None

    def closed_counter(self, category: str) -> CounterLike | None:
        closed = [c for c in self.counters if category in c.profile and c.status == CounterStatus.CLOSED]
        return min(closed, key=lambda c: c.id, default=None)


def cover_alerts(now: datetime, check: CoverCheck) -> list[Alert]:
    """Alerts for breaks starting within the lead time or under way that leave a category under-served."""
    alerts = []
    for b in check.breaks:
        window = check.window(b)
        if not (window.start - timedelta(seconds=check.settings.lead_s) <= now < window.end):
            continue
        counter = check.counter_of(b.staff_id)
        if counter is None:
            continue  # not at a counter today: the break takes no counter away
        categories = sorted(code for code in counter.profile if code in check.config.categories)
        checked = {code: check.short_of(code, window, check.breaks) for code in categories}
        short = {code: found for code, found in checked.items() if found is not None}
        if not short:
            continue
        for code, (staffed, wait) in short.items():
            move_to = check.better_start(b, [code], now)
            load = check.load(code, window)
            target = check.config.category(code).target_wait_s
            minimum = check.settings.minimum(code)
            opener = check.closed_counter(code)
            needed, simulated = checked_counters(load, target, minimum)
            facts = {
                "break_id": b.id,
                "staff_id": b.staff_id,
                "counter_name": counter.name,
                "category": code,
                "start": window.start,
                "end": window.end,
                "under_way": window.start <= now,
                "open_during": staffed,
                "wait_s": wait,
                "wait_without_s": expected_wait(staffed + 1, load),
                "target_s": target,
                "min_open": minimum,
                "needed": needed,
                "simulated_wait_s": simulated,
                "open_counter": opener.name if opener is not None else None,
                "move_to": f"{move_to:%H:%M}" if move_to is not None else None,
            }
            severity = Severity.CRITICAL if window.start <= now or staffed < minimum else Severity.WARNING
            alerts.append(Alert(AlertKind.BREAK_COVER, severity, f"{b.id}/{code}", facts))
    return alerts
