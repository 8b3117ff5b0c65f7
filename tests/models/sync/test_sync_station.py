"""A station against PostgreSQL through a proxy: online, offline within 3 s, leased numbers, push, pull, conflicts."""

import time
from datetime import UTC, datetime

import pytest
from pg_server import open_test_upstream, pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import func, select
from sync_branch import station_on, synced
from tcp_proxy import TcpProxy, proxy_fixture, through  # noqa: F401 - fixture

from models.branch.service import BranchService
from models.demo.branch_setup import set_up_counter
from models.station.open import SyncWorker
from models.station.service import StationService
from models.store.tables import EventRow
from models.sync.conflicts import conflicts
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.tickets import TransactionLine

pytestmark = pytest.mark.postgres


@pytest.fixture
def branch(pg_url):
    """The branch upstream with three open counters; yields (url, config, clock)."""
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    config = load_branch_config()
    store = open_test_upstream(pg_url)
    svc = BranchService(store, config, "B1", "SETUP", clock)
    svc.ensure_branch("Test branch")
    for cid in ("C1", "C2", "C3"):
        set_up_counter(svc, cid, cid, {"CASH": 1, "TRANSFER": 2})
        svc.open_counter(cid, f"T{cid}")
    yield store, config, clock
    store.close()


def _station(tmp_path, proxy, pg_url, config, clock, name) -> StationService:
    # station_on tries a first sync that ran out of time again, as the station's timer would: under four test
    # processes a station opened offline, and the test then failed for want of a ticket it never pulled.
    return station_on(tmp_path, through(proxy, pg_url), config, clock, name)


def _upstream_events(store) -> int:
    with store.read_session() as s:
        return s.scalar(select(func.count()).select_from(EventRow))


def test_online_command_is_upstream_and_in_the_local_journal(tmp_path, branch, proxy, pg_url):
    store, config, clock = branch
    st = _station(tmp_path, proxy, pg_url, config, clock, "ST1")
    assert st.sync_status().online, st.offline_reason
    before = _upstream_events(store)
    ticket = st.issue_ticket("CASH").ticket
    assert ticket.number == "A001"
    assert _upstream_events(store) == before + 1
    with st.local.store.read_session() as s:
        assert s.scalar(select(EventRow.id).where(EventRow.payload["ticket_id"].as_string() == ticket.id))
    assert st.call_next("C1").ticket.id == ticket.id
    assert st.sync_status()[:3] == (True, 0, st.sync_status().last_sync)


def test_silent_link_goes_offline_within_3_s_and_keeps_working(tmp_path, branch, proxy, pg_url):
    store, config, clock = branch
    st = _station(tmp_path, proxy, pg_url, config, clock, "ST1")
    st.issue_ticket("CASH")
    proxy.stall()
    started = time.monotonic()
    issued = st.issue_ticket("CASH").ticket
    elapsed = time.monotonic() - started
    assert elapsed < 3.0, f"offline detected after {elapsed:.2f} s"
    assert not st.sync_status().online and st.sync_status().backlog == 1
    # From the leased block: a plain branch number, above the online series.
    assert issued.number[0] == "A" and issued.number[1:].isdigit() and issued.number != "A001"
    proxy.restore()
    assert synced(st)
    assert st.sync_status().online and st.sync_status().backlog == 0
    with store.read_session() as s:
        assert s.scalar(select(func.count()).where(EventRow.id.isnot(None), EventRow.station_id == "ST1")) >= 2


def test_cut_link_offline_numbers_then_reconnect_pushes_once(tmp_path, branch, proxy, pg_url):
    store, config, clock = branch
    st = _station(tmp_path, proxy, pg_url, config, clock, "ST1")
    proxy.cut()
    numbers = [st.issue_ticket("CASH").ticket.number for _ in range(15)]
    assert not st.online
    # Ten leased numbers first, then the station's own tagged series.
    assert all(n[1:].isdigit() for n in numbers[:10]) and numbers[10:] == [f"AA{n:03d}" for n in range(1, 6)]
    served = st.call_next("C1").ticket
    clock.advance(30)
    st.start("C1")
    clock.advance(60)
    st.finish("C1", [TransactionLine("CASH_DEPOSIT", 1)])
    assert st.sync_status().backlog == 18
    proxy.restore()
    assert synced(st) and synced(st)
    assert st.sync_status().backlog == 0
    with store.read_session() as s:
        got = s.scalars(select(EventRow.seq).where(EventRow.station_id == "ST1").order_by(EventRow.seq)).all()
    assert got == list(range(1, len(got) + 1))
    # A second station sees the served ticket as done and the others waiting.
    other = _station(tmp_path, proxy, pg_url, config, clock, "ST2")
    assert other.ticket(served.id).status == "done"
    assert len(other.snapshot().waiting) == 14
    assert other.issue_ticket("CASH").ticket.number not in numbers


def test_ticket_called_twice_offline_is_kept_flagged_and_listed(tmp_path, branch, proxy, pg_url):
    store, config, clock = branch
    st1 = _station(tmp_path, proxy, pg_url, config, clock, "ST1")
    st2 = _station(tmp_path, proxy, pg_url, config, clock, "ST2")
    ticket = st1.issue_ticket("CASH").ticket
    assert synced(st2)
    proxy.cut()
    st1.call_ticket("C1", ticket.id, "regular customer")
    st2.call_ticket("C2", ticket.id, "walked up")
    proxy.restore()
    assert synced(st1) and synced(st2) and synced(st1)
    found = conflicts(store, config, "B1")
    assert len(found) == 1
    (conflict,) = found
    assert conflict.ticket_id == ticket.id and conflict.number == ticket.number
    assert {f.station_id for f in conflict.facts if f.type == "ticket_called"} == {"ST1", "ST2"}
    assert "called at" in conflict.detail


def test_station_goes_back_online_by_itself(tmp_path, branch, proxy, pg_url):
    store, config, clock = branch
    st = _station(tmp_path, proxy, pg_url, config, clock, "ST1")
    other = _station(tmp_path, proxy, pg_url, config, clock, "ST2")
    worker = SyncWorker(st, interval_s=0.2).start()
    try:
        proxy.cut()
        st.issue_ticket("CASH")
        assert not st.online
        proxy.restore()
        deadline = time.monotonic() + 10
        while not (st.online and st.sync_status().backlog == 0) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert st.online and st.sync_status().backlog == 0
        # Online, the worker pulls what other stations do.
        issued = other.issue_ticket("TRANSFER").ticket
        deadline = time.monotonic() + 10
        while issued.id not in {t.id for t in st.snapshot().waiting} and time.monotonic() < deadline:
            time.sleep(0.05)
        assert issued.id in {t.id for t in st.snapshot().waiting}
    finally:
        worker.stop()
