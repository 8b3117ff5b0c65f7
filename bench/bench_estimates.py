"""Issue 17's estimate targets: the wait shown at the kiosk keeps its word.

Every shipped scenario (resources/scenarios/*.toml, all its days, several seeds) and
M/M/13 days (8 hours, exponential services of 5 minutes) at loads 0.8, 0.9 and 0.95
run through the simulator with the estimate taken at every issue, as the kiosk shows it.
For the served customers (the warm-up left out, as the simulator's figures do):

- ``estimates.<day>.p90_coverage``: the share of customers who waited at most the
  announced 90th percentile (the issue's "p90 covers ... of waits"); target at least 0.88.
  A customer issued a ticket while a counter serving it is free is told no wait and is called
  at once: a wait of zero for certain, which any p90 covers. A p90 true to each customer's
  own wait distribution therefore covers 0.90 of the uncertain waits and all of the certain
  ones: 0.90 + 0.10 x (share called at once) of all waits (0.96 at load 0.8 on 13 counters,
  where over half are called at once). An upper bound of 0.92 on this row could be met only
  by announcing a lower p90 to those who do wait; the note gives that calibrated figure.
- ``estimates.<day>.p90_coverage_told``: the same among the customers told they would wait (an announced p90
  above zero), whose wait is uncertain: target between 0.88 and 0.92; this is the row that judges both
  sides of the p90 (too low and too cautious). Whitt (1999) and Ibrahim & Whitt (2011) judge delay
  predictions on the delayed customers; the note counts those told no wait who did wait.
- ``estimates.<day>.bias_share``: |mean(estimate - wait)| / mean wait; target <= 0.10.
- ``estimates.<day>.mae``: mean absolute error of the estimate, in seconds; baseline: the
  naive estimate's ((people ahead + 1) x mean counter time per call / open counters serving the category),
  both on the customers who have the two figures, unrounded; target <= 0.75x.
- ``estimates.mm13_<load>.mae_vs_exact`` (M/M/13 days only): the estimate's mean absolute error against
  the best any estimate knowing the queue at issue can do on the same customers: for M/M/c served first
  come first served the wait of a customer who finds k in the branch (k >= c) is exactly
  Erlang(k - c + 1, c x mu) (Whitt 1999), so its median (which minimises the absolute error) given the
  true mean service time is the floor; the note adds that Erlang's mean, the floor of an unbiased
  estimate. No target: it shows how much of the naive estimate's error
  cannot be removed at high load, where nearly everyone waits and the naive estimate is already that
  Erlang's mean.
"""

from __future__ import annotations

import heapq
import random
import statistics
from dataclasses import replace
from pathlib import Path
from typing import Any

from queueing.simulation.arrivals import sample_day
from queueing.simulation.report import ewt_figures
from queueing.simulation.scenario import load_scenario
from queueing.simulation.simulator import simulate
from queueing.simulation.spec import SimulationSpec, simple_spec
from queueing.waits.gamma import gamma_quantile

SCENARIOS = Path(__file__).resolve().parent.parent / "resources" / "scenarios"
COUNTERS = 13
MEAN_S = 300.0
LOADS = (0.8, 0.9, 0.95)


def days(quick: bool) -> list[tuple[str, SimulationSpec, int]]:
    """(label, spec, seeds) of every day set measured."""
    found = []
    for path in sorted(SCENARIOS.glob("*.toml")):
        spec = load_scenario(path)
        found.append((path.stem, spec if not quick else replace(spec, days=1), 2 if quick else 6))
    for load in LOADS:
        rate = load * COUNTERS * 3600.0 / MEAN_S
        spec = simple_spec(COUNTERS, rate, MEAN_S, "exp", hours=8.0, days=2 if quick else 8)
        found.append((f"mm13_load{load:g}", spec, 1 if quick else 2))
    return found


def measure(spec: SimulationSpec, seeds: int) -> dict[str, float]:
    records = []
    for seed in range(1, seeds + 1):
        records += [r for r in simulate(spec, seed, keep_events=False).customers if r.counted]
    figures = ewt_figures(records)
    # The error rows judged unrounded (ewt_figures rounds to a tenth of a second for the report: a ratio of two
    # rounded figures can pass or miss by the rounding alone), both on the same customers: those with an estimate
    # and a naive figure.
    rated = [r for r in records if r.outcome == "served" and r.estimate_mean_s is not None and r.naive_s is not None]
    if rated:
        figures["mae_s"] = statistics.mean([abs(r.estimate_mean_s - r.wait_s) for r in rated])
        figures["naive_mae_s"] = statistics.mean([abs(r.naive_s - r.wait_s) for r in rated])
        figures["bias_s"] = statistics.mean([r.estimate_mean_s - r.wait_s for r in rated])
    waits = [r.wait_s for r in records if r.outcome == "served" and r.estimate_mean_s is not None]
    figures["mean_wait_s"] = statistics.mean(waits) if waits else 0.0
    # Those told they would wait at all: a customer shown no wait who waits none is covered by any p90.
    told = [r for r in records if r.outcome == "served" and r.estimate_mean_s]
    figures["told"] = len(told)
    figures["told_coverage"] = statistics.mean(r.wait_s <= r.estimate_p90_s for r in told) if told else 0.0
    untold = [r for r in records if r.outcome == "served" and r.estimate_mean_s == 0]
    figures["untold"] = len(untold)
    figures["untold_waited"] = sum(1 for r in untold if r.wait_s > 1.0)
    return figures


