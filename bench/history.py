"""A year of a busy branch in a store, built once and cached for the benchmarks.

The branch of bench/busy_branch.toml (8 counters, the default categories, ~820
customers a day) is simulated for 365 days and written with models.demo.sim_store's
bulk writer: about 300,000 tickets with their events, ticket rows and service
records. The last day is cut at 11:00 local time, so the store ends on a live
day: counters open, customers waiting. ``open_live_service`` opens a station on
it with a ManualClock standing at that moment.

    .venv/bin/python -m bench.history      # build (or find) the cached year and print its figures
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, text

from models.branch.day_plan import DayPlan
from models.branch.service import BranchService
from models.demo.sim_store import write_simulation
from models.store.database import MIGRATIONS, Store, head_revision, open_store
from models.store.tables import EventRow, ServiceRecordRow, TicketRow
from queueing.core.clock import ManualClock
from queueing.simulation.scenario import load_scenario
from queueing.simulation.spec import SimulationSpec
from queueing.supervisor.break_plan import RotaBreak

# Bump when the history's content changes in a way the scenario file does not show.
HISTORY_VERSION = "1"
SCENARIO = Path(__file__).resolve().parent / "busy_branch.toml"
BRANCH_ID = "BENCH"
BRANCH_NAME = "Benchmark branch"
LIVE_AT = clock_time(11, 0)  # local time the last day is cut at
CORE_MIGRATION = MIGRATIONS / "versions" / "0001_core.py"
CACHE_DIR = Path(os.environ.get("COUNTERLINE_BENCH_CACHE", "/tmp/counterline-bench"))


@dataclass(frozen=True)
class HistoryInfo:
    path: Path
    days: int
    ticket_rows: int
    events: int
    service_records: int
    live_at: datetime
    build_s: float


def year_spec(days: int = 365, scale: float = 1.0) -> SimulationSpec:
    """The benchmark branch for ``days`` days ending on the scenario's last day; ``scale`` multiplies arrivals."""
    spec = load_scenario(SCENARIO)
    last_day = spec.start_date + timedelta(days=spec.days - 1)
    return replace(
        spec,
        days=days,
        start_date=last_day - timedelta(days=days - 1),
        hourly_rates=tuple(rate * scale for rate in spec.hourly_rates),
    )


def live_cut(spec: SimulationSpec) -> datetime:
    """The moment the last simulated day is cut at (aware, UTC)."""
    last_day = spec.start_date + timedelta(days=spec.days - 1)
    local = datetime.combine(last_day, LIVE_AT, tzinfo=ZoneInfo(spec.config.timezone))
    return local.astimezone(ZoneInfo("UTC"))


def build_history(path: Path, days: int = 365, scale: float = 1.0, seed: int = 1, verbose: bool = False) -> HistoryInfo:
    """Simulate the branch into a new store at ``path`` (an existing file there is replaced)."""
    started = time.perf_counter()
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    spec = year_spec(days, scale)
    cut = live_cut(spec)
    store = open_store(str(path))
    try:
        on_day = _progress(days) if verbose else None
        _, writer = write_simulation(
            store, spec, BRANCH_ID, BRANCH_NAME, seed=seed, until=cut, estimates=False, on_day=on_day
        )
        with store.engine.connect() as conn:
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    finally:
        store.close()
    counts = writer.counts
    return HistoryInfo(
        path, days, counts.ticket_rows, counts.events, counts.service_records, cut, time.perf_counter() - started
    )


def _progress(days: int):
    def report(done: int) -> None:
        if done % 30 == 0:
            print(f"  simulated and written {done}/{days} days", file=sys.stderr, flush=True)

    return report


def schema_tag() -> str:
    """The schema a cached store was made for: the head revision and a digest of every migration file. A helper's
    clone whose chain ended in a head of the same name (0035 on 0033, where main has 0035 on 0034) once left a
    store under main's name that lacked 0034's table; the digest keeps such a store apart."""
    digest = hashlib.sha256()
    for migration in sorted((MIGRATIONS / "versions").glob("*.py")):
        digest.update(migration.name.encode())
        digest.update(migration.read_bytes())
    return f"{head_revision()}-{digest.hexdigest()[:8]}"


def cache_key(days: int, scale: float, seed: int) -> str:
    """Changes with the version, the scenario and the core migration (the tables the history fills).

    Later migrations do not rebuild the year: ``cached_history`` upgrades a copy of the last one built.
    """
    digest = hashlib.sha256()
    digest.update(SCENARIO.read_bytes())
    digest.update(CORE_MIGRATION.read_bytes())
    return f"v{HISTORY_VERSION}-{days}d-x{scale:g}-s{seed}-{digest.hexdigest()[:12]}"


