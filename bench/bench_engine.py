"""Issue 2's targets: command latency through BranchService on a year of history, and a simulated day.

Latency: on a private copy of the history store, a station on the live day issues
tickets and calls the next one, round the open counters; each command is timed
from the call to the returned view. In the same loop, interleaved so that both
see the same disk and the same file, raw sqlite3 with the store's pragmas does
the bare writes of one command (BEGIN IMMEDIATE, an event row and a ticket row,
COMMIT): the baseline. Target: p95 at most 10 ms and at most 3x the baseline.

Simulated day: 1,000 customers at the benchmark branch's 8 counters through the
in-memory engine, with the wait estimate at every issue as the simulator does by
default. Baseline: the same replayed day with estimates off, so the ratio is what
the estimates cost. Target: at most 1 s.
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from uuid6 import uuid7

from bench.history import open_live_service, year_spec
from models.branch.service import BranchService
from models.store.database import open_store
from queueing.core.counters import CounterStatus
from queueing.core.policy import choose_next
from queueing.core.tickets import TicketStatus, TransactionLine
from queueing.simulation.arrivals import sample_day
from queueing.simulation.simulator import SimulationResult, simulate

LATENCY_TARGET = "<= 10 ms and <= 3x"
MEDIAN_TARGET = "<= 3x"
DAY_CUSTOMERS = 1000
WARMUP = 5
QUEUE = 40  # customers waiting while the commands are timed


def run(ctx) -> list[dict[str, Any]]:
    samples = 25 if ctx.quick else 400
    rows = latency_rows(ctx.fresh_copy(), samples)
    rows.append(sim_day_row(repeats=1 if ctx.quick else 3))
    return rows


# -- latency ---------------------------------------------------------------------
def _percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


class RawWriter:
    """The bare writes of one command, on the same file, with the store's pragmas."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=10000"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.seq = 0

    def write(self, now: datetime) -> float:
        """One transaction; returns its seconds. Its own branch, so the station never sees these rows."""
        self.seq += 1
        at = now.strftime("%Y-%m-%d %H:%M:%S.%f")
        ticket_id = str(uuid7())
        payload = {
            "ticket_id": ticket_id,
            "number": f"A{self.seq:03d}",
            "seq": self.seq,
            "category": "CASH",
            "priority": "regular",
            "customer_id": None,
            "appointment_at": None,
            "business_date": now.date().isoformat(),
            "issued_at": now.isoformat(),
        }
        event = (str(uuid7()), "BASELINE", "RAW", self.seq, f"{self.seq:015d}-00000-RAW", "ticket_issued", at)
        ticket = (ticket_id, "BASELINE", f"A{self.seq:03d}", self.seq, now.date().isoformat(), "CASH", "regular")
        started = time.perf_counter()
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute(
            "INSERT INTO event (id, branch_id, station_id, seq, hlc, type, at, payload, schema_version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
            (*event, json.dumps(payload)),
        )
        self.conn.execute(
            "INSERT INTO ticket (id, branch_id, number, seq, business_date, category, priority, status, issued_by, "
            "issued_at, queued_at, recalls, transfers, conflict) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'waiting', 'RAW', ?, ?, 0, 0, 0)",
            (*ticket, at, at),
        )
        self.conn.execute("COMMIT")
        return time.perf_counter() - started

    def close(self) -> None:
        self.conn.close()


def _free(service: BranchService, counter_id: str) -> None:
    """Serve out the counter's current ticket (untimed), so it can call the next one."""
    counter = service.state.counters[counter_id]
    if counter.current is None:
        return
    ticket = service.state.tickets[counter.current]
    if ticket.status is TicketStatus.CALLED:
        service.start(counter_id)
    service.finish(counter_id, [TransactionLine(ticket.category, 1.0)])


def _open_all(service: BranchService) -> list[str]:
    for counter in list(service.state.counters.values()):
        if counter.status is CounterStatus.PAUSED:
            service.resume(counter.id)
        elif counter.status is CounterStatus.CLOSED:
            service.open_counter(counter.id, f"T-{counter.id}")
    return sorted(service.state.counters)


def _timed(action, *args: object, cpu: list[float] | None = None) -> float:
    """Wall seconds of one call; its process CPU seconds appended to ``cpu`` (the machine may be shared)."""
    started, started_cpu = time.perf_counter(), time.process_time()
    action(*args)
    if cpu is not None:
        cpu.append(time.process_time() - started_cpu)
    return time.perf_counter() - started


