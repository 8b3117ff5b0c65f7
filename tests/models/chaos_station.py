"""One station process of the chaos test: a teller and customers at random, with the real sync worker.

``python chaos_station.py UPSTREAM LOCAL STATION_ID SEED SECONDS`` works for SECONDS while the
test's proxy breaks the link, then waits (at most SETTLE_S) until its backlog is pushed and no
command is in doubt, and prints one line: ``DONE backlog=<n> in_doubt=<n> offline=<n>``.
"""

from __future__ import annotations

import random
import sys
import time

SETTLE_S = 60.0


def main(upstream: str, local: str, station_id: str, seed: int, seconds: float) -> None:
    from models.station.in_doubt import in_doubt
    from models.station.open import open_station
    from models.station.service import StationService
    from models.sync.pg_upstream import Deadlines
    from queueing.core.categories import load_branch_config
    from queueing.core.errors import DomainError
    from queueing.core.tickets import TransactionLine

    fast = Deadlines(connect_s=2, statement_ms=1500, idle_in_transaction_ms=1500, call_s=0.8)
    config = load_branch_config()
    station = open_station(config, "B1", station_id, upstream=upstream, local=local, deadlines=fast, worker=True)
    assert isinstance(station, StationService)
    assert station.worker is not None
    station.worker.interval_s = 0.2
    counter = f"C{station_id[-1]}"
    rng = random.Random(seed)
    offline_steps = 0
    actions = [
        (0.40, lambda: station.issue_ticket(rng.choice(["CASH", "TRANSFER"]))),
        (0.65, lambda: station.call_next(counter)),
        (0.75, lambda: station.start(counter)),
        (0.90, lambda: station.finish(counter, [TransactionLine("CASH_DEPOSIT", 1)])),
        (0.95, lambda: station.recall(counter)),
        (1.00, lambda: station.park(counter)),
    ]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        roll = rng.random()
        action = next(act for limit, act in actions if roll < limit)
        try:
            action()
        except DomainError:
            pass  # nothing to do right now, or the outcome is unknown: a teller would carry on
        offline_steps += 0 if station.online else 1
        time.sleep(rng.uniform(0.0, 0.05))
    settle = time.monotonic() + SETTLE_S
    while time.monotonic() < settle:
        pending = in_doubt(station.local.store, "B1", station_id)
        if station.online and station.sync_status().backlog == 0 and not pending:
            break
        time.sleep(0.2)
    backlog = station.sync_status().backlog
    pending = len(in_doubt(station.local.store, "B1", station_id))
    station.close()
    print(f"DONE backlog={backlog} in_doubt={pending} offline={offline_steps}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]))