def exact_mae(spec: SimulationSpec, seeds: int, counters: int, mean_s: float) -> tuple[float, float]:
    """The mean absolute errors of the exact conditional median and mean waits on the simulator's own M/M/c
    customers: the least any estimate can reach, and the least an unbiased one (a mean) can.

    The same days as ``simulate(spec, seed)`` (its arrivals are the first draws of Random(seed), day by
    day), served first come first served on ``counters`` counters: a customer who finds every counter busy
    and n - 1 waiting waits Erlang(n, counters / mean_s); one who finds a counter free waits nothing.
    """
    errors, mean_errors = [], []
    for seed in range(1, seeds + 1):
        rng = random.Random(seed)
        for _ in range(spec.days):
            free = [0.0] * counters  # when each counter is next free
            calls: list[float] = []  # the calls still to come of those issued before, as a heap
            for arrival in sample_day(spec, rng):
                t = arrival.offset_s
                while calls and calls[0] <= t:
                    heapq.heappop(calls)
                soonest = heapq.heappop(free)
                call = max(t, soonest)
                heapq.heappush(free, call + arrival.service_s)
                waiting_ahead = len(calls)
                if soonest <= t and not waiting_ahead:
                    guess = mean = 0.0
                else:
                    guess = gamma_quantile(0.5, waiting_ahead + 1, mean_s / counters)
                    mean = (waiting_ahead + 1) * mean_s / counters
                heapq.heappush(calls, call)
                if t >= spec.warmup_s:
                    errors.append(abs(guess - (call - t)))
                    mean_errors.append(abs(mean - (call - t)))
    return statistics.mean(errors), statistics.mean(mean_errors)


def run(ctx) -> list[dict[str, Any]]:
    rows = []
    for label, spec, seeds in days(ctx.quick):
        f = measure(spec, seeds)
        called_at_once = f["untold"] / f["estimated"] if f["estimated"] else 0.0
        about = (
            f"{f['estimated']} customers over {spec.days} day(s) x {seeds} seed(s), mean wait "
            f"{f['mean_wait_s']:.0f} s, bias {f['bias_s']:+.0f} s; p90 coverage among the {f['told']} told they "
            f"would wait: {f['told_coverage']:.3f}; told no wait: {f['untold']}, of whom "
            f"{f['untold_waited']} waited over a second; a p90 true to every customer's wait covers "
            f"0.90 + 0.10 x {called_at_once:.3f} = {0.9 + 0.1 * called_at_once:.3f} of all waits"
        )
        rows += [
            {
                "name": f"estimates.{label}.p90_coverage",
                "value": f["p90_coverage"],
                "unit": "",
                "baseline": None,
                "target": ">= 0.88",
                "note": about,
            },
            {
                "name": f"estimates.{label}.p90_coverage_told",
                "value": f["told_coverage"],
                "unit": "",
                "baseline": None,
                "target": ">= 0.88 and <= 0.92",
                "note": f"p90 coverage among the {f['told']} customers told they would wait",
            },
            {
                "name": f"estimates.{label}.bias_share",
                "value": abs(f["bias_s"]) / f["mean_wait_s"] if f["mean_wait_s"] else 0.0,
                "unit": "",
                "baseline": None,
                "target": "<= 0.10",
            },
            {
                "name": f"estimates.{label}.mae",
                "value": f["mae_s"],
                "unit": "s",
                "baseline": f["naive_mae_s"],
                "target": "<= 0.75x",
            },
        ]
        if label.startswith("mm13_"):
            floor, mean_floor = exact_mae(spec, seeds, COUNTERS, MEAN_S)
            rows.append(
                {
                    "name": f"estimates.{label}.mae_vs_exact",
                    "value": f["mae_s"],
                    "unit": "s",
                    "baseline": floor,
                    "target": None,
                    "note": f"baseline: the exact conditional median (Erlang) on the same customers, "
                    f"{floor / f['naive_mae_s']:.3f}x the naive estimate's error: the least any estimate can reach; "
                    f"the exact conditional mean (unbiased) reaches {mean_floor / f['naive_mae_s']:.3f}x",
                }
            )
    return rows