def measure_latency(path: Path, samples: int, queue: int = QUEUE, seed: int = 7) -> dict[str, Any]:
    """Seconds per issue_ticket, per call_next and per baseline write; plus the station's start-up."""
    started = time.perf_counter()
    store = open_store(str(path))
    open_s = time.perf_counter() - started
    service = open_live_service(store)
    load_s = time.perf_counter() - open_s - started
    raw = RawWriter(path)
    rng = random.Random(seed)
    mix = year_spec(1).category_mix
    categories, weights = list(mix), list(mix.values())
    issue, call, base = [], [], []
    issue_cpu: list[float] = []
    call_cpu: list[float] = []
    base_cpu: list[float] = []
    waiting = []
    try:
        counters = _open_all(service)
        while len(service.state.waiting) < queue:  # a busy hall: every estimate plays this queue forward
            service.issue_ticket(rng.choices(categories, weights)[0])
        for i in range(samples + WARMUP):
            service.clock.advance(rng.uniform(3.0, 12.0))
            category = rng.choices(categories, weights)[0]
            cpu_i: list[float] = []
            issue_s = _timed(service.issue_ticket, category, cpu=cpu_i)
            started_cpu = time.process_time()
            base_s = raw.write(service.clock.now())
            cpu_b = time.process_time() - started_cpu
            # The next counter round the branch that has someone to call.
            now = service.clock.now()
            turn = i % len(counters)
            ready = [c for c in counters[turn:] + counters[:turn] if choose_next(service.state, c, now) is not None]
            call_s = None
            cpu_c: list[float] = []
            if ready:
                _free(service, ready[0])
                call_s = _timed(service.call_next, ready[0], cpu=cpu_c)
            if i >= WARMUP:
                issue.append(issue_s)
                base.append(base_s)
                issue_cpu += cpu_i
                base_cpu.append(cpu_b)
                waiting.append(len(service.state.waiting))
                if call_s is not None:
                    call.append(call_s)
                    call_cpu += cpu_c
    finally:
        raw.close()
        store.close()
    return {
        "issue": issue,
        "call": call,
        "base": base,
        "cpu": {"issue": issue_cpu, "call": call_cpu, "base": base_cpu},
        "open_s": open_s,
        "load_s": load_s,
        "waiting": waiting,
    }


def latency_rows(path: Path, samples: int) -> list[dict[str, Any]]:
    m = measure_latency(path, samples)
    queue = f"queue {min(m['waiting'])}-{max(m['waiting'])} waiting, {samples} samples"
    rows = []
    for command, key in (("issue_ticket", "issue"), ("call_next", "call")):
        for share in (0.5, 0.95):
            label = f"p{round(share * 100)}"
            rows.append(
                {
                    "name": f"engine.{command}.{label}",
                    "value": _percentile(m[key], share) * 1000.0,
                    "unit": "ms",
                    "baseline": _percentile(m["base"], share) * 1000.0,
                    # Issue 17: at most 3x bare SQL "at p95 and median" (the 10 ms bound is issue 2's p95).
                    "target": LATENCY_TARGET if share == 0.95 else MEDIAN_TARGET,
                    "note": f"BranchService on the year store, live day, {queue}; "
                    f"baseline: raw sqlite3 event + ticket insert, {label}"
                    if share == 0.95
                    else _cpu_note(m["cpu"], key),
                }
            )
    rows.append(
        {
            "name": "engine.open_store",
            "value": m["open_s"],
            "unit": "s",
            "baseline": None,
            "target": None,
            "note": "open_store on the year store: the file checks (PRAGMA quick_check reads the whole file) "
            "and alembic's revision check",
        }
    )
    rows.append(
        {
            "name": "engine.open_live_service",
            "value": m["load_s"],
            "unit": "s",
            "baseline": None,
            "target": None,
            "note": "BranchService start-up on the year store (state from the projections)",
        }
    )
    return rows


def _cpu_note(cpu: dict[str, list[float]], key: str) -> str:
    """The medians in process CPU time: on a shared machine the wall times wait for a CPU or for the disk."""
    mine, bare = statistics.median(cpu[key]) * 1000.0, statistics.median(cpu["base"]) * 1000.0
    return f"process CPU median {mine:.3f} ms, baseline's {bare:.3f} ms ({mine / bare:.2f}x)"


# -- one simulated day ---------------------------------------------------------------
def day_spec(customers: int = DAY_CUSTOMERS, seed: int = 11):
    """The benchmark branch for one day of exactly ``customers`` arrivals (a thinned Poisson day)."""
    spec = year_spec(1)
    rng = random.Random(seed)
    scale = 1.2 * customers / sum(spec.hourly_rates)
    arrivals = sample_day(replace(spec, hourly_rates=tuple(r * scale for r in spec.hourly_rates)), rng)
    if len(arrivals) < customers:
        raise RuntimeError(f"sampled only {len(arrivals)} arrivals")
    chosen = sorted(rng.sample(arrivals, customers), key=lambda a: a.offset_s)
    return replace(spec, replay=(tuple(chosen),), days=1)


def _day_seconds(spec, estimates: bool, repeats: int) -> tuple[float, SimulationResult]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = simulate(spec, 1, keep_events=False, estimates=estimates)
        times.append(time.perf_counter() - started)
        if len(result.customers) != DAY_CUSTOMERS:
            raise RuntimeError(f"the day had {len(result.customers)} customers, not {DAY_CUSTOMERS}")
    return statistics.median(times), result


def sim_day_row(repeats: int = 3) -> dict[str, Any]:
    spec = day_spec()
    value, result = _day_seconds(spec, True, repeats)
    baseline, _ = _day_seconds(spec, False, repeats)
    waits = [c.wait_s for c in result.customers if c.wait_s is not None]
    return {
        "name": "engine.sim_day_1000",
        "value": value,
        "unit": "s",
        "baseline": baseline,
        "target": "<= 1 s",
        "note": f"{DAY_CUSTOMERS} customers at the {len(spec.counters)} counters of bench/busy_branch.toml "
        f"(utilisation {result.utilisation:.0%}, mean wait {statistics.mean(waits) / 60:.0f} min), "
        f"wait estimate at every issue, median of {repeats}; baseline: the same day without estimates",
    }
