"""A station restarted between its offline work and its sync, whose offline call clashes with another station's
call of the same ticket: the fold ``record_in_order`` makes on the year store (bench/history.py).

The station's file is the year store's copy, its station ``BENCH-ST1``: it calls a waiting ticket offline
(``hold_base`` first, as StationService does), is closed and opened again, and is then handed the branch's
order, where ``BENCH-ST2`` called that ticket first. The file moves its call behind the other's and folds the
state again from before it.

- ``station.restart_fold.saved_base``: the reorder's wall time after the restart, folding from the base the file
  kept (models/branch/held_base.py). Target <= 1 s. Baseline: none in the run (see below); the note has the CPU
  time and the events the fold read.
- ``station.hold_base``: what saving that base costs the first offline command (copy, text, synced write).

The fold from the journal's start (the way back when no usable base is kept; before held_base, the only way
after a restart) takes half a minute here, so it is measured only on demand:

    .venv/bin/python -m bench.bench_restart_fold [--store COPY.db] [--from-start]

``--store`` works on that file (a copy of the year store: it is written to); without it, a copy of the cached
year store is made in a temporary folder.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import delete

import models.branch.reorder as reorder
from bench.history import BRANCH_ID, open_live_service
from models.branch.journal import events_after
from models.branch.service import BranchService
from models.store.database import open_store
from queueing.core.commands import Commands
from queueing.core.events import StationContext
from queueing.core.tickets import TicketStatus, TransactionLine


def _free(service: BranchService, counter_id: str) -> None:
    """Finish whoever is at the counter (history before the offline work)."""
    current = service.state.counters[counter_id].current
    if current is None:
        return
    if service.state.tickets[current].status is TicketStatus.CALLED:
        service.start(counter_id)
    service.finish(counter_id, [TransactionLine("CASH_DEPOSIT", 1)])


def measure(path: Path, from_start: bool = False) -> dict[str, Any]:
    """The scenario on ``path`` (written to); the figures as a dict."""
    store = open_store(str(path))
    try:
        service = open_live_service(store)
        ticket = next(t for t in service.state.waiting.values() if t.target_counter is None)
        mine, theirs = _two_counters(service, ticket.category)
        for counter_id in (mine, theirs):
            _free(service, counter_id)
        other = Commands(
            copy.deepcopy(service.state, {id(service.config): service.config}),
            StationContext(BRANCH_ID, "BENCH-ST2", service.clock),
        )
        their_call = other.call_ticket(theirs, ticket.id, "asked for by name")
        before = service.refresh()
        started = time.perf_counter()
        service.hold_base()
        hold_s = time.perf_counter() - started
        service.call_ticket(mine, ticket.id, "asked for by name")
        with store.read_session() as session:
            own = [event for _p, event in events_after(session, BRANCH_ID, before)]
        service.close()
        if from_start:
            from models.sync.tables import HeldBaseRow

            with store.engine.begin() as conn:
                conn.execute(delete(HeldBaseRow))
        started = time.perf_counter()
        again = open_live_service(store)  # the restart
        open_s = time.perf_counter() - started
        read = _count_reads()
        wall, cpu = time.perf_counter(), time.process_time()
        again.record_in_order(list(their_call) + own)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        won = again.state.tickets[ticket.id]
        assert (won.status, won.counter) == (TicketStatus.CALLED, theirs), "the branch's order names the winner"
        again.close()
        return {"fold_s": wall, "fold_cpu_s": cpu, "events_read": read[0], "hold_base_s": hold_s, "open_s": open_s}
    finally:
        reorder.events_after = events_after
        store.close()


def _two_counters(service: BranchService, category: str) -> tuple[str, str]:
    serving = sorted(c.id for c in service.state.counters.values() if c.serves(category) and c.is_serving_queue)
    return serving[0], serving[1]


def _count_reads() -> list[int]:
    """Counts the journal events the reorder reads (its fold and its projections again)."""
    read = [0]

    def counted(session: Any, branch_id: str, position: int, batch: int = 5000) -> Any:
        for item in events_after(session, branch_id, position, batch):
            read[0] += 1
            yield item

    reorder.events_after = counted
    return read


def run(ctx: Any) -> list[dict[str, Any]]:
    figures = measure(ctx.fresh_copy("restart_fold.db"))
    note = (
        f"CPU {figures['fold_cpu_s'] * 1000:.0f} ms, {figures['events_read']} journal events read; the fold from the"
        " journal's start (no usable base) is measured by `python -m bench.bench_restart_fold --from-start`"
    )
    return [
        {
            "name": "station.restart_fold.saved_base",
            "value": figures["fold_s"],
            "unit": "s",
            "baseline": None,
            "target": 1.0,
            "note": note,
        },
        {
            "name": "station.hold_base",
            "value": figures["hold_base_s"] * 1000,
            "unit": "ms",
            "baseline": None,
            "target": None,
            "note": "the first offline command's extra: the state's copy, its text and one synced write",
        },
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="a copy of the year store to work on (it is written to)")
    parser.add_argument("--from-start", action="store_true", help="drop the saved base before the restart")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        path = args.store
        if path is None:
            from bench.history import cached_history

            path = Path(scratch) / "restart_fold.db"
            shutil.copyfile(cached_history(), path)
        figures = measure(path, args.from_start)
    for key, value in figures.items():
        print(f"{key:12} {value:.3f}" if isinstance(value, float) else f"{key:12} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
