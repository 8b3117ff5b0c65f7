"""Starting a station that syncs to an upstream store, whether or not upstream answers right now.

Upstream reachable: the branch (``--branch``, or upstream's only one) must be set up there already, then
the station syncs. Unreachable: the station starts offline on its own file, provided an earlier start
synced it once (it knows the counters and holds a copy of the staff), in the branch named or else the one its
file holds; a station that never reached upstream cannot know its branch and says so.
"""

from __future__ import annotations

import logging

from models.branch.day_plan import load_day_plan
from models.branch.prepare import Station, prepare_station
from models.demo.branch_setup import load_demo_branch
from models.station.open import open_station
from models.station.service import UNREACHABLE, StationService, failure_line
from models.station.staff_sign_in import StationStaff
from models.sync.pg_upstream import Deadlines, open_upstream
from queueing.core.categories import load_branch_config
from queueing.core.clock import Clock
from queueing.core.errors import ConfigError

log = logging.getLogger(__name__)


def upstream_label(upstream: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(upstream).render_as_string(hide_password=True)
    except Exception:
        return "the branch server"


def _prepare_upstream_branch(
    upstream: str, station_id: str, branch_id: str | None, clock: Clock | None
) -> tuple[str | None, str | None, str | None]:
    """(why upstream could not be reached or None, the branch: ``branch_id`` or upstream's only one, the branch's
    time zone as upstream records it or None)."""
    try:
        store = open_upstream(upstream)
    except UNREACHABLE as exc:
        return failure_line(exc), branch_id, None
    try:
        branch = prepare_station(store, station_id, clock, branch_id).branch
        return None, branch.branch_id, branch.config.timezone
    except UNREACHABLE as exc:
        return failure_line(exc), branch_id, None
    finally:
        store.close()


def _files_branch(local: str | None) -> str | None:
    """The branch an earlier start synced this station's file with: the file's only branch, if the file exists.

    Without it a station started with no --branch (upstream's only branch) could not start while upstream was
    down, however often it had synced. Asking never creates the file.
    """
    from models.store.branches import store_branches
    from models.store.database import open_store
    from models.store.location import resolve_url, sqlite_file

    path = sqlite_file(resolve_url(local))
    if path is None or not path.exists():
        return None
    store = open_store(local)
    try:
        branches = store_branches(store)
    finally:
        store.close()
    return branches[0].id if len(branches) == 1 else None


def start_synced_station(
    upstream: str,
    local: str | None,
    station_id: str,
    branch_id: str | None = None,
    clock: Clock | None = None,
    deadlines: Deadlines = Deadlines(),
    worker: bool = True,
) -> Station:
    """The station's services on its own file, synced to ``upstream`` (offline if upstream does not answer)."""
    demo = load_demo_branch()
    unreachable, branch_id, zone = _prepare_upstream_branch(upstream, station_id, branch_id, clock)
    if branch_id is None:
        branch_id = _files_branch(local)
    if branch_id is None:  # upstream did not answer: only its answer says which branch a new station is in
        raise ConfigError(
            f"station {station_id} has never synced with {upstream_label(upstream)} and cannot reach it "
            f"({unreachable}); its first start needs the branch server (or say --branch ID)"
        )
    config, day = load_branch_config(), load_day_plan()
    service = open_station(
        config, branch_id, station_id, upstream, local, clock, deadlines, worker=worker, day=day, own_zone=True,
        zone=zone,
    )  # fmt: skip
    if not isinstance(service, StationService):  # upstream is the station's own file: nothing to sync
        return prepare_station(service.store, station_id, clock, branch_id)
    if not service.snapshot().counters:
        service.close()
        reason = unreachable or service.offline_reason
        raise ConfigError(
            f"station {station_id} has never synced with {service.upstream_store.label} and cannot reach it "
            f"({reason}); its first start needs the branch server"
        )
    if unreachable:
        log.warning("station %s starts offline: %s", station_id, unreachable)
    return Station(branch=service, staff=StationStaff(service), demo=demo)
