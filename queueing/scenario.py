"""Simulation scenarios from TOML files, and replayed days from CSV files.

Every error names the file and the field, so that a supervisor can fix a
scenario without reading code. The format is shown in resources/scenarios/.
"""

from __future__ import annotations

import csv
import math
from dataclasses import replace
from datetime import date, time
from pathlib import Path
from typing import Any

from queueing.categories import BranchConfig, default_config_path, load_branch_config
from queueing.config_files import parse_toml, read_text
from queueing.counters import LEVELS
from queueing.errors import ConfigError
from queueing.simulation_spec import (
    SERVICE_DISTRIBUTIONS,
    Arrival,
    CounterSpec,
    Lunch,
    ServiceTime,
    SimulationSpec,
    seconds_after,
)
from queueing.tickets import PriorityClass

# A category without a [service.X] table: its typical time, spread like counter work usually is.
DEFAULT_SERVICE_CV = 0.7


def _time(value: object, where: str) -> time:
    if isinstance(value, str):
        try:
            return time.fromisoformat(value)
        except ValueError:
            pass
    raise ConfigError(f'{where} must be a time of day like "09:30", got {value!r}')


def _number(raw: dict[str, Any], key: str, where: str, default: float | None = None, minimum: float = 0.0) -> float:
    value = raw.get(key, default)
    if not isinstance(value, int | float) or isinstance(value, bool) or value < minimum:
        raise ConfigError(f"{where} '{key}' must be a number >= {minimum:g}, got {value!r}")
    return float(value)


def _table(raw: dict[str, Any], key: str, where: str, required: bool = True) -> dict[str, Any]:
    value = raw.get(key)
    if value is None and not required:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(f"{where} [{key}] table is missing")
    return value


def _mix(raw: dict[str, Any], where: str, known: list[str]) -> dict[str, float]:
    mix: dict[str, float] = {}
    for key in raw:
        if key not in known:
            raise ConfigError(f"{where} unknown key {key!r} (known: {', '.join(known)})")
        mix[key] = _number(raw, key, where)
    if sum(mix.values()) <= 0:
        raise ConfigError(f"{where} needs at least one share above zero")
    return mix


def _service(raw: dict[str, Any], config: BranchConfig, where: str) -> dict[str, ServiceTime]:
    service = {
        code: ServiceTime(cat.typical_service_s, "lognormal", DEFAULT_SERVICE_CV)
        for code, cat in config.categories.items()
    }
    for code, entry in raw.items():
        here = f"{where} [service.{code}]"
        if code not in config.categories:
            raise ConfigError(f"{here} is not a service category of the branch")
        if not isinstance(entry, dict):
            raise ConfigError(f"{here} must be a table")
        dist = entry.get("dist", "lognormal")
        if dist not in SERVICE_DISTRIBUTIONS:
            raise ConfigError(f"{here} 'dist' must be one of {', '.join(SERVICE_DISTRIBUTIONS)}, got {dist!r}")
        mean_s = _number(entry, "mean_min", here, minimum=0.01) * 60.0
        service[code] = ServiceTime(mean_s, dist, _number(entry, "cv", here, DEFAULT_SERVICE_CV))
    return service


def _counter(raw: object, index: int, config: BranchConfig, where: str) -> CounterSpec:
    here = f"{where} [[counter]] #{index}"
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not raw["id"]:
        raise ConfigError(f"{here} 'id' is missing")
    here = f"{here} ({raw['id']})"
    profile = raw.get("profile")
    if not isinstance(profile, dict) or not profile:
        raise ConfigError(f"{here} 'profile' must map categories to levels 1-4")
    for code, level in profile.items():
        if code not in config.categories:
            raise ConfigError(f"{here} 'profile' names unknown category {code!r}")
        if level not in LEVELS or isinstance(level, bool):
            raise ConfigError(f"{here} 'profile' level for {code} must be 1 to 4, got {level!r}")
    lunch = None
    if "lunch" in raw:
        entry = raw["lunch"]
        if not isinstance(entry, dict):
            raise ConfigError(f"{here} 'lunch' must be a table like {{ at = \"12:00\", minutes = 45 }}")
        at = _time(entry.get("at"), f"{here} 'lunch.at'")
        lunch = Lunch(at, _number(entry, "minutes", f"{here} lunch", minimum=1))
    return CounterSpec(
        id=raw["id"],
        name=str(raw.get("name", raw["id"])),
        profile=dict(profile),
        opens=_time(raw["opens"], f"{here} 'opens'") if "opens" in raw else None,
        closes=_time(raw["closes"], f"{here} 'closes'") if "closes" in raw else None,
        lunch=lunch,
    )


