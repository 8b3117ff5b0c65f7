"""Simulation scenarios from TOML files, and replayed days from CSV files.

Every error names the file and the field, so that a supervisor can fix a
scenario without reading code. The format is shown in resources/scenarios/.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping
from dataclasses import replace
from datetime import time
from pathlib import Path
from typing import TypeVar

from queueing.config.files import key_path, parse_config, read_text, refuse
from queueing.config.schemas.scenario import CounterEntry, ScenarioFile
from queueing.core.categories import BranchConfig, default_config_path, load_branch_config
from queueing.core.errors import ConfigError
from queueing.core.tickets import PriorityClass
from queueing.simulation.spec import (
    Arrival,
    CounterSpec,
    Lunch,
    ServiceTime,
    SimulationSpec,
    seconds_after,
)

# A category without a [service.X] table: its typical time, spread like counter work usually is.
DEFAULT_SERVICE_CV = 0.7
K = TypeVar("K", bound=str)  # a category code, or a priority class (a StrEnum)


def _time(value: str) -> time:
    return time.fromisoformat(value)  # the schema's pattern admits only HH:MM[:SS]


def _mix(weights: Mapping[K, float], source: str, key: str, known: list[str]) -> dict[K, float]:
    for code in weights:
        if code not in known:
            raise refuse(source, f"{key}.{code}", f"unknown key (known: {', '.join(known)})")
    if sum(weights.values()) <= 0:
        raise refuse(source, key, "needs at least one share above zero")
    return {code: float(share) for code, share in weights.items()}


def _service(doc: ScenarioFile, config: BranchConfig, source: str) -> dict[str, ServiceTime]:
    service = {
        code: ServiceTime(cat.typical_service_s, "lognormal", DEFAULT_SERVICE_CV)
        for code, cat in config.categories.items()
    }
    for code, entry in doc.service.items():
        if code not in config.categories:
            raise refuse(source, f"service.{code}", "is not a service category of the branch")
        service[code] = ServiceTime(entry.mean_min * 60.0, entry.dist, entry.cv)
    return service


def _counter(entry: CounterEntry, index: int, config: BranchConfig, source: str) -> CounterSpec:
    for code in entry.profile:
        if code not in config.categories:
            raise refuse(source, key_path("counter", index, "profile", code), "is not a service category of the branch")
    return CounterSpec(
        id=entry.id,
        name=entry.name if entry.name is not None else entry.id,
        profile=dict(entry.profile),
        opens=_time(entry.opens) if entry.opens is not None else None,
        closes=_time(entry.closes) if entry.closes is not None else None,
        lunch=Lunch(_time(entry.lunch.at), entry.lunch.minutes) if entry.lunch is not None else None,
    )


def _check_counters(counters: list[CounterSpec], mix: dict[str, float], opening: time, source: str) -> None:
    ids = [c.id for c in counters]
    if len(set(ids)) != len(ids):
        raise refuse(source, "counter", "ids must be unique")
    for code, share in mix.items():
        # Someone must still be there at closing, or the last customers would wait forever.
        if share > 0 and not any(code in c.profile and c.closes is None for c in counters):
            raise refuse(source, "counter", f"category {code!r} has no counter open until the queue is empty")
    for index, c in enumerate(counters):
        for label, moment in (("opens", c.opens), ("closes", c.closes), ("lunch.at", c.lunch.at if c.lunch else None)):
            if moment is not None and seconds_after(opening, moment) < 0:
                raise refuse(source, key_path("counter", index, label), "is before the branch opens")
        # A counter that closed before it opened was taken as a counter that never served, without a word.
        if c.opens is not None and c.closes is not None and seconds_after(c.opens, c.closes) <= 0:
            raise refuse(source, key_path("counter", index, "closes"), f"must be after counter[{index}].opens")


def parse_scenario(text: str, source: str = "<scenario>", base_dir: Path | None = None) -> SimulationSpec:
    doc = parse_config(text, source, ScenarioFile)
    head = doc.scenario
    config = _branch_config(head.categories, base_dir, source)
    opening, closing = _time(head.opening), _time(head.closing)
    open_s = seconds_after(opening, closing)
    if open_s <= 0:
        raise refuse(source, "scenario.closing", "must be after scenario.opening")
    rates = doc.arrivals.per_hour
    hours = math.ceil(open_s / 3600.0)
    if len(rates) != hours:
        raise refuse(source, "arrivals.per_hour", f"must list {hours} hourly rates, one per opening hour")
    category_mix = _mix(doc.arrivals.category_mix, source, "arrivals.category_mix", list(config.categories))
    priority_raw = doc.arrivals.priority_mix or {PriorityClass.REGULAR: 1.0}
    priority_mix = _mix(priority_raw, source, "arrivals.priority_mix", [str(p) for p in PriorityClass])
    counters = [_counter(entry, i, config, source) for i, entry in enumerate(doc.counter)]
    _check_counters(counters, category_mix, opening, source)
    return SimulationSpec(
        config=config,
        counters=tuple(counters),
        opening=opening,
        closing=closing,
        hourly_rates=tuple(float(r) for r in rates),
        category_mix=category_mix,
        service=_service(doc, config, source),
        priority_mix={PriorityClass(k): v for k, v in priority_mix.items()},
        days=head.days,
        start_date=head.start_date,
        no_show_share=head.no_show_share,
        recall_interval_s=head.recall_interval_s,
        walk_s=head.walk_s,
        warmup_s=head.warmup_min * 60.0,
        name=head.name if head.name is not None else Path(source).stem,
    )


def _branch_config(name: str | None, base_dir: Path | None, source: str) -> BranchConfig:
    if name is None:
        return load_branch_config(default_config_path())
    path = Path(name)
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    try:
        return load_branch_config(path)
    except ConfigError as exc:
        raise refuse(source, "scenario.categories", str(exc)) from None


def load_scenario(path: Path | str) -> SimulationSpec:
    file = Path(path)
    text = read_text(file)
    return parse_scenario(text, str(file), file.parent)


# -- replayed days ------------------------------------------------------------
REPLAY_COLUMNS = ("arrival", "category", "priority", "service_s")
REPLAY_OPTIONAL = ("day", "no_show", "appointment")
# As many days as a scenario may run (schemas/scenario.py): a day number is also how many days are simulated.
REPLAY_MAX_DAYS = 366
# As long as a scenario's mean service may be (schemas/scenario.py, 24 h): beyond it the simulated clock overflows.
REPLAY_MAX_SERVICE_S = 24 * 3600


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
    reader = csv.DictReader(io.StringIO(_replay_text(file), newline=""))
    try:
        return _replay_rows(reader, file, spec)
    except csv.Error as exc:  # a field beyond csv's size limit; line_num counts the lines read before it
        raise ConfigError(f"{file}: line {reader.line_num + 1}: not CSV ({exc})") from None


def _replay_rows(reader: csv.DictReader, file: Path, spec: SimulationSpec) -> SimulationSpec:
    days: dict[int, list[Arrival]] = {}
    columns = reader.fieldnames or []
    unknown = [c for c in columns if c not in REPLAY_COLUMNS + REPLAY_OPTIONAL]
    if unknown:  # a misspelt optional column ("dya") was ignored, and its values with it
        known = ", ".join(REPLAY_COLUMNS + REPLAY_OPTIONAL)
        raise ConfigError(f"{file}: line 1: unknown column {unknown[0]!r} (columns: {known})")
    missing = [c for c in REPLAY_COLUMNS if c not in columns]
    needs = f"{file}: needs a header and rows with columns {', '.join(missing or REPLAY_COLUMNS)}"
    if missing:
        raise ConfigError(needs)
    for row in reader:
        where = f"{file}: line {reader.line_num}"
        if None in row or None in row.values():
            raise ConfigError(f"{where}: has {_fields(row)} fields where the header has {len(columns)}")
        day, arrival = _replay_row(row, spec, where)
        days.setdefault(day, []).append(arrival)
    if not days:
        raise ConfigError(needs)
    count = max(days)
    per_day = tuple(tuple(sorted(days.get(d, []), key=lambda a: a.offset_s)) for d in range(1, count + 1))
    return replace(spec, replay=per_day, days=count, name=f"replay of {file.name}")


def _replay_text(file: Path) -> str:
    """The file's text: UTF-8, with or without the byte-order mark Excel and Notepad write (which made the first
    column "\ufeffday", so the day column went unread); other bytes are refused with their line."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read: {exc.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ConfigError(f"{file}: line {line}: not UTF-8 text (byte {exc.start})") from None


def _fields(row: dict) -> int:
    """How many fields a row that does not match the header has (csv files the missing as None, the extra
    under the key None)."""
    return sum(value is not None for key, value in row.items() if key is not None) + len(row.get(None) or ())


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
    if not 0 < service_s <= REPLAY_MAX_SERVICE_S or not 1 <= day <= REPLAY_MAX_DAYS:
        raise ConfigError(
            f"{where} 'service_s' must be > 0 and at most {REPLAY_MAX_SERVICE_S} (a day), 'day' 1 to {REPLAY_MAX_DAYS}"
        )
    booked = None
    if priority is PriorityClass.APPOINTMENT:
        booked = _offset(row["appointment"], spec, f"{where} 'appointment'") if row.get("appointment") else offset
    return day, Arrival(offset, category, priority, service_s, no_show, booked)


def _offset(text: str | None, spec: SimulationSpec, where: str) -> float:
    try:
        moment = time.fromisoformat((text or "").strip())
    except ValueError:
        raise ConfigError(f'{where} must be a time of day like "09:30", got {text!r}') from None
    return seconds_after(spec.opening, moment)
