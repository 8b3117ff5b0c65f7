"""What the lunch-cover check adds to the supervisor's refresh (issue 15).

A demo store at 11:40 on a Monday with the shipped staffing.toml (Li Na's lunch at 12:00, cash kept at two
counters at least), three counters open and a cash forecast of 27 customers an hour at 4 minutes from 11:00
to 13:00 (10 an hour after): Li Na's lunch is flagged. Timed: the first check, which simulates the advised
counters, then each later one (the simulations are cached for the day), against the whole overview that
runs it every half second. No target: the figure says what a refresh pays for the check.
"""

from __future__ import annotations

import statistics
import time
from datetime import UTC, datetime
from typing import Any

from models.branch.prepare import prepare_demo_station
from models.staff.session import SignInMode, issue_session
from models.store.database import open_store
from models.supervisor.service import SupervisorService
from queueing.core.clock import ManualClock
from queueing.core.roles import Role
from queueing.supervisor.alerts import AlertSettings
from queueing.supervisor.lunch_cover import Load, simulated_wait
from queueing.supervisor.staffing import load_staffing_settings

NOW = datetime(2026, 11, 23, 3, 40, tzinfo=UTC)  # Monday 11:40 at the demo branch
FORECAST = {h: {"CASH": Load(27.0, 240.0)} for h in (11, 12)} | {h: {"CASH": Load(10.0, 240.0)} for h in (13, 14, 15)}


def _ms(values: list[float]) -> tuple[float, float]:
    return statistics.median(values), statistics.quantiles(values, n=20)[18]


def run(ctx) -> list[dict[str, Any]]:
    store = open_store(str(ctx.tmp_dir / "cover.db"))
    try:
        clock = ManualClock(NOW)
        station = prepare_demo_station(store, "BENCH", clock)
        for counter, teller in (("C1", "T1001"), ("C2", "T1002"), ("C3", "T1003")):
            station.branch.open_counter(counter, teller)
        session = issue_session("DEMO", "S2001", "S2001", Role.SUPERVISOR, "BENCH", NOW, SignInMode.ONLINE)
        supervisor = SupervisorService(station.branch, AlertSettings(), load_staffing_settings(), session)
        supervisor._forecast = (NOW.date(), FORECAST)  # a demo store has no past weeks to forecast from
        snapshot = station.branch.snapshot()
        simulated_wait.cache_clear()
        start = time.perf_counter()
        alerts = supervisor.cover_alerts(snapshot)
        first_ms = (time.perf_counter() - start) * 1000
        checks, overviews = [], []
        for _ in range(20 if ctx.quick else 200):
            start = time.perf_counter()
            supervisor.cover_alerts(snapshot)
            checks.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            supervisor.overview()
            overviews.append((time.perf_counter() - start) * 1000)
    finally:
        store.close()
    check_p50, check_p95 = _ms(checks)
    overview_p50, _ = _ms(overviews)
    print(f"  {len(alerts)} alert(s); first check {first_ms:.0f} ms, then p50 {check_p50:.2f} ms, p95 {check_p95:.2f}")
    return [
        {
            "name": "supervisor.lunch_cover.first_check",
            "value": first_ms,
            "unit": "ms",
            "note": "the first check of the day: Erlang C, then the advised counters simulated (10 days of 3 hours)",
        },
        {
            "name": "supervisor.lunch_cover.check_p95",
            "value": check_p95,
            "unit": "ms",
            "baseline": overview_p50,
            "note": "each later check (break plan read, cached simulations); baseline: the whole overview's median",
        },
    ]