def _check_counters(counters: list[CounterSpec], mix: dict[str, float], opening: time, where: str) -> None:
    ids = [c.id for c in counters]
    if not counters:
        raise ConfigError(f"{where} no [[counter]] entries")
    if len(set(ids)) != len(ids):
        raise ConfigError(f"{where} [[counter]] ids must be unique")
    for code, share in mix.items():
        # Someone must still be there at closing, or the last customers would wait forever.
        if share > 0 and not any(code in c.profile and c.closes is None for c in counters):
            raise ConfigError(f"{where} category {code!r} has no counter open until the queue is empty")
    for c in counters:
        for label, moment in (("opens", c.opens), ("closes", c.closes), ("lunch.at", c.lunch and c.lunch.at)):
            if moment is not None and seconds_after(opening, moment) < 0:
                raise ConfigError(f"{where} [[counter]] ({c.id}) '{label}' is before the branch opens")


def parse_scenario(text: str, source: str = "<scenario>", base_dir: Path | None = None) -> SimulationSpec:
    raw = parse_toml(text, source)
    where = f"{source}:"
    head = _table(raw, "scenario", where)
    config = _branch_config(head, base_dir, where)
    opening = _time(head.get("opening"), f"{where} [scenario] 'opening'")
    closing = _time(head.get("closing"), f"{where} [scenario] 'closing'")
    open_s = seconds_after(opening, closing)
    if open_s <= 0:
        raise ConfigError(f"{where} [scenario] 'closing' must be after 'opening'")
    arrivals = _table(raw, "arrivals", where)
    rates = arrivals.get("per_hour")
    hours = math.ceil(open_s / 3600.0)
    if not isinstance(rates, list) or len(rates) != hours:
        raise ConfigError(f"{where} [arrivals] 'per_hour' must list {hours} hourly rates, one per opening hour")
    for hour, rate in enumerate(rates):
        if not isinstance(rate, int | float) or isinstance(rate, bool) or rate < 0:
            raise ConfigError(f"{where} [arrivals] 'per_hour' entry {hour + 1} must be >= 0, got {rate!r}")
    category_raw = _table(arrivals, "category_mix", f"{where} [arrivals]")
    category_mix = _mix(category_raw, f"{where} [arrivals.category_mix]", list(config.categories))
    classes = [str(p) for p in PriorityClass]
    priority_raw = _table(arrivals, "priority_mix", f"{where} [arrivals]", required=False) or {"regular": 1.0}
    priority_mix = _mix(priority_raw, f"{where} [arrivals.priority_mix]", classes)
    counters_raw = raw.get("counter", [])
    if not isinstance(counters_raw, list):
        raise ConfigError(f"{where} 'counter' must be [[counter]] entries")
    counters = [_counter(entry, i, config, where) for i, entry in enumerate(counters_raw, start=1)]
    _check_counters(counters, category_mix, opening, where)
    days = head.get("days", 1)
    if not isinstance(days, int) or isinstance(days, bool) or days < 1:
        raise ConfigError(f"{where} [scenario] 'days' must be a whole number >= 1, got {days!r}")
    start = head.get("start_date", date(2026, 11, 23))
    if not isinstance(start, date):
        raise ConfigError(f"{where} [scenario] 'start_date' must be a TOML date like 2026-11-23")
    no_show = _number(head, "no_show_share", f"{where} [scenario]", 0.0)
    if no_show > 1:
        raise ConfigError(f"{where} [scenario] 'no_show_share' must be a share between 0 and 1")
    return SimulationSpec(
        config=config,
        counters=tuple(counters),
        opening=opening,
        closing=closing,
        hourly_rates=tuple(float(r) for r in rates),
        category_mix=category_mix,
        service=_service(_table(raw, "service", where, required=False), config, where),
        priority_mix={PriorityClass(k): v for k, v in priority_mix.items()},
        days=days,
        start_date=start,
        no_show_share=no_show,
        recall_interval_s=_number(head, "recall_interval_s", f"{where} [scenario]", 30.0, minimum=1.0),
        walk_s=_number(head, "walk_s", f"{where} [scenario]", 15.0),
        warmup_s=_number(head, "warmup_min", f"{where} [scenario]", 0.0) * 60.0,
        name=str(head.get("name", Path(source).stem)),
    )


