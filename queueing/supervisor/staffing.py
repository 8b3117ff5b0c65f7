"""Staffing advice: counters needed per hour of a working day to meet the service target.

Demand for each hour comes from the same weekday and hour over the last weeks;
Erlang C gives the fewest counters that serve ``target_level`` of customers
within the target wait, and the simulator, which runs the branch's real calling
policy, checks that answer. Where the simulation falls short, one more counter
is advised and checked again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from queueing.config.files import config_file, read_text, refuse
from queueing.core.categories import BranchConfig
from queueing.simulation.report import summarise
from queueing.simulation.simulator import simulate
from queueing.simulation.spec import simple_spec
from queueing.supervisor.break_plan import RotaBreak, rota_from_entries
from queueing.supervisor.staffing_file import STAFFING_FILE, parse_staffing_file
from queueing.waits.erlang import counters_needed, service_level


@dataclass(frozen=True)
class StaffingSettings:
    target_level: float = 0.8  # share of customers served within the target wait
    target_wait_s: float | None = None  # None: the arrival-weighted target of the categories
    opening_hour: int = 9
    closing_hour: int = 17
    weeks: int = 4
    # Counters planned per weekday (0 = Monday) and hour; a missing hour means none planned.
    planned: dict[int, dict[int, int]] = field(default_factory=dict)
    sim_days: int = 20
    max_extra: int = 2  # counters the simulator check may add over the Erlang C answer
    # Lunch cover: warn this long before a break that would leave a category under-served.
    cover_lead_s: float = 1800.0
    min_open: dict[str, int] = field(default_factory=dict)  # fewest open counters per category (default 1)
    rota: tuple[RotaBreak, ...] = ()  # tellers' standing breaks


@dataclass(frozen=True)
class HourDemand:
    """Arrivals seen in one hour of the day, summed over ``days`` past days, with their mean service times."""

    hour: int
    arrivals: dict[str, int]
    days: int
    service_s: dict[str, float]


@dataclass(frozen=True)
class StaffingHour:
    hour: int
    arrivals_per_hour: float
    mean_service_s: float
    target_wait_s: float
    erlang_counters: int
    erlang_level: float
    simulated_level: float | None  # at the advised number; None when nobody arrives
    advised: int
    planned: int | None


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def parse_staffing_settings(
    text: str, source: str = "<text>", known_categories: Iterable[str] | None = None
) -> StaffingSettings:
    """``known_categories`` checks the category codes of ``[cover] min_open`` when given."""
    doc = parse_staffing_file(text, source)
    known = set(known_categories) if known_categories is not None else None
    unknown = sorted(code for code in doc.cover.min_open if known is not None and code not in known)
    if unknown:
        raise refuse(source, f"cover.min_open.{unknown[0]}", "is not a category in categories.toml")
    return StaffingSettings(
        target_level=doc.target.level,
        target_wait_s=doc.target.wait_min * 60.0 if doc.target.wait_min is not None else None,
        opening_hour=doc.hours.opening,
        closing_hour=doc.hours.closing,
        planned={
            _WEEKDAYS.index(day): {int(hour): count for hour, count in table.items()}
            for day, table in doc.planned.items()
        },
        cover_lead_s=doc.cover.lead_min * 60.0,
        min_open=dict(doc.cover.min_open),
        rota=rota_from_entries(doc.breaks),
    )


def load_staffing_settings(
    path: Path | str | None = None, known_categories: Iterable[str] | None = None
) -> StaffingSettings:
    file = Path(path) if path else config_file(STAFFING_FILE.name)
    text = read_text(file)
    return parse_staffing_settings(text, str(file), known_categories)


def pooled_figures(demand: HourDemand, config: BranchConfig) -> tuple[float, float, float]:
    """Arrival rate per hour, arrival-weighted mean service and target wait (seconds) of one hour."""
    total = sum(demand.arrivals.values())
    if total == 0 or demand.days == 0:
        return 0.0, 0.0, 0.0
    service = sum(n * demand.service_s.get(c, config.category(c).typical_service_s) for c, n in demand.arrivals.items())
    target = sum(n * config.category(c).target_wait_s for c, n in demand.arrivals.items())
    return total / demand.days, service / total, target / total


def simulated_level(counters: int, per_hour: float, mean_s: float, target_s: float, days: int, seed: int = 7) -> float:
    """Share served within ``target_s`` when the engine runs ``counters`` counters for this hour's demand.

    Each simulated day runs three hours at the hour's rate and counts only the last two,
    so the queue has reached its usual length (the branch is not empty at 11:00).
    """
    spec = simple_spec(
        counters=counters,
        arrival_rate_per_hour=per_hour,
        service_mean_s=mean_s,
        hours=3.0,
        days=days,
        target_wait_s=target_s,
        warmup_hours=1.0,
    )
    return float(summarise(simulate(spec, seed=seed, keep_events=False, estimates=False))["within_target"])


def advise_hour(
    demand: HourDemand, config: BranchConfig, settings: StaffingSettings, planned: int | None, check: bool = True
) -> StaffingHour:
    """Erlang C's answer for one hour, checked (and if need be raised) by simulation."""
    per_hour, mean_s, target_s = pooled_figures(demand, config)
    target_s = settings.target_wait_s or target_s
    if per_hour == 0:
        return StaffingHour(demand.hour, 0.0, 0.0, target_s, 0, 1.0, None, 0, planned)
    rate = per_hour / 3600.0
    erlang = counters_needed(rate, mean_s, target_s, settings.target_level)
    level = service_level(erlang, rate, mean_s, target_s)
    advised, simulated = erlang, None
    if check:
        simulated = simulated_level(advised, per_hour, mean_s, target_s, settings.sim_days)
        while simulated < settings.target_level and advised < erlang + settings.max_extra:
            advised += 1
            simulated = simulated_level(advised, per_hour, mean_s, target_s, settings.sim_days)
    return StaffingHour(demand.hour, per_hour, mean_s, target_s, erlang, level, simulated, advised, planned)


def advise_day(
    demands: Mapping[int, HourDemand],
    config: BranchConfig,
    settings: StaffingSettings,
    weekday: int,
    check: bool = True,
) -> list[StaffingHour]:
    """One row per opening hour of ``weekday`` (0 = Monday)."""
    planned = settings.planned.get(weekday, {})
    rows = []
    for hour in range(settings.opening_hour, settings.closing_hour):
        demand = demands.get(hour) or HourDemand(hour, {}, 1, {})
        rows.append(advise_hour(demand, config, settings, planned.get(hour), check))
    return rows
