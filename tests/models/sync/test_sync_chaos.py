"""A simulated day of three stations while a proxy cuts, stalls and restores the link at random.

Upstream must end with exactly the union of the stations' events, each once,
and its projections must equal a replay of its journal.
"""

import random
from datetime import UTC, datetime

import pytest
from pg_server import open_test_upstream, pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from projection_checks import assert_projections_match_journal
from sqlalchemy import select
from sync_branch import synced
from tcp_proxy import TcpProxy

from models.branch.service import BranchService
from models.demo.branch_setup import set_up_counter
from models.station.open import open_station
from models.station.service import StationService
from models.store.tables import EventRow
from models.sync.pg_upstream import Deadlines
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.errors import DomainError
from queueing.core.tickets import TransactionLine

pytestmark = pytest.mark.postgres

# Short deadlines keep the test quick; the 3-second promise is tested with the defaults elsewhere.
FAST = Deadlines(connect_s=2, statement_ms=1500, idle_in_transaction_ms=1500, call_s=0.6)
STEPS = 240


def _set_up(pg_url, config, clock):
    store = open_test_upstream(pg_url)
    setup = BranchService(store, config, "B1", "SETUP", clock)
    setup.ensure_branch("Chaos branch")
    for cid in ("C1", "C2", "C3"):
        set_up_counter(setup, cid, cid, {"CASH": 1, "TRANSFER": 1})
        setup.open_counter(cid, f"T{cid}")
    return store


def _act(rng: random.Random, station: StationService, counter: str) -> None:
    """One thing a teller or a customer does at this station."""
    roll = rng.random()
    try:
        if roll < 0.40:
            station.issue_ticket(rng.choice(["CASH", "TRANSFER"]))
        elif roll < 0.65:
            station.call_next(counter)
        elif roll < 0.75:
            station.start(counter)
        elif roll < 0.90:
            station.finish(counter, [TransactionLine("CASH_DEPOSIT", 1)])
        elif roll < 0.95:
            station.recall(counter)
        else:
            station.park(counter)
    except DomainError:
        pass  # not possible right now (nobody waiting, counter busy): a teller would do something else


def _own_events(station: StationService) -> set[str]:
    with station.local.store.read_session() as session:
        return set(session.scalars(select(EventRow.id).where(EventRow.station_id == station.station_id)))


def test_random_cuts_and_stalls_lose_nothing_and_count_nothing_twice(tmp_path, pg_server, pg_url):
    rng = random.Random(20261123)
    config = load_branch_config()
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    store = _set_up(pg_url, config, clock)
    proxy = TcpProxy(pg_server.port).start()
    url = pg_server.url(pg_url.rsplit("/", 1)[1], port=proxy.port)
    stations = [
        open_station(
            config, "B1", f"ST{i}", upstream=url, local=str(tmp_path / f"st{i}.db"), clock=clock, deadlines=FAST
        )
        for i in (1, 2, 3)
    ]
    try:
        went_offline = set()
        for _step in range(STEPS):
            roll = rng.random()
            if roll < 0.04:
                proxy.cut()
            elif roll < 0.06:
                proxy.stall()
            elif roll < 0.14:
                proxy.restore()
            i = rng.randrange(3)
            station = stations[i]
            if not station.online and rng.random() < 0.2:
                station.sync_now()
            _act(rng, station, f"C{i + 1}")
            if not station.online:
                went_offline.add(station.station_id)
            clock.advance(rng.uniform(5, 60))
        proxy.restore()
        for _round in range(3):
            for station in stations:
                assert synced(station), station.offline_reason
        assert went_offline, "the proxy never took a station offline: the test proved nothing"
        assert all(s.sync_status().backlog == 0 for s in stations)

        with store.read_session() as session:
            upstream = session.scalars(select(EventRow.id).where(EventRow.station_id != "SETUP")).all()
        union = set().union(*(_own_events(s) for s in stations))
        assert len(upstream) == len(set(upstream)), "an event is upstream twice"
        assert set(upstream) == union
        assert_projections_match_journal(store, config, "B1")
        # Every station's journal ends with everything upstream has.
        with store.read_session() as session:
            everything = set(session.scalars(select(EventRow.id)))
        for station in stations:
            with station.local.store.read_session() as session:
                assert set(session.scalars(select(EventRow.id))) == everything
    finally:
        proxy.close()
        store.close()
