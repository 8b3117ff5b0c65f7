"""Opening a station's service: the single-PC branch, or a synced station with its file locked and its worker."""

from __future__ import annotations

import logging
import threading
from dataclasses import replace

from filelock import FileLock, Timeout

from models.branch.day_plan import DayPlan
from models.branch.service import BranchService
from models.station.service import StationService
from models.store.database import Store
from models.store.errors import StationFileInUse
from models.store.location import resolve_url, sqlite_file
from models.sync.pg_upstream import Deadlines
from queueing.core.categories import BranchConfig
from queueing.core.clock import Clock

log = logging.getLogger(__name__)
MAX_RETRY_PAUSE_S = 60.0  # the longest the sync worker waits before trying again after a failure


def hold_station_file(store: Store) -> FileLock | None:
    """Lock the station's own file for this process; refuse, naming it, if another process holds it.

    Two processes on one station file would both number their events from the same sequence.
    The lock is the operating system's: it goes with the process, however that ends.
    """
    path = sqlite_file(store.url)
    if path is None:
        return None
    lock = FileLock(f"{path}.lock", timeout=0)
    try:
        lock.acquire()
    except Timeout:
        store.close()
        raise StationFileInUse(
            f"{path} is in use by another Counterline station on this PC; close that one first"
        ) from None
    return lock


class SyncWorker:
    """A daemon thread that keeps a station in sync: reconnects when offline, pulls when online."""

    def __init__(self, station: StationService, interval_s: float = 1.0) -> None:
        self.station = station
        self.interval_s = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=f"sync-{station.station_id}", daemon=True)

    def start(self) -> SyncWorker:
        self._thread.start()
        return self

    def _loop(self) -> None:
        # Nothing stops this loop but stop(): a failure is logged, shown (offline_reason) and retried
        # after a pause that doubles up to a minute, and resets once a step succeeds.
        pause = self.interval_s
        while not self._stop.wait(pause):
            try:
                self.station.tick()
                pause = self.interval_s
            except Exception as exc:
                self.station.note_failure(exc)
                log.exception("sync step of station %s failed; retrying in %.0f s", self.station.station_id, pause)
                pause = min(MAX_RETRY_PAUSE_S, max(pause * 2, self.interval_s))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)


def in_branch_zone(config: BranchConfig, store: Store, branch_id: str, zone: str | None) -> BranchConfig:
    """The packaged rules in the branch's own time zone: upstream's word for it (``zone``), else the one the
    station's file (``store``) kept from its last start, else the packaged file's.

    The zone dates every ticket and ends every business day. A branch set up with ``branch init --timezone
    America/Mexico_City`` kept the packaged categories.toml's Asia/Shanghai at its synced stations, whose day
    then ended at Shanghai's midnight, mid-morning in Mexico, while its supervisor's screen used Mexico's.
    """
    from sqlalchemy import update

    from models.store.branches import store_branches
    from models.store.tables import BranchRow

    if zone is None:
        zone = next((b.timezone for b in store_branches(store) if b.id == branch_id), None)
    elif any(b.id == branch_id and b.timezone != zone for b in store_branches(store)):
        with store.write_session() as session:  # kept for an offline start, and for the file's own readers
            session.execute(update(BranchRow).where(BranchRow.id == branch_id).values(timezone=zone))
    return replace(config, timezone=zone) if zone else config


def open_station(
    config: BranchConfig,
    branch_id: str,
    station_id: str,
    upstream: str | None = None,
    local: str | None = None,
    clock: Clock | None = None,
    deadlines: Deadlines = Deadlines(),
    worker: bool = False,
    day: DayPlan | None = None,
    own_zone: bool = False,
    zone: str | None = None,
) -> BranchService | StationService:
    """The service a station window calls.

    No ``upstream``, or the same store as ``local``: the single-PC branch, a
    BranchService on that file, no sync needed. Otherwise a StationService with
    its own SQLite journal at ``local`` and sync to ``upstream``; it starts
    offline and goes online at the first successful sync (tried here at once).
    ``day``: the branch's hours and break rota for the wait estimates (``load_day_plan``). ``own_zone``: a synced
    station dates in the branch's own time zone (``in_branch_zone``: ``zone`` as upstream said it, if it did).
    """
    from models.store.database import open_store
    from models.sync.pg_upstream import make_upstream

    local_store = open_store(local)
    if upstream is None or local_store.url == resolve_url(upstream):
        return BranchService(local_store, config, branch_id, station_id, clock, day)
    owner = hold_station_file(local_store)
    if own_zone:  # on the file this station holds now, opened once for both
        config = in_branch_zone(config, local_store, branch_id, zone)
    # Not connected yet: the first sync checks and migrates the upstream schema; until then the station is offline.
    upstream_store = make_upstream(upstream, deadlines)
    station = StationService(local_store, upstream_store, config, branch_id, station_id, clock, deadlines, day)
    station.file_lock = owner
    station.sync_now()
    station.end_past_days()  # opened on a new business day: yesterday's queue is not today's
    if worker:
        station.worker = SyncWorker(station).start()
    return station
