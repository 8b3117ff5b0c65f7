"""The branch upstream that the sync tests start from: open counters, a clock at 09:00 in Shanghai."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from pg_server import open_test_upstream

from models.branch.service import BranchService
from models.demo.branch_setup import set_up_counter
from models.station.open import open_station
from models.station.service import StationService
from models.store.database import Store
from models.store.deadline import DeadlineExceeded
from queueing.core.categories import BranchConfig, load_branch_config
from queueing.core.clock import ManualClock

FIRST_SYNC_RETRIES = 2
# Syncs a test makes when one runs out of the station's deadlines on a loaded machine, as its timer would retry.
SYNC_TRIES = 3


def synced(station: StationService) -> bool:
    """``station.sync_now()``, tried again only after a sync that ran out of time (DeadlineExceeded: four test
    processes and their PostgreSQL servers on two cores), as the station's own timer tries again. Any other
    failure is the test's to see at once."""
    for _ in range(SYNC_TRIES):
        if station.sync_now():
            return True
        if DeadlineExceeded.__name__ not in (station.offline_reason or ""):
            return False
    return False


@contextmanager
def upstream_branch(
    url: str, counters: tuple[str, ...] = ("C1", "C2"), profile: dict[str, int] | None = None
) -> Iterator[tuple[Store, BranchConfig, ManualClock]]:
    """Yields (store, config, clock) with ``counters`` configured and open, each with teller T<counter>."""
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    config = load_branch_config()
    store = open_test_upstream(url)
    setup = BranchService(store, config, "B1", "SETUP", clock)
    setup.ensure_branch("Test branch")
    for cid in counters:
        set_up_counter(setup, cid, cid, profile or {"CASH": 1})
        setup.open_counter(cid, f"T{cid}")
    try:
        yield store, config, clock
    finally:
        store.close()


def station_on(
    tmp_path: Path,
    url: str,
    config: BranchConfig,
    clock: ManualClock,
    name: str,
    path: Path | None = None,
    online: bool = True,
) -> StationService:
    """Station ``name`` of branch B1 syncing with ``url``, its own file ``path`` (default: <tmp_path>/<name>.db).

    ``online``: the station is checked to have reached its upstream, or (False) to have opened offline. A first
    sync that missed its 2-second deadlines on a loaded test machine is tried again, as the station's own timer
    would, before the check fails with the station's reason.
    """
    local = str(path or tmp_path / f"{name}.db")
    station = open_station(config, "B1", name, upstream=url, local=local, clock=clock)
    assert isinstance(station, StationService)
    if not online:
        assert not station.online
        return station
    for _ in range(FIRST_SYNC_RETRIES):
        if station.online:
            break
        station.sync_now()
    assert station.online, f"station {name} did not reach {url}: {station.offline_reason}"
    return station
