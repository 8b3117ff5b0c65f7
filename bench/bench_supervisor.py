"""Issue 6's target: a supervisor refresh over a store holding a year of a busy branch.

On a private copy of the year store (bench/history.py), the supervisor's station stands on the live day.
Before each sample another station changes the queue (issues a ticket, or calls and finishes at a counter)
and the clock moves on a few seconds, so every refresh has news to catch up with, as on a real screen.
A refresh is what the queue screen asks for: the overview (snapshot, waiting per category, the day's
service level, served count, alerts) and the day's charts (queue length, wait histogram, arrivals and
served per 15 minutes, teller times). Baseline, in the same loop: the station's own snapshot() after the
same kind of change, which every screen pays. Target: p95 at most 200 ms.

A second row times the staffing advice's demand query (four weeks of one weekday out of the year)
with Erlang C only, and a third the whole advice with the simulator's check.
"""

from __future__ import annotations

import random
import statistics
import time
from typing import Any

from bench.history import open_live_service
from models.branch_service import BranchService
from models.store import open_store
from models.supervisor_service import SupervisorService
from queueing.errors import DomainError
from queueing.tickets import TicketStatus, TransactionLine

REFRESH_TARGET = "<= 200 ms"
WARMUP = 3


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[94]


def _change(branch: BranchService, rng: random.Random) -> None:
    """One change by 'another station': mostly a new ticket, sometimes a counter moving on."""
    branch.clock.advance(rng.uniform(2.0, 8.0))
    if rng.random() < 0.6:
        branch.issue_ticket(rng.choice(["CASH", "CASH", "TRANSFER", "FX", "CORP"]))
        return
    open_counters = [c for c in branch.state.counters.values() if c.status == "open"]
    if not open_counters:
        return
    counter = rng.choice(open_counters)
    try:
        if counter.current is None:
            branch.call_next(counter.id)
            return
        ticket = branch.state.tickets[counter.current]
        if ticket.status is TicketStatus.CALLED:
            branch.start(counter.id)
        else:
            branch.finish(counter.id, [TransactionLine("CASH_DEP", 1.0)])
    except DomainError:
        pass


def measure_refresh(path, samples: int, seed: int = 11) -> dict[str, Any]:
    store = open_store(str(path))
    try:
        writer = open_live_service(store, "BENCH-OTHER")
        screen = open_live_service(store, "BENCH-SUPERVISOR")
        baseline_station = open_live_service(store, "BENCH-BASELINE")
        # One clock for all three: the writer's moves are seen by the readers.
        screen.clock = baseline_station.clock = writer.clock
        supervisor = SupervisorService(screen)
        rng = random.Random(seed)
        refresh, base = [], []
        for index in range(samples + WARMUP):
            _change(writer, rng)
            started = time.perf_counter()
            supervisor.overview()
            supervisor.day_charts()
            took = time.perf_counter() - started
            _change(writer, rng)
            started = time.perf_counter()
            baseline_station.snapshot()
            base_took = time.perf_counter() - started
            if index >= WARMUP:
                refresh.append(took)
                base.append(base_took)
        started = time.perf_counter()
        day = supervisor.next_working_day()
        supervisor.arrival_history(day)
        history_s = time.perf_counter() - started
        started = time.perf_counter()
        supervisor.staffing_advice(day, check=True)
        advice_s = time.perf_counter() - started
    finally:
        store.close()
    return {"refresh": refresh, "base": base, "history_s": history_s, "advice_s": advice_s}


def run(ctx) -> list[dict[str, Any]]:
    samples = 20 if ctx.quick else 200
    m = measure_refresh(ctx.fresh_copy("supervisor.db"), samples)
    p95, base_p95 = _p95(m["refresh"]) * 1000, _p95(m["base"]) * 1000
    return [
        {
            "name": "supervisor.refresh.p95",
            "value": round(p95, 2),
            "unit": "ms",
            "baseline": round(base_p95, 2),
            "target": REFRESH_TARGET,
            "note": (
                f"overview + day charts after a change by another station, {samples} samples on a year of history "
                f"(median {statistics.median(m['refresh']) * 1000:.1f} ms); baseline: a station's snapshot()"
            ),
        },
        {
            "name": "supervisor.arrival_history",
            "value": round(m["history_s"] * 1000, 1),
            "unit": "ms",
            "baseline": None,
            "target": None,
            "note": "arrivals of the same weekday over the last four weeks, out of a year of tickets",
        },
        {
            "name": "supervisor.staffing_advice",
            "value": round(m["advice_s"], 2),
            "unit": "s",
            "baseline": None,
            "target": None,
            "note": "a working day's advice: Erlang C per hour, each checked by a simulation (runs off the GUI thread)",
        },
    ]
