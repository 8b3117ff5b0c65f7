"""Sync never stops: an event upstream refuses is quarantined, the push goes on, the worker survives."""

import time

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from poison_events import counter_named_with_nul
from sqlalchemy import select
from sync_branch import synced, upstream_branch
from tcp_proxy import proxy_fixture, through  # noqa: F401 - fixture

from models.station.open import SyncWorker, open_station
from models.station.service import StationService
from models.store.tables import EventRow
from models.sync.refusal_codes import UNSTORABLE_TEXT
from models.sync.tables import QuarantinedEventRow
from models.sync.upstream import UpstreamBranch
from queueing.core.events import EventType

pytestmark = pytest.mark.postgres


@pytest.fixture
def branch(pg_url):
    with upstream_branch(pg_url, ("C1",)) as made:
        yield made


def _station(tmp_path, url, config, clock) -> StationService:
    station = open_station(config, "B1", "ST1", upstream=url, local=str(tmp_path / "st1.db"), clock=clock)
    assert isinstance(station, StationService)
    return station


def _poison(station: StationService) -> None:
    """An event that the station's file took but PostgreSQL refuses (a NUL byte in its text)."""
    station.local.record_many([counter_named_with_nul(station.local.state, station.local.ctx)])


def _upstream_view(store):
    """Upstream's quarantined events and station ST1's sequence numbers in its journal."""
    with store.read_session() as s:
        held = s.scalars(select(QuarantinedEventRow)).all()
        seqs = s.scalars(select(EventRow.seq).where(EventRow.station_id == "ST1").order_by(EventRow.seq)).all()
    return held, seqs


@pytest.mark.parametrize("backlog", [1, 1200])  # the ON CONFLICT path and the COPY path
def test_refused_event_is_quarantined_and_the_rest_arrives(tmp_path, branch, proxy, pg_url, backlog):
    store, config, clock = branch
    st = _station(tmp_path, through(proxy, pg_url), config, clock)
    proxy.cut()
    st.issue_ticket("CASH")
    _poison(st)
    for _ in range(backlog):
        st.issue_ticket("CASH")
    proxy.restore()
    assert synced(st), st.offline_reason
    assert st.sync_status().backlog == 0
    held, seqs = _upstream_view(store)
    assert [(q.seq, q.type) for q in held] == [(2, str(EventType.COUNTER_CONFIGURED))]
    assert "\\u0000" in held[0].event and held[0].reason
    assert held[0].reason_code == UNSTORABLE_TEXT  # what the supervisor's Sync tab words in their language
    assert seqs == [1] + list(range(3, backlog + 3))
    assert synced(st)  # a second sync pushes nothing again and is not stuck


def test_a_retry_event_by_event_commits_in_rounds(tmp_path, branch, proxy, pg_url, monkeypatch):
    """A refused backlog retried one event at a time commits what it took when its share of the deadline is
    spent (here: after each event), and the next rounds push the rest: nothing lost, nothing twice."""
    monkeypatch.setattr("models.station.sync.ONE_BY_ONE_SHARE", 0.0)
    rounds = []
    one_by_one = UpstreamBranch.receive_one_by_one

    def counted(self, *args, **kwargs):
        rounds.append(len(args[0]))
        return one_by_one(self, *args, **kwargs)

    monkeypatch.setattr(UpstreamBranch, "receive_one_by_one", counted)
    store, config, clock = branch
    st = _station(tmp_path, through(proxy, pg_url), config, clock)
    proxy.cut()
    for _ in range(3):
        st.issue_ticket("CASH")
    _poison(st)
    for _ in range(3):
        st.issue_ticket("CASH")
    proxy.restore()
    assert synced(st), st.offline_reason
    assert st.sync_status().backlog == 0
    held, seqs = _upstream_view(store)
    assert [(q.seq, q.type) for q in held] == [(4, str(EventType.COUNTER_CONFIGURED))]
    assert seqs == [1, 2, 3, 5, 6, 7]
    # One event per round up to the refused one (7 events, then 6, 5, 4 left); the rest went as a whole.
    assert rounds == [7, 6, 5, 4]
    assert synced(st)


def test_worker_survives_failures_and_shows_the_true_cause(tmp_path, branch, proxy, pg_url, monkeypatch):
    _store, config, clock = branch
    st = _station(tmp_path, through(proxy, pg_url), config, clock)
    real = st.tick
    failures = [RuntimeError("disk says no"), RuntimeError("disk says no")]

    def flaky() -> bool:
        if failures:
            raise failures.pop()
        return real()

    monkeypatch.setattr(st, "tick", flaky)
    worker = SyncWorker(st, interval_s=0.05).start()
    try:
        deadline = time.monotonic() + 5
        while failures and time.monotonic() < deadline:
            time.sleep(0.01)
        assert not failures
        assert st.offline_reason == "sync failed: RuntimeError: disk says no"
        deadline = time.monotonic() + 5
        while not st.online and time.monotonic() < deadline:
            time.sleep(0.02)
        assert st.online and worker._thread.is_alive()
    finally:
        worker.stop()