def _branch_config(head: dict[str, Any], base_dir: Path | None, where: str) -> BranchConfig:
    name = head.get("categories")
    if name is None:
        return load_branch_config(default_config_path())
    if not isinstance(name, str):
        raise ConfigError(f"{where} [scenario] 'categories' must be a file path")
    path = Path(name)
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    try:
        return load_branch_config(path)
    except ConfigError as exc:
        raise ConfigError(f"{where} [scenario] 'categories': {exc}") from None


def load_scenario(path: Path | str) -> SimulationSpec:
    file = Path(path)
    text = read_text(file)
    return parse_scenario(text, str(file), file.parent)


# -- replayed days ------------------------------------------------------------
REPLAY_COLUMNS = ("arrival", "category", "priority", "service_s")


def replay_base(counters: int, hours: float, config: BranchConfig | None = None) -> SimulationSpec:
    """A spec for replaying without a scenario: ``counters`` windows that serve every category alike."""
    if counters < 1 or not 0 < hours <= 14:
        raise ValueError("a replay needs at least one counter and 0 < hours <= 14")
    config = config or load_branch_config()
    every = {code: 1 for code in config.categories}
    close_s = 9 * 3600 + round(hours * 3600)
    return SimulationSpec(
        config=config,
        counters=tuple(CounterSpec(f"C{i}", f"Counter {i}", dict(every)) for i in range(1, counters + 1)),
        opening=time(9, 0),
        closing=time(close_s // 3600, close_s % 3600 // 60, close_s % 60),
        hourly_rates=(0.0,) * math.ceil(hours),
        category_mix=dict.fromkeys(config.categories, 1.0),
        service={code: ServiceTime(cat.typical_service_s) for code, cat in config.categories.items()},
    )


def load_replay(path: Path | str, spec: SimulationSpec) -> SimulationSpec:
    """``spec`` with its customers replaced by the rows of a CSV file.

    Columns: arrival (local time HH:MM[:SS]), category, priority, service_s; optional
    day (1, 2, ...; default 1), no_show (0/1) and appointment (booked time HH:MM).
    """
    file = Path(path)
    try:
        with file.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
            columns = rows[0].keys() if rows else []
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read: {exc.strerror}") from None
    missing = [c for c in REPLAY_COLUMNS if c not in columns]
    if not rows or missing:
        raise ConfigError(f"{file}: needs a header and rows with columns {', '.join(missing or REPLAY_COLUMNS)}")
    days: dict[int, list[Arrival]] = {}
    for line, row in enumerate(rows, start=2):
        day, arrival = _replay_row(row, spec, f"{file}: line {line}")
        days.setdefault(day, []).append(arrival)
    count = max(days)
    per_day = tuple(tuple(sorted(days.get(d, []), key=lambda a: a.offset_s)) for d in range(1, count + 1))
    return replace(spec, replay=per_day, days=count, name=f"replay of {file.name}")


def _replay_row(row: dict[str, str], spec: SimulationSpec, where: str) -> tuple[int, Arrival]:
    offset = _offset(row["arrival"], spec, f"{where} 'arrival'")
    if not 0 <= offset < spec.open_seconds:
        raise ConfigError(f"{where} 'arrival' {row['arrival']} is outside opening hours")
    category = (row["category"] or "").strip()
    if category not in spec.config.categories:
        raise ConfigError(f"{where} 'category' {category!r} is not a service category of the branch")
    if not any(category in c.profile and c.closes is None for c in spec.counters):
        raise ConfigError(f"{where} 'category' {category!r} is served by no counter open until closing")
    try:
        priority = PriorityClass((row["priority"] or "regular").strip())
    except ValueError:
        raise ConfigError(f"{where} 'priority' {row['priority']!r} is not a priority class") from None
    try:
        service_s = float(row["service_s"])
        day = int(row.get("day") or 1)
        no_show = (row.get("no_show") or "0").strip().lower() in ("1", "true", "yes")
    except ValueError:
        raise ConfigError(f"{where} 'service_s' and 'day' must be numbers") from None
    if service_s <= 0 or day < 1:
        raise ConfigError(f"{where} 'service_s' must be > 0 and 'day' >= 1")
    booked = None
    if priority is PriorityClass.APPOINTMENT:
        booked = _offset(row["appointment"], spec, f"{where} 'appointment'") if row.get("appointment") else offset
    return day, Arrival(offset, category, priority, service_s, no_show, booked)


def _offset(text: str | None, spec: SimulationSpec, where: str) -> float:
    return seconds_after(spec.opening, _time((text or "").strip(), where))
