"""A kiosk tile's "N ahead" for a service is what the ticket taken there then says: one computation, in a busy
branch with shared counters, priority customers, fair service and the outlook of customers still to come."""

import random
from datetime import UTC, datetime

from models.branch.prepare import prepare_demo_station, seed_simulated_tellers
from models.demo.traffic import DemoTraffic
from models.store.database import open_store
from queueing.core.clock import ManualClock
from queueing.core.tickets import PriorityClass


def test_the_tile_figure_is_the_issued_tickets_position_all_day(tmp_path):
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    store = open_store(str(tmp_path / "branch.db"))
    try:
        station = prepare_demo_station(store, "TEST-KIOSK", clock)
        seed_simulated_tellers(station)
        branch = station.branch
        simulated = {"C1": "SIM01", "C2": "SIM02", "C3": "SIM03", "C4": "SIM04", "C6": "SIM06"}
        traffic = DemoTraffic(branch, simulated, per_hour=110, seed=11)
        traffic.open_counters()
        rng = random.Random(4)
        checked = 0
        for _ in range(30):
            for _ in range(rng.randint(1, 4)):
                clock.advance(40)
                traffic.step(40)
            if rng.random() < 0.3:
                branch.issue_ticket(rng.choice(["CASH", "VIP", "LOANS"]), PriorityClass.ELDERLY)
            tiles = branch.snapshot(ahead=True).ahead_by_category
            code = rng.choice(sorted(tiles))
            ticket = branch.issue_ticket(code).ticket
            assert ticket.position == tiles[code], (code, clock.now())
            checked += 1
        assert checked == 30 and len(branch.snapshot().waiting) > 5  # a queue, not an empty hall
    finally:
        store.close()
