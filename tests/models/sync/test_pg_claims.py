"""Ten stations, each its own process and StationService, call next 300 times each: no ticket is claimed twice.

Run as a script, this file is one station: ``python test_pg_claims.py URL LOCAL STATION CALLS OUT``.
"""

from __future__ import annotations

import faulthandler
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pg_server import open_test_upstream, pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import func, select

STATIONS = 10
CALLS = int(os.environ.get("CLAIMS_TRIAL", 300))  # 10 x 300 claims in make test; CLAIMS_TRIAL=1000 for the long run
COUNTERS_PER_STATION = 5  # called one after another, then freed together in one command

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]


def _counters(station: str) -> list[str]:
    return [f"{station}-{k}" for k in range(COUNTERS_PER_STATION)]


def station_main(url: str, local: str, station_id: str, calls: int, out: str) -> None:
    """One station: call next at each of its counters in turn; park them all when all are busy."""
    from models.station.open import open_station
    from models.station.service import StationService
    from queueing.core.categories import load_branch_config
    from queueing.core.errors import NothingWaiting
    from queueing.core.reducer import apply

    station = open_station(load_branch_config(), "B1", station_id, upstream=url, local=local)
    assert isinstance(station, StationService)
    claimed: list[str] = []
    offline = 0

    def park_all(c):
        events = []
        for counter in _counters(station_id):
            if c.state.counters[counter].current:
                events += c.park(counter)
                apply(c.state, events[-1])
        return events

    while len(claimed) < calls:
        for counter in _counters(station_id):
            while True:
                if not station.online:
                    offline += 1
                    station.sync_now()
                    continue
                try:
                    claimed.append(station.call_next(counter).ticket.id)
                    break
                except NothingWaiting:
                    time.sleep(0.002)
            if len(claimed) == calls:
                break
        station.run(park_all)
    Path(out).write_text(json.dumps({"claimed": claimed, "offline": offline}))


def _feed(url: str, total: int, stop: threading.Event, failed: list[BaseException]) -> None:
    """Keep about 20 tickets waiting until ``total`` are issued (a short queue, as in a branch).

    The feeder is the test's kiosk, not a station under test: it has the test's deadlines, since ten station
    processes on two cores can stall it past a station's 2-second idle limit inside its own transaction (a CI run
    lost it that way, and the stations then waited for tickets that never came). Its error is kept for the test.
    """
    from models.branch.service import BranchService
    from models.store.tables import TicketRow
    from queueing.core.categories import load_branch_config
    from queueing.core.reducer import apply

    try:
        store = open_test_upstream(url)
    except BaseException as exc:
        failed.append(exc)
        return
    feeder = BranchService(store, load_branch_config(), "B1", "KIOSK")
    issued = 0

    def issue(n):
        def decide(c):
            events = []
            for _ in range(n):
                events += c.issue_ticket("CASH")
                apply(c.state, events[-1])
            return events

        return decide

    try:
        while issued < total and not stop.is_set():
            with store.read_session() as session:
                waiting = session.scalar(select(func.count()).where(TicketRow.status == "waiting"))
            if waiting < 20:
                n = min(20, total - issued)
                feeder.run(issue(n))
                issued += n
            else:
                time.sleep(0.005)
    except BaseException as exc:
        failed.append(exc)
    finally:
        store.close()


def _wait_for_stations(procs: dict[Path, subprocess.Popen], failed: list[BaseException]) -> None:
    """Every station's exit, failing at once with the feeder's error if it stops early (they would wait for ever)."""
    deadline = time.monotonic() + 600
    for log, proc in procs.items():
        while proc.poll() is None:
            assert not failed, f"the feeder stopped: {failed[0]!r}"
            assert time.monotonic() < deadline, "stations still calling after 600 s"
            time.sleep(0.2)
        assert proc.returncode == 0, log.read_text()[-3000:]


@pytest.mark.postgres
@pytest.mark.slow  # minutes on a loaded 2-CPU machine: 11,000 serialised upstream commands with local fsyncs
def test_ten_stations_never_claim_a_ticket_twice(pg_url, tmp_path):
    from projection_checks import assert_projections_match_journal

    from models.branch.service import BranchService
    from models.store.tables import EventRow, TicketRow
    from queueing.core.categories import load_branch_config
    from queueing.core.reducer import apply

    # Slow by design: the suite's 60 s stack dump (faulthandler_timeout) would be noise in every run; a dump
    # after 10 min still says where it hangs. pytest cancels it when the test ends.
    faulthandler.dump_traceback_later(600, file=sys.__stderr__)
    config = load_branch_config()
    store = open_test_upstream(pg_url)
    setup = BranchService(store, config, "B1", "SETUP")
    setup.ensure_branch("Claims")
    stations = [f"ST{i}" for i in range(STATIONS)]

    def configure(c):
        events = []
        for station in stations:
            for counter in _counters(station):
                events += c.configure_counter(counter, counter, {"CASH": 1})
                apply(c.state, events[-1])
                events += c.open_counter(counter)
                apply(c.state, events[-1])
        return events

    setup.run(configure)
    stop = threading.Event()
    failed: list[BaseException] = []
    feeder = threading.Thread(target=_feed, args=(pg_url, STATIONS * CALLS, stop, failed), daemon=True)
    feeder.start()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(HERE), str(HERE.parent), str(ROOT / "tests")])}
    procs: dict[Path, subprocess.Popen] = {}
    try:
        for s in stations:
            log = tmp_path / f"{s}.log"  # a file, not a pipe: nobody reads a pipe while the stations run
            with log.open("w") as err:
                args = [pg_url, str(tmp_path / f"{s}.db"), s, str(CALLS), str(tmp_path / f"{s}.json")]
                procs[log] = subprocess.Popen([sys.executable, __file__, *args], env=env, stderr=err)
        _wait_for_stations(procs, failed)
    finally:
        stop.set()
        for proc in procs.values():
            proc.kill()
    feeder.join(timeout=30)
    assert not failed, f"the feeder failed: {failed[0]!r}"

    results = [json.loads((tmp_path / f"{s}.json").read_text()) for s in stations]
    claimed = [t for r in results for t in r["claimed"]]
    assert len(claimed) == STATIONS * CALLS
    assert len(set(claimed)) == len(claimed), "a ticket was claimed by two calls"
    with store.read_session() as session:
        called = session.scalars(
            select(EventRow.payload["ticket_id"].as_string()).where(EventRow.type == "ticket_called")
        ).all()
        flagged = session.scalar(select(func.count()).where(TicketRow.conflict.is_(True)))
    assert len(called) == len(set(called)) == STATIONS * CALLS, "a ticket was called twice upstream"
    assert set(called) == set(claimed)
    assert flagged == 0
    assert_projections_match_journal(store, config, "B1")
    store.close()


if __name__ == "__main__":
    station_main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
