"""Issue 17's simulator targets: the branch simulator against Ciw 3.2.7 on the same days, in one run.

Days: c identical counters, one category, first come first served, Poisson arrivals
through an 8-hour day (the kiosk then closes and the counters serve who is left).
Each day's customers are sampled once (``queueing.simulation.arrivals.sample_day``) and given
to both engines: the simulator replays them (``spec.replay``), Ciw gets the same
inter-arrival and service times as ``ciw.dists.Sequential`` (FCFS on one queue
serves in arrival order, so every customer gets the same service time in both).
The mean waits of both are printed: on the same customers they must agree, which
is the "equal accuracy" the ratio assumes.

Rows (seconds per simulated day, median over the days; baseline: Ciw's time for the same day):
- M/M/13 at load 0.9 (exponential services, mean 300 s), without estimates: target <= 1.0x;
  with the wait estimate at every issue (as the EWT figures need): target <= 2x.
- M/G/13 at load 0.9 (lognormal services, mean 300 s, CV 0.5): the same two rows.
- Overload: one day with four times the M/M/13 arrivals on the same counters, without
  estimates: the cost must grow with customers, not customers x queue (target <= 1.0x).
"""

from __future__ import annotations

import random
import statistics
import time
from dataclasses import replace
from typing import Any

import ciw

from queueing.simulation.arrivals import sample_day
from queueing.simulation.simulator import simulate
from queueing.simulation.spec import SimulationSpec, simple_spec

COUNTERS = 13
MEAN_S = 300.0
LOAD = 0.9
HOURS = 8.0
DAYS = 30
# Beyond the last customer: Ciw's arrival sequence stops being consulted.
NEVER = 1e12


def _spec(dist: str, load: float, cv: float = 1.0) -> SimulationSpec:
    rate = load * COUNTERS * 3600.0 / MEAN_S
    return simple_spec(COUNTERS, rate, MEAN_S, dist, hours=HOURS, service_cv=cv)


def _days(spec: SimulationSpec, days: int, seed: int) -> list[SimulationSpec]:
    rng = random.Random(seed)
    return [replace(spec, replay=(sample_day(spec, rng),), days=1) for _ in range(days)]


def _ours(day: SimulationSpec, estimates: bool) -> tuple[float, list[float]]:
    started = time.perf_counter()
    result = simulate(day, 1, keep_events=False, estimates=estimates)
    took = time.perf_counter() - started
    return took, [c.wait_s for c in result.customers if c.wait_s is not None]


def _ciw(day: SimulationSpec) -> tuple[float, list[float]]:
    arrivals = day.replay[0]  # type: ignore[index]
    gaps, last = [], 0.0
    for arrival in arrivals:
        gaps.append(arrival.offset_s - last)
        last = arrival.offset_s
    started = time.perf_counter()
    network = ciw.create_network(
        arrival_distributions=[ciw.dists.Sequential(gaps + [NEVER])],
        service_distributions=[ciw.dists.Sequential([a.service_s for a in arrivals] + [1.0])],
        number_of_servers=[COUNTERS],
    )
    sim = ciw.Simulation(network)
    sim.simulate_until_max_time(NEVER / 2)
    took = time.perf_counter() - started
    waits = [r.waiting_time for r in sim.get_all_records()]
    if len(waits) != len(arrivals):
        raise RuntimeError(f"Ciw served {len(waits)} of {len(arrivals)} customers")
    return took, waits


def _compare(label: str, days: list[SimulationSpec], estimates: bool) -> dict[str, Any]:
    ours_t, ciw_t, ours_w, ciw_w = [], [], [], []
    for day in days:
        took, waits = _ours(day, estimates)
        ours_t.append(took)
        ours_w += waits
        took, waits = _ciw(day)
        ciw_t.append(took)
        ciw_w += waits
    value, base = statistics.median(ours_t), statistics.median(ciw_t)
    customers = sum(len(d.replay[0]) for d in days) / len(days)  # type: ignore[index]
    return {
        "name": f"ciw.{label}.{'with' if estimates else 'without'}_estimates",
        "value": value,
        "unit": "s/day",
        "baseline": base,
        "target": "<= 2x" if estimates else "<= 1.0x",
        "note": f"{len(days)} day(s) of {customers:.0f} customers at {COUNTERS} counters; mean wait "
        f"{statistics.mean(ours_w):.1f} s here, {statistics.mean(ciw_w):.1f} s in Ciw (same customers); "
        f"baseline: Ciw {ciw.__version__} on the same day",
    }


def run(ctx) -> list[dict[str, Any]]:
    days = 3 if ctx.quick else DAYS
    mmc = _days(_spec("exp", LOAD), days, seed=1)
    mgc = _days(_spec("lognormal", LOAD, cv=0.5), days, seed=2)
    overload = _days(_spec("exp", 4 * LOAD), 1, seed=3)
    rows = []
    for label, sample in (("mm13_load0.9", mmc), ("mg13_load0.9", mgc)):
        rows.append(_compare(label, sample, estimates=False))
        rows.append(_compare(label, sample, estimates=True))
    rows.append(_compare("mm13_overload4x", overload, estimates=False))
    return rows
