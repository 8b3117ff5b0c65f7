"""Issue 17's start-up targets: a station is ready as fast on three years of history as on one month.

Stores (bench/history_span.py): the benchmark branch's last 31 days (simulated), and three years
(the cached year with two copied years in front). Both end on the same live day, cut at 11:00.
Each is copied to the scratch folder first (the station may write to its file).

- ``startup.ready.three_years``: ``main.py station`` spawned in a fresh interpreter, from spawn to the
  console line it prints once the first snapshot is painted; median of three spawns, alternating with
  the month's (the first, the coldest, is in the note). Baseline: the same on the month store.
  Target: at most 1.5 s and within 10% of the month (<= 1.1x).
- ``startup.peak_rss.three_years``: the station's own peak resident set (VmHWM from /proc of the
  spawned process, printed on the same line), target <= 250 MB; baseline: the month store.
- ``startup.load_state.three_years``: BranchService's start-up alone in this process (the state from
  the projections), median of three; baseline: the month store; target <= 1.1x.
- ``startup.sign_in_habits.three_years``: ``StaffService.most_used_transactions`` for a teller with no
  visits (the worst case: nothing to find), median of five; baseline: the month store; target <= 20 ms.
"""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path
from typing import Any

from bench.bench_station import COUNTER, cold_start
from bench.history import BRANCH_ID, open_live_service
from bench.history_span import month_history, three_year_history
from models.staff.service import StaffService
from models.store.database import open_store

SPAWNS = 3


def _copy(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target


def _ready(paths: list[Path], spawns: int) -> list[tuple[list[float], float | None]]:
    """Per store: seconds to ready of each spawn, and the largest peak RSS. Spawns alternate between the
    stores, so a busy moment of the machine falls on both alike."""
    runs: list[list[tuple[float, float | None]]] = [[] for _ in paths]
    for _ in range(spawns):
        for index, path in enumerate(paths):
            runs[index].append(cold_start(path, COUNTER, BRANCH_ID))
    return [
        ([seconds for seconds, _ in found], max((rss for _, rss in found if rss is not None), default=None))
        for found in runs
    ]


def _in_process(path: Path) -> tuple[float, float]:
    """Seconds of BranchService's start-up (median of three) and of a new teller's habits (median of five)."""
    store = open_store(str(path))
    try:
        loads = []
        for _ in range(3):
            started = time.perf_counter()
            branch = open_live_service(store, "BENCH-STARTUP")
            loads.append(time.perf_counter() - started)
        staff = StaffService(store, BRANCH_ID, branch.clock)
        habits = []
        for _ in range(5):
            started = time.perf_counter()
            staff.most_used_transactions("T-NEW")
            habits.append(time.perf_counter() - started)
    finally:
        store.close()
    return statistics.median(loads), statistics.median(habits)


def run(ctx) -> list[dict[str, Any]]:
    spawns = 1 if ctx.quick else SPAWNS
    month = _copy(month_history(), ctx.tmp_dir / "month.db")
    years = _copy(three_year_history(), ctx.tmp_dir / "three_years.db")
    month_load, month_habits = _in_process(month)
    years_load, years_habits = _in_process(years)
    (month_ready, month_rss), (years_ready, years_rss) = _ready([month, years], spawns)
    ready, base = statistics.median(years_ready), statistics.median(month_ready)
    rows = [
        {
            "name": "startup.ready.three_years",
            "value": ready,
            "unit": "s",
            "baseline": base,
            "target": "<= 1.5 s and <= 1.1x",
            "note": f"main.py station spawned on three years (895,000 tickets, 3.7 million events), spawn to the "
            f"ready line, median of {spawns} alternating with the month's (first {years_ready[0]:.2f} s); "
            "baseline: the same on one month "
            f"(first {month_ready[0]:.2f} s)",
        },
        {
            "name": "startup.load_state.three_years",
            "value": years_load * 1000,
            "unit": "ms",
            "baseline": month_load * 1000,
            "target": "<= 1.1x",
            "note": "BranchService start-up in process (state from the projections), median of 3; baseline: month",
        },
        {
            "name": "startup.sign_in_habits.three_years",
            "value": years_habits * 1000,
            "unit": "ms",
            "baseline": month_habits * 1000,
            "target": "<= 20 ms",
            "note": "most_used_transactions of a teller with no visits (reads until it knows there are none), "
            "median of 5; baseline: month",
        },
    ]
    if years_rss is not None:
        rows.append(
            {
                "name": "startup.peak_rss.three_years",
                "value": years_rss,
                "unit": "MB",
                "baseline": month_rss,
                "target": "<= 250 MB",
                "note": "the spawned station's own VmHWM (/proc/self/status), largest of the spawns; baseline: month",
            }
        )
    return rows