@contextmanager
def _cache_lock(directory: Path) -> Iterator[None]:
    """Two benchmark runs at once build the year once."""
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / "build.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def cached_history(days: int = 365, scale: float = 1.0, seed: int = 1, cache_dir: Path | None = None) -> Path:
    """The path of the cached history store, built first if it is not there yet."""
    directory = cache_dir or CACHE_DIR
    # One file per schema: a store another version of Counterline built (newer, or older) is never reused.
    path = directory / f"history-{cache_key(days, scale, seed)}-{schema_tag()}.db"
    with _cache_lock(directory):
        if not path.exists() and not upgrade_older_build(path, f"history-{cache_key(days, scale, seed)}-"):
            partial = path.with_name(path.name + ".building")
            print(f"building the benchmark history ({days} days) in {path} ...", file=sys.stderr, flush=True)
            info = build_history(partial, days, scale, seed, verbose=True)
            partial.rename(path)
            print(
                f"  built in {info.build_s:.1f} s: {info.ticket_rows} ticket rows, {info.events} events",
                file=sys.stderr,
            )
    return path


def upgrade_older_build(path: Path, prefix: str) -> bool:
    """Make ``path`` from the newest store built for an earlier schema (``prefix`` + its revision), upgraded in
    place: the same simulated history, and no half hour spent simulating it again. False if there is none."""
    # Not one made for a head of this name by another chain: alembic would take it as upgraded already.
    older = [p for p in path.parent.glob(f"{prefix}*.db") if head_revision() not in p.name]
    if not older:
        return False
    source = max(older, key=lambda p: p.stat().st_mtime)
    started = time.perf_counter()
    print(f"upgrading {source.name} to {path.name} ...", file=sys.stderr, flush=True)
    partial = path.with_name(path.name + ".building")
    shutil.copyfile(source, partial)
    open_store(str(partial)).close()  # applies the migrations added since it was built
    partial.rename(path)
    print(f"  upgraded in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return True


def live_clock(store: Store, branch_id: str = BRANCH_ID) -> ManualClock:
    """A clock standing one second after the branch's last event: the live day's 'now'."""
    with store.read_session() as session:
        # The last event in store order (an index walk; max(at) would read the whole journal).
        last = session.scalar(
            select(EventRow.at).where(EventRow.branch_id == branch_id).order_by(EventRow.position.desc()).limit(1)
        )
    if last is None:
        raise ValueError(f"{store.label}: branch {branch_id} has no events")
    last = last if last.tzinfo else last.replace(tzinfo=ZoneInfo("UTC"))
    return ManualClock(last + timedelta(seconds=1))


def open_live_service(store: Store, station_id: str = "BENCH-ST1") -> BranchService:
    """A station on the history's live day (its ManualClock is ``service.clock``), knowing the day's plan."""
    spec = year_spec(1)
    return BranchService(store, spec.config, BRANCH_ID, station_id, live_clock(store), live_day_plan(spec))


def live_day_plan(spec: SimulationSpec) -> DayPlan:
    """The branch's staffing plan as the simulation kept it: each counter's teller (``T-<counter>``, as the
    simulator opens them) lunches when the scenario says, every day, and the kiosk stops at the closing hour."""
    rota = tuple(
        RotaBreak(f"T-{c.id}", frozenset(range(7)), c.lunch.at, round(c.lunch.minutes))
        for c in spec.counters
        if c.lunch is not None
    )
    return DayPlan(rota, spec.closing.hour)


def describe(path: Path) -> dict[str, object]:
    """Row counts and span of a history store."""
    store = open_store(str(path), upgrade=False)
    try:
        with store.read_session() as session:
            return {
                "file": str(path),
                "size_mb": round(path.stat().st_size / 1e6, 1),
                "tickets": session.scalar(select(func.count()).select_from(TicketRow)),
                "events": session.scalar(select(func.count()).select_from(EventRow)),
                "service_records": session.scalar(select(func.count()).select_from(ServiceRecordRow)),
                "first_day": session.scalar(select(func.min(TicketRow.business_date))),
                "live_day": session.scalar(select(func.max(TicketRow.business_date))),
            }
    finally:
        store.close()


if __name__ == "__main__":
    for key, value in describe(cached_history()).items():
        print(f"{key:16} {value}")
